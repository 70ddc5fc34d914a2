import type { Db } from 'mongodb';
import { adaptiveCard, type AdaptiveCard, type CardElement } from '../cards/adaptiveCard.js';
import { heading, paragraph } from '../cards/blocks.js';
import { formatDay } from '../i18n/format.js';
import { enqueueOnce } from '../delivery/once.js';
import type { Outbox } from '../delivery/types.js';
import type { Person } from '../directory/types.js';
import { localize, type Language, type Localized } from '../i18n/index.js';
import type { Logger } from '../logging/logger.js';
import { calendarDateIn } from '../workflow/workingDays.js';
import { SIDE_JOB_TYPE } from './chain.js';
import { currentSideJobs, isoDay } from './current.js';
import { sideJobVerbs, sideJobSummary } from './cards.js';
import type { SideJobRules } from './rules.js';
import { isCurrent, sideJobDecisionOf, type SideJobRecord } from './views.js';

export type ReconfirmationReason = 'yearly' | 'function_change';
export const reconfirmAnswers = ['still_current', 'changed', 'ended'] as const;
export type ReconfirmAnswer = (typeof reconfirmAnswers)[number];
/** A round is a year's reconfirmation or a function change on a day: `yearly-2027`, `function-2026-11-30`. */
export const ROUND_PATTERN = /^(yearly-\d{4}|function-\d{4}-\d{2}-\d{2})$/;

export interface ReconfirmationServices {
  db: Db;
  directory: { person(aadObjectId: string): Promise<Person | undefined> };
  outbox: Outbox;
  logger: Logger;
  rules: ReadonlyMap<string, SideJobRules>;
}

/** A function change the directory import found (its result lists them). */
export interface FunctionChange {
  aadObjectId: string;
  orgId: string;
  from: string;
  to: string;
}

const answerLabels: Record<ReconfirmAnswer, Localized> = {
  still_current: { nl: 'Nog actueel', en: 'Still current' },
  changed: { nl: 'Gewijzigd', en: 'Changed' },
  ended: { nl: 'Beëindigd', en: 'Ended' },
};

/**
 * The yearly round: in each organisation's configured month, everyone with an approved, current
 * side job gets one card listing them, to answer per side job. Call it as often as you like
 * (the periodic job does); each person is asked once per year.
 */
export async function runYearlySideJobReconfirmation(services: ReconfirmationServices, now: Date): Promise<{ asked: number }> {
  const { year, month } = calendarDateIn(now, 'Europe/Amsterdam');
  let asked = 0;
  for (const [orgId, rules] of services.rules) {
    if (rules.reconfirmationMonth !== month) continue;
    for (const [owner, records] of await currentSideJobs(services.db, orgId, now)) {
      if (await ask(services, { orgId, owner, round: `yearly-${year}`, reason: 'yearly' }, records, now)) asked += 1;
    }
  }
  if (asked > 0) services.logger.info({ event: 'sidejob.reconfirmation.asked', asked, reason: 'yearly' }, 'side-job reconfirmation requested');
  return { asked };
}

/**
 * After a directory import: whoever's function changed and has approved side jobs is asked
 * whether they still fit the new function. The directory import only reports the changes; this
 * is called by whoever ran it, so the directory knows nothing of side jobs.
 */
export async function askSideJobReconfirmationAfterFunctionChange(services: ReconfirmationServices, changes: readonly FunctionChange[], now: Date): Promise<{ asked: number }> {
  let asked = 0;
  const round = `function-${isoDay(now)}`;
  for (const change of changes) {
    if (!services.rules.has(change.orgId)) continue;
    const records = (await currentSideJobs(services.db, change.orgId, now, change.aadObjectId)).get(change.aadObjectId);
    if (!records?.length) continue;
    if (await ask(services, { orgId: change.orgId, owner: change.aadObjectId, round, reason: 'function_change', newFunction: change.to }, records, now)) asked += 1;
  }
  if (asked > 0) services.logger.info({ event: 'sidejob.reconfirmation.asked', asked, reason: 'function_change' }, 'side-job reconfirmation requested');
  return { asked };
}

interface Round {
  orgId: string;
  owner: string;
  round: string;
  reason: ReconfirmationReason;
  newFunction?: string;
}

/** One card per person and round: overlapping runs (several instances, a slow run) ask each person once. */
async function ask(services: ReconfirmationServices, round: Round, records: SideJobRecord[], now: Date): Promise<boolean> {
  const person = await services.directory.person(round.owner);
  if (!person || person.orgId !== round.orgId) return false;
  const lang = records.at(-1)?.ownerLang ?? 'nl';
  const card = reconfirmationCard({ lang, round: round.round, reason: round.reason, newFunction: round.newFunction, items: records.map((record) => ({ record })) });
  const key = `sidejob-reconfirm:${round.orgId}:${round.round}:${round.owner}`;
  const message = { mode: 'send' as const, to: round.owner, key, purpose: 'sidejob_reconfirmation', content: { kind: 'card' as const, card }, orgId: round.orgId };
  return enqueueOnce(services.db, services.outbox, key, [message], now, { reason: round.reason, recordIds: records.map((record) => record._id) });
}

/** The round's side jobs of one person with what they answered so far, for the card after each answer. */
export function roundItems(records: readonly SideJobRecord[], round: string, now: Date): ReconfirmationItem[] {
  const today = isoDay(now);
  return records
    .filter((record) => record.type === SIDE_JOB_TYPE)
    .map((record) => ({ record, answer: [...record.history].reverse().find((entry) => entry.action === 'reconfirm' && entry.fields.round === round) }))
    .filter(({ record, answer }) => answer || isCurrent(record, today))
    .sort((a, b) => a.record.createdAt.getTime() - b.record.createdAt.getTime())
    .map(({ record, answer }) => ({ record, ...(answer ? { answer: { outcome: answer.outcome as ReconfirmAnswer, at: answer.at } } : {}) }));
}

export interface ReconfirmationItem {
  record: SideJobRecord;
  answer?: { outcome: ReconfirmAnswer; at: Date };
}

export interface ReconfirmationCardOptions {
  lang: Language;
  round: string;
  reason: ReconfirmationReason;
  newFunction?: string;
  items: ReconfirmationItem[];
}

/** One card per person: each approved side job with "nog actueel / gewijzigd / beëindigd", or what they answered. */
export function reconfirmationCard(options: ReconfirmationCardOptions): AdaptiveCard {
  const { lang } = options;
  const t = (text: Localized) => localize(text, lang);
  const intro: Localized =
    options.reason === 'yearly'
      ? {
          nl: 'Eén keer per jaar vragen we je te bevestigen of je geregistreerde nevenwerkzaamheden nog kloppen. Kies per nevenwerkzaamheid. Bij "Gewijzigd" krijg je het formulier ingevuld terug om de wijziging te melden; je toestemming blijft gelden tot daarover is besloten.',
          en: 'Once a year we ask you to confirm that your registered side jobs are still correct. Choose for each side job. With "Changed" you get the form back, filled in, to report the change; your permission stays valid until the change is decided.',
        }
      : {
          nl: `Je functie is gewijzigd${options.newFunction ? ` in ${options.newFunction}` : ''}. Kijk of je nevenwerkzaamheden nog passen bij je nieuwe functie. Raakt een nevenwerkzaamheid aan je nieuwe werk, kies dan "Gewijzigd" en meld hem opnieuw.`,
          en: `Your position has changed${options.newFunction ? ` to ${options.newFunction}` : ''}. Check whether your side jobs still fit your new position. If a side job touches on your new work, choose "Changed" and report it again.`,
        };
  const body: CardElement[] = [heading(t({ nl: 'Zijn je nevenwerkzaamheden nog actueel?', en: 'Are your side jobs still current?' })), paragraph(t(intro))];
  for (const { record, answer } of options.items) {
    const decision = sideJobDecisionOf(record);
    const approvedOn = decision ? formatDay(decision.at.toISOString().slice(0, 10), lang) : '';
    const items: CardElement[] = [
      { type: 'TextBlock', wrap: true, weight: 'Bolder', text: sideJobSummary(record) },
      {
        type: 'TextBlock',
        wrap: true,
        isSubtle: true,
        spacing: 'None',
        text: `${record.reference} · ${t({ nl: 'toegestaan op', en: 'approved on' })} ${approvedOn}${decision?.fields.conditions ? ` · ${t({ nl: 'voorwaarden', en: 'conditions' })}: ${decision.fields.conditions}` : ''}`,
      },
    ];
    if (answer) {
      items.push({ type: 'TextBlock', id: `answer-${record.reference}`, wrap: true, color: 'Good', text: `${t({ nl: 'Je antwoord', en: 'Your answer' })}: ${t(answerLabels[answer.outcome])}` });
    } else {
      items.push({
        type: 'ActionSet',
        actions: reconfirmAnswers.map((outcome) => ({ type: 'Action.Execute' as const, title: t(answerLabels[outcome]), verb: sideJobVerbs.reconfirm, data: { recordId: record._id, answer: outcome, round: options.round } })),
      });
    }
    body.push({ type: 'Container', separator: true, items });
  }
  if (options.items.length > 0 && options.items.every((item) => item.answer)) {
    body.push({ type: 'TextBlock', id: 'done', wrap: true, weight: 'Bolder', text: t({ nl: 'Dank je, alles is bevestigd.', en: 'Thank you, everything is confirmed.' }) });
  }
  return adaptiveCard(body);
}
