import type { AppConfig } from './config/env.js';
import { BOT_DIRECTORY_CACHE, Directory, directoryCollections, seedDemoPeople, syncOrganisations } from './directory/index.js';
import { loadKnowledgeBase, knowledgeCollections, type KnowledgeBase } from './knowledge/index.js';
import { errorFields, type Logger } from './logging/logger.js';
import { connectDatabase, ensureCollections, type CollectionDefinition, type Database } from './storage/database.js';
import { handledActivitiesCollection } from './storage/handledActivities.js';
import { botStateCollection } from './teams/botState.js';
import { writeClaimsCollection } from './storage/writeClaims.js';
import { createBot, type Bot } from './teams/bot.js';
import type { BotServices } from './teams/context.js';
import { conversationReferencesCollection, tenantEndpointsCollection } from './teams/conversationReferences.js';
import { answerFeedbackCollection } from './teams/feedback.js';
import { startHttpServer, type HttpServer } from './teams/server.js';
import { TeamsTransport } from './teams/transport.js';
import { deliveryCollections, DeliveryWorker, MongoOutbox, type DeliveryWorkerOptions, type RecipientResolver } from './delivery/index.js';
import { undeliverableHandler } from './delivery/undeliverable.js';
import { GraphAppInstaller } from './teams/graph.js';
import { languageOf } from './i18n/index.js';
import { WorkflowEngine, recipientResolver, workflowCollections } from './workflow/index.js';
import { createWorkflowFeatures, registerLinks } from './workflows.js';
import { Scheduler, schedulingCollections } from './scheduling/index.js';
import { MEETING_VIEW, meetingCollections, renderMeetingReminder } from './meetings/index.js';
import { DIGEST_VIEW, digestCollections, renderDigest } from './digests/index.js';
import { directJobs, periodicJobs, scheduledJobs, type JobServices } from './schedules.js';
import { reportCollections, ReportKeyring } from './reports/index.js';

/** Every collection the product uses, so one start-up call creates them and their indexes. */
export const allCollections: CollectionDefinition[] = [
  botStateCollection,
  handledActivitiesCollection,
  writeClaimsCollection,
  conversationReferencesCollection,
  tenantEndpointsCollection,
  answerFeedbackCollection,
  ...directoryCollections,
  ...knowledgeCollections,
  ...workflowCollections,
  ...deliveryCollections,
  ...schedulingCollections,
  ...meetingCollections,
  ...digestCollections,
  ...reportCollections,
];

export interface RunningApp {
  bot: Bot;
  /** Delivers the stored outbox; tests wait on it to see proactive messages. */
  delivery: DeliveryWorker;
  /** Runs the periodic jobs; tests drive it with `tick(now)` or `runNow(name)`. */
  scheduler: Scheduler;
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
  /** False leaves the schedules to be driven by hand (`scheduler.tick`), as tests with a controlled clock do. */
  runSchedules?: boolean;
}

/** The composition root: database, directory, knowledge, bot and HTTP server, in that order. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const database = await connectDatabase({ uri: config.MONGODB_URI, dbName: config.MONGODB_DB, monitorCommands: options.monitorCommands });
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
    const now = options.now ?? (() => new Date());
    // Cached reads: a turn reads its person, organisation and manager chain once per expiry.
    const directory = new Directory(database.db, { cache: { ...BOT_DIRECTORY_CACHE, now: () => now().getTime() } });
    const outbox = new MongoOutbox(database.db);
    const features = createWorkflowFeatures({ directory, knowledge, logger, now, outbox, db: database.db, reportKeys: ReportKeyring.fromConfig(config) });
    const engine = new WorkflowEngine({ db: database.db, directory, outbox, logger, now, atomicConditionalUpdates: !database.isFerretDb }, features.map((feature) => feature.definition));
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
    // A person without a stored chat is reached by opening one (createConversation), after
    // installing the app for them through Graph when that is configured.
    const tenantsOf = async (aadObjectId: string) => {
      const person = await directory.person(aadObjectId);
      return (person && (await directory.organisation(person.orgId))?.tenantIds) ?? [];
    };
    const transport = new TeamsTransport({
      adapter: bot.adapter,
      botAppId: config.BOT_ID ?? '',
      references: bot.references,
      tenantsOf,
      defaultServiceUrl: config.TEAMS_SERVICE_URL,
      installer: graphInstaller(config, logger),
      logger,
    });
    const resolveRecipient = recipientResolver(features);
    const delivery = new DeliveryWorker({
      db: database.db,
      transport,
      logger,
      resolveRecipient,
      render: async (view, to) => {
        // The reader's language comes from the person, also when the address is a sealed one.
        const address = (await resolveRecipient(to, view.recordId))?.to ?? to;
        const reference = await bot.references.find(address);
        const person = reference?.locale ? undefined : await directory.person(address);
        const organisation = person ? await directory.organisation(person.orgId) : undefined;
        const lang = languageOf(reference?.locale, organisation?.defaultLanguage ?? 'nl');
        // Views of things that are not workflow records have a renderer of their own.
        if (view.reason === MEETING_VIEW) return renderMeetingReminder({ db: database.db, directory }, view.recordId, to, lang, now());
        if (DIGEST_VIEW.test(view.reason)) return renderDigest(database.db, view.recordId, view.reason, to, lang, registerLinks(engine.types));
        return engine.render(view, to, lang);
      },
      tenantOf: async (to, orgId) => (await tenantsOf(to))[0] ?? orgId ?? 'default',
      lanes: config.DELIVERY_LANES,
      onUndeliverable: sealedAddressesStaySilent(resolveRecipient, undeliverableHandler({
        outbox,
        now,
        actorUnreachable: (recordId, to, reason) => engine.assigneeUnreachable(recordId, to, reason, config.UNREACHABLE_ESCALATE_AFTER_MINUTES * 60_000),
        coordinatorsFor: async (to, orgId) => {
          const id = orgId ?? (await directory.person(to))?.orgId;
          return id ? { orgId: id, coordinators: (await directory.peopleWithRole(id, 'integrity_coordinator')).map((person) => person.aadObjectId) } : undefined;
        },
        nameOf: async (id) => (await directory.person(id))?.name,
      })),
    });
    outbox.onEnqueued = (documents) => delivery.handOver(documents);
    delivery.start();
    const http = await startHttpServer(bot, database, logger, config.PORT, options.host);

    // Reminders, escalations, digests and every other periodic job: once per occurrence across
    // instances, from MongoDB-backed schedules (src/scheduling, the list in src/schedules.ts).
    const jobServices: JobServices = { db: database.db, config, logger, directory, engine, outbox };
    const scheduler = new Scheduler({ db: database.db, logger, now });
    for (const job of scheduledJobs(periodicJobs, config, await directory.organisations(), () => jobServices)) scheduler.register(job);
    if (options.runSchedules ?? true) scheduler.start();

    // The domain jobs a test (or an operator) may run for a given moment, outside their schedule.
    async function runPeriodicJobs(at: Date): Promise<void> {
      for (const job of directJobs(periodicJobs)) await job.run(jobServices, at);
    }

    return {
      bot,
      delivery,
      scheduler,
      http,
      database,
      services,
      runPeriodicJobs,
      async stop() {
        knowledge?.close?.();
        await http.close(config.SHUTDOWN_TIMEOUT_MS);
        await scheduler.stop();
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

/** The Graph installer when GRAPH_INSTALL_APP=true (the configuration checks its settings). */
function graphInstaller(config: AppConfig, logger: Logger): GraphAppInstaller | undefined {
  if (!config.GRAPH_INSTALL_APP || !config.BOT_ID || !config.BOT_PASSWORD || !config.TEAMS_APP_CATALOG_ID) return undefined;
  return new GraphAppInstaller({
    clientId: config.BOT_ID,
    clientSecret: config.BOT_PASSWORD,
    teamsAppId: config.TEAMS_APP_CATALOG_ID,
    graphBaseUrl: config.GRAPH_BASE_URL,
    authorityUrl: config.ENTRA_AUTHORITY_URL,
    logger,
  });
}

/**
 * A message to a sealed address (a reporter) that cannot be delivered alerts nobody: an alert
 * would tell the integrity coordinator that someone has a report. The reporter's own status is in
 * "mijn meldingen".
 */
function sealedAddressesStaySilent(resolve: RecipientResolver, handler: NonNullable<DeliveryWorkerOptions['onUndeliverable']>): NonNullable<DeliveryWorkerOptions['onUndeliverable']> {
  return async (document, outcome) => {
    const message = document.message as { to?: string; recordId?: string };
    if (message.to && (await resolve(message.to, message.recordId))?.remember === false) return;
    await handler(document, outcome);
  };
}
