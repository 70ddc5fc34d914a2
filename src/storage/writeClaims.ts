import type { Collection, Db, Document, Filter, UpdateFilter } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from './database.js';

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

  constructor(db: Db) {
    this.claims = db.collection<WriteClaim>(writeClaimsCollection.name);
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
      if (!(await this.reclaimIfStale(claimId, collection, filter))) return false;
    }
    const result = await collection.updateOne(filter, update);
    if (result.matchedCount === 1) return true;
    // The version had already moved on (or the document is gone): nothing to protect.
    await this.claims.deleteOne({ _id: claimId });
    return false;
  }

  async prune(now = new Date()): Promise<number> {
    const result = await this.claims.deleteMany({ claimedAt: { $lt: new Date(now.getTime() - CLAIM_RETENTION_MS) } });
    return result.deletedCount;
  }

  private async claim(claimId: string): Promise<boolean> {
    try {
      await this.claims.insertOne({ _id: claimId, claimedAt: new Date(), schemaVersion: SCHEMA_VERSION });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  private async reclaimIfStale<T extends Document>(claimId: string, collection: Collection<T>, filter: Filter<T>): Promise<boolean> {
    const existing = await this.claims.findOne({ _id: claimId });
    if (!existing || Date.now() - existing.claimedAt.getTime() < STALE_CLAIM_MS) return false;
    if ((await collection.countDocuments(filter, { limit: 1 })) === 0) return false;
    // Replace the dead writer's claim; the delete is conditional on its timestamp so two
    // rescuers cannot both take over.
    const removed = await this.claims.deleteOne({ _id: claimId, claimedAt: existing.claimedAt });
    return removed.deletedCount === 1 && this.claim(claimId);
  }
}
