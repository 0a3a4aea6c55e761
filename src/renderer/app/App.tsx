import { useEffect, useMemo, useRef } from 'react';
import { DigestPage } from '../features/digest/DigestPage';
import { DigestPanel } from '../features/digest/DigestPanel';
import { useDigestSync } from '../features/digest/useDigestSync';
import { FocusView } from '../features/focus/FocusView';
import { useFocusSync } from '../features/focus/useFocusSync';
import { InboxView } from '../features/inbox/InboxView';
import { useWebNotifications } from '../features/notifications/useWebNotifications';
import { SettingsView } from '../features/settings/SettingsView';
import { SourcesView } from '../features/sources/SourcesView';
import { useSourcesSync } from '../features/sources/useSourcesSync';
import { useAppInfo } from '../hooks/useAppInfo';
import { useClock } from '../hooks/useClock';
import type { ClockReading } from '../lib/clock';
import { selectConnection, selectDigestPanel, selectSettings } from '../store/selectors';
import { useLullStore } from '../store/store';
import { Header } from './Header';
import { ROUTE_TITLES, routeFromHash } from './route';
import { UnauthorizedNotice } from './UnauthorizedNotice';
import { useConnectionSync } from './useConnectionSync';
import { useRoute } from './useRoute';
import { useSettingsSync } from './useSettingsSync';
import './app.css';

export function App() {
  useConnectionSync();
  useFocusSync();
  useSettingsSync();
  useSourcesSync();
  const systemClock = useClock();
  const connection = useLullStore(selectConnection);
  const zoneSetting = useLullStore(selectSettings)?.timeZone ?? null;
  const panel = useLullStore(selectDigestPanel);
  const closePanel = useLullStore((s) => s.closeDigestPanel);
  const openPanel = useLullStore((s) => s.openDigestPanel);
  const { route, peek } = useRoute();
  const { info } = useAppInfo();
  // The desktop preload is there from the first line; the info only confirms it.
  const browserHost = (info?.host ?? (window.lull ? 'desktop' : 'browser')) === 'browser';
  // The desktop pop-up: a window the main process opened on #/digest, which Escape closes.
  const popup = useRef(Boolean(window.lull) && routeFromHash(window.location.hash) === 'digest').current;
  const main = useRef<HTMLElement>(null);
  const firstRoute = useRef(route);

  useDigestSync(browserHost && route !== 'digest');
  useWebNotifications(browserHost);

  // The user's zone is the settings' zone when one is chosen, else the system's (as the core reads it).
  const clock = useMemo<ClockReading>(
    () => (zoneSetting ? { ...systemClock, zone: zoneSetting } : systemClock),
    [systemClock, zoneSetting],
  );

  useEffect(() => {
    document.title = `${ROUTE_TITLES[route]} · Lull`;
    // After switching views, start reading and tabbing from the new view rather than the old link.
    if (route !== firstRoute.current) {
      firstRoute.current = route;
      main.current?.focus();
    }
  }, [route]);

  if (route === 'digest' && connection !== 'unauthorized') {
    return <DigestPage peek={peek} clock={clock} popup={popup} />;
  }

  return (
    <div className="app">
      {/* biome-ignore lint/a11y/useValidAnchor: a real skip link; the click only keeps the route in the hash. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Focus the view without touching the hash, which holds the route.
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to {ROUTE_TITLES[route].toLowerCase()}
      </a>
      <Header clock={clock} route={route} browserHost={browserHost} />
      <main id="main" ref={main} className="app-main" tabIndex={-1}>
        {connection === 'unauthorized' ? (
          <UnauthorizedNotice />
        ) : route === 'focus' ? (
          <FocusView clock={clock} />
        ) : route === 'sources' ? (
          <SourcesView clock={clock} />
        ) : route === 'settings' ? (
          <SettingsView />
        ) : (
          <InboxView clock={clock} />
        )}
      </main>
      {panel && connection !== 'unauthorized' && (
        <DigestPanel mode={panel} clock={clock} onClose={closePanel} onModeChange={openPanel} />
      )}
    </div>
  );
}
