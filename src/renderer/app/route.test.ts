import { describe, expect, it } from 'vitest';
import { hrefFor, routeFromHash } from './route';

describe('routeFromHash', () => {
  it('reads the view from a #/ hash, the inbox by default', () => {
    expect(routeFromHash('')).toBe('inbox');
    expect(routeFromHash('#/focus')).toBe('focus');
    expect(routeFromHash('#/focus/rules')).toBe('focus');
    expect(routeFromHash('#/inbox')).toBe('inbox');
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
  });
});
