import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillGiftForm } from './giftForm.js';
import { botClockFrom, e2eSkipReason, SESSION_START_MS, startPlaygroundSession, textOf, type PlaygroundSession } from './playground.js';

if (e2eSkipReason) console.warn(e2eSkipReason);

const alex = 'Alex Wilber'; // employee of the demo organisation Velsen
const megan = 'Megan Bowen'; // Alex's manager

/** The bot's clock: a Tuesday morning in 2026 that moves on with real time, so dates and the reference are known. */
const now = botClockFrom('2026-03-10T10:00:00+01:00');

/** The first gift notification of Velsen in 2026 (each session has a fresh database). */
const reference = 'VEL-G-2026-0001';
/** From Velsen's gedragscode, artikel 5 lid 2 (only in the quote, not in the advice). */
const quotedArticle = 'De direct leidinggevende registreert dit.';
const comment = 'Gaat naar de kerstpakkettenactie van de afdeling';
const decisionLine = 'Besluit: Inleveren bij de organisatie, door Megan Bowen op 10 maart 2026';

/**
 * The gift notification in the real client. Alex reports a gift worth more than EUR 50 and sees the
 * advice with the quoted Velsen article in place of the form; Megan gets the decision card in her
 * own chat without asking, decides, and her card shows the decision in place; Alex is told, and his
 * outcome card shows the decision too.
 */
describe.skipIf(Boolean(e2eSkipReason))('gift notification in the Agents Playground', () => {
  let session: PlaygroundSession;

  /** A PNG of a whole (long) message: the page is made tall enough for it, then set back. */
  async function screenshotOf(message: Locator, name: string): Promise<string> {
    const { page } = session;
    const original = page.viewportSize();
    const box = await message.boundingBox();
    if (original && box && box.height + 300 > original.height) await page.setViewportSize({ width: original.width, height: Math.ceil(box.height) + 300 });
    try {
      const file = path.join(session.artifactsDir, `${name}.png`);
      await message.screenshot({ path: file, animations: 'disabled' });
      return file;
    } finally {
      if (original) await page.setViewportSize(original);
    }
  }

  beforeAll(async () => {
    // Megan's chat must exist before Alex submits: the bot sends her the card proactively.
    session = await startPlaygroundSession({ users: [alex, megan], now });
  }, SESSION_START_MS);

  afterAll(async () => {
    await session?.stop();
  });

  it('Alex fills in the form and gets the advice, with the Velsen article, in place of the form', async () => {
    await session.waitForBotText('Welkom bij de Integriteitsassistent');
    await session.say('cadeau melden');
    const form = await session.waitForBotText('Wat heb je gekregen of aangeboden gekregen?');
    expect(await textOf(form)).toContain('Cadeau melden Meld een geschenk, uitnodiging, gunst of geld');

    await fillGiftForm(session, { description: 'Een dinerbon voor twee personen', giver: 'Bouwbedrijf Kennemerland BV', kind: 'Geld of waardebon', value: '75,50', receivedOn: '2026-03-09' });

    const outcome = await session.waitForBotText(`Je cadeaumelding ${reference}`, 15_000);
    const text = await textOf(outcome);
    expect(text).toContain('Je melding is vastgelegd. Bewaar het kenmerk');
    expect(text).toContain('Status: wacht op besluit van Megan Bowen.');
    expect(text).toContain('Advies: inleveren bij de organisatie');
    expect(text).toContain('De waarde is meer dan € 50.');
    expect(text).toContain('Gedragscode ambtelijke integriteit Gemeente Velsen, Artikel 5 lid 2');
    expect(text).toContain(quotedArticle);
    for (const fact of ['Kenmerk VEL-G-2026-0001', 'Wat Een dinerbon voor twee personen', 'Van Bouwbedrijf Kennemerland BV', 'Gever Leverancier of aannemer', 'Soort Geld of waardebon', 'Waarde € 75,50', 'Ontvangen op 9 maart 2026']) {
      expect(text.replace(/\u00a0/g, ' ')).toContain(fact);
    }
    // In place: the form is gone, and there is one outcome card.
    expect(await session.page.getByText('Wat heb je gekregen of aangeboden gekregen?').count()).toBe(0);
    expect((await session.botMessages()).filter((message) => message.includes('Je cadeaumelding'))).toHaveLength(1);
    await screenshotOf(outcome, 'gift-alex-outcome');
  });

  it('Megan gets the decision card in her own chat, decides, and sees the decision in place', async () => {
    await session.switchUser(megan);
    const card = await session.waitForBotText(`Cadeaumelding van ${alex}`, 15_000);
    const text = await textOf(card);
    expect(text).toContain(`Kenmerk ${reference}`);
    expect(text).toContain('Medewerker Alex Wilber');
    expect(text).toContain('Een dinerbon voor twee personen');
    expect(text).toContain('Advies: inleveren bij de organisatie');
    expect(text).toContain(quotedArticle);
    for (const title of ['Mag houden', 'Inleveren bij de organisatie (advies)', 'Terugsturen naar de gever']) {
      expect(await card.getByRole('button', { name: title, exact: true }).isVisible(), title).toBe(true);
    }

    await session.fillCardInput('Toelichting of bestemming', comment, card);
    await session.clickCardButton('Inleveren bij de organisatie (advies)', card);
    const decided = await session.waitForBotText(decisionLine, 15_000);
    const decidedText = await textOf(decided);
    expect(decidedText).toContain(`Cadeaumelding van ${alex}`);
    expect(decidedText).toContain(`Toelichting: ${comment}`);
    expect(decidedText).toContain(`Kenmerk ${reference}`);
    // Decided: no decision buttons left, and the card was replaced rather than a new one added.
    expect(await decided.getByRole('button', { name: /Mag houden|Inleveren|Terugsturen/ }).count()).toBe(0);
    expect((await session.botMessages()).filter((message) => message.includes(`Cadeaumelding van ${alex}`))).toHaveLength(1);
    await screenshotOf(decided, 'gift-megan-decided');
  });

  it('Alex is told the decision, and his outcome card shows it', async () => {
    await session.switchUser(alex);
    const told = await session.waitForBotText(`Megan Bowen heeft besloten over je cadeaumelding ${reference}`, 15_000);
    expect(await textOf(told)).toContain(`${reference}: Inleveren bij de organisatie. Toelichting: ${comment}`);
    const outcome = await session.waitForBotText(decisionLine, 15_000);
    const text = await textOf(outcome);
    expect(text).toContain(`Je cadeaumelding ${reference}`);
    expect(text).not.toContain('Status: wacht op besluit');
    expect((await session.botMessages()).filter((message) => message.includes('Je cadeaumelding'))).toHaveLength(1);
    await session.screenshot('gift-alex-told');
  });
});
