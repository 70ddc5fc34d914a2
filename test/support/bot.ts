import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/logging/logger.js';
import { ConnectorServer } from './connector.js';
import { testDatabaseName, testMongoUri } from './database.js';

/** Demo users from src/organisations/velsen/demo-people.csv, matching the Playground's mock users. */
export const demoUsers = {
  employee: { aadObjectId: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' },
  manager: { aadObjectId: '00000000-0000-0000-0000-0000000000021', name: 'Megan Bowen' },
  hr: { aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' },
  seniorManager: { aadObjectId: '00000000-0000-0000-0000-0000000000023', name: 'Isaiah Langer' },
  vertrouwenspersoonIntegriteit: { aadObjectId: '00000000-0000-0000-0000-0000000000024', name: 'Patti Fernandez' },
  vertrouwenspersoonOngewenstGedrag: { aadObjectId: '00000000-0000-0000-0000-0000000000025', name: 'Lynne Robbins' },
} as const;

/** The reports master key of the test bots (a test value, never a real secret); override with env. */
export const TEST_REPORTS_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

/** A tenant no organisation claims (Teams tenant ids are GUIDs): users are placed by the directory or DEFAULT_ORG. */
export const UNKNOWN_TENANT = '0000feed-0000-4000-8000-000000000000';

export interface TestUser {
  aadObjectId: string;
  name?: string;
  locale?: string;
  tenantId?: string;
}

export interface TestBot {
  url: string;
  app: RunningApp;
  connector: ConnectorServer;
  clock: { now: Date };
  /** Posts an activity with deliveryMode expectReplies and returns the replies from the HTTP body. */
  send(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
  /** Posts an invoke and returns the HTTP status and invoke response body. */
  invoke(activity: Partial<Activity>): Promise<{ status: number; body: any }>;
  post(activity: Partial<Activity>, headers?: Record<string, string>): Promise<Response>;
  message(text: string, user?: TestUser): Partial<Activity>;
  /** The personal conversation id used for a user, where proactive messages land. */
  conversationOf(user: TestUser): string;
  /** Waits until the outbox has delivered everything due now or in a moment: proactive messages leave after the turn. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface StartTestBotOptions {
  env?: Record<string, string | undefined>;
  /** Collects every log line the bot writes, to check what reaches the logs. */
  logLines?: string[];
  seedDemoData?: boolean;
  now?: Date;
  /** Emits the driver's command events on `app.database.client`, to count round trips. */
  monitorCommands?: boolean;
  /** Let the scheduler run on its own timer (default: tests drive it with `app.scheduler.tick`). */
  runSchedules?: boolean;
}

export async function startTestBot(options: StartTestBotOptions = {}): Promise<TestBot> {
  const connector = await new ConnectorServer().start();
  const clock = { now: options.now ?? new Date() };
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MONGODB_URI: testMongoUri(),
    MONGODB_DB: testDatabaseName(),
    DEFAULT_ORG: 'velsen',
    REPORTS_MASTER_KEY: TEST_REPORTS_MASTER_KEY,
    // With BOT_ID set only allowed service URLs are accepted: the local connector is one of them.
    ...(options.env?.BOT_ID ? { ALLOWED_SERVICE_URLS: connector.url } : {}),
    ...options.env,
  } as NodeJS.ProcessEnv);
  const app = await startApp({
    config,
    logger: options.logLines
      ? createLogger(config.LOG_LEVEL, { write: (line: string) => void options.logLines!.push(line) })
      : createLogger(config.LOG_LEVEL),
    now: () => clock.now,
    seedDemoData: options.seedDemoData ?? true,
    host: '127.0.0.1',
    monitorCommands: options.monitorCommands ?? false,
    runSchedules: options.runSchedules ?? false,
  });
  const endpoint = `${app.http.url}/api/messages`;
  const conversationOf = (user: TestUser) => `a:personal-${user.aadObjectId}`;

  function base(user: TestUser): Partial<Activity> {
    return {
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: connector.url,
      timestamp: clock.now,
      locale: user.locale ?? 'nl-NL',
      from: { id: `29:${user.aadObjectId}`, name: user.name ?? 'Test', aadObjectId: user.aadObjectId },
      recipient: { id: '28:integriteitsassistent', name: 'Integriteitsassistent' },
      conversation: { id: conversationOf(user), conversationType: 'personal', tenantId: user.tenantId, isGroup: false, name: '' },
      channelData: { tenant: { id: user.tenantId ?? UNKNOWN_TENANT } },
    };
  }

  async function post(activity: Partial<Activity>, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  }

  return {
    url: app.http.url,
    app,
    connector,
    clock,
    conversationOf,
    message(text, user = demoUsers.employee) {
      return { ...base(user), type: 'message', text };
    },
    async send(activity) {
      const response = await post({ ...activity, deliveryMode: 'expectReplies' });
      if (response.status !== 200) throw new Error(`bot answered ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as { activities?: Partial<Activity>[] };
      return body.activities ?? [];
    },
    async invoke(activity) {
      const response = await post(activity);
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    post,
    async settle() {
      // Everything still pending, including messages waiting a moment for the change they announce.
      const outbox = app.database.db.collection('outbox');
      // Messages waiting a few seconds for their turn under Teams' limits (pacing) count as on their way.
      // Bounded in time: on a shared two-core machine a few dozen paced messages can take a while.
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline) {
        await app.delivery.idle();
        if ((await outbox.countDocuments({ status: 'pending', nextAttemptAt: { $lte: new Date(Date.now() + 15_000) } })) === 0) return;
        app.delivery.kick();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('the outbox did not settle');
    },
    async close() {
      await app.database.db.dropDatabase().catch(() => undefined);
      await app.stop();
      await connector.stop();
    },
  };
}

/** Builds activities for a user without a running bot (e.g. to send through `post`). */
export function activityFor(bot: TestBot, user: TestUser, fields: Partial<Activity>): Partial<Activity> {
  return { ...bot.message('', user), text: undefined, ...fields };
}

/** All text a user would read in replies: message text plus Adaptive Card TextBlocks and button titles. */
export function visibleText(activities: Partial<Activity>[]): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if ((record.type === 'TextBlock' || record.type === 'TextRun') && typeof record.text === 'string') parts.push(record.text);
      if (typeof record.title === 'string' && typeof record.type === 'string' && record.type.startsWith('Action.')) parts.push(record.title);
      if (typeof record.label === 'string') parts.push(record.label);
      if (record.type === 'FactSet' && Array.isArray(record.facts)) {
        for (const fact of record.facts as { title?: string; value?: string }[]) parts.push(`${fact.title ?? ''}: ${fact.value ?? ''}`);
      }
      Object.values(record).forEach(walk);
    }
  };
  for (const activity of activities) {
    if (activity.text) parts.push(activity.text);
    walk(activity.attachments?.map((a) => a.content));
  }
  return parts.join('\n');
}
