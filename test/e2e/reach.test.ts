import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillGiftForm } from './giftForm.js';
import { e2eSkipReason, startPlaygroundSession, type PlaygroundSession } from './playground.js';

if (e2eSkipReason) console.warn(e2eSkipReason);

const alex = 'Alex Wilber';
const megan = 'Megan Bowen';
const adele = 'Adele Vance';

const botStart = new Date('2026-03-10T10:00:00+01:00').getTime();
const realStart = Date.now();
const now = () => new Date(botStart + (Date.now() - realStart));
const reference = 'VEL-G-2026-0001';
const normalise = (text: string) => text.replace(/\s+/g, ' ').replace(/\u00a0/g, ' ');

/**
 * Reaching people in the real client. Megan has never opened the bot (her Playground runs, her
 * page is closed): when Alex reports a gift, the bot opens a chat with her through the channel
 * (createConversation), and when she opens Teams the card is there, her welcome says what waits
 * for her, and she decides. Then HR (Adele) receives the weekly digest.
 */
describe.skipIf(Boolean(e2eSkipReason))('reaching people in the Agents Playground', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    session = await startPlaygroundSession({ users: [alex, adele], reachable: [megan], now });
  }, 240_000);
  afterAll(async () => {
    await session?.stop();
  });

  it('Megan, who never opened the bot, receives Alex’s gift card and decides', { timeout: 180_000 }, async () => {
    await session.waitForBotText('Welkom bij de Integriteitsassistent');
    await session.say('cadeau melden');
    await session.waitForBotText('Wat heb je gekregen of aangeboden gekregen?');
    await fillGiftForm(session, { description: 'Twee kaartjes voor het concert', giver: 'Evenementenbureau Kust', kind: 'Uitnodiging (evenement, excursie, reis)', value: '90', receivedOn: '2026-03-09' });
    const outcome = await session.waitForBotText(`Je cadeaumelding ${reference}`, 15_000);
    expect(normalise(await outcome.innerText())).toContain('Status: wacht op besluit van Megan Bowen.');

    // Megan opens Teams for the first time: the card is already in her chat.
    await session.switchUser(megan);
    const card = await session.waitForBotText(`Cadeaumelding van ${alex}`, 20_000);
    expect(normalise(await card.innerText())).toContain(`Kenmerk ${reference}`);
    const welcome = await session.waitForBotText('Welkom bij de Integriteitsassistent', 15_000);
    expect(normalise(await welcome.innerText())).toContain('Er wacht 1 melding op jouw besluit of advies.');
    await session.clickCardButton('Mag houden', card);
    const decided = await session.waitForBotText('Besluit: Mag houden, door Megan Bowen', 15_000);
    expect(normalise(await decided.innerText())).toContain(`Kenmerk ${reference}`);
    await session.screenshot('reach-megan-decided');

    await session.switchUser(alex);
    await session.waitForBotText(`Megan Bowen heeft besloten over je cadeaumelding ${reference}`, 15_000);
  });

  it('HR receives the weekly digest', { timeout: 120_000 }, async () => {
    await session.app.scheduler.runNow('digest:velsen', now());
    await session.switchUser(adele);
    const digest = await session.waitForBotText('Weekoverzicht integriteit Gemeente Velsen', 20_000);
    const text = normalise(await digest.innerText());
    expect(text).toContain('1 nieuwe melding, samen € 90,00.');
    expect(text).toContain(reference);
    expect(text).toContain('Meldingen van vermoedens en ongewenst gedrag');
    await session.screenshot('reach-adele-digest');
  });
});
