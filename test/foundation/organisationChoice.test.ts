import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, visibleText, type TestBot } from '../support/bot.js';

describe('a user the directory does not know, in local mode without DEFAULT_ORG', () => {
  const stranger = { aadObjectId: 'f0f0f0f0-0000-4000-8000-00000000abcd', tenantId: '00000000-dead-beef-0000-000000000000' };
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { DEFAULT_ORG: undefined } });
  });
  afterAll(async () => bot?.close());

  it('is asked once for the organisation, and the answer is remembered', async () => {
    const asked = await bot.send(bot.message('Mag ik een bijbaan hebben?', stranger));
    const text = visibleText(asked);
    expect(text).toContain('Ik weet nog niet bij welke organisatie je werkt');
    expect(text).toContain('Gemeente Heerde');

    const chosen = await bot.send({ ...bot.message('', stranger), text: undefined, value: { verb: 'organisation.choose', orgId: 'heerde' } });
    expect(visibleText(chosen)).toContain('Ik gebruik voortaan de regels van Gemeente Heerde');

    const [answer] = await bot.send(bot.message('Mag ik een bijbaan hebben?', stranger));
    const cited = JSON.stringify(answer?.entities ?? []);
    expect(cited).toMatch(/Heerde|Ambtenarenwet/);
    expect(cited).not.toMatch(/Velsen/);
  });

  it('refuses an organisation that does not exist', async () => {
    const replies = await bot.send({ ...bot.message('', { ...stranger, aadObjectId: 'f0f0f0f0-0000-4000-8000-00000000abce' }), text: undefined, value: { verb: 'organisation.choose', orgId: 'atlantis' } });
    expect(visibleText(replies)).toContain('Dat kan ik niet aanpassen');
  });
});
