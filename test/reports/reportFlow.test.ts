import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportVerbs } from '../../src/reports/index.js';
import { startTestBot, visibleText, type TestBot } from '../support/bot.js';
import {
  adele,
  alex,
  cardText,
  choicesOf,
  execute,
  executeActions,
  expectValidReportCard,
  findById,
  isaiah,
  lastCardTo,
  lynne,
  megan,
  patti,
  press,
  proactiveTexts,
  recordOf,
  reportData,
  sanne,
  say,
  submitReport,
} from './support.js';

let bot: TestBot;
const start = new Date('2026-03-10T10:00:00+01:00'); // a Tuesday

beforeAll(async () => {
  bot = await startTestBot({ now: start });
  for (const user of [alex, megan, adele, isaiah, patti, lynne, sanne]) await bot.send(bot.message('help', user));
});
afterAll(async () => bot?.close());

describe('the intake', () => {
  it('explains the organisation’s routes with citations and names, honestly, before anything is written', async () => {
    const replies = await bot.send(bot.message('melding doen'));
    const card = replies[0]!.attachments![0]!.content;
    expectValidReportCard(card);
    const text = cardText(card);
    expect(text).toContain('Vertrouwelijk melden');
    expect(text).toContain('Lynne Robbins (lynner@velsen.example)');
    expect(text).toContain('Patti Fernandez (pattif@velsen.example)');
    expect(text).toContain('Megan Bowen');
    expect(text).toContain('Gedragscode ambtelijke integriteit Gemeente Velsen, Artikel 10 lid 2');
    expect(text).toContain('behandelt de melding en/of klacht vertrouwelijk en onafhankelijk');
    expect(text).toContain('Klachtencommissie ongewenst gedrag voor de decentrale overheid');
    expect(text).toContain('Huis voor Klokkenluiders');
    expect(text).toContain('Teams bewaart de geschiedenis van deze chat, en de beheerders van deze dienst');
    expect(text).toContain('Vraag dan een vertrouwenspersoon om contact met je op te nemen');
    expect(choicesOf(card, 'category')).toEqual(['unwanted_behaviour', 'suspected_wrongdoing', 'integrity_advice']);
    expect(executeActions(card).map((action) => action.verb)).toEqual([reportVerbs.triage]);
  });

  it('opens from the welcome button, the knowledge answer’s button and free text that says it, not from a question', async () => {
    for (const value of [{ verb: 'report.start' }, { action: 'report.start' }]) expect(await press(bot, alex, value)).toContain('Vertrouwelijk melden');
    for (const statement of ['ik word gepest door mijn leidinggevende', 'ik denk dat er gefraudeerd wordt', 'Mijn collega intimideert me al weken', 'I am being harassed by a colleague']) {
      const text = await say(bot, alex, statement);
      expect(text, statement).toMatch(/Vertrouwelijk melden|Reporting confidentially/);
    }
    expect(await say(bot, alex, 'ik word gepest door mijn leidinggevende')).toContain('Wat vervelend dat je hiermee zit');
    for (const question of ['ik word gepest, wat kan ik doen?', 'Wat doet een vertrouwenspersoon?', 'Hoe meld ik een vermoeden van een misstand?', 'ik word gepest wat kan ik doen']) {
      const replies = await bot.send(bot.message(question));
      expect(JSON.stringify(replies), question).not.toContain('"verb":"report.triage"');
    }
  });

  it('offers only the routes that fit, and never the manager when the manager is involved', async () => {
    const intake = async (category: string, managerInvolved: string) => (await execute(bot, alex, reportVerbs.triage, { formId: crypto.randomUUID(), category, managerInvolved })).card;
    const involved = await intake('unwanted_behaviour', 'yes');
    expectValidReportCard(involved);
    expect(choicesOf(involved, 'recipient')).toEqual(['next_higher_manager', 'vertrouwenspersoon_ongewenst_gedrag']);
    expect(choicesOf(involved, 'subcategory')).toEqual(['sexual_harassment', 'discrimination', 'bullying', 'aggression_or_violence', 'other']);
    for (const id of ['category', 'subcategory', 'managerInvolved', 'recipient', 'contactOnly', 'description', 'identity']) expect(findById(involved, id), id).toBeDefined();
    expect(executeActions(involved).map((action) => action.verb)).toEqual([reportVerbs.submit]);
    expect(choicesOf(await intake('unwanted_behaviour', 'no'), 'recipient')).toEqual(['manager', 'next_higher_manager', 'vertrouwenspersoon_ongewenst_gedrag']);
    expect(choicesOf(await intake('suspected_wrongdoing', 'yes'), 'recipient')).toEqual(['next_higher_manager', 'vertrouwenspersoon_integriteit', 'integrity_coordinator']);
    const advice = await intake('integrity_advice', 'no');
    expect(findById(advice, 'subcategory')).toBeUndefined();
    // An unanswered first question comes back with its message.
    const missing = (await execute(bot, alex, reportVerbs.triage, { formId: crypto.randomUUID(), category: 'unwanted_behaviour' })).card;
    expect(findById(missing, 'managerInvolvedError')?.text).toBe('Dit veld is verplicht.');
  });

  it('refuses a forged manager choice, a missing description and text with "contact only", keeping what was typed', async () => {
    const records = () => bot.app.database.db.collection('workflowRecords').countDocuments({ type: 'report' });
    const before = await records();
    const forged = (await execute(bot, alex, reportVerbs.submit, reportData({ recipient: 'manager', managerInvolved: 'yes' }))).card;
    expect(findById(forged, 'recipientError')?.text).toContain('leidinggevende bij de zaak betrokken');
    expect(choicesOf(forged, 'recipient')).not.toContain('manager');
    expect(findById(forged, 'description')?.value).toBe('Mijn teamleider scheldt me uit in het teamoverleg.');
    const empty = (await execute(bot, alex, reportVerbs.submit, reportData({ description: '' }))).card;
    expect(findById(empty, 'descriptionError')?.text).toContain('Beschrijf kort wat er is gebeurd');
    const both = (await execute(bot, alex, reportVerbs.submit, reportData({ contactOnly: 'yes' }))).card;
    expect(findById(both, 'descriptionError')?.text).toContain('dan schrijf je hier niets over de zaak');
    const wrongKind = (await execute(bot, alex, reportVerbs.submit, reportData({ subcategory: 'fraud' }))).card;
    expect(findById(wrongKind, 'subcategoryError')?.text).toContain('hoort niet bij het onderwerp');
    const nobody = (await execute(bot, alex, reportVerbs.submit, reportData({ recipient: `vertrouwenspersoon_ongewenst_gedrag@${megan.aadObjectId}` }))).card;
    expect(findById(nobody, 'recipientError')).toBeDefined();
    const tampered = (await execute(bot, alex, reportVerbs.submit, { ...reportData(), owner: megan.aadObjectId })).card;
    expect(findById(tampered, 'formError')?.text).toContain('Er is niets opgeslagen');
    expect(await records()).toBe(before);
  });
});

describe('a report and its follow-up', () => {
  it('goes to the chosen vertrouwenspersoon only; the reporter’s card says to whom, never the text', async () => {
    const sent = await submitReport(bot, alex, { description: 'Megan scheldt me uit in het teamoverleg; Sanne was erbij.' });
    expect(sent.reference).toBe('VEL-M-2026-0001');
    const text = cardText(sent.card);
    expect(text).toContain('Melding verstuurd aan de vertrouwenspersoon ongewenst gedrag');
    expect(text).toContain('uiterlijk 17 maart 2026');
    expect(text).toContain('uiterlijk 3 maanden na de ontvangstbevestiging');
    expect(text).toContain('Vertrouwelijk: alleen Lynne Robbins weet dat jij deze melding deed.');
    expect(text).not.toContain('scheldt');
    expect(sent.record.assignees).toEqual([lynne.aadObjectId]);
    expect(sent.record.owner).toMatch(/^rp-[0-9a-f]{40}$/);
    expect(sent.record.data.meta).toEqual({ category: 'unwanted_behaviour', subcategory: 'bullying', route: 'vertrouwenspersoon_ongewenst_gedrag', identity: 'confidential', contactOnly: false });

    const lynneCard = lastCardTo(bot, lynne);
    expectValidReportCard(lynneCard);
    const lynneText = cardText(lynneCard);
    expect(lynneText).toContain('Melding VEL-M-2026-0001');
    expect(lynneText).toContain('Megan scheldt me uit in het teamoverleg');
    expect(lynneText).toContain('Alex Wilber (alexw@velsen.example)');
    expect(lynneText).toContain('Vertrouwelijk: alleen jij weet wie deze melding deed.');
    expect(executeActions(lynneCard).map((action) => action.verb)).toEqual([reportVerbs.acknowledge, reportVerbs.message, reportVerbs.deputy]);
    for (const user of [megan, adele, isaiah, sanne, patti]) expect(proactiveTexts(bot, user).join('\n')).not.toContain('VEL-M-2026-0001');
  });

  it('acknowledges, asks, gets an answer, adds a deputy, gives feedback and closes; the reporter is told each time', async () => {
    const { record } = await submitReport(bot, alex, { description: 'Er wordt gescholden.' });
    const id = record._id;
    const asAlex = () => proactiveTexts(bot, alex).join('\n');

    const acknowledged = await execute(bot, lynne, reportVerbs.acknowledge, { reportId: id });
    expectValidReportCard(acknowledged.card);
    expect(cardText(acknowledged.card)).toContain('gedaan op 10 maart 2026');
    await bot.settle();
    expect(asAlex()).toContain(`Lynne Robbins heeft de ontvangst van je melding ${record.reference} bevestigd. Je krijgt uiterlijk 10 juni 2026 terugkoppeling.`);

    const empty = await execute(bot, lynne, reportVerbs.message, { reportId: id, message: '' });
    expect(findById(empty.card, 'messageError')?.text).toBe('Schrijf eerst je bericht.');
    await execute(bot, lynne, reportVerbs.message, { reportId: id, message: 'Wanneer is het voor het eerst gebeurd?' });
    await bot.settle();
    const question = lastCardTo(bot, alex);
    expectValidReportCard(question);
    expect(cardText(question)).toContain(`Nieuw bericht over je melding ${record.reference}`);
    expect(cardText(question)).toContain('Wanneer is het voor het eerst gebeurd?');
    expect(executeActions(question)).toEqual([{ verb: reportVerbs.reply, title: 'Antwoorden', data: { reportId: id } }]);

    const answered = await execute(bot, alex, reportVerbs.reply, { reportId: id, reply: 'In januari, na de kerstborrel.' });
    expect(cardText(answered.card)).toContain('In januari, na de kerstborrel.');
    expect(cardText(answered.card)).not.toContain('Er wordt gescholden.');
    await bot.settle();
    const update = lastCardTo(bot, lynne);
    expect(cardText(update)).toContain('In januari, na de kerstborrel.');
    expect(cardText(update)).toContain('Melder schreef');

    // The deputy: only the recipient adds one, from the offered people; never the involved manager.
    const lynneView = (await execute(bot, lynne, reportVerbs.message, { reportId: id, message: 'Dank je, ik kom erop terug.' })).card;
    expect(choicesOf(lynneView, 'deputy')).toContain(patti.aadObjectId);
    expect(choicesOf(lynneView, 'deputy')).not.toContain(megan.aadObjectId);
    expect(choicesOf(lynneView, 'deputy')).not.toContain(alex.aadObjectId);
    expect((await execute(bot, lynne, reportVerbs.deputy, { reportId: id, deputy: megan.aadObjectId })).card).toBeDefined();
    expect((await recordOf(bot, id)).assignees).toEqual([lynne.aadObjectId]);
    await execute(bot, lynne, reportVerbs.deputy, { reportId: id, deputy: patti.aadObjectId });
    await bot.settle();
    expect(asAlex()).toContain(`Lynne Robbins heeft Patti Fernandez als vervanger toegevoegd aan je melding ${record.reference}. Patti Fernandez kan je melding ook lezen en behandelen, maar ziet niet wie je bent.`);
    const pattiCard = lastCardTo(bot, patti);
    expect(cardText(pattiCard)).toContain('Er wordt gescholden.');
    expect(cardText(pattiCard)).not.toContain('Alex Wilber');
    expect(visibleText([{ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: pattiCard }] }])).toContain('Melder: vertrouwelijk');
    expect(executeActions(pattiCard).map((action) => action.verb)).not.toContain(reportVerbs.deputy);
    expect((await execute(bot, patti, reportVerbs.deputy, { reportId: id, deputy: adele.aadObjectId })).text).toContain('Alleen degene aan wie de melding is gedaan');
    const trail = await bot.app.services.workflows.engine.auditTrail(id);
    expect(trail.find((entry) => entry.action === 'add_deputy')).toMatchObject({ actor: lynne.aadObjectId, assignees: [patti.aadObjectId], fields: { deputy: patti.aadObjectId } });

    await execute(bot, patti, reportVerbs.feedback, { reportId: id, feedback: 'We hebben met de teamleider gesproken.' });
    await bot.settle();
    expect(cardText(lastCardTo(bot, alex))).toContain(`Terugkoppeling op je melding ${record.reference}`);
    expect((await recordOf(bot, id)).state).toBe('awaiting_follow_up');
    const closed = await execute(bot, lynne, reportVerbs.close, { reportId: id, closingNote: '' });
    expect(cardText(closed.card)).toContain('Afgesloten');
    expect(executeActions(closed.card)).toEqual([]);
    await bot.settle();
    expect(asAlex()).toContain(`Je melding ${record.reference} is afgesloten door Lynne Robbins.`);
    // Too late to answer: the reporter sees the closed report, without a box to write in.
    const late = (await execute(bot, alex, reportVerbs.reply, { reportId: id, reply: 'Nog iets' })).card;
    expect(cardText(late)).toContain('Afgesloten');
    expect(executeActions(late)).toEqual([]);
    expect((await recordOf(bot, id)).history.filter((entry) => entry.action === 'reply')).toHaveLength(1);
  });

  it('shows the reporter status, deadlines and messages under "mijn meldingen", by its case code', async () => {
    const { record, reference } = await submitReport(bot, alex, { description: 'Iets wat alleen Lynne mag lezen.' });
    await execute(bot, lynne, reportVerbs.message, { reportId: record._id, message: 'Kun je me bellen?' });
    const list = await say(bot, alex, 'mijn meldingen');
    expect(list).toContain(reference);
    expect(list).toContain('Ongewenst gedrag · Pesten · vertrouwenspersoon ongewenst gedrag');
    expect(list).toContain('Wacht op ontvangstbevestiging');
    const opened = await press(bot, alex, { verb: 'records.open', recordId: record._id });
    expect(opened).toContain(`Melding verstuurd aan de vertrouwenspersoon ongewenst gedrag`);
    expect(opened).toContain(reference);
    expect(opened).toContain('Ontvangstbevestiging: uiterlijk 17 maart 2026');
    expect(opened).toContain('Kun je me bellen?');
    expect(opened).not.toContain('Iets wat alleen Lynne mag lezen.');
    expect(visibleText(await bot.send(bot.message('mijn meldingen', sanne)))).not.toContain(reference);
  });

  it('writes nothing about the matter for "contact only", and the recipient is asked to get in touch', async () => {
    const { record } = await submitReport(bot, alex, { contactOnly: 'yes', description: '', subcategory: '', category: 'suspected_wrongdoing', recipient: 'vertrouwenspersoon_integriteit', identity: 'named' });
    expect(record.data.meta).toMatchObject({ contactOnly: true, subcategory: null, identity: 'named' });
    const pattiCard = lastCardTo(bot, patti);
    expect(findById(pattiCard, 'contactOnly')?.text).toContain('De melder vraagt je contact op te nemen');
    expect(cardText(pattiCard)).toContain('Alex Wilber');
  });

  it('refuses card actions with forged or foreign ids without changing anything', async () => {
    const { record } = await submitReport(bot, alex);
    for (const [user, verb, data] of [
      [megan, reportVerbs.acknowledge, { reportId: record._id }],
      [adele, reportVerbs.message, { reportId: record._id, message: 'Hoi' }],
      [sanne, reportVerbs.reply, { reportId: record._id, reply: 'Ik ben het niet' }],
      [lynne, reportVerbs.reply, { reportId: record._id, reply: 'Als melder' }],
      [alex, reportVerbs.acknowledge, { reportId: record._id }],
      [megan, reportVerbs.deputy, { reportId: record._id, deputy: megan.aadObjectId }],
      [lynne, reportVerbs.close, { reportId: crypto.randomUUID() }],
    ] as const) {
      const answer = await execute(bot, user, verb, data);
      expect(answer.text, `${verb} by ${user.name}`).toBe('Deze melding kan ik niet vinden, of je mag hem niet zien.');
    }
    expect((await execute(bot, lynne, reportVerbs.acknowledge, { reportId: { $ne: null } })).text).toBe('Deze actie kan ik niet verwerken.');
    const after = await recordOf(bot, record._id);
    expect(after.version).toBe(record.version);
    expect(after.history).toEqual([]);
  });
});
