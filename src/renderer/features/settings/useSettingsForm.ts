import { type FormEvent, useEffect, useRef, useState } from 'react';
import { describeError } from '../../lib/errors';

/** What the last save or reset said, shown in the form's status line. */
export type Outcome = { ok: boolean; text: string } | null;

interface Options<Saved, State> {
  /** The value the core holds now; a new one reaches the form when another window or an import saves. */
  saved: Saved;
  toForm(saved: Saved): State;
  /** Whether the form holds this saved value (no unsaved changes). */
  same(form: State, saved: Saved): boolean;
}

/** A save that went through: what the core holds now and the words for the status line. */
export interface Stored<Saved> {
  saved: Saved;
  text: string;
  /** Put the stored value back into the form (the core may have tidied it). */
  reload: boolean;
}

interface Submit<Saved, Value> {
  /** What the schema made of the form, or null when it refused it: then `save` is not called. */
  value: Value | null;
  focusFirstProblem(): void;
  save(value: Value): Promise<Stored<Saved>>;
}

/**
 * A settings card's edit-and-save cycle, shared by the charter, working time and delivery forms:
 * follow a value saved elsewhere while this form has no changes, clear the status on every edit,
 * count messages from the first save on, and say what a save did or why it failed.
 */
export function useSettingsForm<Saved, State>({ saved, toForm, same }: Options<Saved, State>) {
  const [form, setForm] = useState<State>(() => toForm(saved));
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const baseline = useRef(saved);

  // Someone else saved (another window, a backup import): follow them unless this form has unsaved changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new saved value should reset the form.
  useEffect(() => {
    if (same(form, baseline.current)) setForm(toForm(saved));
    baseline.current = saved;
  }, [saved]);

  const edit = (change: (current: State) => State) => {
    setForm(change);
    setOutcome(null);
  };
  const update = (patch: Partial<State>) => edit((current) => ({ ...current, ...patch }));

  const handleSubmit =
    <Value>({ value, focusFirstProblem, save }: Submit<Saved, Value>) =>
    async (event: FormEvent) => {
      event.preventDefault();
      setAttempted(true);
      if (value === null) {
        focusFirstProblem();
        return;
      }
      if (saving) return;
      setSaving(true);
      try {
        const stored = await save(value);
        baseline.current = stored.saved;
        if (stored.reload) setForm(toForm(stored.saved));
        setOutcome({ ok: true, text: stored.text });
      } catch (failure) {
        setOutcome({ ok: false, text: `Not saved: ${describeError(failure)}` });
      } finally {
        setSaving(false);
      }
    };

  return {
    form,
    setForm,
    edit,
    update,
    attempted,
    saving,
    outcome,
    setOutcome,
    dirty: !same(form, saved),
    handleSubmit,
  };
}
