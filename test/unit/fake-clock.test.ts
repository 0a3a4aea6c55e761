import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../helpers/fake-clock';

describe('fake clock', () => {
  it('fires due timers in due order, with now() at each due time', () => {
    const clock = createFakeClock(1_000);
    const fired: [string, number][] = [];
    clock.setTimer(() => fired.push(['c', clock.now()]), 300);
    clock.setTimer(() => fired.push(['a', clock.now()]), 100);
    clock.setTimer(() => fired.push(['b', clock.now()]), 100);
    clock.advance(250);
    expect(fired).toEqual([
      ['a', 1_100],
      ['b', 1_100],
    ]);
    expect(clock.now()).toBe(1_250);
    clock.advance(50);
    expect(fired.at(-1)).toEqual(['c', 1_300]);
  });

  it('fires timers armed by callbacks within the same advance', () => {
    const clock = createFakeClock(0);
    const fired: number[] = [];
    const tick = () => {
      fired.push(clock.now());
      if (fired.length < 5) clock.setTimer(tick, 60);
    };
    clock.setTimer(tick, 60);
    clock.advance(1_000);
    expect(fired).toEqual([60, 120, 180, 240, 300]);
    expect(clock.pendingTimers()).toEqual([]);
  });

  it('set() jumps the wall clock either way without firing or moving timers', () => {
    const clock = createFakeClock(10_000);
    const fired: number[] = [];
    clock.setTimer(() => fired.push(clock.now()), 500);
    clock.set(99_000);
    clock.set(1_000);
    expect(fired).toEqual([]);
    expect(clock.now()).toBe(1_000);
    expect(clock.pendingTimers()).toEqual([{ id: 1, delayMs: 500, remainingMs: 500 }]);
    clock.advance(500);
    expect(fired).toEqual([1_500]);
  });

  it('cancel removes a timer; negative delays clamp to 0', () => {
    const clock = createFakeClock(0);
    const fired: string[] = [];
    const cancel = clock.setTimer(() => fired.push('cancelled'), 10);
    clock.setTimer(() => fired.push('now'), -5);
    cancel();
    expect(clock.pendingTimers().map((t) => t.delayMs)).toEqual([0]);
    clock.advance(0);
    clock.advance(100);
    expect(fired).toEqual(['now']);
  });

  it('refuses to go backwards through advance and stops a runaway 0 ms loop', () => {
    const clock = createFakeClock(0);
    expect(() => clock.advance(-1)).toThrow();
    const loop = () => clock.setTimer(loop, 0);
    loop();
    expect(() => clock.advance(1)).toThrow(/re-arming/);
  });
});
