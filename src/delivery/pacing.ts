import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from '../storage/database.js';

export const SEND_SLOTS = 'sendSlots';

/** At most `max` sends in any `windowMs` (a sliding window, as Teams counts). */
export interface RateLimit {
  windowMs: number;
  max: number;
}

/**
 * Below Teams' limits per bot per conversation (7 per 1 s, 8 per 2 s, 60 per 30 s, 1,800 per
 * hour) and per app per tenant (50 per second), with room for the occasional message another
 * path sends (a reply in a turn).
 */
export const CONVERSATION_LIMITS: readonly RateLimit[] = [
  { windowMs: 1000, max: 6 },
  { windowMs: 2000, max: 7 },
  { windowMs: 30_000, max: 55 },
  { windowMs: 60 * 60_000, max: 1700 },
];
export const TENANT_LIMITS: readonly RateLimit[] = [{ windowMs: 1000, max: 40 }];

interface SendSlot {
  /** `<key>#<n>`: the n-th send reserved for the key; the unique _id is what orders instances. */
  _id: string;
  key: string;
  n: number;
  /** When this send may go out. */
  at: Date;
  schemaVersion: number;
}

export const pacingCollections: CollectionDefinition[] = [
  { name: SEND_SLOTS, indexes: [{ key: { key: 1, n: -1 }, name: 'key_n' }, { key: { at: 1 }, name: 'at' }] },
];

/**
 * Paces sends across every instance of the bot. Each send reserves the next number in its key's
 * series by inserting `<key>#<n>` (unique, so instances never share a number, also on FerretDB
 * where `$inc` is not atomic), with the moment it may go: late enough that, counting back k sends
 * for a limit of k per window, the window has passed. Sends of a key are thus strictly ordered
 * and every window holds at most its maximum, whatever the number of instances.
 */
export class Pacer {
  private readonly slots: Collection<SendSlot>;

  constructor(db: Db) {
    this.slots = db.collection<SendSlot>(SEND_SLOTS);
  }

  /** Reserves a send for every key (conversation, tenant) and returns when all allow it. */
  async reserve(keys: { key: string; limits: readonly RateLimit[] }[], now: Date): Promise<Date> {
    let at = now;
    for (const { key, limits } of keys) {
      const reserved = await this.reserveOne(key, limits, now);
      if (reserved > at) at = reserved;
    }
    return at;
  }

  private async reserveOne(key: string, limits: readonly RateLimit[], now: Date): Promise<Date> {
    const deepest = Math.max(...limits.map((limit) => limit.max));
    const last = await this.slots.find({ key }).sort({ n: -1 }).limit(1).next();
    for (let n = (last?.n ?? 0) + 1; ; n += 1) {
      const earlier = limits.map((limit) => n - limit.max).filter((m) => m >= 1 && m >= n - deepest);
      const history = earlier.length > 0 ? await this.slots.find({ _id: { $in: earlier.map((m) => `${key}#${m}`) } }).toArray() : [];
      const atOf = new Map(history.map((slot) => [slot.n, slot.at.getTime()]));
      let at = now.getTime();
      for (const limit of limits) {
        const back = atOf.get(n - limit.max);
        if (back !== undefined) at = Math.max(at, back + limit.windowMs);
      }
      // Never before the previous send of the key: sends stay in order.
      const previous = n - 1 >= 1 ? await this.slots.findOne({ _id: `${key}#${n - 1}` }) : null;
      if (previous) at = Math.max(at, previous.at.getTime());
      try {
        await this.slots.insertOne({ _id: `${key}#${n}`, key, n, at: new Date(at), schemaVersion: SCHEMA_VERSION });
        return new Date(at);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  /** Reservations older than the longest window count for nothing any more. */
  async prune(now: Date, keepMs = 2 * 60 * 60_000): Promise<void> {
    await this.slots.deleteMany({ at: { $lt: new Date(now.getTime() - keepMs) } });
  }
}
