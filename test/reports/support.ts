import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { expect } from 'vitest';
import { reportVerbs, type ReportRecord } from '../../src/reports/index.js';
import { recordVerbs } from '../../src/workflow/index.js';
import { demoUsers, visibleText, type TestBot, type TestUser } from '../support/bot.js';
import { cardInvoke, cardText, expectValidCard, findById } from '../gifts/support.js';

export { cardInvoke, cardText, demoUsers, findById };

export const alex = demoUsers.employee;
export const megan = demoUsers.manager;
export const adele = demoUsers.hr;
export const isaiah = demoUsers.seniorManager;
export const patti = demoUsers.vertrouwenspersoonIntegriteit;
export const lynne = demoUsers.vertrouwenspersoonOngewenstGedrag;
export const sanne: TestUser = { aadObjectId: 'c3000000-0000-4000-8000-000000000002', name: 'Sanne de Wit' };

const KNOWN_VERBS = new Set<string>([...Object.values(reportVerbs), ...Object.values(recordVerbs)]);

/** Card JSON as a client receives it: Adaptive Card 1.5, labelled inputs, only our verbs. */
export const expectValidReportCard = (card: any): void => expectValidCard(card, KNOWN_VERBS);

/** Every Action.Execute of a card, wherever it sits (ActionSets in the body, or the card's actions). */
export function executeActions(card: unknown): { verb: string; title: string; data: Record<string, unknown> }[] {
  const found: { verb: string; title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, any>;
    if (element.type === 'Action.Execute') found.push({ verb: element.verb, title: element.title, data: element.data ?? {} });
    Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}

export const choicesOf = (card: unknown, id: string): string[] => (findById(card, id)?.choices ?? []).map((choice: { value: string }) => choice.value);

export interface ReportInput {
  category?: string;
  subcategory?: string;
  managerInvolved?: 'yes' | 'no';
  recipient?: string;
  contactOnly?: 'yes' | 'no';
  description?: string;
  identity?: 'named' | 'confidential';
}

export function reportData(input: ReportInput = {}, formId: string = randomUUID()): Record<string, unknown> {
  return {
    formId,
    category: 'unwanted_behaviour',
    subcategory: 'bullying',
    managerInvolved: 'yes',
    recipient: 'vertrouwenspersoon_ongewenst_gedrag',
    contactOnly: 'no',
    description: 'Mijn teamleider scheldt me uit in het teamoverleg.',
    identity: 'confidential',
    ...input,
  };
}

/** The invoke body of an Action.Execute: the card, or a text. */
export async function execute(bot: TestBot, user: TestUser, verb: string, data: Record<string, unknown>): Promise<{ card?: any; text?: string }> {
  const response = await bot.invoke(cardInvoke(bot, user, verb, data));
  expect(response.status).toBe(200);
  return response.body.type === 'application/vnd.microsoft.card.adaptive' ? { card: response.body.value } : { text: response.body.value };
}

export async function submitReport(bot: TestBot, user: TestUser, input: ReportInput = {}): Promise<{ card: any; reference: string; record: ReportRecord }> {
  const { card } = await execute(bot, user, reportVerbs.submit, reportData(input));
  await bot.settle();
  expectValidReportCard(card);
  const match = /\b[A-Z]{2,5}-M-\d{4}-\d{4}\b/.exec(cardText(card));
  if (!match) throw new Error(`no report reference in: ${cardText(card).slice(0, 300)}`);
  const record = (await bot.app.database.db.collection<ReportRecord>('workflowRecords').findOne({ reference: match[0] }))!;
  return { card, reference: match[0], record };
}

export const recordOf = (bot: TestBot, id: string) => bot.app.database.db.collection<ReportRecord>('workflowRecords').findOne({ _id: id }) as Promise<ReportRecord>;

/** Cards and texts that reached a user proactively, as visible text, oldest first. */
export function proactiveTexts(bot: TestBot, user: TestUser): string[] {
  const conversation = bot.conversationOf(user);
  return bot.connector.calls.filter((call) => call.conversationId === conversation).map((call) => visibleText([call.activity]));
}

export function lastCardTo(bot: TestBot, user: TestUser): any {
  return bot.connector.sentTo(bot.conversationOf(user)).map((activity: Partial<Activity>) => activity.attachments?.[0]?.content).filter(Boolean).at(-1);
}

/** A message typed by the user, or a Submit button with data, answered in the HTTP body. */
export async function say(bot: TestBot, user: TestUser, text: string): Promise<string> {
  return repliesText(await bot.send(bot.message(text, user)));
}

export async function press(bot: TestBot, user: TestUser, value: Record<string, unknown>): Promise<string> {
  return repliesText(await bot.send({ ...bot.message('', user), text: undefined, value }));
}

const repliesText = (replies: Partial<Activity>[]): string => visibleText(replies);
