import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, refusedAsDuplicates, type CollectionDefinition } from '../storage/database.js';
import { GroupedInserts } from '../storage/groupedInserts.js';
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
 * `onEnqueued` hands the stored messages to the local worker, which starts on them at once
 * instead of at its next poll, and without reading the outbox for them.
 *
 * A card to adopt (one Teams already shows) is not stored for the worker: remembering it is one
 * insert under its key, done here. Through the outbox it cost the worker an upsert and a delete
 * as well: two more writes, each holding FerretDB's one write lock.
 */
export class MongoOutbox implements Outbox {
  /** Messages of concurrent turns go to the database together (see GroupedInserts). */
  private readonly inserts: GroupedInserts<OutboxDocument>;
  private readonly adoptions: GroupedInserts<DeliveryDocument>;
  onEnqueued: (documents: readonly OutboxDocument[]) => void = () => undefined;

  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.inserts = new GroupedInserts(db.collection<OutboxDocument>(OUTBOX));
    this.adoptions = new GroupedInserts(db.collection<DeliveryDocument>(DELIVERIES));
  }

  async enqueue(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const now = this.now();
    const adopted = messages.flatMap((message) => (message.mode === 'adopt' ? [{ ...adoptedCard(message, now), schemaVersion: SCHEMA_VERSION }] : []));
    const documents: OutboxDocument[] = messages.filter((message) => message.mode !== 'adopt').map((message) => ({
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
    }));
    // A key already taken is a card remembered before (a repeated click) or a delivery, which an adopted card never replaces.
    const remembered = Promise.all(
      adopted.map((document) =>
        this.adoptions.insert(document).catch((error: unknown) => {
          if (!isDuplicateKeyError(error)) throw error;
        }),
      ),
    );
    // A message about an adopted card waits until the card is remembered: another instance's
    // worker could otherwise take it first and find no card to update. Otherwise both go at once.
    if (messages.some((message) => aboutAdopted(message, adopted))) await remembered;
    await Promise.all([documents.length > 0 ? this.inserts.insertAll(documents) : undefined, remembered]);
    if (documents.length > 0) this.onEnqueued(documents);
  }
}

function aboutAdopted(message: OutgoingMessage, adopted: readonly DeliveryDocument[]): boolean {
  if (message.mode === 'adopt') return false;
  return adopted.some((card) => (message.mode === 'refresh' ? card.recordId === message.recordId : card._id === message.key));
}

/** The delivery an adopted card is remembered as: the card the user clicked, under its key. */
export function adoptedCard(message: Extract<OutgoingMessage, { mode: 'adopt' }>, at: Date): Omit<DeliveryDocument, 'schemaVersion'> {
  return { _id: message.key, to: message.to, kind: 'card', ...message.message, at, ...(message.recordId ? { recordId: message.recordId } : {}) };
}

/** What became of a leased message in one poll, written with the others when the poll ends. */
export type Outcome =
  /** Delivered, or nothing (left) to deliver: the message leaves the outbox. */
  | { id: string; kind: 'done' }
  /** Failed for now: tried again at `at`. */
  | { id: string; kind: 'retry'; at: Date; lastError: string }
  /** Waits for the send slot reserved for it under Teams' limits, keeping the slot for its next attempt. */
  | { id: string; kind: 'paced'; at: Date }
  /** Leased but not attempted (the worker stops, or its lease would run out first): free to take again at once. */
  | { id: string; kind: 'released'; attempts: number };

/** A delivery to remember under its key; an adopted one never replaces a delivery already remembered. */
export interface DeliveryWrite {
  delivery: Omit<DeliveryDocument, 'schemaVersion'>;
  adopted: boolean;
  /** A delivery was remembered under the key when the message was taken: this one replaces it. */
  replaces?: boolean;
}

/**
 * The worker's view of the stored outbox: due messages, leases, outcomes and delivered keys.
 * What a poll does to the outbox is written in one round trip per kind of write, whatever the
 * number of messages: one insert of every claim, one update of every lease, one write of every
 * outcome. Every write selects by `_id` (FerretDB's SQLite handler reads the whole collection for
 * any other filter, `$in` included).
 */
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

  /**
   * Pending messages whose time has come and whose lease (if any) has run out: those whose
   * reserved send turn has come first (they must go now or reserve again), then oldest first.
   */
  async due(now: Date, limit: number): Promise<OutboxDocument[]> {
    return this.outbox
      .find({ status: 'pending', nextAttemptAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] })
      // Missing sorts as null, below every date (MongoDB's order, FerretDB's too).
      .sort({ pacedFor: -1, createdAt: 1 })
      .limit(limit)
      .toArray();
  }

  /**
   * Takes due messages for one attempt each; returns those this worker holds, in their order.
   * Conditional updates are not atomic on FerretDB, so a lease is a unique insert of the message's
   * next generation (`<id>#<n>`): of two workers only one gets it. All claims of a poll are one
   * insert (a refused one is taken by another worker), then all leases one update. A worker that
   * dies mid-send leaves a lease that runs out; the next generation is then free.
   *
   * A worker can also die between its claims and recording the leases: a claim then exists while
   * the message still names the previous generation, and every later claim of that generation
   * would fail. A claim older than a lease is such an orphan; the message is moved past it, so the
   * next poll claims the generation after it.
   *
   * An adopted card needs no lease: remembering it is idempotent (it never replaces a delivery),
   * so two workers that both do it do the same once.
   */
  async lease(documents: readonly OutboxDocument[], now: Date, leaseMs: number): Promise<OutboxDocument[]> {
    const leasing = documents.filter((document) => document.message.mode !== 'adopt');
    let refused = new Set<number>();
    if (leasing.length > 0) {
      try {
        await this.claims.insertMany(
          leasing.map((document) => ({ _id: claimId(document), at: now, schemaVersion: SCHEMA_VERSION })),
          { ordered: false },
        );
      } catch (error) {
        refused = refusedAsDuplicates(error);
      }
    }
    const taken = new Map(leasing.filter((_, index) => !refused.has(index)).map((document) => [document._id, leased(document, now, leaseMs)] as const));
    await Promise.all([
      ...[...refused].map((index) => this.passOrphan(leasing[index]!, now, leaseMs)),
      taken.size > 0 ? this.outbox.bulkWrite([...taken.values()].map(({ _id, lease, leaseUntil, attempts, updatedAt }) => ({ updateOne: { filter: { _id }, update: { $set: { lease, leaseUntil, attempts, updatedAt } } } })), { ordered: false }) : undefined,
    ]);
    return documents.flatMap((document) => (document.message.mode === 'adopt' ? [{ ...document, attempts: document.attempts + 1 }] : (taken.get(document._id) ?? [])));
  }

  /** A claim refused: when it is older than a lease, its worker died before leasing, and the message moves past it. */
  private async passOrphan(document: OutboxDocument, now: Date, leaseMs: number): Promise<void> {
    const claim = await this.claims.findOne({ _id: claimId(document) });
    if (claim && claim.at.getTime() + leaseMs <= now.getTime()) {
      await this.outbox.updateOne({ _id: document._id, lease: document.lease }, { $set: { lease: document.lease + 1, updatedAt: now } });
    }
  }

  /**
   * Writes what became of a poll's messages, at once. A delivered message leaves the outbox here; a
   * worker that dies before this leaves it to be taken again when its lease runs out, and the key
   * it was delivered under (`deliveries`) then makes that an update of the same message.
   */
  async settle(outcomes: readonly Outcome[], now: Date): Promise<void> {
    if (outcomes.length === 0) return;
    await this.outbox.bulkWrite(
      outcomes.map((outcome) => {
        const filter = { _id: outcome.id };
        switch (outcome.kind) {
          case 'done':
            return { deleteOne: { filter } };
          case 'retry':
            return { updateOne: { filter, update: { $set: { nextAttemptAt: outcome.at, leaseUntil: null, updatedAt: now, lastError: outcome.lastError }, $unset: { pacedFor: '' } } } };
          case 'paced':
            return { updateOne: { filter, update: { $set: { nextAttemptAt: outcome.at, pacedFor: outcome.at, leaseUntil: null, updatedAt: now } } } };
          case 'released':
            return { updateOne: { filter, update: { $set: { leaseUntil: null, attempts: outcome.attempts, updatedAt: now } } } };
        }
      }),
      { ordered: false },
    );
  }

  /** Leaves the outbox at once (a message whose repeat would be a second message). */
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

  async delivered(key: string): Promise<DeliveryDocument | undefined> {
    return (await this.deliveries.findOne({ _id: key })) ?? undefined;
  }

  /**
   * Remembers deliveries under their keys. A key nothing was remembered under is an insert (an
   * upsert is a read and a write, and on FerretDB a read, decode and re-encode of the document). A key
   * taken meanwhile (another worker whose lease ran out, an adoption) refuses the insert: a
   * delivery is then written as an update, while an adopted card leaves the key as it is. A
   * delivery that replaces one is an update. One round trip each, the updates only when needed.
   */
  async remember(writes: readonly DeliveryWrite[]): Promise<void> {
    const inserted = writes.filter((write) => !write.replaces);
    let updated = writes.filter((write) => write.replaces);
    if (inserted.length > 0) {
      try {
        await this.deliveries.insertMany(
          inserted.map(({ delivery }) => ({ ...delivery, schemaVersion: SCHEMA_VERSION })),
          { ordered: false },
        );
      } catch (error) {
        updated = [...updated, ...[...refusedAsDuplicates(error)].map((index) => inserted[index]!).filter((write) => !write.adopted)];
      }
    }
    if (updated.length === 0) return;
    await this.deliveries.bulkWrite(
      updated.map(({ delivery: { _id, ...fields } }) => ({ updateOne: { filter: { _id }, update: { $set: { ...fields, schemaVersion: SCHEMA_VERSION } }, upsert: true } })),
      { ordered: false },
    );
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

function claimId(document: OutboxDocument): string {
  return `${document._id}#${document.lease + 1}`;
}

/** The message as leased: the next generation, until `now + leaseMs`, counting this attempt. */
function leased(document: OutboxDocument, now: Date, leaseMs: number): OutboxDocument {
  return { ...document, lease: document.lease + 1, leaseUntil: new Date(now.getTime() + leaseMs), attempts: document.attempts + 1, updatedAt: now };
}
