import { DateTime } from 'luxon';
import type { ClockReading } from '../../lib/clock';

/** The sender's clock now: "14:05 (Europe/Lisbon, 1 h behind you)", with the weekday when it differs from yours. */
export function senderLocalTime(zone: string, clock: Pick<ClockReading, 'now' | 'zone'>): string {
  const theirs = DateTime.fromMillis(clock.now, { zone });
  const ours = DateTime.fromMillis(clock.now, { zone: clock.zone });
  const diff = (theirs.offset - ours.offset) / 60;
  const time = theirs.toFormat('HH:mm');
  const day = theirs.toISODate() === ours.toISODate() ? '' : ` ${theirs.toFormat('ccc')}`;
  const rel = diff === 0 ? 'same time as you' : `${Math.abs(diff)} h ${diff > 0 ? 'ahead of' : 'behind'} you`;
  return `${time}${day} (${zone}, ${rel})`;
}
