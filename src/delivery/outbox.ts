import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from '../storage/database.js';
import { messagesOnceCollection } from './once.js';
import { pacingCollections } from './pacing.js';
import type { DeliveredMessage, MessageContent, Outbox, OutgoingMessage } from './types.js';

export const OUTBOX = 'outbox';
export const DELIVERIES = 'deliveries';
export const OUTBOX_CLAIMS = 'outboxClaims';
/** Messages given up on (the reader cannot be reached, or Teams kept refusing): for the digest and operators. */
export const UNDELIVERED = 'undeliveredMessages';

/** `sent` is only found in outboxes of earlier releases: a delivered message now leaves the outbox. */
export type OutboxStatus = 'pending' | 'sent' | 'undeliverable' | 'dead';
export type UndeliveredStatus = Extract<OutboxStatus, 'undeliverable' | 'dead'>;

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

/**
 * A message still to be delivered. The outbox holds nothing else: a delivered message is deleted
 * and one given up on moves to `undeliveredMessages`, so the query for due messages (which
 * FerretDB's SQLite handler answers by reading every document of the collection) stays as small
 * as the work waiting.
 */
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
  { name: UNDELIVERED, indexes: [{ key: { updatedAt: 1 }, name: 'updatedAt' }] },
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
  private readonly undelivered: Collection<OutboxDocument>;
  private readonly claims: Collection<{ _id: string; at: Date; schemaVersion: number }>;

  constructor(db: Db) {
    this.outbox = db.collection<OutboxDocument>(OUTBOX);
    this.deliveries = db.collection<DeliveryDocument>(DELIVERIES);
    this.undelivered = db.collection<OutboxDocument>(UNDELIVERED);
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
  async lease(document: OutboxDocument, now: Date, leaseMs: number): Promise<OutboxDocument | undefined> {
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
      return undefined;
    }
    const leased = { lease: generation, leaseUntil: new Date(now.getTime() + leaseMs), attempts: document.attempts + 1, updatedAt: now };
    await this.outbox.updateOne({ _id: document._id }, { $set: leased });
    return { ...document, ...leased };
  }

  /**
   * Delivered, or nothing (left) to deliver: the message leaves the outbox. A worker that dies
   * before this delete leaves it to be taken again when its lease runs out; the key it was
   * delivered under (`deliveries`) then makes that an update of the same message, as before.
   */
  async done(id: string): Promise<void> {
    await this.outbox.deleteOne({ _id: id });
  }

  /** Given up on: kept apart (same `_id`, so doing this twice keeps one) for the digest, and out of the outbox. */
  async giveUp(document: OutboxDocument, status: UndeliveredStatus, now: Date, lastError: string): Promise<void> {
    await this.undelivered.insertOne({ ...document, status, leaseUntil: null, updatedAt: now, lastError }).catch((error: unknown) => {
      if (!isDuplicateKeyError(error)) throw error;
    });
    await this.outbox.deleteOne({ _id: document._id });
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

  /**
   * Leases are only needed for a while; an explicit delete works on every server. Also moves out
   * what outboxes of earlier releases kept of finished messages.
   */
  async prune(now: Date, keepMs: number): Promise<void> {
    await this.claims.deleteMany({ at: { $lt: new Date(now.getTime() - keepMs) } });
    await this.outbox.deleteMany({ status: 'sent' });
    for (const document of await this.outbox.find({ status: { $in: ['undeliverable', 'dead'] } }).toArray()) {
      await this.giveUp(document, document.status as UndeliveredStatus, document.updatedAt, document.lastError ?? document.status);
    }
  }
}
