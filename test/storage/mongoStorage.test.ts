import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoStorage } from '../../src/teams/botState.js';
import { HandledActivities, HANDLED_ACTIVITY_RETENTION_MS } from '../../src/storage/handledActivities.js';
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
