import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';

export type Validation<Value, Field extends string> =
  | { ok: true; value: Value }
  | { ok: false; errors: Partial<Record<Field, string>> };

interface Options<State, Value, Field extends string> {
  initial: State;
  validate(state: State): Validation<Value, Field>;
  /** Fields in the order they appear: the first invalid one gets focus. */
  fieldOrder: readonly Field[];
  /** The element to focus for a field (its input's id). */
  elementIdFor(field: Field): string;
  /** Resolves to null once saved (the parent closes the form), or to the refusal in words. */
  save(value: Value): Promise<string | null>;
  /** "The rule was not saved" — what a refusal is prefixed with. */
  refusalLead: string;
  onCancel(): void;
}

/**
 * A form whose schema decides what is valid: messages appear after the first save attempt and follow
 * every change; a failed save focuses the first invalid field; Escape cancels. Shared by the rule and
 * source editors so they behave alike.
 */
export function useValidatedForm<State, Value, Field extends string>(options: Options<State, Value, Field>) {
  const [form, setForm] = useState(options.initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const firstInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    firstInput.current?.focus();
  }, []);

  const update = (patch: Partial<State>) => {
    const next = { ...form, ...patch };
    setForm(next);
    if (attempted) {
      const result = options.validate(next);
      setErrors(result.ok ? {} : result.errors);
    }
  };

  /** A fresh start with other values (switching a source's kind): no messages until the next save. */
  const reset = (state: State) => {
    setForm(state);
    setErrors({});
    setAttempted(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setAttempted(true);
    const result = options.validate(form);
    if (!result.ok) {
      setErrors(result.errors);
      const first = options.fieldOrder.find((field) => result.errors[field]);
      if (first) document.getElementById(options.elementIdFor(first))?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    setSaveError(null);
    const refusal = await options.save(result.value);
    // On success the parent closes the form; only a refusal leaves it on screen.
    if (refusal) {
      setSaving(false);
      setSaveError(`${options.refusalLead}: ${refusal}`);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      options.onCancel();
    }
  };

  return { form, update, reset, errors, saving, saveError, submit, onKeyDown, firstInput };
}
