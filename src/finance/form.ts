import { z } from 'zod';
import { choice, isRealDate, optionalText, requiredText, type FormSpec } from '../cards/forms.js';
import type { Localized } from '../i18n/index.js';
import { isoDateIn } from '../workflow/workingDays.js';

export const interestKinds = ['shares_or_securities', 'real_estate_or_land', 'claims', 'participation_in_company', 'other'] as const;
export type InterestKind = (typeof interestKinds)[number];

/** What a designated employee reports; the input ids of the form card are these keys. */
export interface FinancialInterestForm {
  kind: InterestKind;
  description: string;
  relationToOwnWork: string;
  /** YYYY-MM-DD */
  acquiredOn: string;
}

export type FinanceField = keyof FinancialInterestForm;
export const financeFields = ['kind', 'description', 'relationToOwnWork', 'acquiredOn'] as const satisfies readonly FinanceField[];

export const FINANCE_LIMITS = { description: 1000, relationToOwnWork: 1000, measures: 1000, comment: 1000 } as const;

const messages = {
  dateTooOld: { nl: 'Vul een datum in na 1 januari 1900.', en: 'Enter a date after 1 January 1900.' },
  measuresRequired: { nl: 'Schrijf op welke maatregelen zijn afgesproken.', en: 'Write down which measures were agreed.' },
  measuresNotChosen: {
    nl: 'Je vulde maatregelen in. Kies "Maatregelen afgesproken", of maak het veld met maatregelen leeg.',
    en: 'You filled in measures. Choose "Measures agreed", or empty the measures field.',
  },
} satisfies Record<string, Localized>;

export const today = (now: Date) => isoDateIn(now);

export function financeFormSpec(now: Date): FormSpec<FinanceField, FinancialInterestForm> {
  const latest = today(now);
  const schema = z.object({
    kind: choice(interestKinds),
    description: requiredText(FINANCE_LIMITS.description),
    relationToOwnWork: requiredText(FINANCE_LIMITS.relationToOwnWork),
    acquiredOn: z
      .string()
      .trim()
      .min(1, 'required')
      .refine(isRealDate, 'dateFormat')
      .refine((value) => value <= latest, 'dateFuture')
      .refine((value) => value >= '1900-01-01', 'dateTooOld'),
  });
  return { fields: financeFields, schema: schema as z.ZodType<FinancialInterestForm, z.ZodTypeDef, unknown>, messages };
}

export const financeDecisions = ['noted', 'measures_agreed'] as const;
export type FinanceDecision = (typeof financeDecisions)[number];
export const financeDecisionFields = ['decision', 'measures', 'comment'] as const;
export type FinanceDecisionInput = { decision: FinanceDecision; measures?: string; comment?: string };

/** "Maatregelen afgesproken" needs the measures; measures typed next to "kennisgenomen" would be lost, so that is asked back. */
export const financeDecisionSpec: FormSpec<(typeof financeDecisionFields)[number], FinanceDecisionInput> = {
  fields: financeDecisionFields,
  schema: z
    .object({ decision: choice(financeDecisions), measures: optionalText(FINANCE_LIMITS.measures), comment: optionalText(FINANCE_LIMITS.comment) })
    .superRefine((value, ctx) => {
      if (value.decision === 'measures_agreed' && !value.measures) ctx.addIssue({ code: 'custom', path: ['measures'], message: 'measuresRequired' });
      if (value.decision === 'noted' && value.measures) ctx.addIssue({ code: 'custom', path: ['decision'], message: 'measuresNotChosen' });
    }) as z.ZodType<FinanceDecisionInput, z.ZodTypeDef, unknown>,
  messages,
};
