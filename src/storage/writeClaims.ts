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
  /** Per `<collection>/<id>`: the version this instance last wrote (`amend` starts from it). */
  private readonly lastVersions = new ExpiringCache<string, number>({ maxEntries: 10_000, ttlMs: 10 * 60_000 });

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
   * not exist), one writer at a time on every server: read by `_id`, claim the version being left,
   * write by `_id`. Every step selects by `_id` alone, the one filter FerretDB's SQLite handler
   * leaves to SQLite (docs/architecture.md); the claim, not the filter, keeps out a second writer.
   * After losing to another writer, `next` is asked again with that writer's contents, so it must
   * be a pure function of them; undefined writes nothing. True when this call wrote.
   */
  async rewrite<T extends VersionedDocument>(collection: Collection<T>, id: string, next: (current: T | null) => Omit<T, '_id' | 'version'> | undefined): Promise<boolean> {
    const byId = { _id: id } as Filter<T>;
    const key = `${collection.collectionName}/${id}`;
    for (;;) {
      const current = (await collection.findOne(byId)) as T | null;
      const contents = next(current);
      if (!contents) return false;
      if (!current) {
        try {
          // Creating it is the claim: the unique `_id` lets one writer do it.
          const version = Date.now();
          await collection.insertOne({ ...contents, _id: id, version } as OptionalUnlessRequiredId<T>);
          this.lastVersions.set(key, version);
          return true;
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          continue;
        }
      }
      if (!(await this.claimVersion(collection, id, current.version, false))) continue;
      await collection.updateOne(byId, { $set: { ...contents, version: current.version + 1 } } as unknown as UpdateFilter<T>);
      this.lastVersions.set(key, current.version + 1);
      return true;
    }
  }

  /**
   * Applies `update` to the document `id` (operators that add to it, such as `$push`), one writer
   * at a time as `rewrite` does, but without reading its contents: only its version, and not even
   * that when this instance wrote it last (the claim on that version then says whether another
   * writer moved on since). Creates it as `created` when it does not exist. Returns the document
   * as this write left it, in the same round trip, whole: FerretDB 1.24 takes no projection for
   * findAndModify, and the server rewrites the whole document anyway, so keep amended documents
   * small (the awaiting index moves notes to pages).
   */
  async amend<T extends VersionedDocument>(
    collection: Collection<T>,
    id: string,
    created: Omit<T, '_id' | 'version'>,
    update: UpdateFilter<T>,
  ): Promise<T> {
    const byId = { _id: id } as Filter<T>;
    const key = `${collection.collectionName}/${id}`;
    let known = this.lastVersions.get(key);
    for (;;) {
      const version = known ?? ((await collection.findOne(byId, { projection: { version: 1 } })) as Pick<T, 'version'> | null)?.version;
      if (version === undefined) {
        try {
          const createdVersion = Date.now();
          const document = { ...created, _id: id, version: createdVersion } as T;
          await collection.insertOne(document as OptionalUnlessRequiredId<T>);
          this.lastVersions.set(key, createdVersion);
          return document;
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          continue;
        }
      }
      if (!(await this.claimVersion(collection, id, version, known !== undefined))) {
        known = undefined;
        continue;
      }
      const after = (await collection.findOneAndUpdate(byId, { ...update, $set: { ...(update.$set ?? {}), version: version + 1 } } as UpdateFilter<T>, { returnDocument: 'after' })) as T | null;
      if (!after) {
        // Deleted meanwhile (only our copy of its version said it was there): start from what is stored.
        known = undefined;
        this.lastVersions.delete(key);
        continue;
      }
      this.lastVersions.set(key, version + 1);
      return after;
    }
  }

  /**
   * Claims leaving `version` of the document. False when this writer must look again: another
   * writer holds the claim (after a short wait for its write to land, unless our copy of the
   * version was only remembered), or a writer delayed this long was overtaken meanwhile.
   */
  private async claimVersion<T extends VersionedDocument>(collection: Collection<T>, id: string, version: number, remembered: boolean): Promise<boolean> {
    const claimId = `${collection.collectionName}/${id}@${version}`;
    const stillAt = async () => ((await collection.findOne({ _id: id } as Filter<T>, { projection: { version: 1 } })) as Pick<T, 'version'> | null)?.version === version;
    const claiming = Date.now();
    if (!(await this.claim(claimId))) {
      // A remembered version that is claimed was left by another writer since: read what is stored.
      if (remembered) return false;
      if (!(await this.reclaimIfStale(claimId, stillAt))) {
        // Another writer holds this version: its write lands in a moment, then this one goes again.
        await sleep(POLL_MS);
        return false;
      }
    }
    // A writer delayed this long may have been taken for dead and overtaken: it looks before it writes.
    return Date.now() - claiming < STALE_CLAIM_MS / 3 || (await stillAt());
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
