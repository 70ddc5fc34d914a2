import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActionActivity, giftForm, GIFT_REFERENCE, messageActivity } from '../../scripts/lib/bench/activities.js';
import { giftBurst } from '../../scripts/lib/bench/burst.js';
import { importBenchPeople, BENCH_ORG, type BenchPeople } from '../../scripts/lib/bench/people.js';
import { startBotProcess, type BotProcess } from '../../scripts/lib/bench/processes.js';
import { allCollections } from '../../src/app.js';
import { giftVerbs } from '../../src/gifts/cards.js';
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

  it('tells a manager on either instance what waits for them, right after a submission or decision on the other', async () => {
    const records = database.db.collection<{ _id: string; owner: string; assignees: string[]; closedAt: Date | null }>('workflowRecords');
    const post = async (url: string, activity: Record<string, unknown>) => {
      const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      expect(response.status).toBe(200);
      return response.text();
    };
    /** The count on the help card: "Er wacht 1 melding …", "Er wachten 3 meldingen …", or none. */
    const helpSays = async (url: string, manager: string) => {
      const answer = await post(url, messageActivity({ aadObjectId: manager }, connector.url, 'help'));
      return Number(/Er wacht(?:en)? (\d+) melding/.exec(answer)?.[1] ?? 0);
    };
    const waitingFor = (manager: string) => records.countDocuments({ assignees: manager, closedAt: null });
    const expectBothSay = async (manager: string, count: number) => {
      expect(await waitingFor(manager)).toBe(count);
      for (const bot of bots) expect(await helpSays(bot.url, manager)).toBe(count);
    };

    // After the burst: every manager with something waiting (the undecided gifts), as stored.
    const managers = [...new Set((await records.find({ closedAt: null }).toArray()).flatMap((record) => record.assignees))];
    expect(managers.length).toBeGreaterThan(0);
    for (const manager of managers) await expectBothSay(manager, await waitingFor(manager));

    // One more gift submitted on the first instance, seen on the second; decided on the second, seen on the first.
    const employee = people.employees[0]!;
    const before = await waitingFor(employee.manager);
    const submitted = await post(bots[0]!.url, cardActionActivity(employee, connector.url, giftVerbs.submit, giftForm(new Date())));
    expect(submitted).toMatch(GIFT_REFERENCE);
    expect(await helpSays(bots[1]!.url, employee.manager)).toBe(before + 1);
    const waiting = await records.find({ owner: employee.aadObjectId, assignees: employee.manager, closedAt: null }).toArray();
    await post(bots[1]!.url, cardActionActivity({ aadObjectId: employee.manager }, connector.url, giftVerbs.decide, { giftId: waiting.at(-1)!._id, decision: 'approve_keep' }));
    expect(await helpSays(bots[0]!.url, employee.manager)).toBe(before);
    await expectBothSay(employee.manager, before);
  }, 120_000);
});
