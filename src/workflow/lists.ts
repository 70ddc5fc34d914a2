import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from '../cards/adaptiveCard.js';
import { heading } from '../cards/blocks.js';
import { localize, type Language } from '../i18n/index.js';
import { formatShortDate as dateOf } from '../i18n/format.js';
import type { RecordPresentation } from './module.js';
import type { WorkflowRecord } from './types.js';

/** The verbs of the record lists; every record type shares them. */
export const recordVerbs = { mine: 'records.mine', awaiting: 'records.awaiting', open: 'records.open', register: 'records.register' } as const;
export const REGISTER_PAGE_SIZE = 10;


function recordHeader(record: WorkflowRecord, presentation: RecordPresentation | undefined, lang: Language): CardElement {
  const type = presentation ? localize(presentation.typeLabel, lang) : record.type;
  return { type: 'TextBlock', text: `**${record.reference}** · ${type} · ${dateOf(record.createdAt, lang)}`, wrap: true };
}

/** Posts the record as a card of its own, drawn for whoever clicks (the server decides what they see). */
function openAction(record: WorkflowRecord, lang: Language): CardAction {
  return { type: 'Action.Submit', title: lang === 'nl' ? `${record.reference} bekijken` : `View ${record.reference}`, data: { verb: recordVerbs.open, recordId: record._id } };
}

/** One container per record: its header, the lines the list gives it and a button that opens it. */
function recordList(title: string, empty: string, records: WorkflowRecord[], presentations: ReadonlyMap<string, RecordPresentation>, lang: Language, lines: (record: WorkflowRecord, presentation: RecordPresentation | undefined, index: number) => CardElement[]): AdaptiveCard {
  const body: CardElement[] = [heading(title)];
  if (records.length === 0) body.push({ type: 'TextBlock', text: empty, wrap: true });
  records.forEach((record, index) => {
    const presentation = presentations.get(record.type);
    body.push({ type: 'Container', separator: true, items: [recordHeader(record, presentation, lang), ...lines(record, presentation, index), { type: 'ActionSet', actions: [openAction(record, lang)] }] });
  });
  return adaptiveCard(body);
}

export function myRecordsCard(records: WorkflowRecord[], presentations: ReadonlyMap<string, RecordPresentation>, lang: Language): AdaptiveCard {
  const nl = lang === 'nl';
  return recordList(nl ? 'Mijn meldingen' : 'My notifications', nl ? 'Je hebt nog geen meldingen gedaan.' : 'You have not made any notifications yet.', records, presentations, lang, (record, presentation) => [
    { type: 'TextBlock', text: presentation?.summary(record, lang) ?? '', wrap: true },
    { type: 'TextBlock', text: presentation?.stateLabel(record, lang) ?? record.state, wrap: true, isSubtle: true },
  ]);
}

/**
 * What waits for the reader. A record's owner is named where the directory knows them; a report's
 * owner is a pseudonym that no directory knows, and then the line is only the subject.
 */
export function awaitingCard(records: WorkflowRecord[], ownerNames: (string | undefined)[], presentations: ReadonlyMap<string, RecordPresentation>, lang: Language): AdaptiveCard {
  const nl = lang === 'nl';
  return recordList(nl ? 'Wacht op jou' : 'Waiting for you', nl ? 'Er wacht niets op jouw besluit of advies.' : 'Nothing is waiting for your decision or advice.', records, presentations, lang, (record, presentation, index) => {
    const summary = presentation?.summary(record, lang) ?? '';
    const owner = ownerNames[index];
    return [{ type: 'TextBlock', text: owner ? `${owner}: ${summary}` : summary, wrap: true }];
  });
}

export interface RegisterCardOptions {
  lang: Language;
  presentation: RecordPresentation;
  type: string;
  organisationName: string;
  page: number;
  total: number;
  records: WorkflowRecord[];
  names: string[];
}

export function registerCard(options: RegisterCardOptions): AdaptiveCard {
  const { lang, presentation, page, total } = options;
  const nl = lang === 'nl';
  const pages = Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
  const body: CardElement[] = [
    heading(`${localize(presentation.registerTitle, lang)} ${options.organisationName}`),
    {
      type: 'TextBlock',
      id: 'registerPage',
      isSubtle: true,
      wrap: true,
      text: nl ? `Pagina ${Math.min(page + 1, pages)} van ${pages} (${total} meldingen)` : `Page ${Math.min(page + 1, pages)} of ${pages} (${total} notifications)`,
    },
  ];
  if (options.records.length === 0) body.push({ type: 'TextBlock', text: nl ? 'Geen meldingen op deze pagina.' : 'No notifications on this page.', wrap: true });
  options.records.forEach((record, index) => {
    body.push({
      type: 'Container',
      separator: true,
      items: [recordHeader(record, presentation, lang), { type: 'FactSet', facts: presentation.registerFacts(record, lang, options.names[index] ?? '—') }],
    });
  });
  const actions: CardAction[] = [];
  if (page > 0) actions.push({ type: 'Action.Execute', title: nl ? 'Vorige' : 'Previous', verb: recordVerbs.register, data: { type: options.type, page: page - 1 } });
  if (page + 1 < pages) actions.push({ type: 'Action.Execute', title: nl ? 'Volgende' : 'Next', verb: recordVerbs.register, data: { type: options.type, page: page + 1 } });
  return adaptiveCard(body, actions);
}
