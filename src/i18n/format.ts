import type { Language } from './index.js';

/**
 * Dates and amounts as readers write them ("9 maart 2026", "€ 35,00"), on the office's clock.
 * Building an Intl formatter costs far more than using one, and cards are drawn on every
 * delivery and refresh, so each form is built once per language and kept.
 */
const OFFICE_TIME_ZONE = 'Europe/Amsterdam';
const locale = (lang: Language) => (lang === 'nl' ? 'nl-NL' : 'en-GB');

function perLanguage<F>(build: (locale: string) => F): (lang: Language) => F {
  const built = new Map<Language, F>();
  return (lang) => {
    let formatter = built.get(lang);
    if (!formatter) {
      formatter = build(locale(lang));
      built.set(lang, formatter);
    }
    return formatter;
  };
}

const calendarDay = perLanguage((tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const officeDate = perLanguage((tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: OFFICE_TIME_ZONE }));
const officeShortDate = perLanguage((tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: OFFICE_TIME_ZONE }));
const officeMoment = perLanguage((tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: OFFICE_TIME_ZONE }));
const euro = perLanguage((tag) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' }));

/** A calendar date (`YYYY-MM-DD`, no clock) as people write it: "9 maart 2026". */
export function formatDay(isoDate: string, lang: Language): string {
  return calendarDay(lang).format(new Date(`${isoDate}T00:00:00Z`));
}

/** The day of a moment on the office's clock: "17 maart 2026". */
export function formatDate(moment: Date, lang: Language): string {
  return officeDate(lang).format(moment);
}

/** The day of a moment, short, for lists: "17 mrt 2026". */
export function formatShortDate(moment: Date, lang: Language): string {
  return officeShortDate(lang).format(moment);
}

/** A moment on the office's clock: "10 maart 2026 om 10:00". */
export function formatMoment(moment: Date, lang: Language): string {
  return officeMoment(lang).format(moment);
}

export function formatEuro(amount: number, lang: Language): string {
  return euro(lang).format(amount);
}
