import type { Core } from '../../src/core/create-core';
import { type UpdateInput, updateInputSchema } from '../../src/shared/schemas';

/**
 * Changes and reads a core the way the tray, the window and the API do: through its validated commands
 * and handlers, never its parts. For desktop tests that check what the user sees follow the core.
 */
type Commands = Pick<Core, 'invoke' | 'handlers'>;

export const focusStatus = (core: Commands) => core.invoke('focus:get-status', undefined);

export const heldCount = async (core: Commands) => (await core.invoke('digest:peek', undefined)).heldCount;

/** Settings' zone; the working hours and holidays stay as they are. */
export async function saveTimeZone(core: Commands, timeZone: string | null): Promise<void> {
  const { workingHours, holidays } = await core.invoke('settings:get', undefined);
  await core.invoke('settings:save-working-time', { timeZone, workingHours, holidays });
}

export async function saveSummaryTimes(core: Commands, summaryTimes: string[]): Promise<void> {
  const { delivery } = await core.invoke('settings:get', undefined);
  await core.invoke('settings:save-delivery', { delivery: { ...delivery, summaryTimes } });
}

/** Updates from a script: the local API's ingest, with ids `chat/<externalId>`. */
export function ingestUpdates(core: Commands, ...externalIds: string[]) {
  const updates: UpdateInput[] = externalIds.map((externalId) =>
    updateInputSchema.parse({ source: 'chat', externalId, channel: 'email', title: `Update ${externalId}` }),
  );
  return core.handlers['updates:ingest'](updates);
}
