import { createBridge, dispatchCommand, type LullApi } from '../../src/shared/contract';
import type { TestCore } from '../helpers/test-core';

/**
 * The in-memory `LullApi` for tests: the same bridge the preload and the WebSocket client build, wired
 * straight to a real core's handlers and events, with the same validation on the way in.
 */
export function createInMemoryLullApi(core: Pick<TestCore, 'handlers' | 'events'>): LullApi {
  return createBridge({
    invoke: (command, payload) => dispatchCommand(core.handlers, command, payload),
    subscribe: (event, listener) => core.events.on(event, listener),
  });
}
