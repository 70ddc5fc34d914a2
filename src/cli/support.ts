import type { Db } from 'mongodb';
import { loadConfig, type AppConfig } from '../config/env.js';
import { connectDatabase, ensureCollections, type CollectionDefinition } from '../storage/database.js';

/**
 * Runs an administrator command against the configured database (MONGODB_URI, MONGODB_DB),
 * making sure the collections it writes exist, and always closes the connection.
 */
export async function withConfiguredDatabase<T>(collections: CollectionDefinition[], work: (db: Db, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await connectDatabase({ uri: config.MONGODB_URI, dbName: config.MONGODB_DB });
  try {
    await ensureCollections(database.db, collections);
    return await work(database.db, config);
  } finally {
    await database.close();
  }
}
