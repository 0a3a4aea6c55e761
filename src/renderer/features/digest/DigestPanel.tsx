import { useId } from 'react';
import { ModalDialog } from '../../components/ModalDialog';
import type { ClockReading } from '../../lib/clock';
import type { DigestPanelMode } from '../../store/digest-slice';
import { LatestDigestSheet, PeekSheet } from './DigestContent';
import './digest.css';
import './digest-frame.css';

interface Props {
  readonly mode: DigestPanelMode;
  readonly clock: ClockReading;
  readonly onClose: () => void;
  readonly onModeChange: (mode: DigestPanelMode) => void;
}

/**
 * The digest as an in-page modal dialog (browser host on release, the header's held indicator
 * everywhere): the page behind is inert, Tab stays inside, Escape or a click outside closes it, and
 * focus goes back to where it was.
 */
export function DigestPanel({ mode, clock, onClose, onModeChange }: Props) {
  const titleId = useId();
  const chrome = { titleId, clock, onDismiss: onClose, dismissLabel: 'Close', autoFocus: true };
  return (
    <ModalDialog className="digest-dialog" labelledBy={titleId} onClose={onClose}>
      {mode === 'peek' ? (
        <PeekSheet key="peek" {...chrome} onReleased={() => onModeChange('digest')} />
      ) : (
        <LatestDigestSheet key="digest" {...chrome} />
      )}
    </ModalDialog>
  );
}
