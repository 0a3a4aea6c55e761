import { useMemo, useState } from 'react';
import { calendarDaysBetween } from '../../../shared/due-format';
import { describeError } from '../../lib/errors';
import { useLullApi } from '../../services/useServices';
import { useLullStore } from '../../store/store';
import { DigestSheet, type SheetChrome } from './DigestSheet';
import { digestSubtitle, digestTitle, peekLine } from './digest-format';
import { useEntries, useLatestDigest, usePeek } from './useDigestData';

/** The latest released digest, by deadline. */
export function LatestDigestSheet(chrome: SheetChrome) {
  const { clock } = chrome;
  const digest = useLatestDigest();
  const entries = useEntries(digest ? digest.ids : digest === null ? [] : null, digest?.held ?? []);
  const dueToday =
    entries?.filter((e) => calendarDaysBetween(clock.now, e.deadline, clock.zone) <= 0).length ?? 0;

  return (
    <DigestSheet
      {...chrome}
      mode="digest"
      title={digest ? digestTitle(digest.cause, digest.at, clock) : 'Updates'}
      subtitle={digest && entries ? digestSubtitle(entries.length, dueToday, digest.at, clock) : null}
      entries={digest === undefined ? undefined : entries}
      emptyText={digest ? 'Everything in this summary has been taken back by its source.' : 'No summary yet.'}
    />
  );
}

/** What is held right now, without releasing it, and a way to release it all. */
export function PeekSheet({ onReleased, ...chrome }: SheetChrome & { onReleased: () => void }) {
  const { clock } = chrome;
  const api = useLullApi();
  const setReleasedDigest = useLullStore((s) => s.setReleasedDigest);
  const { status, error } = usePeek();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const ids = useMemo(() => status?.items.map((i) => i.id) ?? null, [status]);
  const entries = useEntries(ids, status?.items ?? []);

  const showNow = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const digest = await api.digest.release();
      if (digest) {
        setReleasedDigest(digest);
        onReleased();
      } else setMessage('Nothing was held: there is nothing to show.');
    } catch (failure) {
      setMessage(`The held updates were not shown: ${describeError(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <DigestSheet
      {...chrome}
      mode="peek"
      title="Held updates"
      subtitle={status ? peekLine(status, clock) : error ? `Could not ask Lull: ${error}` : null}
      entries={status ? entries : undefined}
      emptyText="Nothing is held. New updates that can wait will collect here."
      footer={
        <div className="digest-release">
          <button
            type="button"
            className="button button-primary"
            aria-busy={busy || undefined}
            disabled={!status || status.heldCount === 0}
            onClick={() => {
              if (!busy) void showNow();
            }}
          >
            Show held updates now
          </button>
          <p className="digest-release-note" role="status">
            {message ?? ''}
          </p>
        </div>
      }
    />
  );
}
