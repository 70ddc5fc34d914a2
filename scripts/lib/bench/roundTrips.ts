import type { CommandStartedEvent, Db } from 'mongodb';
import { startApp, type RunningApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config/env.js';
import { giftVerbs } from '../../../src/gifts/cards.js';
import { createLogger } from '../../../src/logging/logger.js';
import { connectDatabase } from '../../../src/storage/database.js';
import { ConnectorServer } from '../../../test/support/connector.js';
import { cardActionActivity, DUTCH_QUESTION, giftForm, GIFT_REFERENCE, messageActivity, type BenchUser } from './activities.js';
import { BENCH_ORG, type BenchPeople } from './people.js';

/** Round trips of one turn: how many commands, how many of them write, and which. */
export interface TurnRoundTrips {
  roundTrips: number;
  writes: number;
  /** `<command> <collection>` → count, e.g. `find people: 1`. */
  commands: Record<string, number>;
  /**
   * Commands whose filter is not a single `_id` value, by `<command> <collection> {fields}`.
   * FerretDB's SQLite handler pushes only `{_id: …}` down to SQLite and reads every document of
   * the collection for anything else, so on this server a scan's cost grows with the collection.
   */
  scans: Record<string, number>;
}

export interface RoundTripReport {
  /** A knowledge question from someone who asked before: the steady state of a busy bot. */
  question: TurnRoundTrips;
  /** The first question of a person the bot has not seen in this process (cold caches, new reference). */
  questionFirstTurn: TurnRoundTrips;
  help: TurnRoundTrips;
  /** A valid gift form: validation, advice, record, audit, reference number, outbox entries. */
  giftSubmit: TurnRoundTrips;
  /** The manager's decision on a waiting gift. */
  decide: TurnRoundTrips;
  /** What the delivery worker does afterwards for one submission (the manager's card), outside anyone's turn. */
  deliveryPerSubmission: TurnRoundTrips;
}

const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);
/** Repetitions per turn type; the counts are deterministic, the median guards against a stray timer. */
const REPEAT = 5;

/**
 * Counts database round trips per turn type with the driver's command monitoring, in a bot of
 * its own in this process. The delivery worker is stopped while turns are counted, so only the
 * turn's own commands are seen; its work is counted separately afterwards.
 */
export async function measureRoundTrips(options: { mongoUri: string; dbName: string; people: BenchPeople }): Promise<RoundTripReport> {
  const connector = await new ConnectorServer().start();
  const config = loadConfig({ PORT: '0', MONGODB_URI: options.mongoUri, MONGODB_DB: options.dbName, DEFAULT_ORG: BENCH_ORG, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
  // Schedules stay still: their look-ups would be counted as the turn's.
  const app = await startApp({ config, logger: createLogger('silent'), host: '127.0.0.1', monitorCommands: true, runSchedules: false });
  // The bench's own look-ups go through a connection of their own, so they are never counted.
  const look = await connectDatabase({ uri: options.mongoUri, dbName: options.dbName });
  const seen: CommandStartedEvent[] = [];
  app.database.client.on('commandStarted', (event) => seen.push(event));
  const endpoint = `${app.http.url}/api/messages`;
  const post = async (activity: Record<string, unknown>) => {
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`bench turn answered ${response.status}`);
    return text;
  };
  const counted = async (turn: () => Promise<unknown>): Promise<TurnRoundTrips> => {
    seen.length = 0;
    await turn();
    return summarise(seen);
  };
  const repeated = async (turn: () => Promise<unknown>): Promise<TurnRoundTrips> => {
    const runs: TurnRoundTrips[] = [];
    for (let i = 0; i < REPEAT; i += 1) runs.push(await counted(turn));
    return median(runs);
  };

  const [employee, second] = options.people.employees;
  if (!employee || !second) throw new Error('the bench needs at least three employees');
  const manager: BenchUser = { aadObjectId: employee.manager };
  const url = connector.url;
  try {
    await app.delivery.stop();
    // Every person has talked to the bot before: the steady state, not first contact.
    for (const user of [employee, manager]) {
      await post(messageActivity(user, url, 'help'));
      await post(messageActivity(user, url, DUTCH_QUESTION));
    }
    const questionFirstTurn = await counted(() => post(messageActivity(second, url, DUTCH_QUESTION)));
    const question = await repeated(() => post(messageActivity(employee, url, DUTCH_QUESTION)));
    const help = await repeated(() => post(messageActivity(employee, url, 'help')));

    const submit = async () => {
      const body = await post(cardActionActivity(employee, url, giftVerbs.submit, giftForm(new Date())));
      if (!GIFT_REFERENCE.test(body)) throw new Error('a bench gift submission was not recorded');
      return body;
    };
    await submit();
    const giftSubmit = await repeated(submit);

    const decideOne = async () => {
      const recordId = await waitingGiftOf(look.db, employee.aadObjectId);
      await post(cardActionActivity(manager, url, giftVerbs.decide, { giftId: recordId, decision: 'approve_keep' }));
    };
    // Records to decide on, submitted outside the counted turns.
    for (let i = 0; i < REPEAT + 1; i += 1) await submit();
    await decideOne();
    const decide = await repeated(decideOne);

    // The worker's share: a fresh submission, then everything it causes until the outbox is empty.
    await drainOutbox(app, look.db);
    await submit();
    seen.length = 0;
    await drainOutbox(app, look.db);
    const deliveryPerSubmission = summarise(seen);
    return { question, questionFirstTurn, help, giftSubmit, decide, deliveryPerSubmission };
  } finally {
    await look.close();
    await app.stop();
    await connector.stop();
  }
}

async function waitingGiftOf(db: Db, owner: string): Promise<string> {
  const record = await db.collection<{ _id: string }>('workflowRecords').findOne({ owner, type: 'gift', closedAt: null }, { sort: { createdAt: 1 }, projection: { _id: 1 } });
  if (!record) throw new Error('no waiting gift to decide on');
  return record._id;
}

/**
 * Runs the delivery worker until nothing is pending (the bench's connector answers at once), then
 * stops it again. Messages to one conversation are paced below Teams' limits, so the bench's
 * repeated submissions to the same two people take a while to go out: the bound is in time.
 */
async function drainOutbox(app: RunningApp, db: Db): Promise<void> {
  const outbox = db.collection('outbox');
  app.delivery.start();
  const deadline = Date.now() + 180_000;
  try {
    while (Date.now() < deadline) {
      await app.delivery.idle();
      if ((await outbox.countDocuments({ status: 'pending' })) === 0) return;
      app.delivery.kick();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the outbox did not drain');
  } finally {
    await app.delivery.stop();
  }
}

function summarise(events: CommandStartedEvent[]): TurnRoundTrips {
  const commands: Record<string, number> = {};
  const scans: Record<string, number> = {};
  let writes = 0;
  for (const event of events) {
    const target = event.command[event.commandName];
    const key = typeof target === 'string' ? `${event.commandName} ${target}` : event.commandName;
    commands[key] = (commands[key] ?? 0) + 1;
    if (WRITES.has(event.commandName)) writes += 1;
    for (const filter of filtersOf(event)) {
      if (isIdLookup(filter)) continue;
      const shape = `${key} {${Object.keys(filter).sort().join(',')}}`;
      scans[shape] = (scans[shape] ?? 0) + 1;
    }
  }
  return { roundTrips: events.length, writes, commands: sortedKeys(commands), scans: sortedKeys(scans) };
}

function sortedKeys(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** The filters a command selects documents by; inserts select none. */
function filtersOf(event: CommandStartedEvent): Array<Record<string, unknown>> {
  const command = event.command as Record<string, unknown>;
  const asFilter = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  switch (event.commandName) {
    case 'find':
      return [asFilter(command.filter)];
    case 'count':
    case 'findAndModify':
      return [asFilter(command.query)];
    case 'update':
    case 'delete':
      return ((command.updates ?? command.deletes) as Array<{ q?: unknown }>).map((statement) => asFilter(statement.q));
    case 'aggregate': {
      const first = (command.pipeline as Array<Record<string, unknown>>)[0];
      return [asFilter(first?.$match)];
    }
    default:
      return [];
  }
}

function isIdLookup(filter: Record<string, unknown>): boolean {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return false;
  const id = filter._id;
  return typeof id === 'string' || typeof id === 'number' || (typeof id === 'object' && id !== null && !('$in' in id) && !Object.keys(id).some((k) => k.startsWith('$')));
}

function median(runs: TurnRoundTrips[]): TurnRoundTrips {
  return [...runs].sort((a, b) => a.roundTrips - b.roundTrips)[Math.floor(runs.length / 2)]!;
}
