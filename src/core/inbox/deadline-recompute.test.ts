import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock';
import { tempDir } from '../../../test/helpers/temp-dir';
import { createTestCore } from '../../../test/helpers/test-core';
import { DEFAULT_CHARTER } from '../../shared/channels';
import { updateInputSchema } from '../../shared/schemas';
import { DEFAULT_WORKING_HOURS } from '../../shared/working-time';

// Friday 20 November 2026, 16:00 UTC (the test core's zone is UTC).
const FRIDAY_16 = Date.UTC(2026, 10, 20, 16, 0);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

async function start() {
  const { core } = await createTestCore({ clock: createFakeClock(FRIDAY_16), dataDir: await tempDir() });
  const latest = (id: string) => {
    const entry = core.journal.entries().findLast((e) => e.kind === 'item' && e.item.id === id);
    return entry?.kind === 'item' ? entry.item : undefined;
  };
  return { core, latest };
}

const update = (externalId: string, extra: Record<string, unknown> = {}) =>
  updateInputSchema.parse({
    source: 'chat',
    externalId,
    channel: 'chat',
    title: externalId,
    receivedAt: FRIDAY_16,
    ...extra,
  });

describe('changing the charter or working time recomputes open deadlines', () => {
  it('a shorter chat window moves chat deadlines and journals them; explicit deadlines stay', async () => {
    const { core, latest } = await start();
    await core.ingest.ingest([
      update('a'),
      update('b', { deadline: FRIDAY_16 + 3_600_000 }),
      update('mail', { channel: 'email' }),
    ]);
    expect(iso(latest('chat/a')?.deadline)).toBe('2026-11-23T12:00:00.000Z'); // 4 working hours
    const result = await core.handlers['settings:save-charter']({
      charter: { ...DEFAULT_CHARTER, chat: { hours: 2, clock: 'working' } },
    });
    expect(result.recomputed).toBe(1);
    expect(iso(latest('chat/a')?.deadline)).toBe('2026-11-23T10:00:00.000Z');
    expect(iso(latest('chat/b')?.deadline)).toBe('2026-11-20T17:00:00.000Z');
    expect(core.ingest.known('chat/a')?.deadline).toBe(Date.UTC(2026, 10, 23, 10, 0));
    await core.close();
  });

  it('a holiday on Monday moves the deadline to Tuesday; clock-time windows ignore working hours', async () => {
    const { core, latest } = await start();
    await core.ingest.ingest([update('a')]);
    await core.handlers['settings:save-charter']({
      charter: { ...DEFAULT_CHARTER, email: { hours: 24, clock: 'clock' } },
    });
    await core.ingest.ingest([update('m', { channel: 'email' })]);
    const { recomputed } = await core.handlers['settings:save-working-time']({
      timeZone: 'UTC',
      workingHours: structuredClone(DEFAULT_WORKING_HOURS) as never,
      holidays: ['2026-11-23'],
    });
    expect(recomputed).toBe(1);
    expect(iso(latest('chat/a')?.deadline)).toBe('2026-11-24T12:00:00.000Z');
    expect(iso(latest('chat/m')?.deadline)).toBe('2026-11-21T16:00:00.000Z');
    await core.close();
  });

  it('refuses an invalid zone or overlapping hours in words, changing nothing', async () => {
    const { core } = await start();
    const { dispatchCommand } = await import('../../shared/contract');
    const bad = await dispatchCommand(core.handlers, 'settings:save-working-time', {
      timeZone: 'Mars/Olympus',
      workingHours: {
        ...DEFAULT_WORKING_HOURS,
        1: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
      },
      holidays: [],
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toMatch(
      /timeZone: must be an IANA time zone.*working intervals of a day must not overlap/,
    );
    expect(core.settings.get().timeZone).toBeNull();
    await core.close();
  });
});
