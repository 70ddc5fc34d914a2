import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { expect } from 'vitest';
import { giftVerbs } from '../../src/gifts/cards.js';
import { sideJobVerbs } from '../../src/sidejobs/cards.js';
import { financeVerbs } from '../../src/finance/cards.js';
import { recordVerbs } from '../../src/workflow/index.js';
import { demoUsers, type TestBot, type TestUser } from '../support/bot.js';

export { demoUsers };

export const KNOWN_VERBS = new Set<string>([...Object.values(giftVerbs), ...Object.values(sideJobVerbs), ...Object.values(financeVerbs), ...Object.values(recordVerbs)]);

/** A valid form as Teams would send it: every value a string, plus the card's formId. */
export function giftData(overrides: Record<string, unknown> = {}, now = new Date()): Record<string, unknown> {
  return {
    formId: randomUUID(),
    description: 'Kerstpakket met wijn en kaas',
    giver: 'Bouwbedrijf De Vries',
    giverRelation: 'supplier_or_contractor',
    kind: 'gift',
    valueEur: '35',
    receivedOn: now.toISOString().slice(0, 10),
    deliveredAtHome: 'no',
    negotiationsOngoing: 'no',
    expectsSomethingInReturn: 'no',
    ...overrides,
  };
}

export function cardInvoke(bot: TestBot, user: TestUser, verb: string, data: Record<string, unknown>, replyToId = `card-${randomUUID()}`): Partial<Activity> {
  return {
    ...bot.message('', user),
    text: undefined,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    replyToId,
  };
}

export async function submitGift(bot: TestBot, user: TestUser, data: Record<string, unknown>, replyToId?: string) {
  return bot.invoke(cardInvoke(bot, user, giftVerbs.submit, data, replyToId));
}

export async function decideGift(bot: TestBot, user: TestUser, giftId: string, decision: string, extra: Record<string, unknown> = {}) {
  return bot.invoke(cardInvoke(bot, user, giftVerbs.decide, { giftId, decision, ...extra }));
}

/** Card JSON the way a client receives it, checked against what Teams renders; only the feature's own verbs. */
export function expectValidCard(card: any, knownVerbs: ReadonlySet<string> = KNOWN_VERBS): void {
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(28 * 1024);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.')) {
      expect(typeof element.id === 'string' && element.id.length > 0, `input without id: ${JSON.stringify(element).slice(0, 80)}`).toBe(true);
      expect(typeof element.label === 'string' && element.label.length > 0, `input ${String(element.id)} without label`).toBe(true);
    }
    if (element.type === 'Action.Execute') expect(knownVerbs.has(String(element.verb)), `unknown verb ${String(element.verb)}`).toBe(true);
    Object.values(element).forEach(walk);
  };
  walk(card);
}

/** All visible text of a card. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'label']) if (typeof element[key] === 'string') parts.push(element[key] as string);
    Object.values(element).forEach(walk);
  };
  walk(card);
  return parts.join('\n');
}

export function findById(card: unknown, id: string): Record<string, any> | undefined {
  let found: Record<string, any> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const element = node as Record<string, any>;
    if (element.id === id) found = element;
    else Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}

export function referenceOf(card: unknown): string {
  const match = /\b[A-Z]{2,5}-G-\d{4}-\d{4}\b/.exec(cardText(card));
  if (!match) throw new Error('no reference number in card');
  return match[0];
}
