/** Words for the digest panel and the header's held indicator. Pure: time and zone are arguments. */
import type { DigestCause } from '../../../shared/digest-schemas';
import { formatInstant, type TimeContext } from '../../../shared/due-format';

export interface HeldCounts {
  readonly heldCount: number;
  readonly nextReleaseAt: number | null;
}

const updates = (n: number) => `${n} update${n === 1 ? '' : 's'}`;

/** The header's indicator: "3 held · next 13:00", or "3 held" when nothing is scheduled. */
export function heldIndicatorText(held: HeldCounts, ctx: TimeContext): string {
  const next = held.nextReleaseAt === null ? '' : ` · next ${formatInstant(held.nextReleaseAt, ctx)}`;
  return `${held.heldCount} held${next}`;
}

/** The peek panel's line: "2 updates held · they come at 13:00", "Nothing is held right now". */
export function peekLine(held: HeldCounts, ctx: TimeContext): string {
  if (held.heldCount === 0) return 'Nothing is held right now.';
  const when =
    held.nextReleaseAt === null ? 'until you show them' : `until ${formatInstant(held.nextReleaseAt, ctx)}`;
  return `${updates(held.heldCount)} held ${when}.`;
}

/** The panel's title for a release: "13:00 summary", "Catch-up after focus", "Shown on request". */
export function digestTitle(cause: DigestCause, at: number, ctx: TimeContext): string {
  const time = formatInstant(at, ctx);
  switch (cause) {
    case 'summary':
      return `${time} summary`;
    case 'interval':
      return `${time} delivery`;
    case 'after-hours':
      return 'Start of the working day';
    case 'focus-end':
      return 'Catch-up after focus';
    case 'manual':
      return 'Shown on request';
  }
}

/** Under the title: "3 updates · 1 due today · released 11:02". */
export function digestSubtitle(count: number, dueToday: number, at: number, ctx: TimeContext): string {
  const parts = [updates(count)];
  if (dueToday > 0) parts.push(`${dueToday} due today`);
  parts.push(`released ${formatInstant(at, ctx)}`);
  return parts.join(' · ');
}
