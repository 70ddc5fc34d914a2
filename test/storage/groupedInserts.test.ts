import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, isDuplicateKeyError, type Database } from '../../src/storage/database.js';
import { GroupedInserts } from '../../src/storage/groupedInserts.js';
import { testDatabaseName, testMongoUri } from '../support/database.js';

interface Entry {
  _id: string;
  n: number;
}

let database: Database;
const inserts: string[] = [];
beforeAll(async () => {
  database = await connectDatabase({ uri: testMongoUri(), dbName: testDatabaseName(), monitorCommands: true });
  database.client.on('commandStarted', (event) => {
    if (event.commandName === 'insert') inserts.push(String(event.command.insert));
  });
});
afterAll(async () => {
  await database.db.dropDatabase().catch(() => undefined);
  await database.close();
});

describe('GroupedInserts (group commit for concurrent inserts into one collection)', () => {
  it('sends what concurrent callers insert together, and a lone insert at once', async () => {
    const entries = database.db.collection<Entry>('grouped_together');
    const grouped = new GroupedInserts(entries);
    inserts.length = 0;
    await grouped.insert({ _id: 'alone', n: 0 });
    expect(inserts).toEqual(['grouped_together']);
    inserts.length = 0;
    await Promise.all(Array.from({ length: 30 }, (_, n) => grouped.insert({ _id: `burst-${n}`, n })));
    expect(inserts.length).toBeLessThanOrEqual(2);
    expect(await entries.countDocuments({})).toBe(31);
  });

  it('refuses a duplicate to its own caller only, with the server code, and stores the others once', async () => {
    const entries = database.db.collection<Entry>('grouped_refusals');
    await entries.insertOne({ _id: 'taken', n: 0 });
    const grouped = new GroupedInserts(entries);
    const outcomes = await Promise.allSettled(['a', 'taken', 'b', 'c'].map((id, n) => grouped.insert({ _id: id, n: n + 1 })));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(isDuplicateKeyError((outcomes[1] as PromiseRejectedResult).reason)).toBe(true);
    expect((await entries.find({}).sort({ _id: 1 }).toArray()).map((entry) => `${entry._id}:${entry.n}`)).toEqual(['a:1', 'b:3', 'c:4', 'taken:0']);
  });
});
