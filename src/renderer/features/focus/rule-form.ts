/**
 * The rule editor's form state and its round trip to a `FocusRule`. Validation is the schema's
 * (`focusRuleSchema`), so the editor and the core refuse the same rules; this file only puts the
 * schema's messages into sentences and next to the right field.
 */
import { type FocusRule, focusRuleSchema } from '../../../shared/focus-schedule';

export const RULE_FIELDS = ['name', 'kind', 'weekdays', 'start', 'end', 'zone', 'enabled'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleKind = FocusRule['kind'];

export interface RuleFormState {
  name: string;
  kind: RuleKind;
  /** 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  start: string;
  end: string;
  zone: string;
  enabled: boolean;
}

export type RuleFormErrors = Partial<Record<RuleField, string>>;

export type RuleFormResult = { ok: true; rule: FocusRule } | { ok: false; errors: RuleFormErrors };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const NAME_MAX_LENGTH = 80;

/** A new rule starts as the most common block: weekday mornings, in the user's zone. */
export function newRuleForm(zone: string): RuleFormState {
  return {
    name: '',
    kind: 'window',
    weekdays: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '11:00',
    zone,
    enabled: true,
  };
}

export function ruleToForm(rule: FocusRule): RuleFormState {
  return {
    name: rule.name,
    kind: rule.kind,
    weekdays: [...rule.weekdays],
    start: rule.start,
    end: rule.end,
    zone: rule.zone,
    enabled: rule.enabled,
  };
}

const FIELD_LABELS: Readonly<Record<RuleField, string>> = {
  name: 'The name',
  kind: 'The kind',
  weekdays: 'The days',
  start: 'The start',
  end: 'The end',
  zone: 'The time zone',
  enabled: 'Enabled',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "needs a name" → "This rule needs a name."; "must be a time like 09:00" → "The start must be …". */
export function describeRuleIssue(field: RuleField, message: string): string {
  const sentence = message.endsWith('.') ? message : `${message}.`;
  if (message.startsWith('needs ')) return `This rule ${sentence}`;
  if (message.startsWith('must ')) return `${FIELD_LABELS[field]} ${sentence}`;
  if (/^(start|end)\b/.test(message)) return capitalise(sentence);
  return `${FIELD_LABELS[field]}: ${sentence}`;
}

/** A window whose end is before its start runs past midnight into the next day. */
export function endsNextDay(form: Pick<RuleFormState, 'kind' | 'start' | 'end'>): boolean {
  return form.kind === 'window' && TIME.test(form.start) && TIME.test(form.end) && form.end < form.start;
}

/**
 * The rule the form describes, or the schema's complaints by field (the first per field). An all-day
 * rule keeps the times typed so far when they are valid, so switching kinds back and forth loses nothing.
 */
export function formToRule(form: RuleFormState, id: string): RuleFormResult {
  const allDay = form.kind === 'all-day';
  const time = (value: string) => (allDay && !TIME.test(value) ? '00:00' : value);
  const parsed = focusRuleSchema.safeParse({
    id,
    name: form.name,
    kind: form.kind,
    weekdays: form.weekdays,
    start: time(form.start),
    end: time(form.end),
    zone: form.zone,
    enabled: form.enabled,
  });
  if (parsed.success) return { ok: true, rule: parsed.data };
  const errors: RuleFormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(RULE_FIELDS as readonly string[]).includes(field)) continue;
    const key = field as RuleField;
    errors[key] ??= describeRuleIssue(key, issue.message);
  }
  return { ok: false, errors };
}

/** A short id from a random UUID, retried in the (unlikely) event it is taken. */
export function newRuleId(taken: ReadonlySet<string>, randomUUID: () => string): string {
  for (;;) {
    const id = `rule-${randomUUID().replaceAll('-', '').slice(0, 10)}`;
    if (!taken.has(id)) return id;
  }
}

/** Replaces the rule with the same id in place, or appends a new one. */
export function upsertRule(rules: readonly FocusRule[], rule: FocusRule): FocusRule[] {
  const index = rules.findIndex((r) => r.id === rule.id);
  if (index === -1) return [...rules, rule];
  return rules.map((r, i) => (i === index ? rule : r));
}

export function removeRule(rules: readonly FocusRule[], id: string): FocusRule[] {
  return rules.filter((r) => r.id !== id);
}

export function setRuleEnabled(rules: readonly FocusRule[], id: string, enabled: boolean): FocusRule[] {
  return rules.map((r) => (r.id === id ? { ...r, enabled } : r));
}
