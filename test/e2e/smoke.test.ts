import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, SESSION_START_MS, startPlaygroundSession, type PlaygroundSession } from './playground.js';

if (e2eSkipReason) console.warn(e2eSkipReason);

describe.skipIf(Boolean(e2eSkipReason))('Agents Playground smoke test', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    session = await startPlaygroundSession();
  }, SESSION_START_MS);

  afterAll(async () => {
    await session?.stop();
  });

  it('shows the welcome card when the chat opens', async () => {
    const welcome = await session.waitForBotText('Welkom bij de Integriteitsassistent');
    expect(await welcome.getByRole('heading').first().innerText()).toMatch(/^Welkom bij de Integriteitsassistent van /);
    for (const task of ['Vraag stellen', 'Cadeau melden', 'Nevenwerkzaamheid melden', 'Melding doen', 'Mijn meldingen', 'Help']) {
      expect(await welcome.getByRole('button', { name: task, exact: true }).isVisible(), task).toBe(true);
    }
    await session.screenshot('smoke-welcome');
  });

  it('welcomes once, although Teams sends both installationUpdate and conversationUpdate', async () => {
    await session.waitForBotText('Welkom bij de Integriteitsassistent');
    await session.page.waitForTimeout(1000);
    const welcomes = (await session.botMessages()).filter((message) => message.includes('Welkom bij de Integriteitsassistent'));
    expect(welcomes).toHaveLength(1);
  });

  it('answers "help" with the help card', async () => {
    await session.say('help');
    const help = await session.waitForBotText('Wat kan ik voor je doen?');
    const text = await help.innerText();
    expect(text).toContain('cadeau melden');
    expect(text).toContain('Je berichten worden niet gelogd.');
    expect(await session.card('last').innerText()).toContain('Wat kan ik voor je doen?');
    await session.screenshot('smoke-help');
  });

  it('opens the help card from the welcome card button too', async () => {
    await session.clickCardButton('Help', session.card(0));
    await session.waitForBotText('Wat kan ik voor je doen?');
    expect(await session.card('last').innerText()).toContain('Wat kan ik voor je doen?');
    const helpCards = (await session.botMessages()).filter((message) => message.includes('Wat kan ik voor je doen?'));
    expect(helpCards).toHaveLength(2);
  });

  it('answers a typed question with the quoted article and its citation markers', async () => {
    await session.say('Mag ik een cadeaubon van 25 euro van een inwoner houden?');
    const answer = await session.waitForBotText(/Artikel 5 lid 4/, 15_000);
    const text = await answer.innerText();
    expect(text).toMatch(/€ ?50/);
    expect(text).toMatch(/\[?1\]?/);
    // Teams shows the next-step card as its own bubble below the answer text.
    const nextStep = session.card('last');
    expect(await nextStep.getByRole('button', { name: 'Geschenk of uitnodiging melden' }).isVisible()).toBe(true);
    await session.screenshot('smoke-question');
  });

  it('logs no warning or error for a new user’s normal session (page load, welcome, help, a question)', () => {
    expect(session.botLogProblems()).toEqual([]);
  });
});
