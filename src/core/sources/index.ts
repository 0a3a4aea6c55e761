import type { CoreHandlers } from '../../shared/contract';
import type { WorkingCalendar } from '../../shared/working-time';
import type { CoreEvents } from '../events';
import type { IngestService } from '../inbox/ingest-service';
import type { Clock, Logger, SecretStore } from '../ports';
import type { SettingsStore } from '../settings/settings-store';
import { createSourcesService, type SourcesService } from './sources-service';

export type { SourcesService } from './sources-service';

type SourceCommand =
  | 'sources:list'
  | 'sources:save'
  | 'sources:remove'
  | 'sources:check-now'
  | 'sources:set-paused';

/** The sources service as the core wires it: items go through ingest, changes out as events. */
export async function createSourcesForCore(parts: {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  secrets: SecretStore;
  settings: SettingsStore;
  ingest: IngestService;
  events: CoreEvents;
  calendar: () => WorkingCalendar;
}): Promise<SourcesService> {
  const sources = await createSourcesService({
    ...parts,
    ingest: (updates) => parts.ingest.ingest(updates),
    zone: () => parts.calendar().zone,
  });
  sources.onChange((views) => parts.events.emit('sources:changed', views));
  return sources;
}

/** Handlers validate nothing themselves (dispatch did) and hold no logic: they call the service. */
export function createSourceHandlers(sources: SourcesService): Pick<CoreHandlers, SourceCommand> {
  return {
    'sources:list': async () => sources.list(),
    'sources:save': (input) => sources.save(input),
    'sources:remove': async ({ id }) => ({ removed: await sources.remove(id) }),
    'sources:check-now': ({ id }) => sources.checkNow(id),
    'sources:set-paused': ({ id, paused }) => sources.setPaused(id, paused),
  };
}
