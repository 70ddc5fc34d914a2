import { z } from 'zod';
import { localize, type Language, type Localized } from '../i18n/index.js';
import type { CardElement, InputElement } from './adaptiveCard.js';
import { attention, stripUndefined } from './blocks.js';

/**
 * Parsing what an Adaptive Card form sends back, the same way for every form: the envelope must
 * be exactly our card's (its input ids, its formId, the keys Teams adds), every value a string of
 * bounded length, no `$` or dotted keys anywhere; then the feature's own zod schema turns the
 * strings into typed values with a Dutch message per wrong field, keeping what the user typed.
 */

/** Longer than any field may be: such input did not come from our card and is not echoed back. */
export const MAX_RAW_INPUT_LENGTH = 2000;

export const fieldMessages = {
  required: { nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  choice: { nl: 'Kies een van de mogelijkheden.', en: 'Choose one of the options.' },
  tooLong: { nl: 'Deze tekst is te lang.', en: 'This text is too long.' },
  dateFormat: { nl: 'Vul een geldige datum in.', en: 'Enter a valid date.' },
  dateFuture: { nl: 'De datum mag niet in de toekomst liggen.', en: 'The date cannot be in the future.' },
  number: { nl: 'Vul een heel getal in.', en: 'Enter a whole number.' },
} satisfies Record<string, Localized>;

export const rejectedForm: Localized = {
  nl: 'Dit formulier bevatte gegevens die ik niet kan verwerken (onbekende velden of te lange tekst). Er is niets opgeslagen. Vul het formulier hieronder opnieuw in.',
  en: 'This form contained data I cannot process (unknown fields or overly long text). Nothing was saved. Please fill in the form below again.',
};

export const notSavedNow: Localized = {
  nl: 'Je melding kan nu niet worden opgeslagen, probeer het zo opnieuw. Wat je invulde staat hieronder nog klaar.',
  en: 'Your notification cannot be saved right now, please try again in a moment. What you filled in is still below.',
};

export type FormValues<TField extends string> = Partial<Record<TField, string>>;
export type FormErrors<TField extends string> = Partial<Record<TField, Localized>>;

export type FormSubmission<TField extends string, TValue> =
  | { kind: 'valid'; formId: string; value: TValue; values: FormValues<TField> }
  /** The user's values (to show again) and a message per field. */
  | { kind: 'invalid'; formId: string; values: FormValues<TField>; errors: FormErrors<TField> }
  /** Not from our card (unknown or `$` keys, oversized values, no form id): nothing is echoed back. */
  | { kind: 'rejected'; reason: Localized };

export interface FormSpec<TField extends string, TValue> {
  fields: readonly TField[];
  /** Turns the submitted strings into the typed value; issue messages are keys of `messages`. */
  schema: z.ZodType<TValue, z.ZodTypeDef, unknown>;
  messages: Record<string, Localized>;
}

export function hasOperatorKeys(value: unknown, depth = 0): boolean {
  if (depth > 6 || !value || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, nested]) => key.startsWith('$') || key.includes('.') || hasOperatorKeys(nested, depth + 1));
}

/** The keys Teams and our buttons add to every Action.Execute / Action.Submit payload. */
const envelopeKeys = { verb: z.string().max(100).optional(), action: z.string().max(100).optional(), msteams: z.unknown().optional() };

/**
 * `idKey` names the card's id field: `formId` for a new notification (one record per card), or
 * `recordId` when a form corrects an existing record (a resubmission); `formId` in the result
 * holds its value either way.
 */
export function parseForm<TField extends string, TValue>(raw: unknown, spec: FormSpec<TField, TValue>, idKey: 'formId' | 'recordId' = 'formId'): FormSubmission<TField, TValue> {
  if (hasOperatorKeys(raw)) return { kind: 'rejected', reason: rejectedForm };
  const shape = Object.fromEntries(spec.fields.map((field) => [field, z.string().max(MAX_RAW_INPUT_LENGTH).optional()]));
  const envelope = z
    .object({ ...shape, [idKey]: z.string().uuid(), ...envelopeKeys })
    .strict()
    .safeParse(raw);
  if (!envelope.success) return { kind: 'rejected', reason: rejectedForm };
  const data = envelope.data as Record<string, unknown>;
  const values = Object.fromEntries(spec.fields.flatMap((field) => (typeof data[field] === 'string' ? [[field, data[field]]] : []))) as FormValues<TField>;
  const formId = data[idKey] as string;
  const parsed = spec.schema.safeParse(values);
  if (parsed.success) return { kind: 'valid', formId, value: parsed.data, values };
  const errors: FormErrors<TField> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as TField | undefined;
    if (field === undefined || !spec.fields.includes(field)) continue;
    // Missing keys surface as zod's own type message; they mean "required".
    errors[field] ??= spec.messages[issue.message] ?? (fieldMessages as Record<string, Localized>)[issue.message] ?? fieldMessages.required;
  }
  // A refinement across fields without a path still needs a place: the first field.
  if (Object.keys(errors).length === 0) errors[spec.fields[0]!] = fieldMessages.required;
  return { kind: 'invalid', formId, values, errors };
}

/** A button's payload (ids, choices): strict, no operator keys; undefined when it is not ours. */
export function parseCardAction<T extends z.ZodRawShape>(raw: unknown, shape: T): z.infer<z.ZodObject<T>> | undefined {
  if (hasOperatorKeys(raw)) return undefined;
  const parsed = z
    .object({ ...shape, ...envelopeKeys })
    .strict()
    .safeParse(raw);
  return parsed.success ? (parsed.data as z.infer<z.ZodObject<T>>) : undefined;
}

// Building blocks for the features' field schemas.

/** Text that must be there, at most `max` characters; control characters are refused by the edge. */
export const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .optional()
    .transform((value) => (value ? value : undefined));

/** An unanswered choice arrives as "" or not at all: that is "required", anything else "choose one". */
export const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.enum(values, { errorMap: (issue) => ({ message: issue.code === 'invalid_type' ? 'required' : 'choice' }) }));

export const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.enum(values, { errorMap: () => ({ message: 'choice' }) }).optional());

export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDate = () => z.string().trim().min(1, 'required').refine(isRealDate, 'dateFormat');

const checkFields: Localized = { nl: 'Controleer de velden met een melding hieronder.', en: 'Please check the fields marked below.' };

/**
 * A form's inputs as a card shows them: above them the banner (why nothing was saved) or a line
 * asking to check the marked fields, and under each wrong field its message (id `<field>Error`).
 */
export function formBlocks(inputs: readonly InputElement[], errors: Partial<Record<string, Localized>>, lang: Language, banner?: Localized): CardElement[] {
  const blocks: CardElement[] = [];
  if (banner) blocks.push(attention('formError', localize(banner, lang)));
  else if (Object.values(errors).some(Boolean)) blocks.push(attention('formError', localize(checkFields, lang)));
  for (const input of inputs) {
    blocks.push(stripUndefined(input));
    const error = errors[input.id];
    if (error) blocks.push({ type: 'TextBlock', id: `${input.id}Error`, text: localize(error, lang), wrap: true, color: 'Attention', spacing: 'None' });
  }
  return blocks;
}

export const yesNo = ['yes', 'no'] as const;
export type YesNo = (typeof yesNo)[number];
export const yesNoLabels: Record<YesNo, Localized> = { yes: { nl: 'Ja', en: 'Yes' }, no: { nl: 'Nee', en: 'No' } };

interface TextOptions {
  required?: boolean;
  maxLength: number;
  multiline?: boolean;
  placeholder?: Localized;
}

/**
 * Builds a form's inputs in the reader's language with what they typed kept, the same way for
 * every form: labels, required markers and the client-side message; the server checks again.
 */
export function formInputs(lang: Language, values: Partial<Record<string, string>>) {
  const required = localize(fieldMessages.required, lang);
  const requiredProps = (isRequired: boolean | undefined) => (isRequired ? { isRequired: true, errorMessage: required } : {});
  const options = <T extends string>(keys: readonly T[], labels: Record<T, Localized>) => keys.map((key) => ({ title: localize(labels[key], lang), value: key }));
  return {
    text(id: string, label: Localized, text: TextOptions): InputElement {
      return stripUndefined({
        type: 'Input.Text',
        id,
        label: localize(label, lang),
        ...requiredProps(text.required),
        isMultiline: text.multiline,
        maxLength: text.maxLength,
        placeholder: text.placeholder && localize(text.placeholder, lang),
        value: values[id],
      });
    },
    choice<T extends string>(id: string, label: Localized, keys: readonly T[], labels: Record<T, Localized>, style: 'compact' | 'expanded' = 'compact', isRequired = true): InputElement {
      return stripUndefined({ type: 'Input.ChoiceSet', id, label: localize(label, lang), ...requiredProps(isRequired), style, choices: options(keys, labels), value: values[id] });
    },
    yesNo(id: string, label: Localized): InputElement {
      return stripUndefined({ type: 'Input.ChoiceSet', id, label: localize(label, lang), ...requiredProps(true), style: 'expanded', choices: options(yesNo, yesNoLabels), value: values[id] });
    },
    date(id: string, label: Localized, range: { min?: string; max?: string }, isRequired = true): InputElement {
      return stripUndefined({ type: 'Input.Date', id, label: localize(label, lang), ...requiredProps(isRequired), min: range.min, max: range.max, value: values[id] });
    },
  };
}
