import type { Collection, Db, Document, Filter, OptionalUnlessRequiredId, UpdateFilter } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from './database.js';
import { ExpiringCache } from './expiringCache.js';
import { GroupedInserts } from './groupedInserts.js';

interface WriteClaim {
  /** `<collection>/<document id>@<version being left>`: only one writer may leave a version. */
  _id: string;
  claimedAt: Date;
  schemaVersion: number;
}

export const writeClaimsCollection: CollectionDefinition = {
  name: 'writeClaims',
  indexes: [{ key: { claimedAt: 1 }, name: 'claimedAt_1' }],
};

/** A claim older than this whose document never moved on belongs to a writer that died mid-way. */
const STALE_CLAIM_MS = 15_000;
/** How often a writer waiting for another's claimed write looks again. */
const POLL_MS = 25;

/** A document written only through `WriteClaims.rewrite`. */
export interface VersionedDocument {
  _id: string;
  /**
   * Grows by one with every write. It starts at the creation time in milliseconds, not at 1, so a
   * document deleted and created again never meets the claims (kept a day) of its predecessor.
   */
  version: number;
}
/** Claims are only needed while two writers might race; a day is far more than enough. */
const CLAIM_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Compare-and-set on one document that holds on every server we run on.
 *
 * MongoDB, Atlas and Cosmos DB apply `updateOne({ _id, version }, ...)` atomically, but
 * FerretDB's SQLite handler does not: two concurrent updates with the same condition can both
 * report a match (measured: most races in a tight loop). An insert with a duplicate `_id` is
 * refused atomically everywhere, so the winner is decided by inserting a claim for the version
 * being left; the conditional update that follows then only ever has one writer.
 */
export class WriteClaims {
  private readonly claims: Collection<WriteClaim>;
  /** Claims of concurrent writers go to the database together (see GroupedInserts). */
  private readonly claimInserts: GroupedInserts<WriteClaim>;
  /** Per `<collection>/<id>`: the document as `rewrite` last wrote it here. */
  private readonly lastWritten = new ExpiringCache<string, VersionedDocument>({ maxEntries: 2_000, ttlMs: 10 * 60_000 });

  constructor(db: Db) {
    this.claims = db.collection<WriteClaim>(writeClaimsCollection.name);
    this.claimInserts = new GroupedInserts(this.claims);
  }

  /**
   * Applies `update` to the document `id` of `collection` if its `versionField` still equals
   * `expected`. Returns false, changing nothing, when another writer got there first.
   */
  async compareAndSet<T extends Document & { _id: string }>(
    collection: Collection<T>,
    id: string,
    versionField: keyof T & string,
    expected: string | number,
    update: UpdateFilter<T>,
  ): Promise<boolean> {
    const claimId = `${collection.collectionName}/${id}@${String(expected)}`;
    const filter = { _id: id, [versionField]: expected } as unknown as Filter<T>;
    if (!(await this.claim(claimId))) {
      if (!(await this.reclaimIfStale(claimId, async () => (await collection.countDocuments(filter, { limit: 1 })) > 0))) return false;
    }
    const result = await collection.updateOne(filter, update);
    if (result.matchedCount === 1) return true;
    // The version had already moved on (or the document is gone): nothing to protect.
    await this.claims.deleteOne({ _id: claimId });
    return false;
  }

  /**
   * Replaces the document `id` with what `next` makes of its current contents (null while it does
   * not exist), one writer at a time on every server: read by `_id` (unless this instance wrote it
   * last), claim the version being left, write by `_id`. Every step selects by `_id` alone, the one filter FerretDB's SQLite handler
   * looks up by index; the claim, not the filter, keeps out a second writer. After losing to
   * another writer, `next` is asked again with that writer's contents, so it must be a pure
   * function of them; undefined writes nothing. True when this call wrote.
   */
  async rewrite<T extends VersionedDocument>(collection: Collection<T>, id: string, next: (current: T | null) => Omit<T, '_id' | 'version'> | undefined): Promise<boolean> {
    const byId = { _id: id } as Filter<T>;
    const key = `${collection.collectionName}/${id}`;
    // What this instance wrote last needs no read: the claim on its version says whether another
    // writer moved on since (then the claim is taken, and the document is read after all).
    let known = this.lastWritten.get(key) as T | undefined;
    for (;;) {
      const current = known ?? ((await collection.findOne(byId)) as T | null);
      const contents = next(current);
      if (!contents) {
        // Nothing to change by our copy: make sure by what is stored.
        if (!known) return false;
        known = undefined;
        continue;
      }
      if (!current) {
        try {
          // Creating it is the claim: the unique `_id` lets one writer do it.
          const created = { ...contents, _id: id, version: Date.now() } as T;
          await collection.insertOne({ ...created } as OptionalUnlessRequiredId<T>);
          this.lastWritten.set(key, created);
          return true;
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          continue;
        }
      }
      const claimId = `${collection.collectionName}/${id}@${current.version}`;
      const stillAt = async () => ((await collection.findOne(byId)) as T | null)?.version === current.version;
      const claiming = Date.now();
      if (!(await this.claim(claimId))) {
        if (known) {
          known = undefined;
          this.lastWritten.delete(key);
          continue;
        }
        if (!(await this.reclaimIfStale(claimId, stillAt))) {
          // Another writer holds this version: its write lands in a moment, then this one goes again.
          await sleep(POLL_MS);
          continue;
        }
      }
      // A writer delayed this long may have been taken for dead and overtaken: it looks before it writes.
      if (Date.now() - claiming >= STALE_CLAIM_MS / 3 && !(await stillAt())) {
        known = undefined;
        continue;
      }
      const written = { ...contents, _id: id, version: current.version + 1 } as T;
      const result = await collection.updateOne(byId, { $set: { ...contents, version: written.version } } as unknown as UpdateFilter<T>);
      if (result.matchedCount === 0) {
        // Deleted meanwhile (only a copy of ours said it was there): start from what is stored.
        known = undefined;
        this.lastWritten.delete(key);
        continue;
      }
      this.lastWritten.set(key, written);
      return true;
    }
  }

  async prune(now = new Date()): Promise<number> {
    const result = await this.claims.deleteMany({ claimedAt: { $lt: new Date(now.getTime() - CLAIM_RETENTION_MS) } });
    return result.deletedCount;
  }

  private async claim(claimId: string): Promise<boolean> {
    try {
      await this.claimInserts.insert({ _id: claimId, claimedAt: new Date(), schemaVersion: SCHEMA_VERSION });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** Takes over a claim whose writer died: it is old and its document still holds the claimed version (`stillAt`). */
  private async reclaimIfStale(claimId: string, stillAt: () => Promise<boolean>): Promise<boolean> {
    const existing = await this.claims.findOne({ _id: claimId });
    if (!existing || Date.now() - existing.claimedAt.getTime() < STALE_CLAIM_MS) return false;
    if (!(await stillAt())) return false;
    // Replace the dead writer's claim; the delete is conditional on its timestamp so two
    // rescuers cannot both take over.
    const removed = await this.claims.deleteOne({ _id: claimId, claimedAt: existing.claimedAt });
    return removed.deletedCount === 1 && this.claim(claimId);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
