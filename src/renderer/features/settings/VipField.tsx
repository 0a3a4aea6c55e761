import { useRef } from 'react';
import { AddEntryRow } from './AddEntryRow';
import { ChipList } from './ChipList';
import { addVip } from './delivery-form';
import { useListDraft } from './useListDraft';

interface Props {
  readonly idPrefix: string;
  readonly vips: readonly string[];
  readonly listError: string | undefined;
  readonly onChange: (vips: string[]) => void;
}

/** People whose updates always break through: a list of names or handles, add and remove. */
export function VipField({ idPrefix, vips, listError, onChange }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = `${idPrefix}-input`;
  const draft = useListDraft((text) => {
    const result = addVip(vips, text);
    if ('error' in result) return result.error;
    onChange(result.vips);
    return null;
  });
  const message = draft.error ?? listError;

  return (
    <div className="field vip-field">
      <label htmlFor={inputId} className="field-label">
        VIPs
      </label>
      <p className="field-note" id={`${idPrefix}-note`}>
        Their updates always come through, matched by name or handle.
      </p>
      {vips.length > 0 && (
        <ChipList
          label="VIP list"
          className="vip-list"
          items={vips}
          idPrefix={idPrefix}
          nameOf={(vip) => vip}
          onRemove={(vip) => {
            onChange(vips.filter((v) => v !== vip));
            input.current?.focus();
          }}
        >
          {(vip) => <span>{vip}</span>}
        </ChipList>
      )}
      <AddEntryRow
        inputRef={input}
        idPrefix={idPrefix}
        what="VIP"
        placeholder="Name or @handle"
        maxLength={200}
        message={message}
        inputProps={draft.inputProps}
        onAdd={draft.submit}
      />
    </div>
  );
}
