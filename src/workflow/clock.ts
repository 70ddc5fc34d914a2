import type { WorkflowSettings } from '../directory/types.js';
import type { Duration, StepSpec } from './types.js';
import { addCalendarDays, addMonths, addWorkingDays, type HolidayCalendar } from './workingDays.js';

/** An organisation's usual timing for a step: reminded twice on its days, due (then escalated) after its escalation days unless a step says otherwise. */
export function organisationTiming(days: WorkflowSettings, deadlineWorkingDays: number = days.escalateAfterWorkingDays): Pick<StepSpec, 'deadline' | 'reminders'> {
  return {
    deadline: { workingDays: deadlineWorkingDays },
    reminders: [{ after: { workingDays: days.reminderAfterWorkingDays } }, { after: { workingDays: days.secondReminderAfterWorkingDays } }],
  };
}

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
export function nextDueAt(step: { dueAt: Date; remindAt: Date[]; overdue: boolean; unreachable?: { escalateAt: Date; escalated: boolean }[] } | null): Date | null {
  if (!step) return null;
  const first = step.remindAt[0];
  const regular = step.overdue ? (first ?? null) : first && first < step.dueAt ? first : step.dueAt;
  // An unreachable actor's escalation may come before any reminder or deadline.
  const escalations = (step.unreachable ?? []).filter((actor) => !actor.escalated).map((actor) => actor.escalateAt);
  return [regular, ...escalations].filter((moment): moment is Date => moment !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
}
