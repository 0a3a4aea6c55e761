import { describe, expect, it } from 'vitest';
import { selectConnection, selectFocusView, selectSelectedId } from './selectors';
import { createLullStore } from './store';

describe('lull store', () => {
  it('starts connecting, with no focus status and nothing selected', () => {
    const store = createLullStore();
    expect(selectConnection(store.getState())).toBe('connecting');
    expect(selectFocusView(store.getState())).toEqual({ focus: null, pending: false, error: null });
    expect(selectSelectedId(store.getState())).toBeNull();
  });

  it('mirrors what it is told', () => {
    const store = createLullStore();
    const on = { active: true, cause: 'manual' as const, since: 1, until: null };
    store.getState().setConnection('offline');
    store.getState().setFocus(on);
    store.getState().select('me/1');
    expect(selectConnection(store.getState())).toBe('offline');
    expect(selectFocusView(store.getState()).focus).toEqual(on);
    expect(selectSelectedId(store.getState())).toBe('me/1');
  });
});
