import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
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
    // Parsed through the contract, so the fixture follows the status schema as it grows.
    const on = contract.events['focus:changed'].parse({
      active: true,
      cause: 'manual',
      since: 1,
      until: null,
      ruleName: null,
      nextChangeAt: null,
      skipping: false,
      nextBlock: null,
    });
    store.getState().setConnection('offline');
    store.getState().setFocus(on);
    store.getState().select('me/1');
    expect(selectConnection(store.getState())).toBe('offline');
    expect(selectFocusView(store.getState()).focus).toEqual(on);
    expect(selectSelectedId(store.getState())).toBe('me/1');
  });
});
