import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoStorage } from '../../src/teams/botState.js';
import { HandledActivities, HANDLED_ACTIVITY_RETENTION_MS } from '../../src/storage/handledActivities.js';
import { WriteClaims, type VersionedDocument } from '../../src/storage/writeClaims.js';
import { openTestDatabase } from '../support/database.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let storage: MongoStorage;
beforeAll(async () => {
  database = await openTestDatabase();
  storage = new MongoStorage(database.db);
});
afterAll(async () => database?.drop());

describe('MongoStorage (botbuilder Storage on MongoDB)', () => {
  it('round-trips state, including keys MongoDB would refuse as field names', async () => {
    await storage.write({ 'msteams/bot/conversations/a': { 'odd.key': 1, $dollar: [[1, 2]], nested: { list: ['x'] } } });
    const read = await storage.read(['msteams/bot/conversations/a', 'missing']);
    expect(read['msteams/bot/conversations/a']).toMatchObject({ 'odd.key': 1, $dollar: [[1, 2]], nested: { list: ['x'] } });
    expect(typeof read['msteams/bot/conversations/a'].eTag).toBe('string');
    expect(read.missing).toBeUndefined();
  });

  it('writes with the current eTag and refuses a stale one with an "eTag conflict" error', async () => {
    await storage.write({ k1: { count: 1 } });
    const first = (await storage.read(['k1'])).k1;
    await storage.write({ k1: { ...first, count: 2 } });
    await expect(storage.write({ k1: { ...first, count: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await storage.read(['k1'])).k1.count).toBe(2);
  });

  it('overwrites with "*" or without an eTag', async () => {
    await storage.write({ k2: { value: 'a' } });
    await storage.write({ k2: { value: 'b', eTag: '*' } });
    expect((await storage.read(['k2'])).k2.value).toBe('b');
    await storage.write({ k2: { value: 'c' } });
    expect((await storage.read(['k2'])).k2.value).toBe('c');
  });

  it('lets exactly one of two concurrent writers with the same eTag win, also across instances', async () => {
    await storage.write({ k3: { owner: 'none' } });
    const item = (await storage.read(['k3'])).k3;
    // A second MongoStorage stands in for a second bot instance sharing the database.
    const otherInstance = new MongoStorage(database.db);
    const results = await Promise.allSettled([
      storage.write({ k3: { ...item, owner: 'first' } }),
      otherInstance.write({ k3: { ...item, owner: 'second' } }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(String(rejected[0]!.reason)).toMatch(/eTag conflict/);
    expect(['first', 'second']).toContain((await storage.read(['k3'])).k3.owner);
  });

  it('never lets two racing writers both succeed over many rounds', async () => {
    const otherInstance = new MongoStorage(database.db);
    let doubleWins = 0;
    for (let round = 0; round < 30; round += 1) {
      await storage.write({ race: { round } });
      const item = (await storage.read(['race'])).race;
      const results = await Promise.allSettled([storage.write({ race: { ...item, by: 'a' } }), otherInstance.write({ race: { ...item, by: 'b' } })]);
      if (results.every((r) => r.status === 'fulfilled')) doubleWins += 1;
    }
    expect(doubleWins).toBe(0);
  });

  it('deletes', async () => {
    await storage.write({ k4: { x: 1 } });
    await storage.delete(['k4']);
    expect((await storage.read(['k4'])).k4).toBeUndefined();
  });
});

describe('HandledActivities (redelivery memory)', () => {
  it('claims an activity once per conversation and forgets old ones', async () => {
    const handled = new HandledActivities(database.db);
    const then = new Date('2026-11-02T09:00:00Z');
    expect(await handled.claim('conv-1', 'act-1', then)).toBe(true);
    expect(await handled.claim('conv-1', 'act-1', then)).toBe(false);
    expect(await handled.claim('conv-2', 'act-1', then)).toBe(true);
    const later = new Date(then.getTime() + HANDLED_ACTIVITY_RETENTION_MS + 1000);
    expect(await handled.prune(later)).toBe(2);
    expect(await handled.claim('conv-1', 'act-1', later)).toBe(true);
  });
});

describe('WriteClaims.rewrite (read, claim the version, write by _id)', () => {
  interface Tally extends VersionedDocument {
    items: string[];
  }
  const tallies = () => database.db.collection<Tally>('tallies');
  const append = (claims: WriteClaims, id: string, item: string) => claims.rewrite(tallies(), id, (current) => (current?.items.includes(item) ? undefined : { items: [...(current?.items ?? []), item] }));

  it('keeps every one of many concurrent changes from two instances, where a plain read-and-write on FerretDB loses some', async () => {
    const [one, two] = [new WriteClaims(database.db), new WriteClaims(database.db)];
    const items = Array.from({ length: 24 }, (_, n) => `item-${n}`);
    const wrote = await Promise.all(items.map((item, n) => append(n % 2 === 0 ? one : two, 'together', item)));
    expect(wrote.every(Boolean)).toBe(true);
    const stored = await tallies().findOne({ _id: 'together' });
    expect(stored?.items.sort()).toEqual([...items].sort());
    // Nothing to change: nothing written.
    expect(await append(one, 'together', 'item-3')).toBe(false);
    expect((await tallies().findOne({ _id: 'together' }))?.version).toBe(stored?.version);
  });

  it('amend adds to a document without reading it, and keeps every concurrent addition from two instances', async () => {
    const [one, two] = [new WriteClaims(database.db), new WriteClaims(database.db)];
    const items = Array.from({ length: 24 }, (_, n) => `added-${n}`);
    await Promise.all(items.map((item, n) => (n % 2 === 0 ? one : two).amend(tallies(), 'amended', { items: [item] }, { $push: { items: item } })));
    const stored = await tallies().findOne({ _id: 'amended' });
    expect(stored?.items.sort()).toEqual([...items].sort());
    // A rewrite after amends starts from what they stored.
    expect(await append(one, 'amended', 'rewritten')).toBe(true);
    expect((await tallies().findOne({ _id: 'amended' }))?.items).toHaveLength(25);
  });

  it('is not held up by the claims of a deleted document when it is created again', async () => {
    const claims = new WriteClaims(database.db);
    for (const item of ['a', 'b', 'c']) await append(claims, 'again', item);
    await tallies().deleteOne({ _id: 'again' });
    const started = Date.now();
    for (const item of ['d', 'e', 'f']) await append(claims, 'again', item);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await tallies().findOne({ _id: 'again' }))?.items).toEqual(['d', 'e', 'f']);
  });

  it('takes over from a writer that claimed a version and died, once its claim is stale', async () => {
    await tallies().insertOne({ _id: 'orphaned', version: 3, items: ['a'] });
    await database.db.collection('writeClaims').insertOne({ _id: 'tallies/orphaned@3', claimedAt: new Date(Date.now() - 20_000), schemaVersion: 1 } as never);
    expect(await append(new WriteClaims(database.db), 'orphaned', 'b')).toBe(true);
    expect(await tallies().findOne({ _id: 'orphaned' })).toEqual({ _id: 'orphaned', version: 4, items: ['a', 'b'] });
  });
});
