import type { Db } from 'mongodb';
import type { AppConfig } from './config/env.js';
import { OutboxStore, Pacer, type Outbox } from './delivery/index.js';
import type { Directory } from './directory/index.js';
import type { Organisation } from './directory/types.js';
import type { Logger } from './logging/logger.js';
import { meetingSchedule, sendMeetingReminders } from './meetings/index.js';
import { sendDigest } from './digests/index.js';
import type { Weekday } from './directory/types.js';
import type { Schedule, ScheduledJob } from './scheduling/index.js';
import { SCHEDULE_CLAIMS } from './scheduling/index.js';
import { HandledActivities } from './storage/handledActivities.js';
import { WriteClaims } from './storage/writeClaims.js';
import { reconcileAwaiting, type WorkflowEngine } from './workflow/index.js';
import { loadAllSideJobRules, runYearlySideJobReconfirmation } from './sidejobs/index.js';
import { loadAllFinanceSettings, runYearlyFinancialInterestReminder } from './finance/index.js';
import { purgeExpiredReportContent } from './reports/index.js';

/** What periodic jobs may use; bound once at start-up by the composition root. */
export interface JobServices {
  db: Db;
  config: AppConfig;
  logger: Logger;
  directory: Directory;
  engine: WorkflowEngine;
  outbox: Outbox;
}

/** A job that runs once for the whole product. */
export interface GlobalJobEntry {
  name: string;
  description: string;
  schedule(config: AppConfig): Schedule;
  run(services: JobServices, now: Date): Promise<string | void>;
}

/** A job that runs once per organisation (`<name>:<orgId>`), when the organisation's data asks for it (or never). */
export interface OrganisationJobEntry {
  name: string;
  description: string;
  perOrganisation: true;
  schedule(organisation: Organisation, config: AppConfig): Schedule | undefined;
  run(services: JobServices, now: Date, organisation: Organisation): Promise<string | void>;
}

export type PeriodicJobEntry = GlobalJobEntry | OrganisationJobEntry;

/** A line of the list for a job of the whole product. */
export const everywhere = (entry: GlobalJobEntry): PeriodicJobEntry => entry;
/** A line of the list for a job per organisation. */
export const perOrganisation = (entry: Omit<OrganisationJobEntry, 'perOrganisation'>): PeriodicJobEntry => ({ ...entry, perOrganisation: true });

const DAY_MS = 24 * 60 * 60_000;
const WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const weekdayNumber = (day: Weekday) => WEEKDAYS.indexOf(day) + 1;

/**
 * The one list of periodic jobs. Each runs once per occurrence across every bot instance, in
 * Europe/Amsterdam time (src/scheduling); adding one is a line here with a plain domain
 * function that takes `now`, e.g.
 * `everywhere({ name: 'sidejobs.reconfirm', description: '…', schedule: () => ({ at: '06:00' }), run: (s, now) => reconfirmSideJobs(s.db, now) })`.
 */
export const periodicJobs: readonly PeriodicJobEntry[] = [
  everywhere({
    name: 'workflow.deadlines',
    description: 'Herinneringen, escalaties en termijnen van openstaande meldingen',
    schedule: (config) => ({ every: { minutes: config.REMINDER_CHECK_INTERVAL_MINUTES } }),
    run: async (services, now) => {
      const summary = await services.engine.processDueWorkflowDeadlines(now);
      return `${summary.reminded} herinnerd, ${summary.escalated} doorgezet, ${summary.overdue} over termijn`;
    },
  }),
  everywhere({
    name: 'maintenance.prune',
    description: 'Opruimen van verlopen claims, afgehandelde activiteiten en verzonden berichten',
    schedule: () => ({ every: { minutes: 60 } }),
    run: async ({ db }, now) => {
      await Promise.all([
        new HandledActivities(db).prune(now),
        new WriteClaims(db).prune(now),
        new OutboxStore(db).prune(now, 7 * DAY_MS),
        new Pacer(db).prune(now),
        db.collection(SCHEDULE_CLAIMS).deleteMany({ at: { $lt: new Date(now.getTime() - 30 * DAY_MS) } }),
      ]);
    },
  }),
  everywhere({
    name: 'maintenance.awaiting',
    description: 'Wat op iemand wacht: de index gelijktrekken met de meldingen',
    schedule: () => ({ every: { minutes: 60 } }),
    run: async ({ db }, now) => {
      const { noted, dropped } = await reconcileAwaiting(db, now);
      return `${noted} aangevuld, ${dropped} opgeruimd`;
    },
  }),
  // Daily: each finds the organisations whose reconfirmation or reminder month it is, and sends
  // every card once per round (the rounds are claimed), so a missed day is made up the next.
  everywhere({
    name: 'sidejob.reconfirmation',
    description: 'Jaarlijkse herbevestiging van nevenwerkzaamheden',
    schedule: () => ({ at: '06:00' }),
    run: async ({ db, directory, outbox, logger }, now) => {
      await runYearlySideJobReconfirmation({ db, directory, outbox, logger, rules: loadAllSideJobRules() }, now);
    },
  }),
  everywhere({
    name: 'finance.reminder',
    description: 'Jaarlijkse herinnering financiële belangen voor aangewezen functies',
    schedule: () => ({ at: '06:15' }),
    run: async ({ db, directory, outbox, logger }, now) => {
      await runYearlyFinancialInterestReminder({ db, directory, outbox, logger, settings: loadAllFinanceSettings() }, now);
    },
  }),
  everywhere({
    name: 'reports.retention',
    description: 'Inhoud van gesloten meldingen verwijderen na de bewaartermijn (metagegevens blijven)',
    schedule: () => ({ every: { minutes: 60 } }),
    run: async ({ db, logger }, now) => {
      await purgeExpiredReportContent(db, now, { logger });
    },
  }),
  perOrganisation({
    name: 'digest',
    description: 'Weekoverzicht voor P&O',
    schedule: (organisation) => (organisation.digest ? { at: organisation.digest.time, weekdays: [weekdayNumber(organisation.digest.day)] } : undefined),
    run: (services, now, organisation) => sendDigest(services, organisation, now),
  }),
  perOrganisation({
    name: 'integrity-meetings',
    description: 'Leidinggevenden: zet integriteit op het teamoverleg, met een dilemma',
    schedule: (organisation) => (organisation.integrityMeetings ? meetingSchedule(organisation.integrityMeetings) : undefined),
    run: (services, now, organisation) => sendMeetingReminders(services, organisation, now),
  }),
];

/** The jobs as the scheduler runs them, for these organisations. */
export function scheduledJobs(entries: readonly PeriodicJobEntry[], config: AppConfig, organisations: readonly Organisation[], services: () => JobServices): ScheduledJob[] {
  return entries.flatMap((entry): ScheduledJob[] => {
    if (!('perOrganisation' in entry)) return [{ name: entry.name, description: entry.description, schedule: entry.schedule(config), run: (now) => entry.run(services(), now) }];
    return organisations.flatMap((organisation) => {
      const schedule = entry.schedule(organisation, config);
      return schedule ? [{ name: `${entry.name}:${organisation.id}`, description: `${entry.description} (${organisation.name})`, schedule, run: (now: Date) => entry.run(services(), now, organisation) }] : [];
    });
  });
}

/** The jobs of the whole product that act on the domain (not housekeeping), for running them at a chosen moment. */
export function directJobs(entries: readonly PeriodicJobEntry[]): GlobalJobEntry[] {
  return entries.filter((entry): entry is GlobalJobEntry => !('perOrganisation' in entry) && !entry.name.startsWith('maintenance.'));
}
