export type Unsubscribe = () => void;

/**
 * The one listener pattern of the core: typed events, `on` returns its unsubscribe, and a listener
 * that throws is reported without stopping the others (one broken mirror must not silence the tray).
 */
export interface Emitter<Events extends Record<string, unknown[]>> {
  emit<E extends keyof Events>(event: E, ...args: Events[E]): void;
  on<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): Unsubscribe;
  /** Forgets every listener: a closed service tells nobody anything. */
  clear(): void;
}

export function createEmitter<Events extends Record<string, unknown[]>>(
  onListenerError: (error: unknown) => void = (error) => {
    throw error;
  },
): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(...args: never[]) => void>>();
  return {
    emit(event, ...args) {
      // A copy: a listener may unsubscribe itself (or another) while we walk the set.
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          (listener as unknown as (...a: Events[typeof event]) => void)(...args);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as unknown as (...args: never[]) => void);
      return () => {
        set.delete(listener as unknown as (...args: never[]) => void);
      };
    },
    clear: () => listeners.clear(),
  };
}
