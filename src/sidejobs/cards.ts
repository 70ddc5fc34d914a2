import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from '../cards/adaptiveCard.js';
import { attention, heading, lowerFirst, paragraph, shorten, subheading, warning } from '../cards/blocks.js';
import { formatDay, formatMoment } from '../i18n/format.js';
import { citationBlocks } from '../cards/citations.js';
import { formBlocks, formInputs, yesNoLabels, type FormErrors, type FormValues } from '../cards/forms.js';
import { localize, type Language, type Localized } from '../i18n/index.js';
import { historyBlocks, reachabilityBlocks, reasonBanner, staleNotice, whereItIs, type HistoryLine } from '../workflow/recordCards.js';
import { CHANGES_REQUESTED, type CardFeedback, type HistoryEntry, type NoticeReason, type Viewer } from '../workflow/index.js';
import {
  adviceFields,
  decisionFields,
  relationsToEmployer,
  SIDE_JOB_LIMITS,
  sideJobAdvice,
  sideJobDecisions,
  sideJobDateRange,
  sideJobFields,
  sideJobFormValues,
  type RelationToEmployer,
  type SideJobAdvice,
  type SideJobDecision,
  type SideJobField,
  type SideJobForm,
} from './form.js';
import type { NamedEntry, SideJobRecord, SideJobView } from './views.js';

/** Every Action.Execute verb the side-job cards use; tests check cards use no others. */
export const sideJobVerbs = {
  start: 'sidejob.start',
  submit: 'sidejob.submit',
  advise: 'sidejob.advise',
  decide: 'sidejob.decide',
  refer: 'sidejob.refer',
  return: 'sidejob.return',
  resubmit: 'sidejob.resubmit',
  withdraw: 'sidejob.withdraw',
  reconfirm: 'sidejob.reconfirm',
} as const;

const t = (lang: Language, text: Localized) => localize(text, lang);

export const relationLabels: Record<RelationToEmployer, Localized> = {
  none: { nl: 'Nee, geen band', en: 'No connection' },
  supplier_or_contractor: { nl: 'Leverancier of aannemer van mijn werkgever', en: 'Supplier or contractor of my employer' },
  receives_subsidy_or_permit: { nl: 'Krijgt subsidie, een opdracht of een vergunning van mijn werkgever', en: 'Receives a subsidy, assignment or permit from my employer' },
  supervised_by_employer: { nl: 'Mijn werkgever houdt er toezicht op of handhaaft er', en: 'My employer supervises it or enforces rules on it' },
  same_policy_field: { nl: 'Werkt op hetzelfde beleidsterrein als ik', en: 'Works in the same policy field as I do' },
  other: { nl: 'Een andere band', en: 'Another connection' },
};

const fieldLabels: Record<SideJobField, Localized> = {
  activity: { nl: 'Wat ga je doen?', en: 'What will you do?' },
  organisation: { nl: 'Voor wie? (organisatie of opdrachtgever)', en: 'For whom? (organisation or client)' },
  role: { nl: 'Je rol daar (niet verplicht)', en: 'Your role there (optional)' },
  paid: { nl: 'Word je ervoor betaald?', en: 'Are you paid for it?' },
  hoursPerWeek: { nl: 'Hoeveel uur per week ongeveer?', en: 'About how many hours per week?' },
  duringWorkingHours: { nl: 'Doe je het (deels) onder werktijd?', en: 'Do you do it (partly) during working hours?' },
  startDate: { nl: 'Vanaf wanneer?', en: 'From when?' },
  endDate: { nl: 'Tot wanneer? (leeg laten als het doorloopt)', en: 'Until when? (leave empty if it continues)' },
  relationToEmployer: { nl: 'Heeft de organisatie een band met je werkgever?', en: 'Does the organisation have a connection with your employer?' },
  withinRegion: { nl: 'Is het in de gemeente of regio waar je werkgever werkt?', en: 'Is it in the municipality or region where your employer works?' },
  ownAssessment: { nl: 'Waarom botst dit wel of niet met je werk? (je eigen beoordeling)', en: 'Why does this or does it not conflict with your work? (your own assessment)' },
};

const factLabels: Record<SideJobField, Localized> = {
  activity: { nl: 'Nevenwerkzaamheid', en: 'Side job' },
  organisation: { nl: 'Voor', en: 'For' },
  role: { nl: 'Rol', en: 'Role' },
  paid: { nl: 'Betaald', en: 'Paid' },
  hoursPerWeek: { nl: 'Uren per week', en: 'Hours per week' },
  duringWorkingHours: { nl: 'Onder werktijd', en: 'During working hours' },
  startDate: { nl: 'Vanaf', en: 'From' },
  endDate: { nl: 'Tot', en: 'Until' },
  relationToEmployer: { nl: 'Band met werkgever', en: 'Connection with employer' },
  withinRegion: { nl: 'In de regio', en: 'In the region' },
  ownAssessment: { nl: 'Eigen beoordeling', en: 'Own assessment' },
};

export const adviceLabels: Record<SideJobAdvice, Localized> = {
  positive: { nl: 'Positief', en: 'Positive' },
  positive_with_conditions: { nl: 'Positief, met voorwaarden', en: 'Positive, with conditions' },
  negative: { nl: 'Negatief', en: 'Negative' },
};

export const decisionLabels: Record<SideJobDecision, Localized> = {
  approved: { nl: 'Toegestaan', en: 'Approved' },
  approved_with_conditions: { nl: 'Toegestaan met voorwaarden', en: 'Approved with conditions' },
  refused: { nl: 'Geweigerd', en: 'Refused' },
};

const reconfirmLabels: Record<string, Localized> = {
  still_current: { nl: 'Nog actueel', en: 'Still current' },
  changed: { nl: 'Gewijzigd', en: 'Changed' },
  ended: { nl: 'Beëindigd', en: 'Ended' },
};

const closedStateLabels: Record<string, Localized> = {
  [CHANGES_REQUESTED]: { nl: 'Teruggestuurd voor aanvulling', en: 'Returned for changes' },
  approved: { nl: 'Toegestaan', en: 'Approved' },
  approved_with_conditions: { nl: 'Toegestaan met voorwaarden', en: 'Approved with conditions' },
  refused: { nl: 'Geweigerd', en: 'Refused' },
  withdrawn: { nl: 'Ingetrokken', en: 'Withdrawn' },
  ended: { nl: 'Beëindigd', en: 'Ended' },
};

const fieldTexts: Record<string, Localized> = {
  conditions: { nl: 'Voorwaarden', en: 'Conditions' },
  reasoning: { nl: 'Toelichting', en: 'Explanation' },
  reasons: { nl: 'Motivering', en: 'Reasons' },
};

export function sideJobStateLabel(record: SideJobRecord, lang: Language): string {
  const closed = closedStateLabels[record.state];
  if (closed) return t(lang, closed);
  const step = record.data.steps.find((candidate) => `awaiting_${candidate.id}` === record.state);
  return step ? `${t(lang, { nl: 'Wacht op', en: 'Awaiting' })}: ${lowerFirst(t(lang, step.label))}` : record.state;
}

/** One line for lists: what, for whom. */
export function sideJobSummary(record: SideJobRecord): string {
  const { activity, organisation } = record.data.form;
  return shorten(`${activity} — ${organisation}`, 90);
}

export function sideJobPeriod(form: SideJobForm, lang: Language): string {
  const from = formatDay(form.startDate, lang);
  return form.endDate ? `${from} – ${formatDay(form.endDate, lang)}` : `${t(lang, { nl: 'vanaf', en: 'from' })} ${from}`;
}

// ---------------------------------------------------------------------------------------------
// The form: new, corrected after a return, or changed after a reconfirmation

export interface SideJobFormOptions {
  lang: Language;
  now: Date;
  organisationName: string;
  /** A new notification's card id, or the record being corrected. */
  id: { formId: string; replaces?: string } | { recordId: string };
  values?: FormValues<SideJobField>;
  errors?: FormErrors<SideJobField>;
  banner?: Localized;
  /** Above the form: why it is shown again (the question of whoever returned it, the change). */
  intro?: string;
  title?: string;
}

export function sideJobFormCard(options: SideJobFormOptions): AdaptiveCard {
  const { lang, values = {}, errors = {} } = options;
  const range = sideJobDateRange(options.now);
  const input = formInputs(lang, values);
  const label = (field: SideJobField) => fieldLabels[field];
  const inputs = [
    input.text('activity', label('activity'), { required: true, maxLength: SIDE_JOB_LIMITS.activity, placeholder: { nl: 'bijvoorbeeld: penningmeester, les geven, advieswerk', en: 'for example: treasurer, teaching, consultancy' } }),
    input.text('organisation', label('organisation'), { required: true, maxLength: SIDE_JOB_LIMITS.organisation }),
    input.text('role', label('role'), { maxLength: SIDE_JOB_LIMITS.role }),
    input.yesNo('paid', label('paid')),
    // Text, not Input.Number: "2,5" is how Dutch people write half hours.
    input.text('hoursPerWeek', label('hoursPerWeek'), { required: true, maxLength: 10, placeholder: { nl: 'bijvoorbeeld 4 of 2,5', en: 'for example 4 or 2.5' } }),
    input.yesNo('duringWorkingHours', label('duringWorkingHours')),
    input.date('startDate', label('startDate'), { min: range.earliestStart, max: range.latestStart }),
    input.date('endDate', label('endDate'), { min: range.today }, false),
    input.choice('relationToEmployer', label('relationToEmployer'), relationsToEmployer, relationLabels),
    input.yesNo('withinRegion', label('withinRegion')),
    input.text('ownAssessment', label('ownAssessment'), { required: true, multiline: true, maxLength: SIDE_JOB_LIMITS.ownAssessment }),
  ];
  const isCorrection = 'recordId' in options.id;
  const body: CardElement[] = [
    heading(options.title ?? t(lang, { nl: 'Nevenwerkzaamheid melden', en: 'Report a side job' })),
    paragraph(
      t(lang, {
        nl: `Meld werk dat je naast je functie bij ${options.organisationName} doet of gaat doen, betaald of onbetaald. Je krijgt direct een eerste beoordeling met de regels erbij, en je ziet wie er beslist.`,
        en: `Report work you do or will do besides your job at ${options.organisationName}, paid or unpaid. You get a first assessment at once with the rules, and you see who decides.`,
      }),
    ),
    ...(options.intro ? [attention('intro', options.intro)] : []),
    ...formBlocks(inputs, errors, lang, options.banner),
  ];
  const data = isCorrection ? { recordId: (options.id as { recordId: string }).recordId } : { ...options.id };
  const actions: CardAction[] = [
    { type: 'Action.Execute', title: t(lang, isCorrection ? { nl: 'Opnieuw indienen', en: 'Resubmit' } : { nl: 'Melden', en: 'Submit' }), verb: isCorrection ? sideJobVerbs.resubmit : sideJobVerbs.submit, data, style: 'positive' },
  ];
  if (isCorrection) actions.push({ type: 'Action.Execute', title: t(lang, { nl: 'Melding intrekken', en: 'Withdraw notification' }), verb: sideJobVerbs.withdraw, data, associatedInputs: 'none' });
  return adaptiveCard(body, actions);
}

// ---------------------------------------------------------------------------------------------
// Shared parts of the record cards

function facts(view: SideJobView, lang: Language, withOwner: boolean): CardElement {
  const { form } = view.record.data;
  const list: { title: string; value: string }[] = [{ title: t(lang, { nl: 'Kenmerk', en: 'Reference' }), value: view.record.reference }];
  if (withOwner) {
    list.push({ title: t(lang, { nl: 'Medewerker', en: 'Employee' }), value: view.ownerFunction ? `${view.ownerName} (${view.ownerFunction})` : view.ownerName });
  }
  const fact = (field: SideJobField, value: string) => list.push({ title: t(lang, factLabels[field]), value });
  fact('activity', form.activity);
  fact('organisation', form.organisation);
  if (form.role) fact('role', form.role);
  fact('paid', t(lang, yesNoLabels[form.paid]));
  fact('hoursPerWeek', String(form.hoursPerWeek).replace('.', lang === 'nl' ? ',' : '.'));
  fact('duringWorkingHours', t(lang, yesNoLabels[form.duringWorkingHours]));
  fact('startDate', formatDay(form.startDate, lang));
  if (form.endDate) fact('endDate', formatDay(form.endDate, lang));
  fact('relationToEmployer', t(lang, relationLabels[form.relationToEmployer]));
  fact('withinRegion', t(lang, yesNoLabels[form.withinRegion]));
  fact('ownAssessment', form.ownAssessment);
  return { type: 'FactSet', id: 'facts', facts: list };
}

/** The first assessment: the duty, what may conflict (or that nothing appears to), publication, who decides. */
function assessmentBlocks(view: SideJobView, lang: Language, audience: 'owner' | 'actor'): CardElement[] {
  const { assessment } = view.record.data;
  const blocks: CardElement[] = [subheading(t(lang, { nl: 'Eerste beoordeling', en: 'First assessment' }))];
  if (audience === 'actor') blocks.push({ type: 'TextBlock', isSubtle: true, wrap: true, spacing: 'None', text: t(lang, { nl: `Dit kreeg ${view.ownerName} bij het melden te zien:`, en: `What ${view.ownerName} was shown when reporting:` }) });
  blocks.push(paragraph(t(lang, assessment.duty.text)));
  if (assessment.concerns.length === 0) blocks.push({ type: 'TextBlock', id: 'assessment', wrap: true, color: 'Good', text: t(lang, assessment.noConcerns) });
  else {
    blocks.push({ type: 'TextBlock', id: 'assessment', wrap: true, weight: 'Bolder', color: 'Warning', text: t(lang, { nl: 'Let op: dit kan botsen met je werk', en: 'Note: this may conflict with your work' }) });
    for (const concern of assessment.concerns) blocks.push({ type: 'TextBlock', wrap: true, text: `- ${t(lang, concern.text)}` });
  }
  if (assessment.publication) blocks.push(paragraph(t(lang, assessment.publication.text)));
  blocks.push(subheading(t(lang, { nl: 'Wie beslist', en: 'Who decides' })), paragraph(t(lang, assessment.decider.text)));
  return blocks;
}

function outcomeTitle(entry: HistoryEntry, lang: Language, view: SideJobView): string {
  const step = view.record.data.steps.find((candidate) => candidate.id === entry.step);
  const stepName = step ? t(lang, step.label) : '';
  switch (entry.action) {
    case 'advise':
      return `${stepName}: ${t(lang, adviceLabels[entry.outcome as SideJobAdvice] ?? { nl: entry.outcome, en: entry.outcome })}`;
    case 'decide':
      return `${stepName}: ${t(lang, decisionLabels[entry.outcome as SideJobDecision] ?? { nl: entry.outcome, en: entry.outcome })}`;
    case 'refer':
      return t(lang, { nl: `${stepName}: voorgelegd aan de volgende stap`, en: `${stepName}: referred to the next step` });
    case 'return':
      return t(lang, { nl: 'Teruggestuurd voor aanvulling', en: 'Returned for changes' });
    case 'resubmit':
      return t(lang, { nl: 'Aangevuld en opnieuw ingediend', en: 'Corrected and resubmitted' });
    case 'withdraw':
      return t(lang, { nl: 'Ingetrokken', en: 'Withdrawn' });
    case 'reconfirm':
      return `${t(lang, { nl: 'Jaarlijkse bevestiging', en: 'Yearly confirmation' })}: ${t(lang, reconfirmLabels[entry.outcome] ?? { nl: entry.outcome, en: entry.outcome })}`;
    default:
      return entry.action;
  }
}

function historyLines(view: SideJobView, lang: Language): HistoryLine[] {
  return view.entries.map((entry) => ({
    title: outcomeTitle(entry, lang, view),
    by: entry.actorName,
    at: entry.at,
    fields: Object.entries(entry.fields)
      .filter(([key]) => fieldTexts[key])
      .map(([key, value]) => ({ label: t(lang, fieldTexts[key]!), value })),
  }));
}

/** How the record ended, or where it is now. */
function statusBlocks(view: SideJobView, lang: Language): CardElement[] {
  const { record } = view;
  const line = (text: string, color?: 'Good' | 'Attention'): CardElement => ({ type: 'TextBlock', id: 'decision', wrap: true, weight: 'Bolder', text, ...(color ? { color } : {}) });
  if (record.state === 'withdrawn') return [line(t(lang, { nl: 'Deze melding is ingetrokken door de medewerker.', en: 'This notification was withdrawn by the employee.' }))];
  const blocks: CardElement[] = [];
  const decision = view.decision;
  if (decision) {
    const label = t(lang, decisionLabels[decision.outcome as SideJobDecision]);
    blocks.push(line(t(lang, { nl: `Besluit: ${label}, door ${decision.actorName} op ${formatMoment(decision.at, 'nl')}.`, en: `Decision: ${label}, by ${decision.actorName} on ${formatMoment(decision.at, 'en')}.` }), decision.outcome === 'refused' ? 'Attention' : 'Good'));
    if (decision.fields.conditions) blocks.push({ type: 'TextBlock', id: 'conditions', wrap: true, text: `${t(lang, fieldTexts.conditions!)}: ${decision.fields.conditions}` });
    if (decision.fields.reasons) blocks.push({ type: 'TextBlock', id: 'reasons', wrap: true, text: `${t(lang, fieldTexts.reasons!)}: ${decision.fields.reasons}` });
  }
  if (record.state === 'ended') {
    const ended = [...view.entries].reverse().find((entry) => entry.action === 'reconfirm' && entry.outcome === 'ended');
    blocks.push({ type: 'TextBlock', id: 'ended', wrap: true, weight: 'Bolder', text: t(lang, { nl: `Beëindigd gemeld op ${formatMoment(ended?.at ?? record.updatedAt, 'nl')}.`, en: `Reported as ended on ${formatMoment(ended?.at ?? record.updatedAt, 'en')}.` }) });
  }
  if (record.state === CHANGES_REQUESTED) {
    blocks.push(line(t(lang, { nl: 'Teruggestuurd naar de medewerker voor aanvulling.', en: 'Returned to the employee for changes.' })));
  } else if (record.closedAt === null) {
    blocks.push(whereItIs(view.step, view.assigneeNames, lang));
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// The employee's card (replaces the form; follows the record)

export function sideJobOwnerCard(view: SideJobView, lang: Language, now: Date, feedback?: CardFeedback): AdaptiveCard {
  const { record } = view;
  if (record.state === CHANGES_REQUESTED && view.actions.includes('resubmit')) {
    const returned = [...view.entries].reverse().find((entry) => entry.action === 'return');
    const question = returned?.fields.reasoning ?? returned?.fields.reasons ?? '';
    return sideJobFormCard({
      lang,
      now,
      organisationName: view.organisation?.name ?? record.orgId,
      id: { recordId: record._id },
      title: t(lang, { nl: `Je melding nevenwerkzaamheid ${record.reference}: aanvulling gevraagd`, en: `Your side-job notification ${record.reference}: changes requested` }),
      intro: t(lang, { nl: `${returned?.actorName ?? 'Je leidinggevende'} vraagt om aanvulling: ${question}`, en: `${returned?.actorName ?? 'Your manager'} asks for changes: ${question}` }),
      values: (feedback?.values as FormValues<SideJobField> | undefined) ?? sideJobFormValues(record.data.form),
      errors: feedback?.errors as FormErrors<SideJobField> | undefined,
    });
  }
  const actions: CardAction[] = [];
  if (view.actions.includes('withdraw')) actions.push({ type: 'Action.Execute', title: t(lang, { nl: 'Melding intrekken', en: 'Withdraw notification' }), verb: sideJobVerbs.withdraw, data: { recordId: record._id } });
  if (view.actions.includes('reconfirm')) actions.push({ type: 'Action.Execute', title: t(lang, { nl: 'Beëindigd melden', en: 'Report as ended' }), verb: sideJobVerbs.reconfirm, data: { recordId: record._id, answer: 'ended' } });
  return adaptiveCard(
    [
      heading(t(lang, { nl: `Je melding nevenwerkzaamheid ${record.reference}`, en: `Your side-job notification ${record.reference}` })),
      paragraph(t(lang, { nl: 'Je melding is vastgelegd. Bewaar het kenmerk als je er later naar wilt verwijzen.', en: 'Your notification has been recorded. Keep the reference if you want to refer to it later.' })),
      ...statusBlocks(view, lang),
      ...reachabilityBlocks(view.reachability[lang]),
      ...assessmentBlocks(view, lang, 'owner'),
      ...historyBlocks(historyLines(view, lang), lang),
      ...citationBlocks(view.citations, lang),
      subheading(t(lang, { nl: 'Je melding', en: 'Your notification' })),
      facts(view, lang, false),
    ],
    actions,
  );
}

// ---------------------------------------------------------------------------------------------
// The card of whoever's turn it is: advice or decision in-thread

function actorInputs(view: SideJobView, lang: Language, feedback: CardFeedback | undefined): { inputs: CardElement[]; actions: CardAction[] } {
  const values = feedback?.values ?? {};
  const errors = (feedback?.errors ?? {}) as FormErrors<string>;
  const input = formInputs(lang, values);
  const data = { recordId: view.record._id };
  const actions: CardAction[] = [];
  let fields: CardElement[] = [];
  if (view.actions.includes('advise')) {
    fields = formBlocks(
      [
        input.choice('advice', { nl: 'Je advies', en: 'Your advice' }, sideJobAdvice, adviceLabels, 'expanded'),
        input.text('conditions', { nl: 'Voorwaarden (bij een positief advies met voorwaarden)', en: 'Conditions (with a positive advice with conditions)' }, { multiline: true, maxLength: SIDE_JOB_LIMITS.explanation, placeholder: { nl: 'bijvoorbeeld: niet in de eigen regio', en: 'for example: not in our own region' } }),
        input.text('reasoning', { nl: 'Toelichting (verplicht bij voorwaarden of een negatief advies)', en: 'Explanation (required with conditions or a negative advice)' }, { multiline: true, maxLength: SIDE_JOB_LIMITS.explanation }),
      ],
      errors,
      lang,
    );
    actions.push({ type: 'Action.Execute', title: t(lang, { nl: 'Advies geven', en: 'Give advice' }), verb: sideJobVerbs.advise, data, style: 'positive' });
  } else if (view.actions.includes('decide')) {
    fields = formBlocks(
      [
        input.choice('decision', { nl: 'Je besluit', en: 'Your decision' }, sideJobDecisions, decisionLabels, 'expanded'),
        input.text('conditions', { nl: 'Voorwaarden (bij toestemming met voorwaarden)', en: 'Conditions (with approval with conditions)' }, { multiline: true, maxLength: SIDE_JOB_LIMITS.explanation }),
        input.text('reasons', { nl: 'Motivering (verplicht bij voorwaarden of een weigering)', en: 'Reasons (required with conditions or a refusal)' }, { multiline: true, maxLength: SIDE_JOB_LIMITS.explanation }),
      ],
      errors,
      lang,
    );
    actions.push({ type: 'Action.Execute', title: t(lang, { nl: 'Besluit vastleggen', en: 'Record decision' }), verb: sideJobVerbs.decide, data, style: 'positive' });
  }
  if (view.actions.includes('refer')) actions.push({ type: 'Action.Execute', title: t(lang, { nl: `Voorleggen (${lowerFirst(view.nextStepLabel?.nl ?? 'volgende stap')})`, en: `Refer (${lowerFirst(view.nextStepLabel?.en ?? 'next step')})` }), verb: sideJobVerbs.refer, data });
  if (view.actions.includes('return')) actions.push({ type: 'Action.Execute', title: t(lang, { nl: 'Terugsturen voor aanvulling', en: 'Return for changes' }), verb: sideJobVerbs.return, data });
  return { inputs: fields, actions };
}

export function sideJobActorCard(view: SideJobView, lang: Language, reason: NoticeReason, feedback?: CardFeedback): AdaptiveCard {
  const { record } = view;
  const task = view.actions.includes('advise') ? { nl: 'advies', en: 'advice' } : { nl: 'besluit', en: 'decision' };
  const { inputs, actions } = actorInputs(view, lang, feedback);
  return adaptiveCard(
    [
      heading(t(lang, { nl: `Melding nevenwerkzaamheid van ${view.ownerName}`, en: `Side-job notification from ${view.ownerName}` })),
      ...reasonBanner(reason, lang),
      paragraph(
        t(lang, {
          nl: `Jouw stap: ${view.step ? `${view.step.label.nl} (stap ${view.step.number} van ${view.step.of})` : 'beoordelen'}. ${view.ownerName} ziet je ${task.nl} met je toelichting.`,
          en: `Your step: ${view.step ? `${view.step.label.en} (step ${view.step.number} of ${view.step.of})` : 'assess'}. ${view.ownerName} sees your ${task.en} with your explanation.`,
        }),
      ),
      facts(view, lang, true),
      ...assessmentBlocks(view, lang, 'actor'),
      ...historyBlocks(historyLines(view, lang), lang),
      ...citationBlocks(view.citations, lang),
      ...inputs,
    ],
    actions,
  );
}

/** For everyone else who may see it (earlier steps, HR, the register): the record without buttons. */
export function sideJobRecordCard(view: SideJobView, lang: Language, notice?: string): AdaptiveCard {
  return adaptiveCard([
    heading(t(lang, { nl: `Melding nevenwerkzaamheid van ${view.ownerName}`, en: `Side-job notification from ${view.ownerName}` })),
    ...(notice ? [warning('notice', notice)] : []),
    ...statusBlocks(view, lang),
    facts(view, lang, true),
    ...assessmentBlocks(view, lang, 'actor'),
    ...historyBlocks(historyLines(view, lang), lang),
    ...citationBlocks(view.citations, lang),
  ]);
}

const actorActions = ['advise', 'decide', 'refer', 'return'];

/** Which card a person sees: the employee's card, the card of whoever's turn it is, or the record as it is. */
export function sideJobCard(view: SideJobView, viewer: Viewer, reason: NoticeReason, now: Date, feedback?: CardFeedback): AdaptiveCard {
  if (viewer.isOwner) return sideJobOwnerCard(view, viewer.lang, now, feedback);
  if (viewer.actions.some((action) => actorActions.includes(action))) return sideJobActorCard(view, viewer.lang, reason, feedback);
  const last = view.entries.at(-1);
  return sideJobRecordCard(view, viewer.lang, reason === 'stale' ? staleNotice(view.record, last?.actorName, view.assigneeNames, viewer.lang) : undefined);
}

/** What the employee is told when someone in the chain acts: advice (and where it is now), referral, decision. */
export function sideJobOwnerNotice(view: SideJobView, entry: NamedEntry, lang: Language): string | undefined {
  const { record } = view;
  const ref = record.reference;
  const now = view.step && view.assigneeNames.length > 0 ? t(lang, { nl: ` Je melding ligt nu bij: ${lowerFirst(view.step.label.nl)} (${view.assigneeNames.join(', ')}).`, en: ` Your notification is now at: ${lowerFirst(view.step.label.en)} (${view.assigneeNames.join(', ')}).` }) : '';
  const written = (fields: Record<string, string>) =>
    Object.entries(fields)
      .filter(([key]) => fieldTexts[key])
      .map(([key, value]) => ` ${t(lang, fieldTexts[key]!)}: ${/[.!?]$/.test(value) ? value : `${value}.`}`)
      .join('');
  switch (entry.action) {
    case 'advise': {
      const label = t(lang, adviceLabels[entry.outcome as SideJobAdvice]);
      return t(lang, { nl: `${entry.actorName} heeft advies gegeven over je melding nevenwerkzaamheid ${ref}: **${label}**.${written(entry.fields)}${now}`, en: `${entry.actorName} has given advice on your side-job notification ${ref}: **${label}**.${written(entry.fields)}${now}` });
    }
    case 'refer':
      return t(lang, { nl: `${entry.actorName} heeft je melding nevenwerkzaamheid ${ref} voorgelegd.${written(entry.fields)}${now}`, en: `${entry.actorName} has referred your side-job notification ${ref}.${written(entry.fields)}${now}` });
    case 'decide': {
      const label = t(lang, decisionLabels[entry.outcome as SideJobDecision]);
      return t(lang, { nl: `${entry.actorName} heeft besloten over je melding nevenwerkzaamheid ${ref}: **${label}**.${written(entry.fields)}`, en: `${entry.actorName} has decided on your side-job notification ${ref}: **${label}**.${written(entry.fields)}` });
    }
    default:
      return undefined;
  }
}

export { adviceFields, decisionFields, sideJobFields };
