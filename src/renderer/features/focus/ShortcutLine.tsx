import { useAppInfo } from '../../hooks/useAppInfo';
import { formatAccelerator, isMac } from './accelerator';

/** Whether the global focus shortcut works, in words; a refusal by the desktop is a visible warning. */
export function ShortcutLine() {
  const { info } = useAppInfo();
  if (!info) return null;
  const shortcut = info.shortcut;
  const keys = shortcut?.accelerator
    ? formatAccelerator(shortcut.accelerator, isMac(navigator.platform))
    : null;

  if (shortcut === null) {
    return <p className="shortcut-line">Global shortcut: available in the desktop app</p>;
  }
  if (shortcut.registered && keys) {
    return (
      <p className="shortcut-line">
        Toggle focus from anywhere with <kbd className="kbd">{keys}</kbd>
      </p>
    );
  }
  if (!keys) return <p className="shortcut-line">Global shortcut: off</p>;
  return (
    <p className="shortcut-line shortcut-warning" role="status">
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M8 1.5 15 14H1L8 1.5Z" />
        <path d="M8 6v3.5M8 11.5v.5" />
      </svg>
      <span>The shortcut could not be registered: {shortcut.error ?? `${keys} is not available`}</span>
    </p>
  );
}
