import { z } from 'zod';
import type { Localized } from '../i18n/index.js';
import { calendarDateIn } from '../workflow/workingDays.js';

export const giverRelations = ['supplier_or_contractor', 'party_in_procurement_or_negotiation', 'resident_or_client', 'other_government', 'other'] as const;
export const giftKinds = ['gift', 'invitation', 'hospitality', 'favour', 'money_or_voucher'] as const;
export const yesNo = ['yes', 'no'] as const;

export type GiverRelation = (typeof giverRelations)[number];
export type GiftKind = (typeof giftKinds)[number];
export type YesNo = (typeof yesNo)[number];

/** What the employee reports; the input ids of the form card are these keys. */
export interface GiftForm {
  description: string;
  giver: string;
  giverRelation: GiverRelation;
  kind: GiftKind;
  valueEur: number;
  /** YYYY-MM-DD */
  receivedOn: string;
  deliveredAtHome: YesNo;
  negotiationsOngoing: YesNo;
  expectsSomethingInReturn: YesNo;
  remark?: string;
}

export type GiftField = keyof GiftForm;

export const giftFields = [
  'description',
  'giver',
  'giverRelation',
  'kind',
  'valueEur',
  'receivedOn',
  'deliveredAtHome',
  'negotiationsOngoing',
  'expectsSomethingInReturn',
  'remark',
] as const satisfies readonly GiftField[];

export const GIFT_LIMITS = { description: 500, giver: 200, remark: 500, maxValueEur: 100_000, comment: 500 } as const;

/** Longer than any field may be: such input did not come from our card and is not echoed back. */
const MAX_RAW_LENGTH = 2000;

const fieldMessages = {
  required: { nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  tooLong500: { nl: 'Gebruik hooguit 500 tekens.', en: 'Use at most 500 characters.' },
  tooLong200: { nl: 'Gebruik hooguit 200 tekens.', en: 'Use at most 200 characters.' },
  choice: { nl: 'Kies een van de mogelijkheden.', en: 'Choose one of the options.' },
  amountFormat: {
    nl: 'Vul een bedrag in euro in, bijvoorbeeld 49,95 of 120 (zonder punten voor duizendtallen).',
    en: 'Enter an amount in euros, for example 49.95 or 120 (without thousands separators).',
  },
  amountRange: { nl: 'Vul een bedrag in tussen 0 en 100.000 euro.', en: 'Enter an amount between 0 and 100,000 euros.' },
  dateFormat: { nl: 'Vul een geldige datum in.', en: 'Enter a valid date.' },
  dateFuture: { nl: 'De datum mag niet in de toekomst liggen.', en: 'The date cannot be in the future.' },
  dateTooOld: {
    nl: 'De datum ligt meer dan een jaar terug. Meld oudere cadeaus rechtstreeks bij je leidinggevende.',
    en: 'The date is more than a year ago. Report older gifts directly to your manager.',
  },
} satisfies Record<string, Localized>;

type FieldMessage = keyof typeof fieldMessages;

/** Parses "49,95", "49.95", "€ 120" and "120,-"; refuses thousands separators, which are ambiguous between nl and en. */
export function parseEuroAmount(raw: string): number | undefined {
  const cleaned = raw.replace(/\s+/g, '').replace(/^€/, '').replace(/^eur/i, '').replace(/,-+$/, '');
  if (!/^\d{1,9}([.,]\d{1,2})?$/.test(cleaned)) return undefined;
  return Number(cleaned.replace(',', '.'));
}

/** The dates a report may carry, on the Amsterdam calendar: from one year ago up to today. */
export function allowedReceivedRange(now: Date): { min: string; max: string } {
  const today = calendarDateIn(now, 'Europe/Amsterdam');
  const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // 29 February a year back does not exist; 28 February keeps "not over a year ago" exact enough.
  const day = today.month === 2 && today.day === 29 ? 28 : today.day;
  return { min: iso(today.year - 1, today.month, day), max: iso(today.year, today.month, today.day) };
}

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const text = (max: number, tooLong: FieldMessage) => z.string().trim().min(1, 'required').max(max, tooLong);
/** An unanswered choice arrives as "" or not at all: that is "required", anything else "choose one". */
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.enum(values, { errorMap: (issue) => ({ message: issue.code === 'invalid_type' ? 'required' : 'choice' }) }));

function fieldSchema(now: Date) {
  const range = allowedReceivedRange(now);
  return z.object({
    description: text(GIFT_LIMITS.description, 'tooLong500'),
    giver: text(GIFT_LIMITS.giver, 'tooLong200'),
    giverRelation: choice(giverRelations),
    kind: choice(giftKinds),
    valueEur: z
      .string()
      .trim()
      .min(1, 'required')
      .transform((raw, ctx) => {
        const amount = parseEuroAmount(raw);
        if (amount === undefined) {
          ctx.addIssue({ code: 'custom', message: 'amountFormat' });
          return z.NEVER;
        }
        return amount;
      })
      .pipe(z.number().min(0, 'amountRange').max(GIFT_LIMITS.maxValueEur, 'amountRange')),
    receivedOn: z
      .string()
      .trim()
      .min(1, 'required')
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'dateFormat')
      .refine(isRealDate, 'dateFormat')
      .refine((value) => value <= range.max, 'dateFuture')
      .refine((value) => value >= range.min, 'dateTooOld'),
    deliveredAtHome: choice(yesNo),
    negotiationsOngoing: choice(yesNo),
    expectsSomethingInReturn: choice(yesNo),
    remark: z
      .string()
      .trim()
      .max(GIFT_LIMITS.remark, 'tooLong500')
      .optional()
      .transform((value) => (value ? value : undefined)),
  });
}

/**
 * What may arrive in the Action.Execute data of the form: the inputs, the card's own formId,
 * and the keys Teams itself adds. Anything else did not come from our card.
 */
const rawSubmissionSchema = z
  .object({
    ...(Object.fromEntries(giftFields.map((field) => [field, z.string().max(MAX_RAW_LENGTH).optional()])) as Record<GiftField, z.ZodOptional<z.ZodString>>),
    formId: z.string().uuid(),
    verb: z.string().max(100).optional(),
    msteams: z.unknown().optional(),
  })
  .strict();

export type GiftSubmission =
  | { kind: 'valid'; formId: string; form: GiftForm }
  /** The user's values (to show again) and a message per field. */
  | { kind: 'invalid'; formId: string; values: Partial<Record<GiftField, string>>; errors: Partial<Record<GiftField, Localized>> }
  /** Not from our card (unknown or `$` keys, oversized values, no form id): nothing is echoed back. */
  | { kind: 'rejected'; formId?: string; reason: Localized };

const rejection: Localized = {
  nl: 'Dit formulier bevatte gegevens die ik niet kan verwerken (onbekende velden of te lange tekst). Er is niets opgeslagen. Vul het formulier hieronder opnieuw in.',
  en: 'This form contained data I cannot process (unknown fields or overly long text). Nothing was saved. Please fill in the form below again.',
};

function hasOperatorKeys(value: unknown, depth = 0): boolean {
  if (depth > 5 || !value || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, nested]) => key.startsWith('$') || key.includes('.') || hasOperatorKeys(nested, depth + 1));
}

export function parseGiftSubmission(raw: unknown, now: Date): GiftSubmission {
  const formId = typeof (raw as { formId?: unknown })?.formId === 'string' ? (raw as { formId: string }).formId : undefined;
  if (hasOperatorKeys(raw)) return { kind: 'rejected', formId, reason: rejection };
  const envelope = rawSubmissionSchema.safeParse(raw);
  if (!envelope.success) return { kind: 'rejected', formId, reason: rejection };
  const values = Object.fromEntries(giftFields.flatMap((field) => (envelope.data[field] === undefined ? [] : [[field, envelope.data[field]]]))) as Partial<Record<GiftField, string>>;
  const parsed = fieldSchema(now).safeParse(values);
  if (parsed.success) return { kind: 'valid', formId: envelope.data.formId, form: parsed.data };
  const errors: Partial<Record<GiftField, Localized>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as GiftField;
    // Missing keys surface as zod's own type message; they mean "required".
    const message = issue.message in fieldMessages ? (issue.message as FieldMessage) : 'required';
    errors[field] ??= fieldMessages[message];
  }
  return { kind: 'invalid', formId: envelope.data.formId, values, errors };
}

export const giftDecisions = ['approve_keep', 'hand_in', 'return_to_sender'] as const;
export type GiftDecision = (typeof giftDecisions)[number];

const decisionSchema = z
  .object({
    giftId: z.string().uuid(),
    decision: z.enum(giftDecisions),
    comment: z.string().trim().max(GIFT_LIMITS.comment).optional(),
    verb: z.string().max(100).optional(),
    msteams: z.unknown().optional(),
  })
  .strict();

export type GiftDecisionInput = { giftId: string; decision: GiftDecision; comment?: string };

export function parseGiftDecision(raw: unknown): GiftDecisionInput | undefined {
  if (hasOperatorKeys(raw)) return undefined;
  const parsed = decisionSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  return { giftId: parsed.data.giftId, decision: parsed.data.decision, ...(parsed.data.comment ? { comment: parsed.data.comment } : {}) };
}

const giftReferenceSchema = z
  .object({ giftId: z.string().uuid(), verb: z.string().max(100).optional(), msteams: z.unknown().optional() })
  .strict();

/** `{ giftId }` from a button that opens one notification. */
export function parseGiftReference(raw: unknown): string | undefined {
  if (hasOperatorKeys(raw)) return undefined;
  const parsed = giftReferenceSchema.safeParse(raw);
  return parsed.success ? parsed.data.giftId : undefined;
}
