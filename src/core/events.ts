import type { EventName, EventPayload } from '../shared/contract';
import { createEmitter, type Unsubscribe } from './lib/emitter';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/** The core's outgoing events, typed from the contract; each host forwards them to its renderer. */
export interface CoreEvents {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  on<E extends EventName>(event: E, listener: Listener<E>): Unsubscribe;
}

export function createCoreEvents(onListenerError: (error: unknown) => void): CoreEvents {
  const emitter = createEmitter<Record<EventName, [unknown]>>(onListenerError);
  return {
    emit: (event, payload) => emitter.emit(event, payload),
    on: (event, listener) => emitter.on(event, listener as (payload: unknown) => void),
  };
}
