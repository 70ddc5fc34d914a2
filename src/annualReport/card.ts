import { adaptiveCard, type AdaptiveCard, type CardElement } from '../cards/adaptiveCard.js';
import { shown, shownShare } from '../digests/index.js';
import type { AnnualFigures } from './figures.js';

/** The yearly report's main figures as a card for HR in Teams; the full report is `npm run report:annual`. */
export function annualSummaryCard(figures: AnnualFigures): AdaptiveCard {
  const { current: now, previous: before } = figures;
  const pair = (a: number, b: number) => `${shown(a)} (${before.year}: ${shown(b)})`;
  const body: CardElement[] = [
    { type: 'TextBlock', text: `Jaarverantwoording integriteit ${now.year} — ${figures.organisationName}`, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: 'Kerncijfers volgens artikel 4, vierde lid, Ambtenarenwet. Geen namen; aantallen onder 5 staan als "< 5".', wrap: true, isSubtle: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Geschenken en uitnodigingen', value: pair(now.gifts.total, before.gifts.total) },
        { title: 'Nevenwerkzaamheden gemeld', value: pair(now.sideJobs.new, before.sideJobs.new) },
        { title: 'waarvan toegestaan', value: `${shown(now.sideJobs.approved)} (met voorwaarden: ${shown(now.sideJobs.withConditions)})` },
        { title: 'waarvan niet toegestaan', value: shown(now.sideJobs.refused) },
        { title: 'Financiële belangen gemeld', value: pair(now.financialInterests.notices, before.financialInterests.notices) },
        { title: 'Meldingen misstand / ongewenst gedrag', value: pair(now.reports.total, before.reports.total) },
        { title: 'Ontvangst binnen 7 dagen bevestigd', value: shownShare(now.reports.acknowledgedWithin7Days.part, now.reports.acknowledgedWithin7Days.base) },
        { title: 'Binnen 3 maanden beantwoord', value: shownShare(now.reports.answeredWithin3Months.part, now.reports.answeredWithin3Months.base) },
        { title: 'Integriteit besproken in teamoverleg', value: `${now.meetings.discussed} van ${now.meetings.reminded} herinneringen` },
      ],
    },
    { type: 'TextBlock', text: `Het volledige verslag met grafieken (Markdown, HTML en CSV): npm run report:annual -- --org ${figures.orgId} --year ${now.year}`, wrap: true, isSubtle: true, size: 'Small' },
  ];
  return adaptiveCard(body);
}
