import { useRef } from 'react';
import type { AliasList } from '../../../shared/contacts';
import { FieldError } from '../../components/FieldError';
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
  const errorId = `${idPrefix}-error`;
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
      <div className="vip-add">
        <input
          ref={input}
          id={inputId}
          className="input"
          type="text"
          maxLength={2000}
          autoComplete="off"
          placeholder="ana@example.com, @ana"
          aria-invalid={message ? true : undefined}
          aria-describedby={[`${idPrefix}-note`, message && errorId].filter(Boolean).join(' ')}
          {...draft.inputProps}
        />
        <button type="button" className="button button-small" onClick={draft.submit}>
          Add<span className="visually-hidden"> person</span>
        </button>
      </div>
      <FieldError id={errorId} message={message ?? undefined} />
    </div>
  );
}
