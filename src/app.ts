import type { AppConfig } from './config/env.js';
import { Directory, directoryCollections, seedDemoPeople, syncOrganisations } from './directory/index.js';
import { loadKnowledgeBase, knowledgeCollections, type KnowledgeBase } from './knowledge/index.js';
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
  stop(): Promise<void>;
}

export interface StartOptions {
  config: AppConfig;
  logger: Logger;
  now?: () => Date;
  /** Loads the fictional demo people; the demo and the tests use it, production never does. */
  seedDemoData?: boolean;
  host?: string;
}

/** The composition root: database, directory, knowledge, bot and HTTP server, in that order. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const database = await connectDatabase({ uri: config.MONGODB_URI, dbName: config.MONGODB_DB });
  let knowledge: KnowledgeBase | undefined;
  try {
    await ensureCollections(database.db, allCollections);
    await syncOrganisations(database.db);
    if (options.seedDemoData) await seedDemoPeople(database.db);
    // Imported policies count at once: every instance checks for new versions on its own.
    knowledge = await loadKnowledgeBase(database.db, {
      refreshIntervalMs: config.POLICY_REFRESH_SECONDS * 1000,
      onRefresh: (event) => logger.info({ event: 'knowledge.refreshed', documents: event.documents, changed: event.changed, removed: event.removed, buildMs: event.buildMs }, 'policy library rebuilt'),
      onError: (error) => logger.warn({ event: 'knowledge.refresh_failed', err: errorFields(error) }, 'policy check failed'),
    });
    const directory = new Directory(database.db);
    const now = options.now ?? (() => new Date());
    const outbox = new MongoOutbox(database.db);
    const features = createWorkflowFeatures({ directory, knowledge, logger, now });
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

    // Reminders and escalations; overlapping runs (slow run, several instances) are safe, each
    // reminder is claimed once, but one instance need not start a run while its last is busy.
    let deadlinesRunning = false;
    const deadlineTimer = setInterval(() => {
      if (deadlinesRunning) return;
      deadlinesRunning = true;
      engine
        .processDueWorkflowDeadlines(services.now())
        .catch((error: unknown) => logger.error({ event: 'workflow.deadlines.failed', err: errorFields(error) }, 'deadline run failed'))
        .finally(() => {
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
      async stop() {
        clearInterval(pruneTimer);
        clearInterval(deadlineTimer);
        knowledge?.close?.();
        await http.close(config.SHUTDOWN_TIMEOUT_MS);
        await delivery.stop();
        await database.close();
      },
    };
  } catch (error) {
    knowledge?.close?.();
    await database.close().catch(() => undefined);
    throw error;
  }
}
