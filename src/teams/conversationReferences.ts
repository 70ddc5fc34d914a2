import type { ConversationReference } from 'botbuilder';
import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, type CollectionDefinition } from '../storage/database.js';

interface StoredReference {
  /** The user's aadObjectId: proactive messages are addressed to people, not conversations. */
  _id: string;
  reference: string;
  serviceUrl: string;
  conversationId: string;
  updatedAt: Date;
  schemaVersion: number;
}

export const conversationReferencesCollection: CollectionDefinition = { name: 'conversationReferences', indexes: [] };

/**
 * The personal-chat conversation reference per user, needed to message them proactively (a
 * manager's decision card, the employee's outcome). Stored as JSON text because references
 * carry keys we do not control.
 */
export class ConversationReferences {
  private readonly references: Collection<StoredReference>;
  /** Avoids a database write on every turn: only a changed reference is written. */
  private readonly lastSeen = new Map<string, string>();

  constructor(db: Db) {
    this.references = db.collection<StoredReference>(conversationReferencesCollection.name);
  }

  async remember(aadObjectId: string, reference: Partial<ConversationReference>): Promise<void> {
    const serviceUrl = reference.serviceUrl ?? '';
    const conversationId = reference.conversation?.id ?? '';
    const fingerprint = `${serviceUrl}|${conversationId}`;
    if (this.lastSeen.get(aadObjectId) === fingerprint) return;
    await this.references.updateOne(
      { _id: aadObjectId },
      { $set: { reference: JSON.stringify(reference), serviceUrl, conversationId, updatedAt: new Date(), schemaVersion: SCHEMA_VERSION } },
      { upsert: true },
    );
    if (this.lastSeen.size > 10_000) this.lastSeen.clear();
    this.lastSeen.set(aadObjectId, fingerprint);
  }

  async find(aadObjectId: string): Promise<Partial<ConversationReference> | undefined> {
    const stored = await this.references.findOne({ _id: aadObjectId });
    return stored ? (JSON.parse(stored.reference) as Partial<ConversationReference>) : undefined;
  }
}
