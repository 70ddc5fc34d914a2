import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, type CollectionDefinition } from '../storage/database.js';
import { ExpiringCache } from '../storage/expiringCache.js';
import { NumberSeries, type SeriesHead } from '../storage/numberSeries.js';

export const SEND_SLOTS = 'sendSlots';
/** The keys' heads, apart from the slots: a head's update by `_id` then goes through the heads only on FerretDB (see WORKFLOW_COUNTER_HEADS). */
export const SEND_SLOT_HEADS = 'sendSlotHeads';

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

/**
 * A send goes at most this long after the moment reserved for it, or reserves again (the delivery
 * worker sees to it), and every window is counted this much longer: so the sends themselves, not
 * only their reserved moments, keep every window within its limit. A send that went late on its
 * old turn would otherwise crowd the window of a turn reserved after it.
 */
export const SEND_WITHIN_MS = 250;

/** Reservations older than this count for nothing any more (the longest window is an hour). */
const KEEP_MS = 2 * 60 * 60_000;

export const pacingCollections: CollectionDefinition[] = [
  { name: SEND_SLOTS, indexes: [{ key: { key: 1, n: -1 }, name: 'key_n' }, { key: { at: 1 }, name: 'at' }] },
  { name: SEND_SLOT_HEADS, indexes: [{ key: { at: 1 }, name: 'at' }] },
];

/**
 * Paces sends across every instance of the bot. Each send reserves the next number in its key's
 * series by inserting `<key>#<n>` (unique, so instances never share a number, also on FerretDB
 * where `$inc` is not atomic), with the moment it may go: late enough that, counting back k sends
 * for a limit of k per window, the window has passed. Sends of a key are thus strictly ordered
 * and every window holds at most its maximum, whatever the number of instances.
 *
 * Everything is found by `_id` (FerretDB's SQLite handler reads the whole collection for any other
 * filter): the key's head (`_id` the key, in SEND_SLOT_HEADS, see NumberSeries) says where its series stands, and the
 * sends counted back are read one by one. A stored slot never changes, so this process keeps
 * copies of the slots it reserved or read: with NumberSeries remembering each key's last number,
 * a send reserves its conversation's and its tenant's slot with one insert, and the heads of the
 * keys reserved are moved on by `advanceHeads()` (the delivery worker calls it once per poll). A
 * head is only where a process that does not know the key starts looking, so a lagging one only
 * costs such a process a refused insert per number it lags.
 */
export class Pacer {
  private readonly slots: Collection<SendSlot>;
  private readonly heads: Collection<SeriesHead>;
  private readonly series: NumberSeries<SendSlot>;
  private readonly slotTimes = new ExpiringCache<string, number>({ maxEntries: 20_000, ttlMs: KEEP_MS });

  constructor(db: Db) {
    this.slots = db.collection<SendSlot>(SEND_SLOTS);
    this.heads = db.collection<SeriesHead>(SEND_SLOT_HEADS);
    this.series = new NumberSeries(this.slots, this.heads, {
      idOf: slotId,
      // A key reserved before it had a head: its highest number, once.
      lastByQuery: async (key) => (await this.slots.find({ key }).sort({ n: -1 }).limit(1).next())?.n ?? 0,
      atOf: (slot) => slot.at,
      remember: { maxEntries: 5_000, ttlMs: KEEP_MS },
      deferHeads: true,
    });
  }

  /**
   * Reserves one turn for a message's sends, counted against every key (each reader's
   * conversation, their tenant), with one insert, and returns when it is. Every key's slot holds
   * that same moment, the latest any key allows: the send then goes at (or within SEND_WITHIN_MS
   * of) the moment each slot says, which is what keeps every window within its limit. A key named
   * more than once (two readers in one tenant) gets consecutive slots; more than its smallest
   * limit in one message is not supported.
   */
  async reserve(keys: { key: string; limits: readonly RateLimit[] }[], now: Date): Promise<Date> {
    // Shared keys (tenants) first: they are the ones another instance may have taken, and an
    // ordered insert refused at its first document leaves nothing unused.
    const ordered = [...keys].sort((a, b) => Number(b.key.startsWith('tenant:')) - Number(a.key.startsWith('tenant:')));
    const slots = await this.series.issueTogether(
      ordered.map(({ key }) => key),
      async (numbers) => {
        // A slot of this same insert takes the common moment: nothing to read for it.
        const inThisTurn = new Set(ordered.map(({ key }, index) => slotId(key, numbers[index]!)));
        const earliest = await Promise.all(ordered.map(({ key, limits }, index) => this.earliest(key, numbers[index]!, limits, now, inThisTurn)));
        const at = new Date(Math.max(now.getTime(), ...earliest));
        return ordered.map(({ key }, index) => ({ key, n: numbers[index]!, at, schemaVersion: SCHEMA_VERSION }));
      },
    );
    for (const slot of slots) this.slotTimes.set(slot._id, slot.at.getTime());
    return slots[0]?.at ?? now;
  }

  /** Moves the heads of the keys reserved since the last call on, in one round trip. */
  advanceHeads(): Promise<void> {
    return this.series.advanceHeads();
  }

  /** When send n of the key may go: a window (and SEND_WITHIN_MS) after the send `max` sends before it, and never before the previous send. */
  private async earliest(key: string, n: number, limits: readonly RateLimit[], now: Date, inThisTurn: ReadonlySet<string>): Promise<number> {
    const back = [...new Set([1, ...limits.map((limit) => limit.max)])].filter((distance) => n - distance >= 1 && !inThisTurn.has(slotId(key, n - distance)));
    const times = new Map(await Promise.all(back.map(async (distance) => [distance, await this.slotAt(key, n - distance)] as const)));
    let at = now.getTime();
    for (const limit of limits) {
      const earlier = times.get(limit.max);
      if (earlier !== undefined) at = Math.max(at, earlier + limit.windowMs + SEND_WITHIN_MS);
    }
    const previous = times.get(1);
    return previous === undefined ? at : Math.max(at, previous);
  }

  /** When an earlier send of the key was reserved for; undefined when it is gone (pruned, so long past). */
  private async slotAt(key: string, n: number): Promise<number | undefined> {
    const id = slotId(key, n);
    const known = this.slotTimes.get(id);
    if (known !== undefined) return known;
    const slot = await this.slots.findOne({ _id: id });
    if (slot) this.slotTimes.set(id, slot.at.getTime());
    return slot?.at.getTime();
  }

  /** Reservations (and the heads of keys) older than the longest window count for nothing any more. */
  async prune(now: Date, keepMs = KEEP_MS): Promise<void> {
    const before = new Date(now.getTime() - keepMs);
    await Promise.all([this.slots.deleteMany({ at: { $lt: before } }), this.heads.deleteMany({ at: { $lt: before } })]);
  }
}

function slotId(key: string, n: number): string {
  return `${key}#${n}`;
}
