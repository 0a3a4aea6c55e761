import { describe, expect, it } from 'vitest';
import { hrefFor, isPeekHash, NAV_ROUTES, routeFromHash } from './route';

describe('routeFromHash', () => {
  it('reads the view from a #/ hash, the inbox by default', () => {
    expect(routeFromHash('')).toBe('inbox');
    expect(routeFromHash('#/focus')).toBe('focus');
    expect(routeFromHash('#/focus/rules')).toBe('focus');
    expect(routeFromHash('#/inbox')).toBe('inbox');
    expect(routeFromHash('#/settings')).toBe('settings');
    expect(routeFromHash('#/sources')).toBe('sources');
    expect(routeFromHash('#/digest')).toBe('digest');
    expect(routeFromHash('#/digest?peek=1')).toBe('digest');
    expect(routeFromHash('#/nowhere', 'focus')).toBe('inbox');
  });

  it('keeps the current view for hashes that are not routes', () => {
    expect(routeFromHash('#main', 'focus')).toBe('focus');
    expect(routeFromHash('#token=abc', 'focus')).toBe('focus');
    expect(routeFromHash('#token=abc')).toBe('inbox');
  });

  it('links round-trip', () => {
    expect(routeFromHash(hrefFor('focus'))).toBe('focus');
    expect(routeFromHash(hrefFor('inbox'), 'focus')).toBe('inbox');
    expect(routeFromHash(hrefFor('settings'))).toBe('settings');
  });

  it('offers the digest outside the view switcher', () => {
    expect(NAV_ROUTES).toEqual(['inbox', 'focus', 'sources', 'settings']);
  });
});

describe('isPeekHash', () => {
  it('is the digest with peek=1 only', () => {
    expect(isPeekHash('#/digest?peek=1')).toBe(true);
    expect(isPeekHash('#/digest?x=2&peek=1')).toBe(true);
    expect(isPeekHash('#/digest')).toBe(false);
    expect(isPeekHash('#/digest?peek=0')).toBe(false);
  });
});
