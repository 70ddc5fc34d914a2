import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONVERSATION_LIMITS, DeliveryWorker, MongoOutbox, OutboxStore, OUTBOX, OUTBOX_CLAIMS, Pacer, SEND_SLOTS, UNDELIVERED, deliveryCollections, type MessageContent, type Transport, type TransportResult } from '../../src/delivery/index.js';
import type { DeliveredMessage, RecordView, Rendered } from '../../src/delivery/types.js';
import { createLogger } from '../../src/logging/logger.js';
import { connectDatabase, ensureCollections } from '../../src/storage/database.js';
import { openTestDatabase, testMongoUri } from '../support/database.js';

/** A messaging service that records calls and answers with whatever the test scripts. */
class ScriptedTransport implements Transport {
  sent: { to: string; text: string; id: string }[] = [];
  updated: { to: string; id: string; text: string }[] = [];
  answers: TransportResult[] = [];
  /** How long each send takes (a slow Bot Connector). */
  delayMs = 0;
  private counter = 0;
  /** Sends on their way now, per reader, and the most on their way at once. */
  readonly inFlight = new Map<string, number>();
  mostInFlight = 0;
  mostInFlightPerReader = 0;
  async send(to: string, content: MessageContent): Promise<TransportResult> {
    this.inFlight.set(to, (this.inFlight.get(to) ?? 0) + 1);
    this.mostInFlight = Math.max(this.mostInFlight, [...this.inFlight.values()].reduce((sum, n) => sum + n, 0));
    this.mostInFlightPerReader = Math.max(this.mostInFlightPerReader, this.inFlight.get(to)!);
    try {
      return await this.sendNow(to, content);
    } finally {
      this.inFlight.set(to, this.inFlight.get(to)! - 1);
    }
  }
  private async sendNow(to: string, content: MessageContent): Promise<TransportResult> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const scripted = this.answers.shift();
    if (scripted && !scripted.ok) return scripted;
    const id = `m-${(this.counter += 1)}`;
    this.sent.push({ to, id, text: content.kind === 'text' ? content.text : JSON.stringify(content.card) });
    return { ok: true, message: { activityId: id, conversationId: `c-${to}` } };
  }
  async update(to: string, message: DeliveredMessage, content: MessageContent): Promise<TransportResult> {
    this.updated.push({ to, id: message.activityId, text: content.kind === 'text' ? content.text : 'card' });
    return { ok: true, message };
  }
}

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let transport: ScriptedTransport;
let outbox: MongoOutbox;
const text = (value: string): MessageContent => ({ kind: 'text', text: value });
const worker = (render: (view: RecordView, to: string) => Promise<Rendered> = async () => text('rendered'), giveUpAfterMs?: number, leaseMs?: number) =>
  // A scripted transport, not Teams: no pacing here (test/delivery/burst.test.ts paces through the Bot Connector).
  new DeliveryWorker({ db: database.db, transport, render, logger: createLogger('silent'), pollMs: 60_000, pacing: false, ...(giveUpAfterMs ? { giveUpAfterMs } : {}), ...(leaseMs ? { leaseMs } : {}) });

/**
 * A started worker that is handed what its own outbox stores, on a connection that reports every
 * read of the outbox from the moment it is returned (the start's own read is before).
 */
async function handingOverWorker(options: { pacing?: boolean; before?: () => Promise<void> }) {
  const monitored = await connectDatabase({ uri: testMongoUri(), dbName: database.db.databaseName, monitorCommands: true });
  const running = new DeliveryWorker({ db: monitored.db, transport, render: async () => undefined, logger: createLogger('silent'), pollMs: 60_000, ...(options.pacing === false ? { pacing: false } : {}) });
  await options.before?.();
  running.start();
  await running.idle();
  const local = new MongoOutbox(monitored.db);
  local.onEnqueued = (documents) => running.handOver(documents);
  const reads: string[] = [];
  monitored.client.on('commandStarted', (event) => {
    if (event.commandName === 'find' && event.command.find === OUTBOX) reads.push('find outbox');
  });
  return {
    local,
    running,
    reads,
    async close() {
      await running.stop();
      await monitored.close();
    },
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureCollections(database.db, deliveryCollections);
});
afterAll(async () => database?.drop());
beforeEach(async () => {
  for (const collection of deliveryCollections) await database.db.collection(collection.name).deleteMany({});
  transport = new ScriptedTransport();
  outbox = new MongoOutbox(database.db);
});

describe('the outbox', () => {
  it('delivers each message once, also with two workers on the same database', async () => {
    await outbox.enqueue(Array.from({ length: 30 }, (_, index) => ({ mode: 'send' as const, to: `p${index % 3}`, key: `k${index}`, purpose: 'test', content: text(`bericht ${index}`) })));
    const [a, b] = [worker(), worker()];
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    expect(transport.sent.map((message) => message.text).sort()).toEqual(Array.from({ length: 30 }, (_, index) => `bericht ${index}`).sort());
    // Delivered messages leave the outbox: what a worker looks through is only what is still to do.
    expect(await database.db.collection(OUTBOX).countDocuments()).toBe(0);
  });

  it('leases a poll’s messages with one insert of claims and one update, and clears them with one write', async () => {
    const monitored = await connectDatabase({ uri: testMongoUri(), dbName: database.db.databaseName, monitorCommands: true });
    try {
      const commands: string[] = [];
      monitored.client.on('commandStarted', (event) => commands.push(`${event.commandName} ${String(event.command[event.commandName])}`));
      await outbox.enqueue(Array.from({ length: 10 }, (_, index) => ({ mode: 'send' as const, to: `p${index}`, key: `batch${index}`, purpose: 'test', content: text(`bericht ${index}`) })));
      await new DeliveryWorker({ db: monitored.db, transport, render: async () => undefined, logger: createLogger('silent'), pollMs: 60_000, pacing: false }).runOnce();
      expect(transport.sent).toHaveLength(10);
      const count = (command: string) => commands.filter((entry) => entry === command).length;
      expect(count(`insert ${OUTBOX_CLAIMS}`)).toBe(1);
      expect(count(`update ${OUTBOX}`)).toBe(1);
      expect(count(`delete ${OUTBOX}`)).toBe(1);
      // Per message: is its key delivered already, and remembering it once sent: a key nothing was
      // remembered under is an insert (an update by `_id` reads all of deliveries on FerretDB).
      expect(count('find deliveries')).toBe(10);
      expect(count('insert deliveries')).toBe(10);
      expect(count('update deliveries')).toBe(0);
      expect(await database.db.collection(OUTBOX).countDocuments()).toBe(0);
    } finally {
      await monitored.close();
    }
  });

  it('delivers what this instance just stored without reading the outbox, however many messages wait there for later', async () => {
    // A backlog not due for an hour (as paced cards to a busy adviser are).
    const later = new Date(Date.now() + 60 * 60_000);
    const backlog = async () => {
      await database.db.collection(OUTBOX).insertMany(
        Array.from({ length: 20 }, (_, index) => ({ _id: `later-${index}`, message: { mode: 'send', to: 'adviser', key: `later${index}`, purpose: 'test', content: text('later') }, status: 'pending', attempts: 0, lease: 0, leaseUntil: null, nextAttemptAt: later, createdAt: new Date(), updatedAt: new Date(), schemaVersion: 1 }) as never),
      );
    };
    const { local, running, reads, close } = await handingOverWorker({ pacing: false, before: backlog });
    try {
      for (let index = 0; index < 5; index += 1) {
        await local.enqueue([{ mode: 'send', to: `p${index}`, key: `now${index}`, purpose: 'test', content: text(`nu ${index}`) }]);
        await running.idle();
      }
      expect(transport.sent.map((message) => message.text)).toEqual(['nu 0', 'nu 1', 'nu 2', 'nu 3', 'nu 4']);
      expect(reads).toEqual([]);
      expect(await database.db.collection(OUTBOX).countDocuments()).toBe(20);
    } finally {
      await close();
    }
  });

  it('sends a message waiting for its paced turn, and a retry, at their moment without reading the outbox', async () => {
    // Another instance just used this second's sends to the conversation: the next must wait its turn.
    const busy = async () => {
      const elsewhere = new Pacer(database.db);
      for (let index = 0; index < 6; index += 1) await elsewhere.reserve([{ key: 'conversation:busy', limits: CONVERSATION_LIMITS }], new Date());
      await elsewhere.advanceHeads();
    };
    const { local, running, reads, close } = await handingOverWorker({ before: busy });
    try {
      transport.answers = [{ ok: false, permanent: false, status: 429, retryAfterMs: 300, reason: 'http_429' }];
      await local.enqueue([{ mode: 'send', to: 'throttled', key: 'again', purpose: 'test', content: text('nog eens') }]);
      await local.enqueue([{ mode: 'send', to: 'busy', key: 'turn', purpose: 'test', content: text('op mijn beurt') }]);
      const deadline = Date.now() + 10_000;
      while (transport.sent.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(transport.sent.map((message) => message.text).sort()).toEqual(['nog eens', 'op mijn beurt']);
      expect(reads).toEqual([]);
      await running.idle();
      expect(await database.db.collection(OUTBOX).countDocuments()).toBe(0);
    } finally {
      await close();
    }
  });

  it('sends to several readers at once, one message at a time per reader and record, in their order', async () => {
    transport.delayMs = 30;
    await outbox.enqueue(
      ['a', 'b', 'c', 'd'].flatMap((reader) => [1, 2, 3].map((n) => ({ mode: 'send' as const, to: reader, key: `${reader}${n}`, purpose: 'test', content: text(`${reader} ${n}`) }))),
    );
    // A record's messages to two readers share its lane with both readers' other messages.
    await outbox.enqueue([
      { mode: 'send', to: 'e', key: 'e-card', recordId: 'r9', purpose: 'test', content: text('e kaart') },
      { mode: 'send', to: 'f', key: 'f-card', recordId: 'r9', purpose: 'test', content: text('f kaart') },
      { mode: 'send', to: 'f', key: 'f-later', purpose: 'test', content: text('f later') },
    ]);
    const fourLanes = new DeliveryWorker({ db: database.db, transport, render: async () => text('rendered'), logger: createLogger('silent'), pollMs: 60_000, pacing: false, lanes: 4 });
    expect(await fourLanes.runOnce()).toBe(15);
    expect(transport.mostInFlight).toBeGreaterThan(1);
    expect(transport.mostInFlightPerReader).toBe(1);
    for (const reader of ['a', 'b', 'c', 'd']) {
      expect(transport.sent.filter((message) => message.to === reader).map((message) => message.text)).toEqual([1, 2, 3].map((n) => `${reader} ${n}`));
    }
    const recordLane = transport.sent.filter((message) => message.to === 'e' || message.to === 'f').map((message) => message.text);
    expect(recordLane).toEqual(['e kaart', 'f kaart', 'f later']);
    expect(await database.db.collection(OUTBOX).countDocuments()).toBe(0);
  });

  it('releases what it leased but could not reach before half its lease was gone, and another worker sends each of those once', async () => {
    transport.delayMs = 120;
    // All to one reader: one lane, so they go one after the other.
    await outbox.enqueue(Array.from({ length: 6 }, (_, index) => ({ mode: 'send' as const, to: 'p', key: `slow${index}`, purpose: 'test', content: text(`traag ${index}`) })));
    const first = await worker(undefined, undefined, 500).runOnce();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(6);
    // The rest is free at once (no lease to wait for), with its attempt not counted.
    const left = await database.db.collection(OUTBOX).find().toArray();
    expect(left).toHaveLength(6 - first);
    for (const document of left) expect(document).toMatchObject({ leaseUntil: null, attempts: 0, lease: 1 });
    const [a, b] = [worker(), worker()];
    await Promise.all([a.runOnce(), b.runOnce()]);
    expect(transport.sent.map((message) => message.text).sort()).toEqual(Array.from({ length: 6 }, (_, index) => `traag ${index}`));
    expect(await database.db.collection(OUTBOX).countDocuments()).toBe(0);
  });

  it('remembers an adopted card as it is enqueued, so updates stored with it reach it, and an adoption never replaces a card already remembered', async () => {
    await outbox.enqueue([
      { mode: 'adopt', to: 'emp', key: 'emp-card', recordId: 'r2', message: { activityId: 'clicked', conversationId: 'c-emp' }, purpose: 'owner_card' },
      { mode: 'update', to: 'emp', key: 'emp-card', recordId: 'r2', purpose: 'test', content: text('meteen bijgewerkt') },
      { mode: 'refresh', recordId: 'r2', atVersion: 2, purpose: 'refresh' },
    ]);
    // Nothing for the worker to do about the adopted card: only the update and the refresh wait.
    expect(await database.db.collection(OUTBOX).countDocuments()).toBe(2);
    await worker().runOnce();
    expect(transport.updated).toEqual([
      { to: 'emp', id: 'clicked', text: 'meteen bijgewerkt' },
      { to: 'emp', id: 'clicked', text: 'rendered' },
    ]);
    expect(await database.db.collection('deliveries').findOne({ _id: 'emp-card' as never })).toMatchObject({ activityId: 'clicked', recordId: 'r2', kind: 'card' });

    // The same card adopted again (a repeated click) leaves the card remembered since alone.
    await database.db.collection('deliveries').updateOne({ _id: 'emp-card' as never }, { $set: { activityId: 'resent' } });
    await outbox.enqueue([{ mode: 'adopt', to: 'emp', key: 'emp-card', recordId: 'r2', message: { activityId: 'clicked', conversationId: 'c-emp' }, purpose: 'owner_card' }]);
    await Promise.all([worker().runOnce(), worker().runOnce()]);
    expect(await database.db.collection('deliveries').findOne({ _id: 'emp-card' as never })).toMatchObject({ activityId: 'resent' });
    expect(await database.db.collection(OUTBOX).countDocuments()).toBe(0);
  });

  it('stores a message about an adopted card only once the card is remembered, so no worker finds it without the card', async () => {
    const monitored = await connectDatabase({ uri: testMongoUri(), dbName: database.db.databaseName, monitorCommands: true });
    try {
      // Connections open, so that two inserts sent at once would both start before either ends.
      await Promise.all(Array.from({ length: 4 }, () => monitored.db.command({ ping: 1 })));
      const events: string[] = [];
      monitored.client.on('commandStarted', (event) => events.push(`start ${event.commandName} ${String(event.command[event.commandName])}`));
      monitored.client.on('commandSucceeded', (event) => events.push(`done ${event.commandName}`));
      await new MongoOutbox(monitored.db).enqueue([
        { mode: 'adopt', to: 'emp', key: 'ordered-card', recordId: 'r9', message: { activityId: 'clicked', conversationId: 'c-emp' }, purpose: 'owner_card' },
        { mode: 'update', to: 'emp', key: 'ordered-card', purpose: 'test', content: text('bijgewerkt') },
      ]);
      const inserts = events.filter((event) => event.startsWith('start insert') || event === 'done insert');
      expect(inserts).toEqual(['start insert deliveries', 'done insert', `start insert ${OUTBOX}`, 'done insert']);
    } finally {
      await monitored.close();
    }
  });

  it('does not send on a reserved turn it missed (the worker was busy) but reserves again, so it cannot crowd the windows after it', async () => {
    const now = Date.now();
    // Six sends to this person went out just now (the most per second), by another instance's worker.
    const elsewhere = new Pacer(database.db);
    for (let index = 0; index < 6; index += 1) await elsewhere.reserve([{ key: 'conversation:pm', limits: CONVERSATION_LIMITS }], new Date(now));
    await elsewhere.advanceHeads();
    await outbox.enqueue([{ mode: 'send', to: 'pm', key: 'late', purpose: 'test', content: text('te laat') }]);
    // Its turn came two seconds ago while the worker was busy elsewhere.
    const missed = new Date(now - 2000);
    await database.db.collection(OUTBOX).updateOne({ 'message.key': 'late' }, { $set: { pacedFor: missed, nextAttemptAt: missed } });
    const paced = new DeliveryWorker({ db: database.db, transport, render: async () => undefined, logger: createLogger('silent'), pollMs: 60_000 });
    await paced.runOnce();
    await paced.stop();
    expect(transport.sent).toEqual([]);
    const waiting = await database.db.collection(OUTBOX).findOne({ 'message.key': 'late' });
    expect(waiting?.pacedFor.getTime()).toBeGreaterThanOrEqual(now + 1000);
    expect(await database.db.collection(SEND_SLOTS).findOne({ _id: 'conversation:pm#7' as never })).toMatchObject({ at: waiting?.pacedFor });
  });

  it('does not send a delivered message again after a restart, nor one whose worker died before it could clear it', async () => {
    await outbox.enqueue([
      { mode: 'send', to: 'p1', key: 'once', purpose: 'test', content: text('één keer') },
      { mode: 'send', to: 'p2', key: 'crashed', purpose: 'test', content: text('vlak voor de crash') },
    ]);
    const stored = (await database.db.collection(OUTBOX).findOne({ 'message.key': 'crashed' }))!;
    await worker().runOnce();
    // As if the worker died after delivering 'crashed' but before clearing it: the message is back, its lease run out.
    await database.db.collection(OUTBOX).insertOne({ ...stored, lease: 1, leaseUntil: new Date(Date.now() - 1000), attempts: 1 });
    const restarted = worker();
    await restarted.runOnce();
    await restarted.runOnce();
    expect(transport.sent.map((message) => message.text).sort()).toEqual(['vlak voor de crash', 'één keer']);
    expect(transport.updated.map((update) => update.text)).toEqual(['vlak voor de crash']);
    expect(await database.db.collection(OUTBOX).countDocuments()).toBe(0);
  });

  it('delivers a message whose worker died between its claim and recording the lease, once that claim is older than a lease', async () => {
    await outbox.enqueue([{ mode: 'send', to: 'p1', key: 'orphan', purpose: 'test', content: text('na de crash') }]);
    const stored = (await database.db.collection(OUTBOX).findOne({ 'message.key': 'orphan' }))!;
    const claims = database.db.collection<{ _id: string; at: Date; schemaVersion: number }>(OUTBOX_CLAIMS);
    // A live claim (its worker is sending right now) is respected...
    await claims.insertOne({ _id: `${String(stored._id)}#1`, at: new Date(), schemaVersion: 1 });
    await worker().runOnce();
    expect(transport.sent).toEqual([]);
    // ...one from a worker that died before it could record its lease is not, and the message goes out once.
    await claims.updateOne({ _id: `${String(stored._id)}#1` }, { $set: { at: new Date(Date.now() - 60 * 60_000) } });
    await worker().runOnce();
    await worker().runOnce();
    await worker().runOnce();
    expect(transport.sent.map((message) => message.text)).toEqual(['na de crash']);
    expect(await database.db.collection(OUTBOX).countDocuments()).toBe(0);
  });

  it('clears what outboxes of earlier releases kept of finished messages, keeping the undelivered ones for the digest', async () => {
    const legacy = (key: string, status: string) => ({ _id: key, message: { mode: 'send', to: 'p1', key, purpose: 'test', contentJson: '{}' }, status, attempts: 1, lease: 1, leaseUntil: null, nextAttemptAt: new Date(), createdAt: new Date(), updatedAt: new Date('2026-03-02T10:00:00Z'), lastError: '403', schemaVersion: 1 });
    await database.db.collection(OUTBOX).insertMany([legacy('old-sent', 'sent'), legacy('old-blocked', 'undeliverable')] as never[]);
    await outbox.enqueue([{ mode: 'send', to: 'p1', key: 'waiting', purpose: 'test', content: text('nog te doen') }]);
    await new OutboxStore(database.db).prune(new Date(), 7 * 24 * 60 * 60_000);
    expect((await database.db.collection(OUTBOX).find().toArray()).map((document) => document.message.key)).toEqual(['waiting']);
    expect(await database.db.collection(UNDELIVERED).findOne({ _id: 'old-blocked' as never })).toMatchObject({ status: 'undeliverable', lastError: '403', updatedAt: new Date('2026-03-02T10:00:00Z') });
  });

  it('stores a card drawn in advance as text, so its $schema key is accepted by every server, and delivers it intact', async () => {
    const card = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body: [{ type: 'TextBlock', text: 'Herinnering' }] } as const;
    await outbox.enqueue([{ mode: 'send', to: 'designated', key: 'reminder', purpose: 'test', content: { kind: 'card', card: card as never } }]);
    const stored = await database.db.collection(OUTBOX).findOne({ 'message.key': 'reminder' });
    expect(typeof stored?.message.contentJson).toBe('string');
    await worker().runOnce();
    expect(transport.sent.map((message) => JSON.parse(message.text))).toEqual([card]);
  });

  it('updates the message already delivered under a key instead of sending it again', async () => {
    await outbox.enqueue([{ mode: 'adopt', to: 'emp', key: 'card', message: { activityId: 'clicked', conversationId: 'c-emp' }, purpose: 'owner_card' }]);
    await outbox.enqueue([{ mode: 'send', to: 'mgr', key: 'mgr-card', purpose: 'test', content: text('eerste') }]);
    await worker().runOnce();
    await outbox.enqueue([
      { mode: 'send', to: 'mgr', key: 'mgr-card', purpose: 'test', content: text('tweede') },
      { mode: 'update', to: 'emp', key: 'card', purpose: 'test', content: text('bijgewerkt') },
      { mode: 'update', to: 'nobody', key: 'never-sent', purpose: 'test', content: text('niets') },
    ]);
    await worker().runOnce();
    expect(transport.sent.map((message) => message.text)).toEqual(['eerste']);
    // Two readers: their messages go at once, in either order.
    expect(transport.updated).toHaveLength(2);
    expect(transport.updated).toEqual(
      expect.arrayContaining([
        { to: 'mgr', id: 'm-1', text: 'tweede' },
        { to: 'emp', id: 'clicked', text: 'bijgewerkt' },
      ]),
    );
  });

  it('remembers a key taken meanwhile (another worker, an adoption) as the delivery just sent, and a replacing delivery in place of the old one', async () => {
    const store = new OutboxStore(database.db);
    const delivery = (key: string, activityId: string) => ({ _id: key, to: 'mgr', kind: 'card' as const, activityId, conversationId: 'c-mgr', at: new Date() });
    const activityOf = async (key: string) => (await store.delivered(key))?.activityId;
    await store.remember([{ delivery: delivery('taken', 'first'), adopted: false }]);
    await store.remember([{ delivery: delivery('gone', 'old'), adopted: false }]);
    // Sent while the key looked free; an adoption never replaces what is remembered.
    await store.remember([
      { delivery: delivery('taken', 'second'), adopted: false },
      { delivery: delivery('gone', 'adopted'), adopted: true },
      { delivery: delivery('fresh', 'new'), adopted: false },
    ]);
    // The message under the key was gone, so a new one was sent in its place.
    await store.remember([{ delivery: delivery('gone', 'resent'), adopted: false, replaces: true }]);
    expect(await activityOf('taken')).toBe('second');
    expect(await activityOf('gone')).toBe('resent');
    expect(await activityOf('fresh')).toBe('new');
    expect(await database.db.collection('deliveries').countDocuments()).toBe(3);
  });

  it('retries a throttled message after Retry-After and gives up only after the bounded time', async () => {
    transport.answers = Array.from({ length: 10 }, () => ({ ok: false as const, permanent: false, status: 429, retryAfterMs: 0, reason: 'http_429' }));
    await outbox.enqueue([{ mode: 'send', to: 'mgr', key: 'throttled', purpose: 'test', content: text('volhouden') }]);
    const patient = worker();
    for (let attempt = 0; attempt < 11; attempt += 1) await patient.runOnce();
    expect(transport.sent.map((message) => message.text)).toEqual(['volhouden']);

    transport.answers = [{ ok: false, permanent: false, status: 503, reason: 'http_503' }];
    await outbox.enqueue([{ mode: 'send', to: 'mgr', key: 'doomed', purpose: 'test', content: text('te laat') }]);
    await worker(undefined, 1).runOnce();
    expect(await database.db.collection(UNDELIVERED).findOne({ 'message.key': 'doomed' })).toMatchObject({ status: 'dead', lastError: '503' });
    expect(await database.db.collection(OUTBOX).countDocuments()).toBe(0);
  });

  it('marks a message to someone who blocked the bot undeliverable at once', async () => {
    transport.answers = [{ ok: false, permanent: true, status: 403, reason: 'http_403' }];
    await outbox.enqueue([{ mode: 'send', to: 'blocked', key: 'b', purpose: 'test', content: text('x') }]);
    await worker().runOnce();
    expect(await database.db.collection(UNDELIVERED).findOne({ 'message.key': 'b' })).toMatchObject({ status: 'undeliverable', attempts: 1 });
    expect(await database.db.collection(OUTBOX).countDocuments()).toBe(0);
  });

  it('waits for the record change a message is about, and refreshes every card of the record', async () => {
    let landed = false;
    const card = (line: string): MessageContent => ({ kind: 'card', card: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body: [{ type: 'TextBlock', text: line }] } });
    const render = async (view: RecordView, to: string): Promise<Rendered> => (landed ? card(`${view.reason} voor ${to}`) : 'not_yet');
    await outbox.enqueue([{ mode: 'adopt', to: 'emp', key: 'emp-card', recordId: 'r1', message: { activityId: 'a1', conversationId: 'c-emp' }, purpose: 'owner_card' }]);
    await outbox.enqueue([{ mode: 'send', to: 'mgr', key: 'mgr-card', recordId: 'r1', purpose: 'assigned', view: { recordId: 'r1', reason: 'assigned', atVersion: 1 } }]);
    const patient = worker(render);
    await patient.runOnce();
    expect(transport.sent).toEqual([]);
    landed = true;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await patient.runOnce();
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]!.text).toContain('assigned voor mgr');
    await outbox.enqueue([{ mode: 'refresh', recordId: 'r1', atVersion: 2, purpose: 'refresh' }]);
    await patient.runOnce();
    // The owner's clicked card and the manager's delivered card both show the new state.
    expect(transport.updated.map((update) => `${update.to}:${update.id}`).sort()).toEqual(['emp:a1', 'mgr:m-1']);
  });

  it('resolves a sealed address just before sending and keeps no delivery record for it', async () => {
    const resolveRecipient = async (to: string, recordId: string | undefined) =>
      to.startsWith('sealed-') ? (recordId === 'r9' && to === 'sealed-1' ? { to: 'real-person', remember: false } : undefined) : { to, remember: true };
    const sealedWorker = new DeliveryWorker({ db: database.db, transport, render: async () => text('rendered'), resolveRecipient, logger: createLogger('silent'), pollMs: 60_000 });
    await outbox.enqueue([
      { mode: 'send', to: 'sealed-1', key: 'notice:r9:2', recordId: 'r9', purpose: 'notice', view: { recordId: 'r9', reason: 'notice:0', atVersion: 2 } },
      { mode: 'send', to: 'sealed-2', key: 'notice:r8:2', recordId: 'r8', purpose: 'notice', view: { recordId: 'r8', reason: 'notice:0', atVersion: 2 } },
      { mode: 'send', to: 'mgr', key: 'mgr-card', recordId: 'r9', purpose: 'assigned', view: { recordId: 'r9', reason: 'assigned', atVersion: 1 } },
    ]);
    await sealedWorker.runOnce();
    expect(transport.sent.map((message) => message.to).sort()).toEqual(['mgr', 'real-person']);
    // Only the ordinary address leaves a delivery (with its conversation) behind.
    const deliveries = await database.db.collection('deliveries').find().toArray();
    expect(deliveries.map((delivery) => delivery._id)).toEqual(['mgr-card']);
    expect(JSON.stringify(await database.db.collection(UNDELIVERED).find().toArray())).not.toContain('real-person');
    expect(await database.db.collection(UNDELIVERED).findOne({ 'message.key': 'notice:r8:2' })).toMatchObject({ status: 'undeliverable', lastError: 'recipient_unknown' });
  });
});
