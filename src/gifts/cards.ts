import { localize, type Language, type Localized } from '../i18n/index.js';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement, type InputElement } from '../cards/adaptiveCard.js';
import { heading, paragraph, shorten, subheading } from '../cards/blocks.js';
import { formatDay, formatEuro, formatMoment } from '../i18n/format.js';
import { citationBlocks } from '../cards/citations.js';
import { formBlocks } from '../cards/forms.js';
import { reachabilityBlocks, type NoticeReason, type Viewer } from '../workflow/index.js';
import { GIFT_LIMITS, giftFields, giftKinds, giverRelations, type GiftDecision, type GiftField, type GiftForm, type GiftKind, type GiverRelation, type YesNo } from './form.js';
import { suggestedDecision, type GiftOutcome } from './rules.js';
import type { GiftRecord, GiftView } from './views.js';

/** Every Action.Execute verb the gift cards use; tests check cards use no others. */
export const giftVerbs = {
  start: 'gift.start',
  submit: 'gift.submit',
  decide: 'gift.decide',
  withdraw: 'gift.withdraw',
} as const;

// Language first reads better in the many card lines below; the lookup itself is i18n's.
const t = (lang: Language, text: Localized) => localize(text, lang);

const relationLabels: Record<GiverRelation, Localized> = {
  supplier_or_contractor: { nl: 'Leverancier of aannemer', en: 'Supplier or contractor' },
  party_in_procurement_or_negotiation: { nl: 'Partij in een aanbesteding, vergunning of onderhandeling', en: 'Party in a tender, permit or negotiation' },
  resident_or_client: { nl: 'Inwoner of klant', en: 'Resident or client' },
  other_government: { nl: 'Andere overheid', en: 'Other government body' },
  other: { nl: 'Anders', en: 'Other' },
};

const kindLabels: Record<GiftKind, Localized> = {
  gift: { nl: 'Geschenk', en: 'Gift' },
  invitation: { nl: 'Uitnodiging (evenement, excursie, reis)', en: 'Invitation (event, excursion, trip)' },
  hospitality: { nl: 'Gastvrijheid (etentje, lunch, borrel)', en: 'Hospitality (dinner, lunch, drinks)' },
  favour: { nl: 'Gunst of dienst', en: 'Favour or service' },
  money_or_voucher: { nl: 'Geld of waardebon', en: 'Money or voucher' },
};

const yesNoLabels: Record<YesNo, Localized> = { yes: { nl: 'Ja', en: 'Yes' }, no: { nl: 'Nee', en: 'No' } };

const fieldLabels: Record<GiftField, Localized> = {
  description: { nl: 'Wat heb je gekregen of aangeboden gekregen?', en: 'What did you receive or were you offered?' },
  giver: { nl: 'Van wie? (persoon of organisatie)', en: 'From whom? (person or organisation)' },
  giverRelation: { nl: 'Wie is de gever voor jouw werk?', en: 'Who is the giver in relation to your work?' },
  kind: { nl: 'Wat voor soort?', en: 'What kind?' },
  valueEur: { nl: 'Geschatte waarde in euro', en: 'Estimated value in euros' },
  receivedOn: { nl: 'Wanneer ontvangen of aangeboden?', en: 'When was it received or offered?' },
  deliveredAtHome: { nl: 'Is het bij je thuis bezorgd?', en: 'Was it delivered to your home?' },
  negotiationsOngoing: {
    nl: 'Lopen er gesprekken of onderhandelingen met de gever (bijvoorbeeld een aanbesteding, opdracht of vergunning)?',
    en: 'Are talks or negotiations with the giver going on (for example a tender, contract or permit)?',
  },
  expectsSomethingInReturn: { nl: 'Vermoed je dat de gever er iets voor terugverwacht?', en: 'Do you suspect the giver expects something in return?' },
  remark: { nl: 'Opmerking (niet verplicht)', en: 'Remark (optional)' },
};

/** Short labels for the facts of a submitted notification. */
const factLabels: Record<GiftField, Localized> = {
  description: { nl: 'Wat', en: 'What' },
  giver: { nl: 'Van', en: 'From' },
  giverRelation: { nl: 'Gever', en: 'Giver' },
  kind: { nl: 'Soort', en: 'Kind' },
  valueEur: { nl: 'Waarde', en: 'Value' },
  receivedOn: { nl: 'Ontvangen op', en: 'Received on' },
  deliveredAtHome: { nl: 'Thuis bezorgd', en: 'Delivered at home' },
  negotiationsOngoing: { nl: 'Lopende onderhandelingen', en: 'Negotiations going on' },
  expectsSomethingInReturn: { nl: 'Tegenprestatie verwacht', en: 'Return favour expected' },
  remark: { nl: 'Opmerking', en: 'Remark' },
};

const outcomeTitles: Record<GiftOutcome, Localized> = {
  refuse_and_return: { nl: 'Advies: niet aannemen, terugsturen naar de gever', en: 'Advice: do not accept, return it to the giver' },
  may_keep_report: { nl: 'Advies: je mag het houden, maar meldt het wel', en: 'Advice: you may keep it, but you report it' },
  hand_in: { nl: 'Advies: inleveren bij de organisatie', en: 'Advice: hand it in to the organisation' },
  manager_decides: { nl: 'Advies: je leidinggevende beslist', en: 'Advice: your manager decides' },
};

export const decisionLabels: Record<GiftDecision, Localized> = {
  approve_keep: { nl: 'Mag houden', en: 'May keep it' },
  hand_in: { nl: 'Inleveren bij de organisatie', en: 'Hand in to the organisation' },
  return_to_sender: { nl: 'Terugsturen naar de gever', en: 'Return to the giver' },
};

export const stateLabels: Record<string, Localized> = {
  awaiting_decision: { nl: 'Wacht op besluit', en: 'Awaiting decision' },
  kept: { nl: 'Besloten: mag houden', en: 'Decided: may keep it' },
  handed_in: { nl: 'Besloten: inleveren', en: 'Decided: hand it in' },
  returned: { nl: 'Besloten: terugsturen', en: 'Decided: return it' },
  withdrawn: { nl: 'Ingetrokken', en: 'Withdrawn' },
};


// ---------------------------------------------------------------------------------------------
// The form

export interface GiftFormOptions {
  lang: Language;
  formId: string;
  /** The allowed date range, so the date picker offers only valid days. */
  receivedRange: { min: string; max: string };
  organisationName?: string;
  values?: Partial<Record<GiftField, string>>;
  errors?: Partial<Record<GiftField, Localized>>;
  /** A message above the form, e.g. why the previous submission was refused. */
  banner?: Localized;
}

export function giftFormCard(options: GiftFormOptions): AdaptiveCard {
  const { lang, values = {}, errors = {} } = options;
  const label = (field: GiftField) => t(lang, fieldLabels[field]);
  const choices = <T extends string>(keys: readonly T[], labels: Record<T, Localized>) => keys.map((key) => ({ title: t(lang, labels[key]), value: key }));
  const yesNoChoices = choices(['yes', 'no'] as const, yesNoLabels);
  const required = { nl: 'Dit veld is verplicht.', en: 'This field is required.' };

  const inputs: Record<GiftField, InputElement> = {
    description: { type: 'Input.Text', id: 'description', label: label('description'), isRequired: true, isMultiline: true, maxLength: GIFT_LIMITS.description, errorMessage: t(lang, required), value: values.description },
    giver: { type: 'Input.Text', id: 'giver', label: label('giver'), isRequired: true, maxLength: GIFT_LIMITS.giver, errorMessage: t(lang, required), value: values.giver },
    giverRelation: { type: 'Input.ChoiceSet', id: 'giverRelation', label: label('giverRelation'), isRequired: true, style: 'compact', choices: choices(giverRelations, relationLabels), errorMessage: t(lang, required), value: values.giverRelation },
    kind: { type: 'Input.ChoiceSet', id: 'kind', label: label('kind'), isRequired: true, style: 'compact', choices: choices(giftKinds, kindLabels), errorMessage: t(lang, required), value: values.kind },
    // Text, not Input.Number: Input.Number refuses "49,95", the way Dutch people write amounts.
    valueEur: {
      type: 'Input.Text',
      id: 'valueEur',
      label: label('valueEur'),
      isRequired: true,
      maxLength: 20,
      placeholder: t(lang, { nl: 'bijvoorbeeld 49,95', en: 'for example 49.95' }),
      errorMessage: t(lang, required),
      value: values.valueEur,
    },
    receivedOn: { type: 'Input.Date', id: 'receivedOn', label: label('receivedOn'), isRequired: true, min: options.receivedRange.min, max: options.receivedRange.max, errorMessage: t(lang, required), value: values.receivedOn },
    deliveredAtHome: { type: 'Input.ChoiceSet', id: 'deliveredAtHome', label: label('deliveredAtHome'), isRequired: true, style: 'expanded', choices: yesNoChoices, errorMessage: t(lang, required), value: values.deliveredAtHome },
    negotiationsOngoing: { type: 'Input.ChoiceSet', id: 'negotiationsOngoing', label: label('negotiationsOngoing'), isRequired: true, style: 'expanded', choices: yesNoChoices, errorMessage: t(lang, required), value: values.negotiationsOngoing },
    expectsSomethingInReturn: { type: 'Input.ChoiceSet', id: 'expectsSomethingInReturn', label: label('expectsSomethingInReturn'), isRequired: true, style: 'expanded', choices: yesNoChoices, errorMessage: t(lang, required), value: values.expectsSomethingInReturn },
    remark: { type: 'Input.Text', id: 'remark', label: label('remark'), isMultiline: true, maxLength: GIFT_LIMITS.remark, value: values.remark },
  };

  const body: CardElement[] = [
    heading(t(lang, { nl: 'Cadeau melden', en: 'Report a gift' })),
    paragraph(
      t(lang, {
        nl: `Meld een geschenk, uitnodiging, gunst of geld dat je vanwege je werk kreeg of aangeboden kreeg. Je krijgt direct advies op basis van de regels van ${options.organisationName ?? 'je organisatie'}; je leidinggevende beslist.`,
        en: `Report a gift, invitation, favour or money you received or were offered because of your work. You get advice at once from the rules of ${options.organisationName ?? 'your organisation'}; your manager decides.`,
      }),
    ),
  ];
  body.push(...formBlocks(giftFields.map((field) => inputs[field]), errors, lang, options.banner));
  return adaptiveCard(body, [{ type: 'Action.Execute', title: t(lang, { nl: 'Melden', en: 'Submit' }), verb: giftVerbs.submit, data: { formId: options.formId }, style: 'positive' }]);
}

// ---------------------------------------------------------------------------------------------
// Shared parts of the notification cards

function giftFacts(form: GiftForm, lang: Language, reference: string, ownerName?: string): CardElement {
  const facts: { title: string; value: string }[] = [{ title: t(lang, { nl: 'Kenmerk', en: 'Reference' }), value: reference }];
  if (ownerName) facts.push({ title: t(lang, { nl: 'Medewerker', en: 'Employee' }), value: ownerName });
  const fact = (field: GiftField, value: string) => facts.push({ title: t(lang, factLabels[field]), value });
  fact('description', form.description);
  fact('giver', form.giver);
  fact('giverRelation', t(lang, relationLabels[form.giverRelation]));
  fact('kind', t(lang, kindLabels[form.kind]));
  fact('valueEur', formatEuro(form.valueEur, lang));
  fact('receivedOn', formatDay(form.receivedOn, lang));
  fact('deliveredAtHome', t(lang, yesNoLabels[form.deliveredAtHome]));
  fact('negotiationsOngoing', t(lang, yesNoLabels[form.negotiationsOngoing]));
  fact('expectsSomethingInReturn', t(lang, yesNoLabels[form.expectsSomethingInReturn]));
  if (form.remark) fact('remark', form.remark);
  return { type: 'FactSet', facts };
}

/**
 * The advice is written to the employee ("je mag het houden"); on a decider's card it is
 * introduced as the advice the employee got, so the manager does not read it as addressed to them.
 */
function adviceBlocks(view: GiftView, lang: Language, audience: 'owner' | 'decider' = 'owner'): CardElement[] {
  const assessment = view.record.data.assessment;
  const blocks = [subheading(t(lang, outcomeTitles[assessment.outcome])), paragraph(t(lang, assessment.advice))];
  if (audience === 'decider') {
    blocks.splice(1, 0, { type: 'TextBlock', isSubtle: true, wrap: true, spacing: 'None', text: t(lang, { nl: `Dit advies kreeg ${view.ownerName}:`, en: `The advice ${view.ownerName} received:` }) });
  }
  return blocks;
}

function decisionLine(view: GiftView, lang: Language): CardElement[] {
  if (view.withdrawn) {
    return [{ type: 'TextBlock', id: 'decision', wrap: true, weight: 'Bolder', text: t(lang, { nl: 'Deze melding is ingetrokken door de medewerker.', en: 'This notification was withdrawn by the employee.' }) }];
  }
  const decision = view.decision;
  if (!decision) return [];
  const who = view.deciderName ?? t(lang, { nl: 'een behandelaar', en: 'a handler' });
  const blocks: CardElement[] = [
    {
      type: 'TextBlock',
      id: 'decision',
      wrap: true,
      weight: 'Bolder',
      color: 'Good',
      text: t(lang, {
        nl: `Besluit: ${decisionLabels[decision.decision].nl}, door ${who} op ${formatMoment(decision.at, 'nl')}.`,
        en: `Decision: ${decisionLabels[decision.decision].en}, by ${who} on ${formatMoment(decision.at, 'en')}.`,
      }),
    },
  ];
  if (decision.comment) blocks.push(paragraph(`${t(lang, { nl: 'Toelichting', en: 'Comment' })}: ${decision.comment}`));
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// The employee's outcome card (replaces the form; updated when decided)

export function giftOutcomeCard(view: GiftView, lang: Language): AdaptiveCard {
  const { record } = view;
  const assessment = record.data.assessment;
  const status: CardElement[] = view.decision || view.withdrawn
    ? decisionLine(view, lang)
    : [
        {
          type: 'TextBlock',
          id: 'status',
          wrap: true,
          weight: 'Bolder',
          text: view.assigneeName
            ? t(lang, { nl: `Status: wacht op besluit van ${view.assigneeName}.`, en: `Status: awaiting a decision by ${view.assigneeName}.` })
            : t(lang, {
                nl: 'Status: ik kon nog niemand vinden die over je melding beslist. Neem contact op met P&O; je melding is wel vastgelegd.',
                en: 'Status: I could not find anyone to decide on your notification yet. Please contact HR; your notification has been recorded.',
              }),
        },
      ];
  if (!view.decision && !view.withdrawn) {
    status.push(...reachabilityBlocks(view.reachability[lang]));
  }
  return adaptiveCard([
    heading(t(lang, { nl: `Je cadeaumelding ${record.reference}`, en: `Your gift notification ${record.reference}` })),
    paragraph(t(lang, { nl: 'Je melding is vastgelegd. Bewaar het kenmerk als je er later naar wilt verwijzen.', en: 'Your notification has been recorded. Keep the reference if you want to refer to it later.' })),
    ...status,
    ...adviceBlocks(view, lang),
    subheading(t(lang, { nl: 'Wat gebeurt er nu?', en: 'What happens next?' })),
    paragraph(t(lang, assessment.nextSteps)),
    ...citationBlocks(view.citations, lang),
    subheading(t(lang, { nl: 'Je melding', en: 'Your notification' })),
    giftFacts(record.data.form, lang, record.reference),
  ], view.mayWithdraw ? [{ type: 'Action.Execute', title: t(lang, { nl: 'Melding intrekken', en: 'Withdraw notification' }), verb: giftVerbs.withdraw, data: { giftId: record._id } }] : []);
}

// ---------------------------------------------------------------------------------------------
// The decider's card

const reasonBanners: Partial<Record<NoticeReason, Localized>> = {
  reminder: { nl: 'Herinnering: deze melding wacht nog op je besluit.', en: 'Reminder: this notification is still waiting for your decision.' },
  escalated: {
    nl: 'Deze melding is naar jou doorgezet, omdat er niet binnen de termijn over is besloten.',
    en: 'This notification has been passed on to you because no decision was taken in time.',
  },
};

export function giftDeciderCard(view: GiftView, lang: Language, reason: NoticeReason = 'assigned'): AdaptiveCard {
  if (view.decision || view.openDecisions.length === 0) return giftDecidedCard(view, lang);
  const { record } = view;
  const suggested = suggestedDecision[record.data.assessment.outcome];
  const banner = reasonBanners[reason];
  const body: CardElement[] = [
    heading(t(lang, { nl: `Cadeaumelding van ${view.ownerName}`, en: `Gift notification from ${view.ownerName}` })),
    ...(banner ? [{ type: 'TextBlock' as const, text: t(lang, banner), wrap: true, color: 'Warning' as const, weight: 'Bolder' as const }] : []),
    paragraph(
      t(lang, {
        nl: `${view.ownerName} heeft een cadeau gemeld. Beslis wat ermee gebeurt; ${view.ownerName} krijgt je besluit direct te zien.`,
        en: `${view.ownerName} has reported a gift. Decide what happens to it; ${view.ownerName} sees your decision at once.`,
      }),
    ),
    giftFacts(record.data.form, lang, record.reference, view.ownerName),
    ...adviceBlocks(view, lang, 'decider'),
    ...citationBlocks(view.citations, lang),
    {
      type: 'Input.Text',
      id: 'comment',
      label: t(lang, { nl: 'Toelichting of bestemming (niet verplicht)', en: 'Comment or destination (optional)' }),
      isMultiline: true,
      maxLength: GIFT_LIMITS.comment,
      placeholder: t(lang, { nl: 'bijvoorbeeld: gaat naar de kerstpakkettenactie van de afdeling', en: 'for example: goes to the department’s Christmas raffle' }),
    },
  ];
  const actions: CardAction[] = view.openDecisions.map((decision) => ({
    type: 'Action.Execute',
    title: suggested === decision ? `${t(lang, decisionLabels[decision])} ${t(lang, { nl: '(advies)', en: '(advised)' })}` : t(lang, decisionLabels[decision]),
    verb: giftVerbs.decide,
    data: { giftId: record._id, decision },
    ...(suggested === decision ? { style: 'positive' as const } : {}),
  }));
  return adaptiveCard(body, actions);
}

/** The decider's card once decided: the same notification, the decision and no buttons. */
export function giftDecidedCard(view: GiftView, lang: Language, notice?: Localized): AdaptiveCard {
  const { record } = view;
  return adaptiveCard([
    heading(t(lang, { nl: `Cadeaumelding van ${view.ownerName}`, en: `Gift notification from ${view.ownerName}` })),
    ...(notice ? [{ type: 'TextBlock' as const, id: 'notice', text: t(lang, notice), wrap: true, color: 'Warning' as const, weight: 'Bolder' as const }] : []),
    ...decisionLine(view, lang),
    giftFacts(record.data.form, lang, record.reference, view.ownerName),
    ...adviceBlocks(view, lang, 'decider'),
    ...citationBlocks(view.citations, lang),
  ]);
}

export function alreadyDecidedNotice(view: GiftView): Localized {
  if (view.withdrawn) return { nl: 'Deze melding is ingetrokken door de medewerker. Je keuze is niet opgeslagen.', en: 'This notification was withdrawn by the employee. Your choice was not saved.' };
  const who = view.deciderName ?? '—';
  return { nl: `Deze melding is al besloten door ${who}. Je keuze is niet opgeslagen.`, en: `This notification was already decided by ${who}. Your choice was not saved.` };
}

/** Which card a person sees: the employee's status card, the decider's card while they may decide, else the outcome. */
export function giftCard(view: GiftView, viewer: Viewer, reason: NoticeReason): AdaptiveCard {
  if (viewer.isOwner) return giftOutcomeCard(view, viewer.lang);
  if (view.openDecisions.length > 0) return giftDeciderCard(view, viewer.lang, reason);
  return giftDecidedCard(view, viewer.lang, reason === 'stale' ? alreadyDecidedNotice(view) : undefined);
}

/** What the employee is told when their notification is decided. */
export function ownerDecisionText(view: GiftView, lang: Language): string {
  const decision = view.decision;
  if (!decision) return '';
  const who = view.deciderName ?? t(lang, { nl: 'Je leidinggevende', en: 'Your manager' });
  const comment = decision.comment ? ` ${t(lang, { nl: 'Toelichting', en: 'Comment' })}: ${decision.comment}` : '';
  return t(lang, {
    nl: `${who} heeft besloten over je cadeaumelding ${view.record.reference}: **${decisionLabels[decision.decision].nl}**.${comment}`,
    en: `${who} has decided on your gift notification ${view.record.reference}: **${decisionLabels[decision.decision].en}**.${comment}`,
  });
}

/** One line for lists: what it is, worth how much. */
export function giftSummary(record: GiftRecord, lang: Language): string {
  const form = record.data.form;
  return `${shorten(form.description, 60)} (${formatEuro(form.valueEur, lang)})`;
}

export function giftStateLabel(record: GiftRecord, lang: Language): string {
  return t(lang, stateLabels[record.state] ?? { nl: record.state, en: record.state });
}

export function outcomeLabel(outcome: GiftOutcome, lang: Language): string {
  return t(lang, outcomeTitles[outcome]);
}

export { kindLabels, relationLabels };
