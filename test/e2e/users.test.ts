import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, SESSION_START_MS, startPlaygroundSession, type PlaygroundSession } from './playground.js';

if (e2eSkipReason) console.warn(e2eSkipReason);

const alex = { name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
const megan = { name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' };

/** The harness's two-user mechanism: a Playground per mock user, all talking to one bot. */
describe.skipIf(Boolean(e2eSkipReason))('Agents Playground with an employee and a manager', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    session = await startPlaygroundSession({ users: [alex.name, megan.name] });
  }, SESSION_START_MS);

  afterAll(async () => {
    await session?.stop();
  });

  it('signs each user in to a personal chat of their own', async () => {
    expect(session.user).toBe(alex.name);
    await session.waitForBotText('Welkom bij de Integriteitsassistent');
    const alexUrl = session.playgroundUrl;

    await session.switchUser(megan.name);
    expect(session.user).toBe(megan.name);
    expect(session.playgroundUrl).not.toBe(alexUrl);
    await session.waitForBotText('Welkom bij de Integriteitsassistent');

    // The bot knows where to reach each of them proactively: their own chat, at the one service
    // URL of their tenant (as in Teams; the harness routes it to each person's Playground).
    const references = session.app.database.db.collection<{ _id: string; serviceUrl: string; conversationId: string }>('conversationReferences');
    const [alexRef, meganRef] = await Promise.all([references.findOne({ _id: alex.aadObjectId }), references.findOne({ _id: megan.aadObjectId })]);
    expect(alexRef?.serviceUrl).toBeTruthy();
    expect(meganRef?.serviceUrl).toBe(alexRef?.serviceUrl);
    expect(meganRef?.conversationId).not.toBe(alexRef?.conversationId);
  });

  it('shows a reply only to the user who asked', async () => {
    await session.switchUser(megan.name);
    await session.say('help');
    await session.waitForBotText('Wat kan ik voor je doen?');

    await session.switchUser(alex.name);
    expect((await session.botMessages()).some((message) => message.includes('Wat kan ik voor je doen?'))).toBe(false);
  });
});
