/**
 * How reply deadlines and focus read to a person: which group an item falls in (Overdue / Due today /
 * Tomorrow / This week / Later), short phrases such as "due in 3 h · 14:00" or "overdue by 2 h · 12:00",
 * and the focus label. Pure: `now`, the IANA zone and the locale are arguments, so the renderer, the
 * tray, the CLI, notifications and tests agree on every word.
 */
import { DateTime } from 'luxon';
import { MINUTE_MS } from './channels';

export const DUE_GROUPS = ['overdue', 'today', 'tomorrow', 'week', 'later'] as const;
export type DueGroup = (typeof DUE_GROUPS)[number];

export const DUE_GROUP_LABELS: Readonly<Record<DueGroup, string>> = {
  overdue: 'Overdue',
  today: 'Due today',
  tomorrow: 'Tomorrow',
  week: 'This week',
  later: 'Later',
};

export interface TimeContext {
  readonly now: number;
  /** IANA zone, e.g. `Europe/Berlin`. */
  readonly zone: string;
  /** BCP 47 locale for clock times; the system default when omitted. */
  readonly locale?: string | undefined;
}

/**
 * `at` in the zone. A zone luxon does not know (a hand-edited settings file) reads as UTC rather than
 * "Invalid DateTime": a label that is off by the offset beats one that says nothing.
 */
function inZone(at: number, zone: string): DateTime {
  const dt = DateTime.fromMillis(at, { zone });
  return dt.isValid ? dt : DateTime.fromMillis(at, { zone: 'utc' });
}

function local(at: number, ctx: TimeContext): DateTime {
  const dt = inZone(at, ctx.zone);
  return ctx.locale ? dt.setLocale(ctx.locale) : dt;
}

/** Calendar days from `now` to `at` in the zone: 0 today, 1 tomorrow, -1 yesterday. */
export function calendarDaysBetween(now: number, at: number, zone: string): number {
  const start = inZone(now, zone).startOf('day');
  const end = inZone(at, zone).startOf('day');
  return Math.round(end.diff(start, 'days').days);
}

export function dueGroup(deadline: number, ctx: Pick<TimeContext, 'now' | 'zone'>): DueGroup {
  if (deadline < ctx.now) return 'overdue';
  const days = calendarDaysBetween(ctx.now, deadline, ctx.zone);
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  // The rest of this ISO week (Monday to Sunday) in the zone; from next Monday on, Later.
  const sameWeek = DateTime.fromMillis(deadline, { zone: ctx.zone }).hasSame(
    DateTime.fromMillis(ctx.now, { zone: ctx.zone }),
    'week',
  );
  return sameWeek ? 'week' : 'later';
}

/**
 * Where the groups start, as instants: overdue before `now`, Due today before the first, Tomorrow
 * before the second, This week before the third, Later from it on. The same cut as `dueGroup`, so the
 * inbox can count each group with one index range instead of reading the rows.
 */
export function dueBoundaries(ctx: Pick<TimeContext, 'now' | 'zone'>): {
  now: number;
  endOfToday: number;
  endOfTomorrow: number;
  endOfWeek: number;
} {
  const today = DateTime.fromMillis(ctx.now, { zone: ctx.zone }).startOf('day');
  const endOfToday = today.plus({ days: 1 }).toMillis();
  const endOfTomorrow = today.plus({ days: 2 }).toMillis();
  const nextWeek = today.startOf('week').plus({ weeks: 1 }).toMillis();
  return { now: ctx.now, endOfToday, endOfTomorrow, endOfWeek: Math.max(endOfTomorrow, nextWeek) };
}

/** A short, rounded span: "45 min", "3 h", "2 d". Spans under a minute read "1 min". */
export function formatSpan(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / MINUTE_MS));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

/**
 * A clock time, with just enough date to be unambiguous: "14:00", "Tue 09:00", "3 Dec, 09:00".
 * Always a 24-hour clock, so a time reads the same in every locale; names of days and months follow it.
 */
export function formatInstant(at: number, ctx: TimeContext): string {
  const dt = local(at, ctx);
  const days = calendarDaysBetween(ctx.now, at, ctx.zone);
  const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  if (days === 0) return dt.toLocaleString(time);
  if (Math.abs(days) < 7) return dt.toLocaleString({ weekday: 'short', ...time });
  const sameYear = dt.year === local(ctx.now, ctx).year;
  return dt.toLocaleString({
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    ...time,
  });
}

export interface DueText {
  /** The whole phrase: "due in 3 h · 14:00". */
  readonly text: string;
  /** "due in 3 h", "overdue by 2 h", "due now". */
  readonly relative: string;
  /** "14:00", "Tue 09:00". */
  readonly absolute: string;
  readonly overdue: boolean;
  /** Not overdue yet, but due within AT_RISK_MS: the row says so before it is too late. */
  readonly atRisk: boolean;
}

/** How a deadline is marked: red when overdue, amber while at risk, plain otherwise. */
export function dueState(due: Pick<DueText, 'overdue' | 'atRisk'>): 'overdue' | 'at-risk' | undefined {
  return due.overdue ? 'overdue' : due.atRisk ? 'at-risk' : undefined;
}

/** How close to its deadline an item reads as at risk ("due soon"). */
export const AT_RISK_MS = 2 * 60 * MINUTE_MS;

export function formatDue(deadline: number, ctx: TimeContext): DueText {
  const diff = deadline - ctx.now;
  const absolute = formatInstant(deadline, ctx);
  let relative: string;
  if (Math.abs(diff) < MINUTE_MS) relative = 'due now';
  else if (diff > 0) relative = `due in ${formatSpan(diff)}`;
  else relative = `overdue by ${formatSpan(diff)}`;
  return {
    text: `${relative} · ${absolute}`,
    relative,
    absolute,
    overdue: diff < 0,
    atRisk: diff >= 0 && diff < AT_RISK_MS,
  };
}

export interface FocusLabelStatus {
  readonly active: boolean;
  readonly until: number | null;
  readonly cause?: 'manual' | 'schedule' | null;
  readonly ruleName?: string | null;
  readonly skipping?: boolean;
  readonly nextBlock?: { readonly start: number; readonly name: string } | null;
}

/** What a label has room for beyond the state; the window's toggle shows none of it. */
export interface FocusLabelDetail {
  /** While skipping: when focus comes back by itself ("Skipping Deep work until 11:00"). */
  readonly skipUntil?: number | null;
  /** While off: the next block's start ("Focus off · next block Mon 09:00"), `named` adds "(Deep work)". */
  readonly nextBlock?: 'time' | 'named';
  /** The menu bar's few words: "Focus until 11:00" without the block's name. */
  readonly short?: boolean;
}

/**
 * The one focus label, shared by the window's toggle, the tray and the CLI: "Focus on · Deep work until
 * 11:00", "Focus on · until 11:00", "Focus on", "Focus off", "Skipping Deep work". The status names the
 * rules only while a block runs, so the skipped block's name can be passed in (`skippedName`).
 */
export function formatFocusLabel(
  status: FocusLabelStatus,
  ctx: TimeContext,
  skippedName?: string | null,
  detail: FocusLabelDetail = {},
): string {
  const at = (instant: number) => formatInstant(instant, ctx);
  if (!status.active) {
    if (status.skipping) {
      const name = status.ruleName ?? skippedName ?? 'this block';
      return detail.skipUntil == null ? `Skipping ${name}` : `Skipping ${name} until ${at(detail.skipUntil)}`;
    }
    const next = detail.nextBlock ? status.nextBlock : null;
    if (!next) return 'Focus off';
    const named = detail.nextBlock === 'named' ? ` (${next.name})` : '';
    return `Focus off · next block ${at(next.start)}${named}`;
  }
  if (detail.short) return status.until === null ? 'Focus on' : `Focus until ${at(status.until)}`;
  const name = status.cause === 'schedule' ? status.ruleName : null;
  const until = status.until === null ? null : `until ${at(status.until)}`;
  const tail = [name, until].filter(Boolean).join(' ');
  return tail ? `Focus on · ${tail}` : 'Focus on';
}

/**
 * A countdown for a clock face: "42:07", "1:05:09", and past a day "2 d 3 h". Seconds are rounded
 * up, so a countdown reads "0:01" until the moment it ends; anything past reads "0:00".
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor(total / 3600) % 24;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  const minutes = Math.floor(total / 60) % 60;
  const seconds = String(total % 60).padStart(2, '0');
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`;
  return `${minutes}:${seconds}`;
}

/** A span of time: "Tue 09:00–11:00", "22:00–Wed 02:00"; the end names its day only when it differs. */
export function formatRange(start: number, end: number, ctx: TimeContext): string {
  return `${formatInstant(start, ctx)}–${formatInstant(end, { ...ctx, now: start })}`;
}
