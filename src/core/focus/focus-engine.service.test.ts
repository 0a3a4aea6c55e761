import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock';
import { tempDir } from '../../../test/helpers/temp-dir';
import { MINUTE_MS } from '../../shared/channels';
import type { FocusStatus } from '../../shared/focus-schemas';
import { MAX_SLEEP_MS } from '../lib/wake-timer';
import type { Logger } from '../ports';
import { createFocusEngine, FOCUS_FILE, type FocusTransition } from './focus-engine';

const T0 = Date.UTC(2025, 5, 2, 8, 0);
const OFF: FocusStatus = {
  active: false,
  cause: null,
  ruleName: null,
  since: null,
  until: null,
  nextChangeAt: null,
  skipping: false,
  nextBlock: null,
};
/** A status without rules: only what the test names differs from OFF. */
const status = (partial: Partial<FocusStatus>): FocusStatus => ({ ...OFF, ...partial });
/** A manual session: on since `since`; with an end, that end is also the next change. */
const manual = (since: number, until: number | null = null) =>
  status({ active: true, cause: 'manual', since, until, nextChangeAt: until });

/** With nothing scheduled the engine still wakes every 60 s to re-read the clock. */
const idleTimers = (clock: FakeClock) => clock.pendingTimers().map((t) => t.delayMs);

async function setup(dataDir: string, clock: FakeClock = createFakeClock(T0)) {
  const warnings: string[] = [];
  const logger: Logger = { info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) };
  const focus = await createFocusEngine({ dataDir, clock, logger });
  onTestFinished(() => focus.close()); // before tempDir removes the directory: hooks run in reverse
  const changes: { status: FocusStatus; previous: FocusStatus }[] = [];
  focus.onChange((status, previous) => changes.push({ status, previous }));
  const transitions: FocusTransition[] = [];
  focus.onTransition((transition) => transitions.push(transition));
  return { focus, clock, warnings, changes, transitions };
}

describe('focus service', () => {
  it('starts off, turns on and off, telling listeners each time', async () => {
    const { focus, changes, clock } = await setup(await tempDir());
    expect(focus.status()).toEqual(OFF);
    const on = await focus.set({ active: true });
    expect(on).toEqual(manual(T0));
    expect(idleTimers(clock)).toEqual([MAX_SLEEP_MS]); // open-ended: only the routine 60 s wake
    clock.advance(5 * MINUTE_MS);
    const off = await focus.set({ active: false });
    expect(off).toEqual(OFF);
    expect(changes).toEqual([
      { status: on, previous: OFF },
      { status: OFF, previous: on },
    ]);
  });

  it('on for 45 minutes ends by itself once the clock passes `until`', async () => {
    const { focus, clock, changes } = await setup(await tempDir());
    const on = await focus.set({ active: true, minutes: 45 });
    expect(on.until).toBe(T0 + 45 * MINUTE_MS);

    clock.advance(45 * MINUTE_MS - 1);
    expect(focus.status().active).toBe(true);
    expect(changes).toHaveLength(1);

    clock.advance(1);
    expect(focus.status()).toEqual(OFF);
    expect(changes.at(-1)).toEqual({ status: OFF, previous: on });
    expect(changes).toHaveLength(2);
    expect(idleTimers(clock)).toEqual([MAX_SLEEP_MS]);
  });

  it('never arms a timer longer than 60 s', async () => {
    const { focus, clock } = await setup(await tempDir());
    await focus.set({ active: true, minutes: 10 });
    for (let elapsed = 0; elapsed < 10 * MINUTE_MS; elapsed += 7_000) {
      const pending = clock.pendingTimers();
      expect(pending).toHaveLength(1);
      expect(pending[0]!.delayMs).toBeLessThanOrEqual(MAX_SLEEP_MS);
      expect(pending[0]!.delayMs).toBeGreaterThan(0);
      clock.advance(7_000);
    }
    clock.advance(MAX_SLEEP_MS);
    expect(focus.status().active).toBe(false);
  });

  it('arms exactly the remaining time when `until` is under 60 s away', async () => {
    const { focus, clock } = await setup(await tempDir());
    await focus.set({ active: true, minutes: 1 });
    clock.advance(MAX_SLEEP_MS - 1);
    // One timer, due exactly at `until`: a recompute keeps it rather than arming another.
    focus.recompute();
    expect(clock.pendingTimers().map((t) => t.remainingMs)).toEqual([1]);
  });

  it('a forward clock jump past `until` plus recompute() ends focus at once', async () => {
    const { focus, clock, changes } = await setup(await tempDir());
    await focus.set({ active: true, minutes: 45 });
    clock.set(T0 + 3 * 60 * MINUTE_MS);
    expect(changes).toHaveLength(1); // the jump alone fires nothing
    focus.recompute();
    expect(focus.status()).toEqual(OFF);
    expect(changes).toHaveLength(2);
    expect(idleTimers(clock)).toEqual([MAX_SLEEP_MS]);
  });

  it('a backward clock jump after expiry does not bring the session back', async () => {
    const { focus, clock, changes } = await setup(await tempDir());
    await focus.set({ active: true, minutes: 45 });
    clock.advance(46 * MINUTE_MS);
    expect(focus.status()).toEqual(OFF);
    expect(changes.map((c) => c.status.active)).toEqual([true, false]);

    clock.set(T0 + 10 * MINUTE_MS); // an NTP correction sets the clock back before `until`
    focus.recompute();
    clock.advance(60 * MINUTE_MS);
    expect(focus.status()).toEqual(OFF);
    expect(changes.map((c) => c.status.active)).toEqual([true, false]);
  });

  it('a backward clock jump during a session neither ends nor restarts it', async () => {
    const { focus, clock, changes, transitions } = await setup(await tempDir());
    const on = await focus.set({ active: true, minutes: 45 });
    clock.advance(20 * MINUTE_MS);
    clock.set(T0 - 30 * MINUTE_MS); // to before the session began
    focus.recompute();
    expect(focus.status()).toEqual(on);
    expect(changes).toHaveLength(1);
    expect(clock.pendingTimers().every((t) => t.delayMs <= MAX_SLEEP_MS)).toBe(true);
    clock.advance(30 * MINUTE_MS + 45 * MINUTE_MS); // past `since` again, then to the end
    expect(focus.status()).toEqual(OFF);
    expect(transitions.map((t) => t.status.active)).toEqual([true, false]);
  });

  it('each request that flips focus is one transition, even several in one millisecond', async () => {
    const { focus, transitions } = await setup(await tempDir());
    await focus.set({ active: true });
    await focus.set({ active: false });
    await focus.set({ active: true });
    await focus.set({ active: true, minutes: 30 }); // no flip: no transition
    expect(transitions.map((t) => [t.at, t.status.active])).toEqual([
      [T0, true],
      [T0, false],
      [T0, true],
    ]);
    expect(new Set(transitions.map((t) => t.id)).size).toBe(3);
  });

  it('keeps `since` when a running session is extended', async () => {
    const { focus, clock, changes } = await setup(await tempDir());
    await focus.set({ active: true, minutes: 30 });
    clock.advance(10 * MINUTE_MS);
    const extended = await focus.set({ active: true, minutes: 60 });
    expect(extended).toEqual(manual(T0, T0 + 70 * MINUTE_MS));
    expect(changes.map((c) => c.status.active)).toEqual([true, true]);
  });

  it('a restart during a session stays in focus and still ends on time', async () => {
    const dataDir = await tempDir();
    const first = await setup(dataDir);
    const on = await first.focus.set({ active: true, minutes: 45 });
    first.clock.advance(5 * MINUTE_MS);
    await first.focus.close();

    const clock = createFakeClock(T0 + 10 * MINUTE_MS);
    const second = await setup(dataDir, clock);
    expect(second.focus.status()).toEqual(on);
    clock.advance(35 * MINUTE_MS);
    expect(second.focus.status()).toEqual(OFF);
    expect(second.changes).toEqual([{ status: OFF, previous: on }]);
  });

  it('an override that expired while the app was closed is off after the restart', async () => {
    const dataDir = await tempDir();
    const first = await setup(dataDir);
    await first.focus.set({ active: true, minutes: 45 });
    await first.focus.close();

    const clock = createFakeClock(T0 + 2 * 60 * MINUTE_MS);
    const second = await setup(dataDir, clock);
    expect(second.focus.status()).toEqual(OFF);
    expect(idleTimers(clock)).toEqual([MAX_SLEEP_MS]);
  });

  it('an open-ended session survives a restart; turning it off survives one too', async () => {
    const dataDir = await tempDir();
    const first = await setup(dataDir);
    await first.focus.set({ active: true });
    await first.focus.close();
    const second = await setup(dataDir, createFakeClock(T0 + 24 * 60 * MINUTE_MS));
    expect(second.focus.status()).toEqual(manual(T0));
    await second.focus.set({ active: false });
    await second.focus.close();
    expect((await setup(dataDir)).focus.status()).toEqual(OFF);
  });

  it.each([
    ['invalid JSON', '{"active": tru'],
    ['the wrong shape', '{"override": {"kind": "on", "since": "yesterday"}, "fired": []}'],
    ['no override at all', '{"active": "yes", "since": 1}'],
  ])('a corrupt focus.json (%s) starts off with a warning', async (_label, content) => {
    const dataDir = await tempDir();
    await fs.writeFile(path.join(dataDir, FOCUS_FILE), content);
    const { focus, warnings } = await setup(dataDir);
    expect(focus.status()).toEqual(OFF);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(FOCUS_FILE);
  });

  it('a background save that fails is logged, and focus carries on', async () => {
    const dataDir = await tempDir();
    const { focus, clock, warnings } = await setup(dataDir);
    await focus.set({ active: true, minutes: 5 });
    await fs.rm(dataDir, { recursive: true });
    clock.advance(5 * MINUTE_MS);
    await focus.close();
    expect(focus.status()).toEqual(OFF);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => w.includes(FOCUS_FILE))).toBe(true);
  });

  it('close() cancels the timer for good and silences listeners', async () => {
    const { focus, clock, changes } = await setup(await tempDir());
    await focus.set({ active: true, minutes: 5 });
    await focus.close();
    expect(clock.pendingTimers()).toEqual([]);
    clock.advance(10 * MINUTE_MS);
    focus.recompute();
    expect(changes).toHaveLength(1);
    expect(clock.pendingTimers()).toEqual([]);
  });

  it('close() resolves once the last write landed, so a restart remembers what fired', async () => {
    const dataDir = await tempDir();
    const { focus, clock, transitions } = await setup(dataDir);
    await focus.set({ active: true, minutes: 5 });
    clock.advance(5 * MINUTE_MS); // ends by timer; the fired id is saved in the background
    await focus.close();
    const disk = JSON.parse(await fs.readFile(path.join(dataDir, FOCUS_FILE), 'utf8')) as unknown;
    expect(disk).toMatchObject({ override: null, fired: transitions.map((t) => t.id) });
    expect(transitions).toHaveLength(2);
  });
});

describe('focus service under concurrent requests', () => {
  it('applies concurrent set() calls in call order; memory, file and answers agree', async () => {
    for (let round = 0; round < 20; round++) {
      const dataDir = await tempDir();
      const { focus } = await setup(dataDir);
      const answers = await Promise.all([
        focus.set({ active: true, minutes: 30 }),
        focus.set({ active: false }),
        focus.set({ active: true }),
      ]);
      expect(answers.map((a) => [a.active, a.until])).toEqual([
        [true, T0 + 30 * MINUTE_MS],
        [false, null],
        [true, null],
      ]);
      expect(focus.status()).toEqual(manual(T0));
      const disk = JSON.parse(await fs.readFile(path.join(dataDir, FOCUS_FILE), 'utf8')) as unknown;
      expect(disk).toEqual({
        override: { kind: 'on', since: T0, until: null },
        fired: expect.any(Array),
        announced: true,
        seenAt: T0,
      });
      await focus.close();
    }
  });
});
