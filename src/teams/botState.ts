import { TurnState } from '@microsoft/teams-ai/lib/TurnState.js';
import type { Storage, StoreItems, TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from '../storage/database.js';
import { WriteClaims } from '../storage/writeClaims.js';

interface StoredState {
  _id: string;
  /**
   * State is kept as JSON text: bot state may hold keys with '.' or '$' and nested arrays,
   * which FerretDB (and Cosmos DB in places) refuse as document fields.
   */
  json: string;
  eTag: string;
  schemaVersion: number;
  updatedAt: Date;
}

export const botStateCollection: CollectionDefinition = { name: 'botState', indexes: [] };

/** The scopes teams-ai would read from and write to storage every turn. */
const STORED_SCOPES = ['conversation', 'user'] as const;

/**
 * teams-ai turn state that touches storage only for activities that keep state between turns.
 * teams-ai reads the conversation and user state before every turn (one round trip) and writes
 * what changed after it; this bot keeps nothing there (a record's progress lives in the record, a
 * form carries its own values), so for every other activity both scopes start empty and nothing
 * is read or written. Should a handler change them anyway, the turn fails loudly instead of
 * writing state it never read over what is stored: name such activities in `keepsState`.
 */
export class OnDemandTurnState<TConversationState = Record<string, unknown>> extends TurnState<TConversationState> {
  private stored = false;

  constructor(private readonly keepsState: (context: TurnContext) => boolean) {
    super();
  }

  override async load(context: TurnContext, storage?: Storage): Promise<boolean> {
    this.stored = storage !== undefined && this.keepsState(context);
    return super.load(context, this.stored ? storage : undefined);
  }

  override async save(context: TurnContext, storage?: Storage): Promise<void> {
    if (this.stored) return super.save(context, storage);
    const changed = STORED_SCOPES.filter((scope) => this.getScope(scope)?.hasChanged || this.getScope(scope)?.isDeleted);
    if (changed.length > 0) throw new Error(`turn state changed (${changed.join(', ')}) in a turn that keeps no state`);
  }
}

/**
 * botbuilder `Storage` on MongoDB with optimistic concurrency, used as teams-ai's turn-state
 * storage. A write carrying a stale eTag throws an error whose message contains "eTag conflict"
 * (teams-ai and botbuilder match on that text); `*` or no eTag overwrites.
 */
export class MongoStorage implements Storage {
  private readonly states: Collection<StoredState>;
  private readonly claims: WriteClaims;

  constructor(db: Db) {
    this.states = db.collection<StoredState>(botStateCollection.name);
    this.claims = new WriteClaims(db);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const found = await this.states.find({ _id: { $in: keys } }).toArray();
    const items: StoreItems = {};
    for (const doc of found) {
      items[doc._id] = { ...(JSON.parse(doc.json) as object), eTag: doc.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeOne(key, item as Record<string, unknown>)));
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.states.deleteMany({ _id: { $in: keys } });
  }

  private async writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag: expected, ...state } = item ?? {};
    const next = { json: JSON.stringify(state), eTag: randomUUID(), schemaVersion: SCHEMA_VERSION, updatedAt: new Date() };
    if (expected === undefined || expected === null || expected === '*') {
      await this.states.updateOne({ _id: key }, { $set: next }, { upsert: true });
      return;
    }
    if (await this.claims.compareAndSet(this.states, key, 'eTag', String(expected), { $set: next })) return;
    // No match: either the item changed since it was read (conflict) or it never existed.
    // Creating it is right only if nobody else has meanwhile; the unique _id decides that.
    const exists = await this.states.countDocuments({ _id: key }, { limit: 1 });
    if (exists === 0) {
      try {
        await this.states.insertOne({ _id: key, ...next });
        return;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}
