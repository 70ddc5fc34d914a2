import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botClockFrom, e2eSkipReason, SESSION_START_MS, startPlaygroundSession, textOf, type PlaygroundSession } from './playground.js';

if (e2eSkipReason) console.warn(e2eSkipReason);

// WerkSaam Westfriesland's demo people (src/organisations/werksaam/demo-people.csv).
const dennis = 'Dennis Hoekstra'; // jobcoach
const saskia = 'Saskia Groen'; // his team leader: advises
const nicole = 'Nicole Prins'; // HR adviser: advises
const jolanda = 'Jolanda Smit'; // chair of the dagelijks bestuur: decides

/** The bot's clock: a Tuesday morning in 2026 that moves on with real time. */
const now = botClockFrom('2026-03-10T10:00:00+01:00');

/** WerkSaam's first side-job notification of 2026 (each session has a fresh database). */
const reference = 'WSW-N-2026-0001';
const managerConditions = 'Niet voor werkzoekenden uit de regio Westfriesland';
const boardConditions = 'Niet in de regio Westfriesland';
const boardReasons = 'Zo ontstaat geen belangenverstrengeling met klanten van WerkSaam.';

/**
 * A WerkSaam side job in the real client, from form to decision: Dennis reports it and gets the
 * first assessment in place of the form; his team leader advises positively with a condition, the
 * HR adviser advises, and the chair of the dagelijks bestuur decides with a condition and reasons,
 * each in their own chat with the card the bot sent them; Dennis is told each step and the decision.
 */
describe.skipIf(Boolean(e2eSkipReason))('a WerkSaam side job through advice and decision in the Agents Playground', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    // Everyone in the chain must have their chat open before the cards are sent to them.
    session = await startPlaygroundSession({ users: [dennis, saskia, nicole, jolanda], now });
  }, SESSION_START_MS);

  afterAll(async () => {
    await session?.stop();
  });

  it('Dennis fills in the form and gets the first assessment, with WerkSaam’s rule and who decides', async () => {
    await session.waitForBotText('Welkom bij de Integriteitsassistent van WerkSaam Westfriesland', 15_000);
    await session.say('nevenwerkzaamheid melden');
    await session.waitForBotText('Wat ga je doen?');
    await session.fillCardInput('Wat ga je doen?', 'Loopbaancoach voor werkzoekenden');
    await session.fillCardInput('Voor wie?', 'Coachpraktijk Noord');
    await session.chooseCardOption('Word je ervoor betaald?', 'Ja');
    await session.fillCardInput('Hoeveel uur per week ongeveer?', '6');
    await session.chooseCardOption('Doe je het (deels) onder werktijd?', 'Nee');
    await session.fillCardInput('Vanaf wanneer?', '2026-04-01');
    await session.chooseCardOption('Heeft de organisatie een band met je werkgever?', 'Werkt op hetzelfde beleidsterrein als ik');
    await session.chooseCardOption('Is het in de gemeente of regio waar je werkgever werkt?', 'Ja');
    await session.fillCardInput('Waarom botst dit wel of niet met je werk?', 'Ik coach alleen buiten werktijd en niet de klanten die ik bij WerkSaam begeleid.');
    await session.clickCardButton('Melden');

    const outcome = await session.waitForBotText(`Je melding nevenwerkzaamheid ${reference}`, 15_000);
    const text = await textOf(outcome);
    expect(text).toContain('Status: Advies van je leidinggevende (stap 1 van 3), bij Saskia Groen.');
    expect(text).toContain('Let op: dit kan botsen met je werk');
    expect(text).toContain('wel mag doen, maar niet in deze regio');
    expect(text).toContain('Het dagelijks bestuur beslist over je verzoek, op advies van je leidinggevende en de HR-adviseur');
    expect(text).toContain('§ 3.2.1.1 Nevenwerkzaamheden');
    expect(await session.page.getByText('Wat ga je doen?').count()).toBe(0);
  });

  it('Saskia advises positively with a condition, in her own chat', async () => {
    await session.switchUser(saskia);
    const card = await session.waitForBotText(`Melding nevenwerkzaamheid van ${dennis}`, 15_000);
    expect(await textOf(card)).toContain('Jouw stap: Advies van je leidinggevende (stap 1 van 3)');
    await session.chooseCardOption('Je advies', 'Positief, met voorwaarden', card);
    await session.fillCardInput('Voorwaarden', managerConditions, card);
    await session.fillCardInput('Toelichting', 'Zelfde vakgebied; binnen de regio zou hij klanten van WerkSaam kunnen treffen.', card);
    await session.clickCardButton('Advies geven', card);
    const advised = await session.waitForBotText('Status: Advies van de HR-adviseur (stap 2 van 3), bij Nicole Prins.', 15_000);
    expect(await advised.getByRole('button', { name: 'Advies geven' }).count()).toBe(0);
  });

  it('Nicole sees that advice and adds hers', async () => {
    await session.switchUser(nicole);
    const card = await session.waitForBotText(`Melding nevenwerkzaamheid van ${dennis}`, 15_000);
    const text = await textOf(card);
    expect(text).toContain('Advies van je leidinggevende: Positief, met voorwaarden');
    expect(text).toContain(`Voorwaarden: ${managerConditions}`);
    await session.chooseCardOption('Je advies', 'Positief', card);
    await session.clickCardButton('Advies geven', card);
    await session.waitForBotText('Status: Besluit van het dagelijks bestuur (stap 3 van 3)', 15_000);
  });

  it('Jolanda, for the dagelijks bestuur, decides with a condition and reasons', async () => {
    await session.switchUser(jolanda);
    const card = await session.waitForBotText(`Melding nevenwerkzaamheid van ${dennis}`, 15_000);
    expect(await textOf(card)).toContain('Jouw stap: Besluit van het dagelijks bestuur (stap 3 van 3)');
    await session.chooseCardOption('Je besluit', 'Toegestaan met voorwaarden', card);
    await session.fillCardInput('Voorwaarden', boardConditions, card);
    await session.fillCardInput('Motivering', boardReasons, card);
    await session.clickCardButton('Besluit vastleggen', card);
    const decided = await session.waitForBotText('Besluit: Toegestaan met voorwaarden, door Jolanda Smit', 15_000);
    expect(await textOf(decided)).toContain(`Voorwaarden: ${boardConditions}`);
    expect(await decided.getByRole('button', { name: 'Besluit vastleggen' }).count()).toBe(0);
  });

  it('Dennis was told each step, and his card shows the decision with the condition', async () => {
    await session.switchUser(dennis);
    await session.waitForBotText(`Saskia Groen heeft advies gegeven over je melding nevenwerkzaamheid ${reference}`, 15_000);
    const told = await session.waitForBotText(`Jolanda Smit heeft besloten over je melding nevenwerkzaamheid ${reference}`, 15_000);
    const text = await textOf(told);
    expect(text).toContain('Toegestaan met voorwaarden');
    expect(text).toContain(`Voorwaarden: ${boardConditions}`);
    expect(text).toContain(`Motivering: ${boardReasons}`);
    const card = await session.waitForBotText('Besluit: Toegestaan met voorwaarden, door Jolanda Smit', 15_000);
    expect(await textOf(card)).toContain(`Je melding nevenwerkzaamheid ${reference}`);
    expect((await session.botMessages()).filter((message) => message.includes(`Je melding nevenwerkzaamheid ${reference}`))).toHaveLength(1);
    await session.screenshot('sidejob-dennis-decided');
  });
});
