import { hrefFor, ROUTE_TITLES, ROUTES, type Route } from './route';

/** Inbox | Focus: plain links to hash routes, the current one marked for assistive tech. */
export function ViewNav({ route }: { route: Route }) {
  return (
    <nav className="view-nav" aria-label="Views">
      <ul className="view-nav-list">
        {ROUTES.map((r) => (
          <li key={r}>
            <a className="view-nav-link" href={hrefFor(r)} aria-current={r === route ? 'page' : undefined}>
              {ROUTE_TITLES[r]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
