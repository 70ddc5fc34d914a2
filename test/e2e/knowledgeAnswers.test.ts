import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, startPlaygroundSession, type PlaygroundSession } from './playground.js';

if (e2eSkipReason) console.warn(e2eSkipReason);

const run = promisify(execFile);
const repository = path.resolve(import.meta.dirname, '..', '..');
const droneRegulation = path.join(repository, 'test', 'knowledge', 'fixtures', 'regeling-dienstdrones-velsen.txt');

const normalise = (text: string) => text.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ');
const textOf = async (message: Locator) => normalise(await message.innerText());

/** The lead: the message's first paragraph, which answers the question. */
function leadOf(text: string): string {
  return text.split(/\n\s*\n/)[0]?.trim() ?? '';
}

/** Sentences of a lead, not counting the dots inside quotes, amounts or e-mail addresses. */
function sentenceCount(lead: string): number {
  const withoutQuotes = lead.replace(/“[^”]*”/g, 'Q').replace(/\([^)]*\)/g, '');
  return withoutQuotes.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((part) => part.trim() !== '').length;
}

/** Quotes shown in the message itself (the articles are folded away in the card). */
function shownQuotes(text: string): number {
  return (text.match(/” — /g) ?? []).length;
}

/**
 * The questions a new Velsen employee asked in the Playground (issue 8), asked again as Alex
 * Wilber on a Dutch Teams client: each gets a correct, short, cited answer. And a regulation
 * imported while the bot runs is answered from without a restart.
 */
describe.skipIf(Boolean(e2eSkipReason))('answers in the Agents Playground', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    session = await startPlaygroundSession({ env: { POLICY_REFRESH_SECONDS: '1' } });
    await session.waitForBotText('Welkom bij de Integriteitsassistent');
  });

  afterAll(async () => {
    await session?.stop();
  });

  async function ask(question: string, expected: RegExp): Promise<string> {
    await session.say(question);
    const message = await session.waitForBotText(expected, 15_000);
    const text = await textOf(message);
    const lead = leadOf(text);
    // Short: a lead of one to three sentences, at most two quotes in view, and cited.
    expect(sentenceCount(lead), lead).toBeLessThanOrEqual(3);
    expect(shownQuotes(text), text).toBeLessThanOrEqual(2);
    expect(text, text).toMatch(/\[?\d\]?/);
    expect(lead, lead).not.toMatch(/^(daar|deze|dit|als daar)\b/i);
    expect(text).not.toMatch(/Daarover vind ik niets/);
    return text;
  }

  it('bullying: the rule on unwanted behaviour and the counsellor to turn to', async () => {
    const text = await ask('Ik word op mijn werk gepest door een collega, wat kan ik doen?', /Artikel 9 zegt/);
    expect(leadOf(text)).toMatch(/pesterij/);
    expect(leadOf(text)).toContain('Lynne Robbins (lynner@velsen.example)');
    expect(text).toContain('Megan Bowen (meganb@velsen.example)');
    await session.screenshot('answers-bullying');
  });

  it('Facebook: the article on social media', async () => {
    const text = await ask('Mag ik op Facebook iets zeggen over mijn werk?', /Artikel 12 zegt/);
    expect(leadOf(text)).toContain('sociale media');
    expect(text).not.toMatch(/privépost/);
  });

  it('an English question on a Dutch client: answered in English from article 7', async () => {
    const text = await ask('What are the rules for side jobs?', /Artikel 7 lid \d says/);
    expect(text).toContain('The rules are in Dutch');
    expect(text).toMatch(/nevenwerkzaamheden|nevenactiviteiten/);
    expect(text).toContain('Not sure whether this applies to your situation?');
  });

  it('the confidential counsellors by name, with how to reach them', async () => {
    const text = await ask('Wie is de vertrouwenspersoon?', /Patti Fernandez/);
    const lead = leadOf(text);
    expect(lead).toContain('Patti Fernandez (pattif@velsen.example)');
    expect(lead).toContain('Lynne Robbins (lynner@velsen.example)');
    expect(lead).not.toMatch(/^Op intranet/);
  });

  it('a bottle of wine from a supplier: the gift rules decide, citing the € 50 rule, with the articles behind a toggle', async () => {
    const text = await ask('Mag ik een fles wijn van 35 euro van een leverancier houden?', /Ja, een geschenk van € 35 mag je houden/);
    expect(leadOf(text)).toMatch(/^Ja, een geschenk van € 35 mag je houden, maar je meldt het wel bij je leidinggevende/);
    expect(text).toMatch(/minder dan € 50/);
    expect(text).toMatch(/Artikel 5 lid 4/);
    // The full article is folded away until asked for.
    const card = session.card('last');
    expect(await card.getByText('Geschenken, uitnodigingen, gunsten of gelden die niet kunnen worden geaccepteerd').count()).toBe(0);
    await session.clickCardButton('Toon de artikelen', card);
    await expect.poll(async () => card.getByText(/worden geretourneerd aan de afzender/).isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await card.getByRole('button', { name: 'Geschenk of uitnodiging melden' }).isVisible()).toBe(true);
    await session.screenshot('answers-wine-articles');
  });

  it('shares: financial interests, not a side-job sentence', async () => {
    const text = await ask('Moet ik mijn aandelen melden?', /financi/i);
    expect(leadOf(text)).toMatch(/financiële belangen|meldingsplicht|effecten/);
    expect(leadOf(text)).not.toMatch(/nevenwerkzaamheden/);
  });

  it('answers from a regulation imported while the bot runs, without a restart', async () => {
    const config = session.app.services.config;
    const imported = await run(process.execPath, ['--import', 'tsx', path.join(repository, 'src/cli/policies-import.ts'), '--org', 'velsen', '--id', 'velsen-regeling-dienstdrones', droneRegulation], {
      cwd: repository,
      env: { ...process.env, MONGODB_URI: config.MONGODB_URI, MONGODB_DB: config.MONGODB_DB, NODE_ENV: 'test' },
    });
    expect(imported.stdout).toContain('Artikel 2 lid 1');
    expect(imported.stdout).toContain('Artikel 2 lid 2');
    expect(imported.stdout).not.toMatch(/restart/i);
    // The bot checks for new policies every second; ask until the regulation answers.
    let text = '';
    await expect
      .poll(
        async () => {
          await session.say('Mag ik met de dienstdrone privé filmen?');
          const message = await session.waitForBotText(/dienstdrone|Daarover vind ik niets|Ik weet niet zeker/, 15_000);
          text = await textOf(message);
          return /Artikel 2 lid 1 zegt: “Het is de werknemer verboden om met een dienstdrone privéopnamen te maken/.test(text);
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(true);
    expect(leadOf(text)).toMatch(/^Nee\. Artikel 2 lid 1 zegt/);
    // The imported regulation is the cited document, behind the articles toggle too.
    const card = session.card('last');
    await session.clickCardButton('Toon de artikelen', card);
    await expect.poll(async () => card.getByText(/Regeling dienstdrones gemeente Velsen/).first().isVisible(), { timeout: 5_000 }).toBe(true);
    await session.screenshot('answers-drone-import');
  }, 60_000);
});
