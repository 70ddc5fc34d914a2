import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db } from 'mongodb';
import { ConfigurationError, loadConfig } from '../config/env.js';
import { connectDatabase, ensureCollections, type CollectionDefinition } from '../storage/database.js';

/**
 * Runs an administrator command against the configured database (MONGODB_URI, MONGODB_DB),
 * making sure the collections it writes exist, and always closes the connection.
 */
export async function withConfiguredDatabase<T>(collections: CollectionDefinition[], work: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await connectDatabase({ uri: config.MONGODB_URI, dbName: config.MONGODB_DB });
  try {
    await ensureCollections(database.db, collections);
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/**
 * Runs `main` when the file is the command being run (not when a test imports it), and turns its
 * result into the exit code; a failure prints one Dutch line, never a stack with values in it.
 */
export function runAsCommand(moduleUrl: string, main: (argv: string[]) => Promise<number>, failure: string): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return;
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof ConfigurationError) console.error(error.message);
      else console.error(`${failure}: ${(error as Error).message ?? String(error)}`);
      process.exitCode = 1;
    },
  );
}
