import { describe, expect, it, vi } from 'vitest';
import {
  focusStatus,
  ingestUpdates,
  saveSummaryTimes,
  saveTimeZone,
} from '../../../test/helpers/core-commands';
import { createFakeClock } from '../../../test/helpers/fake-clock';
import { deepWorkUtc } from '../../../test/helpers/focus-rules';
import { startTestCore } from '../../../test/helpers/test-core';
import { type Logger, silentLogger } from '../../core/ports';
import { mirrorCore } from './core-mirror';

const T0 = Date.UTC(2025, 2, 4, 9, 0); // Tuesday 4 March 2025, 09:00 UTC

async function mirrored(logger: Logger = silentLogger) {
  const clock = createFakeClock(T0);
  const core = await startTestCore({ clock });
  const mirror = await mirrorCore(core, logger);
  let changes = 0;
  mirror.onChange(() => changes++);
  return { core, clock, mirror, changes: () => changes };
}

describe('the core mirror the tray and the shortcut read', () => {
  it('starts from what the core answers', async () => {
    const { core, mirror } = await mirrored();
    expect(mirror.focus()).toEqual(await focusStatus(core));
    expect(mirror.settings()).toEqual(await core.invoke('settings:get', undefined));
    expect(mirror.held()).toEqual({ heldCount: 0, nextReleaseAt: null });
    expect(mirror.calendar()).toEqual(await core.handlers['calendar:get']());
  });

  it('follows focus as it changes, and says so at once', async () => {
    const { core, clock, mirror, changes } = await mirrored();
    await core.invoke('focus:set', { active: true, minutes: 25 });
    expect(mirror.focus()).toMatchObject({ active: true, until: T0 + 25 * 60_000 });
    expect(changes()).toBeGreaterThan(0);
    clock.advance(25 * 60_000); // the core's own timer ends it
    expect(mirror.focus().active).toBe(false);
  });

  it('counts what is held, and when it comes', async () => {
    const { core, mirror } = await mirrored();
    await core.invoke('focus:set', { active: true, minutes: 25 });
    await ingestUpdates(core, 'a', 'b');
    expect(mirror.held()).toEqual({ heldCount: 2, nextReleaseAt: T0 + 25 * 60_000 });
  });

  it('reads the calendar and the next summary again when the settings change', async () => {
    const { core, mirror } = await mirrored();
    await ingestUpdates(core, 'a'); // focus off: held for the 10:00 summary
    expect(mirror.held().nextReleaseAt).toBe(Date.UTC(2025, 2, 4, 10, 0));

    await saveTimeZone(core, 'Europe/Berlin');
    await vi.waitFor(() => expect(mirror.calendar().zone).toBe('Europe/Berlin'));
    expect(mirror.settings().timeZone).toBe('Europe/Berlin');
    // 10:00 in Berlin is 09:00 UTC, already past: the next summary is Berlin's 13:00.
    expect(mirror.held().nextReleaseAt).toBe(Date.UTC(2025, 2, 4, 12, 0));

    await saveSummaryTimes(core, ['15:30']);
    await vi.waitFor(() => expect(mirror.held().nextReleaseAt).toBe(Date.UTC(2025, 2, 4, 14, 30)));
  });

  it('keeps the status an event brought while a refresh was reading', async () => {
    const { core, mirror } = await mirrored();
    // settings:changed starts a refresh that reads the old status; focus:changed brings the new one.
    await core.invoke('settings:save-focus-rules', { rules: [deepWorkUtc] });
    await vi.waitFor(() => expect(mirror.settings().focusRules).toHaveLength(1));
    expect(mirror.focus().nextBlock).toMatchObject({ name: 'Deep work', start: Date.UTC(2025, 2, 4, 10) });
  });

  it('keeps what it has, and says why, when the core cannot answer a refresh', async () => {
    const warnings: string[] = [];
    const { core, mirror } = await mirrored({ ...silentLogger, warn: (message) => warnings.push(message) });
    const calendar = mirror.calendar();
    vi.spyOn(core.handlers, 'calendar:get').mockRejectedValueOnce(new Error('disk gone'));
    await mirror.refresh();
    expect(mirror.calendar()).toBe(calendar);
    expect(warnings).toEqual([expect.stringMatching(/could not read the core's state: Error: disk gone/)]);
  });

  it('stops following when disposed', async () => {
    const { core, mirror, changes } = await mirrored();
    mirror.dispose();
    await core.invoke('focus:set', { active: true });
    await saveTimeZone(core, 'Asia/Tokyo');
    expect(mirror.focus().active).toBe(false);
    expect(changes()).toBe(0);
  });
});
