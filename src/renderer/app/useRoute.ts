import { useEffect, useState } from 'react';
import { isPeekHash, type Route, routeFromHash } from './route';

export interface RouteState {
  readonly route: Route;
  /** `#/digest?peek=1`. */
  readonly peek: boolean;
}

/** The view named by the address's hash, following back/forward and links. */
export function useRoute(): RouteState {
  const [state, setState] = useState<RouteState>(() => ({
    route: routeFromHash(window.location.hash),
    peek: isPeekHash(window.location.hash),
  }));
  useEffect(() => {
    const onHashChange = () =>
      setState((current) => {
        const route = routeFromHash(window.location.hash, current.route);
        const peek = route === 'digest' && isPeekHash(window.location.hash);
        return route === current.route && peek === current.peek ? current : { route, peek };
      });
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return state;
}
