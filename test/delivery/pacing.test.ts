import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Pacer, SEND_SLOT_HEADS, SEND_SLOTS, SEND_WITHIN_MS, TENANT_LIMITS, deliveryCollections, type RateLimit } from '../../src/delivery/index.js';
import { connectDatabase, ensureCollections } from '../../src/storage/database.js';
import { openTestDatabase, testMongoUri } from '../support/database.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const limits: RateLimit[] = [
  { windowMs: 1000, max: 3 },
  { windowMs: 2000, max: 4 },
];
const slots = () => database.db.collection<{ _id: string; key?: string; n?: number; at: Date }>(SEND_SLOTS);
const heads = () => database.db.collection<{ _id: string; at: Date; last: number }>(SEND_SLOT_HEADS);

/** The most reservations in any window of `windowMs`. */
function busiest(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last += 1) {
    while (sorted[last]! - sorted[first]! >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureCollections(database.db, deliveryCollections);
});
afterAll(async () => database?.drop());
beforeEach(async () => {
  await slots().deleteMany({});
  await heads().deleteMany({});
});

describe('pacing across instances', () => {
  it('keeps every window within its limit when three instances reserve for one conversation at once', async () => {
    const now = new Date('2026-03-10T09:00:00Z');
    const instances = [new Pacer(database.db), new Pacer(database.db), new Pacer(database.db)];
    const reserved = await Promise.all(Array.from({ length: 24 }, (_, index) => instances[index % 3]!.reserve([{ key: 'conversation:p1', limits }], now)));
    const times = reserved.map((at) => at.getTime());
    expect(busiest(times, 1000)).toBeLessThanOrEqual(3);
    expect(busiest(times, 2000)).toBeLessThanOrEqual(4);
    const stored = await slots().find({ key: 'conversation:p1' }).sort({ n: 1 }).toArray();
    expect(stored.map((slot) => slot.n)).toEqual(Array.from({ length: 24 }, (_, index) => index + 1));
    // Each worker moves the heads on when its poll ends; a restarted instance goes on from there.
    // (One after the other: two concurrent moves of one head are not atomic on FerretDB, and the
    // head may then lag, which only costs a starting instance a refused insert per number.)
    for (const instance of instances) await instance.advanceHeads();
    expect(await heads().findOne({ _id: 'conversation:p1' })).toMatchObject({ last: 24 });
    const restarted = new Pacer(database.db);
    const later = await restarted.reserve([{ key: 'conversation:p1', limits }], now);
    expect(later.getTime()).toBeGreaterThanOrEqual(Math.max(...times));
    await restarted.advanceHeads();
    expect(await heads().findOne({ _id: 'conversation:p1' })).toMatchObject({ last: 25 });
  });

  it('reserves a conversation’s and a tenant’s turn with one insert, and heads once per poll', async () => {
    const monitored = await connectDatabase({ uri: testMongoUri(), dbName: database.db.databaseName, monitorCommands: true });
    try {
      const commands: string[] = [];
      monitored.client.on('commandStarted', (event) => commands.push(`${event.commandName} ${String(event.command[event.commandName])}`));
      const pacer = new Pacer(monitored.db);
      const now = new Date('2026-03-10T09:00:00Z');
      for (const person of ['p3', 'p4', 'p5']) await pacer.reserve([{ key: `conversation:${person}`, limits }, { key: 'tenant:t1', limits: TENANT_LIMITS }], now);
      expect(commands.filter((command) => command.startsWith('insert'))).toEqual([`insert ${SEND_SLOTS}`, `insert ${SEND_SLOTS}`, `insert ${SEND_SLOTS}`]);
      expect(commands.filter((command) => command.startsWith('update'))).toEqual([]);
      await pacer.advanceHeads();
      expect(commands.filter((command) => command.startsWith('update'))).toEqual([`update ${SEND_SLOT_HEADS}`]);
      expect(await heads().findOne({ _id: 'tenant:t1' })).toMatchObject({ last: 3 });
      for (const person of ['p3', 'p4', 'p5']) expect(await heads().findOne({ _id: `conversation:${person}` })).toMatchObject({ last: 1 });
    } finally {
      await monitored.close();
    }
  });

  it('never gives two instances one turn of a tenant, also when one does not know how far the other got', async () => {
    const now = new Date('2026-03-10T09:00:00Z');
    const tenantLimit: RateLimit[] = [{ windowMs: 1000, max: 4 }];
    const [a, b] = [new Pacer(database.db), new Pacer(database.db)];
    // Instance a sends a while; its poll has moved the tenant's head on after the third send only…
    for (let index = 0; index < 6; index += 1) {
      await a.reserve([{ key: `conversation:a${index}`, limits }, { key: 'tenant:t2', limits: tenantLimit }], now);
      if (index === 2) await a.advanceHeads();
    }
    expect(await heads().findOne({ _id: 'tenant:t2' })).toMatchObject({ last: 3 });
    // …then both go on, each for other people.
    const reserved = await Promise.all(Array.from({ length: 12 }, (_, index) => (index % 2 ? a : b).reserve([{ key: `conversation:m${index}`, limits }, { key: 'tenant:t2', limits: tenantLimit }], now)));
    const tenantSlots = await slots().find({ key: 'tenant:t2' }).sort({ n: 1 }).toArray();
    expect(tenantSlots.map((slot) => slot.n)).toEqual(Array.from({ length: 18 }, (_, index) => index + 1));
    expect(busiest(tenantSlots.map((slot) => slot.at.getTime()), 1000)).toBeLessThanOrEqual(4);
    // Every reservation waits for its tenant turn: no send goes before it.
    expect(Math.max(...reserved.map((at) => at.getTime()))).toBe(Math.max(...tenantSlots.map((slot) => slot.at.getTime())));
    // Every person's conversation got its one turn, each in a slot of its own.
    expect(await slots().countDocuments({ key: /^conversation:m/ })).toBe(12);
  });

  it('goes on after the slots of a key reserved before keys had heads', async () => {
    const now = new Date('2026-03-10T09:00:00Z');
    await slots().insertMany([1, 2, 3].map((n) => ({ _id: `conversation:p2#${n}`, key: 'conversation:p2', n, at: new Date(now.getTime() + 100 * n), schemaVersion: 1 })));
    const at = await new Pacer(database.db).reserve([{ key: 'conversation:p2', limits }], now);
    // The fourth send within a second of the first waits for that second to pass.
    expect(at).toEqual(new Date(now.getTime() + 100 + 1000 + SEND_WITHIN_MS));
    expect(await slots().findOne({ _id: 'conversation:p2#4' })).toBeTruthy();
  });

  it('forgets reservations and the heads of keys older than the longest window, and keeps the recent ones', async () => {
    const long = new Date('2026-03-10T06:00:00Z');
    const now = new Date('2026-03-10T09:00:00Z');
    const pacer = new Pacer(database.db);
    await pacer.reserve([{ key: 'conversation:old', limits }], long);
    await pacer.reserve([{ key: 'conversation:new', limits }], now);
    await pacer.advanceHeads();
    await pacer.prune(now);
    expect(await slots().countDocuments({ key: 'conversation:old' })).toBe(0);
    expect(await heads().findOne({ _id: 'conversation:old' })).toBeNull();
    expect(await slots().countDocuments({ key: 'conversation:new' })).toBe(1);
    expect(await heads().findOne({ _id: 'conversation:new' })).toMatchObject({ last: 1 });
  });

  it('gives every key of a send the same moment, the latest any of them allows', async () => {
    const now = new Date('2026-03-10T09:00:00Z');
    const pacer = new Pacer(database.db);
    const tenantLimit: RateLimit[] = [{ windowMs: 1000, max: 2 }];
    // The tenant is busy (two sends just now); the reader's conversation is quiet.
    for (const person of ['q1', 'q2']) await pacer.reserve([{ key: `conversation:${person}`, limits }, { key: 'tenant:t3', limits: tenantLimit }], now);
    const at = await pacer.reserve([{ key: 'conversation:q3', limits }, { key: 'tenant:t3', limits: tenantLimit }], now);
    expect(at).toEqual(new Date(now.getTime() + 1000 + SEND_WITHIN_MS));
    // The conversation's slot says when the send really goes, so the conversation's next windows count from there.
    expect(await slots().findOne({ _id: 'conversation:q3#1' })).toMatchObject({ at });
    expect(await slots().findOne({ _id: 'tenant:t3#3' })).toMatchObject({ at });
  });

  it('keeps every window of a conversation and its tenant within its limit when two instances send to the same person at once', async () => {
    const now = new Date('2026-03-10T09:00:00Z');
    const [a, b] = [new Pacer(database.db), new Pacer(database.db)];
    const keys = [{ key: 'conversation:p6', limits }, { key: 'tenant:t4', limits: [{ windowMs: 1000, max: 5 }] }];
    const reserved = await Promise.all(Array.from({ length: 16 }, (_, index) => (index % 2 ? a : b).reserve(keys, now)));
    // Each send has a turn of its own in both series; slots a refused insert left unused count too (they only make it stricter).
    for (const key of ['conversation:p6', 'tenant:t4']) {
      const stored = await slots().find({ key }).sort({ n: 1 }).toArray();
      expect(stored.length).toBeGreaterThanOrEqual(16);
      for (const at of reserved) expect(stored.some((slot) => slot.at.getTime() === at.getTime())).toBe(true);
    }
    const conversationTimes = (await slots().find({ key: 'conversation:p6' }).toArray()).map((slot) => slot.at.getTime());
    expect(busiest(conversationTimes, 1000 + SEND_WITHIN_MS)).toBeLessThanOrEqual(3);
    expect(busiest(conversationTimes, 2000 + SEND_WITHIN_MS)).toBeLessThanOrEqual(4);
    expect(busiest((await slots().find({ key: 'tenant:t4' }).toArray()).map((slot) => slot.at.getTime()), 1000 + SEND_WITHIN_MS)).toBeLessThanOrEqual(5);
  });
});
