import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { DigestCause, DigestStatus, HeldItem } from '../../../shared/digest-schemas';
import { getItems, latestDigestRow } from '../../db/items-repo';
import { describeError } from '../../lib/errors';
import { useDb, useServices } from '../../services/useServices';
import { selectReleasedDigest } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { type DigestEntry, mergeEntries } from './digest-entries';

const NONE: readonly never[] = [];

/** The inbox rows behind a list of ids, live, merged with the core's held copies. */
export function useEntries(
  ids: readonly string[] | null,
  held: readonly HeldItem[],
): DigestEntry[] | undefined {
  const db = useDb();
  const key = ids?.join('\n') ?? null;
  const stored = useLiveQuery(() => (ids ? getItems(db, ids) : []), [db, key]);
  return useMemo(() => (ids && stored ? mergeEntries(ids, held, stored) : undefined), [ids, held, stored]);
}

export interface ReleasedDigest {
  readonly id: string;
  readonly at: number;
  readonly cause: DigestCause;
  readonly ids: readonly string[];
  readonly held: readonly HeldItem[];
}

/**
 * The latest released digest: the one this page saw released, or else the last one the journal
 * recorded in Dexie. `undefined` while loading, null when there has never been one.
 */
export function useLatestDigest(): ReleasedDigest | null | undefined {
  const db = useDb();
  const released = useLullStore(selectReleasedDigest);
  const row = useLiveQuery(() => latestDigestRow(db), [db]);
  return useMemo(() => {
    if (released && (!row || released.at >= row.at)) {
      const { id, at, cause, items } = released;
      return { id, at, cause, ids: items.map((i) => i.id), held: items };
    }
    if (row === undefined) return undefined;
    if (row === null) return null;
    return { id: row.id, at: row.at, cause: row.cause, ids: row.itemIds, held: NONE };
  }, [released, row]);
}

/** What is held now (`digest:peek`), asked again on every change, release and reconnect. */
export function usePeek(): { status: DigestStatus | null; error: string | null } {
  const { client } = useServices();
  const [status, setStatus] = useState<DigestStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let asked = 0;
    const refresh = () => {
      const question = ++asked;
      client.api.digest
        .peek()
        .then((answer) => {
          if (disposed || question !== asked) return;
          setStatus(answer);
          setError(null);
        })
        .catch((failure: unknown) => {
          if (!disposed && question === asked) setError(describeError(failure));
        });
    };
    const offChanged = client.api.onDigestChanged(refresh);
    const offReleased = client.api.onDigestReleased(refresh);
    const offConnection = client.connection.subscribe((state) => {
      if (state === 'online') refresh();
    });
    refresh();
    return () => {
      disposed = true;
      offChanged();
      offReleased();
      offConnection();
    };
  }, [client]);

  return { status, error };
}
