import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJobs, listJobs } from '../../src/cli/jobs.js';
import { loadConfig } from '../../src/config/env.js';
import { syncOrganisations } from '../../src/directory/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { periodicJobs, scheduledJobs } from '../../src/schedules.js';
import { Scheduler, schedulingCollections } from '../../src/scheduling/index.js';
import { ensureCollections } from '../../src/storage/database.js';
import { openTestDatabase } from '../support/database.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const config = loadConfig({ NODE_ENV: 'test', REMINDER_CHECK_INTERVAL_MINUTES: '15' } as NodeJS.ProcessEnv);

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureCollections(database.db, schedulingCollections);
  await syncOrganisations(database.db);
});
afterAll(async () => database?.drop());

describe('npm run jobs', () => {
  it('lists every scheduled job with its last and next run', async () => {
    const now = new Date('2026-03-10T09:07:00Z');
    const ran: string[] = [];
    const scheduler = new Scheduler({ db: database.db, logger: createLogger('silent'), now: () => now });
    const services = () => {
      ran.push('services');
      return { engine: { processDueWorkflowDeadlines: async () => ({ reminded: 2, escalated: 0, overdue: 1 }) } } as never;
    };
    for (const job of scheduledJobs(periodicJobs, config, [], services)) scheduler.register(job);
    await scheduler.runNow('workflow.deadlines', now);

    const jobs = await listJobs(database.db, config, now);
    const deadlines = jobs.find((job) => job.name === 'workflow.deadlines')!;
    expect(deadlines).toMatchObject({ schedule: 'elke 15 minuten', state: 'done', lastOutcome: '2 herinnerd, 0 doorgezet, 1 over termijn', nextRunAt: new Date('2026-03-10T09:15:00Z') });
    expect(deadlines.lastStartedAt).toEqual(now);
    expect(jobs.find((job) => job.name === 'maintenance.prune')).toMatchObject({ state: 'never', nextRunAt: new Date('2026-03-10T10:00:00Z') });
    const table = formatJobs(jobs).join('\n');
    expect(table).toContain('workflow.deadlines');
    expect(table).toContain('10-03-2026, 10:07');
    expect(table).toContain('10-03-2026, 10:15');
  });
});
