import { z } from 'zod';
import type { Language } from '../directory/types.js';

export type { Language };

/** A user-facing text in both languages; Dutch is the product's first language. */
export interface Localized {
  nl: string;
  en: string;
}

/** A text in both languages as organisation data writes it (rules, chains, step names). */
export const localizedSchema = (max = 1000): z.ZodType<Localized> => z.object({ nl: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) }).strict();

export function localize(text: Localized, lang: Language): string {
  return text[lang];
}

/**
 * The user's language for this turn: English only when the Teams client says so, else the
 * organisation's default (Dutch for every current organisation).
 */
export function languageOf(locale: string | undefined, fallback: Language = 'nl'): Language {
  if (!locale) return fallback;
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  if (primary === 'en') return 'en';
  if (primary === 'nl') return 'nl';
  return fallback;
}
