import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { defaultSettings } from '../../shared/settings-schema';
import {
  selectConnection,
  selectDigestPanel,
  selectFocusRules,
  selectFocusView,
  selectHeld,
  selectNotificationPermission,
  selectReleasedDigest,
  selectSelectedId,
  selectSettings,
  selectSourceName,
  selectSources,
  selectSourcesLoaded,
} from './selectors';
import { createLullStore } from './store';

describe('lull store', () => {
  it('starts connecting, with no focus status and nothing selected', () => {
    const store = createLullStore();
    expect(selectConnection(store.getState())).toBe('connecting');
    expect(selectFocusView(store.getState())).toEqual({ focus: null, pending: false, error: null });
    expect(selectSelectedId(store.getState())).toBeNull();
    expect(selectSettings(store.getState())).toBeNull();
    expect(selectFocusRules(store.getState())).toEqual([]);
  });

  it('mirrors the settings and reads the focus rules from them, with a stable empty list before', () => {
    const store = createLullStore();
    expect(selectFocusRules(store.getState())).toBe(selectFocusRules(store.getState()));
    const settings = contract.events['settings:changed'].parse({
      ...defaultSettings(),
      focusRules: [
        {
          id: 'r1',
          name: 'Deep work',
          kind: 'window',
          weekdays: [1, 2, 3, 4, 5],
          start: '09:00',
          end: '11:00',
          zone: 'UTC',
          enabled: true,
        },
      ],
    });
    store.getState().setSettings(settings);
    expect(selectSettings(store.getState())).toEqual(settings);
    expect(selectFocusRules(store.getState()).map((r) => r.name)).toEqual(['Deep work']);
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

  it('mirrors what is held, keeps the last release and opens and closes the digest panel', () => {
    const store = createLullStore();
    expect(selectHeld(store.getState())).toBeNull();
    expect(selectDigestPanel(store.getState())).toBeNull();
    store.getState().setHeld({ heldCount: 2, nextReleaseAt: 5 });
    const digest = contract.events['digest:released'].parse({
      id: 'digest@1:manual',
      at: 1,
      cause: 'manual',
      items: [],
      headline: 'No updates',
    });
    store.getState().setReleasedDigest(digest);
    store.getState().openDigestPanel('peek');
    expect(selectHeld(store.getState())).toEqual({ heldCount: 2, nextReleaseAt: 5 });
    expect(selectReleasedDigest(store.getState())).toEqual(digest);
    expect(selectDigestPanel(store.getState())).toBe('peek');
    store.getState().closeDigestPanel();
    expect(selectDigestPanel(store.getState())).toBeNull();
    expect(selectNotificationPermission(store.getState())).toBe('default');
  });
});

describe('sources mirror', () => {
  const view = (id: string, name: string) =>
    contract.events['sources:changed'].parse([
      {
        source: { id, kind: 'rss', name, options: { url: `https://example.com/${id}.xml` } },
        status: { id, state: 'ok', lastSuccessAt: null, lastError: null, nextPollAt: null, watching: false },
        hasSecret: false,
      },
    ])[0]!;

  it('names an item source when known, and keeps saved, checked and removed sources in place', () => {
    const store = createLullStore();
    expect(selectSources(store.getState())).toEqual([]);
    expect(selectSourcesLoaded(store.getState())).toBe(false);
    expect(selectSourceName('a')(store.getState())).toBeNull();

    store.getState().setSources([view('a', 'Handbook'), view('b', 'Blog')]);
    expect(selectSourcesLoaded(store.getState())).toBe(true);
    expect(selectSourceName('a')(store.getState())).toBe('Handbook');
    expect(selectSourceName('e2e')(store.getState())).toBeNull();

    store.getState().putSource(view('a', 'Team handbook'));
    store.getState().putSource(view('c', 'Mail'));
    expect(selectSources(store.getState()).map((v) => v.source.name)).toEqual([
      'Team handbook',
      'Blog',
      'Mail',
    ]);

    const checked = { ...view('b', 'Blog').status, lastSuccessAt: 5 };
    store.getState().setSourceStatus(checked);
    expect(selectSources(store.getState())[1]?.status.lastSuccessAt).toBe(5);

    store.getState().dropSource('a');
    expect(selectSources(store.getState()).map((v) => v.source.id)).toEqual(['b', 'c']);
  });
});
