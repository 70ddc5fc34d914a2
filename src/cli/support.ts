import type { Db } from 'mongodb';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigurationError, loadConfig, type AppConfig } from '../config/env.js';
import { connectDatabase, ensureCollections, type CollectionDefinition } from '../storage/database.js';

/**
 * Runs an administrator command against the configured database (MONGODB_URI, MONGODB_DB),
 * making sure the collections it uses exist (and their stored documents are migrated), and always
 * closes the connection.
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

/**
 * Parses a command's flags. Undefined (and the usage printed) when the command is done before it
 * starts: `--help` (exit 0) or a flag it does not know (exit 2, in `process.exitCode`).
 */
export function parseCommandLine<T extends ParseArgsConfig['options']>(argv: string[], options: T, usage: string): ReturnType<typeof parseArgs<{ args: string[]; options: T & { help: { type: 'boolean'; short: 'h' } } }>>['values'] | undefined {
  try {
    const { values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } } as T & { help: { type: 'boolean'; short: 'h' } } });
    if ((values as { help?: boolean }).help) {
      console.log(usage);
      process.exitCode = 0;
      return undefined;
    }
    return values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exitCode = 2;
    return undefined;
  }
}

/**
 * Runs a command's `main` only when its file is the one started (tests import its functions),
 * setting the exit code, with one Dutch line on failure and never a stack trace.
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
