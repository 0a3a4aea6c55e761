import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LullApi } from '../../../shared/contract';
import { useCoreMirror } from '../../hooks/useCoreMirror';
import { useServices } from '../../services/useServices';
import type { HeldSummary } from '../../store/digest-slice';
import { selectDigestActions } from '../../store/selectors';
import { useLullStore } from '../../store/store';

const peek = (api: LullApi): Promise<HeldSummary> => api.digest.peek();
const onDigestChanged = (api: LullApi, listener: (held: HeldSummary) => void) =>
  api.onDigestChanged(listener);

/**
 * Mirrors what the core holds (count and next release) for the header: peeks once, follows
 * `digest:changed`, and peeks again whenever the link comes back. Keeps the last released digest, and
 * opens the in-page panel for it when `openOnRelease` says so (the browser host, outside `#/digest`).
 */
export function useDigestSync(openOnRelease: boolean): void {
  const { client } = useServices();
  const { setHeld, setReleasedDigest, openDigestPanel } = useLullStore(useShallow(selectDigestActions));
  const openRef = useRef(openOnRelease);
  openRef.current = openOnRelease;

  useCoreMirror(peek, onDigestChanged, setHeld);

  useEffect(
    () =>
      client.api.onDigestReleased((digest) => {
        setReleasedDigest(digest);
        if (openRef.current) openDigestPanel('digest');
      }),
    [client, setReleasedDigest, openDigestPanel],
  );
}
