import type { AppConfig } from './config/env.js';
import { BOT_DIRECTORY_CACHE, Directory, directoryCollections, seedDemoPeople, syncOrganisations } from './directory/index.js';
import { loadKnowledgeBase, knowledgeCollections } from './knowledge/index.js';
import { errorFields, type Logger } from './logging/logger.js';
import { connectDatabase, ensureCollections, type CollectionDefinition, type Database } from './storage/database.js';
import { handledActivitiesCollection, HandledActivities } from './storage/handledActivities.js';
import { botStateCollection } from './teams/botState.js';
import { writeClaimsCollection, WriteClaims } from './storage/writeClaims.js';
import { createBot, type Bot } from './teams/bot.js';
import type { BotServices } from './teams/context.js';
import { conversationReferencesCollection } from './teams/conversationReferences.js';
import { answerFeedbackCollection } from './teams/feedback.js';
import { startHttpServer, type HttpServer } from './teams/server.js';
import { TeamsTransport } from './teams/transport.js';
import { deliveryCollections, DeliveryWorker, MongoOutbox } from './delivery/index.js';
import { languageOf } from './i18n/index.js';
import { WorkflowEngine, workflowCollections } from './workflow/index.js';
import { createWorkflowFeatures } from './workflows.js';
import { loadAllSideJobRules, runYearlySideJobReconfirmation } from './sidejobs/index.js';
import { loadAllFinanceSettings, runYearlyFinancialInterestReminder } from './finance/index.js';

/** Every collection the product uses, so one start-up call creates them and their indexes. */
export const allCollections: CollectionDefinition[] = [
  botStateCollection,
  handledActivitiesCollection,
  writeClaimsCollection,
  conversationReferencesCollection,
  answerFeedbackCollection,
  ...directoryCollections,
  ...knowledgeCollections,
  ...workflowCollections,
  ...deliveryCollections,
];

export interface RunningApp {
  bot: Bot;
  /** Delivers the stored outbox; tests wait on it to see proactive messages. */
  delivery: DeliveryWorker;
  http: HttpServer;
  database: Database;
  services: BotServices;
  /** The periodic domain jobs (deadlines, yearly reconfirmations and reminders) for a moment; the timer calls it, tests too. */
  runPeriodicJobs(now: Date): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: AppConfig;
  logger: Logger;
  now?: () => Date;
  /** Loads the fictional demo people; the demo and the tests use it, production never does. */
  seedDemoData?: boolean;
  host?: string;
  /** Emits the driver's command events on `database.client` (round-trip counting in the bench and tests). */
  monitorCommands?: boolean;
}

/** The composition root: database, directory, knowledge, bot and HTTP server, in that order. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const database = await connectDatabase({ uri: config.MONGODB_URI, dbName: config.MONGODB_DB, monitorCommands: options.monitorCommands });
  try {
    await ensureCollections(database.db, allCollections);
    await syncOrganisations(database.db);
    if (options.seedDemoData) await seedDemoPeople(database.db);
    const knowledge = await loadKnowledgeBase(database.db);
    const now = options.now ?? (() => new Date());
    // Cached reads: a turn reads its person, organisation and manager chain once per expiry.
    const directory = new Directory(database.db, { cache: { ...BOT_DIRECTORY_CACHE, now: () => now().getTime() } });
    const outbox = new MongoOutbox(database.db);
    const features = createWorkflowFeatures({ directory, knowledge, logger, now, outbox });
    const engine = new WorkflowEngine({ db: database.db, directory, outbox, logger, now }, features.map((feature) => feature.definition));
    const services: BotServices = {
      config,
      logger,
      database,
      directory,
      knowledge,
      now,
      workflows: { engine, modules: features.map((feature) => feature.module(engine)) },
    };
    const bot = createBot(services);

    // Proactive messages leave through the outbox: rendered for each reader in their language.
    const transport = new TeamsTransport(bot.adapter, config.BOT_ID ?? '', bot.references);
    const delivery = new DeliveryWorker({
      db: database.db,
      transport,
      logger,
      render: async (view, to) => {
        const reference = await bot.references.find(to);
        const person = reference?.locale ? undefined : await directory.person(to);
        const organisation = person ? await directory.organisation(person.orgId) : undefined;
        return engine.render(view, to, languageOf(reference?.locale, organisation?.defaultLanguage ?? 'nl'));
      },
    });
    outbox.onEnqueued = () => delivery.kick();
    delivery.start();
    const http = await startHttpServer(bot, database, logger, config.PORT, options.host);

    const handled = new HandledActivities(database.db);
    const claims = new WriteClaims(database.db);
    const pruneTimer = setInterval(() => {
      Promise.all([handled.prune(), claims.prune()]).catch((error: unknown) =>
        logger.warn({ event: 'prune.failed', err: errorFields(error) }, 'prune failed'),
      );
    }, 60 * 60 * 1000);
    pruneTimer.unref();

    // Plain domain functions taking the moment; issue 11 moves them onto its scheduler. Each one
    // claims what it does, so overlapping runs (slow run, several instances) act once.
    const yearly = { db: database.db, directory, outbox, logger, rules: loadAllSideJobRules() };
    const financeSettings = loadAllFinanceSettings();
    const periodicJobs: [string, (at: Date) => Promise<unknown>][] = [
      ['workflow.deadlines', (at) => engine.processDueWorkflowDeadlines(at)],
      ['sidejob.reconfirmation', (at) => runYearlySideJobReconfirmation(yearly, at)],
      ['finance.reminder', (at) => runYearlyFinancialInterestReminder({ ...yearly, settings: financeSettings }, at)],
    ];
    async function runPeriodicJobs(at: Date): Promise<void> {
      for (const [name, job] of periodicJobs) {
        await job(at).catch((error: unknown) => logger.error({ event: `${name}.failed`, err: errorFields(error) }, 'periodic job failed'));
      }
    }

    // One instance need not start a run while its last is busy.
    let deadlinesRunning = false;
    const deadlineTimer = setInterval(() => {
      if (deadlinesRunning) return;
      deadlinesRunning = true;
      runPeriodicJobs(services.now()).finally(() => {
        deadlinesRunning = false;
      });
    }, config.REMINDER_CHECK_INTERVAL_MINUTES * 60 * 1000);
    deadlineTimer.unref();

    return {
      bot,
      delivery,
      http,
      database,
      services,
      runPeriodicJobs,
      async stop() {
        clearInterval(pruneTimer);
        clearInterval(deadlineTimer);
        await http.close(config.SHUTDOWN_TIMEOUT_MS);
        await delivery.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
