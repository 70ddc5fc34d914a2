import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, startPlaygroundSession, type PlaygroundSession } from './playground.js';

if (e2eSkipReason) console.warn(e2eSkipReason);

const alex = 'Alex Wilber'; // employee of Velsen (demo org)
const megan = 'Megan Bowen'; // Alex's manager

/** The bot's clock: a fixed Tuesday morning in 2026 that moves on with real time (deterministic reference and dates). */
const botStart = new Date('2026-03-10T10:00:00+01:00').getTime();
const realStart = Date.now();
const now = () => new Date(botStart + (Date.now() - realStart));

const reference = 'VEL-G-2026-0001'; // the first gift notification of Velsen in 2026 (fresh database)
/** From Velsen's gedragscode, artikel 5 lid 2: only in the quote, not in the advice. */
const quotedArticle = 'De direct leidinggevende registreert dit.';
const normalise = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The gift notification in the real client: Alex reports a gift worth more than EUR 50, sees the
 * advice with the quoted article in place of the form; Megan gets the decision card proactively in
 * her own chat, decides, and sees the decision in place; Alex is told, and his card shows it too.
 */
describe.skipIf(Boolean(e2eSkipReason))('gift notification in the Agents Playground', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    // Megan must be in the chat from the start: the bot needs her conversation to send her the card.
    session = await startPlaygroundSession({ users: [alex, megan], now });
  }, 45_000);

  afterAll(async () => {
    await session?.stop();
  });

  it('Alex fills in the form and gets the advice with the Velsen article in place of the form', async () => {
    await session.waitForBotText('Welkom bij de Integriteitsassistent');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.waitForBotText('Welkom bij de Integr");
    await session.say('cadeau melden');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.say('cadeau melden');");
    const form = await session.waitForBotText('Wat heb je gekregen of aangeboden gekregen?');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "const form = await session.waitForBotText('Wat heb");
    expect(await form.innerText()).toContain('Cadeau melden');

    await session.fillCardInput('Wat heb je gekregen of aangeboden gekregen?', 'Een dinerbon voor twee personen');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.fillCardInput('Wat heb je gekregen o");
    await session.fillCardInput('Van wie? (persoon of organisatie)', 'Bouwbedrijf Kennemerland BV');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.fillCardInput('Van wie? (persoon of ");
    await session.chooseCardOption('Wie is de gever voor jouw werk?', 'Leverancier of aannemer');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.chooseCardOption('Wie is de gever vo");
    await session.chooseCardOption('Wat voor soort?', 'Geld of waardebon');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.chooseCardOption('Wat voor soort?', ");
    await session.fillCardInput('Geschatte waarde in euro', '75,50');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.fillCardInput('Geschatte waarde in e");
    await session.fillCardInput('Wanneer ontvangen of aangeboden?', '2026-03-09');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.fillCardInput('Wanneer ontvangen of ");
    await session.chooseCardOption('Is het bij je thuis bezorgd?', 'Nee');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.chooseCardOption('Is het bij je thui");
    await session.chooseCardOption('Lopen er gesprekken of onderhandelingen met de gever', 'Nee');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.chooseCardOption('Lopen er gesprekke");
    await session.chooseCardOption('Vermoed je dat de gever er iets voor terugverwacht?', 'Nee');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.chooseCardOption('Vermoed je dat de ");
    await session.clickCardButton('Melden');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.clickCardButton('Melden');");

    const outcome = await session.waitForBotText(`Je cadeaumelding ${reference}`);
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), 'const outcome = await session.waitForBotText(`Je c');
    const text = normalise(await outcome.innerText());
    expect(text).toContain('Je melding is vastgelegd.');
    expect(text).toContain('Status: wacht op besluit van Megan Bowen.');
    expect(text).toContain('Advies: inleveren bij de organisatie');
    expect(text).toContain('De waarde is meer dan € 50.');
    expect(text).toContain('Artikel 5 lid 2');
    expect(text).toContain(quotedArticle);
    expect(text).toMatch(/Waarde\s*€\s75,50/);
    expect(text).toContain('9 maart 2026');
    expect(text).toContain('Bouwbedrijf Kennemerland BV');
    // In place: the form is gone, not followed by a second card.
    expect(await session.page.getByText('Wat heb je gekregen of aangeboden gekregen?').count()).toBe(0);
    await outcome.scrollIntoViewIfNeeded();
    await session.screenshot('gift-alex-outcome');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.screenshot('gift-alex-outcome');");
  });

  it('Megan gets the decision card in her own chat and decides; her card shows the decision in place', async () => {
    await session.switchUser(megan);
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), 'await session.switchUser(megan);');
    const card = await session.waitForBotText(`Cadeaumelding van ${alex}`);
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), 'const card = await session.waitForBotText(`Cadeaum');
    const text = normalise(await card.innerText());
    expect(text).toContain(reference);
    expect(text).toContain('Een dinerbon voor twee personen');
    expect(text).toContain('Advies: inleveren bij de organisatie');
    expect(text).toContain(quotedArticle);
    for (const title of ['Mag houden', 'Inleveren bij de organisatie (advies)', 'Terugsturen naar de gever']) {
      expect(await card.getByRole('button', { name: title, exact: true }).isVisible(), title).toBe(true);
    }

    await session.fillCardInput('Toelichting of bestemming', 'Gaat naar de kerstpakkettenactie van de afdeling');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.fillCardInput('Toelichting of bestem");
    await session.clickCardButton('Inleveren bij de organisatie (advies)');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.clickCardButton('Inleveren bij de or");
    const decided = await session.waitForBotText('Besluit: Inleveren bij de organisatie, door Megan Bowen op 10 maart 2026');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "const decided = await session.waitForBotText('Besl");
    const decidedText = normalise(await decided.innerText());
    expect(decidedText).toContain(reference);
    expect(decidedText).toContain('Toelichting: Gaat naar de kerstpakkettenactie van de afdeling');
    expect(await decided.getByRole('button', { name: /Mag houden|Inleveren|Terugsturen/ }).count()).toBe(0);
    expect((await session.botMessages()).filter((message) => message.includes(`Cadeaumelding van ${alex}`))).toHaveLength(1);
    await decided.scrollIntoViewIfNeeded();
    await session.screenshot('gift-megan-decided');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.screenshot('gift-megan-decided');");
  });

  it('Alex is told the decision, and his outcome card shows it', async () => {
    await session.switchUser(alex);
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), 'await session.switchUser(alex);');
    const told = await session.waitForBotText(`Megan Bowen heeft besloten over je cadeaumelding ${reference}`);
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), 'const told = await session.waitForBotText(`Megan B');
    expect(normalise(await told.innerText())).toContain('Inleveren bij de organisatie. Toelichting: Gaat naar de kerstpakkettenactie van de afdeling');
    const outcome = await session.waitForBotText('Besluit: Inleveren bij de organisatie, door Megan Bowen');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "const outcome = await session.waitForBotText('Besl");
    expect(normalise(await outcome.innerText())).toContain(`Je cadeaumelding ${reference}`);
    expect(normalise(await outcome.innerText())).not.toContain('Status: wacht op besluit');
    await session.screenshot('gift-alex-told');
    console.log('STEP', ((Date.now() - realStart) / 1000).toFixed(2), "await session.screenshot('gift-alex-told');");
  });
});
