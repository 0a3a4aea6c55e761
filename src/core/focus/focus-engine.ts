import path from 'node:path';
import { MINUTE_MS } from '../../shared/channels';
import { LullError } from '../../shared/contract';
import type { FocusRule } from '../../shared/focus-schedule';
import type { FocusSet, FocusStatus } from '../../shared/focus-schemas';
import { evaluateFocus, type FocusOverride, transitionsBetween } from '../../shared/focus-state';
import { tomorrowWorkingStartOrNull, type WorkingCalendar } from '../../shared/working-time';
import { readFileIfExists, writeFileAtomic } from '../lib/atomic-file';
import { createEmitter, type Unsubscribe } from '../lib/emitter';
import { createSerialQueue } from '../lib/serial';
import { createWakeScheduler, type WakeScheduler } from '../lib/wake-timer';
import type { Clock, Logger } from '../ports';

export const FOCUS_FILE = 'focus.json';

/** How many fired transition ids are remembered to stop double firing after the clock moves back. */
const FIRED_MEMORY = 200;

/** A change of focus that happened, once: recorded in history and, later, releasing digests. */
export interface FocusTransition {
  id: string;
  at: number;
  status: FocusStatus;
  previous: FocusStatus;
}

export interface FocusEngine {
  /** Records, once, a change that happened while the app was closed; call when history listens. */
  start(): void;
  status(): FocusStatus;
  set(request: FocusSet): Promise<FocusStatus>;
  /**
   * Re-reads the clock and announces what changed: the wake timer, resume, unlock, time-zone and
   * settings changes call it. `status()` alone never changes anything.
   */
  recompute(): void;
  /** Every status change, including silent ones (a clock set back): for mirrors like the tray. */
  onChange(listener: (status: FocusStatus, previous: FocusStatus) => void): Unsubscribe;
  /** Each transition once, by occurrence id; never for a state the clock moved back into. */
  onTransition(listener: (transition: FocusTransition) => void): Unsubscribe;
  /** Stops the timer and the listeners for good; resolves once the last write has landed. */
  close(): Promise<void>;
}

interface Persisted {
  override: FocusOverride | null;
  fired: string[];
  /** The state history last recorded, and when the engine last looked: to catch up after a restart. */
  announced: boolean | null;
  seenAt: number | null;
}

export interface FocusEngineOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  rules?: () => readonly FocusRule[];
  calendar?: () => WorkingCalendar | null;
  /** The core's one wake timer; a private one where the engine runs alone (tests). */
  scheduler?: WakeScheduler;
}

const sameStatus = (a: FocusStatus, b: FocusStatus) =>
  a.active === b.active &&
  a.cause === b.cause &&
  a.ruleName === b.ruleName &&
  a.since === b.since &&
  a.until === b.until &&
  a.nextChangeAt === b.nextChangeAt &&
  a.skipping === b.skipping &&
  a.nextBlock?.start === b.nextBlock?.start &&
  a.nextBlock?.end === b.nextBlock?.end &&
  a.nextBlock?.name === b.nextBlock?.name;

function parsePersisted(text: string): Persisted | null {
  const raw = JSON.parse(text) as {
    override?: unknown;
    fired?: unknown;
    announced?: unknown;
    seenAt?: unknown;
  };
  const o = raw.override as Partial<FocusOverride> | null | undefined;
  // A file without `override` is not one this version wrote: say so rather than guess.
  const valid =
    o === null ||
    (o !== undefined &&
      (o.kind === 'on' || o.kind === 'off') &&
      typeof o.since === 'number' &&
      (typeof o.until === 'number' || (o.kind === 'on' && o.until === null)));
  if (!valid) return null;
  const fired = Array.isArray(raw.fired)
    ? raw.fired.filter((id): id is string => typeof id === 'string')
    : [];
  return {
    override: (o ?? null) as FocusOverride | null,
    fired,
    announced: typeof raw.announced === 'boolean' ? raw.announced : null,
    seenAt: typeof raw.seenAt === 'number' ? raw.seenAt : null,
  };
}

/**
 * The focus engine: the schedule's blocks with a manual override on top, evaluated from the clock on
 * every wake (at most 60 s apart), on resume and on any change. A forward clock jump collapses missed
 * transitions into the current state at once; a transition id that already fired never fires again.
 */
export async function createFocusEngine(options: FocusEngineOptions): Promise<FocusEngine> {
  const file = path.join(options.dataDir, FOCUS_FILE);
  const rules = options.rules ?? (() => []);
  const calendar = options.calendar ?? (() => null);
  const emitter = createEmitter<{
    change: [status: FocusStatus, previous: FocusStatus];
    transition: [transition: FocusTransition];
  }>((error) => options.logger.error(`focus listener failed: ${String(error)}`));
  const ownScheduler = options.scheduler ? null : createWakeScheduler(options.clock, () => undefined);
  const timer = (options.scheduler ?? ownScheduler!).timer('focus', () => engine.recompute());
  const writes = createSerialQueue();
  const persisted = await load();
  let override = persisted.override;
  const fired = new Set(persisted.fired);
  let evaluatedAt = options.clock.now();
  let current = evaluateFocus(rules(), override, evaluatedAt);
  let closed = false;
  // A file from before this was recorded has nothing to catch up on.
  let announced = persisted.announced ?? current.active;
  arm();

  async function load(): Promise<Persisted> {
    const text = await readFileIfExists(file);
    if (text === null) return { override: null, fired: [], announced: false, seenAt: null };
    try {
      const parsed = parsePersisted(text);
      if (parsed) return parsed;
    } catch {
      // fall through
    }
    options.logger.warn(`${FOCUS_FILE} unreadable; focus follows the schedule alone`);
    return { override: null, fired: [], announced: false, seenAt: null };
  }

  /** The file's content; `flip` is a transition about to fire, written with the override it causes. */
  const snapshot = (next: FocusOverride | null, flip?: { id: string; active: boolean }) =>
    JSON.stringify({
      override: next,
      fired: [...fired, ...(flip ? [flip.id] : [])].slice(-FIRED_MEMORY),
      announced: flip ? flip.active : announced,
      seenAt: options.clock.now(),
    });

  // Background saves: nobody awaits them, so a failure is logged rather than left unhandled.
  const save = () =>
    writes(() => writeFileAtomic(file, snapshot(override))).catch((error: unknown) =>
      options.logger.error(`could not save ${FOCUS_FILE}: ${String(error)}`),
    );

  function fire(transition: FocusTransition): void {
    fired.add(transition.id);
    if (fired.size > FIRED_MEMORY) fired.delete(fired.values().next().value as string);
    announced = transition.status.active;
    void save();
    emitter.emit('transition', transition);
  }

  function arm(): void {
    if (closed) return;
    const now = options.clock.now();
    // Not only flips change the status: an override ending inside a block hands over to the
    // schedule, a skip ends with its block, a block starting under an override moves `nextBlock`.
    const changes = [current.nextChangeAt, override?.until ?? null, current.nextBlock?.start ?? null];
    const ahead = changes.filter((at): at is number => at !== null && at > now);
    timer.arm(ahead.length > 0 ? Math.min(...ahead) : null);
  }

  /** The id of the flip the clock just crossed going forward, or null when it went back. */
  function crossedId(from: number, to: number, active: boolean): string | null {
    if (to < from) return null;
    const crossed = transitionsBetween(rules(), override, from, to).filter((t) => t.active === active);
    return crossed.at(-1)?.id ?? `clock:${active ? 'on' : 'off'}@${to}`;
  }

  function publish(transitionId: string | null): void {
    const now = options.clock.now();
    const previous = current;
    const wasOverride = override;
    // An expired override is retired, so a clock set back before its end cannot revive it.
    if (override && override.until !== null && override.until <= now) override = null;
    current = evaluateFocus(rules(), override, now);
    const id =
      transitionId ??
      (previous.active !== current.active ? crossedId(evaluatedAt, now, current.active) : null);
    evaluatedAt = now;
    arm();
    if (wasOverride !== override && transitionId === null) void save();
    if (sameStatus(previous, current)) return;
    emitter.emit('change', current, previous);
    if (previous.active === current.active || id === null || fired.has(id)) return;
    fire({ id, at: now, status: current, previous });
  }

  /** A request is the user's act, never a clock artefact: its id is unique even within one ms. */
  function requestId(kind: string, now: number): string {
    const base = `manual:${kind}@${now}`;
    let id = base;
    for (let n = 2; fired.has(id); n++) id = `${base}#${n}`;
    return id;
  }

  function resolveRequest(request: FocusSet, now: number): FocusOverride | null {
    const schedule = evaluateFocus(rules(), null, now);
    if (!request.active) {
      // Off during a scheduled block means skipping the rest of it; otherwise the schedule rules.
      return schedule.active && schedule.until !== null
        ? { kind: 'off', since: now, until: schedule.until }
        : null;
    }
    const since = current.active && current.since !== null ? current.since : now;
    if (request.minutes !== undefined) return { kind: 'on', since, until: now + request.minutes * MINUTE_MS };
    if (request.until === undefined) return { kind: 'on', since, until: null };
    if (request.until === 'block-end') {
      if (!schedule.active) throw new LullError('no-block', 'No scheduled focus block is running now');
      return { kind: 'on', since, until: schedule.until };
    }
    if (request.until === 'working-start') {
      const cal = calendar();
      const start = cal ? tomorrowWorkingStartOrNull(now, cal) : null;
      if (start === null) {
        throw new LullError('no-working-hours', 'No working hours are set, so "tomorrow" has no start');
      }
      return { kind: 'on', since, until: start };
    }
    if (request.until <= now) throw new LullError('invalid-until', 'The end of focus must be in the future');
    return { kind: 'on', since, until: request.until };
  }

  /** The state now, computed without touching any: the timer may not have run yet after a sleep. */
  function statusAt(now: number): FocusStatus {
    const stale =
      now < evaluatedAt ||
      (current.nextChangeAt !== null && now >= current.nextChangeAt) ||
      (override?.until != null && override.until <= now) ||
      (current.nextBlock != null && now >= current.nextBlock.start);
    if (!stale) return current;
    const live = override && override.until !== null && override.until <= now ? null : override;
    return evaluateFocus(rules(), live, now);
  }

  const engine: FocusEngine = {
    start() {
      // What changed while the app was closed reaches history once: a block already running at
      // launch starts, a session that ended while closed ends, each at the instant it happened.
      if (announced === current.active) return;
      const now = options.clock.now();
      const from = Math.min(persisted.seenAt ?? now, now);
      const crossed = transitionsBetween(rules(), override, from, now).filter(
        (t) => t.active === current.active,
      );
      const last = crossed.at(-1);
      const id = last?.id ?? `startup:${current.active ? 'on' : 'off'}@${current.since ?? now}`;
      const previous: FocusStatus = { ...current, active: announced, cause: announced ? 'manual' : null };
      if (fired.has(id)) {
        announced = current.active;
        void save();
        return;
      }
      fire({ id, at: last?.at ?? current.since ?? now, status: current, previous });
    },
    status: () => statusAt(options.clock.now()),
    // One request at a time, in call order, so the file, the memory and the answers agree.
    set: (request) =>
      writes(async () => {
        const now = options.clock.now();
        const next = resolveRequest(request, now);
        const id = requestId(next?.kind ?? 'clear', now);
        const active = evaluateFocus(rules(), next, now).active;
        // The override, and the transition it causes, land on disk together: a crash right after
        // cannot record the session twice on the next start.
        await writeFileAtomic(file, snapshot(next, active !== current.active ? { id, active } : undefined));
        override = next;
        publish(id);
        return current;
      }),
    recompute: () => publish(null),
    onChange: (listener) => emitter.on('change', listener),
    onTransition: (listener) => emitter.on('transition', listener),
    close() {
      closed = true;
      timer.close();
      ownScheduler?.close();
      emitter.clear();
      // A transition's fired id is saved in the background: quitting must not lose it.
      return writes(async () => undefined);
    },
  };
  return engine;
}
