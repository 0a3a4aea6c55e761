import { useAppInfo } from '../../hooks/useAppInfo';
import { platformOf } from './accelerator';
import { shortcutMessage } from './shortcut-message';

/** Whether the global focus shortcut works, in words; a refusal by the desktop is a visible warning. */
export function ShortcutLine() {
  const { info } = useAppInfo();
  if (!info) return null;
  const { tone, text, keys } = shortcutMessage(info.shortcut, platformOf(navigator.platform));

  if (tone === 'warning') {
    return (
      <p className="shortcut-line shortcut-warning" role="status">
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 1.5 15 14H1L8 1.5Z" />
          <path d="M8 6v3.5M8 11.5v.5" />
        </svg>
        <span>{text}</span>
      </p>
    );
  }
  return (
    <p className="shortcut-line">
      {text}
      {keys && (
        <>
          {' '}
          <kbd className="kbd">{keys}</kbd>
        </>
      )}
    </p>
  );
}
