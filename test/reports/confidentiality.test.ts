import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportVerbs, type ReportRecord } from '../../src/reports/index.js';
import { startTestBot, visibleText, type TestBot, type TestUser } from '../support/bot.js';
import { adele, alex, cardInvoke, execute, isaiah, lynne, megan, patti, proactiveTexts, reportData, sanne } from './support.js';

/**
 * Who can read what of a confidential report, through the bot's HTTP endpoint: every way in
 * (opening it, the lists, the register, each card verb with the report's id) for every kind of
 * person; then every collection dumped raw, and the logs.
 */
const SECRET = {
  description: 'Geheim-7731: de teamleider scheldt mij uit bij het koffieapparaat',
  question: 'Vraag-4412: wie was er nog meer bij?',
  answer: 'Antwoord-9980: alleen de stagiair',
  feedback: 'Terugkoppeling-5521: er is een gesprek gevoerd',
};
const SUBMIT_CARD = 'card-alex-submit-4711';

const people = { reporter: alex, recipient: lynne, deputy: patti, manager: megan, hrAndCoordinator: adele, colleague: sanne, seniorManager: isaiah } satisfies Record<string, TestUser>;
type Role = keyof typeof people;

let bot: TestBot;
let record: ReportRecord;
const logLines: string[] = [];
/** Everything each person was shown: answers to what they did, and messages the bot sent them. */
const seen = new Map<Role, string[]>();

beforeAll(async () => {
  bot = await startTestBot({ now: new Date('2026-03-10T10:00:00+01:00'), env: { LOG_LEVEL: 'info' }, logLines });
  for (const user of Object.values(people)) await bot.send(bot.message('help', user));
  const submitted = await bot.invoke(cardInvoke(bot, alex, reportVerbs.submit, reportData({ description: SECRET.description }), SUBMIT_CARD));
  expect(submitted.status).toBe(200);
  await bot.settle();
  record = (await bot.app.database.db.collection<ReportRecord>('workflowRecords').findOne({ type: 'report' }))!;
  await execute(bot, lynne, reportVerbs.acknowledge, { reportId: record._id });
  await execute(bot, lynne, reportVerbs.message, { reportId: record._id, message: SECRET.question });
  await execute(bot, alex, reportVerbs.reply, { reportId: record._id, reply: SECRET.answer });
  await execute(bot, lynne, reportVerbs.deputy, { reportId: record._id, deputy: patti.aadObjectId });
  await execute(bot, patti, reportVerbs.feedback, { reportId: record._id, feedback: SECRET.feedback });
  await bot.settle();

  for (const [role, user] of Object.entries(people) as [Role, TestUser][]) {
    const texts: string[] = [];
    const send = async (value: Record<string, unknown> | string) =>
      texts.push(visibleText(await bot.send(typeof value === 'string' ? bot.message(value, user) : { ...bot.message('', user), text: undefined, value })));
    await send({ verb: 'records.open', recordId: record._id });
    await send('mijn meldingen');
    await send('openstaand');
    await send('meldingenregister');
    const register = await bot.invoke(cardInvoke(bot, user, 'records.register', { type: 'report', page: 0 }));
    texts.push(JSON.stringify(register.body));
    // Every card verb with the report's id; none of these may change anything for someone without a say.
    for (const [verb, data] of [
      [reportVerbs.acknowledge, { reportId: record._id }],
      [reportVerbs.message, { reportId: record._id, message: '' }],
      [reportVerbs.feedback, { reportId: record._id, feedback: '' }],
      [reportVerbs.reply, { reportId: record._id, reply: '' }],
      [reportVerbs.deputy, { reportId: record._id, deputy: 'nobody' }],
    ] as const) {
      const response = await bot.invoke(cardInvoke(bot, user, verb, data));
      texts.push(typeof response.body?.value === 'string' ? response.body.value : visibleText([{ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: response.body?.value }] }]));
    }
    seen.set(role, texts);
  }
  await bot.settle();
  for (const [role, user] of Object.entries(people) as [Role, TestUser][]) seen.get(role)!.push(...proactiveTexts(bot, user));
});
afterAll(async () => bot?.close());

const whoSaw = (needle: string) => (Object.keys(people) as Role[]).filter((role) => seen.get(role)!.some((text) => text.includes(needle))).sort();

describe('the access matrix', () => {
  it('shows the description only to the recipient and the deputy', () => {
    expect(whoSaw(SECRET.description)).toEqual(['deputy', 'recipient']);
  });

  it('shows the messages only to the reporter, the recipient and the deputy', () => {
    for (const message of [SECRET.question, SECRET.answer, SECRET.feedback]) expect(whoSaw(message), message).toEqual(['deputy', 'recipient', 'reporter']);
  });

  it('never shows a confidential reporter to anyone but the recipient', () => {
    expect(whoSaw('Alex Wilber')).toEqual(['recipient']);
    expect(whoSaw('alexw@velsen.example')).toEqual(['recipient']);
  });

  it('lets only the reporter, the handlers and the register readers (metadata only) know the report exists', () => {
    expect(whoSaw(record.reference)).toEqual(['deputy', 'hrAndCoordinator', 'recipient', 'reporter']);
    const register = seen.get('hrAndCoordinator')!.join('\n');
    expect(register).toContain('Meldingenregister');
    expect(register).toContain('Ongewenst gedrag · Pesten');
    for (const secret of Object.values(SECRET)) expect(register).not.toContain(secret);
  });

  it('never reaches the manager who is involved, and changed nothing for anyone without a say', async () => {
    expect(proactiveTexts(bot, megan).join('\n')).not.toContain(record.reference);
    const stored = (await bot.app.database.db.collection<ReportRecord>('workflowRecords').findOne({ _id: record._id }))!;
    expect(stored.history.map((entry) => entry.action)).toEqual(['acknowledge', 'message', 'reply', 'add_deputy', 'feedback']);
    expect(stored.assignees).toEqual([lynne.aadObjectId, patti.aadObjectId]);
    for (const role of ['manager', 'hrAndCoordinator', 'colleague', 'seniorManager'] as const) {
      expect(seen.get(role)!.filter((text) => /Deze melding kan ik niet vinden, of je mag hem niet zien\./.test(text)).length, role).toBeGreaterThanOrEqual(6);
    }
  });
});

describe('at rest', () => {
  it('holds no plaintext description, message or confidential identity in any collection, and nothing ties the reporter to the report', async () => {
    const db = bot.app.database.db;
    const dump: { collection: string; json: string }[] = [];
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      for (const document of await db.collection(name).find().toArray()) dump.push({ collection: name, json: JSON.stringify(document) });
    }
    expect(dump.length).toBeGreaterThan(20);
    const everything = dump.map((entry) => entry.json).join('\n');
    for (const secret of Object.values(SECRET)) expect(everything).not.toContain(secret.slice(0, 20));

    const alexConversation = bot.conversationOf(alex);
    const alexActivityIds = bot.connector.calls.filter((call) => call.conversationId === alexConversation).map((call) => call.activityId!);
    expect(alexActivityIds.length).toBeGreaterThan(3);
    const aboutTheReport = [record._id, record.reference, record.owner, record.data.vaultId];
    const leadsToAlex = [alex.aadObjectId, 'alexw@velsen.example', 'Alex Wilber', alexConversation, SUBMIT_CARD, ...alexActivityIds.map((id) => `"${id}"`)];
    const linked = dump.filter((entry) => aboutTheReport.some((marker) => entry.json.includes(marker)) && leadsToAlex.some((marker) => entry.json.includes(marker)));
    expect(linked.map((entry) => `${entry.collection}: ${entry.json.slice(0, 200)}`)).toEqual([]);
    // The places that do name Alex (directory, his conversation) say nothing about the report.
    expect(dump.some((entry) => entry.collection === 'conversationReferences' && entry.json.includes(alex.aadObjectId))).toBe(true);
    expect(dump.filter((entry) => entry.collection === 'deliveries').map((entry) => JSON.parse(entry.json).to)).not.toContain(record.owner);
  });

  it('keeps message text, names and the pseudonym out of the logs', () => {
    const output = logLines.join('');
    expect(output).toContain('"event":"report.submitted"');
    for (const forbidden of [...Object.values(SECRET).map((secret) => secret.slice(0, 20)), 'Alex Wilber', 'alexw@', 'Lynne Robbins', alex.aadObjectId, record.owner, record.data.vaultId]) {
      expect(output, forbidden).not.toContain(forbidden);
    }
  });
});
