import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FocusRule } from './focus-schedule';
import { evaluateFocus, type FocusOverride, transitionsBetween } from './focus-state';

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
];
const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const ruleArb = fc
  .record({
    kind: fc.constantFrom<'window' | 'all-day'>('window', 'window', 'all-day'),
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    start: hhmm,
    end: hhmm,
    zone: fc.constantFrom(...ZONES),
    enabled: fc.boolean(),
  })
  .filter((r) => r.kind === 'all-day' || r.start !== r.end);
// 2026 spans every kind of DST transition in these zones.
const YEAR_START = Date.UTC(2026, 0, 1);
const instant = fc.integer({ min: YEAR_START, max: YEAR_START + 364 * 86_400_000 });
const rulesArb = fc
  .array(ruleArb, { minLength: 0, maxLength: 3 })
  .map((rules) =>
    rules.map(
      (r, i): FocusRule => ({ ...r, weekdays: [...r.weekdays].sort(), id: `r${i}`, name: `Rule ${i}` }),
    ),
  );
const overrideArb = fc.option(
  fc.record({
    kind: fc.constantFrom<'on' | 'off'>('on', 'off'),
    offset: fc.integer({ min: -600, max: 600 }),
    minutes: fc.integer({ min: 1, max: 600 }),
  }),
  { nil: null },
);

function override(
  raw: { kind: 'on' | 'off'; offset: number; minutes: number } | null,
  now: number,
): FocusOverride | null {
  if (!raw) return null;
  const since = now + raw.offset * 60_000;
  return { kind: raw.kind, since, until: since + raw.minutes * 60_000 };
}

describe('focus state properties', () => {
  it('the next change is after now, and nothing changes before it', () => {
    fc.assert(
      fc.property(
        rulesArb,
        overrideArb,
        instant,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rules, raw, now, frac) => {
          const o = override(raw, now);
          const state = evaluateFocus(rules, o, now);
          if (state.nextChangeAt === null) return;
          expect(state.nextChangeAt).toBeGreaterThan(now);
          const between = now + Math.floor((state.nextChangeAt - now) * frac);
          if (between < state.nextChangeAt)
            expect(evaluateFocus(rules, o, between).active).toBe(state.active);
          expect(evaluateFocus(rules, o, state.nextChangeAt).active).toBe(!state.active);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('transitions alternate, flip the state, and never share an id', () => {
    fc.assert(
      fc.property(rulesArb, overrideArb, instant, (rules, raw, now) => {
        const o = override(raw, now);
        const transitions = transitionsBetween(rules, o, now, now + 8 * 86_400_000);
        const ids = transitions.map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
        let active = evaluateFocus(rules, o, now).active;
        for (const t of transitions) {
          expect(t.active).toBe(!active);
          expect(evaluateFocus(rules, o, t.at).active).toBe(t.active);
          expect(evaluateFocus(rules, o, t.at - 1).active).toBe(active);
          active = t.active;
        }
      }),
      { numRuns: 200 },
    );
  });
});
