import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Pacer, SEND_SLOTS, deliveryCollections, type RateLimit } from '../../src/delivery/index.js';
import { ensureCollections } from '../../src/storage/database.js';
import { openTestDatabase } from '../support/database.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const limits: RateLimit[] = [
  { windowMs: 1000, max: 3 },
  { windowMs: 2000, max: 4 },
];
const slots = () => database.db.collection<{ _id: string; key?: string; n?: number; at: Date; last?: number }>(SEND_SLOTS);

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
    // A restarted instance goes on from the key's head, after everything reserved before.
    const later = await new Pacer(database.db).reserve([{ key: 'conversation:p1', limits }], now);
    expect(later.getTime()).toBeGreaterThanOrEqual(Math.max(...times));
    expect(await slots().findOne({ _id: 'conversation:p1' })).toMatchObject({ last: 25 });
  });

  it('goes on after the slots of a key reserved before keys had heads', async () => {
    const now = new Date('2026-03-10T09:00:00Z');
    await slots().insertMany([1, 2, 3].map((n) => ({ _id: `conversation:p2#${n}`, key: 'conversation:p2', n, at: new Date(now.getTime() + 100 * n), schemaVersion: 1 })));
    const at = await new Pacer(database.db).reserve([{ key: 'conversation:p2', limits }], now);
    // The fourth send within a second of the first waits for that second to pass.
    expect(at).toEqual(new Date(now.getTime() + 100 + 1000));
    expect(await slots().findOne({ _id: 'conversation:p2#4' })).toBeTruthy();
  });
});
