import { describe, expect, it } from 'vitest';
import { DEFAULT_CHARTER } from './channels';
import {
  charterWarnings,
  DEFAULT_DELIVERY_POLICY,
  type DeliveryPolicy,
  deliveryPolicySchema,
  holdTarget,
  nextIntervalAt,
  nextSummaryAt,
} from './delivery';
import { DEFAULT_WORKING_HOURS, type WorkingCalendar } from './working-time';

const berlin: WorkingCalendar = { zone: 'Europe/Berlin', hours: DEFAULT_WORKING_HOURS, holidays: [] };
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const at = (s: string) => Date.parse(s);
const policy = (p: Partial<DeliveryPolicy> = {}): DeliveryPolicy => ({ ...DEFAULT_DELIVERY_POLICY, ...p });

describe('next summary', () => {
  it.each([
    ['before the first summary', '2026-11-18T07:00:00Z', '2026-11-18T09:00:00.000Z'],
    ['between summaries', '2026-11-18T10:30:00Z', '2026-11-18T12:00:00.000Z'],
    ['exactly at a summary: the next one', '2026-11-18T12:00:00Z', '2026-11-18T15:00:00.000Z'],
    ['after the last: tomorrow', '2026-11-18T16:00:00Z', '2026-11-19T09:00:00.000Z'],
    ['Friday evening: Monday', '2026-11-20T16:00:00Z', '2026-11-23T09:00:00.000Z'],
  ])('%s', (_name, now, expected) => {
    expect(iso(nextSummaryAt(policy(), berlin, at(now)))).toBe(expected);
  });

  it('skips holidays', () => {
    const calendar = { ...berlin, holidays: ['2026-11-19'] };
    expect(iso(nextSummaryAt(policy(), calendar, at('2026-11-18T16:00:00Z')))).toBe(
      '2026-11-20T09:00:00.000Z',
    );
  });

  it('keeps local times across the spring-forward change', () => {
    // Friday 27 March 10:00 CET is 09:00Z; Monday 30 March 10:00 CEST is 08:00Z.
    expect(iso(nextSummaryAt(policy(), berlin, at('2026-03-27T16:00:00Z')))).toBe('2026-03-30T08:00:00.000Z');
  });

  it('is null without summary times', () => {
    expect(nextSummaryAt(policy({ summaryTimes: [] }), berlin, at('2026-11-18T07:00:00Z'))).toBeNull();
  });

  it('interval mode counts round boundaries from local midnight', () => {
    const p = policy({ mode: 'interval', intervalMinutes: 90 });
    expect(iso(nextIntervalAt(p, berlin, at('2026-11-18T09:10:00Z')))).toBe('2026-11-18T09:30:00.000Z'); // 10:30 local
    expect(iso(nextIntervalAt(p, berlin, at('2026-11-18T22:40:00Z')))).toBe('2026-11-18T23:00:00.000Z'); // midnight
  });
});

describe('where an item waits', () => {
  const wed = at('2026-11-18T08:30:00Z'); // 09:30 Berlin
  it.each<
    [
      string,
      Partial<DeliveryPolicy>,
      { active: boolean; until: number | null },
      number,
      { until: string | null; because: string } | null,
    ]
  >([
    [
      'focus holds until it ends',
      {},
      { active: true, until: at('2026-11-18T10:00:00Z') },
      wed,
      { until: '2026-11-18T10:00:00.000Z', because: 'focus' },
    ],
    [
      // Summaries do not release during focus, so no time is promised: the session's end is unknown.
      'open-ended focus holds until it ends, whenever that is',
      {},
      { active: true, until: null },
      wed,
      { until: null, because: 'focus' },
    ],
    [
      'focus holds even in instant mode',
      { mode: 'instant' },
      { active: true, until: at('2026-11-18T10:00:00Z') },
      wed,
      { until: '2026-11-18T10:00:00.000Z', because: 'focus' },
    ],
    [
      'summaries',
      {},
      { active: false, until: null },
      wed,
      { until: '2026-11-18T09:00:00.000Z', because: 'summary' },
    ],
    ['instant delivers', { mode: 'instant' }, { active: false, until: null }, wed, null],
    [
      'after-hours hold until the next working start',
      { mode: 'instant', afterHoursHold: true },
      { active: false, until: null },
      at('2026-11-18T19:00:00Z'),
      { until: '2026-11-19T08:00:00.000Z', because: 'after-hours' },
    ],
    [
      'after-hours hold does nothing in working hours',
      { mode: 'instant', afterHoursHold: true },
      { active: false, until: null },
      wed,
      null,
    ],
  ])('%s', (_name, p, focus, now, expected) => {
    const target = holdTarget(policy(p), focus, berlin, now);
    expect(target && { until: iso(target.until), because: target.because }).toEqual(expected);
  });
});

describe('charter check', () => {
  const now = at('2026-11-18T06:00:00Z');
  it('the default summaries suit the default charter', () => {
    expect(charterWarnings(policy(), DEFAULT_CHARTER, berlin, now)).toEqual([]);
  });

  it('warns in words when summaries are too far apart for chat', () => {
    const warnings = charterWarnings(
      policy({ summaryTimes: ['10:00', '16:00'] }),
      DEFAULT_CHARTER,
      berlin,
      now,
    );
    expect(warnings.map((w) => w.text)).toEqual([
      'chat replies within 4 h need a summary at least every 3.5 h; summaries are up to 6 h apart',
    ]);
  });

  it('counts overnight gaps in working time only', () => {
    // 16:00 → next day 10:00 is 1 h + 1 h of working time, not 18 clock hours.
    const warnings = charterWarnings(
      policy({ summaryTimes: ['10:00', '13:00', '16:00'] }),
      DEFAULT_CHARTER,
      berlin,
      now,
    );
    expect(warnings).toEqual([]);
  });

  it('warns for an interval longer than a window allows, and when nothing is scheduled', () => {
    expect(
      charterWarnings(policy({ mode: 'interval', intervalMinutes: 300 }), DEFAULT_CHARTER, berlin, now).map(
        (w) => w.channel,
      ),
    ).toEqual(['chat']);
    expect(charterWarnings(policy({ summaryTimes: [] }), DEFAULT_CHARTER, berlin, now)[0]?.text).toBe(
      'chat replies within 4 h need summaries, and none are scheduled',
    );
  });

  it('instant delivery never warns', () => {
    expect(charterWarnings(policy({ mode: 'instant' }), DEFAULT_CHARTER, berlin, now)).toEqual([]);
  });
});

describe('policy validation', () => {
  it('sorts and dedupes summary times, and explains bad ones', () => {
    expect(
      deliveryPolicySchema.parse(policy({ summaryTimes: ['16:00', '10:00', '16:00'] })).summaryTimes,
    ).toEqual(['10:00', '16:00']);
    const bad = deliveryPolicySchema.safeParse(policy({ summaryTimes: ['4pm'] }));
    expect(bad.success ? '' : bad.error.issues[0]?.message).toBe('must be a time like 13:00');
  });
});
