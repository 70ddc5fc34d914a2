import type { Language } from '../directory/types.js';
import { localize } from '../i18n/index.js';
import { formatMoment as momentOf } from '../i18n/format.js';
import type { HistoryEntry, WorkflowRecord } from './types.js';

/** Looks up a display name; the engine and the presenters pass the directory's. */
export type NameOf = (aadObjectId: string) => Promise<string>;


const names = (list: string[], lang: Language) => (list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${list.at(-1)}`);

/**
 * What the owner reads when someone their record waits for cannot be reached, and when the step
 * moved past them: never silence. The same for every record type, so any presenter can show it.
 */
export async function reachabilityNotice(record: WorkflowRecord, entry: HistoryEntry, nameOf: NameOf, lang: Language): Promise<string | undefined> {
  if (entry.action === 'unreachable') {
    const person = entry.fields.person ?? '';
    const who = await nameOf(person);
    const escalateAt = record.step?.unreachable?.find((actor) => actor.aadObjectId === person)?.escalateAt;
    const when = escalateAt ? momentOf(escalateAt, lang) : undefined;
    return localize(
      {
        nl: `${who} is via Teams niet bereikbaar voor je melding ${record.reference}. Je melding is wel vastgelegd. ${when ? `Reageert ${who} niet, dan gaat je melding op ${when} door naar de volgende in de lijn (de leidinggevende daarboven of de integriteitscoördinator).` : 'Je melding gaat door naar de volgende in de lijn.'}`,
        en: `${who} cannot be reached in Teams for your notification ${record.reference}. Your notification has been recorded. ${when ? `If ${who} does not respond, it moves on at ${when} to the next person in line (the manager above or the integrity coordinator).` : 'It moves on to the next person in line.'}`,
      },
      lang,
    );
  }
  if (entry.action === 'escalated' && entry.outcome === 'unreachable') {
    const targets = await Promise.all((entry.fields.to ?? '').split(',').filter(Boolean).map(nameOf));
    const past = await nameOf(entry.fields.past ?? '');
    return localize(
      {
        nl: `Je melding ${record.reference} is doorgezet naar ${names(targets, 'nl')}, omdat ${past} niet bereikbaar was.`,
        en: `Your notification ${record.reference} has been passed on to ${names(targets, 'en')}, because ${past} could not be reached.`,
      },
      lang,
    );
  }
  return undefined;
}

/** Lines for the owner's status card: who could not be reached and what happens now. */
export async function reachabilityLines(record: WorkflowRecord, nameOf: NameOf, lang: Language): Promise<string[]> {
  const lines: string[] = [];
  for (const actor of record.step?.unreachable ?? []) {
    const who = await nameOf(actor.aadObjectId);
    lines.push(
      actor.escalated
        ? localize({ nl: `${who} was via Teams niet bereikbaar; je melding is daarom doorgezet.`, en: `${who} could not be reached in Teams, so your notification was passed on.` }, lang)
        : localize(
            {
              nl: `${who} is via Teams niet bereikbaar. Reageert ${who} niet, dan gaat je melding op ${momentOf(actor.escalateAt, 'nl')} door naar de volgende in de lijn.`,
              en: `${who} cannot be reached in Teams. If ${who} does not respond, your notification moves on at ${momentOf(actor.escalateAt, 'en')} to the next person in line.`,
            },
            lang,
          ),
    );
  }
  return lines;
}

/** The actors who can be reached: the ones a status line should name as "waiting for". */
export function reachableAssignees(record: WorkflowRecord): string[] {
  const unreachable = new Set((record.step?.unreachable ?? []).map((actor) => actor.aadObjectId));
  const reachable = record.assignees.filter((id) => !unreachable.has(id));
  return reachable.length > 0 ? reachable : record.assignees;
}
