import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giftDecisionOf, type GiftRecord } from '../../src/gifts/index.js';
import { recordCardKey } from '../../src/workflow/index.js';
import { startTestBot, visibleText, type TestBot, type TestUser } from '../support/bot.js';
import { cardInvoke, cardText, decideGift, demoUsers, expectValidCard, findById, giftData, referenceOf, submitGift } from './support.js';

const sanne: TestUser = { aadObjectId: 'c3000000-0000-4000-8000-000000000002', name: 'Sanne de Wit' };
const marloes: TestUser = { aadObjectId: 'c3000000-0000-4000-8000-000000000001', name: 'Marloes Visser' };
const employeeOf = {
  velsen: demoUsers.employee,
  heerde: { aadObjectId: 'b2000000-0000-4000-8000-000000000004', name: 'Jeroen Boer' },
  werksaam: { aadObjectId: 'd4000000-0000-4000-8000-000000000004', name: 'Dennis Hoekstra' },
  heemskerk: { aadObjectId: 'a1000000-0000-4000-8000-000000000004', name: 'Lotte Vermeulen' },
} satisfies Record<string, TestUser>;

let bot: TestBot;
const start = new Date('2026-03-10T10:00:00+01:00'); // a Tuesday

beforeAll(async () => {
  bot = await startTestBot({ now: start });
  // Proactive cards need a conversation reference: every decider has talked to the bot once.
  for (const user of [demoUsers.manager, demoUsers.hr, demoUsers.seniorManager, demoUsers.employee, sanne]) await bot.send(bot.message('help', user));
});
afterAll(async () => bot?.close());

const records = () => bot.app.database.db.collection<GiftRecord>('workflowRecords');
const byReference = async (reference: string) => (await records().findOne({ reference }))!;
const data = (overrides: Record<string, unknown> = {}) => giftData(overrides, bot.clock.now);
const cardsIn = (user: TestUser) => bot.connector.sentTo(bot.conversationOf(user)).map((activity) => activity.attachments?.[0]?.content).filter(Boolean);

/** Where the bot keeps what it delivered: the manager's card for a record, to update it later. */
const delivered = async (recordId: string, user: TestUser) => bot.app.database.db.collection<{ _id: string; activityId: string; conversationId: string }>('deliveries').findOne({ _id: recordCardKey(recordId, user.aadObjectId) });

async function submitOk(user: TestUser, overrides: Record<string, unknown> = {}, replyToId?: string) {
  const response = await submitGift(bot, user, data(overrides), replyToId);
  await bot.settle();
  expect(response.status).toBe(200);
  expect(response.body.type).toBe('application/vnd.microsoft.card.adaptive');
  expectValidCard(response.body.value);
  return { card: response.body.value, reference: referenceOf(response.body.value) };
}

describe('starting a gift notification', () => {
  it('offers the form when someone writes that they received something', async () => {
    const replies = await bot.send(bot.message('ik heb een kerstpakket gekregen van de aannemer'));
    expect(replies).toHaveLength(1);
    const card = replies[0]!.attachments![0]!.content;
    expectValidCard(card);
    expect(visibleText(replies)).toContain('Cadeau melden');
    expect(findById(card, 'description')?.type).toBe('Input.Text');
    const submit = card.actions[0];
    expect(submit).toMatchObject({ type: 'Action.Execute', verb: 'gift.submit' });
    expect(submit.data.formId).toMatch(/^[0-9a-f-]{36}$/);

    const english = await bot.send(bot.message('I received a bottle of wine from a supplier', { ...demoUsers.employee, locale: 'en-GB' }));
    expect(visibleText(english)).toContain('Report a gift');
  });

  it('leaves questions about gifts to the knowledge answer', async () => {
    for (const question of ['mag ik een cadeau aannemen?', 'Wat moet ik doen als ik een kerstpakket heb gekregen?', 'May I accept a gift from a supplier?']) {
      const replies = await bot.send(bot.message(question));
      expect(replies.length).toBeGreaterThan(0);
      expect(JSON.stringify(replies)).not.toContain('"id":"description"');
    }
  });

  it('starts from the welcome button, the answer button and the command', async () => {
    for (const value of [{ verb: 'gift.start' }, { action: 'gift.start' }]) {
      const replies = await bot.send({ ...bot.message(''), text: undefined, value });
      expect(findById(replies[0]?.attachments?.[0]?.content, 'giver')).toBeDefined();
    }
    const replies = await bot.send(bot.message('cadeau melden'));
    expect(findById(replies[0]?.attachments?.[0]?.content, 'giver')).toBeDefined();
  });
});

describe('the form', () => {
  it('re-renders with the typed values and a Dutch message at each wrong field', async () => {
    const typed = data({ description: '', valueEur: 'ongeveer veertig', giver: 'Firma Jansen' });
    const response = await submitGift(bot, demoUsers.employee, typed);
    const card = response.body.value;
    expectValidCard(card);
    expect(findById(card, 'descriptionError')?.text).toBe('Dit veld is verplicht.');
    expect(findById(card, 'valueEurError')?.text).toContain('Vul een bedrag in euro in');
    expect(findById(card, 'giverError')).toBeUndefined();
    expect(findById(card, 'valueEur')?.value).toBe('ongeveer veertig');
    expect(findById(card, 'giver')?.value).toBe('Firma Jansen');
    expect(card.actions[0].data.formId).toBe(typed.formId);
    expect(await records().countDocuments({ 'data.form.giver': 'Firma Jansen' })).toBe(0);
  });

  it('accepts a decimal comma', async () => {
    const { card, reference } = await submitOk(demoUsers.employee, { valueEur: '49,95' });
    expect((await byReference(reference)).data.form.valueEur).toBe(49.95);
    expect(cardText(card)).toMatch(/€\s49,95/);
  });

  it('refuses a date in the future and one over a year ago', async () => {
    const future = (await submitGift(bot, demoUsers.employee, data({ receivedOn: '2026-03-11' }))).body.value;
    expect(findById(future, 'receivedOnError')?.text).toBe('De datum mag niet in de toekomst liggen.');
    const old = (await submitGift(bot, demoUsers.employee, data({ receivedOn: '2025-03-09' }))).body.value;
    expect(findById(old, 'receivedOnError')?.text).toContain('meer dan een jaar terug');
  });

  it('refuses $-keys, unknown fields and oversized text with a clear message, storing nothing', async () => {
    const before = await records().countDocuments();
    for (const tampered of [data({ $set: { state: 'kept' } }), data({ owner: demoUsers.manager.aadObjectId }), data({ description: 'x'.repeat(10_000) })]) {
      const response = await submitGift(bot, demoUsers.employee, tampered);
      expect(response.status).toBe(200);
      expectValidCard(response.body.value);
      expect(findById(response.body.value, 'formError')?.text).toContain('Er is niets opgeslagen');
      expect(JSON.stringify(response.body.value)).not.toContain('xxxxxxxxxx');
    }
    expect(await records().countDocuments()).toBe(before);
  });

  it('makes one record of a double click, also when both arrive at once', async () => {
    const form = data({ description: 'Dubbel geklikt' });
    const first = await submitGift(bot, demoUsers.employee, form, 'card-double');
    const again = await submitGift(bot, demoUsers.employee, form, 'card-double');
    expect(referenceOf(again.body.value)).toBe(referenceOf(first.body.value));

    await bot.settle();
    const managerCardsBefore = cardsIn(demoUsers.manager).length;
    const concurrent = data({ description: 'Tegelijk geklikt' });
    const responses = await Promise.all([1, 2, 3].map(() => submitGift(bot, demoUsers.employee, concurrent, 'card-concurrent')));
    await bot.settle();
    expect(new Set(responses.map((response) => referenceOf(response.body.value))).size).toBe(1);
    expect(await records().countDocuments({ 'data.form.description': 'Tegelijk geklikt' })).toBe(1);
    expect(await records().countDocuments({ 'data.form.description': 'Dubbel geklikt' })).toBe(1);
    expect(cardsIn(demoUsers.manager).length).toBe(managerCardsBefore + 1);
  });
});

describe('rules per organisation, with the article quoted', () => {
  const knowledge = () => bot.app.services.knowledge;
  it.each([
    ['velsen', 'VEL', { negotiationsOngoing: 'yes' }, 'Advies: niet aannemen, terugsturen naar de gever', ['Artikel 5 lid 1', 'Artikel 5 lid 5']],
    ['velsen', 'VEL', { expectsSomethingInReturn: 'yes' }, 'Advies: niet aannemen, terugsturen naar de gever', ['Artikel 5 lid 1']],
    ['velsen', 'VEL', { deliveredAtHome: 'yes' }, 'Advies: je leidinggevende beslist', ['Artikel 5 lid 3']],
    ['velsen', 'VEL', { valueEur: '75' }, 'Advies: inleveren bij de organisatie', ['Artikel 5 lid 2']],
    ['velsen', 'VEL', { valueEur: '50' }, 'Advies: je mag het houden, maar meldt het wel', ['Artikel 5 lid 4']],
    ['heerde', 'HRD', { kind: 'invitation' }, 'Advies: je leidinggevende beslist', ['Gedragscode › Giften, relatiegeschenken en uitnodigingen']],
    ['heerde', 'HRD', { valueEur: '10' }, 'Advies: je leidinggevende beslist', ['Gedragscode › Giften, relatiegeschenken en uitnodigingen']],
    ['werksaam', 'WSW', { negotiationsOngoing: 'yes' }, 'Advies: je leidinggevende beslist', ['Artikel 8 lid 1', '§ 3.2.1.5 Geschenken, giften en diensten']],
    ['werksaam', 'WSW', { expectsSomethingInReturn: 'yes' }, 'Advies: je leidinggevende beslist', ['Artikel 8 lid 1']],
    ['werksaam', 'WSW', { valueEur: '80' }, 'Advies: je leidinggevende beslist', ['§ 3.2.1.5 Geschenken, giften en diensten', 'Artikel 8 lid 1']],
    ['werksaam', 'WSW', { valueEur: '20' }, 'Advies: je mag het houden, maar meldt het wel', ['§ 3.2.1.5 Geschenken, giften en diensten']],
    ['heemskerk', 'HMK', { valueEur: '20' }, 'Advies: je leidinggevende beslist', ['Artikel 8 lid 1']],
  ] as const)('%s %o', async (orgId, prefix, overrides, adviceTitle, sections) => {
    const { card, reference } = await submitOk(employeeOf[orgId], overrides);
    expect(reference.startsWith(`${prefix}-G-2026-`)).toBe(true);
    const text = cardText(card);
    expect(text).toContain(adviceTitle);
    const stored = await byReference(reference);
    for (const section of sections) {
      const source = stored.data.assessment.sources.find((candidate) => candidate.section === section)!;
      const quoted = knowledge().section(source.documentId, section)!;
      expect(text).toContain(section);
      expect(text).toContain(quoted.quote);
    }
  });

  it('answers an English user in English, quoting the Dutch text', async () => {
    const { card } = await submitOk({ ...demoUsers.employee, locale: 'en-US' }, { valueEur: '75' });
    const text = cardText(card);
    expect(text).toContain('Advice: hand it in to the organisation');
    expect(text).toContain('becomes the property of the municipality');
    expect(text).toContain('Quoted from the Dutch original.');
  });
});

describe('routing and deciding', () => {
  it('routes to the direct manager, who gets a card with the decisions in their personal chat', async () => {
    const before = cardsIn(demoUsers.manager).length;
    const { card, reference } = await submitOk(demoUsers.employee, { valueEur: '75', description: 'Dinerbon' });
    expect(cardText(card)).toContain('wacht op besluit van Megan Bowen');
    const managerCards = cardsIn(demoUsers.manager);
    expect(managerCards).toHaveLength(before + 1);
    const managerCard = managerCards.at(-1);
    expectValidCard(managerCard);
    expect(cardText(managerCard)).toContain(reference);
    expect(cardText(managerCard)).toContain('Cadeaumelding van Alex Wilber');
    expect(managerCard.actions.map((action: any) => action.data.decision)).toEqual(['approve_keep', 'hand_in', 'return_to_sender']);
    expect(managerCard.actions[1].style).toBe('positive');
    const stored = await byReference(reference);
    expect(stored.assignees).toEqual([demoUsers.manager.aadObjectId]);
    expect(await delivered(stored._id, demoUsers.manager)).toMatchObject({ conversationId: bot.conversationOf(demoUsers.manager) });
    expect(managerCard.actions[0].data.giftId).toBe(stored._id);
  });

  it('answers the employee while the manager’s card is still on its way (a slow Bot Connector)', async () => {
    const before = cardsIn(demoUsers.manager).length;
    bot.connector.delayMs = 1500;
    try {
      const response = await submitGift(bot, demoUsers.employee, data({ valueEur: '70', description: 'Boekenbon' }));
      expect(response.status).toBe(200);
      expect(cardText(response.body.value)).toContain('wacht op besluit van Megan Bowen');
      // The answer is in; the manager's card is not (the connector holds every request for 1.5 s).
      expect(cardsIn(demoUsers.manager)).toHaveLength(before);
      await bot.settle();
      expect(cardsIn(demoUsers.manager)).toHaveLength(before + 1);
    } finally {
      bot.connector.delayMs = 0;
    }
  });

  it('routes someone without a manager to the integrity coordinator', async () => {
    const { reference } = await submitOk(marloes);
    expect((await byReference(reference)).assignees).toEqual([demoUsers.hr.aadObjectId]);
  });

  it('decides: the manager’s card updates in place, the employee is told and their card shows the decision', async () => {
    const { reference } = await submitOk(demoUsers.employee, { valueEur: '80', description: 'Tablet' }, 'card-tablet');
    const stored = await byReference(reference);
    const response = await decideGift(bot, demoUsers.manager, stored._id, 'hand_in', { comment: 'Gaat naar de kerstloterij' });
    expect(response.status).toBe(200);
    const decided = response.body.value;
    expectValidCard(decided);
    expect(findById(decided, 'decision')?.text).toContain('Besluit: Inleveren bij de organisatie, door Megan Bowen op 10 maart 2026');
    expect(decided.actions).toBeUndefined();

    await bot.settle();
    const managerCardId = (await delivered(stored._id, demoUsers.manager))!.activityId;
    const managerUpdates = bot.connector.updatesIn(bot.conversationOf(demoUsers.manager));
    const managerUpdate = managerUpdates.find((update) => update.activityId === managerCardId);
    expect(cardText(managerUpdate?.activity.attachments?.[0]?.content)).toContain('Besluit: Inleveren bij de organisatie, door Megan Bowen');

    await bot.connector.waitFor(() => bot.connector.updatesIn(bot.conversationOf(demoUsers.employee)).some((update) => update.activityId === 'card-tablet'));
    const employeeCard = bot.connector.updatesIn(bot.conversationOf(demoUsers.employee)).find((update) => update.activityId === 'card-tablet')!.activity.attachments![0]!.content;
    expect(cardText(employeeCard)).toContain('Besluit: Inleveren bij de organisatie');
    expect(cardText(employeeCard)).toContain('Gaat naar de kerstloterij');
    const told = bot.connector.sentTo(bot.conversationOf(demoUsers.employee)).map((activity) => activity.text ?? '');
    expect(told.some((text) => text.includes(`Megan Bowen heeft besloten over je cadeaumelding ${reference}`))).toBe(true);

    const again = await decideGift(bot, demoUsers.hr, stored._id, 'approve_keep');
    expect(findById(again.body.value, 'notice')?.text).toContain('al besloten door Megan Bowen');
    expect((await byReference(reference)).state).toBe('handed_in');
  });

  it('gives exactly one winner when the manager and HR decide at the same moment', async () => {
    const { reference } = await submitOk(demoUsers.employee, { description: 'Race' });
    const id = (await byReference(reference))._id;
    const [byManager, byHr] = await Promise.all([decideGift(bot, demoUsers.manager, id, 'approve_keep'), decideGift(bot, demoUsers.hr, id, 'return_to_sender')]);
    const notices = [byManager, byHr].map((response) => findById(response.body.value, 'notice')?.text);
    expect(notices.filter(Boolean)).toHaveLength(1);
    const stored = await byReference(reference);
    const winnerName = giftDecisionOf(stored)!.actor === demoUsers.manager.aadObjectId ? 'Megan Bowen' : 'Adele Vance';
    expect(notices.find(Boolean)).toContain(`al besloten door ${winnerName}`);
    const trail = await bot.app.services.workflows.engine.auditTrail(stored._id);
    expect(trail.filter((entry) => entry.action === 'decide')).toHaveLength(1);
  });

  it('refuses a decision by someone without a say, and nothing changes', async () => {
    const { reference } = await submitOk(demoUsers.employee, { description: 'Niet van Sanne' });
    const before = await byReference(reference);
    const response = await decideGift(bot, sanne, before._id, 'approve_keep');
    expect(response.status).toBe(200);
    expect(response.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(response.body.value).toContain('niet bevoegd');
    const byOwner = await decideGift(bot, demoUsers.employee, before._id, 'approve_keep');
    expect(byOwner.body.value).toContain('niet bevoegd');
    const hrOfAnotherOrganisation = { aadObjectId: 'b2000000-0000-4000-8000-000000000006', name: 'Maarten Dekker' };
    expect((await decideGift(bot, hrOfAnotherOrganisation, before._id, 'hand_in')).body.value).toContain('niet bevoegd');
    const after = await byReference(reference);
    expect(after.state).toBe('awaiting_decision');
    expect(after.version).toBe(before.version);
    expect(after.history).toEqual([]);
  });

  it('refuses a tampered decision', async () => {
    const response = await bot.invoke(cardInvoke(bot, demoUsers.manager, 'gift.decide', { giftId: { $ne: null }, decision: 'hand_in' }));
    expect(response.body.value).toBe('Deze actie kan ik niet verwerken.');
  });
});

describe('withdrawal by the employee', () => {
  it('lets the employee withdraw while it waits; the manager can no longer decide and sees why', async () => {
    const { card, reference } = await submitOk(demoUsers.employee, { description: 'Per ongeluk gemeld' }, 'card-withdraw');
    const withdraw = card.actions.find((action: any) => action.verb === 'gift.withdraw');
    expect(withdraw).toMatchObject({ type: 'Action.Execute', title: 'Melding intrekken' });
    const stored = await byReference(reference);
    // Nobody else can withdraw it.
    expect((await bot.invoke(cardInvoke(bot, demoUsers.manager, 'gift.withdraw', withdraw.data))).body.value).toContain('niet bevoegd');
    const response = await bot.invoke(cardInvoke(bot, demoUsers.employee, 'gift.withdraw', withdraw.data));
    expectValidCard(response.body.value);
    expect(findById(response.body.value, 'decision')?.text).toBe('Deze melding is ingetrokken door de medewerker.');
    expect(response.body.value.actions).toBeUndefined();
    expect((await byReference(reference)).state).toBe('withdrawn');

    await bot.settle();
    const managerCardId = (await delivered(stored._id, demoUsers.manager))!.activityId;
    const managerUpdate = bot.connector.updatesIn(bot.conversationOf(demoUsers.manager)).filter((update) => update.activityId === managerCardId).at(-1);
    expect(cardText(managerUpdate?.activity.attachments?.[0]?.content)).toContain('ingetrokken door de medewerker');
    const late = await decideGift(bot, demoUsers.manager, stored._id, 'approve_keep');
    expect(findById(late.body.value, 'notice')?.text).toContain('ingetrokken door de medewerker. Je keuze is niet opgeslagen.');
    const trail = await bot.app.services.workflows.engine.auditTrail(stored._id);
    expect(trail.map((entry) => entry.action)).toEqual(['submitted', 'withdraw']);
  });
});

describe('reminders and escalation in working days', () => {
  it('reminds the manager after 5 working days and escalates to the next manager after 10', async () => {
    bot.clock.now = new Date('2026-03-13T16:00:00+01:00'); // Friday
    const { reference } = await submitOk(demoUsers.employee, { description: 'Laat besluit' });
    const record = await byReference(reference);
    expect(record.step!.remindAt).toEqual([new Date('2026-03-20T16:00:00+01:00'), new Date('2026-03-25T16:00:00+01:00')]);
    const engine = bot.app.services.workflows.engine;
    const run = async () => {
      await engine.processDueWorkflowDeadlines(bot.clock.now);
      await bot.settle();
    };
    const managerCards = () => cardsIn(demoUsers.manager).filter((card) => cardText(card).includes(reference));
    const seniorCards = () => cardsIn(demoUsers.seniorManager).filter((card) => cardText(card).includes(reference));

    bot.clock.now = new Date('2026-03-20T15:59:00+01:00');
    await run();
    expect(managerCards()).toHaveLength(1);

    bot.clock.now = new Date('2026-03-20T16:00:00+01:00');
    await run();
    await run();
    expect(managerCards()).toHaveLength(2);
    expect(cardText(managerCards()[1])).toContain('Herinnering: deze melding wacht nog op je besluit.');
    expect(seniorCards()).toHaveLength(0);

    // The second reminder, three working days later.
    bot.clock.now = new Date('2026-03-25T16:00:00+01:00');
    await run();
    expect(managerCards()).toHaveLength(3);

    bot.clock.now = new Date('2026-03-27T16:00:00+01:00');
    await Promise.all([engine.processDueWorkflowDeadlines(bot.clock.now), engine.processDueWorkflowDeadlines(bot.clock.now)]);
    await bot.settle();
    expect(seniorCards()).toHaveLength(1);
    expect(cardText(seniorCards()[0])).toContain('doorgezet');
    const stored = await byReference(reference);
    expect(stored.assignees).toEqual([demoUsers.manager.aadObjectId, demoUsers.seniorManager.aadObjectId]);
    const actions = (await engine.auditTrail(stored._id)).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'reminded')).toHaveLength(2);
    expect(actions.filter((action) => action === 'escalated')).toHaveLength(1);

    // The higher manager decides; both cards show it.
    const decided = await decideGift(bot, demoUsers.seniorManager, stored._id, 'approve_keep');
    expect(findById(decided.body.value, 'decision')?.text).toContain('door Isaiah Langer');
    await bot.settle();
    const managerCardId = (await delivered(stored._id, demoUsers.manager))!.activityId;
    const updated = bot.connector.updatesIn(bot.conversationOf(demoUsers.manager)).filter((update) => update.activityId === managerCardId);
    expect(cardText(updated.at(-1)?.activity.attachments?.[0]?.content)).toContain('door Isaiah Langer');
  });
});

describe('reference numbers', () => {
  it('count up per organisation and start again in a new year', async () => {
    bot.clock.now = new Date('2026-06-01T10:00:00+02:00');
    const first = (await submitOk(demoUsers.employee)).reference;
    const second = (await submitOk(sanne)).reference;
    const sequence = (reference: string) => Number(reference.split('-').at(-1));
    expect(sequence(second)).toBe(sequence(first) + 1);
    const heerdeCount = await records().countDocuments({ orgId: 'heerde' });
    expect((await submitOk(employeeOf.heerde)).reference).toBe(`HRD-G-2026-${String(heerdeCount + 1).padStart(4, '0')}`);
    bot.clock.now = new Date('2027-01-04T09:00:00+01:00');
    expect((await submitOk(demoUsers.employee)).reference).toBe('VEL-G-2027-0001');
    expect((await submitOk(sanne)).reference).toBe('VEL-G-2027-0002');
  });
});
