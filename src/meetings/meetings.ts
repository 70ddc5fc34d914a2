import { z } from 'zod';
import type { Collection, Db } from 'mongodb';
import { parseCardAction, isRealDate } from '../cards/forms.js';
import type { Outbox, OutgoingMessage } from '../delivery/types.js';
import type { IntegrityMeetingSettings, Organisation, Person } from '../directory/types.js';
import type { Logger } from '../logging/logger.js';
import { SCHEDULE_TIME_ZONE, nextOccurrence, previousOccurrence, type Schedule } from '../scheduling/index.js';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from '../storage/database.js';
import { calendarDateIn } from '../workflow/workingDays.js';
import { meetingDiscussedCard, meetingReminderCard } from './cards.js';
import type { Reply } from '../workflow/module.js';
import type { MeetingReminder } from './types.js';
import { dilemmaFor, dilemmas } from './dilemmas.js';

export const INTEGRITY_MEETINGS = 'integrityMeetings';

export const meetingCollections: CollectionDefinition[] = [{ name: INTEGRITY_MEETINGS, indexes: [{ key: { orgId: 1, period: 1 }, name: 'org_period' }] }];

const PERIODS_PER_YEAR: Record<IntegrityMeetingSettings['cadence'], number> = { quarterly: 4, half_yearly: 2, yearly: 1 };

/** When the reminders go out: on the organisation's day, at its cadence from its first month. */
export function meetingSchedule(settings: IntegrityMeetingSettings): Schedule {
  const count = PERIODS_PER_YEAR[settings.cadence];
  const months = Array.from({ length: count }, (_, index) => ((settings.firstMonth - 1 + (index * 12) / count) % 12) + 1).sort((a, b) => a - b);
  return { at: settings.time, days: [settings.day], months };
}

export interface MeetingPeriod {
  key: string;
  start: Date;
  end: Date;
  /** Counts periods since year 0, to go round the dilemma library. */
  index: number;
}

/** The period `at` falls in: from the last reminder moment to the next. */
export function meetingPeriod(settings: IntegrityMeetingSettings, at: Date): MeetingPeriod {
  const schedule = meetingSchedule(settings);
  const start = previousOccurrence(schedule, at) ?? at;
  const end = nextOccurrence(schedule, start) ?? at;
  const { year, month } = calendarDateIn(start, SCHEDULE_TIME_ZONE);
  const perYear = PERIODS_PER_YEAR[settings.cadence];
  const months = (schedule as { months: number[] }).months;
  return { key: `${year}-${String(month).padStart(2, '0')}`, start, end, index: year * perYear + Math.max(0, months.indexOf(month)) };
}

export interface MeetingServices {
  db: Db;
  directory: { managersWithStaff(orgId: string): Promise<Person[]> };
  outbox: Outbox;
  logger: Logger;
}

function collection(db: Db): Collection<MeetingReminder> {
  return db.collection<MeetingReminder>(INTEGRITY_MEETINGS);
}

/**
 * Sends every manager with staff this period's reminder with its dilemma, once: each reminder is
 * claimed by inserting it, and its card carries a key, so a repeated run sends nothing twice.
 */
export async function sendMeetingReminders(services: MeetingServices, organisation: Organisation, now: Date): Promise<string> {
  const settings = organisation.integrityMeetings;
  if (!settings) return 'geen instellingen';
  const period = meetingPeriod(settings, now);
  const dilemma = dilemmaFor(organisation.id, period.index);
  const managers = await services.directory.managersWithStaff(organisation.id);
  const messages: OutgoingMessage[] = [];
  for (const manager of managers) {
    const reminder: MeetingReminder = {
      _id: `${organisation.id}:${period.key}:${manager.aadObjectId}`,
      orgId: organisation.id,
      period: period.key,
      manager: manager.aadObjectId,
      dilemmaId: dilemma.id,
      remindedAt: now,
      discussedOn: null,
      discussedAt: null,
      schemaVersion: SCHEMA_VERSION,
    };
    try {
      await collection(services.db).insertOne(reminder);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    // Also after a crash between the insert and the enqueue: the key makes a second send an update.
    // Stored as a view and drawn when delivered, in the manager's language (card JSON cannot be stored as is).
    messages.push({ mode: 'send', to: manager.aadObjectId, key: `meeting:${reminder._id}`, purpose: 'integrity_meeting', orgId: organisation.id, recordId: reminder._id, view: { recordId: reminder._id, reason: MEETING_VIEW, atVersion: 0 } });
  }
  await services.outbox.enqueue(messages);
  services.logger.info({ event: 'meetings.reminded', orgId: organisation.id, period: period.key, managers: managers.length }, 'integrity meeting reminders sent');
  return `${managers.length} leidinggevenden herinnerd (${period.key})`;
}

/** The reason of a reminder's outbox view: the delivery renders views with it here. */
export const MEETING_VIEW = 'meeting';

/** Draws a reminder for its manager when it is delivered: the reminder card, or the card with the date once discussed. */
export async function renderMeetingReminder(
  services: { db: Db; directory: { organisation(orgId: string): Promise<Organisation | undefined>; person(id: string): Promise<Person | undefined> } },
  reminderId: string,
  to: string,
  lang: 'nl' | 'en',
  now: Date,
): Promise<{ kind: 'card'; card: ReturnType<typeof meetingReminderCard> } | undefined> {
  const reminder = await findReminder(services.db, reminderId);
  if (!reminder || reminder.manager !== to.trim().toLowerCase()) return undefined;
  const [organisation, manager] = await Promise.all([services.directory.organisation(reminder.orgId), services.directory.person(reminder.manager)]);
  const dilemma = dilemmaById(reminder.dilemmaId);
  if (!organisation || !dilemma) return undefined;
  const view = { reminder, dilemma, organisation, managerName: manager?.name ?? '', now };
  return { kind: 'card', card: reminder.discussedOn ? meetingDiscussedCard(view, lang) : meetingReminderCard(view, lang) };
}

export async function findReminder(db: Db, id: string): Promise<MeetingReminder | undefined> {
  return (await collection(db).findOne({ _id: id })) ?? undefined;
}

export type DiscussedResult = { kind: 'recorded' | 'already' | 'invalid_date'; reminder: MeetingReminder } | { kind: 'not_allowed' | 'not_found' | 'invalid' };

/**
 * The manager says when the team discussed it. Only the manager the reminder is for may (from
 * their Teams identity, never the card); the date must be a real day in the period, not in the future.
 */
export async function recordDiscussed(db: Db, actor: string, data: unknown, now: Date): Promise<DiscussedResult> {
  const parsed = parseCardAction(data, { meetingId: z.string().regex(/^[a-z0-9-]{2,40}:\d{4}-\d{2}:[0-9a-f-]{20,40}$/), discussedOn: z.string().trim().max(10).optional() });
  if (!parsed) return { kind: 'invalid' };
  const reminder = await findReminder(db, parsed.meetingId);
  if (!reminder) return { kind: 'not_found' };
  if (reminder.manager !== actor.trim().toLowerCase()) return { kind: 'not_allowed' };
  if (reminder.discussedOn) return { kind: 'already', reminder };
  const day = parsed.discussedOn ?? '';
  const today = calendarDateIn(now, SCHEDULE_TIME_ZONE);
  const todayKey = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  const earliest = new Date(reminder.remindedAt.getTime() - 60 * 24 * 60 * 60_000).toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isRealDate(day) || day > todayKey || day < earliest) return { kind: 'invalid_date', reminder };
  // A single writer per reminder (its manager); a double click writes the same day twice, harmlessly.
  await collection(db).updateOne({ _id: reminder._id, discussedOn: null }, { $set: { discussedOn: day, discussedAt: now } });
  const stored = (await findReminder(db, reminder._id)) ?? reminder;
  return { kind: 'recorded', reminder: stored };
}

/** How many managers of the organisation were reminded this period and how many discussed it. */
export async function meetingCoverage(db: Db, organisation: Organisation, at: Date): Promise<{ period: string; reminded: number; discussed: number } | undefined> {
  if (!organisation.integrityMeetings) return undefined;
  const period = meetingPeriod(organisation.integrityMeetings, at);
  const [reminded, discussed] = await Promise.all([
    collection(db).countDocuments({ orgId: organisation.id, period: period.key }),
    collection(db).countDocuments({ orgId: organisation.id, period: period.key, discussedOn: { $ne: null } }),
  ]);
  return { period: period.key, reminded, discussed };
}

/** Coverage over a calendar year (every period that started in it), for the yearly report. */
export async function yearlyMeetingCoverage(db: Db, orgId: string, year: number): Promise<{ reminded: number; discussed: number; periods: number }> {
  const reminders = await collection(db).find({ orgId, period: { $gte: `${year}-`, $lt: `${year + 1}-` } }).toArray();
  return { reminded: reminders.length, discussed: reminders.filter((reminder) => reminder.discussedOn).length, periods: new Set(reminders.map((reminder) => reminder.period)).size };
}

export function dilemmaById(id: string) {
  return dilemmas.find((dilemma) => dilemma.id === id);
}

/** What the manager's click gets back: the card with the date, the card with a message, or a refusal. */
export async function discussedReply(
  services: { db: Db; directory: { organisation(orgId: string): Promise<Organisation | undefined>; person(id: string): Promise<Person | undefined> } },
  requester: { aadObjectId: string; lang: 'nl' | 'en' },
  data: unknown,
  now: Date,
): Promise<Reply> {
  const { lang } = requester;
  const text = (nl: string, en: string): Reply => ({ kind: 'text', text: lang === 'nl' ? nl : en });
  const result = await recordDiscussed(services.db, requester.aadObjectId, data, now);
  if (result.kind === 'invalid') return text('Deze actie kan ik niet verwerken.', 'I cannot process this action.');
  if (result.kind === 'not_found') return text('Deze herinnering kan ik niet vinden.', 'I cannot find this reminder.');
  if (result.kind === 'not_allowed') return text('Alleen de leidinggevende voor wie deze herinnering is, kan dit vastleggen. Er is niets veranderd.', 'Only the manager this reminder is for can record this. Nothing has changed.');
  if (!('reminder' in result)) return text('Deze actie kan ik niet verwerken.', 'I cannot process this action.');
  const reminder = result.reminder;
  const [organisation, manager] = await Promise.all([services.directory.organisation(reminder.orgId), services.directory.person(reminder.manager)]);
  const dilemma = dilemmaById(reminder.dilemmaId);
  if (!organisation || !dilemma) return text('Deze herinnering kan ik niet vinden.', 'I cannot find this reminder.');
  const view = { reminder, dilemma, organisation, managerName: manager?.name ?? '', now };
  if (result.kind === 'invalid_date') {
    return { kind: 'card', card: meetingReminderCard(view, lang, lang === 'nl' ? 'Kies een echte datum, niet in de toekomst, van het overleg waarin jullie het bespraken.' : 'Choose a real date, not in the future, of the meeting in which you discussed it.') };
  }
  return { kind: 'card', card: meetingDiscussedCard(view, lang) };
}
