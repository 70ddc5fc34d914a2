import { z } from 'zod';
import holidayData from './dutch-holidays.json' with { type: 'json' };

const holidayCalendarSchema = z
  .object({
    source: z.string(),
    timeZone: z.string().min(1),
    fixed: z.array(
      z
        .object({
          name: z.string().min(1),
          month: z.number().int().min(1).max(12),
          day: z.number().int().min(1).max(31),
          ifSundayShiftDays: z.number().int().min(-6).max(6).optional(),
        })
        .strict(),
    ),
    easterRelative: z.array(z.object({ name: z.string().min(1), offsetDays: z.number().int().min(-60).max(60) }).strict()),
  })
  .strict();

export type HolidayCalendar = z.infer<typeof holidayCalendarSchema>;

/** Deadlines count the days a Dutch public office is open: Mon-Fri minus the statutory holidays. */
export const dutchHolidays: HolidayCalendar = holidayCalendarSchema.parse(holidayData);

const DAY_MS = 24 * 60 * 60 * 1000;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date in the office's time zone: a UTC date near midnight belongs to another day. */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  const { year, month, day } = wallClockIn(instant, timeZone);
  return { year, month, day };
}

/** The calendar date of a moment as forms and data write it (YYYY-MM-DD), on the office's clock. */
export function isoDateIn(instant: Date, timeZone = 'Europe/Amsterdam'): string {
  const { year, month, day } = calendarDateIn(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function wallClockIn(instant: Date, timeZone: string): CalendarDate & { hour: number; minute: number; second: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far the zone's wall clock is ahead of UTC at that instant (whole seconds). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const wall = wallClockIn(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** Easter Sunday (Gregorian), by the anonymous Meeus/Jones/Butcher algorithm. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const holidayCache = new Map<string, Set<string>>();

function dateKey(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The holidays of one year as YYYY-MM-DD keys. */
export function holidaysOf(year: number, calendar: HolidayCalendar = dutchHolidays): Set<string> {
  const cacheKey = `${calendar.source}|${year}`;
  const cached = holidayCache.get(cacheKey);
  if (cached) return cached;
  const keys = new Set<string>();
  // Pure date arithmetic in UTC: only the calendar fields are used, never the instant.
  for (const rule of calendar.fixed) {
    const date = new Date(Date.UTC(year, rule.month - 1, rule.day));
    if (rule.ifSundayShiftDays && date.getUTCDay() === 0) date.setUTCDate(date.getUTCDate() + rule.ifSundayShiftDays);
    keys.add(dateKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
  }
  const easter = easterSunday(year);
  for (const rule of calendar.easterRelative) {
    const date = new Date(Date.UTC(year, easter.month - 1, easter.day + rule.offsetDays));
    keys.add(dateKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
  }
  holidayCache.set(cacheKey, keys);
  return keys;
}

export function isWorkingDay(instant: Date, calendar: HolidayCalendar = dutchHolidays): boolean {
  const date = calendarDateIn(instant, calendar.timeZone);
  return isWorkingDate(date.year, date.month, date.day, calendar);
}

function isWorkingDate(year: number, month: number, day: number, calendar: HolidayCalendar): boolean {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(year, calendar).has(dateKey(year, month, day));
}

/**
 * The moment `days` working days after `start` (before it, for a negative number), at the same
 * time of day: a notification made on Friday afternoon with a 1-day deadline is due Monday
 * afternoon, not Saturday. Days are stepped on the office's calendar so a daylight-saving night
 * cannot skip or repeat a date.
 */
export function addWorkingDays(start: Date, days: number, calendar: HolidayCalendar = dutchHolidays): Date {
  if (!Number.isInteger(days)) throw new RangeError('days must be a whole number');
  const local = calendarDateIn(start, calendar.timeZone);
  const cursor = new Date(Date.UTC(local.year, local.month - 1, local.day));
  const direction = days < 0 ? -1 : 1;
  let stepped = 0;
  for (let counted = 0; counted < Math.abs(days); ) {
    cursor.setUTCDate(cursor.getUTCDate() + direction);
    stepped += direction;
    if (isWorkingDate(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, cursor.getUTCDate(), calendar)) counted += 1;
  }
  return sameWallClock(start, stepped, calendar.timeZone);
}

/** The moment `days` calendar days later (earlier when negative), at the same wall-clock time. */
export function addCalendarDays(start: Date, days: number, calendar: HolidayCalendar = dutchHolidays): Date {
  if (!Number.isInteger(days)) throw new RangeError('days must be a whole number');
  return sameWallClock(start, days, calendar.timeZone);
}

/**
 * The same day `months` months later, at the same wall-clock time; the last day of the month
 * when that day does not exist (31 January + 1 month = 28 or 29 February), as the law counts.
 */
export function addMonths(start: Date, months: number, calendar: HolidayCalendar = dutchHolidays): Date {
  if (!Number.isInteger(months)) throw new RangeError('months must be a whole number');
  const local = calendarDateIn(start, calendar.timeZone);
  const firstOfTarget = new Date(Date.UTC(local.year, local.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  const target = Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth(), Math.min(local.day, lastDay));
  const days = Math.round((target - Date.UTC(local.year, local.month - 1, local.day)) / DAY_MS);
  return sameWallClock(start, days, calendar.timeZone);
}

/** `start` moved by whole calendar days, keeping its wall-clock time across daylight-saving changes. */
function sameWallClock(start: Date, days: number, timeZone: string): Date {
  const naive = start.getTime() + days * DAY_MS;
  return new Date(naive + zoneOffsetMs(start, timeZone) - zoneOffsetMs(new Date(naive), timeZone));
}

/** The year a record belongs to, in the office's time zone (a notification at 00:30 on 1 January counts for the new year). */
export function yearIn(instant: Date, calendar: HolidayCalendar = dutchHolidays): number {
  return calendarDateIn(instant, calendar.timeZone).year;
}
