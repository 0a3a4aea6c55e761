import { type CSSProperties, useMemo } from 'react';
import { blocksBetween } from '../../../shared/focus-schedule';
import type { ClockReading } from '../../lib/clock';
import { selectFocusRules } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import {
  formatMinute,
  layoutWeek,
  rangePercent,
  segmentBox,
  type TimelineDay,
  visibleRange,
  weekBounds,
} from './week-timeline';

/** Bars shorter than this show no name inside; the title and the spoken list still have it. */
const LABEL_MIN_MINUTES = 60;

/** What a screen reader hears for one day: "Monday 17 November, today: 09:00–11:00 Deep work". */
function spokenDay(day: TimelineDay): string {
  const name = day.isToday ? `${day.longName}, today` : day.longName;
  if (day.segments.length === 0) return `${name}: no focus blocks`;
  return `${name}: ${day.segments.map((s) => `${s.label} ${s.name}`).join('; ')}`;
}

/** This week's blocks, Monday to Sunday in the user's zone: one row per day, bars by time of day. */
export function WeekTimeline({ clock }: { clock: ClockReading }) {
  const rules = useLullStore(selectFocusRules);
  const { week, range } = useMemo(() => {
    const { start, end } = weekBounds(clock.now, clock.zone);
    const laidOut = layoutWeek(blocksBetween(rules, start, end), clock.now, clock.zone);
    return { week: laidOut, range: visibleRange(laidOut) };
  }, [rules, clock.now, clock.zone]);
  const total = week.days.reduce((sum, day) => sum + day.segments.length, 0);
  const percent = (minute: number) => `${rangePercent(minute, range).toFixed(3)}%`;
  const gridLines = (range.to - range.from) / range.step;

  return (
    <section className="focus-section" aria-labelledby="week-title">
      <div className="section-head">
        <div>
          <h3 id="week-title" className="section-title">
            This week
          </h3>
          <p className="section-note">
            {total === 0 ? 'No focus blocks this week' : `${total} focus ${total === 1 ? 'block' : 'blocks'}`}{' '}
            · times in {clock.zone}
          </p>
        </div>
      </div>
      <div className="week" style={{ '--week-grid': `${100 / gridLines}%` } as CSSProperties}>
        <div className="week-scale" aria-hidden="true">
          {range.ticks.map((minute) => (
            <span key={minute} className="week-scale-tick" style={{ left: percent(minute) }}>
              {formatMinute(minute)}
            </span>
          ))}
        </div>
        <ol className="week-days" aria-label="Focus blocks this week">
          {week.days.map((day) => (
            <li key={day.key} className="week-day" data-today={day.isToday || undefined}>
              <span className="visually-hidden">{spokenDay(day)}</span>
              <span className="week-day-label" aria-hidden="true">
                <span className="week-day-name">{day.shortName}</span>
                <span className="week-day-date">{day.dayOfMonth}</span>
              </span>
              <div className="week-track" aria-hidden="true">
                {day.segments.map((segment) => {
                  const { left, width } = segmentBox(segment, range);
                  const labelled = segment.endMinute - segment.startMinute >= LABEL_MIN_MINUTES;
                  return (
                    <div
                      key={segment.key}
                      className="week-bar"
                      data-past={segment.past || undefined}
                      data-current={segment.current || undefined}
                      title={`${segment.label} ${segment.name}`}
                      style={{ left: `${left}%`, width: `${width}%` }}
                    >
                      {labelled && <span className="week-bar-text">{segment.name}</span>}
                    </div>
                  );
                })}
                {day.isToday && <div className="week-now" style={{ left: percent(week.nowMinute) }} />}
              </div>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
