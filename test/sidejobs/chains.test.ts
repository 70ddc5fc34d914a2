import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCardKey } from '../../src/workflow/index.js';
import { loadBuiltInKnowledgeBase } from '../../src/knowledge/index.js';
import { startTestBot, visibleText, type TestBot, type TestUser } from '../support/bot.js';
import { cardText, expectValidCard, findById } from '../gifts/support.js';
import { act, byReference, cardsIn, people, sideJobData, sideJobReference, submitSideJob, textsTo } from './support.js';

const { werksaam, velsen, heerde, heemskerk } = people;
let bot: TestBot;
const knowledge = loadBuiltInKnowledgeBase();

beforeAll(async () => {
  bot = await startTestBot({ now: new Date('2026-03-10T10:00:00+01:00') });
  // Proactive cards need a conversation reference: everyone in a chain has talked to the bot once.
  for (const org of Object.values(people)) for (const user of Object.values(org)) await bot.send(bot.message('help', user));
});
afterAll(async () => bot?.close());

/** The card a person got about a record most recently. */
const latestCardAbout = (user: TestUser, reference: string) => cardsIn(bot, user).filter((card) => cardText(card).includes(reference)).at(-1);
/** The employee's own card (the clicked form) as the bot last updated it in place. */
const ownerCardUpdate = (user: TestUser, activityId: string) =>
  bot.connector
    .updatesIn(bot.conversationOf(user))
    .filter((update) => update.activityId === activityId)
    .at(-1)?.activity.attachments?.[0]?.content;

describe('starting a side-job notification', () => {
  it('opens the form from the welcome button, the answer button and the command, with exactly the issue’s input ids', async () => {
    for (const value of [{ verb: 'sidejob.start' }, { action: 'sidejob.start' }]) {
      const replies = await bot.send({ ...bot.message('', velsen.employee), text: undefined, value });
      const card = replies[0]?.attachments?.[0]?.content;
      expectValidCard(card);
      expect(findById(card, 'activity')?.type).toBe('Input.Text');
    }
    const replies = await bot.send(bot.message('nevenwerkzaamheid melden', velsen.employee));
    const card = replies[0]!.attachments![0]!.content;
    expectValidCard(card);
    const ids: string[] = [];
    JSON.stringify(card, (key, value) => {
      if (value && typeof value === 'object' && typeof value.type === 'string' && value.type.startsWith('Input.')) ids.push(value.id);
      return value;
    });
    expect(ids).toEqual(['activity', 'organisation', 'role', 'paid', 'hoursPerWeek', 'duringWorkingHours', 'startDate', 'endDate', 'relationToEmployer', 'withinRegion', 'ownAssessment']);
    expect(card.actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'sidejob.submit' });
    expect(card.version).toBe('1.5');
    // No longer the interim referral that only named the manager.
    expect(visibleText(replies)).not.toContain('Meld je nevenwerkzaamheid bij je leidinggevende');
  });
});

describe('the form over HTTP', () => {
  it('keeps what was typed with a Dutch message at each wrong field, and stores nothing', async () => {
    const typed = sideJobData({ activity: '', hoursPerWeek: 'heel veel', organisation: 'Bakkerij Jansen' });
    const body = await act(bot, velsen.employee, 'sidejob.submit', typed);
    expect(findById(body.value, 'activityError')?.text).toBe('Dit veld is verplicht.');
    expect(findById(body.value, 'hoursPerWeekError')?.text).toContain('tussen 0 en 80');
    expect(findById(body.value, 'organisation')?.value).toBe('Bakkerij Jansen');
    expect(findById(body.value, 'hoursPerWeek')?.value).toBe('heel veel');
    expect(body.value.actions[0].data.formId).toBe(typed.formId);
    expect(await bot.app.database.db.collection('workflowRecords').countDocuments({ 'data.form.organisation': 'Bakkerij Jansen' })).toBe(0);
  });

  it('refuses tampered data with a clear message and nothing echoed, and makes one record of a double click', async () => {
    for (const tampered of [sideJobData({ $set: { state: 'approved' } }), sideJobData({ owner: velsen.manager.aadObjectId }), sideJobData({ activity: 'x'.repeat(10_000) })]) {
      const body = await act(bot, velsen.employee, 'sidejob.submit', tampered);
      expect(findById(body.value, 'formError')?.text).toContain('Er is niets opgeslagen');
      expect(JSON.stringify(body.value)).not.toContain('xxxxxxxxxx');
    }
    const form = sideJobData({ activity: 'Dubbel geklikt' });
    const [first, second] = await Promise.all([act(bot, velsen.employee, 'sidejob.submit', form, 'card-double'), act(bot, velsen.employee, 'sidejob.submit', form, 'card-double')]);
    expect(sideJobReference(first.value)).toBe(sideJobReference(second.value));
    expect(await bot.app.database.db.collection('workflowRecords').countDocuments({ 'data.form.activity': 'Dubbel geklikt' })).toBe(1);
  });
});

describe('WerkSaam: manager advice, HR advice, the dagelijks bestuur decides', () => {
  it('goes through the whole chain with conditions, keeping every advice, and tells the employee at each step', async () => {
    const { card, reference, record } = await submitSideJob(bot, werksaam.employee, {
      activity: 'Loopbaancoach voor werkzoekenden',
      organisation: 'Coachpraktijk Noord',
      paid: 'yes',
      hoursPerWeek: '6',
      relationToEmployer: 'same_policy_field',
      withinRegion: 'yes',
    }, 'card-werksaam');
    expect(reference).toBe('WSW-N-2026-0001');
    const text = cardText(card);
    // The first assessment: the duty, what may conflict, who decides, with the quoted sections.
    expect(text).toContain('Let op: dit kan botsen met je werk');
    expect(text).toContain('hetzelfde beleidsterrein');
    expect(text).toContain('wel mag doen, maar niet in deze regio');
    expect(text).toContain('Het dagelijks bestuur beslist over je verzoek, op advies van je leidinggevende en de HR-adviseur');
    const policy = knowledge.section('werksaam-integriteitsbeleid-2021', '§ 3.2.1.1 Nevenwerkzaamheden')!;
    expect(text).toContain(policy.quote);
    expect(text).toContain(knowledge.section('ambtenarenwet-2017', 'Artikel 8 lid 2')!.quote);
    expect(findById(card, 'status')?.text).toBe('Status: Advies van je leidinggevende (stap 1 van 3), bij Saskia Groen.');
    expect(record.assignees).toEqual([werksaam.manager.aadObjectId]);

    // The manager's card: her step, the facts, and the advice inputs.
    const managerCard = latestCardAbout(werksaam.manager, reference);
    expectValidCard(managerCard);
    expect(cardText(managerCard)).toContain('Jouw stap: Advies van je leidinggevende (stap 1 van 3)');
    expect(managerCard.actions.map((action: any) => action.verb)).toEqual(['sidejob.advise', 'sidejob.return']);
    expect(findById(managerCard, 'advice')?.type).toBe('Input.ChoiceSet');

    // Nobody else advises: not a colleague, and not HR before it is HR's turn.
    for (const someone of [werksaam.colleague, werksaam.hr, werksaam.employee]) {
      const refused = await act(bot, someone, 'sidejob.advise', { recordId: record._id, advice: 'positive', conditions: '', reasoning: '' });
      expect(refused.value).toContain('niet bevoegd');
    }

    // Conditions need the conditions and a reasoning; the card comes back with what was typed.
    const incomplete = await act(bot, werksaam.manager, 'sidejob.advise', { recordId: record._id, advice: 'positive_with_conditions', conditions: '', reasoning: '' });
    expect(findById(incomplete.value, 'conditionsError')?.text).toBe('Schrijf de voorwaarden op.');
    expect(findById(incomplete.value, 'reasoningError')?.text).toContain('Geef een motivering');
    expect(findById(incomplete.value, 'advice')?.value).toBe('positive_with_conditions');
    expect((await byReference(bot, reference)).history).toEqual([]);

    const advised = await act(bot, werksaam.manager, 'sidejob.advise', {
      recordId: record._id,
      advice: 'positive_with_conditions',
      conditions: 'Niet voor werkzoekenden uit de regio Westfriesland',
      reasoning: 'Zelfde vakgebied; binnen de regio zou hij klanten van WerkSaam kunnen treffen.',
    });
    expect(advised.value.actions).toBeUndefined();
    expect(findById(advised.value, 'status')?.text).toBe('Status: Advies van de HR-adviseur (stap 2 van 3), bij Nicole Prins.');
    await bot.settle();
    expect(textsTo(bot, werksaam.employee).at(-1)).toContain(`Saskia Groen heeft advies gegeven over je melding nevenwerkzaamheid ${reference}: **Positief, met voorwaarden**.`);
    expect(textsTo(bot, werksaam.employee).at(-1)).toContain('Voorwaarden: Niet voor werkzoekenden uit de regio Westfriesland. Toelichting: Zelfde vakgebied; binnen de regio zou hij klanten van WerkSaam kunnen treffen. Je melding ligt nu bij: advies van de HR-adviseur (Nicole Prins).');

    // HR sees the manager's advice on its own card; the manager's late second click changes nothing.
    const hrCard = latestCardAbout(werksaam.hr, reference);
    expect(cardText(hrCard)).toContain('Advies van je leidinggevende: Positief, met voorwaarden');
    expect(cardText(hrCard)).toContain('Voorwaarden: Niet voor werkzoekenden uit de regio Westfriesland');
    const late = await act(bot, werksaam.manager, 'sidejob.advise', { recordId: record._id, advice: 'negative', conditions: '', reasoning: 'toch niet' });
    expect(findById(late.value, 'notice')?.text).toBe('Deze stap is al afgehandeld door Saskia Groen; de melding ligt nu bij Nicole Prins. Je keuze is niet opgeslagen.');

    await act(bot, werksaam.hr, 'sidejob.advise', { recordId: record._id, advice: 'positive', conditions: '', reasoning: 'Past binnen de regeling.' });
    await bot.settle();
    let stored = await byReference(bot, reference);
    expect(stored.state).toBe('awaiting_board_decision');
    expect(stored.assignees.sort()).toEqual([werksaam.chair.aadObjectId, werksaam.boardMember.aadObjectId].sort());
    // The board has the 20 working days WerkSaam's chain gives it (Easter Monday is a holiday).
    expect(stored.step!.dueAt).toEqual(new Date('2026-04-08T10:00:00+02:00'));
    for (const member of [werksaam.chair, werksaam.boardMember]) {
      const boardCard = latestCardAbout(member, reference);
      expect(boardCard.actions.map((action: any) => action.verb)).toEqual(['sidejob.decide']);
      expect(cardText(boardCard)).toContain('Jouw stap: Besluit van het dagelijks bestuur (stap 3 van 3)');
    }

    // The integrity coordinator is no member of the board, nor is HR now that it advised.
    expect((await act(bot, werksaam.integrity, 'sidejob.decide', { recordId: record._id, decision: 'approved', conditions: '', reasons: '' })).value).toContain('niet bevoegd');
    const byAdviser = await act(bot, werksaam.hr, 'sidejob.decide', { recordId: record._id, decision: 'approved', conditions: '', reasons: '' });
    expect(findById(byAdviser.value, 'notice')?.text).toContain('Je keuze is niet opgeslagen.');

    // A condition without reasons is refused at the field.
    const noReasons = await act(bot, werksaam.chair, 'sidejob.decide', { recordId: record._id, decision: 'approved_with_conditions', conditions: 'Niet in de regio Westfriesland', reasons: '' });
    expect(findById(noReasons.value, 'reasonsError')?.text).toContain('Geef een motivering');
    expect(findById(noReasons.value, 'conditions')?.value).toBe('Niet in de regio Westfriesland');

    const decided = await act(bot, werksaam.chair, 'sidejob.decide', {
      recordId: record._id,
      decision: 'approved_with_conditions',
      conditions: 'Niet in de regio Westfriesland',
      reasons: 'Zo ontstaat geen belangenverstrengeling met klanten van WerkSaam.',
    });
    expect(findById(decided.value, 'decision')?.text).toContain('Besluit: Toegestaan met voorwaarden, door Jolanda Smit op 10 maart 2026');
    const tooLate = await act(bot, werksaam.boardMember, 'sidejob.decide', { recordId: record._id, decision: 'refused', conditions: '', reasons: 'Nee' });
    expect(findById(tooLate.value, 'notice')?.text).toBe('Over deze melding is al besloten door Jolanda Smit. Je keuze is niet opgeslagen.');

    // The employee: told the decision with its conditions and reasons, and their own card shows it.
    await bot.settle();
    const told = textsTo(bot, werksaam.employee).at(-1)!;
    expect(told).toContain(`Jolanda Smit heeft besloten over je melding nevenwerkzaamheid ${reference}: **Toegestaan met voorwaarden**.`);
    expect(told).toContain('Voorwaarden: Niet in de regio Westfriesland');
    expect(told).toContain('Motivering: Zo ontstaat geen belangenverstrengeling');
    const ownerCard = ownerCardUpdate(werksaam.employee, 'card-werksaam');
    expect(findById(ownerCard, 'conditions')?.text).toBe('Voorwaarden: Niet in de regio Westfriesland');
    expect(cardText(ownerCard)).toContain('Advies van de HR-adviseur: Positief');

    // Every advice and the decision, kept in history and in the audit trail.
    stored = await byReference(bot, reference);
    expect(stored.state).toBe('approved_with_conditions');
    expect(stored.history.map((entry) => [entry.step, entry.action, entry.outcome, entry.actor])).toEqual([
      ['manager_advice', 'advise', 'positive_with_conditions', werksaam.manager.aadObjectId],
      ['hr_advice', 'advise', 'positive', werksaam.hr.aadObjectId],
      ['board_decision', 'decide', 'approved_with_conditions', werksaam.chair.aadObjectId],
    ]);
    expect(stored.history[0]!.fields).toEqual({ conditions: 'Niet voor werkzoekenden uit de regio Westfriesland', reasoning: 'Zelfde vakgebied; binnen de regio zou hij klanten van WerkSaam kunnen treffen.' });
    const trail = await bot.app.services.workflows.engine.auditTrail(stored._id);
    expect(trail.map((entry) => entry.action)).toEqual(['submitted', 'advise', 'advise', 'decide']);
    expect(trail.at(-1)!.fields).toEqual({ conditions: 'Niet in de regio Westfriesland', reasons: 'Zo ontstaat geen belangenverstrengeling met klanten van WerkSaam.' });
    // The board member's card shows the decision in place.
    const delivered = await bot.app.database.db.collection<{ _id: string; activityId: string }>('deliveries').findOne({ _id: recordCardKey(stored._id, werksaam.boardMember.aadObjectId) });
    const boardUpdate = bot.connector.updatesIn(bot.conversationOf(werksaam.boardMember)).filter((update) => update.activityId === delivered?.activityId).at(-1);
    expect(cardText(boardUpdate?.activity.attachments?.[0]?.content)).toContain('Besluit: Toegestaan met voorwaarden, door Jolanda Smit');
  });

  it('gives exactly one winner when two board members decide at once; the other reads "al besloten"', async () => {
    const { record } = await submitSideJob(bot, werksaam.employee, { activity: 'Bijles wiskunde' });
    await act(bot, werksaam.manager, 'sidejob.advise', { recordId: record._id, advice: 'positive', conditions: '', reasoning: '' });
    await act(bot, werksaam.hr, 'sidejob.advise', { recordId: record._id, advice: 'positive', conditions: '', reasoning: '' });
    const [byChair, byMember] = await Promise.all([
      act(bot, werksaam.chair, 'sidejob.decide', { recordId: record._id, decision: 'approved', conditions: '', reasons: '' }),
      act(bot, werksaam.boardMember, 'sidejob.decide', { recordId: record._id, decision: 'refused', conditions: '', reasons: 'Te veel uren naast een voltijdse baan.' }),
    ]);
    const notices = [byChair, byMember].map((body) => findById(body.value, 'notice')?.text);
    expect(notices.filter(Boolean)).toHaveLength(1);
    const stored = await byReference(bot, record.reference);
    const winner = stored.history.at(-1)!.actor === werksaam.chair.aadObjectId ? 'Jolanda Smit' : 'Gerard Bakker';
    expect(notices.find(Boolean)).toContain(`al besloten door ${winner}`);
    expect((await bot.app.services.workflows.engine.auditTrail(stored._id)).filter((entry) => entry.action === 'decide')).toHaveLength(1);
  });
});

describe('Velsen: the manager decides', () => {
  it('refuses a refusal without reasons, then tells the employee the refusal with its reasons', async () => {
    const { record, reference } = await submitSideJob(bot, velsen.employee, { activity: 'Adviseur vergunningen', organisation: 'Adviesbureau Kennemerland', relationToEmployer: 'supplier_or_contractor', paid: 'yes' });
    expect(reference).toMatch(/^VEL-N-2026-\d{4}$/);
    const card = (await byReference(bot, reference)) && latestCardAbout(velsen.manager, reference);
    expect(card.actions.map((action: any) => action.verb)).toEqual(['sidejob.decide', 'sidejob.return']);
    expect(cardText(card)).toContain('artikel 8 lid 1 onder b');
    const bare = await act(bot, velsen.manager, 'sidejob.decide', { recordId: record._id, decision: 'refused', conditions: '', reasons: '' });
    expect(findById(bare.value, 'reasonsError')?.text).toContain('Geef een motivering');
    expect((await byReference(bot, reference)).state).toBe('awaiting_manager_decision');
    const conditionsButPlainYes = await act(bot, velsen.manager, 'sidejob.decide', { recordId: record._id, decision: 'approved', conditions: 'Alleen buiten Velsen', reasons: '' });
    expect(findById(conditionsButPlainYes.value, 'decisionError')?.text).toContain('Je vulde voorwaarden in');

    await act(bot, velsen.manager, 'sidejob.decide', { recordId: record._id, decision: 'refused', conditions: '', reasons: 'Het bureau vraagt vergunningen aan bij onze afdeling.' });
    await bot.settle();
    expect(textsTo(bot, velsen.employee).at(-1)).toContain(`Megan Bowen heeft besloten over je melding nevenwerkzaamheid ${reference}: **Geweigerd**. Motivering: Het bureau vraagt vergunningen aan bij onze afdeling.`);
    expect((await byReference(bot, reference)).state).toBe('refused');
  });

  it('lets the manager return it for changes; the employee corrects it and it goes back to the manager', async () => {
    const { record, reference } = await submitSideJob(bot, velsen.employee, { activity: 'Fotograaf', organisation: 'Eigen bedrijf', ownAssessment: 'Geen' }, 'card-return');
    const noQuestion = await act(bot, velsen.manager, 'sidejob.return', { recordId: record._id, decision: '', conditions: '', reasons: '' });
    expect(findById(noQuestion.value, 'reasonsError')?.text).toContain('Schrijf in de toelichting');
    await act(bot, velsen.manager, 'sidejob.return', { recordId: record._id, decision: '', conditions: '', reasons: 'Fotografeer je ook voor de gemeente of voor aanvragers van vergunningen?' });
    await bot.settle();
    expect((await byReference(bot, reference)).state).toBe('changes_requested');
    // The employee gets the form back, filled in, with the question.
    const returned = latestCardAbout(velsen.employee, reference);
    expectValidCard(returned);
    expect(findById(returned, 'intro')?.text).toContain('Megan Bowen vraagt om aanvulling: Fotografeer je ook voor de gemeente');
    expect(findById(returned, 'activity')?.value).toBe('Fotograaf');
    expect(returned.actions.map((action: any) => action.verb)).toEqual(['sidejob.resubmit', 'sidejob.withdraw']);
    // The manager cannot decide while it is with the employee.
    const meanwhile = await act(bot, velsen.manager, 'sidejob.decide', { recordId: record._id, decision: 'approved', conditions: '', reasons: '' });
    expect(findById(meanwhile.value, 'notice')?.text).toContain('teruggestuurd naar de medewerker');

    const { formId: _unused, ...corrected } = sideJobData({ activity: 'Fotograaf', organisation: 'Eigen bedrijf', ownAssessment: 'Alleen bruiloften en portretten, nooit voor de gemeente of aanvragers.' });
    const invalid = await act(bot, velsen.employee, 'sidejob.resubmit', { ...corrected, recordId: record._id, ownAssessment: '' });
    expect(findById(invalid.value, 'ownAssessmentError')?.text).toBe('Dit veld is verplicht.');
    const resubmitted = await act(bot, velsen.employee, 'sidejob.resubmit', { ...corrected, recordId: record._id });
    expect(findById(resubmitted.value, 'status')?.text).toBe('Status: Besluit van je leidinggevende (stap 1 van 1), bij Megan Bowen.');
    await bot.settle();
    const stored = await byReference(bot, reference);
    expect(stored.state).toBe('awaiting_manager_decision');
    expect(stored.data.form.ownAssessment).toContain('nooit voor de gemeente');
    expect(stored.history.map((entry) => entry.action)).toEqual(['return', 'resubmit']);
    const update = latestCardAbout(velsen.manager, reference);
    expect(cardText(update)).toContain('nooit voor de gemeente');
    expect(cardText(update)).toContain('Teruggestuurd voor aanvulling');
    await act(bot, velsen.manager, 'sidejob.decide', { recordId: record._id, decision: 'approved', conditions: '', reasons: '' });
    expect((await byReference(bot, reference)).state).toBe('approved');
  });

  it('lets the employee withdraw while it is open', async () => {
    const { card, record } = await submitSideJob(bot, velsen.colleague, { activity: 'Tijdelijk klusje' });
    const withdraw = card.actions.find((action: any) => action.verb === 'sidejob.withdraw');
    expect((await act(bot, velsen.manager, 'sidejob.withdraw', withdraw.data)).value).toContain('niet bevoegd');
    const withdrawn = await act(bot, velsen.colleague, 'sidejob.withdraw', withdraw.data);
    expect(findById(withdrawn.value, 'decision')?.text).toBe('Deze melding is ingetrokken door de medewerker.');
    expect((await byReference(bot, record.reference)).state).toBe('withdrawn');
  });
});

describe('Heerde: the manager decides, and refers to the college in doubt', () => {
  it('refers with a reason; a college member decides', async () => {
    const { record, reference } = await submitSideJob(bot, heerde.employee, { activity: 'Bestuurslid woningcorporatie', organisation: 'Woonstichting De Veluwe', relationToEmployer: 'receives_subsidy_or_permit', paid: 'yes' });
    const card = latestCardAbout(heerde.manager, reference);
    expect(card.actions.map((action: any) => [action.verb, action.title])).toEqual([
      ['sidejob.decide', 'Besluit vastleggen'],
      ['sidejob.refer', 'Voorleggen (besluit van het college)'],
      ['sidejob.return', 'Terugsturen voor aanvulling'],
    ]);
    await act(bot, heerde.manager, 'sidejob.refer', { recordId: record._id, decision: '', conditions: '', reasons: 'Ik twijfel: de corporatie krijgt subsidie van de gemeente.' });
    await bot.settle();
    const stored = await byReference(bot, reference);
    expect(stored.state).toBe('awaiting_college_decision');
    expect(stored.assignees.sort()).toEqual([heerde.alderman.aadObjectId, heerde.mayor.aadObjectId].sort());
    expect(textsTo(bot, heerde.employee).at(-1)).toContain('Noor Bos heeft je melding nevenwerkzaamheid');
    expect(cardText(latestCardAbout(heerde.alderman, reference))).toContain('Ik twijfel: de corporatie krijgt subsidie van de gemeente.');
    // The manager referred it: deciding is the college's now.
    const afterwards = await act(bot, heerde.manager, 'sidejob.decide', { recordId: record._id, decision: 'approved', conditions: '', reasons: '' });
    expect(findById(afterwards.value, 'notice')?.text).toContain('Je keuze is niet opgeslagen.');
    await act(bot, heerde.mayor, 'sidejob.decide', { recordId: record._id, decision: 'approved_with_conditions', conditions: 'Niet betrokken bij subsidieaanvragen van de corporatie', reasons: 'Voorkomt belangenverstrengeling.' });
    expect((await byReference(bot, reference)).state).toBe('approved_with_conditions');
  });

  it('lets the manager decide at once when there is no doubt', async () => {
    const { record, reference } = await submitSideJob(bot, heerde.employee, { activity: 'Koorlid' });
    await act(bot, heerde.manager, 'sidejob.decide', { recordId: record._id, decision: 'approved', conditions: '', reasons: '' });
    const stored = await byReference(bot, reference);
    expect(stored.state).toBe('approved');
    expect(stored.route.map((step) => step.id)).toEqual(['manager_decision', 'college_decision']);
    expect(stored.participants).toEqual([heerde.manager.aadObjectId]);
  });
});

describe('Heemskerk: HR advises, the team leader decides', () => {
  it('asks HR first; the team leader cannot decide before that advice', async () => {
    const { record, reference } = await submitSideJob(bot, heemskerk.employee, { activity: 'Tekenaar bouwplannen', organisation: 'Architectenbureau Duin', relationToEmployer: 'same_policy_field', paid: 'yes' });
    expect(reference).toMatch(/^HMK-N-2026-/);
    expect(record.assignees).toEqual([heemskerk.hr.aadObjectId]);
    expect((await act(bot, heemskerk.manager, 'sidejob.decide', { recordId: record._id, decision: 'approved', conditions: '', reasons: '' })).value).toContain('niet bevoegd');
    await act(bot, heemskerk.hr, 'sidejob.advise', { recordId: record._id, advice: 'negative', conditions: '', reasoning: 'Tekent bouwplannen die bij onze afdeling binnenkomen.' });
    await bot.settle();
    const managerCard = latestCardAbout(heemskerk.manager, reference);
    expect(cardText(managerCard)).toContain('Advies van HR: Negatief');
    await act(bot, heemskerk.manager, 'sidejob.decide', { recordId: record._id, decision: 'refused', conditions: '', reasons: 'Op advies van HR: zelfde werkterrein.' });
    expect((await byReference(bot, reference)).state).toBe('refused');
  });
});
