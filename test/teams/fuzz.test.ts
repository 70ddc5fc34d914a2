import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giftVerbs } from '../../src/gifts/cards.js';
import type { GiftRecord } from '../../src/gifts/index.js';
import { recordVerbs } from '../../src/workflow/index.js';
import { taskVerbs } from '../../src/teams/cards/welcome.js';
import { ConnectorServer } from '../support/connector.js';
import { demoUsers, startTestBot, UNKNOWN_TENANT, type TestBot } from '../support/bot.js';
import { EXCEPTION_TEXT, watchHealth } from '../support/edge.js';
import { giftData, submitGift } from '../gifts/support.js';

/**
 * Issue 7: a property-based fuzz of the HTTP endpoint. Activities and invoke values with wrong
 * types everywhere, missing fields, `$`-operator objects, huge and control-character strings,
 * unknown verbs and names and forged ids are posted; whatever comes in, the bot answers without
 * a 5xx, every invoke gets a non-empty body, no body carries exception text, nobody's stored
 * conversation reference or record changes but the sender's own, and /healthz keeps answering.
 * Deterministic: a fixed seed, so a failure is reproducible and CI sees the same inputs.
 */
const SEED = 20_260_310;
const RUNS = 1000;

let bot: TestBot;
let attacker: ConnectorServer;
/** Senders the fuzz may act as: strangers to the directory, so nobody else's data is theirs. */
const fuzzSenders = Array.from({ length: 5 }, (_, index) => `f0220000-0000-4000-8000-00000000000${index}`);
/** People whose stored state no fuzzed activity may touch. */
const protectedUsers = [demoUsers.manager, demoUsers.employee, demoUsers.hr];
let pendingGiftId: string;

beforeAll(async () => {
  bot = await startTestBot({ now: new Date('2026-03-10T10:00:00+01:00') });
  attacker = await new ConnectorServer().start();
  for (const user of protectedUsers) await bot.send(bot.message('help', user));
  const submitted = await submitGift(bot, demoUsers.employee, giftData({ valueEur: '75' }, bot.clock.now));
  const records = bot.app.database.db.collection<GiftRecord>('workflowRecords');
  pendingGiftId = (await records.findOne({ owner: demoUsers.employee.aadObjectId }))!._id;
  expect(submitted.status).toBe(200);
});
afterAll(async () => {
  await bot?.close();
  await attacker?.stop();
});

async function protectedState(): Promise<string> {
  const db = bot.app.database.db;
  const ids = protectedUsers.map((user) => user.aadObjectId);
  const references = await db.collection('conversationReferences').find({ _id: { $in: ids as never[] } }).sort({ _id: 1 }).toArray();
  const records = await db.collection('workflowRecords').find({ owner: { $in: ids } }).sort({ _id: 1 }).toArray();
  return JSON.stringify({ references, records });
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const controlString = fc.string({ unit: fc.integer({ min: 0, max: 0x9f }).map((code) => String.fromCharCode(code)), maxLength: 40 });
const huge = fc.constantFrom(20_000, 120_000, 300_000).chain((size) => fc.constantFrom('x', 'heb ', '\u001b[2J', '$', '{') .map((unit) => unit.repeat(Math.ceil(size / unit.length))));
const operator = fc.constantFrom<unknown>({ $regex: '^0000' }, { $ne: null }, { $gt: '' }, { $where: 'sleep(1000)' }, { $in: [demoUsers.manager.aadObjectId] });
const junk = fc.oneof(
  { depthSize: 'small' },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  controlString,
  operator,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({}),
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
);
const sometimes = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined, freq: 4 });

const senderId = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...fuzzSenders) },
  { weight: 1, arbitrary: fc.constantFrom(...fuzzSenders).map((id) => id.toUpperCase()) },
  { weight: 1, arbitrary: fc.constantFrom(...protectedUsers).map((user) => `${user.aadObjectId}\u0000`) },
  { weight: 3, arbitrary: junk },
  { weight: 1, arbitrary: huge },
);

const verb = fc.oneof(fc.constantFrom<unknown>(...Object.values(giftVerbs), ...Object.values(recordVerbs), ...Object.values(taskVerbs), 'organisation.choose', 'no.such.verb'), junk);
const cardData = fc.oneof(
  fc.constant(undefined).map(() => giftData({}, bot.clock.now)),
  fc.record({ giftId: fc.oneof(fc.constant(undefined).map(() => pendingGiftId), junk), decision: fc.oneof(fc.constantFrom('approve_keep', 'hand_in', 'return_to_sender'), junk) }),
  fc.record({ type: fc.oneof(fc.constant('gift'), junk), page: fc.oneof(fc.nat(), junk) }),
  fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('$set', 'owner', 'formId', 'description', '__proto__', 'a.b')), junk, { maxKeys: 5 }),
  junk,
);
const invokeValue = fc.oneof(
  fc.record({ action: fc.record({ type: fc.oneof(fc.constantFrom('Action.Execute', 'Action.Submit'), junk), verb, data: cardData }, { requiredKeys: [] }), trigger: sometimes(fc.constant('manual')) }),
  fc.record({ actionName: fc.oneof(fc.constant('feedback'), junk), actionValue: fc.record({ reaction: fc.oneof(fc.constantFrom('like', 'dislike'), junk), feedback: fc.oneof(fc.string(), junk) }) }),
  junk,
);

/** A plausible activity: every field of a shape the bot knows, with values that vary. */
const plausible = fc.record(
  {
    type: fc.constantFrom('message', 'message', 'invoke', 'invoke', 'conversationUpdate', 'installationUpdate', 'event', 'typing', 'messageReaction'),
    id: fc.uuid(),
    name: fc.constantFrom('adaptiveCard/action', 'adaptiveCard/action', 'message/submitAction', 'task/fetch', 'composeExtension/query', 'signin/verifyState', 'no/such/invoke'),
    channelId: fc.constant('msteams'),
    serviceUrl: fc.constantFrom('connector', 'connector', 'connector', 'attacker'),
    locale: fc.constantFrom('nl-NL', 'en-US', 'en-GB', 'fr-FR'),
    from: fc.record({ id: fc.constant('29:fuzz'), name: sometimes(fc.oneof(fc.string({ maxLength: 20 }), controlString)), aadObjectId: fc.constantFrom(...fuzzSenders) }, { requiredKeys: ['id', 'aadObjectId'] }),
    recipient: fc.constant({ id: '28:integriteitsassistent' }),
    conversation: fc.record({ id: fc.constant('a:fuzz'), conversationType: fc.constantFrom('personal', 'personal', 'groupChat', 'channel'), tenantId: sometimes(fc.constant(UNKNOWN_TENANT)) }, { requiredKeys: ['id'] }),
    channelData: fc.constant({ tenant: { id: UNKNOWN_TENANT } }),
    text: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('help', 'mijn meldingen', 'openstaand', 'cadeau melden', 'cadeauregister', 'ik heb een kerstpakket gekregen', 'Mag ik een etentje aannemen?', 'nevenwerkzaamheid melden') },
      { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
      { weight: 1, arbitrary: controlString },
    ),
    value: invokeValue,
    replyToId: fc.constant('card-fuzz'),
    deliveryMode: fc.constantFrom('expectReplies', 'expectReplies', 'expectReplies', 'normal'),
    membersAdded: fc.constant([{ id: '28:integriteitsassistent' }]),
    timestamp: fc.constant('2026-03-10T09:00:00.000Z'),
    entities: fc.oneof(
      { weight: 6, arbitrary: fc.constant([{ type: 'clientInfo', locale: 'nl-NL', platform: 'Web' }]) },
      { weight: 3, arbitrary: fc.constant([{ type: 'mention', text: '<at>Integriteitsassistent</at>', mentioned: { id: '28:integriteitsassistent', name: 'Integriteitsassistent' } }]) },
      { weight: 1, arbitrary: fc.constantFrom<unknown[]>([{ type: 'mention', text: '<at>x</at>' }], [{ type: 'mention', mentioned: { id: '28:integriteitsassistent' } }]) },
    ),
  },
  { requiredKeys: ['type', 'id', 'channelId', 'serviceUrl', 'from', 'recipient', 'conversation', 'locale', 'deliveryMode'] },
);

type Path = readonly string[];
const mutablePaths: Path[] = [
  ['type'], ['id'], ['name'], ['entities'], ['channelId'], ['serviceUrl'], ['locale'], ['text'], ['value'], ['replyToId'], ['deliveryMode'], ['membersAdded'], ['timestamp'], ['channelData'],
  ['from'], ['from', 'id'], ['from', 'aadObjectId'], ['from', 'name'], ['recipient'], ['conversation'], ['conversation', 'id'], ['conversation', 'conversationType'], ['conversation', 'tenantId'], ['channelData', 'tenant', 'id'],
  ['value', 'action', 'verb'], ['value', 'action', 'type'], ['value', 'action', 'data'],
];
const mutation = fc.record({
  path: fc.constantFrom(...mutablePaths),
  value: fc.oneof(
    { weight: 4, arbitrary: junk },
    { weight: 1, arbitrary: huge },
    { weight: 1, arbitrary: senderId },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('https://attacker.example/', 'javascript:alert(1)', 'http://user:pw@127.0.0.1/') },
  ),
});

/** A plausible activity with none, one or two fields replaced by something wrong, plus stray fields. */
const activity = fc.record({
  base: plausible,
  mutations: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 2 }) }),
  extra: fc.option(fc.dictionary(fc.string({ maxLength: 10 }), junk, { maxKeys: 3 }), { nil: undefined, freq: 5 }),
});

function setPath(target: Record<string, unknown>, path: Path, value: unknown): void {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!next || typeof next !== 'object' || Array.isArray(next)) return;
    node = next as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

function toBody(generated: { base: Record<string, unknown>; mutations: { path: Path; value: unknown }[]; extra?: Record<string, unknown> }): Record<string, unknown> {
  const body: Record<string, unknown> = structuredClone({ ...(generated.extra ?? {}), ...generated.base });
  body.serviceUrl = body.serviceUrl === 'connector' ? bot.connector.url : body.serviceUrl === 'attacker' ? attacker.url : body.serviceUrl;
  for (const { path, value } of generated.mutations) setPath(body, path, value);
  return body;
}

describe('fuzzed activities through the HTTP endpoint', () => {
  it(`answers ${RUNS} generated activities without a 5xx or exception text, changing only the sender's own data`, async () => {
    const before = await protectedState();
    const watcher = watchHealth(bot, 100);
    let health: number[] = [];
    let invokes = 0;
    const statuses: Record<number, number> = {};
    try {
      await fc.assert(
        fc.asyncProperty(activity, async (generated) => {
          const body = toBody(generated as Parameters<typeof toBody>[0]);
          const response = await bot.post(body as never);
          const text = await response.text();
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          expect(response.status, text.slice(0, 200)).toBeLessThan(500);
          expect(text, text.slice(0, 200)).not.toMatch(EXCEPTION_TEXT);
          if (body.type === 'invoke') {
            invokes += 1;
            expect(text.length, `invoke answered ${response.status} with an empty body`).toBeGreaterThan(0);
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    } finally {
      health = await watcher.stop();
    }
    expect(invokes).toBeGreaterThan(50);
    // Both sides were exercised: activities refused at the edge and activities that reached the handlers.
    expect(statuses[200] ?? 0, JSON.stringify(statuses)).toBeGreaterThan(RUNS * 0.3);
    expect((statuses[400] ?? 0) + (statuses[403] ?? 0) + (statuses[413] ?? 0), JSON.stringify(statuses)).toBeGreaterThan(RUNS * 0.2);
    expect(await protectedState()).toBe(before);
    // Every stored reference belongs to someone who sent an activity as themselves.
    const references = await bot.app.database.db.collection('conversationReferences').find({}).toArray();
    const allowed = new Set([...protectedUsers.map((user) => user.aadObjectId), ...fuzzSenders]);
    for (const reference of references) expect(allowed.has(reference._id as unknown as string), String(reference._id)).toBe(true);
    expect(health.length).toBeGreaterThan(5);
    expect(Math.max(...health)).toBeLessThan(1000);
  }, 180_000);
});
