import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { DeliveryWorker, MongoOutbox, OUTBOX, deliveryCollections, type OutgoingMessage } from '../../src/delivery/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { ensureCollections } from '../../src/storage/database.js';
import { createAdapter } from '../../src/teams/bot.js';
import { ConversationReferences, conversationReferencesCollection } from '../../src/teams/conversationReferences.js';
import { TeamsTransport } from '../../src/teams/transport.js';
import { ConnectorServer, type CapturedCall } from '../support/connector.js';
import { openTestDatabase, testMongoUri } from '../support/database.js';

/**
 * Delivery under Teams' conditions: throttling bursts with Retry-After, pacing per conversation
 * and per tenant, a worker process killed mid-batch, and two workers on one outbox, all against
 * the local Bot Connector through the real Teams transport.
 */
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let connector: ConnectorServer;
const people = Array.from({ length: 5 }, (_, index) => `b0000000-0000-4000-8000-00000000000${index}`);
const conversationOf = (person: string) => `conv-${person}`;

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureCollections(database.db, [...deliveryCollections, conversationReferencesCollection]);
});
afterAll(async () => database?.drop());
beforeEach(async () => {
  for (const collection of deliveryCollections) await database.db.collection(collection.name).deleteMany({});
  connector = await new ConnectorServer().start();
  const references = new ConversationReferences(database.db);
  for (const person of people) {
    await references.remember(person, {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: conversationOf(person), conversationType: 'personal', isGroup: false, name: '' },
      bot: { id: '28:bot', name: 'Integriteitsassistent' },
      user: { id: `29:${person}`, name: '', aadObjectId: person },
    });
  }
});
afterEach(async () => connector?.stop());

function burst(perPerson: number, prefix: string): OutgoingMessage[] {
  return people.flatMap((person) => Array.from({ length: perPerson }, (_, index) => ({ mode: 'send' as const, to: person, key: `${prefix}:${person}:${index}`, purpose: 'test', orgId: 'velsen', content: { kind: 'text' as const, text: `${prefix} ${person} ${index}` } })));
}

const delivered = () => connector.calls.filter((call) => call.method === 'POST');
const textsDelivered = () => delivered().map((call) => call.activity.text ?? '');

/** The most sends in any window of `windowMs`, over these calls. */
function busiestWindow(calls: CapturedCall[], windowMs: number): number {
  const times = calls.map((call) => call.at).sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last += 1) {
    while (times[last]! - times[first]! >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      const states = await database.db.collection(OUTBOX).aggregate([{ $group: { _id: '$status', n: { $sum: 1 } } }]).toArray();
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(states)}, ${delivered().length} delivered, ${connector.refused.length} refused`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a burst through a throttling Bot Connector', () => {
  it('delivers every message once, paced below Teams’ limits, through a burst of 429s and ten 429s in a row', { timeout: 90_000 }, async () => {
    const config = loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv);
    const logger = createLogger('silent');
    const transport = new TeamsTransport({ adapter: createAdapter(config), botAppId: '', references: new ConversationReferences(database.db), tenantsOf: async () => [], logger });
    const worker = new DeliveryWorker({ db: database.db, transport, logger, render: async () => undefined, pollMs: 100 });
    const stubborn = `${'burst'} ${people[0]} 0`;
    let stubbornRefusals = 0;
    let throttleUntil: number | undefined;
    // For a second and a half from the first send the connector throttles everything (Retry-After: 1); one message is refused twelve times in a row.
    connector.script = ({ method, body }) => {
      if (method !== 'POST') return undefined;
      throttleUntil ??= Date.now() + 1500;
      if (body.text === stubborn && stubbornRefusals < 12) {
        stubbornRefusals += 1;
        return { status: 429, headers: { 'retry-after': '0' } };
      }
      return Date.now() < throttleUntil ? { status: 429, headers: { 'retry-after': '1' } } : undefined;
    };
    const messages = burst(12, 'burst');
    await new MongoOutbox(database.db).enqueue(messages);
    worker.start();
    try {
      await waitUntil(async () => (await database.db.collection(OUTBOX).countDocuments()) === 0, 60_000, 'every message to be sent');
    } finally {
      await worker.stop();
    }
    expect(stubbornRefusals).toBe(12);
    expect(connector.refused.filter((refusal) => refusal.status === 429).length).toBeGreaterThan(12);
    expect(textsDelivered().sort()).toEqual(messages.map((message) => ('content' in message && message.content.kind === 'text' ? message.content.text : '')).sort());
    for (const person of people) {
      const calls = delivered().filter((call) => call.conversationId === conversationOf(person));
      expect(busiestWindow(calls, 1000), 'per conversation per second').toBeLessThanOrEqual(7);
      expect(busiestWindow(calls, 2000), 'per conversation per 2 s').toBeLessThanOrEqual(8);
      expect(busiestWindow(calls, 30_000), 'per conversation per 30 s').toBeLessThanOrEqual(60);
    }
    expect(busiestWindow(delivered(), 1000), 'per tenant per second').toBeLessThanOrEqual(50);
  });
});

describe('bot instances as processes', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  function startWorker(leaseMs: number): Promise<{ child: ChildProcess; output: string[] }> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/support/deliveryWorkerProcess.ts')], {
      env: { ...process.env, MONGODB_URI: testMongoUri(), MONGODB_DB: database.db.databaseName, LEASE_MS: String(leaseMs), WORKER_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const output: string[] = [];
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        if (output.includes('ready')) resolve({ child, output });
      });
      child.once('exit', (code) => reject(new Error(`worker exited with ${String(code)} before it was ready`)));
    });
  }

  async function stopWorker(worker: { child: ChildProcess; output: string[] }): Promise<number> {
    const exited = new Promise((resolve) => worker.child.once('exit', resolve));
    worker.child.kill('SIGTERM');
    await exited;
    return Number(/^sent (\d+)$/.exec(worker.output.find((line) => line.startsWith('sent ')) ?? '')?.[1] ?? -1);
  }

  it('loses nothing when a worker is killed mid-batch: the restarted one delivers the rest after the lease', { timeout: 120_000 }, async () => {
    // A slow connector, so the kill lands while messages are being sent.
    connector.delayMs = 40;
    const messages = burst(8, 'kill');
    await new MongoOutbox(database.db).enqueue(messages);
    const first = await startWorker(1500);
    await waitUntil(() => delivered().length >= 8, 30_000, 'the first worker to deliver some');
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const afterKill = delivered().length;
    expect(afterKill).toBeLessThan(messages.length);
    expect(await database.db.collection(OUTBOX).countDocuments({ status: 'pending' })).toBeGreaterThan(0);

    const second = await startWorker(1500);
    await waitUntil(async () => (await database.db.collection(OUTBOX).countDocuments()) === 0, 60_000, 'the restarted worker to deliver the rest');
    await stopWorker(second);
    const texts = textsDelivered();
    const expected = messages.map((message) => ('content' in message && message.content.kind === 'text' ? message.content.text : ''));
    for (const text of expected) expect(texts, text).toContain(text);
    // At most the one message that was in flight at the kill may have gone out twice.
    expect(texts.length - new Set(texts).size).toBeLessThanOrEqual(1);
  });

  it('sends each message once with two workers on one outbox', { timeout: 120_000 }, async () => {
    // Both workers are polling (every 200 ms, 5 messages a poll) before the burst arrives, and each
    // send takes longer than a poll interval: whichever claims first is still sending when the other
    // polls, so neither can take the whole burst because its process happened to start sooner.
    const [a, b] = await Promise.all([startWorker(5000), startWorker(5000)]);
    connector.delayMs = 400;
    const messages = burst(10, 'two');
    await new MongoOutbox(database.db).enqueue(messages);
    await waitUntil(async () => (await database.db.collection(OUTBOX).countDocuments()) === 0, 60_000, 'both workers to deliver everything');
    const [sentByA, sentByB] = await Promise.all([stopWorker(a), stopWorker(b)]);
    const texts = textsDelivered();
    expect(texts).toHaveLength(messages.length);
    expect(new Set(texts).size).toBe(messages.length);
    expect(sentByA + sentByB).toBe(messages.length);
    expect(sentByA).toBeGreaterThan(0);
    expect(sentByB).toBeGreaterThan(0);
  });
});
