import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, startPlaygroundSession, type PlaygroundSession } from './playground.js';

if (e2eSkipReason) console.warn(e2eSkipReason);

const alex = 'Alex Wilber'; // employee of the demo organisation Velsen
const lynne = 'Lynne Robbins'; // Velsen's vertrouwenspersoon ongewenst gedrag

/** The bot's clock: a Tuesday morning in 2026 that moves on with real time. */
const botStart = new Date('2026-03-10T10:00:00+01:00').getTime();
const realStart = Date.now();
const now = () => new Date(botStart + (Date.now() - realStart));

const reference = 'VEL-M-2026-0001';
const description = 'Mijn teamleider maakt in het teamoverleg steeds grappen over mijn accent.';
const question = 'Sinds wanneer gebeurt dit, en was er iemand anders bij?';
const answer = 'Sinds januari; Sanne was er meestal bij.';

const normalise = (text: string) => text.replace(/\s+/g, ' ');
const textOf = async (message: Locator) => normalise(await message.innerText());

/**
 * A confidential report in the real client. Alex reads where he can go, reports unwanted
 * behaviour to the vertrouwenspersoon (his manager, who is involved, is not offered); Lynne gets
 * it in her own chat, acknowledges and asks a question; Alex is told, and answers right there;
 * Lynne sees the answer.
 */
describe.skipIf(Boolean(e2eSkipReason))('a confidential report in the Agents Playground', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    // Lynne's chat must exist before Alex reports: the bot sends her the report proactively.
    session = await startPlaygroundSession({ users: [alex, lynne], now });
  });

  afterAll(async () => {
    await session?.stop();
  });

  /** Waits until the bot delivered everything it had to say, and the Playground drew it. */
  async function deliveriesDone(): Promise<void> {
    const outbox = session.app.database.db.collection('outbox');
    for (let round = 0; round < 200; round += 1) {
      await session.app.delivery.idle();
      if ((await outbox.countDocuments({ status: 'pending' })) === 0) break;
      await session.page.waitForTimeout(50);
    }
    await session.page.waitForTimeout(500);
  }

  it('Alex reads the routes, then reports to the vertrouwenspersoon; his card says to whom, not what', async () => {
    await session.waitForBotText('Welkom bij de Integriteitsassistent');
    await session.say('melding doen');
    const intake = await session.waitForBotText('Vertrouwelijk melden');
    const intakeText = await textOf(intake);
    expect(intakeText).toContain('Lynne Robbins');
    expect(intakeText).toContain('Teams bewaart de geschiedenis van deze chat');
    expect(intakeText).toContain('Artikel 10 lid 2');

    await session.chooseCardOption('Waar gaat het over?', 'Ongewenst gedrag');
    await session.chooseCardOption('Is je leidinggevende bij de zaak betrokken?', 'Ja');
    await session.clickCardButton('Verder');
    const triage = await session.waitForBotText('Aan wie wil je het melden?', 15_000);
    const triageText = await textOf(triage);
    expect(triageText).not.toContain('Leidinggevende: Megan Bowen');
    expect(triageText).toContain('Vertrouwenspersoon ongewenst gedrag: Lynne Robbins');

    await session.chooseCardOption('Wat voor soort zaak is het?', 'Discriminatie');
    await session.chooseCardOption('Aan wie wil je het melden?', 'Vertrouwenspersoon ongewenst gedrag: Lynne Robbins');
    await session.fillCardInput('Wat is er gebeurd?', description);
    await session.clickCardButton('Melding versturen');
    const sent = await session.waitForBotText('Melding verstuurd aan de vertrouwenspersoon ongewenst gedrag', 15_000);
    const sentText = await textOf(sent);
    expect(sentText).toContain(reference);
    expect(sentText).toContain('Vertrouwelijk: alleen Lynne Robbins weet dat jij deze melding deed.');
    expect(sentText).not.toContain('accent');
    await session.screenshot('report-alex-sent');
  });

  it('Lynne gets the report in her own chat, acknowledges and asks a question', async () => {
    await session.switchUser(lynne);
    const card = await session.waitForBotText(`Melding ${reference}`, 15_000);
    const text = await textOf(card);
    expect(text).toContain(description);
    expect(text).toContain('Alex Wilber');
    await session.clickCardButton('Ontvangst bevestigen', card);
    await session.waitForBotText(/Ontvangstbevestiging\s+gedaan op/, 15_000);
    // The card is replaced by the answer and then refreshed by the outbox: type into it once it is still.
    await deliveriesDone();
    const acknowledged = session.card('last');
    await session.fillCardInput('Vraag of bericht aan de melder', question, acknowledged);
    await session.clickCardButton('Bericht sturen', acknowledged);
    await session.waitForBotText(question, 15_000);
    await session.screenshot('report-lynne-asked');
  });

  it('Alex is told, and answers the question where it arrived; Lynne reads the answer', async () => {
    await session.switchUser(alex);
    await session.waitForBotText(`Lynne Robbins heeft de ontvangst van je melding ${reference} bevestigd`, 15_000);
    const asked = await session.waitForBotText(`Nieuw bericht over je melding ${reference}`, 15_000);
    await deliveriesDone();
    expect(await textOf(asked)).toContain(question);
    await session.fillCardInput('Je antwoord aan Lynne Robbins', answer, asked);
    await session.clickCardButton('Antwoorden', asked);
    const thread = await session.waitForBotText(answer, 15_000);
    expect(await textOf(thread)).not.toContain('accent');
    await session.screenshot('report-alex-answered');

    await session.switchUser(lynne);
    const update = await session.waitForBotText(answer, 15_000);
    expect(await textOf(update)).toContain(question);
    await session.screenshot('report-lynne-answer');
  });
});
