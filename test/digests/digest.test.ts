import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_BYTE_BUDGET, digestCards, digestFor, digestText, nextDigestPeriod, type DigestData } from '../../src/digests/index.js';
import { registerLinks } from '../../src/workflows.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { testMongoUri } from '../support/database.js';
import { cardText, decideGift, demoUsers, giftData, referenceOf, submitGift } from '../gifts/support.js';
import { execute, lynne, submitReport } from '../reports/support.js';
import { reportVerbs } from '../../src/reports/index.js';
import { UNDELIVERED } from '../../src/delivery/index.js';

const run = promisify(execFile);
const VELSEN_TENANT = 'c7e5a9d1-4f2b-4e8c-b6a3-2d1f0e9c3303';
const alex = { ...demoUsers.employee, tenantId: VELSEN_TENANT };
const adele = { ...demoUsers.hr, tenantId: VELSEN_TENANT };
const megan = { ...demoUsers.manager, tenantId: VELSEN_TENANT };
const day = 24 * 60 * 60_000;

let bot: TestBot;
const now = new Date('2026-03-16T08:00:00+01:00'); // the Monday the digest goes out
const giftReferences: string[] = [];
let reportReferences: string[] = [];

/** A record of a type another stream is building, as the STREAMS contract describes it. */
function record(type: string, fields: Record<string, unknown>) {
  const id = randomUUID();
  return { _id: id, schemaVersion: 1, type, orgId: 'velsen', year: 2026, sequence: 0, reference: `VEL-${type === 'report' ? 'M' : 'N'}-2026-${id.slice(0, 4)}`, idempotencyKey: id, owner: alex.aadObjectId, ownerLang: 'nl', state: 'awaiting_decision', assignees: [], version: 1, data: {}, route: [], step: null, participants: [], history: [], nextDueAt: null, createdAt: new Date(now.getTime() - 2 * day), updatedAt: now, closedAt: null, ...fields };
}

beforeAll(async () => {
  bot = await startTestBot({ now: new Date(now.getTime() - 3 * day) });
  for (const user of [alex, adele, megan]) await bot.send(bot.message('help', user));
  // Gifts through the real flow: three this week, one decided.
  for (const [description, value] of [['Kerstpakket', '35'], ['Dinerbon', '75,50'], ['Boek', '20']] as const) {
    const response = await submitGift(bot, alex, giftData({ description, valueEur: value }, bot.clock.now));
    giftReferences.push(referenceOf(response.body.value));
  }
  await bot.settle();
  const dinner = (await bot.app.database.db.collection('workflowRecords').findOne({ reference: giftReferences[1] }))!;
  await decideGift(bot, megan, String(dinner._id), 'hand_in');
  // Side jobs and financial interests as their modules store them.
  const records = [
    ...[1, 2, 3].map(() => record('sidejob', {})),
    record('sidejob', { createdAt: new Date(now.getTime() - 20 * day) }),
    ...[1, 2].map(() => record('sidejob', { state: 'approved', closedAt: new Date(now.getTime() - day) })),
    record('sidejob', { state: 'approved', closedAt: new Date(now.getTime() - 30 * day), createdAt: new Date(now.getTime() - 40 * day) }),
    record('finance', {}),
  ];
  await bot.app.database.db.collection('workflowRecords').insertMany(records as never[]);
  // Reports through the real flow: one from ten days ago never acknowledged (past the Wbk term);
  // this week seven about unwanted behaviour, acknowledged, and two suspected wrongdoings that
  // still wait for their acknowledgement (due within 14 days).
  const wrongdoing = { category: 'suspected_wrongdoing', subcategory: 'fraud', recipient: 'integrity_coordinator', managerInvolved: 'no' as const, identity: 'named' as const };
  const started = bot.clock.now;
  bot.clock.now = new Date(now.getTime() - 10 * day);
  const late = await submitReport(bot, alex, wrongdoing);
  bot.clock.now = started;
  const reports = [late];
  for (let index = 0; index < 7; index += 1) reports.push(await submitReport(bot, alex));
  for (const report of reports.slice(1)) await execute(bot, lynne, reportVerbs.acknowledge, { reportId: report.record._id });
  for (let index = 0; index < 2; index += 1) reports.push(await submitReport(bot, alex, wrongdoing));
  reportReferences = reports.map((report) => report.reference);
  // A message that could not be delivered (Megan blocked the bot) and one given up.
  await bot.app.database.db.collection(UNDELIVERED).insertMany([
    { _id: randomUUID() as never, message: { mode: 'send', to: megan.aadObjectId, key: 'k1', purpose: 'assigned', orgId: 'velsen', recordId: String(dinner._id), view: { recordId: String(dinner._id), reason: 'assigned', atVersion: 1 } }, status: 'undeliverable', attempts: 1, lease: 1, leaseUntil: null, nextAttemptAt: now, createdAt: new Date(now.getTime() - day), updatedAt: new Date(now.getTime() - day), lastError: '403', schemaVersion: 1 },
    { _id: randomUUID() as never, message: { mode: 'send', to: adele.aadObjectId, key: 'k2', purpose: 'assigned', orgId: 'velsen', recordId: late.record._id, view: { recordId: late.record._id, reason: 'assigned', atVersion: 1 } }, status: 'dead', attempts: 40, lease: 40, leaseUntil: null, nextAttemptAt: now, createdAt: new Date(now.getTime() - 2 * day), updatedAt: new Date(now.getTime() - day), lastError: '503', schemaVersion: 1 },
  ]);
  bot.clock.now = now;
});
afterAll(async () => bot?.close());

const organisation = async () => (await bot.app.services.directory.organisation('velsen'))!;
const digestNow = async () => digestFor({ db: bot.app.database.db, directory: bot.app.services.directory }, await organisation(), now);

describe('the weekly HR digest', () => {
  it('counts gifts with their total value, references and states; side jobs and financial interests', async () => {
    const digest = await digestNow();
    expect(digest.from).toEqual(new Date(now.getTime() - 7 * day));
    expect(digest.gifts).toMatchObject({ count: 3, totalValueEur: 130.5 });
    expect(digest.gifts.items.map((item) => `${item.reference}:${item.state}`)).toEqual([`${giftReferences[0]}:awaiting_decision`, `${giftReferences[1]}:handed_in`, `${giftReferences[2]}:awaiting_decision`]);
    expect(digest.sideJobs).toEqual({ new: 5, waiting: 1, decided: 2 });
    expect(digest.financialInterests).toEqual({ new: 1, waiting: 0, decided: 0 });
  });

  it('shows reports only as counts per category, under 5 as "< 5", with the Wbk deadlines', async () => {
    const digest = await digestNow();
    expect(digest.reports).toEqual({ total: 9, byCategory: [{ category: 'unwanted_behaviour', count: 7 }, { category: 'suspected_wrongdoing', count: 2 }], nearDeadline: 2, pastDeadline: 1 });
    const text = digestText(digest);
    expect(JSON.stringify(digestCards(digest, 'nl', [])[0])).toContain('{"title":"Vermoeden van een misstand","value":"< 5"}');
    // 9 in total and one category hidden: the other is hidden too, or 9 - 7 would give the 2 away.
    expect(text).toContain('Nieuw: 9');
    expect(text).toContain('Ongewenst gedrag: ≥ 5');
    expect(text).not.toContain('Ongewenst gedrag: 7');
    expect(text).toContain('Vermoeden van een misstand: < 5');
    expect(text).toContain('Binnen 14 dagen aan de Wbk-termijn: < 5');
    expect(text).toContain('Over de Wbk-termijn: < 5');
    for (const reference of reportReferences) expect(text).not.toContain(reference);
    expect(text).not.toContain('pesten');
  });

  it('lists undeliverable and dead-lettered messages, without the reference of a report', async () => {
    const digest = await digestNow();
    expect(digest.undeliverable).toMatchObject([{ recipient: 'Megan Bowen', reference: giftReferences[1], reason: '403' }]);
    expect(digest.deadLettered).toMatchObject([{ recipient: 'Adele Vance', reference: null, reason: '503' }]);
    const text = digestText(digest);
    expect(text).toContain(`Megan Bowen: ${giftReferences[1]} · geblokkeerd of app niet geïnstalleerd`);
    expect(text).toContain('Adele Vance: vertrouwelijk bericht · 503');
  });

  it('is one card within Teams’ size limit, split into parts with register buttons when it grows', async () => {
    const digest = await digestNow();
    const registers = registerLinks(bot.app.services.workflows.engine.types);
    const [card] = digestCards(digest, 'nl', registers);
    expect(digestCards(digest, 'nl', registers)).toHaveLength(1);
    // One button per register the organisation keeps: gifts, side jobs, financial interests and
    // reports (the server shows each register only to those allowed to read it).
    expect(card!.actions).toEqual([
      { type: 'Action.Execute', title: 'Cadeauregister', verb: 'records.register', data: { type: 'gift', page: 0 } },
      { type: 'Action.Execute', title: 'Register nevenwerkzaamheden', verb: 'records.register', data: { type: 'sidejob', page: 0 } },
      { type: 'Action.Execute', title: 'Register financiële belangen', verb: 'records.register', data: { type: 'finance', page: 0 } },
      { type: 'Action.Execute', title: 'Meldingenregister', verb: 'records.register', data: { type: 'report', page: 0 } },
    ]);
    const big: DigestData = { ...digest, gifts: { ...digest.gifts, count: 900, items: Array.from({ length: 900 }, (_, index) => ({ reference: `VEL-G-2026-${String(index).padStart(4, '0')}`, state: 'kept', valueEur: 12.5 })) } };
    const parts = digestCards(big, 'nl', registers);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(JSON.stringify(part), 'utf8')).toBeLessThanOrEqual(CARD_BYTE_BUDGET + 2048);
    expect(cardText(parts[0])).toContain(`deel 1 van ${parts.length}`);
    expect(parts.at(-1)!.actions).toHaveLength(4);
    expect(parts.slice(0, -1).every((part) => !part.actions)).toBe(true);
    const listed = parts.map((part) => cardText(part)).join('\n');
    for (const item of big.gifts.items) expect(listed).toContain(item.reference);
  });

  it('goes to HR on its schedule, and the next one starts where this one ended', async () => {
    await bot.app.scheduler.runNow('digest:velsen', now);
    await bot.settle();
    const digests = bot.connector.sentTo(bot.conversationOf(adele)).map((activity) => cardText(activity.attachments?.[0]?.content).replace(/\u00a0/g, ' ')).filter((text) => text.includes('Weekoverzicht integriteit Gemeente Velsen'));
    expect(digests).toHaveLength(1);
    expect(digests[0]).toContain('3 nieuwe meldingen, samen € 130,50.');
    expect(digests[0]).toContain('9 maart 2026 tot 16 maart 2026');
    // Megan is no HR: she gets no digest.
    expect(bot.connector.sentTo(bot.conversationOf(megan)).some((activity) => cardText(activity.attachments?.[0]?.content).includes('Weekoverzicht'))).toBe(false);
    expect(await nextDigestPeriod(bot.app.database.db, 'velsen', new Date(now.getTime() + 7 * day))).toEqual({ from: now, to: new Date(now.getTime() + 7 * day) });
  });

  it('prints a dry run with `npm run digest -- --org velsen --dry-run --json`, sending nothing', async () => {
    // Digest cards Teams received, once everything left in the outbox is delivered.
    const digestsDelivered = async () => {
      await bot.settle();
      return bot.connector.calls.filter((call) => call.method === 'POST' && cardText(call.activity.attachments?.[0]?.content).includes('Weekoverzicht')).length;
    };
    const sentBefore = await digestsDelivered();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/digest.ts', '--org', 'velsen', '--dry-run', '--json'], { env: { ...process.env, MONGODB_URI: testMongoUri(), MONGODB_DB: bot.app.database.db.databaseName } });
    const printed = JSON.parse(stdout) as DigestData & { references: string[] };
    // Since the digest just sent: nothing new in the (real-time) period after it.
    expect(new Date(printed.from)).toEqual(now);
    expect(printed.gifts.count).toBe(0);
    const { stdout: text } = await run(process.execPath, ['--import', 'tsx', 'src/cli/digest.ts', '--org', 'velsen', '--dry-run'], { env: { ...process.env, MONGODB_URI: testMongoUri(), MONGODB_DB: bot.app.database.db.databaseName } });
    expect(text).toContain('Weekoverzicht integriteit Gemeente Velsen');
    expect(await digestsDelivered()).toBe(sentBefore);
  });
});
