import type { CardElement } from '../cards/adaptiveCard.js';
import { subheading, warning } from '../cards/blocks.js';
import { formatMoment } from '../i18n/format.js';
import { localize, type Language, type Localized } from '../i18n/index.js';
import { CHANGES_REQUESTED, type NoticeReason, type WorkflowRecord } from './types.js';

/**
 * Card parts every workflow with steps draws the same way: why a card arrived, where a record
 * is now, what happened to it so far, and why a late click changed nothing.
 */

const reasonBanners: Partial<Record<NoticeReason, Localized>> = {
  reminder: { nl: 'Herinnering: deze melding wacht nog op jou.', en: 'Reminder: this notification is still waiting for you.' },
  escalated: { nl: 'Deze melding is naar jou doorgezet, omdat de termijn voorbij is.', en: 'This notification has been passed on to you because its deadline has passed.' },
};

/** The banner above an actor's card when it came as a reminder or an escalation. */
export function reasonBanner(reason: NoticeReason, lang: Language): CardElement[] {
  const banner = reasonBanners[reason];
  return banner ? [warning('reason', localize(banner, lang))] : [];
}

export interface StepPlace {
  label: Localized;
  number: number;
  of: number;
}

/** "Status: Advies van de HR-adviseur (stap 2 van 3), bij Nicole Prins." for an open record. */
export function whereItIs(step: StepPlace | undefined, assigneeNames: readonly string[], lang: Language): CardElement {
  const nl = lang === 'nl';
  const where = step ? `${localize(step.label, lang)} (${nl ? 'stap' : 'step'} ${step.number} ${nl ? 'van' : 'of'} ${step.of})` : nl ? 'in behandeling' : 'in progress';
  const who =
    assigneeNames.length > 0
      ? `, ${nl ? 'bij' : 'with'} ${listOfNames(assigneeNames, lang)}.`
      : nl
        ? '. Ik kon nog niemand vinden die deze stap doet; neem contact op met P&O. Je melding is wel vastgelegd.'
        : '. I could not find anyone for this step yet; please contact HR. Your notification has been recorded.';
  return { type: 'TextBlock', id: 'status', wrap: true, weight: 'Bolder', text: `Status: ${where}${who}` };
}

/** Who could not be reached in Teams and what happens now, as warnings under the owner's status. */
export function reachabilityBlocks(lines: readonly string[]): CardElement[] {
  return lines.map((text, index) => ({ type: 'TextBlock', id: `reachability${index}`, text, wrap: true, color: 'Warning' }));
}

export function listOfNames(names: readonly string[], lang: Language): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${names.at(-1)}`;
}

/** One line of a record's history as a card shows it: what, by whom, when, and what they wrote. */
export interface HistoryLine {
  title: string;
  by: string;
  at: Date;
  fields: { label: string; value: string }[];
}

export function historyBlocks(lines: readonly HistoryLine[], lang: Language): CardElement[] {
  if (lines.length === 0) return [];
  const nl = lang === 'nl';
  return [
    subheading(nl ? 'Verloop' : 'History'),
    ...lines.map(
      (line): CardElement => ({
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', wrap: true, weight: 'Bolder', text: line.title },
          { type: 'TextBlock', wrap: true, isSubtle: true, spacing: 'None', text: `${nl ? 'door' : 'by'} ${line.by}, ${formatMoment(line.at, lang)}` },
          ...line.fields.map((field): CardElement => ({ type: 'TextBlock', wrap: true, text: `${field.label}: ${field.value}` })),
        ],
      }),
    ),
  ];
}

/**
 * Why a click came too late, said from the record as it is: decided (by whom), withdrawn,
 * returned to the owner, or the step done by someone else and now with the next people.
 */
export function staleNotice(record: WorkflowRecord, lastActorName: string | undefined, assigneeNames: readonly string[], lang: Language): string {
  const nl = lang === 'nl';
  const notSaved = nl ? 'Je keuze is niet opgeslagen.' : 'Your choice was not saved.';
  const who = lastActorName ?? (nl ? 'iemand anders' : 'someone else');
  if (record.state === 'withdrawn') return `${nl ? 'Deze melding is ingetrokken door de medewerker.' : 'This notification was withdrawn by the employee.'} ${notSaved}`;
  if (record.closedAt) return `${nl ? `Over deze melding is al besloten door ${who}.` : `This notification was already decided by ${who}.`} ${notSaved}`;
  if (record.state === CHANGES_REQUESTED) return `${nl ? 'Deze melding is teruggestuurd naar de medewerker voor aanvulling.' : 'This notification was returned to the employee for changes.'} ${notSaved}`;
  const now = assigneeNames.length > 0 ? listOfNames(assigneeNames, lang) : nl ? 'de volgende stap' : 'the next step';
  return `${nl ? `Deze stap is al afgehandeld door ${who}; de melding ligt nu bij ${now}.` : `This step was already handled by ${who}; the notification is now with ${now}.`} ${notSaved}`;
}
