import { COMMAND_NAMES, EVENT_NAMES, eventKey, methodPath } from '../../src/shared/contract';

/**
 * Fails, naming every gap, unless `api` has a function for each command at `api[domain][method]`
 * and an `on…` function for each event. Reused for the preload bridge, the WebSocket client and fakes.
 */
export function assertImplementsContract(api: unknown): void {
  const root = (typeof api === 'object' || typeof api === 'function') && api !== null ? api : {};
  const at = (holder: unknown, key: string): unknown =>
    (typeof holder === 'object' || typeof holder === 'function') && holder !== null
      ? (holder as Record<string, unknown>)[key]
      : undefined;
  const missing: string[] = [];
  for (const command of COMMAND_NAMES) {
    const [domain, method] = methodPath(command);
    if (typeof at(at(root, domain), method) !== 'function') missing.push(`${domain}.${method} (${command})`);
  }
  for (const event of EVENT_NAMES) {
    const key = eventKey(event);
    if (typeof at(root, key) !== 'function') missing.push(`${key} (${event})`);
  }
  if (missing.length > 0) {
    throw new Error(`API does not implement the contract; missing: ${missing.join(', ')}`);
  }
}
