/**
 * Wiring only: one client, one database, one clock, the journal consumer, the snooze waker, the backup
 * responder, the item-state sync, and the React tree that reads them.
 */
// Base styles first, so feature styles imported below override them.
import './styles/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createItemStateSync } from './api/item-state-sync';
import { followTokenRotation, getLullClient, watchTokenLinks } from './api/lull-client';
import { App } from './app/App';
import { startBackupResponder } from './app/backup-responder';
import { ErrorBoundary } from './app/ErrorBoundary';
import { startJournalConsumer } from './db/journal-consumer';
import { LullDb } from './db/lull-db';
import { startSnoozeWaker } from './db/snooze-wake';
import { systemClock } from './lib/clock';
import { ServicesContext } from './services/services-context';

const client = getLullClient();
const db = new LullDb();
const clock = systemClock;

startJournalConsumer(client.api, db, {
  onReconnect: (listener) =>
    client.connection.subscribe((state) => {
      if (state === 'online') listener();
    }),
  onError: (error) => console.warn('Lull: could not sync the inbox yet', error),
});

// A snooze whose time has come opens again in this window, offline or not.
startSnoozeWaker(db, clock, {
  onError: (error) => console.warn('Lull: could not wake snoozed items', error),
});

// `lull export|import` and `/v1/backup` reach the inbox through this window.
startBackupResponder(client.api, db, clock, {
  onError: (error) => console.warn('Lull: could not answer a backup request', error),
});

// Changes queued while offline, even in an earlier session, go to the core from here.
const itemState = createItemStateSync(client.api, db, client.connection, clock, {
  onError: (error) => console.warn('Lull: the core refused an item change', error),
});

// The network is back: skip the rest of the backoff wait.
window.addEventListener('online', () => client.reconnectNow());
watchTokenLinks(client);
followTokenRotation(client);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <ServicesContext value={{ client, db, clock, itemState }}>
        <App />
      </ServicesContext>
    </ErrorBoundary>
  </StrictMode>,
);
