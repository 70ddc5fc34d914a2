import { describe, expect, it } from 'vitest';
import { addWorkingDays, easterSunday, holidaysOf, isWorkingDay, yearIn } from '../../src/workflow/workingDays.js';

/** Amsterdam wall-clock time; CET is UTC+1 in winter, CEST UTC+2 in summer. */
const cet = (iso: string) => new Date(`${iso}+01:00`);
const cest = (iso: string) => new Date(`${iso}+02:00`);

describe('working days (Mon-Fri, Dutch statutory holidays, Europe/Amsterdam)', () => {
  it('knows Easter Sunday for a few years', () => {
    expect(easterSunday(2024)).toEqual({ month: 3, day: 31 });
    expect(easterSunday(2025)).toEqual({ month: 4, day: 20 });
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
  });

  it('lists the Algemene termijnenwet holidays, with Koningsdag moved off a Sunday', () => {
    expect([...holidaysOf(2026)].sort()).toEqual([
      '2026-01-01', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26',
    ]);
    expect(holidaysOf(2025).has('2025-04-26')).toBe(true);
    expect(holidaysOf(2025).has('2025-04-27')).toBe(false);
  });

  it('skips the weekend', () => {
    expect(addWorkingDays(cet('2026-03-06T15:00:00'), 1)).toEqual(cet('2026-03-09T15:00:00'));
    expect(addWorkingDays(cet('2026-03-06T15:00:00'), 5)).toEqual(cet('2026-03-13T15:00:00'));
    expect(addWorkingDays(cet('2026-03-07T10:00:00'), 1)).toEqual(cet('2026-03-09T10:00:00'));
    expect(addWorkingDays(cet('2026-03-04T09:00:00'), 0)).toEqual(cet('2026-03-04T09:00:00'));
  });

  it('skips holidays: Tweede Paasdag and Christmas', () => {
    // Goede Vrijdag is not a statutory holiday, Tweede Paasdag is.
    expect(addWorkingDays(cest('2026-04-02T10:00:00'), 2)).toEqual(cest('2026-04-07T10:00:00'));
    expect(addWorkingDays(cet('2026-12-23T10:00:00'), 3)).toEqual(cet('2026-12-29T10:00:00'));
  });

  it('counts on the Amsterdam calendar, not UTC', () => {
    // 23:30 UTC on Friday is already Saturday in Amsterdam.
    expect(isWorkingDay(new Date('2026-03-06T23:30:00Z'))).toBe(false);
    expect(isWorkingDay(new Date('2026-03-06T22:30:00Z'))).toBe(true);
    expect(yearIn(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
  });

  it('keeps the wall-clock time across the daylight-saving night', () => {
    // Saturday 28 March 2026, 23:30 CET; the clocks go forward that night.
    expect(addWorkingDays(cet('2026-03-28T23:30:00'), 1)).toEqual(cest('2026-03-30T23:30:00'));
    expect(addWorkingDays(cest('2026-10-23T09:00:00'), 1)).toEqual(cet('2026-10-26T09:00:00'));
    expect(() => addWorkingDays(new Date(), 1.5)).toThrow(RangeError);
    // Backwards too: two working days before a Tuesday is the Friday before.
    expect(addWorkingDays(cet('2026-03-10T09:00:00'), -2)).toEqual(cet('2026-03-06T09:00:00'));
  });
});
