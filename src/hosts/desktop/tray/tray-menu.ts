/**
 * What the tray says and offers for a focus state: pure functions of (status, now, calendar, rules), so
 * every state's texts and items can be tested without a tray. Times are 24 h, in the user's zone.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { DateTime } from 'luxon';
import type { FocusRule } from '../../../shared/focus-schedule';
import type { FocusSet, FocusStatus } from '../../../shared/focus-schemas';
import { evaluateFocus } from '../../../shared/focus-state';
import { nextWorkingStartOrNull, type WorkingCalendar } from '../../../shared/working-time';

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
  /** Where "until tomorrow" would end: the first working start from tomorrow; null without working hours. */
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

/** As the focus engine resolves `until: "working-start"`: the first working start from tomorrow's midnight. */
function tomorrowsWorkingStart(now: number, calendar: WorkingCalendar): number | null {
  const tomorrow = DateTime.fromMillis(now, { zone: calendar.zone }).startOf('day').plus({ days: 1 });
  if (!tomorrow.isValid) return null;
  try {
    return nextWorkingStartOrNull(tomorrow.toMillis(), calendar);
  } catch {
    return null;
  }
}

function local(at: number, zone: string): DateTime {
  const inZone = DateTime.fromMillis(at, { zone });
  // An unknown zone in the settings must not break the tray: the system's zone is the next best.
  return (inZone.isValid ? inZone : DateTime.fromMillis(at)).setLocale('en-GB');
}

/** Local calendar days from `now` to `at`: 0 today, 1 tomorrow. */
function daysAhead(at: number, now: number, zone: string): number {
  const day = (t: number) => local(t, zone).startOf('day');
  return Math.round(day(at).diff(day(now), 'days').days);
}

/** "11:00" today, "Mon 09:00" within the coming week, "Mon 17 Mar 09:00" further away. */
export function formatWhen(at: number, now: number, zone: string): string {
  const days = daysAhead(at, now, zone);
  const when = local(at, zone);
  if (days === 0) return when.toFormat('HH:mm');
  if (days > 0 && days < 7) return when.toFormat('ccc HH:mm');
  return when.toFormat('ccc d LLL HH:mm');
}

/** The menu's first line: "Focus on · Deep work until 11:00", "Focus off · next block Mon 09:00 (Deep work)"… */
export function describeStatus(view: TrayView): string {
  const { status } = view;
  const at = (t: number) => formatWhen(t, view.now, view.zone);
  if (status.skipping) {
    // A skip lasts to the block's end, where nothing flips (nextChangeAt is the next block's start),
    // unless the block has grown since: then focus comes back at the skip's end, before the block's.
    const name = view.block?.name ?? 'this block';
    const blockEnd = view.block?.end ?? null;
    const next = status.nextChangeAt;
    const end = next !== null && (blockEnd === null || next < blockEnd) ? next : blockEnd;
    return end === null ? `Skipping ${name}` : `Skipping ${name} until ${at(end)}`;
  }
  if (status.active) {
    const rule = status.cause === 'schedule' ? status.ruleName : null;
    if (status.until === null) return rule ? `Focus on · ${rule}` : 'Focus on';
    return `Focus on · ${rule ? `${rule} ` : ''}until ${at(status.until)}`;
  }
  const next = status.nextBlock;
  return next ? `Focus off · next block ${at(next.start)} (${next.name})` : 'Focus off';
}

/** "Focus until 11:00", "Focus on", "Focus off · next block 09:00", "Skipping Deep work until 11:00". */
function focusSummary(view: TrayView): string {
  const { status } = view;
  const at = (t: number) => formatWhen(t, view.now, view.zone);
  if (status.skipping) return describeStatus(view);
  if (status.active) return status.until === null ? 'Focus on' : `Focus until ${at(status.until)}`;
  return status.nextBlock ? `Focus off · next block ${at(status.nextBlock.start)}` : 'Focus off';
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
  const when = next <= view.now ? 'now' : formatWhen(next, view.now, view.zone);
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
  return daysAhead(start, view.now, view.zone) === 1
    ? `Until tomorrow ${local(start, view.zone).toFormat('HH:mm')}`
    : `Until ${formatWhen(start, view.now, view.zone)}`;
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
