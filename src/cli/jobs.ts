import type { Db } from 'mongodb';
import { loadConfig, type AppConfig } from '../config/env.js';
import { Directory, syncOrganisations } from '../directory/index.js';
import { createLogger } from '../logging/logger.js';
import { periodicJobs, scheduledJobs } from '../schedules.js';
import { SCHEDULE_TIME_ZONE, Scheduler, schedulingCollections, type ScheduleStatus } from '../scheduling/index.js';
import { parseCommandLine, runAsCommand, withConfiguredDatabase } from './support.js';

const usage = `Gebruik: npm run jobs [-- --json]

Toont elke geplande taak van de bot (herinneringen, overzichten, opruimen ...) met wanneer
hij draait, de laatste keer en de volgende keer (tijden in Europe/Amsterdam).
Database: MONGODB_URI en MONGODB_DB.`;

const moment = (value: Date | null) =>
  value ? new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'short', timeZone: SCHEDULE_TIME_ZONE }).format(value) : '—';

/** Every scheduled job with its state, as the running instances left it in the database. */
export async function listJobs(db: Db, config: AppConfig, now = new Date()): Promise<ScheduleStatus[]> {
  const organisations = await new Directory(db).organisations();
  const scheduler = new Scheduler({ db, logger: createLogger('silent'), now: () => now });
  // Listing only: nothing runs here, so the jobs need no services.
  const unavailable = () => {
    throw new Error('jobs are only listed here');
  };
  for (const job of scheduledJobs(periodicJobs, config, organisations, unavailable)) scheduler.register(job);
  return scheduler.status(now);
}

export function formatJobs(jobs: ScheduleStatus[]): string[] {
  const stateLabels: Record<ScheduleStatus['state'], string> = { never: 'nog niet', baseline: 'wacht op eerste keer', running: 'bezig', done: 'gelukt', failed: 'mislukt' };
  const header = ['Taak', 'Wanneer', 'Laatste keer', 'Resultaat', 'Volgende keer'];
  const rows = jobs.map((job) => [
    job.name,
    job.schedule,
    moment(job.lastStartedAt),
    job.state === 'failed' ? `mislukt (${job.lastError ?? 'fout'})` : job.state === 'done' ? (job.lastOutcome ?? 'gelukt') : stateLabels[job.state],
    moment(job.nextRunAt),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(format)];
}

async function main(argv: string[]): Promise<number> {
  const values = parseCommandLine(argv, { json: { type: 'boolean', default: false } }, usage);
  if (!values) return Number(process.exitCode ?? 0);
  const config = loadConfig();
  return withConfiguredDatabase(schedulingCollections, async (db) => {
    await syncOrganisations(db);
    const jobs = await listJobs(db, config);
    const lines = values.json ? jobs.map((job) => JSON.stringify(job)) : formatJobs(jobs);
    for (const line of lines) process.stdout.write(`${line}\n`);
    return 0;
  });
}

runAsCommand(import.meta.url, main, 'Taken ophalen mislukt');
