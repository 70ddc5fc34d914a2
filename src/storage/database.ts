import {
  MongoBulkWriteError,
  MongoClient,
  MongoClientClosedError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  type Db,
  type IndexDescription,
} from 'mongodb';

/**
 * Every stored document carries this so later releases can migrate old shapes lazily.
 * Bump it (and add a migration) when a stored shape changes incompatibly.
 */
export const SCHEMA_VERSION = 1;

export interface Database {
  readonly client: MongoClient;
  readonly db: Db;
  /** FerretDB lacks TTL indexes, partial indexes and transactions; callers pick portable fallbacks. */
  readonly isFerretDb: boolean;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface CollectionDefinition {
  name: string;
  indexes: IndexDescription[];
  /**
   * A one-off change that brings documents stored by an earlier release into the shape the code
   * expects, run by `ensureCollections` once per database (see `runOnce`). It must be idempotent:
   * instances starting together may run it at the same time.
   */
  migration?: { id: string; run(db: Db): Promise<void> };
}

export interface ConnectOptions {
  uri: string;
  dbName: string;
  /** How long to wait for a server before an operation fails; short so /readyz answers quickly. */
  serverSelectionTimeoutMs?: number;
  /**
   * Emits the driver's `commandStarted` events, so the bench and tests can count database
   * round trips per turn. Off in production: it costs an event per command.
   */
  monitorCommands?: boolean;
}

export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  const client = new MongoClient(options.uri, {
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 3000,
    appName: 'integriteitsassistent',
    // Cosmos DB for MongoDB does not support retryable writes; every write here is
    // idempotent by design (conditional updates, unique keys), so we do not rely on them.
    retryWrites: false,
    monitorCommands: options.monitorCommands ?? false,
  });
  await client.connect();
  const db = client.db(options.dbName);
  const buildInfo = await db.admin().command({ buildInfo: 1 }).catch(() => ({}) as Record<string, unknown>);
  const isFerretDb = typeof (buildInfo as Record<string, unknown>).ferretdbVersion === 'string';
  return {
    client,
    db,
    isFerretDb,
    async ping() {
      try {
        await db.command({ ping: 1 }, { timeoutMS: 2000 });
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await client.close();
    },
  };
}

/**
 * Creates collections and indexes, then runs the definitions' one-off migrations; safe to run at
 * every start and from several instances at once.
 */
export async function ensureCollections(db: Db, definitions: CollectionDefinition[]): Promise<void> {
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const definition of definitions) {
    if (!existing.has(definition.name)) {
      await db.createCollection(definition.name).catch((error: unknown) => {
        // Another instance may have created it between our list and create.
        if (!isNamespaceExists(error)) throw error;
      });
    }
    // One index per call: FerretDB 1.24 drops the connection when a single createIndexes names
    // two or more indexes that all exist already, which is every restart after the first.
    for (const index of definition.indexes) {
      await db.collection(definition.name).createIndexes([index]);
    }
  }
  for (const definition of definitions) {
    if (definition.migration) await runOnce(db, definition.migration.id, () => definition.migration!.run(db));
  }
}

/** One document per migration done, `_id` its id. */
export const MIGRATIONS = 'migrations';

/**
 * Runs a one-off migration unless this database has it done already. Marked done only after it
 * ran to the end, so an interrupted one runs again at the next start.
 */
export async function runOnce(db: Db, id: string, migrate: () => Promise<void>): Promise<void> {
  const done = db.collection<{ _id: string; at: Date; schemaVersion: number }>(MIGRATIONS);
  if (await done.findOne({ _id: id })) return;
  await migrate();
  await done.insertOne({ _id: id, at: new Date(), schemaVersion: SCHEMA_VERSION }).catch((error: unknown) => {
    // Another instance ran it at the same time and finished first.
    if (!isDuplicateKeyError(error)) throw error;
  });
}

const UNAVAILABLE = [MongoServerSelectionError, MongoNetworkError, MongoNotConnectedError, MongoTopologyClosedError, MongoClientClosedError, MongoOperationTimeoutError];

/**
 * True when an error (or one it wraps) means the database cannot be reached right now, as opposed
 * to a refused or wrong operation: the user is then told to try again shortly.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (UNAVAILABLE.some((type) => current instanceof type)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs an upsert, and once more if it lost a race: two concurrent upserts of the same new
 * document can both try to insert (FerretDB, and MongoDB without a unique-index retry), and one
 * gets 11000. The document exists by then, so the second run is a plain update.
 */
export async function upsertRetryingOnce<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return upsert();
  }
}

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/**
 * The positions of the writes a bulk write (insertMany, bulkWrite) refused for a duplicate key,
 * when those are all it refused: a refused unique insert is a claim someone else holds, which the
 * caller handles. Any other failure is thrown again. With `ordered: true` the writes after the
 * first refused one were not tried at all.
 */
export function refusedAsDuplicates(error: unknown): Set<number> {
  if (error instanceof MongoBulkWriteError) {
    const refused = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (refused.length > 0 && refused.every((write) => write.code === 11000) && !error.writeConcernError) return new Set(refused.map((write) => write.index));
  }
  throw error;
}

function isNamespaceExists(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 48;
}
