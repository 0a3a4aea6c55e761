import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock';
import { tempDir } from '../../../test/helpers/temp-dir';
import { type Logger, silentLogger } from '../ports';
import { ACTION_RETENTION_MS, ACTIONS_FILE, MAX_ACTIONS, openActionRegistry } from './action-registry';

const T0 = Date.UTC(2026, 10, 18, 9, 30);
const A = '0b7a1e53-3c55-4a8e-9a54-6c1d2f0e9a01';
const B = '0b7a1e53-3c55-4a8e-9a54-6c1d2f0e9a02';

async function open(dataDir: string, clock = createFakeClock(T0), logger: Logger = silentLogger) {
  return openActionRegistry({ dataDir, clock, logger });
}

const readFile = async (dataDir: string) =>
  JSON.parse(await fs.readFile(path.join(dataDir, ACTIONS_FILE), 'utf8')) as {
    actions: Array<{ id: string; at: number; command: string; ids: string[] }>;
  };

function capturingLogger() {
  const warnings: string[] = [];
  return { warnings, logger: { ...silentLogger, warn: (message: string) => warnings.push(message) } };
}

describe('the action registry', () => {
  it('applies an action once; a replay changes nothing and says so', async () => {
    const dataDir = await tempDir();
    const registry = await open(dataDir);
    let applied = 0;
    const apply = async () => ++applied;
    const action = { id: A, command: 'inbox:set-state', ids: ['chat/a'] } as const;
    expect(await registry.once(action, apply)).toEqual({ duplicate: false, value: 1 });
    expect(await registry.once(action, apply)).toEqual({ duplicate: true });
    expect(applied).toBe(1);
    expect((await readFile(dataDir)).actions).toEqual([
      { id: A, at: T0, command: 'inbox:set-state', ids: ['chat/a'] },
    ]);
  });

  it('applies two copies arriving together once', async () => {
    const registry = await open(await tempDir());
    let applied = 0;
    const apply = async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return ++applied;
    };
    const action = { id: A, command: 'inbox:set-state', ids: ['chat/a'] } as const;
    const answers = await Promise.all([registry.once(action, apply), registry.once(action, apply)]);
    expect(answers).toEqual([{ duplicate: false, value: 1 }, { duplicate: true }]);
    expect(applied).toBe(1);
  });

  it('always applies a change without an action id, and remembers nothing for it', async () => {
    const dataDir = await tempDir();
    const registry = await open(dataDir);
    let applied = 0;
    const action = { id: undefined, command: 'inbox:set-state', ids: ['chat/a'] } as const;
    await registry.once(action, async () => ++applied);
    await registry.once(action, async () => ++applied);
    expect(applied).toBe(2);
    await expect(fs.access(path.join(dataDir, ACTIONS_FILE))).rejects.toThrow();
  });

  it('does not remember an action whose change failed, so its replay applies it', async () => {
    const registry = await open(await tempDir());
    const action = { id: A, command: 'inbox:set-state', ids: ['chat/a'] } as const;
    await expect(registry.once(action, () => Promise.reject(new Error('disk full')))).rejects.toThrow();
    expect(registry.has(A)).toBe(false);
    expect(await registry.once(action, async () => 'ok')).toEqual({ duplicate: false, value: 'ok' });
  });

  it('remembers across a restart', async () => {
    const dataDir = await tempDir();
    const first = await open(dataDir);
    await first.once({ id: A, command: 'inbox:set-deadline', ids: ['chat/a'] }, async () => 1);
    await first.close();
    const second = await open(dataDir);
    expect(second.has(A)).toBe(true);
    expect(
      await second.once({ id: A, command: 'inbox:set-deadline', ids: ['chat/a'] }, async () => 2),
    ).toEqual({ duplicate: true });
  });

  it('forgets actions older than the retention, and the oldest beyond the limit', async () => {
    const dataDir = await tempDir();
    const clock = createFakeClock(T0);
    const old = Array.from({ length: MAX_ACTIONS }, (_, n) => ({
      id: `old-${n}`,
      at: T0 - ACTION_RETENTION_MS + n,
      command: 'inbox:set-state',
      ids: ['chat/a'],
    }));
    await fs.writeFile(path.join(dataDir, ACTIONS_FILE), JSON.stringify({ actions: old }));
    const registry = await open(dataDir, clock);
    expect(registry.has('old-0')).toBe(true);
    expect(registry.has(`old-${MAX_ACTIONS - 1}`)).toBe(true);
    // One more action: the oldest makes room.
    await registry.once({ id: A, command: 'inbox:set-state', ids: ['chat/b'] }, async () => undefined);
    expect(registry.has('old-0')).toBe(false);
    expect(registry.has('old-1')).toBe(true);
    expect((await readFile(dataDir)).actions).toHaveLength(MAX_ACTIONS);
    // A day later everything from 30 days ago is gone; the recent action stays.
    clock.advance(24 * 3_600_000);
    await registry.once({ id: B, command: 'inbox:set-state', ids: ['chat/b'] }, async () => undefined);
    expect((await readFile(dataDir)).actions.map((a) => a.id)).toEqual([A, B]);
  });

  it.each([
    ['not JSON', '{"actions": [tor'],
    ['the wrong shape', '[1, 2, 3]'],
    ['empty', ''],
  ])('starts empty, with a warning, from a file that is %s', async (_case, text) => {
    const dataDir = await tempDir();
    await fs.writeFile(path.join(dataDir, ACTIONS_FILE), text);
    const { warnings, logger } = capturingLogger();
    const registry = await open(dataDir, createFakeClock(T0), logger);
    expect(warnings).toEqual([expect.stringMatching(/applied-actions\.json unreadable/)]);
    expect(await registry.once({ id: A, command: 'inbox:set-state', ids: ['x'] }, async () => 1)).toEqual({
      duplicate: false,
      value: 1,
    });
    expect((await readFile(dataDir)).actions.map((a) => a.id)).toEqual([A]);
  });

  it('keeps the good entries of a partly damaged file', async () => {
    const dataDir = await tempDir();
    const good = { id: A, at: T0, command: 'inbox:set-state', ids: ['chat/a'] };
    await fs.writeFile(
      path.join(dataDir, ACTIONS_FILE),
      JSON.stringify({ actions: [good, { id: B, at: 'yesterday' }, null] }),
    );
    const { warnings, logger } = capturingLogger();
    const registry = await open(dataDir, createFakeClock(T0), logger);
    expect(registry.has(A)).toBe(true);
    expect(registry.has(B)).toBe(false);
    expect(warnings).toEqual([expect.stringMatching(/skipped 2 bad entries/)]);
  });
});
