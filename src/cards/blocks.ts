import type { CardElement } from './adaptiveCard.js';

/** The text elements every notification card is made of, so all cards read alike. */
export const heading = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' });
export const subheading = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' });
export const paragraph = (text: string, extra: Partial<Extract<CardElement, { type: 'TextBlock' }>> = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });
/** A line that needs attention first (a refusal, what is missing), with an id tests and updates can find. */
export const attention = (id: string, text: string): CardElement => ({ type: 'TextBlock', id, text, wrap: true, color: 'Attention', weight: 'Bolder' });
/** A banner about why the reader sees the card (a reminder, someone else was first). */
export const warning = (id: string, text: string): CardElement => ({ type: 'TextBlock', id, text, wrap: true, color: 'Warning', weight: 'Bolder' });

/** A label inside a sentence: "Advies van de HR-adviseur" becomes "advies van de HR-adviseur". */
export const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** A line for a list: at most `max` characters, with an ellipsis when cut. */
export const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Adaptive Card hosts render `"value": undefined` fine, but JSON tests and diffs read better without. */
export function stripUndefined<T extends object>(element: T): T {
  return Object.fromEntries(Object.entries(element).filter(([, value]) => value !== undefined)) as T;
}
