/**
 * Focus state at an instant: the schedule's blocks, with a manual override on top. Pure: rules,
 * override and `now` in, state out. The engine in the core only decides when to call this.
 */
import { type Block, blocksBetween, DAY_MS, type FocusRule, HORIZON_MS } from './focus-schedule';

/**
 * `on`: focus until `until` (null: until turned off), whatever the schedule says.
 * `off`: no focus until `until` — "skip this block" sets it to the block's end.
 * Once expired, an override no longer counts and the schedule applies again. `since` is when the
 * session began, for the status: a clock set back before it does not undo what the user chose.
 */
export type FocusOverride =
  | { kind: 'on'; since: number; until: number | null }
  | { kind: 'off'; since: number; until: number };

export interface FocusState {
  active: boolean;
  cause: 'manual' | 'schedule' | null;
  /** The names of the rules behind the running block, joined: "Deep work". */
  ruleName: string | null;
  since: number | null;
  /** While active: when focus ends (null: until turned off, or beyond the look-ahead). */
  until: number | null;
  /** The next instant the state flips, either way. */
  nextChangeAt: number | null;
  /** True while a scheduled block is being skipped. */
  skipping: boolean;
  nextBlock: { start: number; end: number; name: string } | null;
}

export interface Transition {
  at: number;
  active: boolean;
  /** Rule and instant (or the override and instant): never fire the same id twice. */
  id: string;
}

function overrideAt(override: FocusOverride | null, at: number): boolean | null {
  if (!override) return null;
  if (override.until !== null && at >= override.until) return null;
  return override.kind === 'on';
}

const blockNames = (block: Block) => [...new Set(block.occurrences.map((o) => o.ruleName))].join(' + ');

function activeAt(blocks: readonly Block[], override: FocusOverride | null, at: number): boolean {
  return overrideAt(override, at) ?? blocks.some((b) => b.start <= at && at < b.end);
}

function transitionId(blocks: readonly Block[], override: FocusOverride | null, at: number): string {
  const starting = blocks.find((b) => b.start === at);
  if (starting) return starting.occurrences[0]!.id;
  const ending = blocks.find((b) => b.end === at);
  if (ending) {
    const last = ending.occurrences.reduce((a, b) => (b.end >= a.end ? b : a));
    return `${last.id}:end`;
  }
  return `override:${override?.kind ?? 'none'}@${at}`;
}

/** Every instant in (fromAt, toAt] at which the state flips, in order. */
export function transitionsBetween(
  rules: readonly FocusRule[],
  override: FocusOverride | null,
  fromAt: number,
  toAt: number,
): Transition[] {
  const blocks = blocksBetween(rules, fromAt - 2 * DAY_MS, toAt + DAY_MS);
  const candidates = new Set<number>();
  for (const block of blocks) candidates.add(block.start).add(block.end);
  if (override) candidates.add(override.since);
  if (override?.until != null) candidates.add(override.until);
  const ordered = [...candidates].filter((at) => at > fromAt && at <= toAt).sort((a, b) => a - b);
  const result: Transition[] = [];
  let current = activeAt(blocks, override, fromAt);
  for (const at of ordered) {
    const next = activeAt(blocks, override, at);
    if (next === current) continue;
    result.push({ at, active: next, id: transitionId(blocks, override, at) });
    current = next;
  }
  return result;
}

export function evaluateFocus(
  rules: readonly FocusRule[],
  override: FocusOverride | null,
  now: number,
): FocusState {
  const blocks = blocksBetween(rules, now - 2 * DAY_MS, now + HORIZON_MS);
  const block = blocks.find((b) => b.start <= now && now < b.end) ?? null;
  const manual = overrideAt(override, now);
  const active = manual ?? block !== null;
  const nextChangeAt = transitionsBetween(rules, override, now, now + HORIZON_MS)[0]?.at ?? null;
  const upcoming = blocks.find((b) => b.start > now) ?? null;
  return {
    active,
    cause: active ? (manual ? 'manual' : 'schedule') : null,
    ruleName: active && !manual && block ? blockNames(block) : null,
    since: !active ? null : manual && override ? override.since : (block?.start ?? null),
    until: active ? nextChangeAt : null,
    nextChangeAt,
    skipping: manual === false && block !== null,
    nextBlock: upcoming ? { start: upcoming.start, end: upcoming.end, name: blockNames(upcoming) } : null,
  };
}
