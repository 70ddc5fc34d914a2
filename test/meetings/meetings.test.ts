import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrganisationFiles } from '../../src/directory/organisations.js';
import { loadBuiltInKnowledgeBase } from '../../src/knowledge/index.js';
import { dilemmas, meetingCoverage, meetingPeriod, meetingSchedule, sourceFor } from '../../src/meetings/index.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { cardText } from '../gifts/support.js';

const amsterdam = (iso: string) => new Date(`${iso}+01:00`);

describe('the dilemma library', () => {
  const knowledge = loadBuiltInKnowledgeBase();
  const organisations = loadOrganisationFiles().map((organisation) => organisation.id);

  it('has at least 20 Dutch dilemmas, each citing an article that resolves in the knowledge base', () => {
    expect(dilemmas.length).toBeGreaterThanOrEqual(20);
    expect(new Set(dilemmas.map((dilemma) => dilemma.theme)).size).toBeGreaterThanOrEqual(8);
    for (const dilemma of dilemmas) {
      const sources = [dilemma.source, ...Object.values(dilemma.organisationSources ?? {})];
      for (const source of sources) expect(knowledge.section(source.documentId, source.section), `${dilemma.id}: ${source.documentId} ${source.section}`).toBeDefined();
      expect(dilemma.source.documentId).toBe('ambtenarenwet-2017');
      for (const orgId of Object.keys(dilemma.organisationSources ?? {})) expect(organisations, `${dilemma.id} names ${orgId}`).toContain(orgId);
      expect(dilemma.question).toMatch(/\?$/);
    }
  });

  it('cites the organisation’s own rule where it has one', () => {
    const gift = dilemmas.find((dilemma) => dilemma.id === 'kerstpakket-leverancier')!;
    expect(sourceFor(gift, 'heerde').section).toBe('Gedragscode › Giften, relatiegeschenken en uitnodigingen');
    expect(sourceFor(gift, 'heemskerk')).toEqual(gift.source);
  });
});

describe('managers’ integrity reminders', () => {
  let bot: TestBot;
  /** Reminders delivered to the organisation's managers so far (each under its own key), once the outbox is through. */
  const remindersOf = async (orgId: string) => {
    await bot.settle();
    return bot.app.database.db.collection('deliveries').countDocuments({ _id: { $regex: `^meeting:${orgId}:` } as never });
  };

  beforeAll(async () => {
    bot = await startTestBot({ now: amsterdam('2026-01-02T10:00') });
    // Someone of the tenant wrote to the bot once, so its service URL is known: managers who never did get a chat opened.
    await bot.send(bot.message('help'));
  });
  afterAll(async () => bot?.close());

  it('follows each organisation’s cadence: Heerde half-yearly, Heemskerk yearly', async () => {
    const heerde = loadOrganisationFiles().find((organisation) => organisation.id === 'heerde')!;
    expect(meetingSchedule(heerde.integrityMeetings!)).toEqual({ at: '09:00', days: [15], months: [1, 7] });
    const tick = async (iso: string) => {
      bot.clock.now = new Date(iso);
      await bot.app.scheduler.tick(bot.clock.now);
    };
    await tick('2026-01-02T10:00:00+01:00'); // first sight: from the next occurrence on
    expect(await remindersOf('heerde')).toBe(0);
    await tick('2026-01-15T08:59:00+01:00');
    expect(await remindersOf('heerde')).toBe(0);
    await tick('2026-01-15T09:00:30+01:00');
    await tick('2026-01-15T09:05:00+01:00');
    expect(await remindersOf('heerde')).toBe(3); // Mirjam, Sven and Noor manage staff
    expect(await remindersOf('heemskerk')).toBe(4);
    await tick('2026-04-15T09:00:00+02:00');
    expect(await remindersOf('heerde')).toBe(3);
    await tick('2026-07-15T09:00:00+02:00');
    expect(await remindersOf('heerde')).toBe(6);
    expect(await remindersOf('heemskerk')).toBe(4);
    await tick('2027-01-15T09:00:00+01:00');
    expect(await remindersOf('heemskerk')).toBe(8);
    // Each period brings another dilemma.
    await bot.settle();
    const heerdeCards = bot.connector.calls.filter((call) => call.method === 'POST').map((call) => cardText(call.activity.attachments?.[0]?.content)).filter((text) => text.includes('Beste Noor Bos'));
    expect(heerdeCards[0]).toContain('Zet integriteit op je volgende teamoverleg');
    expect(heerdeCards[0]).toMatch(/Raakt aan: (Artikel|Gedragscode)/);
    expect(heerdeCards).toHaveLength(3); // January and July 2026, January 2027
    expect(new Set(heerdeCards.map((text) => text.split('\n').find((line) => line.startsWith('Dilemma:')))).size).toBe(3);
  });

  it('lets the manager say when the team discussed it; the digest’s share counts it', async () => {
    bot.clock.now = amsterdam('2027-01-20T10:00');
    const noor = { aadObjectId: 'b2000000-0000-4000-8000-000000000003', name: 'Noor Bos' };
    const jeroen = { aadObjectId: 'b2000000-0000-4000-8000-000000000004', name: 'Jeroen Boer' };
    const meetingId = `heerde:2027-01:${noor.aadObjectId}`;
    const click = (user: typeof noor, data: Record<string, unknown>) =>
      bot.invoke({ ...bot.message('', user), text: undefined, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'meeting.discussed', data }, trigger: 'manual' } });

    expect((await click(jeroen, { meetingId, discussedOn: '2027-01-19' })).body.value).toContain('Alleen de leidinggevende');
    const future = await click(noor, { meetingId, discussedOn: '2027-01-21' });
    expect(cardText(future.body.value)).toContain('niet in de toekomst');
    expect((await click(noor, { meetingId, discussedOn: { $gt: '' } })).body.value).toBe('Deze actie kan ik niet verwerken.');
    const done = await click(noor, { meetingId, discussedOn: '2027-01-19' });
    expect(cardText(done.body.value)).toContain('Besproken op 19 januari 2027');
    expect(done.body.value.actions).toBeUndefined();

    const heerde = loadOrganisationFiles().find((organisation) => organisation.id === 'heerde')!;
    expect(meetingPeriod(heerde.integrityMeetings!, bot.clock.now).key).toBe('2027-01');
    expect(await meetingCoverage(bot.app.database.db, heerde, bot.clock.now)).toEqual({ period: '2027-01', reminded: 3, discussed: 1 });
  });
});
