import { type ChangeEvent, type KeyboardEvent, useState } from 'react';

/**
 * The text typed into a list field's Add input (a VIP, a holiday date). Enter or the Add button calls
 * `add`, which resolves to a refusal in words or null once added; a refusal shows until the next edit.
 */
export function useListDraft(add: (draft: string) => string | null) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    const refusal = add(draft);
    setError(refusal);
    if (refusal === null) setDraft('');
  };

  const inputProps = {
    value: draft,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      setDraft(event.target.value);
      setError(null);
    },
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        submit();
      }
    },
  };

  return { error, submit, inputProps };
}
