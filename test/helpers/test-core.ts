import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { type Core, createCore } from '../../src/core/create-core';

export { createFileSecretStore };

import { type Clock, silentLogger, systemClock } from '../../src/core/ports';
import { createFileSecretStore } from '../../src/hosts/common/file-secret-store';

/** Every item entry in the core's journal, oldest first (re-sends appear again). */
export const journalItems = (core: Core) =>
  core.journal.entries().flatMap((entry) => (entry.kind === 'item' ? [entry.item] : []));

/** A started core in a temp dir that closes when the current test finishes. */
export async function startTestCore(options: { clock?: Clock; dataDir?: string } = {}): Promise<Core> {
  const { core, dispose } = await createTestCore(options);
  onTestFinished(dispose);
  return core;
}

/** A real core in a fresh temp dir; `dispose` closes it and removes the dir. */
export async function createTestCore(options: { clock?: Clock; dataDir?: string } = {}): Promise<{
  core: Core;
  dataDir: string;
  dispose(): Promise<void>;
}> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'lull-test-'));
  const core = await createCore({
    dataDir,
    clock: options.clock ?? systemClock,
    logger: silentLogger,
    secrets: createFileSecretStore(dataDir),
    version: '0.0.0-test',
    host: 'browser',
  });
  await core.start();
  return {
    core,
    dataDir,
    async dispose() {
      await core.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
