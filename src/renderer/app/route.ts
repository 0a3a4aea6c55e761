/**
 * Hash routes: `#/inbox` (the default), `#/focus` (the tray's "Focus settings…"), `#/sources`, `#/settings`, and
 * `#/digest` — the desktop pop-up's page, with `?peek=1` for what is held without releasing it.
 */
export const ROUTES = ['inbox', 'focus', 'sources', 'settings', 'digest'] as const;
export type Route = (typeof ROUTES)[number];

/** The views the header's switcher offers; the digest opens from the tray, a notification or the header. */
export const NAV_ROUTES = ['inbox', 'focus', 'sources', 'settings'] as const satisfies readonly Route[];

export const ROUTE_TITLES: Readonly<Record<Route, string>> = {
  inbox: 'Inbox',
  focus: 'Focus',
  sources: 'Sources',
  settings: 'Settings',
  digest: 'Updates',
};

const isRoute = (path: string | undefined): path is Route =>
  (ROUTES as readonly string[]).includes(path ?? '');

/**
 * `#/focus` is the focus view, `#/sources` the sources, `#/settings` the settings, `#/digest` the digest and any other `#/…` the
 * inbox. A hash that is not a route (`#main` from the skip link, the `#token=…` link) keeps the current view.
 */
export function routeFromHash(hash: string, current: Route = 'inbox'): Route {
  if (!hash.startsWith('#/')) return current;
  const path = hash.slice(2).split(/[/?]/)[0];
  return isRoute(path) ? path : 'inbox';
}

/** `#/digest?peek=1`: show what is held instead of the last release. */
export function isPeekHash(hash: string): boolean {
  const query = hash.indexOf('?');
  return query >= 0 && new URLSearchParams(hash.slice(query + 1)).get('peek') === '1';
}

export const hrefFor = (route: Route) => `#/${route}`;
