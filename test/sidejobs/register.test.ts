import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BOT_DIRECTORY_CACHE } from '../../src/directory/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRecords } from '../../src/cli/records.js';
import { startTestBot, visibleText, type TestBot, type TestUser } from '../support/bot.js';
import { runCommand } from '../support/cli.js';
import { cardText, expectValidCard, findById } from '../gifts/support.js';
import { act, byReference, cardsIn, people, sideJobData, submitSideJob } from './support.js';
const { velsen } = people;
const isaiah = velsen.departmentManager; // designated: his side jobs are published
const marloes = velsen.secretary; // Isaiah's manager

let bot: TestBot;
let chair: { id: string; reference: string };
let hostile: { id: string; reference: string };
let alexJob: { id: string; reference: string };
const hostileActivity = '=HYPERLINK("http://example.org/x","klik") <b>vet</b>';
const hostileFor = 'Stichting "Duin" & <Zee>';

beforeAll(async () => {
  bot = await startTestBot({ now: new Date('2026-03-10T10:00:00+01:00') });
  for (const user of Object.values(velsen)) await bot.send(bot.message('help', user));

  const first = await submitSideJob(bot, isaiah, { activity: 'Voorzitter van de raad van toezicht', organisation: 'Zorggroep IJmond', role: 'Penningmeester', paid: 'yes', hoursPerWeek: '3' });
  await act(bot, marloes, 'sidejob.decide', { recordId: first.record._id, decision: 'approved_with_conditions', conditions: 'Geen contact met vergunningaanvragen van de zorggroep', reasons: 'Voorkomt de schijn van belangenverstrengeling.' });
  chair = { id: first.record._id, reference: first.reference };
  const second = await submitSideJob(bot, isaiah, { activity: hostileActivity, organisation: hostileFor, paid: 'no', endDate: '2026-12-31' });
  await act(bot, marloes, 'sidejob.decide', { recordId: second.record._id, decision: 'approved', conditions: '', reasons: '' });
  hostile = { id: second.record._id, reference: second.reference };
  // Alex's function is not designated: approved, but never published.
  const third = await submitSideJob(bot, velsen.employee, { activity: 'Muziekdocent', organisation: 'Muziekschool Velsen' });
  await act(bot, velsen.manager, 'sidejob.decide', { recordId: third.record._id, decision: 'approved', conditions: '', reasons: '' });
  alexJob = { id: third.record._id, reference: third.reference };
  // Marloes is designated, but hers is not decided yet.
  await submitSideJob(bot, marloes, { activity: 'Lid rekenkamer', organisation: 'Gemeente Elders' });
  await bot.settle();
});
afterAll(async () => bot?.close());

const get = (pathAndQuery: string) => fetch(`${bot.url}${pathAndQuery}`);

describe('the public side-job register', () => {
  it('shows only designated people’s approved side jobs, with only the fields that may be published, as an accessible page', async () => {
    const response = await get('/register/velsen/nevenwerkzaamheden');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(html).toContain('<title>Register nevenwerkzaamheden Gemeente Velsen</title>');
    expect(html).toContain('<caption>');
    expect(html).toContain('<th scope="col">Betaald of onbetaald</th>');
    expect(html).toContain('@media print');
    expect(html).toContain('<td>Isaiah Langer</td><td>Afdelingsmanager Publiekszaken</td><td>Voorzitter van de raad van toezicht</td><td>Zorggroep IJmond</td><td>betaald</td>');
    // Everything from outside is escaped.
    expect(html).toContain('<td>=HYPERLINK(&quot;http://example.org/x&quot;,&quot;klik&quot;) &lt;b&gt;vet&lt;/b&gt;</td><td>Stichting &quot;Duin&quot; &amp; &lt;Zee&gt;</td><td>onbetaald</td>');
    expect(html).not.toContain('<b>vet</b>');
    expect(html).not.toMatch(/<script/i);
    // Nobody and nothing else.
    for (const hidden of ['Alex Wilber', 'Muziekdocent', 'Marloes Visser', 'Lid rekenkamer', 'Penningmeester', 'Geen contact met vergunningaanvragen', 'Voorkomt de schijn', chair.reference, isaiah.aadObjectId, 'isaiahl@velsen.example']) {
      expect(html, hidden).not.toContain(hidden);
    }
  });

  it('serves JSON with exactly the published fields', async () => {
    const response = await get('/register/velsen/nevenwerkzaamheden?format=json');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as { organisation: unknown; entries: Record<string, unknown>[] };
    expect(body.organisation).toEqual({ id: 'velsen', name: 'Gemeente Velsen' });
    expect(body.entries).toHaveLength(2);
    expect(body.entries).toEqual(
      expect.arrayContaining([
        { name: 'Isaiah Langer', function: 'Afdelingsmanager Publiekszaken', sideJob: 'Voorzitter van de raad van toezicht', forWhom: 'Zorggroep IJmond', paid: true },
        { name: 'Isaiah Langer', function: 'Afdelingsmanager Publiekszaken', sideJob: hostileActivity, forWhom: hostileFor, paid: false },
      ]),
    );
  });

  it('serves CSV a spreadsheet cannot run as formulas', async () => {
    const response = await get('/register/velsen/nevenwerkzaamheden?format=csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('nevenwerkzaamheden-velsen.csv');
    const csv = await response.text();
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('"Naam";"Functie";"Nevenwerkzaamheid";"Voor";"Betaald of onbetaald"');
    expect(lines).toContain(`"Isaiah Langer";"Afdelingsmanager Publiekszaken";"'=HYPERLINK(""http://example.org/x"",""klik"") <b>vet</b>";"Stichting ""Duin"" & <Zee>";"onbetaald"`);
    expect(lines).toHaveLength(3);
  });

  it('answers an unknown organisation or a malformed request with a bare 404', async () => {
    for (const url of ['/register/nowhere/nevenwerkzaamheden', '/register/VELSEN/nevenwerkzaamheden', '/register/velsen/nevenwerkzaamheden?format=xml', '/register/%24where/nevenwerkzaamheden']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      const text = await response.text();
      expect(text).toBe('Niet gevonden');
    }
    const empty = await (await get('/register/heerde/nevenwerkzaamheden')).text();
    expect(empty).toContain('Er zijn op dit moment geen nevenwerkzaamheden om openbaar te maken.');
    // Nothing else about anyone without Teams authentication.
    expect((await get('/register/velsen')).status).toBe(404);
    expect((await get('/register/velsen/cadeaus')).status).toBe(404);
  });
});

describe('the side-job register for HR and the integrity coordinator', () => {
  it('is shown in Teams with conditions and dates, and refused to others', async () => {
    const refused = await bot.send(bot.message('register nevenwerkzaamheden', velsen.manager));
    expect(visibleText(refused)).toContain('alleen beschikbaar voor P&O en de integriteitscoördinator');
    const card = (await bot.send(bot.message('register nevenwerkzaamheden', velsen.hr)))[0]!.attachments![0]!.content;
    expectValidCard(card);
    const text = cardText(card);
    expect(findById(card, 'registerPage')?.text).toBe('Pagina 1 van 1 (4 meldingen)');
    expect(text).toContain('Geen contact met vergunningaanvragen van de zorggroep');
    expect(text).toContain('Toegestaan met voorwaarden');
    expect(text).toContain('1 april 2026 – 31 december 2026');
  });

  it('is printed by the records command as a table with details and as JSON lines', async () => {
    const lines = await exportRecords(bot.app.database.db, { orgId: 'velsen', type: 'sidejob', json: false });
    expect(lines[0]).toMatch(/^Kenmerk\s+Datum\s+Medewerker\s+Omschrijving\s+Status\s+Details$/);
    expect(lines.find((line) => line.includes(chair.reference))).toContain('voorwaarden: Geen contact met vergunningaanvragen');
    const { stdout } = await runCommand(bot, 'records', ['--org', 'velsen', '--type', 'sidejob', '--json']);
    const rows = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows).toHaveLength(4);
    expect(rows.find((row) => row.reference === chair.reference)).toMatchObject({
      ownerName: 'Isaiah Langer',
      state: 'approved_with_conditions',
      activity: 'Voorzitter van de raad van toezicht',
      conditions: 'Geen contact met vergunningaanvragen van de zorggroep',
      reasons: 'Voorkomt de schijn van belangenverstrengeling.',
      startDate: '2026-04-01',
      endDate: null,
      decidedBy: marloes.aadObjectId,
    });
  });
});

describe('the yearly reconfirmation', () => {
  const roundCards = (user: TestUser) => cardsIn(bot, user).filter((card) => cardText(card).includes('Zijn je nevenwerkzaamheden nog actueel?'));

  it('asks each person with approved side jobs once, in the configured month, with one card listing them', async () => {
    bot.clock.now = new Date('2026-12-15T09:00:00+01:00');
    await bot.app.runPeriodicJobs(bot.clock.now);
    await bot.settle();
    expect(roundCards(isaiah)).toHaveLength(0);

    bot.clock.now = new Date('2027-01-05T09:00:00+01:00');
    await Promise.all([bot.app.runPeriodicJobs(bot.clock.now), bot.app.runPeriodicJobs(bot.clock.now)]);
    await bot.app.runPeriodicJobs(new Date('2027-01-28T09:00:00+01:00'));
    await bot.settle();
    const cards = roundCards(isaiah);
    expect(cards).toHaveLength(1);
    expectValidCard(cards[0]);
    const text = cardText(cards[0]);
    expect(text).toContain(chair.reference);
    // The side job that ended on 31 December is no longer asked about.
    expect(text).not.toContain(hostile.reference);
    expect(cards[0].body.filter((element: any) => element.type === 'Container')[0].items.at(-1).actions.map((action: any) => [action.title, action.verb, action.data.answer])).toEqual([
      ['Nog actueel', 'sidejob.reconfirm', 'still_current'],
      ['Gewijzigd', 'sidejob.reconfirm', 'changed'],
      ['Beëindigd', 'sidejob.reconfirm', 'ended'],
    ]);
    expect(roundCards(velsen.employee)).toHaveLength(1);
    expect(roundCards(marloes)).toHaveLength(0);
    // The ended side job left the public register too.
    expect(await (await get('/register/velsen/nevenwerkzaamheden?format=json')).text()).not.toContain('HYPERLINK');
  });

  it('records "nog actueel" and shows the answer in place', async () => {
    const data = roundCards(isaiah)[0].body.filter((element: any) => element.type === 'Container')[0].items.at(-1).actions[0].data;
    const answered = await act(bot, isaiah, 'sidejob.reconfirm', data);
    expect(findById(answered.value, `answer-${chair.reference}`)?.text).toBe('Je antwoord: Nog actueel');
    expect(findById(answered.value, 'done')?.text).toBe('Dank je, alles is bevestigd.');
    const again = await act(bot, isaiah, 'sidejob.reconfirm', { ...data, answer: 'ended' });
    expect(findById(again.value, `answer-${chair.reference}`)?.text).toBe('Je antwoord: Nog actueel');
    const stored = await byReference(bot, chair.reference);
    expect(stored.state).toBe('approved_with_conditions');
    expect(stored.history.filter((entry) => entry.action === 'reconfirm').map((entry) => [entry.outcome, entry.fields])).toEqual([['still_current', { round: 'yearly-2027' }]]);
    // Nobody answers for someone else.
    expect((await act(bot, velsen.employee, 'sidejob.reconfirm', data)).value).toContain('kan ik niet vinden');
  });

  it('records "beëindigd": the side job ends', async () => {
    const data = roundCards(velsen.employee)[0].body.filter((element: any) => element.type === 'Container')[0].items.at(-1).actions[2].data;
    const answered = await act(bot, velsen.employee, 'sidejob.reconfirm', data);
    expect(findById(answered.value, `answer-${alexJob.reference}`)?.text).toBe('Je antwoord: Beëindigd');
    expect((await byReference(bot, alexJob.reference)).state).toBe('ended');
  });
});

describe('a function change', () => {
  it('asks the person to reconfirm after a directory import changes their function; "gewijzigd" starts a new request that replaces the old once approved', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'directory-'));
    const file = path.join(dir, 'velsen.csv');
    const csv = readFileSync('src/organisations/velsen/demo-people.csv', 'utf8')
      .replace(';Afdelingsmanager Publiekszaken;', ';Directeur Dienstverlening;')
      .replace('Sanne de Wit;Publiekszaken;Medewerker vergunningen', 'Sanne de Wit;Publiekszaken;Senior medewerker vergunningen');
    writeFileSync(file, csv);
    try {
      const { stdout } = await runCommand(bot, 'directory-import', ['--org', 'velsen', file]);
      expect(stdout).toContain('1 persoon is met een andere functie gevraagd');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await bot.settle();
    const asked = cardsIn(bot, isaiah).filter((card) => cardText(card).includes('Je functie is gewijzigd in Directeur Dienstverlening'));
    expect(asked).toHaveLength(1);
    // Sanne's function changed too, but she has no approved side job.
    expect(cardsIn(bot, velsen.colleague).filter((card) => cardText(card).includes('Je functie is gewijzigd'))).toHaveLength(0);
    // The public register follows the directory once the instance's directory cache has expired
    // (the import may run on another machine: each instance re-reads within a minute).
    bot.clock.now = new Date(bot.clock.now.getTime() + BOT_DIRECTORY_CACHE.ttlMs + 1000);
    expect(await (await get('/register/velsen/nevenwerkzaamheden')).text()).toContain('<td>Directeur Dienstverlening</td>');

    const changed = asked[0].body.filter((element: any) => element.type === 'Container')[0].items.at(-1).actions[1].data;
    // The command runs on the real clock: the round is named after the day of the import.
    expect(changed.round).toMatch(/^function-\d{4}-\d{2}-\d{2}$/);
    const answered = await act(bot, isaiah, 'sidejob.reconfirm', changed);
    expect(findById(answered.value, `answer-${chair.reference}`)?.text).toBe('Je antwoord: Gewijzigd');
    await bot.settle();
    const form = cardsIn(bot, isaiah).filter((card) => cardText(card).includes('Gewijzigde nevenwerkzaamheid melden')).at(-1);
    expectValidCard(form);
    expect(findById(form, 'activity')?.value).toBe('Voorzitter van de raad van toezicht');
    expect(findById(form, 'intro')?.text).toContain(`Wat voor ${chair.reference} is besloten, blijft gelden`);
    const submit = form.actions[0];
    expect(submit.data.replaces).toBe(chair.id);

    const { formId: _ignored, ...values } = sideJobData({ activity: 'Vicevoorzitter van de raad van toezicht', organisation: 'Zorggroep IJmond', paid: 'yes', startDate: '2027-03-01' });
    const renewed = await submitSideJob(bot, isaiah, { ...values, formId: submit.data.formId, replaces: submit.data.replaces });
    expect(renewed.record.data.replaces).toBe(chair.id);
    // Until the change is decided, the earlier approval stands in the public register.
    let published = await (await get('/register/velsen/nevenwerkzaamheden?format=json')).json() as { entries: { sideJob: string }[] };
    expect(published.entries.map((entry) => entry.sideJob)).toEqual(['Voorzitter van de raad van toezicht']);
    await act(bot, marloes, 'sidejob.decide', { recordId: renewed.record._id, decision: 'approved', conditions: '', reasons: '' });
    published = await (await get('/register/velsen/nevenwerkzaamheden?format=json')).json() as { entries: { sideJob: string }[] };
    expect(published.entries.map((entry) => entry.sideJob)).toEqual(['Vicevoorzitter van de raad van toezicht']);

    // A "replaces" pointing at someone else's side job is ignored.
    const { formId: _other, ...foreign } = sideJobData({ activity: 'Poging' });
    const sneaky = await submitSideJob(bot, velsen.colleague, { ...foreign, replaces: chair.id });
    expect(sneaky.record.data.replaces).toBeUndefined();
  });
});
