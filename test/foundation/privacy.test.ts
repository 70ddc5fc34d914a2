import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, startTestBot, type TestBot } from '../support/bot.js';

describe('logs', () => {
  const lines: string[] = [];
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { LOG_LEVEL: 'info' }, logLines: lines });
  });
  afterAll(async () => bot?.close());

  it('carry events and ids but never message text, card inputs or names', async () => {
    const secret = 'Zwanenburg-kerstpakket-4711';
    await bot.send(bot.message(`Mag ik het ${secret} van de aannemer houden?`));
    await bot.send(bot.message('help', demoUsers.manager));
    await bot.invoke({
      ...bot.message(''),
      text: undefined,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'gift.submit', data: { formId: 'privacy-form-1', description: secret, giver: 'Bouwbedrijf Geheim BV', giverRelation: 'supplier_or_contractor', kind: 'gift', valueEur: '12,50', receivedOn: '2026-01-01', deliveredAtHome: 'no', negotiationsOngoing: 'no', expectsSomethingInReturn: 'no' } }, trigger: 'manual' },
    });
    const sideJob = 'Geheime-bijbaan-0815';
    const condition = 'Voorwaarde-geheim-2718';
    const invoke = (user: { aadObjectId: string }, verb: string, data: Record<string, unknown>) =>
      bot.invoke({ ...bot.message('', user), text: undefined, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } });
    const submitted = await invoke(demoUsers.seniorManager, 'sidejob.submit', {
      formId: crypto.randomUUID(),
      activity: sideJob,
      organisation: 'Stichting Geheim',
      role: '',
      paid: 'yes',
      hoursPerWeek: '2',
      duringWorkingHours: 'no',
      startDate: '2026-12-01',
      endDate: '',
      relationToEmployer: 'none',
      withinRegion: 'no',
      ownAssessment: 'Geheime eigen beoordeling',
    });
    const recordId = JSON.stringify(submitted.body).match(/"recordId":"([0-9a-f-]{36})"/)?.[1];
    expect(recordId).toBeDefined();
    await invoke({ aadObjectId: 'c3000000-0000-4000-8000-000000000001' }, 'sidejob.decide', { recordId, decision: 'approved_with_conditions', conditions: condition, reasons: 'Geheime motivering' });
    await invoke({ aadObjectId: 'c3000000-0000-4000-8000-000000000003' }, 'finance.submit', { formId: crypto.randomUUID(), kind: 'claims', description: 'Geheime lening', relationToOwnWork: 'Geheim', acquiredOn: '2025-01-01' });
    expect(await (await fetch(`${bot.url}/register/velsen/nevenwerkzaamheden`)).text()).toContain(sideJob);
    await bot.settle();
    const output = lines.join('');
    expect(lines.length).toBeGreaterThan(2);
    expect(output).toContain('"event":"activity.handled"');
    expect(output).toContain('"event":"public_register.served"');
    for (const forbidden of [secret, 'Bouwbedrijf Geheim', demoUsers.employee.name, demoUsers.manager.name, 'alexw@', 'Mag ik het', sideJob, condition, 'Stichting Geheim', 'Geheime', 'Isaiah', 'Hasan']) {
      expect(output).not.toContain(forbidden);
    }
  });
});
