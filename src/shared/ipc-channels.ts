/**
 * The Electron IPC transport of the contract. Every command travels on one invoke channel as
 * `(command, payload)` and is validated in main by `dispatchCommand`; every core event travels on one
 * event channel as `(event, payload)`. Main and preload import these so they cannot disagree.
 */
export const IPC_INVOKE_CHANNEL = 'bridge:invoke-command';
export const IPC_EVENT_CHANNEL = 'bridge:emit-event';
