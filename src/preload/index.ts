/**
 * The sandboxed preload: the only code in the inbox window that can reach ipcRenderer. It exposes one
 * object, `window.lull`, built from the contract by `createBridge`, so every command and event is there
 * and nothing else is: raw ipcRenderer never crosses the bridge. It imports the bridge, never the
 * contract's schemas: main validates every payload, and zod and luxon would make this bundle 60 times larger.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { type BridgeTransport, createBridge, type Envelope } from '../shared/bridge';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/ipc-channels';

const transport: BridgeTransport = {
  invoke: (command, payload) =>
    ipcRenderer.invoke(IPC_INVOKE_CHANNEL, command, payload) as Promise<Envelope<unknown>>,
  subscribe(event, listener) {
    const onEvent = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, onEvent);
    };
  },
};

contextBridge.exposeInMainWorld('lull', createBridge(transport));
