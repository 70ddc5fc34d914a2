import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFigures, reportVerbs } from '../../src/reports/index.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { alex, execute, lynne, patti, press, proactiveTexts, recordOf, say, submitReport } from './support.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ now: new Date('2026-03-10T10:00:00+01:00') }); // a Tuesday
  for (const user of [alex, lynne, patti]) await bot.send(bot.message('help', user));
});
afterAll(async () => bot?.close());

const at = async (moment: string) => {
  bot.clock.now = new Date(moment);
  const summary = await bot.app.services.workflows.engine.processDueWorkflowDeadlines(bot.clock.now);
  await bot.settle();
  return summary;
};

describe('the Wbk clocks, on a controlled clock', () => {
  it('reminds before the acknowledgement is due, flags it overdue, restarts 3 months from the acknowledgement, and counts it all', async () => {
    const late = await submitReport(bot, alex, { description: 'Te laat bevestigd' });
    const second = await submitReport(bot, alex, { description: 'Nooit terugkoppeling' });
    expect(late.record.step?.dueAt).toEqual(new Date('2026-03-17T10:00:00+01:00'));
    expect(late.record.step?.remindAt).toEqual([new Date('2026-03-15T10:00:00+01:00')]);
    const remindersFor = (reference: string) => proactiveTexts(bot, lynne).filter((text) => text.includes(reference) && text.includes('Herinnering')).length;

    bot.clock.now = new Date('2026-03-11T10:00:00+01:00');
    await execute(bot, lynne, reportVerbs.acknowledge, { reportId: second.record._id });

    expect(await at('2026-03-15T09:59:00+01:00')).toEqual({ reminded: 0, escalated: 0, overdue: 0 });
    expect((await at('2026-03-15T10:00:00+01:00')).reminded).toBe(1);
    expect(remindersFor(late.reference)).toBe(1);
    expect(await at('2026-03-17T10:00:00+01:00')).toEqual({ reminded: 0, escalated: 0, overdue: 1 });
    const overdue = await recordOf(bot, late.record._id);
    expect(overdue.step?.overdue).toBe(true);
    expect(overdue.assignees).toEqual([lynne.aadObjectId]);
    expect(await say(bot, alex, 'mijn meldingen')).toContain('Wacht op ontvangstbevestiging (termijn verstreken)');
    expect(await press(bot, lynne, { verb: 'records.open', recordId: late.record._id })).toContain('De wettelijke termijn is verstreken.');

    bot.clock.now = new Date('2026-03-18T10:00:00+01:00');
    await execute(bot, lynne, reportVerbs.acknowledge, { reportId: late.record._id });
    const acknowledged = await recordOf(bot, late.record._id);
    expect(acknowledged.state).toBe('awaiting_feedback');
    expect(acknowledged.step?.dueAt).toEqual(new Date('2026-06-18T10:00:00+02:00'));
    expect(acknowledged.step?.remindAt).toEqual([new Date('2026-06-04T10:00:00+02:00'), new Date('2026-06-15T10:00:00+02:00')]);
    const reporterView = await press(bot, alex, { verb: 'records.open', recordId: late.record._id });
    expect(reporterView).toContain('Ontvangstbevestiging: gedaan op 18 maart 2026');
    expect(reporterView).toContain('Terugkoppeling: uiterlijk 18 juni 2026');

    await at('2026-06-04T10:00:00+02:00');
    await at('2026-06-15T10:00:00+02:00');
    expect(remindersFor(late.reference)).toBe(3);
    bot.clock.now = new Date('2026-06-16T10:00:00+02:00');
    await execute(bot, lynne, reportVerbs.feedback, { reportId: late.record._id, feedback: 'Afgehandeld met een gesprek.' });

    bot.clock.now = new Date('2026-05-20T10:00:00+02:00');
    const third = await submitReport(bot, alex, { category: 'suspected_wrongdoing', subcategory: 'fraud', recipient: 'vertrouwenspersoon_integriteit', description: 'Declaraties' });
    bot.clock.now = new Date('2026-05-21T10:00:00+02:00');
    await execute(bot, patti, reportVerbs.acknowledge, { reportId: third.record._id });

    const figures = await reportFigures(bot.app.database.db, 'velsen', new Date('2026-01-01T00:00:00+01:00'), new Date('2027-01-01T00:00:00+01:00'), new Date('2026-07-01T10:00:00+02:00'));
    expect(figures).toMatchObject({
      total: 3,
      byCategory: { unwanted_behaviour: 2, suspected_wrongdoing: 1, integrity_advice: 0 },
      byRoute: { vertrouwenspersoon_ongewenst_gedrag: 2, vertrouwenspersoon_integriteit: 1, manager: 0 },
      acknowledgedWithin7Days: 2,
      answeredWithin3Months: 1,
      overdue: 2,
      open: 3,
      closed: 0,
    });
    expect(JSON.stringify(figures)).not.toMatch(/Declaraties|Alex|rp-/);
    expect((await reportFigures(bot.app.database.db, 'heerde', new Date('2026-01-01'), new Date('2027-01-01'))).total).toBe(0);
  });
});
