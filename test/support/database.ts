import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connectDatabase, type Database } from '../../src/storage/database.js';

/** A database of its own for one test file (or test), so parallel workers never share state. */
export function testDatabaseName(): string {
  return `t_${process.env.VITEST_POOL_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
}

export function testMongoUri(): string {
  return inject('mongoUri');
}

export async function openTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const database = await connectDatabase({ uri: testMongoUri(), dbName: testDatabaseName() });
  return {
    ...database,
    async drop() {
      await database.db.dropDatabase().catch(() => undefined);
      await database.close();
    },
  };
}
