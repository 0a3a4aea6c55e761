/**
 * The words the inbox search finds an item by: title, sender and snippet, folded to lower case
 * without accents, split on anything that is not a letter or a digit. Stored on each row under the
 * multi-entry `*words` index, so a search reads the index instead of every row.
 */
import type { InboxItem } from '../../shared/schemas';

/** Enough for a long snippet; the rest of a very long text is still matched by the row filter. */
const MAX_WORDS = 200;

/** Lower case, accents off: "Zoë" and "zoe" are the same word. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The distinct words of a text, in order of first appearance. */
export function splitWords(text: string): string[] {
  const words = foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  return [...new Set(words)];
}

type Searchable = Pick<InboxItem, 'title' | 'sender' | 'snippet'>;

export function itemWords(item: Searchable): string[] {
  const text = [item.title, item.sender?.name, item.sender?.handle, item.snippet].filter(Boolean).join(' ');
  return splitWords(text).slice(0, MAX_WORDS);
}

/** Every query word is the start of some word of the item: "rev pr" finds "Review PR #12". */
export function matchesWords(words: readonly string[], query: readonly string[]): boolean {
  return query.every((term) => words.some((word) => word.startsWith(term)));
}
