import type { App } from 'electron';
import type { Logger } from '../../core/ports';

export interface QuitControl {
  /** True from the moment a quit starts: windows then really close instead of hiding. */
  isQuitting(): boolean;
}

type AppLike = Pick<App, 'on' | 'exit' | 'quit'>;
type Signals = Pick<NodeJS.Process, 'on' | 'removeListener'>;

/**
 * A clean quit: whatever starts it (tray, Cmd+Q, SIGINT/SIGTERM, OS logout), Electron waits for
 * `cleanup` (close the API, flush the core, remove the runtime file) before exiting. A cleanup that
 * hangs is cut short after `timeoutMs` so the app never lingers.
 */
export function manageQuit(
  app: AppLike,
  cleanup: () => Promise<void>,
  logger: Logger,
  options: { timeoutMs?: number; signals?: Signals } = {},
): QuitControl {
  let quitting = false;
  let cleaning = false;
  const signals = options.signals ?? process;
  const onSignal = () => app.quit();

  app.on('before-quit', () => {
    quitting = true;
  });
  // The tray keeps Lull running with no window open; only an explicit quit ends it.
  app.on('window-all-closed', () => {});
  app.on('will-quit', (event) => {
    event.preventDefault();
    quitting = true;
    if (cleaning) return;
    cleaning = true;
    let exited = false;
    const exit = (code: number) => {
      if (exited) return;
      exited = true;
      clearTimeout(timer);
      signals.removeListener('SIGINT', onSignal);
      signals.removeListener('SIGTERM', onSignal);
      app.exit(code);
    };
    const timer = setTimeout(() => {
      logger.error('shutting down took too long; exiting anyway');
      exit(1);
    }, options.timeoutMs ?? 5_000);
    cleanup().then(
      () => exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        exit(1);
      },
    );
  });
  // Listening until the end: a second Ctrl+C while shutting down must not kill the app mid-cleanup.
  signals.on('SIGINT', onSignal);
  signals.on('SIGTERM', onSignal);

  return { isQuitting: () => quitting };
}
