/** Hash routes: `#/inbox` (the default) and `#/focus`, which the tray's "Focus settings…" opens. */
export const ROUTES = ['inbox', 'focus'] as const;
export type Route = (typeof ROUTES)[number];

export const ROUTE_TITLES: Readonly<Record<Route, string>> = { inbox: 'Inbox', focus: 'Focus' };

/**
 * `#/focus` is the focus view and any other `#/…` the inbox. A hash that is not a route (`#main` from
 * the skip link, the `#token=…` link) keeps the current view.
 */
export function routeFromHash(hash: string, current: Route = 'inbox'): Route {
  if (!hash.startsWith('#/')) return current;
  const path = hash.slice(2).split(/[/?]/)[0];
  return path === 'focus' ? 'focus' : 'inbox';
}

export const hrefFor = (route: Route) => `#/${route}`;
