import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from '../storage/database.js';
import { messagesOnceCollection } from './once.js';
import { pacingCollections } from './pacing.js';
import type { DeliveredMessage, MessageContent, Outbox, OutgoingMessage } from './types.js';

export const OUTBOX = 'outbox';
export const DELIVERIES = 'deliveries';
export const OUTBOX_CLAIMS = 'outboxClaims';

export type OutboxStatus = 'pending' | 'sent' | 'undeliverable' | 'dead';

type WithContent = Extract<OutgoingMessage, { content: MessageContent }>;

/**
 * A message as the outbox stores it. Content (a card drawn in advance, e.g. a yearly reminder)
 * is kept as JSON text: card JSON has `$schema`, a key FerretDB and Cosmos DB refuse in documents.
 */
export type StoredMessage = Exclude<OutgoingMessage, WithContent> | (Omit<WithContent, 'content'> & { contentJson: string });

export function toStored(message: OutgoingMessage): StoredMessage {
  if (!('content' in message)) return message;
  const { content, ...rest } = message;
  return { ...rest, contentJson: JSON.stringify(content) };
}

export function fromStored(message: StoredMessage): OutgoingMessage {
  if (!('contentJson' in message)) return message;
  const { contentJson, ...rest } = message;
  return { ...rest, content: JSON.parse(contentJson) as MessageContent };
}

export interface OutboxDocument {
  _id: string;
  message: StoredMessage;
  status: OutboxStatus;
  attempts: number;
  /** The lease generation last claimed; a claim is the unique insert `<id>#<lease>`. */
  lease: number;
  leaseUntil: Date | null;
  nextAttemptAt: Date;
  createdAt: Date;
  updatedAt: Date;
  /** The HTTP status or reason of the last failed attempt, for the digest and operators. */
  lastError?: string;
  /** A send slot reserved under Teams' limits that the message waits for (see Pacer). */
  pacedFor?: Date;
  schemaVersion: number;
}

/** A message Teams shows, under the key the domain gave it: later sends with that key update it. */
export interface DeliveryDocument extends DeliveredMessage {
  _id: string;
  to: string;
  recordId?: string;
  kind: 'card' | 'text';
  at: Date;
  schemaVersion: number;
}

export const deliveryCollections: CollectionDefinition[] = [
  {
    name: OUTBOX,
    indexes: [
      { key: { status: 1, nextAttemptAt: 1 }, name: 'status_nextAttemptAt' },
      { key: { createdAt: 1 }, name: 'createdAt' },
    ],
  },
  { name: DELIVERIES, indexes: [{ key: { recordId: 1 }, name: 'recordId' }] },
  { name: OUTBOX_CLAIMS, indexes: [{ key: { at: 1 }, name: 'at' }] },
  messagesOnceCollection,
  ...pacingCollections,
];

/**
 * The stored outbox. Enqueueing is one insert; the worker (same or another instance) delivers.
 * `onEnqueued` lets the local worker start at once instead of at its next poll.
 */
export class MongoOutbox implements Outbox {
  private readonly outbox: Collection<OutboxDocument>;
  onEnqueued: () => void = () => undefined;

  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.outbox = db.collection<OutboxDocument>(OUTBOX);
  }

  async enqueue(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const now = this.now();
    await this.outbox.insertMany(
      messages.map((message) => ({
        _id: randomUUID(),
        message: toStored(message),
        status: 'pending' as const,
        attempts: 0,
        lease: 0,
        leaseUntil: null,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
        schemaVersion: SCHEMA_VERSION,
      })),
    );
    this.onEnqueued();
  }
}

/** The worker's view of the stored outbox: due messages, leases, outcomes and delivered keys. */
export class OutboxStore {
  readonly outbox: Collection<OutboxDocument>;
  readonly deliveries: Collection<DeliveryDocument>;
  private readonly claims: Collection<{ _id: string; at: Date; schemaVersion: number }>;

  constructor(db: Db) {
    this.outbox = db.collection<OutboxDocument>(OUTBOX);
    this.deliveries = db.collection<DeliveryDocument>(DELIVERIES);
    this.claims = db.collection(OUTBOX_CLAIMS);
  }

  /** Pending messages whose time has come and whose lease (if any) has run out, oldest first. */
  async due(now: Date, limit: number): Promise<OutboxDocument[]> {
    return this.outbox
      .find({ status: 'pending', nextAttemptAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] })
      .sort({ createdAt: 1 })
      .limit(limit)
      .toArray();
  }

  /**
   * Takes the message for one attempt. Conditional updates are not atomic on FerretDB, so the
   * lease is a unique insert of the next generation: of two workers only one gets it. A worker
   * that dies mid-send leaves a lease that runs out; the next generation is then free.
   *
   * A worker can also die between its claim and recording the lease on the message: the claim
   * then exists while the message still names the previous generation, and every later claim of
   * that generation would fail. A claim older than a lease is such an orphan; the message is
   * moved past it, so the next poll claims the generation after it.
   */
  async lease(document: OutboxDocument, now: Date, leaseMs: number): Promise<boolean> {
    const generation = document.lease + 1;
    const claimId = `${document._id}#${generation}`;
    try {
      await this.claims.insertOne({ _id: claimId, at: now, schemaVersion: SCHEMA_VERSION });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const claim = await this.claims.findOne({ _id: claimId });
      if (claim && claim.at.getTime() + leaseMs <= now.getTime()) {
        await this.outbox.updateOne({ _id: document._id, lease: document.lease }, { $set: { lease: generation, updatedAt: now } });
      }
      return false;
    }
    await this.outbox.updateOne({ _id: document._id }, { $set: { lease: generation, leaseUntil: new Date(now.getTime() + leaseMs), attempts: document.attempts + 1, updatedAt: now } });
    return true;
  }

  async finish(id: string, status: Exclude<OutboxStatus, 'pending'>, now: Date, lastError?: string): Promise<void> {
    await this.outbox.updateOne({ _id: id }, { $set: { status, leaseUntil: null, updatedAt: now, ...(lastError ? { lastError } : {}) } });
  }

  async retryAt(id: string, at: Date, now: Date, lastError: string): Promise<void> {
    await this.outbox.updateOne({ _id: id }, { $set: { nextAttemptAt: at, leaseUntil: null, updatedAt: now, lastError }, $unset: { pacedFor: '' } });
  }

  /** Sends the message back until its reserved send slot, keeping the slot for the next attempt. */
  async pacedUntil(id: string, at: Date, now: Date): Promise<void> {
    await this.outbox.updateOne({ _id: id }, { $set: { nextAttemptAt: at, pacedFor: at, leaseUntil: null, updatedAt: now } });
  }

  async delivered(key: string): Promise<DeliveryDocument | undefined> {
    return (await this.deliveries.findOne({ _id: key })) ?? undefined;
  }

  async remember(delivery: Omit<DeliveryDocument, 'schemaVersion'>): Promise<void> {
    await this.deliveries.updateOne({ _id: delivery._id }, { $set: { ...delivery, schemaVersion: SCHEMA_VERSION } }, { upsert: true }).catch(async (error: unknown) => {
      // Two concurrent upserts of a new key: the loser's insert collides; update instead.
      if (!isDuplicateKeyError(error)) throw error;
      await this.deliveries.updateOne({ _id: delivery._id }, { $set: { ...delivery, schemaVersion: SCHEMA_VERSION } });
    });
  }

  async cardsAbout(recordId: string): Promise<DeliveryDocument[]> {
    return this.deliveries.find({ recordId, kind: 'card' }).toArray();
  }

  /** Leases and finished messages are only needed for a while; an explicit delete works on every server. */
  async prune(now: Date, keepMs: number): Promise<void> {
    const before = new Date(now.getTime() - keepMs);
    await this.claims.deleteMany({ at: { $lt: before } });
    await this.outbox.deleteMany({ status: 'sent', updatedAt: { $lt: before } });
  }
}
