/**
 * Turns a transport (IPC in the preload, a WebSocket in the browser, direct calls in tests) into the
 * `LullApi` the renderer uses. It runs inside the sandboxed preload, so it must not load the schemas:
 * only types come from `contract.ts` and the names from `contract-names.ts`. A test bundles the
 * preload and fails if zod or luxon creep back in.
 */
import type { CommandName, EventName, LullApi, Unsubscribe } from './contract';
import { COMMAND_NAMES, EVENT_NAMES } from './contract-names';

/** What crosses a process or socket boundary in answer to a command. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** A refusal with a code the caller can act on (`invalid-payload`, `forbidden`, `not-found`…). */
export class LullError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LullError';
  }
}

export interface BridgeTransport {
  invoke(command: CommandName, payload: unknown): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): Unsubscribe;
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `focus:set` → ['focus', 'set']; `app:get-info` → ['app', 'getInfo']. */
export function methodPath(command: CommandName): [domain: string, method: string] {
  const [domain = '', verb = ''] = command.split(':');
  return [domain, camel(verb)];
}

/** `focus:changed` → `onFocusChanged`. */
export function eventKey(event: EventName): string {
  const [domain = '', name = ''] = event.split(':');
  return `on${capital(domain)}${capital(camel(name))}`;
}

/**
 * Builds a `LullApi` from a transport by walking the contract's names, so no implementation can
 * forget a method. Used by the preload, the WebSocket client and the in-memory fake.
 */
export function createBridge(transport: BridgeTransport): LullApi {
  const api: Record<string, unknown> = {};
  for (const command of COMMAND_NAMES) {
    const [domain, method] = methodPath(command);
    const group = (api[domain] ?? {}) as Record<string, unknown>;
    api[domain] = group;
    group[method] = async (input?: unknown) => {
      const envelope = await transport.invoke(command, input);
      if (!envelope.ok) throw new LullError(envelope.error.code, envelope.error.message);
      return envelope.value;
    };
  }
  for (const event of EVENT_NAMES) {
    api[eventKey(event)] = (listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  }
  return api as LullApi;
}
