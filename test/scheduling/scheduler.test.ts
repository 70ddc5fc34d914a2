import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { Scheduler, describeSchedule, nextOccurrence, previousOccurrence, schedulingCollections, zonedInstant, type Schedule, type ScheduledJob } from '../../src/scheduling/index.js';
import { ensureCollections } from '../../src/storage/database.js';
import { openTestDatabase } from '../support/database.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const clock = { now: new Date('2026-03-02T06:00:00Z') };
const instance = (options: { leaseMs?: number } = {}) => new Scheduler({ db: database.db, logger: createLogger('silent'), now: () => clock.now, tickMs: 60_000, ...options });
const amsterdam = (iso: string) => new Date(`${iso}${/[+-]\d\d:\d\d$/.test(iso) ? '' : '+01:00'}`);

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureCollections(database.db, schedulingCollections);
});
afterAll(async () => database?.drop());
beforeEach(async () => {
  for (const collection of schedulingCollections) await database.db.collection(collection.name).deleteMany({});
});

/** A job that counts its runs (per instance that ran it). */
function countingJob(name: string, schedule: Schedule, runs: string[], who: string, work: () => Promise<void> = async () => undefined): ScheduledJob {
  return {
    name,
    description: 'test',
    schedule,
    async run(now) {
      runs.push(`${who}@${now.toISOString()}`);
      await work();
      return 'klaar';
    },
  };
}

describe('schedules in Europe/Amsterdam time', () => {
  const weeklyMonday8: Schedule = { at: '08:00', weekdays: [1] };

  it('finds the weekly moment in winter and in summer time', () => {
    expect(nextOccurrence(weeklyMonday8, amsterdam('2026-03-04T12:00'))).toEqual(amsterdam('2026-03-09T08:00'));
    // 30 March 2026 is the first Monday of summer time: 08:00 is 06:00 UTC.
    expect(nextOccurrence(weeklyMonday8, amsterdam('2026-03-27T12:00'))).toEqual(new Date('2026-03-30T06:00:00Z'));
    expect(previousOccurrence(weeklyMonday8, new Date('2026-03-30T05:59:00Z'))).toEqual(amsterdam('2026-03-23T08:00'));
    expect(previousOccurrence(weeklyMonday8, new Date('2026-03-30T06:00:00Z'))).toEqual(new Date('2026-03-30T06:00:00Z'));
  });

  it('handles half-yearly and yearly dates, and intervals aligned to the clock', () => {
    const halfYearly: Schedule = { at: '09:00', days: [15], months: [1, 7] };
    expect(nextOccurrence(halfYearly, amsterdam('2026-02-01T00:00'))).toEqual(new Date('2026-07-15T07:00:00Z'));
    expect(previousOccurrence(halfYearly, amsterdam('2026-02-01T00:00'))).toEqual(amsterdam('2026-01-15T09:00'));
    expect(nextOccurrence({ at: '10:00', days: [29], months: [2] }, amsterdam('2026-03-01T00:00'))).toEqual(amsterdam('2028-02-29T10:00'));
    expect(previousOccurrence({ every: { minutes: 60 } }, new Date('2026-03-02T06:42:00Z'))).toEqual(new Date('2026-03-02T06:00:00Z'));
    expect(zonedInstant(2026, 3, 29, 2, 30)).toEqual(new Date('2026-03-29T01:30:00Z')); // skipped by the spring change: 03:30 CEST
  });

  it('says when in Dutch', () => {
    expect(describeSchedule(weeklyMonday8)).toBe('elke maandag om 08:00');
    expect(describeSchedule({ at: '09:00', days: [15], months: [1, 7] })).toBe('op dag 15 van de maand in januari en juli om 09:00');
    expect(describeSchedule({ every: { minutes: 60 } })).toBe('elk uur');
  });
});

describe('the scheduler', () => {
  it('runs each occurrence once across instances', async () => {
    const runs: string[] = [];
    const schedule: Schedule = { at: '08:00', weekdays: [1] };
    const [a, b, c] = ['a', 'b', 'c'].map((who) => instance().register(countingJob('digest:test', schedule, runs, who)));
    clock.now = amsterdam('2026-03-04T12:00'); // a Wednesday: first sight only sets the baseline
    expect((await a!.tick()).map((result) => result.outcome)).toEqual(['baseline']);
    expect(runs).toEqual([]);
    clock.now = amsterdam('2026-03-09T08:00:30');
    await Promise.all([a!.tick(), b!.tick(), c!.tick(), a!.tick(), b!.tick()]);
    expect(runs).toHaveLength(1);
    clock.now = amsterdam('2026-03-09T09:00');
    await Promise.all([a!.tick(), b!.tick()]);
    expect(runs).toHaveLength(1);
    clock.now = amsterdam('2026-03-16T08:00');
    await Promise.all([c!.tick(), b!.tick()]);
    expect(runs).toHaveLength(2);
    const [status] = await a!.status(clock.now);
    expect(status).toMatchObject({ name: 'digest:test', state: 'done', lastOutcome: 'klaar', nextRunAt: amsterdam('2026-03-23T08:00') });
    expect(status!.lastStartedAt).toEqual(amsterdam('2026-03-16T08:00'));
  });

  it('after being down, runs the latest missed occurrence once, not every one missed', async () => {
    const runs: string[] = [];
    const scheduler = instance().register(countingJob('weekly', { at: '07:00', weekdays: [2] }, runs, 'a'));
    clock.now = amsterdam('2026-03-02T12:00');
    await scheduler.tick();
    clock.now = amsterdam('2026-03-30T12:00+02:00'); // four Tuesdays later
    await scheduler.tick();
    await scheduler.tick();
    expect(runs).toEqual([new Date('2026-03-30T10:00:00Z').toISOString().replace(/^/, 'a@')]);
  });

  it('interval jobs run from their first sight, once per interval', async () => {
    const runs: string[] = [];
    const a = instance().register(countingJob('workflow.deadlines', { every: { minutes: 60 } }, runs, 'a'));
    const b = instance().register(countingJob('workflow.deadlines', { every: { minutes: 60 } }, runs, 'b'));
    clock.now = new Date('2026-03-02T06:10:00Z');
    await Promise.all([a.tick(), b.tick()]);
    clock.now = new Date('2026-03-02T06:50:00Z');
    await Promise.all([a.tick(), b.tick()]);
    clock.now = new Date('2026-03-02T07:00:00Z');
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toHaveLength(2);
  });

  it('takes over the run of an instance that died once its lease ran out', async () => {
    const runs: string[] = [];
    let release: () => void = () => undefined;
    const hanging = new Promise<void>((resolve) => (release = resolve));
    const dying = instance({ leaseMs: 60_000 }).register(countingJob('retention', { every: { minutes: 24 * 60 } }, runs, 'dying', () => hanging));
    const healthy = instance({ leaseMs: 60_000 }).register(countingJob('retention', { every: { minutes: 24 * 60 } }, runs, 'healthy'));
    clock.now = new Date('2026-03-02T03:00:00Z');
    const stuck = dying.tick();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await healthy.tick();
    expect(runs).toEqual(['dying@2026-03-02T03:00:00.000Z']);
    // The dying instance stops renewing its lease (its heartbeat is the real clock; here the test's clock jumps).
    clock.now = new Date('2026-03-02T03:05:00Z');
    await healthy.tick();
    expect(runs).toEqual(['dying@2026-03-02T03:00:00.000Z', 'healthy@2026-03-02T03:05:00.000Z']);
    release();
    await stuck;
  });

  it('retries a failed run a bounded number of times and records the error', async () => {
    let calls = 0;
    const scheduler = instance();
    scheduler.register({ name: 'fails', description: 'test', schedule: { every: { minutes: 24 * 60 } }, run: async () => { calls += 1; throw new TypeError('boom'); } });
    clock.now = new Date('2026-03-03T01:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(calls).toBe(1);
    for (const minutes of [6, 12, 18, 24]) {
      clock.now = new Date(new Date('2026-03-03T01:00:00Z').getTime() + minutes * 60_000);
      await scheduler.tick();
    }
    expect(calls).toBe(3);
    const [status] = await scheduler.status(clock.now);
    expect(status).toMatchObject({ state: 'failed', lastError: 'TypeError' });
  });

  it('runs a job on request once, without moving its schedule', async () => {
    const runs: string[] = [];
    const a = instance().register(countingJob('digest:x', { at: '08:00', weekdays: [1] }, runs, 'a'));
    const b = instance().register(countingJob('digest:x', { at: '08:00', weekdays: [1] }, runs, 'b'));
    clock.now = amsterdam('2026-03-04T12:00');
    await Promise.all([a.runNow('digest:x'), b.runNow('digest:x')]);
    expect(runs).toHaveLength(1);
    clock.now = amsterdam('2026-03-09T08:01');
    await a.tick();
    expect(runs).toHaveLength(2);
  });

  it('refuses a job registered twice', () => {
    const scheduler = instance().register(countingJob('one', { every: { minutes: 5 } }, [], 'a'));
    expect(() => scheduler.register(countingJob('one', { every: { minutes: 5 } }, [], 'a'))).toThrow(/twice/);
  });
});
