import { randomUUID } from 'node:crypto';

/**
 * Bot Framework activities as Teams sends them, for the bench's load and round-trip counts.
 * Every activity gets a fresh id: a repeated id is a redelivery, which the bot acknowledges
 * without handling and would flatter the figures.
 */
export interface BenchUser {
  aadObjectId: string;
}

export const DUTCH_QUESTION = 'Mag ik een cadeaubon van 25 euro van een inwoner houden?';

/** The questions a load run cycles through: several topics, so retrieval is not one cached path. */
export const DUTCH_QUESTIONS = [
  DUTCH_QUESTION,
  'Mag ik een etentje van een leverancier aannemen?',
  'Wat moet ik doen met een kerstpakket van een aannemer?',
  'Moet ik mijn nevenwerkzaamheden melden?',
  'Bij wie kan ik terecht met een vermoeden van een misstand?',
  'Mag ik gemeentelijke spullen voor privé gebruiken?',
];

export function conversationOf(user: BenchUser): string {
  return `a:bench-${user.aadObjectId}`;
}

export function baseActivity(user: BenchUser, serviceUrl: string): Record<string, unknown> {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    locale: 'nl-NL',
    from: { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId },
    recipient: { id: '28:integriteitsassistent', name: 'Integriteitsassistent' },
    conversation: { id: conversationOf(user), conversationType: 'personal', isGroup: false },
    channelData: { tenant: { id: '0000feed-0000-4000-8000-000000000000' } },
  };
}

export function messageActivity(user: BenchUser, serviceUrl: string, text: string): Record<string, unknown> {
  return { ...baseActivity(user, serviceUrl), type: 'message', text, deliveryMode: 'expectReplies' };
}

export function cardActionActivity(user: BenchUser, serviceUrl: string, verb: string, data: Record<string, unknown>): Record<string, unknown> {
  return {
    ...baseActivity(user, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    replyToId: `card-${randomUUID()}`,
  };
}

/** A valid gift form as the card sends it (every value a string), with a fresh formId unless given. */
export function giftForm(now: Date, formId: string = randomUUID()): Record<string, unknown> {
  return {
    formId,
    description: 'Kerstpakket met wijn en kaas',
    giver: 'Bouwbedrijf De Vries',
    giverRelation: 'supplier_or_contractor',
    kind: 'gift',
    valueEur: '35',
    receivedOn: now.toISOString().slice(0, 10),
    deliveredAtHome: 'no',
    negotiationsOngoing: 'no',
    expectsSomethingInReturn: 'no',
  };
}

// A series passes 9999 in a long run (the soak files about ten thousand): four digits or more.
export const GIFT_REFERENCE = /\b[A-Z]{2,5}-G-\d{4}-\d{4,}\b/;
