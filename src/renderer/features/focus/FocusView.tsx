import type { ClockReading } from '../../lib/clock';
import { FocusStatusCard } from './FocusStatusCard';
import { RulesSection } from './RulesSection';
import { WeekTimeline } from './WeekTimeline';
import './focus-view.css';
import './status-card.css';
import './rules.css';
import './rule-form.css';
import './week.css';

/** The focus view (`#/focus`): status and quick choices, this week at a glance, and the weekly rules. */
export function FocusView({ clock }: { clock: ClockReading }) {
  return (
    <div className="focus-view">
      <div className="view-head">
        <h2 className="view-title">Focus</h2>
        <p className="view-lead">Protected hours: nothing that can wait interrupts them.</p>
      </div>
      <FocusStatusCard clock={clock} />
      <WeekTimeline clock={clock} />
      <RulesSection userZone={clock.zone} />
    </div>
  );
}
