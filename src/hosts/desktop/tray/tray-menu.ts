/**
 * What the tray says and offers for a focus state: pure functions of (status, now, calendar, rules), so
 * every state's texts and items can be tested without a tray. Times are 24 h, in the user's zone.
 */
import type { MenuItemConstructorOptions } from 'electron';
import {
  calendarDaysBetween,
  formatFocusLabel,
  formatInstant,
  type TimeContext,
} from '../../../shared/due-format';
import type { FocusRule } from '../../../shared/focus-schedule';
import type { FocusSet, FocusStatus } from '../../../shared/focus-schemas';
import { evaluateFocus } from '../../../shared/focus-state';
import { tomorrowWorkingStartOrNull, type WorkingCalendar } from '../../../shared/working-time';

/** What the tray menu can ask for; createTray wires these to the core and the window. */
export interface TrayActions {
  setFocus(request: FocusSet): void;
  openInbox(): void;
  openFocusSettings(): void;
  /** Releases everything held now, as one digest ("Show held updates now"). */
  releaseHeld(): void;
  /** Shows what is held without releasing it. */
  peekHeld(): void;
  quit(): void;
}

export const TIMED_FOCUS: ReadonlyArray<{ minutes: number; label: string }> = [
  { minutes: 25, label: 'Focus for 25 minutes' },
  { minutes: 60, label: 'Focus for 1 hour' },
  { minutes: 120, label: 'Focus for 2 hours' },
];

/** Everything the texts depend on, read once per render. */
export interface TrayView {
  status: FocusStatus;
  now: number;
  zone: string;
  /** The scheduled block running now, whether or not the user skipped it or overrode it. */
  block: { name: string; end: number | null } | null;
  /** Where "until tomorrow" ends, exactly as the focus engine resolves it; null without working hours. */
  workingStart: number | null;
  /** Updates held back for a summary; mentioned only when there are some. */
  heldCount: number;
  /** When they are next released (summary, interval, working start or focus end). */
  nextReleaseAt: number | null;
}

export function trayViewAt(input: {
  status: FocusStatus;
  now: number;
  calendar: WorkingCalendar;
  rules: readonly FocusRule[];
  held?: { heldCount: number; nextReleaseAt: number | null };
}): TrayView {
  const { status, now, calendar } = input;
  // The schedule alone, as the engine resolves "block-end" and names the block a skip hides.
  const schedule = evaluateFocus(input.rules, null, now);
  return {
    status,
    now,
    zone: calendar.zone,
    block: schedule.active ? { name: schedule.ruleName ?? 'this block', end: schedule.until } : null,
    workingStart: tomorrowsWorkingStart(now, calendar),
    heldCount: input.held?.heldCount ?? 0,
    nextReleaseAt: input.held?.nextReleaseAt ?? null,
  };
}

/** The focus engine's "until tomorrow", so the menu names the very instant focus will end. */
function tomorrowsWorkingStart(now: number, calendar: WorkingCalendar): number | null {
  try {
    return tomorrowWorkingStartOrNull(now, calendar);
  } catch {
    return null; // a zone the settings file names but no one knows: the item is disabled instead
  }
}

/** Times in the tray: 24 h, in the calendar's zone, with English day names like the rest of the menu. */
const timeContext = (view: TrayView): TimeContext => ({ now: view.now, zone: view.zone, locale: 'en-GB' });

/** A skip lasts to the block's end unless the block has grown since: then focus comes back at the skip's end. */
function skipEnd(view: TrayView): number | null {
  // nextChangeAt is the next block's start while a skip runs to the block's end, where nothing flips.
  const blockEnd = view.block?.end ?? null;
  const next = view.status.nextChangeAt;
  return next !== null && (blockEnd === null || next < blockEnd) ? next : blockEnd;
}

/** The menu's first line: "Focus on · Deep work until 11:00", "Focus off · next block Mon 09:00 (Deep work)"… */
export function describeStatus(view: TrayView): string {
  return formatFocusLabel(view.status, timeContext(view), view.block?.name, {
    skipUntil: view.status.skipping ? skipEnd(view) : null,
    nextBlock: 'named',
  });
}

/** "Focus until 11:00", "Focus on", "Focus off · next block 09:00", "Skipping Deep work until 11:00". */
function focusSummary(view: TrayView): string {
  if (view.status.skipping) return describeStatus(view);
  return formatFocusLabel(view.status, timeContext(view), null, { nextBlock: 'time', short: true });
}

/** The macOS title, short for the menu bar: "Focus until 11:00 · 4 held", "Focus on". */
export function traySummary(view: TrayView): string {
  const text = focusSummary(view);
  return view.heldCount > 0 ? `${text} · ${view.heldCount} held` : text;
}

/** "4 held · next summary 13:00"; empty when nothing is held. */
export function describeHeld(view: TrayView): string {
  if (view.heldCount === 0) return '';
  const next = view.nextReleaseAt;
  if (next === null) return `${view.heldCount} held`;
  const when = next <= view.now ? 'now' : formatInstant(next, timeContext(view));
  return `${view.heldCount} held · next summary ${when}`;
}

/** The tooltip has room for the next summary too: "Focus until 11:00 · 4 held · next summary 13:00". */
export function trayTooltip(view: TrayView): string {
  const held = describeHeld(view);
  return held ? `${focusSummary(view)} · ${held}` : focusSummary(view);
}

function untilTomorrowLabel(view: TrayView): string {
  const start = view.workingStart;
  if (start === null) return 'Until tomorrow morning';
  // Friday's "tomorrow" is Monday's start: say so rather than promise a Saturday.
  return calendarDaysBetween(view.now, start, view.zone) === 1
    ? `Until tomorrow ${formatInstant(start, { ...timeContext(view), now: start })}`
    : `Until ${formatInstant(start, timeContext(view))}`;
}

/** The tray menu for a state. Items that cannot work now are shown disabled rather than hidden. */
export function buildTrayMenuTemplate(view: TrayView, actions: TrayActions): MenuItemConstructorOptions[] {
  const { status, block } = view;
  const send = (request: FocusSet) => () => actions.setFocus(request);
  const toggle: MenuItemConstructorOptions = status.active
    ? {
        // Off during a scheduled block skips the rest of it; the label says which the user gets.
        label: status.cause === 'schedule' ? 'Skip this block' : 'Turn focus off',
        click: send({ active: false }),
      }
    : { label: 'Turn focus on', click: send({ active: true }) };
  const held = describeHeld(view);
  return [
    { label: describeStatus(view), enabled: false },
    ...(held ? [{ label: held, enabled: false }] : []),
    { type: 'separator' },
    ...TIMED_FOCUS.map(({ minutes, label }) => ({ label, click: send({ active: true, minutes }) })),
    {
      label: status.skipping && block ? `Resume ${block.name}` : 'Until this block ends',
      enabled: block !== null,
      click: send({ active: true, until: 'block-end' }),
    },
    {
      label: untilTomorrowLabel(view),
      enabled: view.workingStart !== null,
      click: send({ active: true, until: 'working-start' }),
    },
    toggle,
    { type: 'separator' },
    { label: 'Show held updates now', enabled: view.heldCount > 0, click: () => actions.releaseHeld() },
    {
      label: `Peek at held updates (${view.heldCount})`,
      enabled: view.heldCount > 0,
      click: () => actions.peekHeld(),
    },
    { type: 'separator' },
    { label: 'Open inbox', click: () => actions.openInbox() },
    { label: 'Focus settings…', click: () => actions.openFocusSettings() },
    { type: 'separator' },
    { label: 'Quit Lull', click: () => actions.quit() },
  ];
}
