import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement, type InputElement } from '../cards/adaptiveCard.js';
import { attention, heading, paragraph, stripUndefined, subheading } from '../cards/blocks.js';
import { formatDate } from '../i18n/format.js';
import { citationBlocks, type CitedSource } from '../cards/citations.js';
import { fieldMessages, formBlocks, yesNoLabels } from '../cards/forms.js';
import type { Person } from '../directory/types.js';
import { localize, type Language, type Localized } from '../i18n/index.js';
import type { CardFeedback, NoticeReason } from '../workflow/index.js';
import {
  REPORT_LIMITS,
  fittingRoutes,
  recipientValue,
  reportCategories,
  reportSubcategories,
  type IntakeField,
  type RecipientRoute,
  type ReportCategory,
  type ReportSubcategory,
  type TriageField,
} from './form.js';
import type { ReportSettings } from './settings.js';
import type { ReportDeadlines, ReportMeta, ReportRecord, ReportView, ThreadEntry } from './views.js';

/** Every Action.Execute verb the report cards use; tests check cards use no others. */
export const reportVerbs = {
  start: 'report.start',
  triage: 'report.triage',
  submit: 'report.submit',
  acknowledge: 'report.acknowledge',
  message: 'report.message',
  reply: 'report.reply',
  feedback: 'report.feedback',
  close: 'report.close',
  deputy: 'report.deputy',
} as const;

const t = (lang: Language, text: Localized) => localize(text, lang);

export const categoryLabels: Record<ReportCategory, Localized> = {
  unwanted_behaviour: { nl: 'Ongewenst gedrag', en: 'Unwanted behaviour' },
  suspected_wrongdoing: { nl: 'Vermoeden van een misstand', en: 'Suspected wrongdoing' },
  integrity_advice: { nl: 'Advies over integriteit', en: 'Integrity advice' },
};

export const subcategoryLabels: Record<ReportSubcategory, Localized> = {
  sexual_harassment: { nl: 'Seksuele intimidatie', en: 'Sexual harassment' },
  discrimination: { nl: 'Discriminatie', en: 'Discrimination' },
  bullying: { nl: 'Pesten', en: 'Bullying' },
  aggression_or_violence: { nl: 'Agressie of geweld', en: 'Aggression or violence' },
  other: { nl: 'Iets anders', en: 'Something else' },
  fraud: { nl: 'Fraude', en: 'Fraud' },
  conflict_of_interest: { nl: 'Belangenverstrengeling', en: 'Conflict of interest' },
  misuse_of_resources: { nl: 'Misbruik van middelen of bevoegdheden', en: 'Misuse of resources or powers' },
  breach_of_eu_law: { nl: 'Schending van Europees recht', en: 'Breach of EU law' },
};

/** A route as a role, inside a sentence: "melding verstuurd aan de vertrouwenspersoon ongewenst gedrag". */
export const routeLabels: Record<RecipientRoute, Localized> = {
  manager: { nl: 'je leidinggevende', en: 'your manager' },
  next_higher_manager: { nl: 'de naast hogere leidinggevende', en: 'the next-higher manager' },
  vertrouwenspersoon_ongewenst_gedrag: { nl: 'de vertrouwenspersoon ongewenst gedrag', en: 'the confidential counsellor for unwanted behaviour' },
  vertrouwenspersoon_integriteit: { nl: 'de vertrouwenspersoon integriteit', en: 'the integrity confidential counsellor' },
  integrity_coordinator: { nl: 'de integriteitscoördinator', en: 'the integrity coordinator' },
};

/** A route as a title, for choices, facts and registers. */
export const routeTitles: Record<RecipientRoute, Localized> = {
  manager: { nl: 'Leidinggevende', en: 'Manager' },
  next_higher_manager: { nl: 'Naast hogere leidinggevende', en: 'Next-higher manager' },
  vertrouwenspersoon_ongewenst_gedrag: { nl: 'Vertrouwenspersoon ongewenst gedrag', en: 'Confidential counsellor, unwanted behaviour' },
  vertrouwenspersoon_integriteit: { nl: 'Vertrouwenspersoon integriteit', en: 'Confidential counsellor, integrity' },
  integrity_coordinator: { nl: 'Integriteitscoördinator', en: 'Integrity coordinator' },
};



const buttons = (...actions: CardAction[]): CardElement => ({ type: 'ActionSet', actions });
const required = fieldMessages.required;

/** One input with its message under it (whole forms use formBlocks, with the banner above). */
const withError = (input: InputElement, lang: Language, error: Localized | undefined): CardElement[] => [
  stripUndefined(input),
  ...(error ? [{ type: 'TextBlock' as const, id: `${input.id}Error`, text: t(lang, error), wrap: true, color: 'Attention' as const, spacing: 'None' as const }] : []),
];
const formProblem = (lang: Language, banner: Localized | undefined, errors: Partial<Record<string, Localized>>): CardElement[] => formBlocks([], errors, lang, banner);
const rulesQuoted = (citations: readonly CitedSource[], lang: Language, organisationName: string): CardElement[] =>
  citations.length === 0 ? [] : citationBlocks(citations, lang, { nl: `Uit de regels van ${organisationName}`, en: `From the rules of ${organisationName}` });

const personLine = (person: Pick<Person, 'name' | 'upn'>) => (person.upn ? `${person.name || '—'} (${person.upn})` : person.name || '—');

// ---------------------------------------------------------------------------------------------
// The calm card: where to go, honestly, before anything is written

export interface IntakeCardOptions {
  lang: Language;
  organisationName: string;
  settings: ReportSettings;
  citations: readonly CitedSource[];
  people: ReadonlyMap<RecipientRoute, Person[]>;
  /** False when this installation has no key to store reports with: then only the routes are shown. */
  canReport: boolean;
  formId: string;
  values?: Partial<Record<IntakeField, string>>;
  errors?: Partial<Record<IntakeField, Localized>>;
  banner?: Localized;
}

export function intakeCard(options: IntakeCardOptions): AdaptiveCard {
  const { lang, settings, people, values = {}, errors = {} } = options;
  const usedRoutes = new Set(Object.values(settings.routes).flat());
  const facts = [...people]
    .filter(([route, holders]) => usedRoutes.has(route) && holders.length > 0)
    .map(([route, holders]) => ({ title: t(lang, routeTitles[route]), value: holders.map(personLine).join(', ') }));
  const body: CardElement[] = [
    heading(t(lang, { nl: 'Vertrouwelijk melden', en: 'Reporting confidentially' })),
    paragraph(
      t(lang, {
        nl: `Heb je te maken met ongewenst gedrag, of vermoed je een misstand of een schending van integriteit? Hier lees je waar je bij ${options.organisationName} terecht kunt. Je bepaalt zelf of, hoe en bij wie je iets meldt.`,
        en: `Are you facing unwanted behaviour, or do you suspect wrongdoing or an integrity breach? Here you can read where to go at ${options.organisationName}. You decide whether, how and to whom you report.`,
      }),
    ),
    subheading(t(lang, { nl: 'Waar kun je terecht?', en: 'Where can you go?' })),
    paragraph(t(lang, settings.summary)),
  ];
  if (facts.length > 0) body.push({ type: 'FactSet', id: 'contacts', facts });
  else body.push(paragraph(t(lang, { nl: 'Ik ken de vertrouwenspersonen van je organisatie niet uit de directory; vraag P&O wie het zijn.', en: 'The directory does not tell me your organisation’s confidential counsellors; ask HR who they are.' })));
  if (settings.external.length > 0) {
    body.push(subheading(t(lang, { nl: 'Buiten de organisatie', en: 'Outside the organisation' })));
    body.push(paragraph(settings.external.map((route) => `- **${t(lang, route.name)}**: ${t(lang, route.when)}${route.url ? ` (${route.url})` : ''}`).join('\n')));
  }
  body.push(
    subheading(t(lang, { nl: 'Goed om te weten', en: 'Good to know' })),
    paragraph(
      t(lang, {
        nl: 'Teams bewaart de geschiedenis van deze chat, en de beheerders van deze dienst houden hem draaiende. Wat je in een melding schrijft, wordt versleuteld opgeslagen: alleen degene aan wie je meldt kan het lezen, en een vervanger als die het je laat weten. Wil je onbekend blijven, of liever niets over de zaak in Teams zetten? Vraag dan een vertrouwenspersoon om contact met je op te nemen (buiten Teams, of hier met "Neem alleen contact met mij op", zonder iets over de zaak te schrijven), of kies een route buiten de organisatie.',
        en: 'Teams keeps the history of this chat, and the operators of this service keep it running. What you write in a report is stored encrypted: only the person you report to can read it, and a deputy they tell you about. Do you want to stay unknown, or rather write nothing about the matter in Teams? Then ask a confidential counsellor to contact you (outside Teams, or here with "Only contact me", without writing anything about the matter), or choose a route outside the organisation.',
      }),
    ),
    ...rulesQuoted(options.citations, lang, options.organisationName),
  );
  if (!options.canReport) {
    body.push(
      attention(
        'notAvailable',
        t(lang, {
          nl: 'Melden via de assistent is bij deze installatie nog niet ingericht. Neem rechtstreeks contact op met een van de mensen hierboven.',
          en: 'Reporting through the assistant has not been set up in this installation yet. Please contact one of the people above directly.',
        }),
      ),
    );
    return adaptiveCard(body);
  }
  body.push(
    subheading(t(lang, { nl: 'Wil je iets melden?', en: 'Do you want to report something?' })),
    ...formProblem(lang, options.banner, errors),
    ...withError(
      { type: 'Input.ChoiceSet', id: 'category', label: t(lang, { nl: 'Waar gaat het over?', en: 'What is it about?' }), isRequired: true, style: 'expanded', errorMessage: t(lang, required), choices: reportCategories.map((category) => ({ title: t(lang, categoryLabels[category]), value: category })), value: values.category },
      lang,
      errors.category,
    ),
    ...withError(
      { type: 'Input.ChoiceSet', id: 'managerInvolved', label: t(lang, { nl: 'Is je leidinggevende bij de zaak betrokken?', en: 'Is your manager involved in the matter?' }), isRequired: true, style: 'expanded', errorMessage: t(lang, required), choices: (['yes', 'no'] as const).map((value) => ({ title: t(lang, yesNoLabels[value]), value })), value: values.managerInvolved },
      lang,
      errors.managerInvolved,
    ),
  );
  return adaptiveCard(body, [{ type: 'Action.Execute', title: t(lang, { nl: 'Verder', en: 'Continue' }), verb: reportVerbs.triage, data: { formId: options.formId }, style: 'positive' }]);
}

// ---------------------------------------------------------------------------------------------
// The triage card: the report itself

export interface TriageCardOptions {
  lang: Language;
  formId: string;
  category: ReportCategory;
  managerInvolved: boolean;
  routes: readonly RecipientRoute[];
  people: ReadonlyMap<RecipientRoute, Person[]>;
  values?: Partial<Record<TriageField, string>>;
  errors?: Partial<Record<TriageField, Localized>>;
  banner?: Localized;
}

export function triageCard(options: TriageCardOptions): AdaptiveCard {
  const { lang, category, managerInvolved, people, values = {}, errors = {} } = options;
  const ids = new Map([...people].map(([route, holders]) => [route, holders.map((person) => person.aadObjectId)]));
  const fitting = fittingRoutes(options.routes, managerInvolved, ids);
  const recipientChoices = fitting.flatMap((route) => {
    const holders = people.get(route) ?? [];
    return holders.map((person) => ({ title: `${t(lang, routeTitles[route])}: ${person.name}`, value: recipientValue(route, person.aadObjectId, holders.length > 1) }));
  });
  const kinds: readonly ReportSubcategory[] = reportSubcategories[category];
  const body: CardElement[] = [
    heading(t(lang, { nl: 'Melding doen', en: 'Make a report' })),
    paragraph(
      t(lang, {
        nl: 'Je melding gaat alleen naar wie je hieronder kiest. Daarna zie je de status, de termijnen en de berichten onder "mijn meldingen"; wat je schrijft, komt niet terug in deze chat.',
        en: 'Your report goes only to the person you choose below. Afterwards you see the status, the deadlines and the messages under "my notifications"; what you write does not come back in this chat.',
      }),
    ),
    ...formProblem(lang, options.banner, errors),
    ...withError(
      { type: 'Input.ChoiceSet', id: 'category', label: t(lang, { nl: 'Waar gaat het over?', en: 'What is it about?' }), isRequired: true, style: 'expanded', errorMessage: t(lang, required), choices: reportCategories.map((value) => ({ title: t(lang, categoryLabels[value]), value })), value: values.category ?? category },
      lang,
      errors.category,
    ),
  ];
  if (kinds.length > 0) {
    body.push(
      ...withError(
        { type: 'Input.ChoiceSet', id: 'subcategory', label: t(lang, { nl: 'Wat voor soort zaak is het?', en: 'What kind of matter is it?' }), style: 'compact', choices: kinds.map((value) => ({ title: t(lang, subcategoryLabels[value]), value })), value: values.subcategory },
        lang,
        errors.subcategory,
      ),
    );
  }
  body.push(
    ...withError(
      { type: 'Input.ChoiceSet', id: 'managerInvolved', label: t(lang, { nl: 'Is je leidinggevende bij de zaak betrokken?', en: 'Is your manager involved in the matter?' }), isRequired: true, style: 'expanded', errorMessage: t(lang, required), choices: (['yes', 'no'] as const).map((value) => ({ title: t(lang, yesNoLabels[value]), value })), value: values.managerInvolved ?? (managerInvolved ? 'yes' : 'no') },
      lang,
      errors.managerInvolved,
    ),
  );
  if (recipientChoices.length === 0) {
    body.push(
      attention(
        'noRecipient',
        t(lang, {
          nl: 'Voor dit onderwerp kan ik in de directory niemand vinden aan wie je het via de assistent kunt melden. Neem rechtstreeks contact op met een vertrouwenspersoon, of gebruik een route buiten de organisatie.',
          en: 'For this subject the directory has nobody you can report to through the assistant. Please contact a confidential counsellor directly, or use a route outside the organisation.',
        }),
      ),
    );
    return adaptiveCard(body);
  }
  body.push(
    ...withError(
      { type: 'Input.ChoiceSet', id: 'recipient', label: t(lang, { nl: 'Aan wie wil je het melden?', en: 'Whom do you want to report it to?' }), isRequired: true, style: 'expanded', errorMessage: t(lang, required), choices: recipientChoices, value: values.recipient },
      lang,
      errors.recipient,
    ),
    ...withError(
      {
        type: 'Input.ChoiceSet',
        id: 'contactOnly',
        label: t(lang, { nl: 'Wat wil je?', en: 'What would you like?' }),
        isRequired: true,
        style: 'expanded',
        errorMessage: t(lang, required),
        choices: [
          { title: t(lang, { nl: 'Ik beschrijf de zaak hieronder', en: 'I describe the matter below' }), value: 'no' },
          { title: t(lang, { nl: 'Neem alleen contact met mij op (ik schrijf hier niets over de zaak)', en: 'Only contact me (I write nothing about the matter here)' }), value: 'yes' },
        ],
        value: values.contactOnly ?? 'no',
      },
      lang,
      errors.contactOnly,
    ),
    ...withError(
      {
        type: 'Input.Text',
        id: 'description',
        label: t(lang, { nl: 'Wat is er gebeurd? (leeg laten als je alleen contact wilt)', en: 'What happened? (leave empty if you only want to be contacted)' }),
        isMultiline: true,
        maxLength: REPORT_LIMITS.description,
        placeholder: t(lang, { nl: 'Wat, wanneer, wie waren erbij, wat heb je al gedaan', en: 'What, when, who was there, what you have done already' }),
        value: values.description,
      },
      lang,
      errors.description,
    ),
    ...withError(
      {
        type: 'Input.ChoiceSet',
        id: 'identity',
        label: t(lang, { nl: 'Wie mag weten dat jij dit meldt?', en: 'Who may know that you report this?' }),
        isRequired: true,
        style: 'expanded',
        errorMessage: t(lang, required),
        choices: [
          { title: t(lang, { nl: 'Vertrouwelijk: alleen de ontvanger weet wie ik ben', en: 'Confidential: only the recipient knows who I am' }), value: 'confidential' },
          { title: t(lang, { nl: 'Mijn naam mag bekend zijn bij wie mijn melding behandelt', en: 'My name may be known to those who handle my report' }), value: 'named' },
        ],
        value: values.identity ?? 'confidential',
      },
      lang,
      errors.identity,
    ),
  );
  return adaptiveCard(body, [{ type: 'Action.Execute', title: t(lang, { nl: 'Melding versturen', en: 'Send report' }), verb: reportVerbs.submit, data: { formId: options.formId }, style: 'positive' }]);
}

// ---------------------------------------------------------------------------------------------
// Shared parts of the cards about a submitted report

export function reportSubject(meta: ReportMeta, lang: Language): string {
  const sub = meta.subcategory ? ` · ${t(lang, subcategoryLabels[meta.subcategory])}` : '';
  return `${t(lang, categoryLabels[meta.category])}${sub}`;
}

export function reportStateLabel(record: ReportRecord, deadlines: ReportDeadlines, lang: Language): string {
  const late = deadlines.overdue ? t(lang, { nl: ' (termijn verstreken)', en: ' (deadline passed)' }) : '';
  switch (record.state) {
    case 'awaiting_acknowledgement':
      return `${t(lang, { nl: 'Wacht op ontvangstbevestiging', en: 'Awaiting acknowledgement' })}${late}`;
    case 'awaiting_feedback':
      return `${t(lang, { nl: 'Ontvangen; wacht op terugkoppeling', en: 'Received; awaiting feedback' })}${late}`;
    case 'awaiting_follow_up':
      return t(lang, { nl: 'Terugkoppeling gegeven; in behandeling', en: 'Feedback given; being handled' });
    case 'closed':
      return t(lang, { nl: 'Afgesloten', en: 'Closed' });
    default:
      return record.state;
  }
}

function deadlineFacts(deadlines: ReportDeadlines, lang: Language): CardElement {
  const done = (at: Date) => t(lang, { nl: `gedaan op ${formatDate(at, 'nl')}`, en: `done on ${formatDate(at, 'en')}` });
  const due = (at: Date) => t(lang, { nl: `uiterlijk ${formatDate(at, 'nl')}`, en: `by ${formatDate(at, 'en')}` });
  return {
    type: 'FactSet',
    id: 'deadlines',
    facts: [
      { title: t(lang, { nl: 'Ontvangstbevestiging', en: 'Acknowledgement' }), value: deadlines.acknowledgedAt ? done(deadlines.acknowledgedAt) : due(deadlines.acknowledgementDue) },
      {
        title: t(lang, { nl: 'Terugkoppeling', en: 'Feedback' }),
        value: deadlines.feedbackAt
          ? done(deadlines.feedbackAt)
          : deadlines.feedbackDue
            ? due(deadlines.feedbackDue)
            : t(lang, { nl: 'uiterlijk 3 maanden na de ontvangstbevestiging', en: 'within 3 months of the acknowledgement' }),
      },
    ],
  };
}

const threadLabels: Record<string, Localized> = {
  acknowledge: { nl: 'bevestigde de ontvangst', en: 'acknowledged receipt' },
  message: { nl: 'schreef', en: 'wrote' },
  reply: { nl: 'schreef', en: 'wrote' },
  feedback: { nl: 'gaf terugkoppeling', en: 'gave feedback' },
  close: { nl: 'sloot de melding af', en: 'closed the report' },
  add_deputy: { nl: 'voegde een vervanger toe', en: 'added a deputy' },
};

function threadBlocks(thread: ThreadEntry[], lang: Language, reporterLabel: Localized, deleted: boolean): CardElement[] {
  const blocks: CardElement[] = [subheading(t(lang, { nl: 'Berichten', en: 'Messages' }))];
  if (thread.length === 0) blocks.push(paragraph(t(lang, { nl: 'Nog geen berichten.', en: 'No messages yet.' }), { isSubtle: true }));
  for (const entry of thread) {
    const who = entry.author.kind === 'reporter' ? t(lang, reporterLabel) : entry.author.name;
    const items: CardElement[] = [{ type: 'TextBlock', text: `${who} ${t(lang, threadLabels[entry.action] ?? { nl: entry.action, en: entry.action })} · ${formatDate(entry.at, lang)}`, isSubtle: true, size: 'Small', wrap: true }];
    if (entry.text) items.push(paragraph(entry.text));
    else if (textHolding(entry.action) && deleted) items.push(paragraph(t(lang, { nl: '(verwijderd na de bewaartermijn)', en: '(deleted after the retention period)' }), { isSubtle: true }));
    blocks.push({ type: 'Container', separator: true, items });
  }
  return blocks;
}

const textHolding = (action: string) => action === 'message' || action === 'reply' || action === 'feedback';

function contentNotice(view: ReportView, lang: Language): CardElement[] {
  if (view.contentState === 'deleted') {
    return [paragraph(t(lang, { nl: 'De inhoud van deze melding is verwijderd na de bewaartermijn; alleen de gegevens voor de jaarcijfers zijn bewaard.', en: 'The content of this report was deleted after the retention period; only the data for the yearly figures was kept.' }), { id: 'contentDeleted', isSubtle: true })];
  }
  if (view.contentState === 'unavailable') {
    return [attention('contentUnavailable', t(lang, { nl: 'De inhoud van deze melding kan nu niet worden geopend. Probeer het later opnieuw of neem contact op met de beheerder.', en: 'The content of this report cannot be opened right now. Please try again later or contact the administrator.' }))];
  }
  return [];
}

const textInput = (id: string, label: string, placeholder?: string): InputElement => stripUndefined({ type: 'Input.Text', id, label, isMultiline: true, maxLength: REPORT_LIMITS.message, placeholder });

const feedbackFor = (feedback: CardFeedback | undefined, field: string): Localized | undefined => feedback?.errors[field];

// ---------------------------------------------------------------------------------------------
// The reporter's card: status, deadlines and messages, never the report's text

export function reporterCard(view: ReportView, lang: Language, feedback?: CardFeedback): AdaptiveCard {
  const { record, deadlines } = view;
  const meta = record.data.meta;
  const body: CardElement[] = [
    heading(t(lang, { nl: `Melding verstuurd aan ${t('nl', routeLabels[meta.route])}`, en: `Report sent to ${t('en', routeLabels[meta.route])}` })),
    {
      type: 'FactSet',
      facts: [
        { title: t(lang, { nl: 'Kenmerk', en: 'Reference' }), value: record.reference },
        { title: t(lang, { nl: 'Verstuurd op', en: 'Sent on' }), value: formatDate(record.createdAt, lang) },
        { title: t(lang, { nl: 'Aan', en: 'To' }), value: `${view.recipientName} (${t(lang, routeTitles[meta.route]).toLowerCase()})` },
        { title: t(lang, { nl: 'Onderwerp', en: 'Subject' }), value: reportSubject(meta, lang) },
        { title: 'Status', value: reportStateLabel(record, deadlines, lang) },
      ],
    },
    paragraph(
      meta.identity === 'confidential'
        ? t(lang, { nl: `Vertrouwelijk: alleen ${view.recipientName} weet dat jij deze melding deed.`, en: `Confidential: only ${view.recipientName} knows that you made this report.` })
        : t(lang, { nl: 'Je naam mag bekend zijn bij wie je melding behandelt.', en: 'Your name may be known to those who handle your report.' }),
      { isSubtle: true },
    ),
  ];
  if (view.deputies.length > 0) {
    body.push(paragraph(t(lang, { nl: `Ook als vervanger betrokken: ${view.deputies.map((deputy) => deputy.name).join(', ')}.`, en: `Also involved as a deputy: ${view.deputies.map((deputy) => deputy.name).join(', ')}.` }), { isSubtle: true }));
  }
  body.push(subheading(t(lang, { nl: 'Termijnen', en: 'Deadlines' })), deadlineFacts(deadlines, lang), ...contentNotice(view, lang));
  body.push(...threadBlocks(view.thread, lang, { nl: 'Jij', en: 'You' }, view.contentState === 'deleted'));
  if (view.actions.includes('reply')) {
    body.push(
      ...withError(textInput('reply', t(lang, { nl: `Bericht aan ${view.recipientName}`, en: `Message to ${view.recipientName}` })), lang, feedbackFor(feedback, 'reply')),
      buttons({ type: 'Action.Execute', title: t(lang, { nl: 'Bericht sturen', en: 'Send message' }), verb: reportVerbs.reply, data: { reportId: record._id } }),
    );
  }
  body.push(paragraph(t(lang, { nl: 'Wat je in je melding schreef, staat niet in deze chat. Typ "mijn meldingen" om je meldingen terug te zien.', en: 'What you wrote in your report is not in this chat. Type "my notifications" to see your reports again.' }), { isSubtle: true, size: 'Small' }));
  return adaptiveCard(body);
}

// ---------------------------------------------------------------------------------------------
// The card of the person handling it (the recipient, or a deputy they added)

const reasonBanners: Partial<Record<NoticeReason, Localized>> = {
  assigned: { nl: 'Er is een melding aan jou gedaan. Behandel haar vertrouwelijk.', en: 'A report has been made to you. Please handle it confidentially.' },
  reminder: { nl: 'Herinnering: de termijn van deze melding loopt bijna af.', en: 'Reminder: the deadline of this report is close.' },
  update: { nl: 'Er is iets veranderd aan deze melding.', en: 'Something changed in this report.' },
  stale: { nl: 'Iemand anders ging je voor; hieronder staat de melding zoals ze nu is. Je actie is niet opgeslagen.', en: 'Someone else was first; below is the report as it is now. Your action was not saved.' },
};

/** A refreshed card names what is new, unless the reader did it themselves. */
function updateBanner(view: ReportView): Localized | undefined {
  const latest = view.newFromOthers;
  if (!latest) return undefined;
  if (latest.action === 'reply') return { nl: 'Nieuw bericht van de melder.', en: 'New message from the reporter.' };
  return reasonBanners.update;
}

export function handlerCard(view: ReportView, lang: Language, reason: NoticeReason, feedback?: CardFeedback): AdaptiveCard {
  const { record, deadlines } = view;
  const meta = record.data.meta;
  const banner = reason === 'update' ? updateBanner(view) : reasonBanners[reason];
  const body: CardElement[] = [heading(t(lang, { nl: `Melding ${record.reference}`, en: `Report ${record.reference}` }))];
  if (reason === 'assigned' && view.audience === 'deputy') {
    body.push(paragraph(t(lang, { nl: `${view.recipientName} heeft je als vervanger toegevoegd aan deze melding. Behandel haar vertrouwelijk.`, en: `${view.recipientName} has added you as a deputy to this report. Please handle it confidentially.` }), { weight: 'Bolder' }));
  } else if (banner && reason !== 'assigned') body.push({ type: 'TextBlock', text: t(lang, banner), wrap: true, color: 'Warning', weight: 'Bolder' });
  else if (banner && record.history.length === 0) body.push(paragraph(t(lang, banner), { weight: 'Bolder' }));
  if (deadlines.overdue) body.push(attention('overdue', t(lang, { nl: 'De wettelijke termijn is verstreken.', en: 'The statutory deadline has passed.' })));
  const facts = [
    { title: t(lang, { nl: 'Kenmerk', en: 'Reference' }), value: record.reference },
    { title: t(lang, { nl: 'Ontvangen op', en: 'Received on' }), value: formatDate(record.createdAt, lang) },
    { title: t(lang, { nl: 'Onderwerp', en: 'Subject' }), value: reportSubject(meta, lang) },
    { title: t(lang, { nl: 'Aan', en: 'To' }), value: `${view.recipientName} (${t(lang, routeTitles[meta.route]).toLowerCase()})` },
    { title: t(lang, { nl: 'Melder', en: 'Reporter' }), value: view.reporter ? personLine(view.reporter) : t(lang, { nl: 'vertrouwelijk', en: 'confidential' }) },
    { title: 'Status', value: reportStateLabel(record, deadlines, lang) },
  ];
  if (view.content) facts.push({ title: t(lang, { nl: 'Leidinggevende betrokken', en: 'Manager involved' }), value: t(lang, view.content.managerInvolved ? yesNoLabels.yes : yesNoLabels.no) });
  if (view.deputies.length > 0) facts.push({ title: t(lang, { nl: 'Vervangers', en: 'Deputies' }), value: view.deputies.map((deputy) => deputy.name).join(', ') });
  body.push({ type: 'FactSet', id: 'facts', facts });
  if (meta.identity === 'confidential') {
    body.push(
      paragraph(
        view.audience === 'recipient'
          ? t(lang, { nl: 'Vertrouwelijk: alleen jij weet wie deze melding deed. Noem de naam van de melder niet zonder diens toestemming, ook niet tegenover een vervanger.', en: 'Confidential: only you know who made this report. Do not name the reporter without their consent, not even to a deputy.' })
          : t(lang, { nl: `Vertrouwelijk: alleen ${view.recipientName} weet wie deze melding deed.`, en: `Confidential: only ${view.recipientName} knows who made this report.` }),
        { isSubtle: true },
      ),
    );
  }
  body.push(...contentNotice(view, lang));
  if (view.content) {
    body.push(subheading(t(lang, { nl: 'De melding', en: 'The report' })));
    body.push(
      meta.contactOnly
        ? paragraph(t(lang, { nl: 'De melder vraagt je contact op te nemen; over de zaak zelf is hier niets geschreven.', en: 'The reporter asks you to get in touch; nothing about the matter itself was written here.' }), { id: 'contactOnly' })
        : { type: 'Container', style: 'emphasis', id: 'description', items: [paragraph(view.content.description ?? '')] },
    );
  }
  body.push(subheading(t(lang, { nl: 'Termijnen (Wet bescherming klokkenluiders)', en: 'Deadlines (Whistleblowers Protection Act)' })), deadlineFacts(deadlines, lang));
  body.push(...threadBlocks(view.thread, lang, { nl: 'Melder', en: 'Reporter' }, view.contentState === 'deleted'));
  body.push(...handlerActions(view, lang, feedback));
  return adaptiveCard(body);
}

function handlerActions(view: ReportView, lang: Language, feedback: CardFeedback | undefined): CardElement[] {
  const { actions, record } = view;
  const data = { reportId: record._id };
  const blocks: CardElement[] = [];
  if (actions.length === 0) return blocks;
  if (actions.includes('acknowledge')) {
    blocks.push(
      paragraph(t(lang, { nl: 'Bevestig de ontvangst; de melder krijgt daar direct bericht van.', en: 'Acknowledge receipt; the reporter is told at once.' })),
      buttons({ type: 'Action.Execute', title: t(lang, { nl: 'Ontvangst bevestigen', en: 'Acknowledge receipt' }), verb: reportVerbs.acknowledge, data, style: 'positive' }),
    );
  }
  if (actions.includes('message')) {
    blocks.push(
      ...withError(textInput('message', t(lang, { nl: 'Vraag of bericht aan de melder', en: 'Question or update for the reporter' })), lang, feedbackFor(feedback, 'message')),
      buttons({ type: 'Action.Execute', title: t(lang, { nl: 'Bericht sturen', en: 'Send message' }), verb: reportVerbs.message, data }),
    );
  }
  if (actions.includes('feedback')) {
    blocks.push(
      ...withError(textInput('feedback', t(lang, { nl: 'Terugkoppeling aan de melder: wat is er met de melding gedaan?', en: 'Feedback to the reporter: what was done with the report?' })), lang, feedbackFor(feedback, 'feedback')),
      buttons({ type: 'Action.Execute', title: t(lang, { nl: 'Terugkoppeling sturen', en: 'Send feedback' }), verb: reportVerbs.feedback, data }),
    );
  }
  // Closing and adding a deputy are rarer: behind a button each, so the card stays calm.
  const more: CardAction[] = [];
  if (actions.includes('close')) {
    more.push({
      type: 'Action.ShowCard',
      title: t(lang, { nl: 'Afsluiten…', en: 'Close…' }),
      card: adaptiveCard([
        ...withError(textInput('closingNote', t(lang, { nl: 'Afsluitend bericht aan de melder (niet verplicht)', en: 'Closing note to the reporter (optional)' })), lang, feedbackFor(feedback, 'closingNote')),
        buttons({ type: 'Action.Execute', title: t(lang, { nl: 'Melding afsluiten', en: 'Close report' }), verb: reportVerbs.close, data, style: 'destructive' }),
      ]),
    });
  }
  if (actions.includes('add_deputy') && view.deputyCandidates.length > 0) {
    more.push({
      type: 'Action.ShowCard',
      title: t(lang, { nl: 'Vervanger toevoegen…', en: 'Add a deputy…' }),
      card: adaptiveCard([
        ...withError(
          {
            type: 'Input.ChoiceSet',
            id: 'deputy',
            label: t(lang, { nl: 'Wie? Die kan de melding ook lezen en behandelen; de melder hoort dat.', en: 'Who? They can also read and handle the report; the reporter is told.' }),
            style: 'compact',
            choices: view.deputyCandidates.map((person) => ({ title: person.name, value: person.aadObjectId })),
          },
          lang,
          feedbackFor(feedback, 'deputy'),
        ),
        buttons({ type: 'Action.Execute', title: t(lang, { nl: 'Vervanger toevoegen', en: 'Add deputy' }), verb: reportVerbs.deputy, data }),
      ]),
    });
  }
  if (more.length > 0) blocks.push(buttons(...more));
  return [subheading(t(lang, { nl: 'Wat wil je doen?', en: 'What would you like to do?' })), ...blocks];
}

// ---------------------------------------------------------------------------------------------
// What the reporter is told

/** A message or feedback for the reporter, with a box to answer right there. */
export function reporterMessageCard(view: ReportView, entry: ThreadEntry, lang: Language): AdaptiveCard {
  const { record } = view;
  const title =
    entry.action === 'feedback'
      ? t(lang, { nl: `Terugkoppeling op je melding ${record.reference}`, en: `Feedback on your report ${record.reference}` })
      : entry.action === 'close'
        ? t(lang, { nl: `Je melding ${record.reference} is afgesloten`, en: `Your report ${record.reference} has been closed` })
        : t(lang, { nl: `Nieuw bericht over je melding ${record.reference}`, en: `New message about your report ${record.reference}` });
  const author = entry.author.kind === 'handler' ? entry.author.name : '';
  const body: CardElement[] = [heading(title), paragraph(`${author} · ${formatDate(entry.at, lang)}`, { isSubtle: true, size: 'Small' }), { type: 'Container', style: 'emphasis', items: [paragraph(entry.text ?? '')] }];
  if (view.actions.includes('reply')) {
    body.push(
      textInput('reply', t(lang, { nl: `Je antwoord aan ${view.recipientName}`, en: `Your answer to ${view.recipientName}` })),
      buttons({ type: 'Action.Execute', title: t(lang, { nl: 'Antwoorden', en: 'Answer' }), verb: reportVerbs.reply, data: { reportId: record._id } }),
    );
  }
  body.push(paragraph(t(lang, { nl: 'Alle berichten en de termijnen zie je onder "mijn meldingen".', en: 'All messages and the deadlines are under "my notifications".' }), { isSubtle: true, size: 'Small' }));
  return adaptiveCard(body);
}

export function acknowledgedText(view: ReportView, lang: Language): string {
  const due = view.deadlines.feedbackDue;
  return t(lang, {
    nl: `${view.recipientName} heeft de ontvangst van je melding ${view.record.reference} bevestigd.${due ? ` Je krijgt uiterlijk ${formatDate(due, 'nl')} terugkoppeling.` : ''} De termijnen en berichten zie je onder "mijn meldingen".`,
    en: `${view.recipientName} has acknowledged receipt of your report ${view.record.reference}.${due ? ` You will get feedback by ${formatDate(due, 'en')}.` : ''} The deadlines and messages are under "my notifications".`,
  });
}

export function deputyAddedText(view: ReportView, deputyName: string, lang: Language): string {
  const confidential = view.record.data.meta.identity === 'confidential';
  return t(lang, {
    nl: `${view.recipientName} heeft ${deputyName} als vervanger toegevoegd aan je melding ${view.record.reference}. ${deputyName} kan je melding ook lezen en behandelen${confidential ? ', maar ziet niet wie je bent' : ''}.`,
    en: `${view.recipientName} has added ${deputyName} as a deputy to your report ${view.record.reference}. ${deputyName} can also read and handle your report${confidential ? ', but does not see who you are' : ''}.`,
  });
}

export function closedText(view: ReportView, lang: Language): string {
  return t(lang, { nl: `Je melding ${view.record.reference} is afgesloten door ${view.recipientName}.`, en: `Your report ${view.record.reference} has been closed by ${view.recipientName}.` });
}
