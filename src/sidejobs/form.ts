import { z } from 'zod';
import { choice, isRealDate, optionalText, requiredText, yesNo, type FormSpec, type YesNo } from '../cards/forms.js';
import type { Localized } from '../i18n/index.js';
import { calendarDateIn } from '../workflow/workingDays.js';

export const relationsToEmployer = ['none', 'supplier_or_contractor', 'receives_subsidy_or_permit', 'supervised_by_employer', 'same_policy_field', 'other'] as const;
export type RelationToEmployer = (typeof relationsToEmployer)[number];

/** What the employee reports; the input ids of the form card are these keys. */
export interface SideJobForm {
  /** What you will do. */
  activity: string;
  /** For whom. */
  organisation: string;
  role?: string;
  paid: YesNo;
  hoursPerWeek: number;
  duringWorkingHours: YesNo;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD; none for an open-ended side job. */
  endDate?: string;
  relationToEmployer: RelationToEmployer;
  withinRegion: YesNo;
  /** Why it does or does not conflict with the job, in the employee's words. */
  ownAssessment: string;
}

export type SideJobField = keyof SideJobForm;

export const sideJobFields = [
  'activity',
  'organisation',
  'role',
  'paid',
  'hoursPerWeek',
  'duringWorkingHours',
  'startDate',
  'endDate',
  'relationToEmployer',
  'withinRegion',
  'ownAssessment',
] as const satisfies readonly SideJobField[];

export const SIDE_JOB_LIMITS = { activity: 300, organisation: 200, role: 200, ownAssessment: 1000, maxHoursPerWeek: 80, explanation: 1000 } as const;

const messages = {
  hours: { nl: 'Vul het aantal uren per week in, tussen 0 en 80, bijvoorbeeld 4 of 2,5.', en: 'Enter the hours per week, between 0 and 80, for example 4 or 2.5.' },
  startTooLate: { nl: 'De begindatum ligt meer dan twee jaar vooruit. Meld de nevenwerkzaamheid als hij dichterbij komt.', en: 'The start date is more than two years ahead. Report the side job when it comes closer.' },
  startTooEarly: { nl: 'Vul een begindatum in na 1 januari 1960.', en: 'Enter a start date after 1 January 1960.' },
  endBeforeStart: { nl: 'De einddatum ligt vóór de begindatum.', en: 'The end date is before the start date.' },
  endInPast: { nl: 'Deze nevenwerkzaamheid is al afgelopen; die hoef je niet meer te melden.', en: 'This side job has already ended; you do not need to report it.' },
  tooLong: { nl: 'Deze tekst is te lang.', en: 'This text is too long.' },
  conditionsRequired: { nl: 'Schrijf de voorwaarden op.', en: 'Write down the conditions.' },
  reasonsRequired: { nl: 'Geef een motivering: de medewerker moet kunnen lezen waarom.', en: 'Give your reasons: the employee must be able to read why.' },
  conditionsNotChosen: {
    nl: 'Je vulde voorwaarden in. Kies de mogelijkheid "met voorwaarden", of maak het veld met voorwaarden leeg.',
    en: 'You filled in conditions. Choose the option "with conditions", or empty the conditions field.',
  },
  explanationRequired: { nl: 'Schrijf in de toelichting wat je vraagt of waarom.', en: 'Write in the explanation what you ask or why.' },
} satisfies Record<string, Localized>;

/** Whole and half hours as people type them: "4", "2,5", "2.5". */
export function parseHours(raw: string): number | undefined {
  const cleaned = raw.trim().replace(/\s*(uur|u|h|hours?)$/i, '');
  if (!/^\d{1,2}([.,]\d)?$/.test(cleaned)) return undefined;
  const hours = Number(cleaned.replace(',', '.'));
  return hours <= SIDE_JOB_LIMITS.maxHoursPerWeek ? hours : undefined;
}

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The dates the form accepts, on the Amsterdam calendar: a start from 1960 up to two years ahead, an end from today. */
export function sideJobDateRange(now: Date): { today: string; latestStart: string; earliestStart: string } {
  const today = calendarDateIn(now, 'Europe/Amsterdam');
  const day = today.month === 2 && today.day === 29 ? 28 : today.day;
  return { today: iso(today.year, today.month, today.day), latestStart: iso(today.year + 2, today.month, day), earliestStart: '1960-01-01' };
}

/** A change asked for at a reconfirmation carries the approved record it replaces, as the card's data. */
export const submissionFields = [...sideJobFields, 'replaces'] as const;
export type SubmissionField = (typeof submissionFields)[number];
export interface SideJobSubmission {
  form: SideJobForm;
  replaces?: string;
}

function fieldSchema(now: Date) {
  const range = sideJobDateRange(now);
  const date = z.string().trim().refine(isRealDate, 'dateFormat');
  return z
    .object({
      activity: requiredText(SIDE_JOB_LIMITS.activity),
      organisation: requiredText(SIDE_JOB_LIMITS.organisation),
      role: optionalText(SIDE_JOB_LIMITS.role),
      paid: choice(yesNo),
      hoursPerWeek: z
        .string()
        .trim()
        .min(1, 'required')
        .transform((raw, ctx) => {
          const hours = parseHours(raw);
          if (hours === undefined) {
            ctx.addIssue({ code: 'custom', message: 'hours' });
            return z.NEVER;
          }
          return hours;
        }),
      duringWorkingHours: choice(yesNo),
      startDate: z
        .string()
        .trim()
        .min(1, 'required')
        .pipe(date)
        .refine((value) => value >= range.earliestStart, 'startTooEarly')
        .refine((value) => value <= range.latestStart, 'startTooLate'),
      endDate: z
        .string()
        .trim()
        .optional()
        .transform((value) => (value ? value : undefined))
        .pipe(date.refine((value) => value >= range.today, 'endInPast').optional()),
      relationToEmployer: choice(relationsToEmployer),
      withinRegion: choice(yesNo),
      ownAssessment: requiredText(SIDE_JOB_LIMITS.ownAssessment),
      replaces: z.string().uuid().optional(),
    })
    .superRefine((form, ctx) => {
      if (form.endDate && form.endDate < form.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'endBeforeStart' });
    })
    .transform(({ replaces, ...form }): SideJobSubmission => {
      const kept = Object.fromEntries(Object.entries(form).filter(([, value]) => value !== undefined)) as unknown as SideJobForm;
      return replaces ? { form: kept, replaces } : { form: kept };
    });
}

/** The side-job form as every notification form is parsed: see src/cards/forms.ts. */
export function sideJobFormSpec(now: Date): FormSpec<SubmissionField, SideJobSubmission> {
  return { fields: submissionFields, schema: fieldSchema(now) as z.ZodType<SideJobSubmission, z.ZodTypeDef, unknown>, messages };
}

/** The form's values as strings again: a returned or changed notification opens with them filled in. */
export function sideJobFormValues(form: SideJobForm): Partial<Record<SideJobField, string>> {
  const values: Partial<Record<SideJobField, string>> = {};
  for (const field of sideJobFields) {
    const value = form[field];
    if (value !== undefined) values[field] = typeof value === 'number' ? String(value).replace('.', ',') : value;
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// What the people in the chain send with their advice or decision

export const sideJobAdvice = ['positive', 'positive_with_conditions', 'negative'] as const;
export const sideJobDecisions = ['approved', 'approved_with_conditions', 'refused'] as const;
export type SideJobAdvice = (typeof sideJobAdvice)[number];
export type SideJobDecision = (typeof sideJobDecisions)[number];

/** The inputs of the advice card and the decision card, and the explanation on either. */
export const adviceFields = ['advice', 'conditions', 'reasoning'] as const;
export const decisionFields = ['decision', 'conditions', 'reasons'] as const;
export const explanationFields = ['advice', 'decision', 'conditions', 'reasoning', 'reasons'] as const;

type ExplanationField = (typeof explanationFields)[number];

const explanation = optionalText(SIDE_JOB_LIMITS.explanation);

/**
 * A choice "with conditions" needs the conditions and the reasons; a negative one needs the
 * reasons; conditions typed next to a plain "yes" would be lost, so that is asked back too.
 */
function withReasons<TChoice extends string>(choiceField: string, reasonField: string, withConditions: TChoice, negative: TChoice) {
  return (value: Record<string, string | undefined>, ctx: z.RefinementCtx) => {
    const chosen = value[choiceField];
    if (chosen === withConditions && !value.conditions) ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'conditionsRequired' });
    if ((chosen === withConditions || chosen === negative) && !value[reasonField]) ctx.addIssue({ code: 'custom', path: [reasonField], message: 'reasonsRequired' });
    if (chosen !== withConditions && value.conditions) ctx.addIssue({ code: 'custom', path: [choiceField], message: 'conditionsNotChosen' });
  };
}

export type AdviceInput = { advice: SideJobAdvice; conditions?: string; reasoning?: string };
export type DecisionInput = { decision: SideJobDecision; conditions?: string; reasons?: string };

export const adviceSpec: FormSpec<(typeof adviceFields)[number], AdviceInput> = {
  fields: adviceFields,
  schema: z.object({ advice: choice(sideJobAdvice), conditions: explanation, reasoning: explanation }).superRefine(withReasons('advice', 'reasoning', 'positive_with_conditions', 'negative')) as z.ZodType<AdviceInput, z.ZodTypeDef, unknown>,
  messages,
};

export const decisionSpec: FormSpec<(typeof decisionFields)[number], DecisionInput> = {
  fields: decisionFields,
  schema: z.object({ decision: choice(sideJobDecisions), conditions: explanation, reasons: explanation }).superRefine(withReasons('decision', 'reasons', 'approved_with_conditions', 'refused')) as z.ZodType<DecisionInput, z.ZodTypeDef, unknown>,
  messages,
};

/**
 * Referring to the next step or returning for changes takes a written explanation: it is what
 * the next person or the employee reads. Whichever text field the card has carries it.
 */
export const explanationSpec: FormSpec<ExplanationField, { explanation: string }> = {
  fields: explanationFields,
  schema: z
    .object({ advice: z.string().optional(), decision: z.string().optional(), conditions: explanation, reasoning: explanation, reasons: explanation })
    .superRefine((value, ctx) => {
      if (!value.reasoning && !value.reasons) ctx.addIssue({ code: 'custom', path: [value.decision !== undefined ? 'reasons' : 'reasoning'], message: 'explanationRequired' });
    })
    .transform((value) => ({ explanation: (value.reasoning ?? value.reasons)! })) as z.ZodType<{ explanation: string }, z.ZodTypeDef, unknown>,
  messages,
};

/** The fields history keeps of an advice or decision: only what was written. */
export function writtenFields(value: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((key) => (typeof value[key] === 'string' && value[key] ? [[key, value[key] as string]] : [])));
}
