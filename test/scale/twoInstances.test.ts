import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giftBurst } from '../../scripts/lib/bench/burst.js';
import { importBenchPeople, BENCH_ORG, type BenchPeople } from '../../scripts/lib/bench/people.js';
import { startBotProcess, type BotProcess } from '../../scripts/lib/bench/processes.js';
import { allCollections } from '../../src/app.js';
import { connectDatabase, ensureCollections, type Database } from '../../src/storage/database.js';
import { ConnectorServer } from '../support/connector.js';
import { testDatabaseName, testMongoUri } from '../support/database.js';

/**
 * Two real bot processes (src/index.ts, as `npm start` runs it) on one database behind one
 * connector, as several App Service instances on one Atlas or Cosmos DB database: nothing that
 * one instance needs may live only in the other's memory. Requests alternate between them.
 */
describe('two bot instances on one database', () => {
  const dbName = testDatabaseName();
  const connector = new ConnectorServer();
  let database: Database;
  let people: BenchPeople;
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    await connector.start();
    database = await connectDatabase({ uri: testMongoUri(), dbName });
    await ensureCollections(database.db, allCollections);
    people = await importBenchPeople(database.db, 40);
    const env = { MONGODB_URI: testMongoUri(), MONGODB_DB: dbName, DEFAULT_ORG: BENCH_ORG, SEED_DEMO_DATA: 'false' };
    // Started together, as a scale-out starts them: creating collections and indexes at once is safe.
    bots.push(...(await Promise.all([startBotProcess(env), startBotProcess(env)])));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(bots.map((bot) => bot.stop()));
    await database?.db.dropDatabase().catch(() => undefined);
    await database?.close();
    await connector.stop();
  });

  it('makes one record per form, one winner per decision, and sends every card and notice once', async () => {
    const report = await giftBurst({
      urls: bots.map((bot) => bot.url),
      connector,
      db: database.db,
      people,
      submissions: 16,
      doubleClicks: 8,
      decisions: 8,
    });
    expect(report).toMatchObject({
      instances: 2,
      failedAnswers: 0,
      forms: 24,
      records: 24,
      doubleClickMismatches: 0,
      gaplessNumbers: true,
      decided: 8,
      decisionsWithoutOneWinner: 0,
      managerCardsNotOnce: 0,
      ownerNoticesNotOnce: 0,
    });
    // Not vacuous: the cards and notices were really sent, by both instances' workers together.
    expect(connector.calls.filter((call) => call.method === 'POST').length).toBe(24 + 8);
  }, 240_000);
});
