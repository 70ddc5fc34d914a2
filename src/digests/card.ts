import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from '../cards/adaptiveCard.js';
import type { Language } from '../directory/types.js';
import { localize, type Localized } from '../i18n/index.js';
import { formatDate as dayOf, formatEuro as euro } from '../i18n/format.js';
import { recordVerbs } from '../workflow/lists.js';
import { stateLabels } from '../gifts/cards.js';
import { reportCategoryLabel } from '../reports/index.js';
import type { DeliveryProblem, DigestData } from './digest.js';
import { shown, shownGroup } from './figures.js';

const zip = (labels: string[], values: string[]): [string, string][] => labels.map((label, index) => [label, values[index] ?? '']);

/** Teams refuses Adaptive Cards over 28 KB; parts stay well under it. */
export const CARD_BYTE_BUDGET = 24 * 1024;
/** References per block, so one long list can be spread over several cards. */
const ITEMS_PER_BLOCK = 40;

/** A register the digest links to: its record type and title. */
export interface RegisterLink {
  type: string;
  title: Localized;
}



const reasonLabels: Record<string, Localized> = {
  '403': { nl: 'geblokkeerd of app niet geïnstalleerd', en: 'blocked or app not installed' },
  '404': { nl: 'onbekend in Teams', en: 'unknown in Teams' },
  no_service_url: { nl: 'geen Teams-verbinding bekend', en: 'no Teams connection known' },
  no_conversation: { nl: 'geen gesprek', en: 'no conversation' },
};

const heading = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' });
const subheading = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium', separator: true });
const line = (text: string, subtle = false): CardElement => ({ type: 'TextBlock', text, wrap: true, ...(subtle ? { isSubtle: true, size: 'Small' as const } : {}) });
const facts = (pairs: [string, string][]): CardElement => ({ type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) });

function problemLine(problem: DeliveryProblem, lang: Language): [string, string] {
  const about = problem.reference ?? localize({ nl: 'vertrouwelijk bericht', en: 'confidential message' }, lang);
  const reason = reasonLabels[problem.reason] ? localize(reasonLabels[problem.reason]!, lang) : problem.reason;
  return [problem.recipient, `${about} · ${reason} · ${dayOf(problem.at, lang)}`];
}

/** The digest's sections, each a list of card elements that stays together. */
export function digestSections(digest: DigestData, lang: Language): CardElement[][] {
  const t = (text: Localized) => localize(text, lang);
  const sections: CardElement[][] = [];

  const gifts: CardElement[] = [
    subheading(t({ nl: 'Cadeaus', en: 'Gifts' })),
    line(
      digest.gifts.count === 0
        ? t({ nl: 'Geen nieuwe meldingen.', en: 'No new notifications.' })
        : t({
            nl: `${digest.gifts.count} nieuwe ${digest.gifts.count === 1 ? 'melding' : 'meldingen'}, samen ${euro(digest.gifts.totalValueEur, 'nl')}.`,
            en: `${digest.gifts.count} new ${digest.gifts.count === 1 ? 'notification' : 'notifications'}, together ${euro(digest.gifts.totalValueEur, 'en')}.`,
          }),
    ),
  ];
  sections.push(gifts);
  for (let start = 0; start < digest.gifts.items.length; start += ITEMS_PER_BLOCK) {
    const items = digest.gifts.items.slice(start, start + ITEMS_PER_BLOCK);
    sections.push([facts(items.map((item) => [item.reference, `${euro(item.valueEur, lang)} · ${stateLabels[item.state] ? t(stateLabels[item.state]!) : item.state}`]))]);
  }

  const requests = (title: Localized, figures: DigestData['sideJobs']): CardElement[] => [
    subheading(t(title)),
    facts([
      [t({ nl: 'Nieuw', en: 'New' }), String(figures.new)],
      [t({ nl: `Wacht langer dan ${digest.waitingLongerThanDays} dagen`, en: `Waiting over ${digest.waitingLongerThanDays} days` }), String(figures.waiting)],
      [t({ nl: 'Besloten', en: 'Decided' }), String(figures.decided)],
    ]),
  ];
  sections.push(requests({ nl: 'Nevenwerkzaamheden', en: 'Side jobs' }, digest.sideJobs));
  sections.push(requests({ nl: 'Financiële belangen', en: 'Financial interests' }, digest.financialInterests));

  sections.push([
    subheading(t({ nl: 'Meldingen van vermoedens en ongewenst gedrag', en: 'Reports of suspected wrongdoing and unwanted behaviour' })),
    line(t({ nl: 'Alleen aantallen per categorie; aantallen onder 5 staan als "< 5".', en: 'Counts per category only; counts under 5 are shown as "< 5".' }), true),
    facts([
      [t({ nl: 'Nieuw', en: 'New' }), shown(digest.reports.total)],
      ...zip(digest.reports.byCategory.map(({ category }) => reportCategoryLabel(category, lang)), shownGroup(digest.reports.byCategory.map(({ count }) => count))),
      [t({ nl: `Binnen ${digest.wbkNearDays} dagen aan de Wbk-termijn`, en: `Within ${digest.wbkNearDays} days of the Wbk deadline` }), shown(digest.reports.nearDeadline)],
      [t({ nl: 'Over de Wbk-termijn', en: 'Past the Wbk deadline' }), shown(digest.reports.pastDeadline)],
    ]),
  ]);

  if (digest.meetings) {
    const { reminded, discussed, period } = digest.meetings;
    sections.push([
      subheading(t({ nl: 'Integriteit in het teamoverleg', en: 'Integrity in team meetings' })),
      line(
        reminded === 0
          ? t({ nl: 'Deze periode zijn nog geen leidinggevenden herinnerd.', en: 'No managers have been reminded this period yet.' })
          : t({
              nl: `${discussed} van ${reminded} leidinggevenden (${Math.round((discussed / reminded) * 100)}%) bespraken het deze periode (sinds ${period}).`,
              en: `${discussed} of ${reminded} managers (${Math.round((discussed / reminded) * 100)}%) discussed it this period (since ${period}).`,
            }),
      ),
    ]);
  }

  const problems = [...digest.undeliverable, ...digest.deadLettered];
  const deliveries: CardElement[] = [subheading(t({ nl: 'Berichten die niet aankwamen', en: 'Messages that did not arrive' }))];
  if (problems.length === 0) deliveries.push(line(t({ nl: 'Alle berichten zijn bezorgd.', en: 'Every message was delivered.' })));
  if (digest.undeliverable.length > 0) {
    deliveries.push(line(t({ nl: `Niet te bezorgen (${digest.undeliverable.length}); wat op deze mensen wachtte, is doorgezet:`, en: `Undeliverable (${digest.undeliverable.length}); what waited for them was passed on:` })));
    deliveries.push(facts(digest.undeliverable.slice(0, ITEMS_PER_BLOCK).map((problem) => problemLine(problem, lang))));
  }
  if (digest.deadLettered.length > 0) {
    deliveries.push(line(t({ nl: `Na 24 uur opgegeven (${digest.deadLettered.length}):`, en: `Given up after 24 hours (${digest.deadLettered.length}):` })));
    deliveries.push(facts(digest.deadLettered.slice(0, ITEMS_PER_BLOCK).map((problem) => problemLine(problem, lang))));
  }
  sections.push(deliveries);
  return sections;
}

/**
 * The digest as one Adaptive Card, or several when it would not fit Teams' size limit (each with
 * the heading and "deel n van m"), with buttons to the registers on the last.
 */
export function digestCards(digest: DigestData, lang: Language, registers: readonly RegisterLink[]): AdaptiveCard[] {
  const t = (text: Localized) => localize(text, lang);
  const title = t({ nl: `Weekoverzicht integriteit ${digest.organisationName}`, en: `Weekly integrity digest ${digest.organisationName}` });
  const span = t({ nl: `${dayOf(digest.from, 'nl')} tot ${dayOf(digest.to, 'nl')}`, en: `${dayOf(digest.from, 'en')} to ${dayOf(digest.to, 'en')}` });
  const actions: CardAction[] = registers.map((register) => ({ type: 'Action.Execute', title: localize(register.title, lang), verb: recordVerbs.register, data: { type: register.type, page: 0 } }));
  const size = (body: CardElement[]) => Buffer.byteLength(JSON.stringify(adaptiveCard(body, actions)), 'utf8');

  const parts: CardElement[][] = [];
  let current: CardElement[] = [];
  for (const section of digestSections(digest, lang)) {
    if (current.length > 0 && size([heading(title), line(span), ...current, ...section]) > CARD_BYTE_BUDGET) {
      parts.push(current);
      current = [];
    }
    current.push(...section);
  }
  parts.push(current);
  return parts.map((body, index) => {
    const part = parts.length > 1 ? ` · ${t({ nl: `deel ${index + 1} van ${parts.length}`, en: `part ${index + 1} of ${parts.length}` })}` : '';
    return adaptiveCard([heading(title), line(`${span}${part}`, true), ...body], index === parts.length - 1 ? actions : []);
  });
}

/** The digest as plain text, for `npm run digest -- --dry-run`. */
export function digestText(digest: DigestData, lang: Language = 'nl'): string {
  const lines: string[] = [];
  const walk = (element: CardElement): void => {
    const node = element as { type: string; text?: string; facts?: { title: string; value: string }[]; items?: CardElement[] };
    if (node.type === 'TextBlock' && node.text) lines.push(node.text);
    if (node.type === 'FactSet') for (const fact of node.facts ?? []) lines.push(`  ${fact.title}: ${fact.value}`);
    for (const item of node.items ?? []) walk(item);
  };
  lines.push(localize({ nl: `Weekoverzicht integriteit ${digest.organisationName}`, en: `Weekly integrity digest ${digest.organisationName}` }, lang));
  lines.push(localize({ nl: `${dayOf(digest.from, 'nl')} tot ${dayOf(digest.to, 'nl')}`, en: `${dayOf(digest.from, 'en')} to ${dayOf(digest.to, 'en')}` }, lang));
  for (const section of digestSections(digest, lang)) {
    lines.push('');
    section.forEach(walk);
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}

