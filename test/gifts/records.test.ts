import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRecords } from '../../src/cli/records.js';
import type { GiftRecord } from '../../src/gifts/index.js';
import { startTestBot, visibleText, type TestBot, type TestUser } from '../support/bot.js';
import { testMongoUri } from '../support/database.js';
import { cardInvoke, cardText, demoUsers, expectValidCard, findById, giftData, referenceOf, submitGift } from './support.js';

const run = promisify(execFile);
const sanne: TestUser = { aadObjectId: 'c3000000-0000-4000-8000-000000000002', name: 'Sanne de Wit' };

let bot: TestBot;
const mine: string[] = [];
const sannes: string[] = [];

beforeAll(async () => {
  bot = await startTestBot({ now: new Date('2026-03-10T10:00:00+01:00') });
  for (const user of [demoUsers.manager, demoUsers.hr, demoUsers.employee, sanne]) await bot.send(bot.message('help', user));
  for (let index = 0; index < 7; index += 1) {
    mine.push(referenceOf((await submitGift(bot, demoUsers.employee, giftData({ description: `Alex cadeau ${index}` }, bot.clock.now))).body.value));
    sannes.push(referenceOf((await submitGift(bot, sanne, giftData({ description: `Sanne cadeau ${index}`, valueEur: '12,50' }, bot.clock.now))).body.value));
  }
});
afterAll(async () => bot?.close());

const cardOf = (replies: Awaited<ReturnType<TestBot['send']>>) => replies[0]?.attachments?.[0]?.content;

describe('mijn meldingen', () => {
  it('lists the caller’s own records and states, and nobody else’s', async () => {
    const card = cardOf(await bot.send(bot.message('mijn meldingen')));
    expectValidCard(card);
    const text = cardText(card);
    for (const reference of mine) expect(text).toContain(reference);
    for (const reference of sannes) expect(text).not.toContain(reference);
    expect(text).not.toContain('Sanne cadeau');
    expect(text).toContain('Wacht op besluit');
  });

  it('answers the welcome card’s button too, and says so when there is nothing', async () => {
    const replies = await bot.send({ ...bot.message('', demoUsers.employee), text: undefined, value: { verb: 'records.mine' } });
    expect(cardText(cardOf(replies))).toContain(mine[0]);
    const empty = await bot.send(bot.message('mijn meldingen', demoUsers.seniorManager));
    expect(visibleText(empty)).toContain('Je hebt nog geen meldingen gedaan.');
  });
});

describe('openstaand', () => {
  it('shows a manager what waits for them, with a button that opens each with the decisions', async () => {
    const card = cardOf(await bot.send(bot.message('openstaand', demoUsers.manager)));
    expectValidCard(card);
    const text = cardText(card);
    for (const reference of [...mine, ...sannes]) expect(text).toContain(reference);
    expect(text).toContain('Alex Wilber');

    const records = bot.app.database.db.collection<GiftRecord>('workflowRecords');
    const record = (await records.findOne({ reference: mine[0] }))!;
    const opened = await bot.send({ ...bot.message('', demoUsers.manager), text: undefined, value: { verb: 'records.open', recordId: record._id } });
    const decisionCard = cardOf(opened);
    expectValidCard(decisionCard);
    expect(decisionCard.actions.map((action: any) => action.verb)).toEqual(['gift.decide', 'gift.decide', 'gift.decide']);

    const nosy = await bot.send({ ...bot.message('', sanne), text: undefined, value: { verb: 'records.open', recordId: record._id } });
    expect(visibleText(nosy)).toContain('kan ik niet vinden');
    expect(JSON.stringify(nosy)).not.toContain('Alex cadeau');
  });
});

describe('gift register', () => {
  it('is refused to a plain employee, by command and by page action', async () => {
    const replies = await bot.send(bot.message('cadeauregister', demoUsers.employee));
    expect(visibleText(replies)).toContain('alleen beschikbaar voor P&O en de integriteitscoördinator');
    expect(JSON.stringify(replies)).not.toContain('Sanne cadeau');
    const page = await bot.invoke(cardInvoke(bot, demoUsers.employee, 'records.register', { type: 'gift', page: 0 }));
    expect(page.body.value).toContain('alleen beschikbaar');
    const manager = await bot.send(bot.message('gift register', demoUsers.manager));
    expect(visibleText(manager)).toContain('alleen beschikbaar');
  });

  it('shows HR and the integrity coordinator the organisation’s register, 10 per page', async () => {
    const first = cardOf(await bot.send(bot.message('cadeauregister', demoUsers.hr)));
    expectValidCard(first);
    expect(findById(first, 'registerPage')?.text).toBe('Pagina 1 van 2 (14 meldingen)');
    expect(first.body.filter((element: any) => element.type === 'Container')).toHaveLength(10);
    expect(first.actions).toEqual([{ type: 'Action.Execute', title: 'Volgende', verb: 'records.register', data: { type: 'gift', page: 1 } }]);
    // Newest first.
    expect(cardText(first)).toContain(sannes.at(-1));

    const second = await bot.invoke(cardInvoke(bot, demoUsers.hr, 'records.register', { type: 'gift', page: 1 }));
    expectValidCard(second.body.value);
    expect(findById(second.body.value, 'registerPage')?.text).toBe('Pagina 2 van 2 (14 meldingen)');
    expect(second.body.value.body.filter((element: any) => element.type === 'Container')).toHaveLength(4);
    expect(cardText(second.body.value)).toContain(mine[0]);
    expect(second.body.value.actions.map((action: any) => action.title)).toEqual(['Vorige']);

    const tampered = await bot.invoke(cardInvoke(bot, demoUsers.hr, 'records.register', { type: 'gift', page: 0, orgId: 'heerde' }));
    expect(tampered.body.value).toBe('Deze actie kan ik niet verwerken.');
  });
});

describe('records CLI', () => {
  it('prints the register as JSON lines', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/records.ts', '--org', 'velsen', '--type', 'gift', '--json'], {
      env: { ...process.env, MONGODB_URI: testMongoUri(), MONGODB_DB: bot.app.database.db.databaseName, LOG_LEVEL: 'silent' },
    });
    const rows = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows).toHaveLength(14);
    expect(rows[0]).toMatchObject({ reference: mine[0], state: 'awaiting_decision', ownerName: 'Alex Wilber', outcome: 'may_keep_report', valueEur: 35 });
    expect(rows.find((row) => row.reference === sannes[0])).toMatchObject({ ownerName: 'Sanne de Wit', valueEur: 12.5 });
  });

  it('prints a table, and refuses an unknown organisation or type', async () => {
    const lines = await exportRecords(bot.app.database.db, { orgId: 'velsen', type: 'gift', json: false });
    expect(lines[0]).toMatch(/^Kenmerk\s+Datum\s+Medewerker\s+Omschrijving\s+Status$/);
    expect(lines).toHaveLength(16);
    expect(lines[2]).toContain(mine[0]);
    await expect(exportRecords(bot.app.database.db, { orgId: 'nowhere', type: 'gift', json: false })).rejects.toThrow('Onbekende organisatie "nowhere"');
    await expect(exportRecords(bot.app.database.db, { orgId: 'velsen', type: 'vacation', json: false })).rejects.toThrow('Onbekende soort "vacation"');
  });
});
