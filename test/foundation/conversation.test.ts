import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, startTestBot, visibleText, type TestBot } from '../support/bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => bot?.close());

describe('conversation basics over the Bot Framework endpoint', () => {
  it('welcomes a user in Dutch on install, with buttons for the main tasks', async () => {
    const replies = await bot.send({
      ...bot.message('', demoUsers.employee),
      text: undefined,
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:integriteitsassistent', name: 'Integriteitsassistent' }],
    });
    expect(replies).toHaveLength(1);
    const text = visibleText(replies);
    expect(text).toContain('Welkom bij de Integriteitsassistent van Gemeente Velsen');
    for (const task of ['Vraag stellen', 'Cadeau melden', 'Nevenwerkzaamheid melden', 'Melding doen', 'Mijn meldingen']) {
      expect(text).toContain(task);
    }
  });

  it('does not welcome twice when Teams sends installationUpdate right after conversationUpdate', async () => {
    const user = { aadObjectId: demoUsers.hr.aadObjectId };
    const first = await bot.send({ ...bot.message('', user), text: undefined, type: 'installationUpdate', action: 'add' });
    const second = await bot.send({
      ...bot.message('', user),
      text: undefined,
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:integriteitsassistent', name: 'Integriteitsassistent' }],
    });
    expect(visibleText(first)).toContain('Welkom');
    expect(second).toHaveLength(0);
  });

  it('welcomes once when both install events are handled at the same moment', async () => {
    const user = { aadObjectId: demoUsers.vertrouwenspersoonIntegriteit.aadObjectId };
    const [installation, membersAdded] = await Promise.all([
      bot.send({ ...bot.message('', user), text: undefined, type: 'installationUpdate', action: 'add' }),
      bot.send({
        ...bot.message('', user),
        text: undefined,
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:integriteitsassistent', name: 'Integriteitsassistent' }],
      }),
    ]);
    expect(installation.length + membersAdded.length).toBe(1);
  });

  it('welcomes again after a reinstall later on', async () => {
    const user = { aadObjectId: demoUsers.vertrouwenspersoonOngewenstGedrag.aadObjectId };
    const install = () => bot.send({ ...bot.message('', user), text: undefined, type: 'installationUpdate', action: 'add' });
    expect(await install()).toHaveLength(1);
    bot.clock.now = new Date(bot.clock.now.getTime() + 5 * 60_000);
    expect(await install()).toHaveLength(1);
  });

  it('welcomes in English when the Teams client is English', async () => {
    const replies = await bot.send({
      ...bot.message('', { ...demoUsers.manager, locale: 'en-US' }),
      text: undefined,
      type: 'installationUpdate',
      action: 'add',
    });
    expect(visibleText(replies)).toContain('Welcome to the Integrity Assistant');
  });

  it('answers help with the list of tasks, in the HTTP body when expectReplies is asked', async () => {
    const response = await bot.post({ ...bot.message('help'), deliveryMode: 'expectReplies' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: { type: string }[] };
    expect(Array.isArray(body.activities)).toBe(true);
    expect(body.activities).toHaveLength(1);
    const text = visibleText(body.activities);
    expect(text).toContain('Wat kan ik voor je doen?');
    expect(text).toContain('cadeau melden');
    expect(text).toContain('melding doen');
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('answers help in English for an English client', async () => {
    const replies = await bot.send(bot.message('help', { ...demoUsers.employee, locale: 'en-GB' }));
    expect(visibleText(replies)).toContain('What can I do for you?');
  });

  it('answers a redelivered read-only activity again, with the same answer, and remembers nothing for it', async () => {
    // Only turns whose effect a redelivery would repeat claim their activity (test/teams/turnPipeline.test.ts).
    const activity = bot.message('help');
    const first = await bot.send(activity);
    const again = await bot.send(activity);
    expect(first).toHaveLength(1);
    expect(visibleText(again)).toBe(visibleText(first));
    const claim = `${activity.conversation!.id}|${activity.id}`;
    expect(await bot.app.database.db.collection<{ _id: string }>('handledActivities').countDocuments({ _id: claim })).toBe(0);
  });

  it('stores the conversation reference of a personal chat for proactive messages', async () => {
    await bot.send(bot.message('help', demoUsers.seniorManager));
    const stored = await bot.app.database.db.collection('conversationReferences').findOne({ _id: demoUsers.seniorManager.aadObjectId as never });
    expect(stored?.serviceUrl).toBe(bot.connector.url);
    expect(stored?.conversationId).toBe(bot.conversationOf(demoUsers.seniorManager));
  });

  it('gives a polite answer to an empty message instead of failing', async () => {
    const replies = await bot.send({ ...bot.message(''), text: '   ' });
    expect(visibleText(replies)).toContain('Dat begreep ik niet');
  });
});
