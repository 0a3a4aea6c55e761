import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock';
import { tempDir } from '../../../test/helpers/temp-dir';
import { createTestCore } from '../../../test/helpers/test-core';
import { type Channel, type Charter, DEFAULT_CHARTER, HOUR_MS, MINUTE_MS } from '../../shared/channels';
import { itemIdFor } from '../../shared/ids';
import { type InboxItem, type UpdateInput, updateInputSchema } from '../../shared/schemas';

const T0 = Date.UTC(2025, 3, 7, 9, 0);

/** Updates go through the shared schema, as they do at every door into the core. */
const update = (externalId: string, extra: Record<string, unknown> = {}): UpdateInput =>
  updateInputSchema.parse({
    source: 'slack',
    externalId,
    channel: 'chat',
    title: `Update ${externalId}`,
    ...extra,
  });

/** Clock-hour windows keep these tests about ingest itself; working time has its own test below. */
const CLOCK_CHARTER = Object.fromEntries(
  Object.entries(DEFAULT_CHARTER).map(([channel, window]) => [
    channel,
    { ...window, clock: 'clock' as const },
  ]),
) as Charter;

async function start(dataDir?: string, clock = createFakeClock(T0), charter: Charter = CLOCK_CHARTER) {
  const { core } = await createTestCore({ clock, dataDir: dataDir ?? (await tempDir()) });
  await core.settings.update({ charter });
  const journalItems = () =>
    core.journal.entries().flatMap((entry) => (entry.kind === 'item' ? [entry.item] : []));
  return { core, clock, journalItems };
}

describe('ingest', () => {
  it('gives each item the stable id itemIdFor(source, externalId)', async () => {
    const { core, journalItems } = await start();
    const [result] = await core.ingest.ingest([update('C01/1712.5', { source: 'slack:acme' })]);
    expect(result?.id).toBe(itemIdFor('slack:acme', 'C01/1712.5'));
    expect(result?.created).toBe(true);
    expect(journalItems().map((i) => i.id)).toEqual([itemIdFor('slack:acme', 'C01/1712.5')]);
    await core.close();
  });

  it.each<[Channel, number]>([
    ['chat', 4],
    ['email', 24],
    ['review', 8],
    ['video', 12],
    ['other', 24],
  ])('a normal %s update is due %i h after it was received', async (channel, hours) => {
    const { core, journalItems } = await start();
    const receivedAt = T0 - 30 * MINUTE_MS;
    const [result] = await core.ingest.ingest([update('x', { channel, receivedAt })]);
    expect(result?.deadline).toBe(receivedAt + hours * HOUR_MS);
    expect(journalItems()[0]).toMatchObject({ receivedAt, deadline: receivedAt + hours * HOUR_MS });
    await core.close();
  });

  it('counts working-time windows in working hours: Friday 16:00 + 4 h of chat is Monday 12:00', async () => {
    // The test core's system zone is UTC (vitest pins TZ) and the default hours are Mon–Fri 09–17.
    const { core } = await start(undefined, createFakeClock(T0), DEFAULT_CHARTER);
    const friday16 = Date.UTC(2025, 3, 11, 16, 0);
    const [result] = await core.ingest.ingest([update('w', { channel: 'chat', receivedAt: friday16 })]);
    expect(new Date(result!.deadline).toISOString()).toBe('2025-04-14T12:00:00.000Z');
    await core.settings.update({ holidays: ['2025-04-14'] });
    const [again] = await core.ingest.ingest([update('w2', { channel: 'chat', receivedAt: friday16 })]);
    expect(new Date(again!.deadline).toISOString()).toBe('2025-04-15T12:00:00.000Z');
    await core.close();
  });

  it('uses the clock for receivedAt when the source gives none, and ingestedAt is the clock', async () => {
    const { core, journalItems } = await start();
    await core.ingest.ingest([update('x', { channel: 'email' })]);
    expect(journalItems()[0]).toMatchObject({ receivedAt: T0, ingestedAt: T0, deadline: T0 + 24 * HOUR_MS });
    await core.close();
  });

  it('an urgent update is due the moment it was received; an explicit deadline wins over both', async () => {
    const { core, journalItems } = await start();
    const receivedAt = T0 - HOUR_MS;
    const explicit = T0 + 3 * HOUR_MS;
    await core.ingest.ingest([
      update('urgent', { priority: 'urgent', receivedAt }),
      update('explicit', { priority: 'urgent', receivedAt, deadline: explicit }),
    ]);
    const [urgent, withDeadline] = journalItems();
    expect(urgent).toMatchObject({ deadline: receivedAt, deadlineExplicit: false });
    expect(withDeadline).toMatchObject({ deadline: explicit, deadlineExplicit: true });
    await core.close();
  });

  it('a re-send without receivedAt keeps the original arrival and deadline, and is not "created"', async () => {
    const { core, clock, journalItems } = await start();
    const receivedAt = T0 - 10 * MINUTE_MS;
    const [first] = await core.ingest.ingest([update('x', { receivedAt })]);
    clock.advance(2 * HOUR_MS);
    const [again] = await core.ingest.ingest([update('x', { title: 'Edited title' })]);
    expect(again).toEqual({ id: first?.id, deadline: receivedAt + 4 * HOUR_MS, created: false });
    const latest = journalItems().at(-1);
    expect(latest).toMatchObject({ title: 'Edited title', receivedAt, ingestedAt: T0 + 2 * HOUR_MS });
    await core.close();
  });

  it('the same id twice in one batch makes one journal entry; the last copy wins', async () => {
    const { core, journalItems } = await start();
    const receivedAt = T0 - 5 * MINUTE_MS;
    const results = await core.ingest.ingest([
      update('dup', { title: 'first', receivedAt }),
      update('other'),
      update('dup', { title: 'second' }),
    ]);
    expect(results.map((r) => r.created)).toEqual([true, true, true]);
    expect(results[0]).toEqual(results[2]);
    const items = journalItems();
    expect(items.map((i) => i.title).sort()).toEqual(['Update other', 'second']);
    // As if sent one by one: the second copy carries no receivedAt, so the first copy's arrival stands.
    expect(items.find((i) => i.title === 'second')).toMatchObject({
      receivedAt,
      deadline: receivedAt + 4 * HOUR_MS,
    });
    expect(results[2]?.deadline).toBe(receivedAt + 4 * HOUR_MS);
    await core.close();
  });

  it('items are durable in the journal before ingest resolves', async () => {
    const dataDir = await tempDir();
    const { core } = await start(dataDir);
    const appended: number[] = [];
    core.journal.onAppended((lastSeq) => appended.push(lastSeq));
    const pending = core.ingest.ingest([update('a'), update('b')]);
    expect(appended).toEqual([]);
    const results = await pending;
    expect(appended).toEqual([2]);
    // A second core over the same dir (as after a crash) reads them back from disk.
    const reader = await start(dataDir);
    expect(reader.journalItems().map((i) => i.id)).toEqual(results.map((r) => r.id));
    await reader.core.close();
    await core.close();
  });

  it('recognises a re-send after the renderer acked and the journal compacted, also after a restart', async () => {
    const dataDir = await tempDir();
    const first = await start(dataDir);
    const receivedAt = T0 - 20 * MINUTE_MS;
    await first.core.ingest.ingest([update('x', { receivedAt, channel: 'review' })]);
    const page = first.core.journal.pull(0);
    await first.core.journal.ack(page.lastSeq);
    expect(first.core.journal.entries()).toEqual([]); // compacted: only the item memory knows it now

    const [again] = await first.core.ingest.ingest([update('x', { channel: 'review', title: 'v2' })]);
    expect(again).toMatchObject({ created: false, deadline: receivedAt + 8 * HOUR_MS });
    await first.core.journal.ack(first.core.journal.lastSeq());
    await first.core.close();

    const second = await start(dataDir, createFakeClock(T0 + HOUR_MS));
    const [third] = await second.core.ingest.ingest([update('x', { channel: 'review', title: 'v3' })]);
    expect(third).toMatchObject({ created: false, deadline: receivedAt + 8 * HOUR_MS });
    expect(second.journalItems().at(-1)).toMatchObject({ title: 'v3', receivedAt });
    await second.core.close();
  });

  it('keeps the memory of items ingested while a snapshot was being written', async () => {
    // A snapshot that finishes after a concurrent ingest must not retire the log that holds it.
    for (let round = 0; round < 10; round++) {
      const dataDir = await tempDir();
      const first = await start(dataDir);
      await first.core.ingest.ingest([update('a', { receivedAt: T0 - HOUR_MS })]);
      await Promise.all([
        first.core.store.snapshot(),
        first.core.ingest.ingest([update('b', { receivedAt: T0 - HOUR_MS })]),
      ]);
      await first.core.journal.ack(first.core.journal.lastSeq()); // compacts: memory must hold b
      // A crash now, without close(): only what is on disk counts.
      const second = await start(dataDir);
      const results = await second.core.ingest.ingest([update('a'), update('b')]);
      expect(results.map((r) => [r.created, r.deadline])).toEqual([
        [false, T0 + 3 * HOUR_MS],
        [false, T0 + 3 * HOUR_MS],
      ]);
      await second.core.close();
      await first.core.close();
    }
  });

  it('keeps open items for ever and forgets done ones 90 days after they were done (README retention)', async () => {
    const dataDir = await tempDir();
    const first = await start(dataDir);
    await first.core.ingest.ingest([update('open'), update('done'), update('done-late')]);
    await first.core.handlers['inbox:set-state']({ ids: [itemIdFor('slack', 'done')], state: 'done' });
    // A jump, not an advance: months of minute timers would only slow the test down.
    first.clock.set(T0 + 60 * 24 * HOUR_MS);
    await first.core.handlers['inbox:set-state']({ ids: [itemIdFor('slack', 'done-late')], state: 'done' });
    first.clock.set(T0 + 91 * 24 * HOUR_MS);
    await first.core.store.snapshot();
    expect(first.core.ingest.known(itemIdFor('slack', 'done'))).toBeUndefined();
    expect(first.core.ingest.known(itemIdFor('slack', 'done-late'))).toMatchObject({
      title: 'Update done-late',
    });
    expect(first.core.ingest.known(itemIdFor('slack', 'open'))).toMatchObject<Partial<InboxItem>>({
      title: 'Update open',
    });
    await first.core.close();
    const second = await start(dataDir);
    expect(
      second.core.ingest
        .list()
        .map((item) => item.externalId)
        .sort(),
    ).toEqual(['done-late', 'open']);
    await second.core.close();
  });
});

describe('list and retract', () => {
  it('lists what it remembers, most recently ingested first', async () => {
    const { core, clock } = await start();
    await core.ingest.ingest([update('a'), update('b')]);
    clock.advance(MINUTE_MS);
    await core.ingest.ingest([update('c')]);
    clock.advance(MINUTE_MS);
    await core.ingest.ingest([update('a', { title: 'a again' })]);
    expect(core.ingest.list().map((i) => i.externalId)).toEqual(['a', 'c', 'b']);
    await core.close();
  });

  it('retracts: out of the held queue, a journal entry for the renderer, forgotten; unknown ids are false', async () => {
    const { core, clock } = await start();
    await core.focus.set({ active: true, minutes: 60 });
    await core.ingest.ingest([update('held', { channel: 'email' })]);
    expect(core.delivery.status().items.map((i) => i.id)).toEqual(['slack/held']);
    expect(await core.ingest.retract('slack/held')).toBe(true);
    expect(core.delivery.status().heldCount).toBe(0);
    expect(core.journal.entries().at(-1)).toMatchObject({ kind: 'retract', id: 'slack/held' });
    expect(core.ingest.known('slack/held')).toBeUndefined();
    expect(core.ingest.list()).toEqual([]);
    expect(await core.ingest.retract('slack/held')).toBe(false);
    expect(await core.ingest.retract('slack/never')).toBe(false);
    // Sent again, it is a new item.
    clock.advance(MINUTE_MS);
    const [again] = await core.ingest.ingest([update('held', { channel: 'email' })]);
    expect(again?.created).toBe(true);
    await core.close();
  });

  it('stays retracted across a restart, before and after compaction', async () => {
    const dataDir = await tempDir();
    const first = await start(dataDir);
    await first.core.ingest.ingest([update('a'), update('b'), update('c')]);
    await first.core.ingest.retract('slack/a');
    // A crash without close(): the memory file was never written; the journal replays the retraction.
    const second = await start(dataDir);
    expect(
      second.core.ingest
        .list()
        .map((i) => i.id)
        .sort(),
    ).toEqual(['slack/b', 'slack/c']);
    await second.core.ingest.retract('slack/b');
    await second.core.journal.ack(second.core.journal.lastSeq()); // compacts after saving the memory
    await second.core.close();
    const third = await start(dataDir);
    expect(third.core.ingest.list().map((i) => i.id)).toEqual(['slack/c']);
    await third.core.close();
    await first.core.close();
  });
});
