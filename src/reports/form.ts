import { z } from 'zod';
import { choice, optionalText, parseCardAction, type FormSpec } from '../cards/forms.js';
import type { Localized } from '../i18n/index.js';

export const reportCategories = ['unwanted_behaviour', 'suspected_wrongdoing', 'integrity_advice'] as const;
export type ReportCategory = (typeof reportCategories)[number];

/** The kinds of each category; integrity advice has none. */
export const reportSubcategories = {
  unwanted_behaviour: ['sexual_harassment', 'discrimination', 'bullying', 'aggression_or_violence', 'other'],
  suspected_wrongdoing: ['fraud', 'conflict_of_interest', 'misuse_of_resources', 'breach_of_eu_law', 'other'],
  integrity_advice: [],
} as const satisfies Record<ReportCategory, readonly string[]>;
export type ReportSubcategory = (typeof reportSubcategories)[ReportCategory][number];

/** Who a report can go to: the reporter's own managers, or a holder of a directory role. */
export const recipientRoutes = ['manager', 'next_higher_manager', 'vertrouwenspersoon_ongewenst_gedrag', 'vertrouwenspersoon_integriteit', 'integrity_coordinator'] as const;
export type RecipientRoute = (typeof recipientRoutes)[number];

export const yesNo = ['yes', 'no'] as const;
export const identities = ['named', 'confidential'] as const;
export type ReportIdentity = (typeof identities)[number];

export const REPORT_LIMITS = { description: 4000, message: 2000 } as const;

/** The first questions, on the card that explains the routes: they decide which routes fit. */
export type IntakeField = 'category' | 'managerInvolved';
export const intakeFields: readonly IntakeField[] = ['category', 'managerInvolved'];
export interface IntakeAnswers {
  category: ReportCategory;
  managerInvolved: boolean;
}

export type TriageField = 'category' | 'subcategory' | 'managerInvolved' | 'recipient' | 'contactOnly' | 'description' | 'identity';
export const triageFields: readonly TriageField[] = ['category', 'subcategory', 'managerInvolved', 'recipient', 'contactOnly', 'description', 'identity'];

export interface ReportForm {
  category: ReportCategory;
  subcategory: ReportSubcategory | undefined;
  managerInvolved: boolean;
  route: RecipientRoute;
  /** aadObjectId of the person the route resolved to, from the directory at submission. */
  recipient: string;
  contactOnly: boolean;
  description: string | undefined;
  identity: ReportIdentity;
}

/** The people each route reaches for this reporter now (empty routes are not offered). */
export type AvailableRecipients = ReadonlyMap<RecipientRoute, readonly string[]>;

/** A recipient choice: the route, or `route@aadObjectId` when the route has several people to choose from. */
export function recipientValue(route: RecipientRoute, person: string, several: boolean): string {
  return several ? `${route}@${person}` : route;
}

/**
 * The routes that fit: the organisation's routes for the category, minus the manager when the
 * manager is involved, minus routes nobody can be reached by.
 */
export function fittingRoutes(routes: readonly RecipientRoute[], managerInvolved: boolean, available: AvailableRecipients): RecipientRoute[] {
  return routes.filter((route) => !(managerInvolved && route === 'manager') && (available.get(route)?.length ?? 0) > 0);
}

export const reportFieldMessages = {
  subcategoryRequired: { nl: 'Kies wat voor soort zaak het is.', en: 'Choose what kind of matter it is.' },
  subcategoryNotForCategory: { nl: 'Deze soort hoort niet bij het onderwerp dat je koos. Kies opnieuw.', en: 'This kind does not belong to the subject you chose. Please choose again.' },
  recipientManagerInvolved: {
    nl: 'Je gaf aan dat je leidinggevende bij de zaak betrokken is. Kies iemand anders om je melding aan te doen.',
    en: 'You said your manager is involved in the matter. Please choose someone else to report to.',
  },
  recipientNotFitting: { nl: 'Kies een van de mogelijkheden die bij je onderwerp passen.', en: 'Choose one of the options that fit your subject.' },
  descriptionRequired: {
    nl: 'Beschrijf kort wat er is gebeurd, of kies "Neem alleen contact met mij op".',
    en: 'Briefly describe what happened, or choose "Only contact me".',
  },
  descriptionWithContactOnly: {
    nl: 'Je koos "Neem alleen contact met mij op": dan schrijf je hier niets over de zaak. Maak dit veld leeg, of kies dat je de zaak nu beschrijft.',
    en: 'You chose "Only contact me": then you write nothing about the matter here. Empty this field, or choose to describe the matter now.',
  },
  tooLong: { nl: 'Deze tekst is te lang.', en: 'This text is too long.' },
  messageRequired: { nl: 'Schrijf eerst je bericht.', en: 'Please write your message first.' },
  deputyRequired: { nl: 'Kies wie je wilt toevoegen.', en: 'Choose whom to add.' },
} satisfies Record<string, Localized>;

export function intakeFormSpec(): FormSpec<IntakeField, IntakeAnswers> {
  return {
    fields: intakeFields,
    schema: z
      .object({ category: choice(reportCategories), managerInvolved: choice(yesNo) })
      .transform((value) => ({ category: value.category, managerInvolved: value.managerInvolved === 'yes' })) as z.ZodType<IntakeAnswers, z.ZodTypeDef, unknown>,
    messages: reportFieldMessages,
  };
}

/**
 * The triage form for one reporter: which recipients fit follows from the organisation's routes
 * and the directory, looked up before parsing, so every rule is checked here on the server
 * whatever the card sent (a forged manager choice included).
 */
export function triageFormSpec(routesFor: (category: ReportCategory) => readonly RecipientRoute[], available: AvailableRecipients): FormSpec<TriageField, ReportForm> {
  const schema = z
    .object({
      category: choice(reportCategories),
      subcategory: optionalText(60),
      managerInvolved: choice(yesNo),
      recipient: z.preprocess((value) => (value === '' ? undefined : value), z.string({ errorMap: () => ({ message: 'required' }) }).max(120)),
      contactOnly: choice(yesNo),
      description: optionalText(REPORT_LIMITS.description),
      identity: choice(identities),
    })
    .transform((value, ctx): ReportForm => {
      const contactOnly = value.contactOnly === 'yes';
      const managerInvolved = value.managerInvolved === 'yes';
      const kinds: readonly string[] = reportSubcategories[value.category];
      if (value.subcategory && !kinds.includes(value.subcategory)) ctx.addIssue({ code: 'custom', path: ['subcategory'], message: 'subcategoryNotForCategory' });
      else if (!value.subcategory && kinds.length > 0 && !contactOnly) ctx.addIssue({ code: 'custom', path: ['subcategory'], message: 'subcategoryRequired' });
      if (contactOnly && value.description) ctx.addIssue({ code: 'custom', path: ['description'], message: 'descriptionWithContactOnly' });
      if (!contactOnly && !value.description) ctx.addIssue({ code: 'custom', path: ['description'], message: 'descriptionRequired' });
      const [routeText, chosenPerson] = value.recipient.split('@') as [string, string | undefined];
      const route = recipientRoutes.find((candidate) => candidate === routeText);
      const people = route ? (available.get(route) ?? []) : [];
      const person = chosenPerson ? people.find((candidate) => candidate === chosenPerson) : people.length === 1 ? people[0] : undefined;
      if (route === 'manager' && managerInvolved) ctx.addIssue({ code: 'custom', path: ['recipient'], message: 'recipientManagerInvolved' });
      else if (!route || !person || !fittingRoutes(routesFor(value.category), managerInvolved, available).includes(route)) {
        ctx.addIssue({ code: 'custom', path: ['recipient'], message: 'recipientNotFitting' });
      }
      return {
        category: value.category,
        subcategory: value.subcategory as ReportSubcategory | undefined,
        managerInvolved,
        route: route ?? 'manager',
        recipient: person ?? '',
        contactOnly,
        description: contactOnly ? undefined : value.description,
        identity: value.identity,
      };
    });
  return { fields: triageFields, schema: schema as unknown as z.ZodType<ReportForm, z.ZodTypeDef, unknown>, messages: reportFieldMessages };
}

const reportId = { reportId: z.string().uuid() };
const box = (max: number) => z.string().max(max).optional();

export interface HandlerInput {
  reportId: string;
  message: string;
  feedback: string;
  closingNote: string;
  deputy: string;
}

/**
 * What the handler's card sends with any of its buttons: the report, and every box the card has
 * (a card sends all its inputs with each button); each verb takes the one it needs.
 */
export function parseHandlerInput(raw: unknown): HandlerInput | undefined {
  const parsed = parseCardAction(raw, { ...reportId, message: box(REPORT_LIMITS.message), feedback: box(REPORT_LIMITS.message), closingNote: box(REPORT_LIMITS.message), deputy: box(60) });
  if (!parsed) return undefined;
  const clean = (value: string | undefined) => (value ?? '').trim();
  return { reportId: parsed.reportId, message: clean(parsed.message), feedback: clean(parsed.feedback), closingNote: clean(parsed.closingNote), deputy: clean(parsed.deputy).toLowerCase() };
}

/** The reporter's answer box. */
export function parseReporterInput(raw: unknown): { reportId: string; reply: string } | undefined {
  const parsed = parseCardAction(raw, { ...reportId, reply: box(REPORT_LIMITS.message) });
  return parsed ? { reportId: parsed.reportId, reply: (parsed.reply ?? '').trim() } : undefined;
}
