/**
 * The delivery settings form and its round trip to a `DeliveryPolicy`. The schema
 * (`deliveryPolicySchema`) decides what is valid, so the form and the core refuse the same policies;
 * this file puts its refusals into sentences next to the right field.
 */
import { type AliasList, MAX_ALIAS_GROUPS, normaliseIdentity } from '../../../shared/contacts';
import {
  DEFAULT_DELIVERY_POLICY,
  type DeliveryMode,
  type DeliveryPolicy,
  deliveryPolicySchema,
} from '../../../shared/delivery';

export interface DeliveryFormState {
  mode: DeliveryMode;
  /** `HH:mm` as the time inputs give them; an empty string is a row not filled in yet. */
  summaryTimes: string[];
  intervalMinutes: string;
  afterHoursHold: boolean;
  marginMinutes: string;
  repeatCount: string;
  repeatWithinMinutes: string;
  vips: string[];
  atRiskReminders: boolean;
  atRiskMinutes: string;
  /** One person's handles and addresses per entry. */
  aliases: AliasList;
}

export type DeliveryField = Exclude<keyof DeliveryFormState, 'summaryTimes'>;

export interface DeliveryFormErrors {
  fields: Partial<Record<DeliveryField | 'summaryTimes', string>>;
  /** Per summary-time row, by index. */
  times: Record<number, string>;
}

export type DeliveryFormResult =
  | { ok: true; policy: DeliveryPolicy }
  | { ok: false; errors: DeliveryFormErrors };

export const MAX_SUMMARY_TIMES = 24;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function policyToForm(policy: DeliveryPolicy): DeliveryFormState {
  return {
    mode: policy.mode,
    summaryTimes: [...policy.summaryTimes],
    intervalMinutes: String(policy.intervalMinutes),
    afterHoursHold: policy.afterHoursHold,
    marginMinutes: String(policy.marginMinutes),
    repeatCount: String(policy.repeatCount),
    repeatWithinMinutes: String(policy.repeatWithinMinutes),
    vips: [...policy.vips],
    atRiskReminders: policy.atRiskReminders,
    atRiskMinutes: String(policy.atRiskMinutes),
    aliases: policy.aliases.map((group) => [...group]),
  };
}

/** What each number field accepts, in words; the bounds are the schema's. */
const NUMBER_MESSAGES: Readonly<Record<string, string>> = {
  intervalMinutes: 'The interval must be a whole number of minutes from 5 to 1440.',
  marginMinutes: 'The margin must be a whole number of minutes from 0 to 1440.',
  repeatCount: 'The number of updates must be a whole number from 2 to 100.',
  repeatWithinMinutes: 'The time span must be a whole number of minutes from 1 to 1440.',
  atRiskMinutes: 'The reminder time must be a whole number of minutes from 5 to 1440.',
};

/** "" and "12.5" become NaN and 12.5: the schema refuses both, in the field's own words. */
const toNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** Off, an unfinished reminder time must not block a save: the default stands in for it. */
function atRiskMinutesOf(form: DeliveryFormState): number {
  const minutes = toNumber(form.atRiskMinutes);
  const valid = deliveryPolicySchema.shape.atRiskMinutes.safeParse(minutes).success;
  return form.atRiskReminders || valid ? minutes : DEFAULT_DELIVERY_POLICY.atRiskMinutes;
}

export function formToPolicy(form: DeliveryFormState): DeliveryFormResult {
  // Summary times only matter in summary mode; elsewhere an unfinished row must not block a save.
  const summaryTimes =
    form.mode === 'summaries' ? form.summaryTimes : form.summaryTimes.filter((t) => TIME.test(t));
  const result = deliveryPolicySchema.safeParse({
    mode: form.mode,
    summaryTimes,
    intervalMinutes: toNumber(form.intervalMinutes),
    afterHoursHold: form.afterHoursHold,
    marginMinutes: toNumber(form.marginMinutes),
    repeatCount: toNumber(form.repeatCount),
    repeatWithinMinutes: toNumber(form.repeatWithinMinutes),
    vips: form.vips,
    atRiskReminders: form.atRiskReminders,
    atRiskMinutes: atRiskMinutesOf(form),
    aliases: form.aliases,
  });
  if (result.success) return { ok: true, policy: result.data };

  const errors: DeliveryFormErrors = { fields: {}, times: {} };
  for (const issue of result.error.issues) {
    const [field, index] = issue.path;
    if (field === 'summaryTimes' && typeof index === 'number') {
      errors.times[index] ??=
        summaryTimes[index] === '' ? 'Enter a time, or remove this row.' : 'Enter a time like 13:00.';
    } else if (field === 'summaryTimes') {
      errors.fields.summaryTimes ??= `At most ${MAX_SUMMARY_TIMES} summary times.`;
    } else if (field === 'aliases') {
      errors.fields.aliases ??= issue.message;
    } else if (field === 'vips') {
      errors.fields.vips ??= 'Each name must be 1 to 200 characters, and the list at most 500 names.';
    } else if (typeof field === 'string' && field in NUMBER_MESSAGES) {
      errors.fields[field as DeliveryField] ??= NUMBER_MESSAGES[field];
    } else {
      errors.fields.mode ??= issue.message;
    }
  }
  return { ok: false, errors };
}

/** Adds a VIP name or handle, or says why not (empty, or already listed in any case). */
export function addVip(vips: readonly string[], input: string): { vips: string[] } | { error: string } {
  const name = input.trim();
  if (!name) return { error: 'Enter a name or a handle.' };
  if (name.length > 200) return { error: 'A name can be at most 200 characters.' };
  if (vips.some((vip) => vip.toLowerCase() === name.toLowerCase()))
    return { error: `${name} is already on the list.` };
  return { vips: [...vips, name] };
}

/**
 * Adds one person's handles and addresses, typed comma-separated ("ana@example.com, @ana"), or says
 * why not: fewer than two, or one that already belongs to someone on the list.
 */
export function addAlias(aliases: AliasList, input: string): { aliases: AliasList } | { error: string } {
  const entries = [...new Set(input.split(',').map((part) => part.trim()))].filter(Boolean);
  if (entries.length === 0)
    return { error: 'Enter two or more handles or email addresses, separated by commas.' };
  if (entries.length < 2) return { error: 'Add at least one more handle or address for this person.' };
  if (entries.length > 20) return { error: 'At most 20 handles or addresses for one person.' };
  if (entries.some((entry) => entry.length > 200))
    return { error: 'A handle can be at most 200 characters.' };
  if (aliases.length >= MAX_ALIAS_GROUPS) return { error: `At most ${MAX_ALIAS_GROUPS} people.` };
  const known = new Set(aliases.flat().map(normaliseIdentity));
  const ids = entries.map(normaliseIdentity);
  const taken = entries.find((_, index) => known.has(ids[index]!));
  if (taken) return { error: `${taken} already belongs to someone on the list.` };
  if (new Set(ids).size < ids.length) return { error: 'A handle is listed twice.' };
  return { aliases: [...aliases, entries] };
}

/** Where a new summary row starts: an hour after the last one, or 10:00. */
export function nextSummaryTime(times: readonly string[]): string {
  const last = [...times]
    .filter((t) => TIME.test(t))
    .sort()
    .at(-1);
  if (!last) return '10:00';
  const hour = Math.min(23, Number(last.slice(0, 2)) + 1);
  return `${String(hour).padStart(2, '0')}:${last.slice(3)}`;
}

/** True when the form says the same as the saved policy (the Save button is quiet then). */
export function samePolicy(form: DeliveryFormState, saved: DeliveryPolicy): boolean {
  const result = formToPolicy(form);
  return result.ok && JSON.stringify(result.policy) === JSON.stringify(deliveryPolicySchema.parse(saved));
}
