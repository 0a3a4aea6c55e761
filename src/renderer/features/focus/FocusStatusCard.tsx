import { useShallow } from 'zustand/react/shallow';
import { formatInstant, formatRange, type TimeContext } from '../../../shared/due-format';
import type { Block } from '../../../shared/focus-schedule';
import type { FocusSet, FocusStatus } from '../../../shared/focus-schemas';
import type { ClockReading } from '../../lib/clock';
import { selectFocusView } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { Countdown } from './Countdown';
import { TIMED_FOCUS, untilChoices } from './focus-choices';
import { ShortcutLine } from './ShortcutLine';
import { useFocusActions } from './useFocusActions';
import { useRunningBlock } from './useRunningBlock';
import { blockName } from './week-timeline';

interface Headline {
  state: 'on' | 'off' | 'skipping';
  title: string;
  /** One line under the title: where the session came from, or what is skipped. */
  detail: string | null;
}

function headline(focus: FocusStatus, skipped: Block | null, ctx: TimeContext): Headline {
  if (focus.active) {
    const name = focus.cause === 'schedule' ? focus.ruleName : null;
    const since = focus.since === null ? null : `since ${formatInstant(focus.since, ctx)}`;
    const source = focus.cause === 'schedule' ? 'Scheduled block' : 'Started by you';
    return {
      state: 'on',
      title: name ? `In focus — ${name}` : 'In focus',
      detail: [source, since].filter(Boolean).join(' · '),
    };
  }
  if (focus.skipping) {
    const name = focus.ruleName ?? (skipped ? blockName(skipped) : 'this block');
    const until = skipped ? ` until ${formatInstant(skipped.end, ctx)}` : '';
    return { state: 'skipping', title: 'Not in focus', detail: `Skipping ${name}${until}` };
  }
  return { state: 'off', title: 'Not in focus', detail: null };
}

/** The big picture: in focus or not, for how long, what comes next, and the ways to change it. */
export function FocusStatusCard({ clock }: { clock: ClockReading }) {
  const { focus, pending } = useLullStore(useShallow(selectFocusView));
  const { request, toggle } = useFocusActions();
  const block = useRunningBlock(clock.now);

  if (!focus) {
    return (
      <section className="status-card" aria-label="Focus status" aria-busy="true">
        <h3 id="status-title" className="status-title">
          Checking focus…
        </h3>
      </section>
    );
  }

  const skippedName = block ? blockName(block) : null;
  const { state, title, detail } = headline(focus, block, clock);
  const send = (change: FocusSet) => {
    if (!pending) void request(change);
  };
  const next = focus.nextBlock;
  const primary = focus.active
    ? focus.cause === 'schedule'
      ? 'Skip this block'
      : 'Turn focus off'
    : focus.skipping
      ? `Resume ${skippedName ?? 'this block'}`
      : 'Start focus';

  return (
    <section className="status-card" data-state={state} aria-label="Focus status">
      <div className="status-main">
        <div className="status-heading">
          <span className="status-badge">{state === 'on' ? 'Focus on' : 'Focus off'}</span>
          <h3 id="status-title" className="status-title">
            {title}
          </h3>
          {detail && <p className="status-detail">{detail}</p>}
        </div>
        <div className="status-clock">
          {focus.active && focus.until !== null ? (
            <Countdown label="Ends in" target={focus.until} since={focus.since} />
          ) : focus.active ? (
            <p className="countdown-text countdown-open">Until you turn it off</p>
          ) : focus.nextChangeAt !== null ? (
            <Countdown
              label={next ? `${next.name} starts in` : 'Focus starts in'}
              target={focus.nextChangeAt}
            />
          ) : null}
        </div>
      </div>

      <p className="status-next">
        {next ? (
          <>
            <span className="status-next-label">Next block</span> {next.name} ·{' '}
            {formatRange(next.start, next.end, clock)}
          </>
        ) : (
          'No focus blocks scheduled in the next two weeks'
        )}
      </p>

      <div className="status-actions">
        <button
          type="button"
          className="button button-primary"
          data-tone={focus.active ? 'quiet' : undefined}
          aria-busy={pending || undefined}
          onClick={() => {
            if (!pending) void toggle(focus);
          }}
        >
          {primary}
        </button>
        <fieldset className="choice-group">
          <legend className="choice-legend">{focus.active ? 'Change the end' : 'Timed focus'}</legend>
          <div className="choice-buttons">
            {[...TIMED_FOCUS, ...untilChoices(block !== null)].map((choice) => (
              <button
                key={choice.id}
                type="button"
                className="choice-button"
                aria-label={choice.name}
                onClick={() => send(choice.change)}
              >
                {choice.label}
              </button>
            ))}
          </div>
        </fieldset>
      </div>
      <ShortcutLine />
    </section>
  );
}
