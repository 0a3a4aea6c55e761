import type { EventName, EventPayload, Unsubscribe } from '../shared/contract';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/** The core's outgoing events, typed from the contract; each host forwards them to its renderer. */
export interface CoreEvents {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  on<E extends EventName>(event: E, listener: Listener<E>): Unsubscribe;
}

export function createCoreEvents(onListenerError: (error: unknown) => void): CoreEvents {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  return {
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}
