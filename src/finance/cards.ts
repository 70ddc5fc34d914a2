import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from '../cards/adaptiveCard.js';
import { heading, paragraph, shorten, subheading, warning } from '../cards/blocks.js';
import { formatDay, formatMoment } from '../i18n/format.js';
import { citationBlocks } from '../cards/citations.js';
import { formBlocks, formInputs, type FormErrors, type FormValues } from '../cards/forms.js';
import { localize, type Language, type Localized } from '../i18n/index.js';
import { reachabilityBlocks, reasonBanner, staleNotice, whereItIs, type CardFeedback, type NoticeReason, type Viewer } from '../workflow/index.js';
import { FINANCE_LIMITS, financeDecisions, interestKinds, today, type FinanceDecision, type FinanceField, type InterestKind } from './form.js';
import type { FinanceRecord, FinanceView } from './views.js';

/** Every Action.Execute verb the finance cards use; tests check cards use no others. */
export const financeVerbs = { start: 'finance.start', submit: 'finance.submit', decide: 'finance.decide' } as const;

const t = (lang: Language, text: Localized) => localize(text, lang);

export const kindLabels: Record<InterestKind, Localized> = {
  shares_or_securities: { nl: 'Aandelen, obligaties of andere effecten', en: 'Shares, bonds or other securities' },
  real_estate_or_land: { nl: 'Onroerend goed of grond', en: 'Real estate or land' },
  claims: { nl: 'Vorderingen (bijvoorbeeld een verstrekte lening)', en: 'Claims (for example a loan you made)' },
  participation_in_company: { nl: 'Deelneming in een onderneming', en: 'Stake in a company' },
  other: { nl: 'Anders', en: 'Other' },
};

export const financeDecisionLabels: Record<FinanceDecision, Localized> = {
  noted: { nl: 'Kennis genomen en geregistreerd', en: 'Noted and registered' },
  measures_agreed: { nl: 'Maatregelen afgesproken', en: 'Measures agreed' },
};

const fieldLabels: Record<FinanceField, Localized> = {
  kind: { nl: 'Wat voor financieel belang?', en: 'What kind of financial interest?' },
  description: { nl: 'Omschrijving (wat, bij welke onderneming of waar)', en: 'Description (what, in which company or where)' },
  relationToOwnWork: { nl: 'Wat heeft het met je werk te maken?', en: 'How does it relate to your work?' },
  acquiredOn: { nl: 'Sinds wanneer heb je het?', en: 'Since when have you had it?' },
};

export function financeStateLabel(record: FinanceRecord, lang: Language): string {
  const decided = financeDecisionLabels[record.state as FinanceDecision];
  return decided ? t(lang, decided) : t(lang, { nl: 'Wacht op registratie', en: 'Awaiting registration' });
}

export function financeSummary(record: FinanceRecord, lang: Language): string {
  const { kind, description } = record.data.form;
  return shorten(`${t(lang, kindLabels[kind])}: ${description}`, 90);
}

export interface FinanceFormOptions {
  lang: Language;
  now: Date;
  formId: string;
  values?: FormValues<FinanceField>;
  errors?: FormErrors<FinanceField>;
  banner?: Localized;
  duty: Localized;
}

export function financeFormCard(options: FinanceFormOptions): AdaptiveCard {
  const { lang } = options;
  const input = formInputs(lang, options.values ?? {});
  const inputs = [
    input.choice('kind', fieldLabels.kind, interestKinds, kindLabels),
    input.text('description', fieldLabels.description, { required: true, multiline: true, maxLength: FINANCE_LIMITS.description }),
    input.text('relationToOwnWork', fieldLabels.relationToOwnWork, { required: true, multiline: true, maxLength: FINANCE_LIMITS.relationToOwnWork }),
    input.date('acquiredOn', fieldLabels.acquiredOn, { min: '1900-01-01', max: today(options.now) }),
  ];
  return adaptiveCard(
    [heading(t(lang, { nl: 'Financieel belang melden', en: 'Report a financial interest' })), paragraph(t(lang, options.duty)), ...formBlocks(inputs, options.errors ?? {}, lang, options.banner)],
    [{ type: 'Action.Execute', title: t(lang, { nl: 'Melden', en: 'Submit' }), verb: financeVerbs.submit, data: { formId: options.formId }, style: 'positive' }],
  );
}

function facts(view: FinanceView, lang: Language, withOwner: boolean): CardElement {
  const { form } = view.record.data;
  const list = [{ title: t(lang, { nl: 'Kenmerk', en: 'Reference' }), value: view.record.reference }];
  if (withOwner) list.push({ title: t(lang, { nl: 'Medewerker', en: 'Employee' }), value: view.ownerFunction ? `${view.ownerName} (${view.ownerFunction})` : view.ownerName });
  list.push(
    { title: t(lang, { nl: 'Soort', en: 'Kind' }), value: t(lang, kindLabels[form.kind]) },
    { title: t(lang, { nl: 'Omschrijving', en: 'Description' }), value: form.description },
    { title: t(lang, { nl: 'Relatie met het werk', en: 'Relation to work' }), value: form.relationToOwnWork },
    { title: t(lang, { nl: 'Sinds', en: 'Since' }), value: formatDay(form.acquiredOn, lang) },
  );
  return { type: 'FactSet', id: 'facts', facts: list };
}

function statusBlocks(view: FinanceView, lang: Language): CardElement[] {
  const decision = view.decision;
  if (!decision) return [whereItIs(undefined, view.assigneeNames, lang)];
  const label = t(lang, financeDecisionLabels[decision.outcome as FinanceDecision]);
  const blocks: CardElement[] = [
    {
      type: 'TextBlock',
      id: 'decision',
      wrap: true,
      weight: 'Bolder',
      color: 'Good',
      text: t(lang, { nl: `Vastgelegd: ${label}, door ${decision.actorName} op ${formatMoment(decision.at, 'nl')}.`, en: `Recorded: ${label}, by ${decision.actorName} on ${formatMoment(decision.at, 'en')}.` }),
    },
  ];
  if (decision.fields.measures) blocks.push({ type: 'TextBlock', id: 'measures', wrap: true, text: `${t(lang, { nl: 'Maatregelen', en: 'Measures' })}: ${decision.fields.measures}` });
  if (decision.fields.comment) blocks.push({ type: 'TextBlock', id: 'comment', wrap: true, text: `${t(lang, { nl: 'Toelichting', en: 'Comment' })}: ${decision.fields.comment}` });
  return blocks;
}

function ownerCard(view: FinanceView, lang: Language): AdaptiveCard {
  const { record } = view;
  return adaptiveCard([
    heading(t(lang, { nl: `Je melding financieel belang ${record.reference}`, en: `Your financial interest notice ${record.reference}` })),
    paragraph(t(lang, { nl: 'Je melding is vastgelegd. Bewaar het kenmerk als je er later naar wilt verwijzen.', en: 'Your notice has been recorded. Keep the reference if you want to refer to it later.' })),
    ...statusBlocks(view, lang),
    ...reachabilityBlocks(view.reachability[lang]),
    paragraph(t(lang, record.data.duty.text)),
    ...citationBlocks(view.citations, lang),
    subheading(t(lang, { nl: 'Je melding', en: 'Your notice' })),
    facts(view, lang, false),
  ]);
}

function recipientCard(view: FinanceView, lang: Language, reason: NoticeReason, feedback: CardFeedback | undefined): AdaptiveCard {
  const input = formInputs(lang, feedback?.values ?? {});
  const inputs = formBlocks(
    [
      input.choice('decision', { nl: 'Wat leg je vast?', en: 'What do you record?' }, financeDecisions, financeDecisionLabels, 'expanded'),
      input.text('measures', { nl: 'Maatregelen (verplicht als er maatregelen zijn afgesproken)', en: 'Measures (required when measures were agreed)' }, { multiline: true, maxLength: FINANCE_LIMITS.measures, placeholder: { nl: 'bijvoorbeeld: niet betrokken bij opdrachten aan deze onderneming', en: 'for example: not involved in assignments to this company' } }),
      input.text('comment', { nl: 'Toelichting (niet verplicht)', en: 'Comment (optional)' }, { multiline: true, maxLength: FINANCE_LIMITS.comment }),
    ],
    (feedback?.errors ?? {}) as FormErrors<string>,
    lang,
  );
  const actions: CardAction[] = [{ type: 'Action.Execute', title: t(lang, { nl: 'Vastleggen', en: 'Record' }), verb: financeVerbs.decide, data: { recordId: view.record._id }, style: 'positive' }];
  return adaptiveCard(
    [
      heading(t(lang, { nl: `Melding financieel belang van ${view.ownerName}`, en: `Financial interest notice from ${view.ownerName}` })),
      ...reasonBanner(reason, lang),
      paragraph(t(lang, { nl: `Leg vast wat er met deze melding gebeurt; ${view.ownerName} ziet wat je vastlegt.`, en: `Record what happens with this notice; ${view.ownerName} sees what you record.` })),
      facts(view, lang, true),
      ...citationBlocks(view.citations, lang),
      ...inputs,
    ],
    actions,
  );
}

function recordCard(view: FinanceView, lang: Language, notice?: string): AdaptiveCard {
  return adaptiveCard([
    heading(t(lang, { nl: `Melding financieel belang van ${view.ownerName}`, en: `Financial interest notice from ${view.ownerName}` })),
    ...(notice ? [warning('notice', notice)] : []),
    ...statusBlocks(view, lang),
    facts(view, lang, true),
    ...citationBlocks(view.citations, lang),
  ]);
}

export function financeCard(view: FinanceView, viewer: Viewer, reason: NoticeReason, feedback?: CardFeedback): AdaptiveCard {
  if (viewer.isOwner) return ownerCard(view, viewer.lang);
  if (viewer.actions.includes('decide')) return recipientCard(view, viewer.lang, reason, feedback);
  return recordCard(view, viewer.lang, reason === 'stale' ? staleNotice(view.record, view.decision?.actorName, view.assigneeNames, viewer.lang) : undefined);
}

export function financeOwnerNotice(view: FinanceView, lang: Language): string | undefined {
  const decision = view.decision;
  if (!decision) return undefined;
  const label = t(lang, financeDecisionLabels[decision.outcome as FinanceDecision]);
  const measures = decision.fields.measures ? ` ${t(lang, { nl: 'Maatregelen', en: 'Measures' })}: ${decision.fields.measures}` : '';
  return t(lang, {
    nl: `${decision.actorName} heeft je melding financieel belang ${view.record.reference} vastgelegd: **${label}**.${measures}`,
    en: `${decision.actorName} has recorded your financial interest notice ${view.record.reference}: **${label}**.${measures}`,
  });
}
