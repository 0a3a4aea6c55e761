import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { deepWorkUtc } from '../../../../test/helpers/focus-rules';
import type { FocusRule } from '../../../shared/focus-schedule';
import type { FocusSet } from '../../../shared/focus-schemas';
import { evaluateFocus, type FocusOverride } from '../../../shared/focus-state';
import {
  DEFAULT_WORKING_HOURS,
  tomorrowWorkingStartOrNull,
  type WorkingCalendar,
} from '../../../shared/working-time';
import {
  buildTrayMenuTemplate,
  describeHeld,
  describeStatus,
  type TrayActions,
  type TrayView,
  traySummary,
  trayTooltip,
  trayViewAt,
} from './tray-menu';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2025, 2, 4, 9, 0); // Tuesday 4 March 2025, 09:00 UTC
const FRIDAY_NOON = Date.UTC(2025, 2, 7, 12, 0);
const IN_BLOCK = T0 + 75 * MIN; // 10:15, inside Deep work

const deepWork = deepWorkUtc;
const UTC_CALENDAR: WorkingCalendar = { zone: 'UTC', hours: DEFAULT_WORKING_HOURS, holidays: [] };

function view(
  now: number,
  options: {
    rules?: FocusRule[];
    override?: FocusOverride | null;
    calendar?: WorkingCalendar;
    heldCount?: number;
    nextReleaseAt?: number | null;
  } = {},
): TrayView {
  const rules = options.rules ?? [];
  return trayViewAt({
    status: evaluateFocus(rules, options.override ?? null, now),
    now,
    calendar: options.calendar ?? UTC_CALENDAR,
    rules,
    held: { heldCount: options.heldCount ?? 0, nextReleaseAt: options.nextReleaseAt ?? null },
  });
}

function menu(v: TrayView) {
  const requests: Array<FocusSet | string> = [];
  const actions: TrayActions = {
    setFocus: (request) => requests.push(request),
    openInbox: () => requests.push('openInbox'),
    openFocusSettings: () => requests.push('openFocusSettings'),
    releaseHeld: () => requests.push('releaseHeld'),
    peekHeld: () => requests.push('peekHeld'),
    quit: () => requests.push('quit'),
  };
  const template = buildTrayMenuTemplate(v, actions);
  const find = (label: string): MenuItemConstructorOptions => {
    const item = template.find((entry) => entry.label === label);
    if (!item) throw new Error(`no item "${label}" in ${template.map((i) => i.label).join(' | ')}`);
    return item;
  };
  return {
    labels: template.map((item) => (item.type === 'separator' ? '---' : item.label)),
    enabled: (label: string) => find(label).enabled !== false,
    /** What clicking the item asks for. */
    click(label: string) {
      requests.length = 0;
      (find(label).click as () => void)();
      return requests[0];
    },
  };
}

const manualOn = (until: number | null, since = T0): FocusOverride => ({ kind: 'on', since, until });
const skip: FocusOverride = { kind: 'off', since: IN_BLOCK, until: T0 + 2 * HOUR };

describe('times in the tray', () => {
  const nextSummary = (at: number, calendar = UTC_CALENDAR) =>
    describeHeld(view(T0, { heldCount: 1, nextReleaseAt: at, calendar }));

  it('gives the time today, the weekday within a week and the date beyond, 24 h in the zone', () => {
    expect(nextSummary(T0 + 2 * HOUR)).toBe('1 held · next summary 11:00');
    expect(nextSummary(T0 + 24 * HOUR)).toBe('1 held · next summary Wed 09:00');
    expect(nextSummary(T0 + 6 * 24 * HOUR)).toBe('1 held · next summary Mon 09:00');
    expect(nextSummary(T0 + 10 * 24 * HOUR)).toBe('1 held · next summary 14 Mar, 09:00');
    expect(nextSummary(T0 + 14 * HOUR)).toBe('1 held · next summary 23:00');
    expect(nextSummary(T0 + 15 * HOUR)).toBe('1 held · next summary Wed 00:00');
  });

  it('reads days and hours in the calendar zone, and UTC for a zone no one knows', () => {
    const zone = (name: string) => ({ ...UTC_CALENDAR, zone: name });
    expect(nextSummary(T0 + 2 * HOUR, zone('Europe/Berlin'))).toBe('1 held · next summary 12:00');
    // 23:00 UTC is already Wednesday in Berlin, but 09:00 Tuesday is still Tuesday.
    expect(nextSummary(T0 + 14 * HOUR, zone('Europe/Berlin'))).toBe('1 held · next summary Wed 00:00');
    expect(nextSummary(T0 + 2 * HOUR, zone('America/New_York'))).toBe('1 held · next summary 06:00');
    expect(nextSummary(T0 + 2 * HOUR, zone('Not/AZone'))).toBe('1 held · next summary 11:00');
  });

  it('ends "until tomorrow" where the focus engine does', () => {
    const berlin = { ...UTC_CALENDAR, zone: 'Europe/Berlin' };
    // Late Friday, a Sunday afternoon, the night the clocks go forward in Berlin.
    for (const now of [FRIDAY_NOON + 11 * HOUR, Date.UTC(2025, 2, 9, 15), Date.UTC(2025, 2, 29, 23, 30)]) {
      for (const calendar of [UTC_CALENDAR, berlin]) {
        expect(view(now, { calendar }).workingStart).toBe(tomorrowWorkingStartOrNull(now, calendar));
      }
    }
  });
});

describe('the tray menu for each focus state', () => {
  const REST = [
    '---',
    'Show held updates now',
    'Peek at held updates (0)',
    '---',
    'Open inbox',
    'Focus settings…',
    '---',
    'Quit Lull',
  ];

  it('off, with nothing scheduled', () => {
    const m = menu(view(T0));
    expect(m.labels).toEqual([
      'Focus off',
      '---',
      'Focus for 25 minutes',
      'Focus for 1 hour',
      'Focus for 2 hours',
      'Until this block ends',
      'Until tomorrow 09:00',
      'Turn focus on',
      ...REST,
    ]);
    expect(m.enabled('Focus off')).toBe(false);
    expect(m.enabled('Until this block ends')).toBe(false);
    expect(m.enabled('Until tomorrow 09:00')).toBe(true);
    expect(m.enabled('Show held updates now')).toBe(false);
    expect(m.enabled('Peek at held updates (0)')).toBe(false);
  });

  it('with updates held: says how many and when they come, and offers to show or peek at them', () => {
    const m = menu(
      view(T0, { override: manualOn(T0 + 2 * HOUR), heldCount: 4, nextReleaseAt: T0 + 4 * HOUR }),
    );
    expect(m.labels.slice(0, 3)).toEqual(['Focus on · until 11:00', '4 held · next summary 13:00', '---']);
    expect(m.enabled('4 held · next summary 13:00')).toBe(false);
    expect(m.enabled('Show held updates now')).toBe(true);
    expect(m.enabled('Peek at held updates (4)')).toBe(true);
    expect(m.click('Show held updates now')).toBe('releaseHeld');
    expect(m.click('Peek at held updates (4)')).toBe('peekHeld');
  });

  it('off, with a block coming later today or after the weekend', () => {
    expect(menu(view(T0, { rules: [deepWork] })).labels[0]).toBe('Focus off · next block 10:00 (Deep work)');
    expect(menu(view(FRIDAY_NOON, { rules: [deepWork] })).labels[0]).toBe(
      'Focus off · next block Mon 10:00 (Deep work)',
    );
  });

  it('manual focus until turned off', () => {
    const m = menu(view(T0, { override: manualOn(null) }));
    expect(m.labels[0]).toBe('Focus on');
    expect(m.labels).toContain('Turn focus off');
    expect(m.labels).not.toContain('Turn focus on');
  });

  it('manual focus for a time', () => {
    const m = menu(view(T0, { override: manualOn(T0 + 2 * HOUR) }));
    expect(m.labels[0]).toBe('Focus on · until 11:00');
    expect(m.labels).toContain('Turn focus off');
  });

  it('a scheduled block running: named, skippable, and "until this block ends" enabled', () => {
    const m = menu(view(IN_BLOCK, { rules: [deepWork] }));
    expect(m.labels).toEqual([
      'Focus on · Deep work until 11:00',
      '---',
      'Focus for 25 minutes',
      'Focus for 1 hour',
      'Focus for 2 hours',
      'Until this block ends',
      'Until tomorrow 09:00',
      'Skip this block',
      ...REST,
    ]);
    expect(m.enabled('Until this block ends')).toBe(true);
  });

  it('skipping a block: says which and until when, and offers to resume it', () => {
    const m = menu(view(IN_BLOCK, { rules: [deepWork], override: skip }));
    expect(m.labels[0]).toBe('Skipping Deep work until 11:00');
    expect(m.labels).toContain('Resume Deep work');
    expect(m.labels).toContain('Turn focus on');
    expect(m.enabled('Resume Deep work')).toBe(true);
    // The block grew to 12:00 after the skip: focus comes back when the skip ends, at 11:00.
    const longer = { ...deepWork, end: '12:00' };
    expect(describeStatus(view(IN_BLOCK, { rules: [longer], override: skip }))).toBe(
      'Skipping Deep work until 11:00',
    );
  });

  it('manual focus during a block: turning it off is offered as such, the block can still be joined', () => {
    const m = menu(view(IN_BLOCK, { rules: [deepWork], override: manualOn(null, IN_BLOCK) }));
    expect(m.labels[0]).toBe('Focus on');
    expect(m.labels).toContain('Turn focus off');
    expect(m.enabled('Until this block ends')).toBe(true);
  });

  it('names the day "until tomorrow" really ends on, and disables it without working hours', () => {
    expect(menu(view(FRIDAY_NOON)).labels).toContain('Until Mon 09:00');
    const sunday = Date.UTC(2025, 2, 9, 15, 0);
    expect(menu(view(sunday)).labels).toContain('Until tomorrow 09:00');
    const berlin: WorkingCalendar = { ...UTC_CALENDAR, zone: 'Europe/Berlin' };
    expect(menu(view(T0, { calendar: berlin })).labels).toContain('Until tomorrow 09:00');

    const noHours = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
    const idle = menu(view(T0, { calendar: { ...UTC_CALENDAR, hours: noHours } }));
    expect(idle.labels).toContain('Until tomorrow morning');
    expect(idle.enabled('Until tomorrow morning')).toBe(false);
    const lost = menu(view(T0, { calendar: { ...UTC_CALENDAR, zone: 'Not/AZone' } }));
    expect(lost.enabled('Until tomorrow morning')).toBe(false);
  });

  it('sends each item its request', () => {
    const off = menu(view(T0));
    expect(off.click('Focus for 25 minutes')).toEqual({ active: true, minutes: 25 });
    expect(off.click('Focus for 1 hour')).toEqual({ active: true, minutes: 60 });
    expect(off.click('Focus for 2 hours')).toEqual({ active: true, minutes: 120 });
    expect(off.click('Until tomorrow 09:00')).toEqual({ active: true, until: 'working-start' });
    expect(off.click('Turn focus on')).toEqual({ active: true });
    expect(off.click('Open inbox')).toBe('openInbox');
    expect(off.click('Focus settings…')).toBe('openFocusSettings');
    expect(off.click('Quit Lull')).toBe('quit');

    const running = menu(view(IN_BLOCK, { rules: [deepWork] }));
    expect(running.click('Until this block ends')).toEqual({ active: true, until: 'block-end' });
    expect(running.click('Skip this block')).toEqual({ active: false });
    expect(menu(view(T0, { override: manualOn(null) })).click('Turn focus off')).toEqual({ active: false });
    const skipping = menu(view(IN_BLOCK, { rules: [deepWork], override: skip }));
    expect(skipping.click('Resume Deep work')).toEqual({ active: true, until: 'block-end' });
  });
});

describe('the tooltip', () => {
  it('says until when, on, or when the next block starts', () => {
    expect(traySummary(view(T0))).toBe('Focus off');
    expect(traySummary(view(T0, { rules: [deepWork] }))).toBe('Focus off · next block 10:00');
    expect(traySummary(view(FRIDAY_NOON, { rules: [deepWork] }))).toBe('Focus off · next block Mon 10:00');
    expect(traySummary(view(T0, { override: manualOn(null) }))).toBe('Focus on');
    expect(traySummary(view(T0, { override: manualOn(T0 + 2 * HOUR) }))).toBe('Focus until 11:00');
    expect(traySummary(view(IN_BLOCK, { rules: [deepWork] }))).toBe('Focus until 11:00');
    expect(traySummary(view(IN_BLOCK, { rules: [deepWork], override: skip }))).toBe(
      'Skipping Deep work until 11:00',
    );
  });

  it('adds how many updates are held, only when there are some, and the tooltip when they come', () => {
    const on = { override: manualOn(T0 + 2 * HOUR) };
    const held = { ...on, heldCount: 4, nextReleaseAt: T0 + 2 * HOUR };
    expect(traySummary(view(T0, held))).toBe('Focus until 11:00 · 4 held');
    expect(trayTooltip(view(T0, held))).toBe('Focus until 11:00 · 4 held · next summary 11:00');
    expect(traySummary(view(T0, { ...on, heldCount: 0 }))).toBe('Focus until 11:00');
    expect(trayTooltip(view(T0, { ...on, heldCount: 0 }))).toBe('Focus until 11:00');
    expect(trayTooltip(view(T0, { heldCount: 2, nextReleaseAt: T0 + 24 * HOUR }))).toBe(
      'Focus off · 2 held · next summary Wed 09:00',
    );
  });

  it('describes what is held: the count, and the next summary unless none is known or it is due', () => {
    expect(describeHeld(view(T0))).toBe('');
    expect(describeHeld(view(T0, { heldCount: 1 }))).toBe('1 held');
    expect(describeHeld(view(T0, { heldCount: 3, nextReleaseAt: T0 + 4 * HOUR }))).toBe(
      '3 held · next summary 13:00',
    );
    expect(describeHeld(view(T0, { heldCount: 3, nextReleaseAt: T0 }))).toBe('3 held · next summary now');
  });

  it('uses the calendar zone', () => {
    const berlin: WorkingCalendar = { ...UTC_CALENDAR, zone: 'Europe/Berlin' };
    expect(traySummary(view(T0, { override: manualOn(T0 + 2 * HOUR), calendar: berlin }))).toBe(
      'Focus until 12:00',
    );
    expect(describeStatus(view(T0, { rules: [deepWork], calendar: berlin }))).toBe(
      'Focus off · next block 11:00 (Deep work)',
    );
  });
});
