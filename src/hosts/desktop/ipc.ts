import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { CoreEvents } from '../../core/events';
import {
  type CoreHandlers,
  dispatchCommand,
  type Envelope,
  EVENT_NAMES,
  type EventName,
  type Unsubscribe,
} from '../../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/ipc-channels';
import type { AppOrigin } from './windows/app-origin';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

const UNTRUSTED: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Only the Lull inbox may call the core' },
};

/** Trusts a call only if the frame that sent it shows an app page (not a frame that navigated elsewhere). */
export function trustAppFrames(origin: AppOrigin): SenderCheck {
  return (event) => {
    const url = event.senderFrame?.url;
    return typeof url === 'string' && origin.isAppUrl(url);
  };
}

/**
 * One handler for every command: check the sender, then `dispatchCommand` validates the payload with
 * the contract and calls the core. No logic lives here. Returns the function that unregisters it.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: CoreHandlers,
  isTrustedSender: SenderCheck,
): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, command: unknown, payload: unknown) => {
    if (!isTrustedSender(event)) return UNTRUSTED;
    return dispatchCommand(handlers, command, payload);
  });
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}

type EventTarget = Pick<WebContents, 'send' | 'isDestroyed'>;

/**
 * Forwards every contract event of the core to the inbox window's page, if it still has one.
 * Returns the function that stops forwarding.
 */
export function forwardCoreEvents(events: CoreEvents, target: () => EventTarget | null): Unsubscribe {
  const forward = (name: EventName, payload: unknown) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, name, payload);
  };
  const unsubscribes = EVENT_NAMES.map((name) => events.on(name, (payload) => forward(name, payload)));
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
