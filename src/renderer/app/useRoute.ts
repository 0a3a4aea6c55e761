import { useEffect, useState } from 'react';
import { type Route, routeFromHash } from './route';

/** The view named by the address's hash, following back/forward and links. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setRoute((current) => routeFromHash(window.location.hash, current));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return route;
}
