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
    const output = lines.join('');
    expect(lines.length).toBeGreaterThan(2);
    expect(output).toContain('"event":"activity.handled"');
    for (const forbidden of [secret, 'Bouwbedrijf Geheim', demoUsers.employee.name, demoUsers.manager.name, 'alexw@', 'Mag ik het']) {
      expect(output).not.toContain(forbidden);
    }
  });
});
