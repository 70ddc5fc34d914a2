import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinanceRecord } from '../../src/finance/index.js';
import { loadAllFinanceSettings } from '../../src/finance/index.js';
import { loadOrganisationFiles } from '../../src/directory/organisations.js';
import { loadBuiltInKnowledgeBase } from '../../src/knowledge/index.js';
import { startTestBot, visibleText, type TestBot, type TestUser } from '../support/bot.js';
import { runCommand } from '../support/cli.js';
import { cardInvoke, cardText, expectValidCard, findById } from '../gifts/support.js';

const alex: TestUser = { aadObjectId: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' };
const megan: TestUser = { aadObjectId: '00000000-0000-0000-0000-0000000000021', name: 'Megan Bowen' };
const adele: TestUser = { aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' }; // hr + integrity coordinator
const hasan: TestUser = { aadObjectId: 'c3000000-0000-4000-8000-000000000003', name: 'Hasan Yilmaz' }; // Inkoopadviseur, designated
const anouk: TestUser = { aadObjectId: 'a1000000-0000-4000-8000-000000000010', name: 'Anouk Smit' }; // Heemskerk Inkoopadviseur, designated
const gerrit: TestUser = { aadObjectId: 'a1000000-0000-4000-8000-000000000007', name: 'Gerrit Postma' }; // Heemskerk integrity coordinator
const evelien: TestUser = { aadObjectId: 'a1000000-0000-4000-8000-000000000006', name: 'Evelien Kok' }; // Heemskerk HR

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ now: new Date('2026-03-10T10:00:00+01:00') });
  for (const user of [alex, megan, adele, hasan, anouk, gerrit, evelien]) await bot.send(bot.message('help', user));
});
afterAll(async () => bot?.close());

const records = () => bot.app.database.db.collection<FinanceRecord>('workflowRecords');
const noticeData = (overrides: Record<string, unknown> = {}) => ({
  formId: randomUUID(),
  kind: 'shares_or_securities',
  description: 'Aandelen Bouwgroep Kennemerland NV',
  relationToOwnWork: 'Ik beoordeel offertes van aannemers, waaronder soms deze bouwgroep.',
  acquiredOn: '2024-05-01',
  ...overrides,
});
const invoke = async (user: TestUser, verb: string, data: Record<string, unknown>) => {
  const response = await bot.invoke(cardInvoke(bot, user, verb, data));
  expect(response.status).toBe(200);
  if (response.body.type === 'application/vnd.microsoft.card.adaptive') expectValidCard(response.body.value);
  return response.body as { type: string; value: any };
};
const referenceOf = (card: unknown) => /\b[A-Z]{2,5}-F-\d{4}-\d{4}\b/.exec(cardText(card))![0];
const cardsIn = (user: TestUser) => bot.connector.sentTo(bot.conversationOf(user)).map((activity) => activity.attachments?.[0]?.content).filter(Boolean);

describe('who may report', () => {
  it('explains to someone in an undesignated function that it does not apply, by command and by card', async () => {
    const replies = await bot.send(bot.message('financieel belang melden', alex));
    expect(visibleText(replies)).toContain('geldt alleen voor functies die de gemeente Velsen daarvoor heeft aangewezen');
    expect(JSON.stringify(replies)).not.toContain('"id":"description"');
    const before = await records().countDocuments({ type: 'finance' });
    const submitted = await invoke(alex, 'finance.submit', noticeData());
    expect(submitted.value).toContain('Jouw functie is niet aangewezen');
    expect(await records().countDocuments({ type: 'finance' })).toBe(before);
  });

  it('gives a designated person the form with the issue’s input ids and the duty with its sections', async () => {
    const replies = await bot.send(bot.message('financieel belang melden', hasan));
    const card = replies[0]!.attachments![0]!.content;
    expectValidCard(card);
    const ids = card.body.filter((element: any) => element.type?.startsWith('Input.')).map((element: any) => element.id);
    expect(ids).toEqual(['kind', 'description', 'relationToOwnWork', 'acquiredOn']);
    expect(card.actions[0]).toMatchObject({ verb: 'finance.submit' });
    expect(cardText(card)).toContain('meldplicht voor financiële belangen');
  });
});

describe('a notice and its registration', () => {
  it('keeps what was typed on a wrong field, then routes the notice to the integrity coordinator, who records measures', async () => {
    const typed = noticeData({ acquiredOn: '2026-12-01', description: 'Aandelen Bouwgroep' });
    const wrong = await invoke(hasan, 'finance.submit', typed);
    expect(findById(wrong.value, 'acquiredOnError')?.text).toBe('De datum mag niet in de toekomst liggen.');
    expect(findById(wrong.value, 'description')?.value).toBe('Aandelen Bouwgroep');

    const submitted = await invoke(hasan, 'finance.submit', noticeData());
    const reference = referenceOf(submitted.value);
    expect(reference).toBe('VEL-F-2026-0001');
    expect(findById(submitted.value, 'status')?.text).toBe('Status: in behandeling, bij Adele Vance.');
    const knowledge = loadBuiltInKnowledgeBase();
    expect(cardText(submitted.value)).toContain(knowledge.section('velsen-gedragscode', 'Artikel 8 lid 1')!.quote);
    await bot.settle();
    const record = (await records().findOne({ reference }))!;
    expect(record.assignees).toEqual([adele.aadObjectId]);
    const recipientCard = cardsIn(adele).filter((card) => cardText(card).includes(reference)).at(-1);
    expect(recipientCard.actions.map((action: any) => action.verb)).toEqual(['finance.decide']);

    expect((await invoke(megan, 'finance.decide', { recordId: record._id, decision: 'noted', measures: '', comment: '' })).value).toContain('niet bevoegd');
    const noMeasures = await invoke(adele, 'finance.decide', { recordId: record._id, decision: 'measures_agreed', measures: '', comment: 'Besproken' });
    expect(findById(noMeasures.value, 'measuresError')?.text).toBe('Schrijf op welke maatregelen zijn afgesproken.');
    expect(findById(noMeasures.value, 'comment')?.value).toBe('Besproken');
    const measures = 'Hasan beoordeelt geen offertes van Bouwgroep Kennemerland; zijn collega neemt die over.';
    const decided = await invoke(adele, 'finance.decide', { recordId: record._id, decision: 'measures_agreed', measures, comment: '' });
    expect(findById(decided.value, 'decision')?.text).toContain('Vastgelegd: Maatregelen afgesproken, door Adele Vance op 10 maart 2026');
    await bot.settle();
    const told = bot.connector.sentTo(bot.conversationOf(hasan)).map((activity) => activity.text ?? '');
    expect(told.at(-1)).toBe(`Adele Vance heeft je melding financieel belang ${reference} vastgelegd: **Maatregelen afgesproken**. Maatregelen: ${measures}`);
    const stored = (await records().findOne({ reference }))!;
    expect(stored.state).toBe('measures_agreed');
    expect(stored.history[0]!.fields).toEqual({ measures });
  });

  it('reaches every holder of the configured recipient roles; the second is told it is already done', async () => {
    const submitted = await invoke(anouk, 'finance.submit', noticeData({ kind: 'real_estate_or_land', description: 'Bouwkavel aan de Duinweg' }));
    const reference = referenceOf(submitted.value);
    expect(reference).toMatch(/^HMK-F-2026-/);
    const record = (await records().findOne({ reference }))!;
    expect([...record.assignees].sort()).toEqual([gerrit.aadObjectId, evelien.aadObjectId].sort());
    await invoke(evelien, 'finance.decide', { recordId: record._id, decision: 'noted', measures: '', comment: '' });
    const late = await invoke(gerrit, 'finance.decide', { recordId: record._id, decision: 'noted', measures: '', comment: '' });
    expect(findById(late.value, 'notice')?.text).toBe('Over deze melding is al besloten door Evelien Kok. Je keuze is niet opgeslagen.');
  });
});

describe('the register of financial interests', () => {
  it('is shown to HR and the integrity coordinator and refused to others', async () => {
    const refused = await bot.send(bot.message('register financiële belangen', alex));
    expect(visibleText(refused)).toContain('alleen beschikbaar voor P&O en de integriteitscoördinator');
    expect(JSON.stringify(refused)).not.toContain('Bouwgroep');
    const card = (await bot.send(bot.message('register financiële belangen', adele)))[0]!.attachments![0]!.content;
    expectValidCard(card);
    expect(cardText(card)).toContain('Register financiële belangen Gemeente Velsen');
    expect(cardText(card)).toContain('Hasan beoordeelt geen offertes');
    expect(cardText(card)).not.toContain('Bouwkavel');
  });

  it('is printed by the records command, with --json', async () => {
    const { stdout } = await runCommand(bot, 'records', ['--org', 'velsen', '--type', 'finance', '--json']);
    const rows = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reference: 'VEL-F-2026-0001', ownerName: 'Hasan Yilmaz', kind: 'shares_or_securities', state: 'measures_agreed', decision: 'measures_agreed' });
  });
});

describe('the yearly reminder', () => {
  it('reminds each designated person once in the configured month, with the button that opens the form', async () => {
    const designatedInVelsen = ['Marloes Visser', 'Hasan Yilmaz', 'Kees van der Meer', 'Ingrid Bakker'];
    const reminders = (user: TestUser) => cardsIn(user).filter((card) => cardText(card).includes('Jaarlijkse herinnering: financiële belangen'));
    bot.clock.now = new Date('2026-12-31T12:00:00+01:00');
    await bot.app.runPeriodicJobs(bot.clock.now);
    await bot.settle();
    expect(reminders(hasan)).toHaveLength(0);

    bot.clock.now = new Date('2027-01-04T09:00:00+01:00');
    await Promise.all([bot.app.runPeriodicJobs(bot.clock.now), bot.app.runPeriodicJobs(bot.clock.now)]);
    await bot.app.runPeriodicJobs(new Date('2027-01-20T09:00:00+01:00'));
    await bot.settle();
    const [reminder, ...more] = reminders(hasan);
    expect(more).toHaveLength(0);
    expectValidCard(reminder);
    expect(reminder.actions).toEqual([{ type: 'Action.Submit', title: 'Financieel belang melden', data: { verb: 'finance.start' } }]);
    expect(reminders(alex)).toHaveLength(0);
    expect(reminders(anouk)).toHaveLength(0); // Heemskerk reminds in February
    const sent = await bot.app.database.db.collection('messagesOnce').find({ _id: { $regex: '^finance-reminder:velsen:2027:' } as never }).toArray();
    expect(sent).toHaveLength(designatedInVelsen.length);

    // The button opens the form for them.
    const opened = await bot.send({ ...bot.message('', hasan), text: undefined, value: reminder.actions[0].data });
    expect(findById(opened[0]?.attachments?.[0]?.content, 'relationToOwnWork')).toBeDefined();

    await bot.app.runPeriodicJobs(new Date('2027-02-02T09:00:00+01:00'));
    await bot.settle();
    expect(reminders(anouk)).toHaveLength(1);
  });
});

describe('settings as data', () => {
  it('has a valid file for every organisation, citing sections the knowledge base resolves', () => {
    const settings = loadAllFinanceSettings();
    const knowledge = loadBuiltInKnowledgeBase();
    expect([...settings.keys()].sort()).toEqual(loadOrganisationFiles().map((org) => org.id).sort());
    for (const [orgId, file] of settings) {
      for (const source of file.duty.sources) expect(knowledge.section(source.documentId, source.section)?.quote.length ?? 0, `${orgId}: ${source.section}`).toBeGreaterThan(20);
    }
  });
});
