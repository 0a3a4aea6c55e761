// The core's write path and start-up, measured on the built browser host as a user runs it:
// - POST p50 and bytes the host process writes to disk per single update (1 KB), with 0 / 10k / 100k
//   items remembered and a window open (a WebSocket client that pulls and acks like the renderer);
// - the time from start to a healthy API with 100k items in the store.
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { startHost } from './host.mjs';
import { percentile } from './stats.mjs';

const BATCH = 500;
const SINGLES = Number(process.env.LULL_BENCH_SINGLES ?? 200);

/** Bytes this process has caused to be written to storage (Linux /proc; null elsewhere). */
function writeBytes(pid) {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    return Number(/write_bytes: (\d+)/.exec(io)?.[1]);
  } catch {
    return null;
  }
}

function apiOf(pageUrl) {
  const url = new URL(pageUrl);
  const token = decodeURIComponent(url.hash.replace('#token=', ''));
  return {
    origin: url.origin,
    token,
    async post(body) {
      const response = await fetch(`${url.origin}/v1/updates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status !== 202)
        throw new Error(`POST answered ${response.status}: ${await response.text()}`);
    },
  };
}

/** A window: pulls the journal as it grows and acks each page, as the renderer does. */
async function openWindow(api) {
  const socket = new WebSocket(`${api.origin.replace('http', 'ws')}/v1/ws`, { origin: api.origin });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map();
  let ready;
  const isReady = new Promise((resolve) => (ready = resolve));
  let since = 0;
  let pulling = false;
  let again = false;
  const call = (command, payload) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ type: 'call', id, command, payload }));
    });
  async function pull() {
    if (pulling) {
      again = true;
      return;
    }
    pulling = true;
    do {
      again = false;
      for (;;) {
        const { value } = await call('journal:pull', { sinceSeq: since, limit: 1000 });
        if (!value || value.entries.length === 0) break;
        since = value.entries.at(-1).seq;
        await call('journal:ack', { seq: since });
      }
    } while (again);
    pulling = false;
  }
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.type === 'ready') ready();
    else if (message.type === 'result') waiting.get(message.id)?.(message.envelope);
    else if (message.type === 'event' && message.event === 'journal:appended') void pull();
  });
  socket.send(JSON.stringify({ type: 'auth', token: api.token }));
  await isReady;
  await pull();
  return { close: () => socket.close() };
}

const update = (prefix, n, bytes) => ({
  source: 'bench',
  externalId: `${prefix}-${n}`,
  channel: 'chat',
  title: `Update ${n}`,
  snippet: 'x'.repeat(Math.max(0, bytes - 110)),
});

async function seed(api, count) {
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    await api.post({ updates: Array.from({ length: size }, (_, i) => update('seed', start + i, 200)) });
  }
}

async function singles(host, api) {
  const before = writeBytes(host.pid);
  const times = [];
  const body = JSON.stringify(update('single', 0, 1024));
  for (let n = 0; n < SINGLES; n++) {
    const started = performance.now();
    await api.post(update('single', n, 1024));
    times.push(performance.now() - started);
    // Trickled, so the window's acks (and the compactions they cause) happen between posts.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = writeBytes(host.pid);
  return {
    p50: percentile(times, 50),
    bytesPerUpdate: before === null || after === null ? null : (after - before) / SINGLES,
    updateBytes: Buffer.byteLength(body),
  };
}

async function healthAfterStart(dataDir) {
  const started = performance.now();
  const host = await startHost({ dataDir });
  const api = apiOf(host.pageUrl);
  for (;;) {
    const response = await fetch(`${api.origin}/v1/health`).catch(() => null);
    if (response?.ok) break;
  }
  return { host, seconds: (performance.now() - started) / 1000 };
}

/** @param {(line: string) => void} log */
export async function benchCore(log, sizes = [0, 10_000, 100_000]) {
  const writes = [];
  let restart = null;
  for (const size of sizes) {
    const host = await startHost();
    try {
      const api = apiOf(host.pageUrl);
      log(`core: seeding ${size} items…`);
      await seed(api, size);
      const window = await openWindow(api);
      log(`core: ${SINGLES} single updates with ${size} remembered and a window open…`);
      writes.push({ size, ...(await singles(host, api)) });
      window.close();
      if (size === sizes.at(-1)) {
        await host.stop({ keep: true });
        log(`core: restarting with ${size} items…`);
        const again = await healthAfterStart(host.dataDir);
        restart = { size, seconds: again.seconds };
        await again.host.stop();
      }
    } finally {
      await host.stop();
    }
  }
  return { writes, restart };
}

export function formatCoreReport({ writes, restart }) {
  const base = writes[0]?.p50 ?? 0;
  const lines = ['', 'Core write path (browser host, single 1 KB updates, a window pulling and acking):'];
  lines.push('| remembered | POST p50 | vs 0 | bytes written per update | per update byte |');
  lines.push('|---|---|---|---|---|');
  for (const w of writes) {
    const bytes = w.bytesPerUpdate === null ? 'n/a' : `${(w.bytesPerUpdate / 1024).toFixed(1)} KB`;
    const ratio = w.bytesPerUpdate === null ? 'n/a' : `${(w.bytesPerUpdate / w.updateBytes).toFixed(1)}×`;
    lines.push(
      `| ${w.size.toLocaleString('en')} | ${w.p50.toFixed(1)} ms | ${(w.p50 / base).toFixed(2)}× | ${bytes} | ${ratio} |`,
    );
  }
  if (restart) {
    lines.push(
      `Start to a healthy API with ${restart.size.toLocaleString('en')} items stored: ${restart.seconds.toFixed(2)} s`,
    );
  }
  return lines.join('\n');
}
