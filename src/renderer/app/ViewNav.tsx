import { hrefFor, NAV_ROUTES, ROUTE_TITLES, type Route } from './route';

/** Inbox | Focus | Sources | Settings: plain links to hash routes, the current one marked for assistive tech. */
export function ViewNav({ route }: { route: Route }) {
  return (
    <nav className="view-nav" aria-label="Views">
      <ul className="view-nav-list">
        {NAV_ROUTES.map((r) => (
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
