import type { AdaptiveCard } from '../cards/adaptiveCard.js';

/** What a person reads: a card (with an optional line of text above it) or plain text. */
export type MessageContent = { kind: 'card'; card: AdaptiveCard; text?: string } | { kind: 'text'; text: string };

/** A message that Teams delivered: enough to update it in place later. */
export interface DeliveredMessage {
  activityId: string;
  conversationId: string;
}

/** A card about a record, rendered for its recipient at the moment it is delivered. */
export interface RecordView {
  recordId: string;
  reason: string;
  /** The record's version the message is about: delivery waits until the record has reached it. */
  atVersion: number;
}

/**
 * One message to one person, stored first and delivered by the worker, so nobody's turn waits
 * for somebody else's delivery.
 *
 * - `send`: a new message; when a message was already delivered under `key`, that one is
 *   updated instead (a redelivery after a crash updates rather than duplicates).
 * - `update`: only updates the message delivered under `key`; nothing when there is none.
 * - `adopt`: remembers a message Teams already shows (the card the user clicked) under `key`,
 *   so later updates reach it.
 * - `refresh`: updates every message delivered about `recordId`, each rendered for its reader.
 */
export type OutgoingMessage =
  | { mode: 'send' | 'update'; to: string; key: string; purpose: string; content: MessageContent; recordId?: string; orgId?: string }
  | { mode: 'send' | 'update'; to: string; key: string; purpose: string; view: RecordView; recordId: string; orgId?: string }
  | { mode: 'adopt'; to: string; key: string; purpose: string; message: DeliveredMessage; recordId?: string; orgId?: string }
  | { mode: 'refresh'; recordId: string; atVersion: number; purpose: string; orgId?: string };

/** What a renderer says: the content, nothing (the reader may not see it), or "the record is not there yet". */
export type Rendered = MessageContent | undefined | 'not_yet';

/** Where the domain leaves its messages; the delivery worker takes them from there. */
export interface Outbox {
  enqueue(messages: OutgoingMessage[]): Promise<void>;
}
