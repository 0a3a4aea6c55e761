import { type CommandName, contract, type Envelope } from '../../shared/contract';
import type { ServerMessage } from '../../shared/ws-protocol';

/** `ws://host/v1/ws` for the page's own origin (`wss:` when the page is served over https). */
export function wsUrlFor(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/v1/ws`;
}

export function parseServerMessage(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const message = JSON.parse(data) as Partial<ServerMessage> | null;
    if (!message || typeof message !== 'object' || typeof message.type !== 'string') return null;
    return message as ServerMessage;
  } catch {
    return null;
  }
}

/** Checks a result against the contract so a confused server cannot hand the UI a wrong shape. */
export function checkEnvelope(command: CommandName, envelope: unknown): Envelope<unknown> {
  const raw = envelope as Partial<Envelope<unknown>> | null;
  if (raw?.ok === false && raw.error && typeof raw.error.message === 'string') {
    return { ok: false, error: { code: String(raw.error.code ?? 'error'), message: raw.error.message } };
  }
  if (raw?.ok === true) {
    const parsed = contract.commands[command].output.safeParse(raw.value);
    if (parsed.success) return { ok: true, value: parsed.data };
  }
  return {
    ok: false,
    error: { code: 'bad-response', message: `${command}: the answer did not match the contract` },
  };
}
