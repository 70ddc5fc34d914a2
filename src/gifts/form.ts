import { z } from 'zod';
import { choice, isRealDate, parseCardAction, parseForm, type FormSpec, type FormSubmission } from '../cards/forms.js';
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

/** The gift form's own messages; the common ones (required, choose one, date) are in src/cards/forms.ts. */
const giftFieldMessages = {
  tooLong500: { nl: 'Gebruik hooguit 500 tekens.', en: 'Use at most 500 characters.' },
  tooLong200: { nl: 'Gebruik hooguit 200 tekens.', en: 'Use at most 200 characters.' },
  amountFormat: {
    nl: 'Vul een bedrag in euro in, bijvoorbeeld 49,95 of 120 (zonder punten voor duizendtallen).',
    en: 'Enter an amount in euros, for example 49.95 or 120 (without thousands separators).',
  },
  amountRange: { nl: 'Vul een bedrag in tussen 0 en 100.000 euro.', en: 'Enter an amount between 0 and 100,000 euros.' },
  dateTooOld: {
    nl: 'De datum ligt meer dan een jaar terug. Meld oudere cadeaus rechtstreeks bij je leidinggevende.',
    en: 'The date is more than a year ago. Report older gifts directly to your manager.',
  },
} satisfies Record<string, Localized>;

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

const text = (max: number, tooLong: keyof typeof giftFieldMessages) => z.string().trim().min(1, 'required').max(max, tooLong);

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

/** The gift form as every notification form is parsed: see src/cards/forms.ts. */
export function giftFormSpec(now: Date): FormSpec<GiftField, GiftForm> {
  return { fields: giftFields, schema: fieldSchema(now) as z.ZodType<GiftForm, z.ZodTypeDef, unknown>, messages: giftFieldMessages };
}

export type GiftSubmission = FormSubmission<GiftField, GiftForm>;

export function parseGiftSubmission(raw: unknown, now: Date): GiftSubmission {
  return parseForm(raw, giftFormSpec(now));
}

export const giftDecisions = ['approve_keep', 'hand_in', 'return_to_sender'] as const;
export type GiftDecision = (typeof giftDecisions)[number];

export type GiftDecisionInput = { giftId: string; decision: GiftDecision; comment?: string };

/** `{ giftId, decision, comment? }` from the decider's card; undefined when it did not come from our card. */
export function parseGiftDecision(raw: unknown): GiftDecisionInput | undefined {
  const parsed = parseCardAction(raw, { giftId: z.string().uuid(), decision: z.enum(giftDecisions), comment: z.string().trim().max(GIFT_LIMITS.comment).optional() });
  if (!parsed) return undefined;
  return { giftId: parsed.giftId, decision: parsed.decision, ...(parsed.comment ? { comment: parsed.comment } : {}) };
}

/** `{ giftId }` from the owner's withdraw button. */
export function parseGiftReference(raw: unknown): string | undefined {
  return parseCardAction(raw, { giftId: z.string().uuid() })?.giftId;
}
