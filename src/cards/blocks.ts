import { localize, type Language, type Localized } from '../i18n/index.js';
import type { CardElement, InputElement } from './adaptiveCard.js';

/**
 * The text blocks every feature's cards are made of, so that a heading, a form's messages and a
 * quoted article look the same on every card.
 */
type TextBlock = Extract<CardElement, { type: 'TextBlock' }>;

export const heading = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' });
export const subheading = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' });
export const paragraph = (text: string, extra: Partial<TextBlock> = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });

/** Adaptive Card hosts render `"value": undefined` fine, but JSON tests and diffs read better without. */
export function stripUndefined<T extends object>(element: T): T {
  return Object.fromEntries(Object.entries(element).filter(([, value]) => value !== undefined)) as T;
}

/** A form input followed by its message (id `<input>Error`) when the last attempt had one. */
export function inputWithError(input: InputElement, lang: Language, error: Localized | undefined): CardElement[] {
  return [stripUndefined(input), ...(error ? [{ type: 'TextBlock' as const, id: `${input.id}Error`, text: localize(error, lang), wrap: true, color: 'Attention' as const, spacing: 'None' as const }] : [])];
}

/** Above a form: why nothing was saved, or that fields below need attention (id `formError`). */
export function formProblem(lang: Language, banner: Localized | undefined, hasErrors: boolean): CardElement[] {
  const text = banner ?? (hasErrors ? { nl: 'Controleer de velden met een melding hieronder.', en: 'Please check the fields marked below.' } : undefined);
  return text ? [{ type: 'TextBlock', id: 'formError', text: localize(text, lang), wrap: true, color: 'Attention', weight: 'Bolder' }] : [];
}

/** Articles quoted word for word under a heading; English readers are told the quote is Dutch. */
export function quotedSources(sources: readonly { title?: string; section: string; quote?: string }[], lang: Language, title: Localized): CardElement[] {
  if (sources.length === 0) return [];
  const blocks: CardElement[] = [subheading(localize(title, lang))];
  for (const source of sources) {
    blocks.push({
      type: 'Container',
      style: 'emphasis',
      items: [
        { type: 'TextBlock', text: source.title ? `${source.title}, ${source.section}` : source.section, weight: 'Bolder', wrap: true, size: 'Small' },
        ...(source.quote ? [{ type: 'TextBlock' as const, text: source.quote, wrap: true, size: 'Small' as const }] : []),
      ],
    });
  }
  if (lang === 'en') blocks.push({ type: 'TextBlock', text: 'Quoted from the Dutch original.', isSubtle: true, size: 'Small', wrap: true });
  return blocks;
}
