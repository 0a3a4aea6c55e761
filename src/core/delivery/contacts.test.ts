import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryKit, startDeliveryKit, update, WED_0930 } from '../../../test/helpers/delivery-kit';
import { tempDir } from '../../../test/helpers/temp-dir';
import { MINUTE_MS } from '../../shared/channels';
import { silentLogger } from '../ports';
import { CONTACTS_FILE, openContactWindow } from './contacts';

let kits: DeliveryKit[] = [];
afterEach(async () => {
  for (const kit of kits) await kit.close();
  kits = [];
});
async function start(options: Parameters<typeof startDeliveryKit>[0] = {}) {
  const kit = await startDeliveryKit(options);
  kits.push(kit);
  return kit;
}

const from = (source: string, id: string, name: string, handle: string) =>
  update(id, { source, channel: source === 'mail' ? 'email' : 'chat', sender: { name, handle } });
const reasons = (kit: DeliveryKit) => kit.deliveries.map((d) => d.text);

describe('repeated contact, by person', () => {
  it('counts one person across chat and mail by their normalised address', async () => {
    const k = await start();
    await k.core.ingest.ingest([from('chat', '1', 'Ana', 'ana@example.com')]);
    await k.core.ingest.ingest([from('mail', '2', 'Ana Lima', 'Ana@Example.COM ')]);
    expect(k.deliveries).toHaveLength(0);
    await k.core.ingest.ingest([from('chat', '3', 'Ana', 'mailto:ana@example.com')]);
    expect(reasons(k)).toEqual(['broke through: Ana sent 3 updates in 10 min']);
  });

  it('joins a chat handle and a mail address through the alias list', async () => {
    const k = await start({ delivery: { aliases: [['@ana', 'ana@example.com']] } });
    await k.core.ingest.ingest([from('chat', '1', 'Ana', '@ana')]);
    await k.core.ingest.ingest([from('mail', '2', 'Ana Lima', 'ana@example.com')]);
    await k.core.ingest.ingest([from('mail', '3', 'Ana Lima', 'ana@example.com')]);
    expect(reasons(k)).toEqual(['broke through: Ana Lima sent 3 updates in 10 min']);
    // Someone else with the same display name is someone else.
    await k.core.ingest.ingest([from('chat', '4', 'Ana', '@ana.k')]);
    expect(k.deliveries).toHaveLength(1);
  });

  it('keeps the counting window across a restart, and only the window', async () => {
    const first = await startDeliveryKit();
    await first.core.ingest.ingest([from('chat', '1', 'Bo', '@bo')]);
    await first.core.ingest.ingest([from('mail', '2', 'Bo', 'bo')]);
    await first.close();
    const k = await start({ dataDir: first.dataDir, at: WED_0930 + 2 * MINUTE_MS });
    await k.core.ingest.ingest([from('chat', '3', 'Bo', '@bo')]);
    expect(reasons(k)).toEqual(['broke through: Bo sent 3 updates in 10 min']);
    await k.close();
    kits = [];
    // Eleven minutes after the first two, only two are in the window again.
    const later = await start({ dataDir: first.dataDir, at: WED_0930 + 11 * MINUTE_MS });
    await later.core.ingest.ingest([from('chat', '4', 'Bo', '@bo')]);
    expect(later.deliveries).toHaveLength(0);
  });

  it('stays compact: the file holds the window, not the history', async () => {
    const dataDir = await tempDir();
    const window = await openContactWindow({ dataDir, logger: silentLogger });
    for (let i = 0; i < 3_000; i++) {
      await window.arrive([`person-${i % 7}`], WED_0930 + i * MINUTE_MS, 10 * MINUTE_MS);
    }
    await window.close();
    const lines = (await fs.readFile(path.join(dataDir, CONTACTS_FILE), 'utf8')).trim().split('\n');
    expect(lines.length).toBeLessThan(600);
    const reopened = await openContactWindow({ dataDir, logger: silentLogger });
    // 10 minutes back from the last arrival: ten arrivals, of which person-(2999 % 7) sent one or two.
    const [count] = await reopened.arrive(['person-4'], WED_0930 + 3_000 * MINUTE_MS, 10 * MINUTE_MS);
    expect(count).toBe(2);
    await reopened.close();
  });
});
