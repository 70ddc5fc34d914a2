import { MongoBulkWriteError, type Collection, type Document, type OptionalUnlessRequiredId } from 'mongodb';

/** The most documents one insert carries; more wait for the next. */
const MAX_DOCUMENTS_PER_INSERT = 100;

/** A document refused by a grouped insert, with the server's code (11000: a duplicate key). */
export class RefusedInsert extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'RefusedInsert';
  }
}

interface Waiting<T> {
  document: OptionalUnlessRequiredId<T>;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Inserts into one collection, gathered (group commit). While one insert is on its way, the
 * documents asked for meanwhile wait and go together in the next: one round trip and, on
 * FerretDB's SQLite handler, one write transaction, instead of one each. Concurrent gift
 * notifications otherwise queue for SQLite's single writer lock, and a writer that finds it taken
 * sleeps before it tries again, which is what made their slowest answers slow. With nothing on its
 * way a document goes at once (after the current tick, so a turn's own inserts go together), so a
 * lone writer waits no longer than with `insertOne`.
 *
 * Each caller learns its own outcome: the insert is unordered, and a document refused (a duplicate
 * `_id` is a claim someone else holds) rejects its caller alone, with a `RefusedInsert` that
 * carries the server's code, so `isDuplicateKeyError` reads it as before. Keep one per collection
 * per process.
 */
export class GroupedInserts<T extends Document> {
  private waiting: Waiting<T>[] = [];
  private flushing = false;

  constructor(private readonly collection: Collection<T>) {}

  insert(document: OptionalUnlessRequiredId<T>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ document, resolve, reject });
      if (this.flushing) return;
      this.flushing = true;
      queueMicrotask(() => void this.flush());
    });
  }

  /** Inserts several documents, e.g. one submission's messages; resolves when all are in. */
  async insertAll(documents: readonly OptionalUnlessRequiredId<T>[]): Promise<void> {
    await Promise.all(documents.map((document) => this.insert(document)));
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_DOCUMENTS_PER_INSERT);
      try {
        await this.collection.insertMany(
          batch.map((waiting) => waiting.document),
          { ordered: false },
        );
        for (const waiting of batch) waiting.resolve();
      } catch (error) {
        const refused = refusedByIndex(error);
        batch.forEach((waiting, index) => {
          if (!refused) return waiting.reject(error);
          const why = refused.get(index);
          if (why) waiting.reject(why);
          else waiting.resolve();
        });
      }
    }
    this.flushing = false;
  }
}

/** Per document of an unordered insert, why it was refused; undefined when the insert as a whole failed. */
function refusedByIndex(error: unknown): Map<number, RefusedInsert> | undefined {
  if (!(error instanceof MongoBulkWriteError) || error.writeConcernError) return undefined;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  if (writeErrors.length === 0) return undefined;
  return new Map(writeErrors.map((writeError) => [writeError.index, new RefusedInsert(writeError.code, writeError.errmsg ?? 'insert refused')]));
}
