import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { SideJobRecord } from '../../src/sidejobs/index.js';
import type { TestBot, TestUser } from '../support/bot.js';
import { cardInvoke, cardText, expectValidCard } from '../gifts/support.js';

/** Demo people from src/organisations/<id>/demo-people.csv, by the part they play in the chains. */
export const people = {
  velsen: {
    employee: { aadObjectId: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' },
    manager: { aadObjectId: '00000000-0000-0000-0000-0000000000021', name: 'Megan Bowen' },
    hr: { aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance' },
    departmentManager: { aadObjectId: '00000000-0000-0000-0000-0000000000023', name: 'Isaiah Langer' },
    secretary: { aadObjectId: 'c3000000-0000-4000-8000-000000000001', name: 'Marloes Visser' },
    colleague: { aadObjectId: 'c3000000-0000-4000-8000-000000000002', name: 'Sanne de Wit' },
  },
  werksaam: {
    employee: { aadObjectId: 'd4000000-0000-4000-8000-000000000004', name: 'Dennis Hoekstra' },
    manager: { aadObjectId: 'd4000000-0000-4000-8000-000000000003', name: 'Saskia Groen' },
    hr: { aadObjectId: 'd4000000-0000-4000-8000-000000000006', name: 'Nicole Prins' },
    integrity: { aadObjectId: 'd4000000-0000-4000-8000-000000000007', name: 'Frank Schipper' },
    chair: { aadObjectId: 'd4000000-0000-4000-8000-000000000011', name: 'Jolanda Smit' },
    boardMember: { aadObjectId: 'd4000000-0000-4000-8000-000000000012', name: 'Gerard Bakker' },
    colleague: { aadObjectId: 'd4000000-0000-4000-8000-000000000005', name: 'Ilse Vink' },
    buyer: { aadObjectId: 'd4000000-0000-4000-8000-000000000010', name: 'Paul Zwart' },
  },
  heerde: {
    employee: { aadObjectId: 'b2000000-0000-4000-8000-000000000004', name: 'Jeroen Boer' },
    manager: { aadObjectId: 'b2000000-0000-4000-8000-000000000003', name: 'Noor Bos' },
    hr: { aadObjectId: 'b2000000-0000-4000-8000-000000000006', name: 'Maarten Dekker' },
    alderman: { aadObjectId: 'b2000000-0000-4000-8000-000000000011', name: 'Hendrik Mulder' },
    mayor: { aadObjectId: 'b2000000-0000-4000-8000-000000000012', name: 'Anja de Vries' },
  },
  heemskerk: {
    employee: { aadObjectId: 'a1000000-0000-4000-8000-000000000004', name: 'Lotte Vermeulen' },
    manager: { aadObjectId: 'a1000000-0000-4000-8000-000000000003', name: 'Tom Verbeek' },
    hr: { aadObjectId: 'a1000000-0000-4000-8000-000000000006', name: 'Evelien Kok' },
    integrity: { aadObjectId: 'a1000000-0000-4000-8000-000000000007', name: 'Gerrit Postma' },
  },
} satisfies Record<string, Record<string, TestUser>>;

/** A valid side-job form as Teams would send it: every value a string, plus the card's formId. */
export function sideJobData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    formId: randomUUID(),
    activity: 'Trainer jeugdvoetbal',
    organisation: 'VV De Zouaven',
    role: 'Trainer JO13',
    paid: 'no',
    hoursPerWeek: '4',
    duringWorkingHours: 'no',
    startDate: '2026-04-01',
    endDate: '',
    relationToEmployer: 'none',
    withinRegion: 'yes',
    ownAssessment: 'Het is vrijwilligerswerk in mijn vrije tijd en heeft niets met mijn werk te maken.',
    ...overrides,
  };
}

export function sideJobReference(card: unknown): string {
  const match = /\b[A-Z]{2,5}-N-\d{4}-\d{4}\b/.exec(cardText(card));
  if (!match) throw new Error('no side-job reference in card');
  return match[0];
}

export const records = (bot: TestBot) => bot.app.database.db.collection<SideJobRecord>('workflowRecords');
export const byReference = async (bot: TestBot, reference: string) => (await records(bot).findOne({ reference }))!;

/** A card action by a user; the answer must be a valid card or a message. */
export async function act(bot: TestBot, user: TestUser, verb: string, data: Record<string, unknown>, replyToId?: string) {
  const response = await bot.invoke(cardInvoke(bot, user, verb, data, replyToId));
  expect(response.status).toBe(200);
  if (response.body.type === 'application/vnd.microsoft.card.adaptive') expectValidCard(response.body.value);
  return response.body as { type: string; value: any };
}

/** Submits a valid side job and returns the owner's card and reference. */
export async function submitSideJob(bot: TestBot, user: TestUser, overrides: Record<string, unknown> = {}, replyToId?: string) {
  const body = await act(bot, user, 'sidejob.submit', sideJobData(overrides), replyToId);
  await bot.settle();
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  const reference = sideJobReference(body.value);
  return { card: body.value, reference, record: await byReference(bot, reference) };
}

/** Cards that reached a user proactively, newest last. */
export const cardsIn = (bot: TestBot, user: TestUser): any[] =>
  bot.connector
    .sentTo(bot.conversationOf(user))
    .map((activity) => activity.attachments?.[0]?.content)
    .filter(Boolean);

export const textsTo = (bot: TestBot, user: TestUser): string[] => bot.connector.sentTo(bot.conversationOf(user)).flatMap((activity) => (activity.text ? [activity.text] : []));
