import type { WorkingCalendar } from '../../shared/working-time';
import type { SettingsStore } from './settings-store';

/**
 * The working calendar as one object per (settings, zone): working-time arithmetic memoises per
 * calendar object, so handing out the same object until something changes keeps deadlines cheap.
 */
export function createCalendarMemo(settings: SettingsStore, systemZone: () => string): () => WorkingCalendar {
  let cached: { source: unknown; zone: string; calendar: WorkingCalendar } | null = null;
  return () => {
    const current = settings.get();
    const zone = current.timeZone ?? systemZone();
    if (cached?.source !== current || cached.zone !== zone) {
      cached = {
        source: current,
        zone,
        calendar: { zone, hours: current.workingHours, holidays: current.holidays },
      };
    }
    return cached.calendar;
  };
}
