/**
 * The reply-charter form and its round trip to a `Charter`. The schema (`charterSchema`) decides what
 * is valid, so the form and the core refuse the same charters; this file puts its refusals into
 * sentences next to the right channel.
 */
import {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  type Charter,
  type WindowClock,
} from '../../../shared/channels';
import { charterSchema, replyWindowSchema } from '../../../shared/settings-schema';

export interface ReplyWindowForm {
  /** As typed; "" and "abc" are kept so the field can say what is wrong with them. */
  hours: string;
  clock: WindowClock;
}

export type CharterFormState = Record<Channel, ReplyWindowForm>;
export type CharterFormErrors = Partial<Record<Channel, string>>;
export type CharterFormResult = { ok: true; charter: Charter } | { ok: false; errors: CharterFormErrors };

/** The schema's bounds, so the inputs' min/max and the messages never drift from what the core accepts. */
export const MIN_WINDOW_HOURS = replyWindowSchema.shape.hours.minValue ?? 0.25;
export const MAX_WINDOW_HOURS = replyWindowSchema.shape.hours.maxValue ?? 720;

export function charterToForm(charter: Charter): CharterFormState {
  return Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      { hours: String(charter[channel].hours), clock: charter[channel].clock },
    ]),
  ) as CharterFormState;
}

/** "4", " 1.5 " and "1,5" (a decimal comma) read as numbers; anything else is NaN, which the schema refuses. */
export function parseHours(value: string): number {
  const text = value.trim().replace(',', '.');
  return /^\d+(\.\d+)?$|^\.\d+$/.test(text) ? Number(text) : Number.NaN;
}

export function hoursMessage(channel: Channel, value: string): string {
  const what = `${CHANNEL_LABELS[channel]}`;
  if (value.trim() === '') return `Enter how many hours ${what.toLowerCase()} may wait for a reply.`;
  return `${what}: enter a number of hours from ${MIN_WINDOW_HOURS} to ${MAX_WINDOW_HOURS} (30 days).`;
}

export function formToCharter(form: CharterFormState): CharterFormResult {
  const raw = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      { hours: parseHours(form[channel].hours), clock: form[channel].clock },
    ]),
  );
  const parsed = charterSchema.safeParse(raw);
  if (parsed.success) return { ok: true, charter: parsed.data };
  const errors: CharterFormErrors = {};
  for (const issue of parsed.error.issues) {
    const channel = issue.path[0] as Channel;
    if (!CHANNELS.includes(channel)) continue;
    errors[channel] ??=
      issue.path[1] === 'clock'
        ? `${CHANNEL_LABELS[channel]}: choose working time or clock time.`
        : hoursMessage(channel, form[channel].hours);
  }
  return { ok: false, errors };
}

/** True when the form says the same as `charter` (Save is quiet then; Reset is disabled for the defaults). */
export function sameCharter(form: CharterFormState, charter: Charter): boolean {
  const result = formToCharter(form);
  return result.ok && CHANNELS.every((c) => sameWindow(result.charter[c], charter[c]));
}

const sameWindow = (a: Charter[Channel], b: Charter[Channel]) => a.hours === b.hours && a.clock === b.clock;

/** What a save answers: "Saved · 1 open item re-timed", "Saved · no open items needed re-timing". */
export function recomputedText(recomputed: number): string {
  if (recomputed === 0) return 'Saved · no open items needed re-timing';
  return `Saved · ${recomputed} open ${recomputed === 1 ? 'item' : 'items'} re-timed`;
}
