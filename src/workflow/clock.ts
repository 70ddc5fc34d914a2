import type { Duration, StepSpec } from './types.js';
import { addCalendarDays, addMonths, addWorkingDays, type HolidayCalendar } from './workingDays.js';

/** `start` moved by a duration (backwards with `sign` -1), on the office's calendar. */
export function addDuration(start: Date, duration: Duration, calendar: HolidayCalendar, sign: 1 | -1 = 1): Date {
  if ('workingDays' in duration) return addWorkingDays(start, sign * duration.workingDays, calendar);
  if ('calendarDays' in duration) return addCalendarDays(start, sign * duration.calendarDays, calendar);
  return addMonths(start, sign * duration.months, calendar);
}

/**
 * When a step that starts (or restarts after an escalation) at `start` is due, and when its
 * actors are reminded: reminders that would fall before the start or after the deadline are
 * dropped, so a short deadline never sends a reminder for a moment already past.
 */
export function stepClock(spec: Pick<StepSpec, 'deadline' | 'reminders'>, start: Date, calendar: HolidayCalendar): { dueAt: Date; remindAt: Date[] } {
  const dueAt = addDuration(start, spec.deadline, calendar);
  const remindAt = spec.reminders
    .map((reminder) => ('after' in reminder ? addDuration(start, reminder.after, calendar) : addDuration(dueAt, reminder.beforeDeadline, calendar, -1)))
    .filter((moment) => moment > start && moment < dueAt)
    .sort((a, b) => a.getTime() - b.getTime());
  return { dueAt, remindAt };
}

/** The first moment the deadline run must look at the record again; null when nothing is pending. */
export function nextDueAt(step: { dueAt: Date; remindAt: Date[]; overdue: boolean } | null): Date | null {
  if (!step) return null;
  const first = step.remindAt[0];
  if (step.overdue) return first ?? null;
  return first && first < step.dueAt ? first : step.dueAt;
}
