import { z } from 'zod';
import { wallClockIn, zoneOffsetMs } from '../workflow/workingDays.js';

/** Every schedule runs on the wall clock of the offices it serves. */
export const SCHEDULE_TIME_ZONE = 'Europe/Amsterdam';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Far enough to find the next 29 February or a yearly date. */
const SEARCH_DAYS = 366 * 4 + 2;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (24-hour clock)');

/**
 * When a job runs. `every` repeats at whole multiples of the interval (so every instance agrees on
 * the moments); `at` is a wall-clock time in Europe/Amsterdam on the days that match every list
 * given (ISO weekdays 1 = Monday … 7 = Sunday, days of the month, months 1-12), like a cron line.
 */
export const scheduleSchema = z.union([
  z.object({ every: z.object({ minutes: z.number().int().min(1).max(7 * 24 * 60) }).strict() }).strict(),
  z
    .object({
      at: clockTime,
      weekdays: z.array(z.number().int().min(1).max(7)).min(1).optional(),
      days: z.array(z.number().int().min(1).max(31)).min(1).optional(),
      months: z.array(z.number().int().min(1).max(12)).min(1).optional(),
    })
    .strict(),
]);
export type Schedule = z.infer<typeof scheduleSchema>;

type CalendarSchedule = Extract<Schedule, { at: string }>;

/** The instant a wall-clock time in the zone stands for; a time skipped by the spring change moves forward an hour. */
export function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone = SCHEDULE_TIME_ZONE): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const first = naive - zoneOffsetMs(new Date(naive), timeZone);
  return new Date(naive - zoneOffsetMs(new Date(first), timeZone));
}

function matchesDay(schedule: CalendarSchedule, year: number, month: number, day: number): boolean {
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  return (!schedule.months || schedule.months.includes(month)) && (!schedule.days || schedule.days.includes(day)) && (!schedule.weekdays || schedule.weekdays.includes(weekday));
}

function calendarOccurrence(schedule: CalendarSchedule, from: Date, direction: 1 | -1): Date | undefined {
  const [hour, minute] = schedule.at.split(':').map(Number) as [number, number];
  const local = wallClockIn(from, SCHEDULE_TIME_ZONE);
  const cursor = new Date(Date.UTC(local.year, local.month - 1, local.day));
  for (let step = 0; step <= SEARCH_DAYS; step += 1) {
    const [year, month, day] = [cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, cursor.getUTCDate()];
    if (matchesDay(schedule, year, month, day)) {
      const moment = zonedInstant(year, month, day, hour, minute);
      if (direction === -1 ? moment <= from : moment > from) return moment;
    }
    cursor.setTime(cursor.getTime() + direction * DAY_MS);
  }
  return undefined;
}

/** The last moment the schedule was due at or before `now`; undefined for a schedule that never matches. */
export function previousOccurrence(schedule: Schedule, now: Date): Date | undefined {
  if ('every' in schedule) {
    const period = schedule.every.minutes * 60_000;
    return new Date(Math.floor(now.getTime() / period) * period);
  }
  return calendarOccurrence(schedule, now, -1);
}

/** The first moment the schedule is due after `now`. */
export function nextOccurrence(schedule: Schedule, now: Date): Date | undefined {
  if ('every' in schedule) {
    const period = schedule.every.minutes * 60_000;
    return new Date((Math.floor(now.getTime() / period) + 1) * period);
  }
  return calendarOccurrence(schedule, now, 1);
}

const weekdayNames = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const monthNames = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`);

/** The schedule in Dutch, for `npm run jobs` and cards: "elke maandag om 08:00". */
export function describeSchedule(schedule: Schedule): string {
  if ('every' in schedule) {
    const { minutes } = schedule.every;
    if (minutes % (24 * 60) === 0) return minutes === 24 * 60 ? 'elke dag' : `elke ${minutes / (24 * 60)} dagen`;
    if (minutes % 60 === 0) return minutes === 60 ? 'elk uur' : `elke ${minutes / 60} uur`;
    return minutes === 1 ? 'elke minuut' : `elke ${minutes} minuten`;
  }
  const parts: string[] = [];
  if (schedule.weekdays) parts.push(`elke ${list(schedule.weekdays.map((day) => weekdayNames[day - 1]!))}`);
  if (schedule.days) parts.push(`op dag ${list(schedule.days.map(String))} van de maand`);
  if (schedule.months) parts.push(`in ${list(schedule.months.map((month) => monthNames[month - 1]!))}`);
  if (parts.length === 0) parts.push('elke dag');
  return `${parts.join(' ')} om ${schedule.at}`;
}
