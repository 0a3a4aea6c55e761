import { useRef } from 'react';
import type { AliasList } from '../../../shared/contacts';
import { AddEntryRow } from './AddEntryRow';
import { ChipList } from './ChipList';
import { addAlias } from './delivery-form';
import { useListDraft } from './useListDraft';

interface Props {
  readonly idPrefix: string;
  readonly aliases: AliasList;
  readonly listError: string | undefined;
  readonly onChange: (aliases: AliasList) => void;
}

const SEPARATOR = ', ';

/**
 * One person's handles and addresses on several sources, so repeats and VIPs count them as one:
 * typed comma-separated, shown one chip per person, removed whole.
 */
export function AliasField({ idPrefix, aliases, listError, onChange }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = `${idPrefix}-input`;
  const draft = useListDraft((text) => {
    const result = addAlias(aliases, text);
    if ('error' in result) return result.error;
    onChange(result.aliases);
    return null;
  });
  const message = draft.error ?? listError;
  const people = aliases.map((group) => group.join(SEPARATOR));

  return (
    <div className="field alias-field">
      <label htmlFor={inputId} className="field-label">
        Same person
      </label>
      <p className="field-note" id={`${idPrefix}-note`}>
        Handles and email addresses of one person on different sources. Repeated updates and VIPs count them
        as one sender.
      </p>
      {people.length > 0 && (
        <ChipList
          label="People with several handles"
          className="alias-list"
          items={people}
          idPrefix={idPrefix}
          nameOf={(person) => person}
          onRemove={(_person, index) => {
            onChange(aliases.filter((_, i) => i !== index));
            input.current?.focus();
          }}
        >
          {(person) => <span>{person.split(SEPARATOR).join(' = ')}</span>}
        </ChipList>
      )}
      <AddEntryRow
        inputRef={input}
        idPrefix={idPrefix}
        what="person"
        placeholder="ana@example.com, @ana"
        maxLength={2000}
        message={message}
        inputProps={draft.inputProps}
        onAdd={draft.submit}
      />
    </div>
  );
}
