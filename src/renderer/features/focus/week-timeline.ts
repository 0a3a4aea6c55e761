/**
 * The week view's geometry: the week (Monday to Sunday) around `now` in the user's zone, and each focus
 * block cut into per-day segments positioned by local time of day. Pure: blocks, `now` and the zone in.
 */
import { DateTime } from 'luxon';
import type { Block } from '../../../shared/focus-schedule';

export const DAY_MINUTES = 24 * 60;

export interface TimelineSegment {
  key: string;
  /** The names of the rules behind the block: "Deep work". */
  name: string;
  /** Local minutes after midnight, 0–1440. */
  startMinute: number;
  endMinute: number;
  /** "09:00–11:00", or "All day" for a whole day. */
  label: string;
  past: boolean;
  current: boolean;
}

export interface TimelineDay {
  /** The local date, `YYYY-MM-DD`. */
  key: string;
  /** "Mon" */
  shortName: string;
  /** "Monday 17 November" */
  longName: string;
  dayOfMonth: number;
  isToday: boolean;
  segments: TimelineSegment[];
}

export interface WeekTimeline {
  start: number;
  end: number;
  days: TimelineDay[];
  /** Local minutes after midnight of `now`, for the marker in today's row. */
  nowMinute: number;
}

/** Monday 00:00 of the week holding `now` and the next Monday 00:00, in the zone. */
export function weekBounds(now: number, zone: string): { start: number; end: number } {
  const monday = DateTime.fromMillis(now, { zone }).startOf('week');
  return { start: monday.toMillis(), end: monday.plus({ weeks: 1 }).toMillis() };
}

const pad = (n: number) => String(n).padStart(2, '0');
export const formatMinute = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

function segmentLabel(startMinute: number, endMinute: number): string {
  if (startMinute === 0 && endMinute === DAY_MINUTES) return 'All day';
  return `${formatMinute(startMinute)}–${formatMinute(endMinute)}`;
}

/** The names of the rules behind a block, as the core joins them: "Deep work + Writing". */
export const blockName = (block: Block) => [...new Set(block.occurrences.map((o) => o.ruleName))].join(' + ');

export function layoutWeek(
  blocks: readonly Block[],
  now: number,
  zone: string,
  locale = 'en-GB',
): WeekTimeline {
  const today = DateTime.fromMillis(now, { zone }).setLocale(locale);
  const monday = today.startOf('week');
  const days: TimelineDay[] = [];
  for (let i = 0; i < 7; i++) {
    const date = monday.plus({ days: i });
    const dayStart = date.toMillis();
    const dayEnd = date.plus({ days: 1 }).toMillis();
    const minuteOf = (at: number) => {
      if (at >= dayEnd) return DAY_MINUTES;
      const local = DateTime.fromMillis(at, { zone });
      return local.hour * 60 + local.minute;
    };
    const segments: TimelineSegment[] = [];
    for (const block of blocks) {
      const from = Math.max(block.start, dayStart);
      const to = Math.min(block.end, dayEnd);
      if (to <= from) continue;
      const startMinute = minuteOf(from);
      // A segment inside a repeated fall-back hour could read backwards; never let it.
      const endMinute = Math.max(startMinute, minuteOf(to));
      segments.push({
        key: `${block.start}-${dayStart}`,
        name: blockName(block),
        startMinute,
        endMinute,
        label: segmentLabel(startMinute, endMinute),
        past: to <= now,
        current: from <= now && now < to,
      });
    }
    days.push({
      key: date.toISODate() ?? String(dayStart),
      shortName: date.toFormat('ccc'),
      longName: date.toFormat('cccc d LLLL'),
      dayOfMonth: date.day,
      isToday: date.hasSame(today, 'day'),
      segments,
    });
  }
  return {
    start: monday.toMillis(),
    end: monday.plus({ weeks: 1 }).toMillis(),
    days,
    nowMinute: today.hour * 60 + today.minute,
  };
}

export interface TimelineRange {
  /** Local minutes after midnight at the left and right edges. */
  from: number;
  to: number;
  /** Minutes between grid lines; `from` and `to` are multiples of it. */
  step: number;
  ticks: number[];
}

/** What is shown when the week holds nothing outside it: a working day with room either side. */
export const DEFAULT_RANGE = { from: 7 * 60, to: 21 * 60 } as const;

/**
 * The hours worth drawing: the default day widened to every segment and the current time, then
 * snapped to grid lines (every 2, 3 or 6 hours, whichever gives a readable number of them).
 */
export function visibleRange(week: Pick<WeekTimeline, 'days' | 'nowMinute'>): TimelineRange {
  let from: number = DEFAULT_RANGE.from;
  let to: number = DEFAULT_RANGE.to;
  for (const day of week.days) {
    for (const segment of day.segments) {
      from = Math.min(from, segment.startMinute);
      to = Math.max(to, segment.endMinute);
    }
  }
  from = Math.min(from, week.nowMinute);
  to = Math.max(to, week.nowMinute + 1);
  const span = to - from;
  const step = span <= 14 * 60 ? 120 : span <= 18 * 60 ? 180 : 360;
  from = Math.floor(from / step) * step;
  to = Math.min(DAY_MINUTES, Math.ceil(to / step) * step);
  const ticks: number[] = [];
  for (let minute = from; minute <= to; minute += step) ticks.push(minute);
  return { from, to, step, ticks };
}

/** A position in the range as a percentage of its width. */
export function rangePercent(minute: number, range: Pick<TimelineRange, 'from' | 'to'>): number {
  return ((minute - range.from) / (range.to - range.from)) * 100;
}

/** A segment's left edge and width as percentages of the range. */
export function segmentBox(
  segment: Pick<TimelineSegment, 'startMinute' | 'endMinute'>,
  range: Pick<TimelineRange, 'from' | 'to'> = { from: 0, to: DAY_MINUTES },
): { left: number; width: number } {
  const left = rangePercent(segment.startMinute, range);
  return { left, width: rangePercent(segment.endMinute, range) - left };
}
