import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { type Core, type CoreParts, composeCore } from '../../src/core/create-core';

export { createFileSecretStore };

import { type Clock, silentLogger, systemClock } from '../../src/core/ports';
import { createFileSecretStore } from '../../src/hosts/common/file-secret-store';

/** Every item entry in the core's journal, oldest first (re-sends appear again). */
export const journalItems = (core: Pick<CoreParts, 'journal'>) =>
  core.journal.entries().flatMap((entry) => (entry.kind === 'item' ? [entry.item] : []));

/**
 * The core as hosts see it, plus its parts for tests to inspect (a host only ever gets `Core`).
 * Tests change state through `handlers` like everyone else; the parts are for looking.
 */
export type TestCore = Core & CoreParts;

/** A started core in a temp dir that closes when the current test finishes. */
export async function startTestCore(options: { clock?: Clock; dataDir?: string } = {}): Promise<TestCore> {
  const { core, dispose } = await createTestCore(options);
  onTestFinished(dispose);
  return core;
}

/** A real core in a fresh temp dir; `dispose` closes it and removes the dir. */
export async function createTestCore(options: { clock?: Clock; dataDir?: string } = {}): Promise<{
  core: TestCore;
  dataDir: string;
  dispose(): Promise<void>;
}> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'lull-test-'));
  const composed = await composeCore({
    dataDir,
    clock: options.clock ?? systemClock,
    logger: silentLogger,
    secrets: createFileSecretStore(dataDir),
    version: '0.0.0-test',
    host: 'browser',
  });
  const core: TestCore = Object.assign(Object.create(null), composed.core, composed.parts);
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

/** A core composed from the given options, not started; the caller starts and closes it. */
export async function openTestCore(options: Parameters<typeof composeCore>[0]): Promise<TestCore> {
  const composed = await composeCore(options);
  return Object.assign(Object.create(null), composed.core, composed.parts);
}
