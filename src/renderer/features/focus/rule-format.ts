/** How a focus rule reads in a list: "Mon–Fri", "09:00–11:00", "All day". */
import type { FocusRule } from '../../../shared/focus-schedule';

export const WEEKDAY_NAMES = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 7, short: 'Sun', long: 'Sunday' },
] as const;

const shortName = (day: number) => WEEKDAY_NAMES[day - 1]?.short ?? String(day);

/** Runs of three or more days join with a dash: [1,2,3,4,5] → "Mon–Fri", [1,3,6,7] → "Mon, Wed, Sat, Sun". */
export function formatWeekdays(days: readonly number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return 'Every day';
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${shortName(sorted[i]!)}–${shortName(sorted[j]!)}`);
    else for (let k = i; k <= j; k++) parts.push(shortName(sorted[k]!));
    i = j + 1;
  }
  return parts.join(', ');
}

/** "09:00–11:00", "22:00–02:00 (next day)", "All day". */
export function formatRuleTime(rule: Pick<FocusRule, 'kind' | 'start' | 'end'>): string {
  if (rule.kind === 'all-day') return 'All day';
  const range = `${rule.start}–${rule.end}`;
  return rule.end <= rule.start ? `${range} (next day)` : range;
}

/** Zones most teams span; the user's own zone and the rule's are always added. */
export const COMMON_ZONES = [
  'UTC',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Helsinki',
  'Africa/Lagos',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
] as const;

/** The zone choices: the user's zone first, then the others alphabetically. */
export function zoneOptions(userZone: string, current?: string): string[] {
  const others = new Set<string>(COMMON_ZONES);
  if (current) others.add(current);
  others.delete(userZone);
  return [userZone, ...[...others].sort((a, b) => a.localeCompare(b))];
}
