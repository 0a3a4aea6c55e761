/**
 * Who a sender is, across sources: a normalised handle or email address, joined by the user's alias
 * list ("ana@example.com = @ana"). Repeated-contact counting and the VIP list both ask this one
 * question, so a person is the same person everywhere. Pure.
 */
import { z } from 'zod';

/** An identity as written in Settings: a handle, an email address or a name. */
const aliasEntrySchema = z.string().trim().min(1).max(200);

/** One person's handles and addresses: at least two, or there is nothing to join. */
export const aliasGroupSchema = z.array(aliasEntrySchema).min(2).max(20);

export const MAX_ALIAS_GROUPS = 200;

/**
 * `ana@example.com`, `Ana@Example.COM`, `mailto:ana@example.com` and ` @ana ` normalise to one form
 * each: trimmed, lower case, compatibility-folded (full-width letters), without a leading `@` or
 * `mailto:`. An email address stays an email address: `ana` and `ana@example.com` are two identities
 * unless the alias list joins them.
 */
export function normaliseIdentity(value: string): string {
  let text = value.normalize('NFKC').trim().toLowerCase();
  if (text.startsWith('mailto:')) text = text.slice('mailto:'.length);
  if (text.startsWith('@')) text = text.slice(1);
  return text.trim();
}

export const aliasListSchema = z
  .array(aliasGroupSchema)
  .max(MAX_ALIAS_GROUPS)
  .superRefine((groups, ctx) => {
    const seen = new Map<string, number>();
    groups.forEach((group, index) => {
      const inGroup = new Set<string>();
      for (const entry of group) {
        const id = normaliseIdentity(entry);
        if (!id) {
          ctx.addIssue({ code: 'custom', path: [index], message: `"${entry}" is not a handle` });
        } else if (inGroup.has(id)) {
          ctx.addIssue({ code: 'custom', path: [index], message: `${entry} is listed twice` });
        } else if (seen.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `${entry} already belongs to another person`,
          });
        }
        inGroup.add(id);
      }
      for (const id of inGroup) if (!seen.has(id)) seen.set(id, index);
    });
  });
export type AliasList = z.output<typeof aliasListSchema>;

export interface SenderLike {
  name: string;
  handle?: string | undefined;
}

export interface IdentityResolver {
  /**
   * The person behind a sender: the normalised handle (the name where a source gives none), or the
   * alias group that lists it. Null without a usable sender.
   */
  personOf(sender: SenderLike | undefined): string | null;
  /** Every identity a sender can be matched by (handle and name, each through the alias list). */
  identitiesOf(sender: SenderLike): string[];
  /** An entry in a list (a VIP) as an identity: its alias group when listed, else itself normalised. */
  resolve(value: string): string;
}

const resolvers = new WeakMap<AliasList, IdentityResolver>();

/** Built once per alias list (settings are replaced, never mutated), so routing a batch stays cheap. */
export function identityResolver(aliases: AliasList): IdentityResolver {
  const cached = resolvers.get(aliases);
  if (cached) return cached;
  const group = new Map<string, string>();
  for (const entries of aliases) {
    const ids = entries.map(normaliseIdentity).filter(Boolean);
    // The group is named by its first entry, prefixed so it cannot collide with a plain handle.
    const name = `person:${ids[0]}`;
    for (const id of ids) if (!group.has(id)) group.set(id, name);
  }
  const resolve = (value: string) => {
    const id = normaliseIdentity(value);
    return group.get(id) ?? id;
  };
  const resolver: IdentityResolver = {
    resolve,
    personOf(sender) {
      if (!sender) return null;
      // A handle identifies; a display name ("Ana") only stands in where a source gives no handle.
      const id = normaliseIdentity(sender.handle ?? '') || normaliseIdentity(sender.name);
      return id ? (group.get(id) ?? id) : null;
    },
    identitiesOf(sender) {
      const ids = [sender.handle, sender.name].filter((v): v is string => Boolean(v)).map(resolve);
      return [...new Set(ids.filter(Boolean))];
    },
  };
  resolvers.set(aliases, resolver);
  return resolver;
}
