import type { ConversationReference } from 'botbuilder';
import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from '../storage/database.js';

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

/** Where each tenant's Bot Connector was last seen (Teams gives one service URL per tenant's region). */
interface TenantEndpoint {
  /** The tenant id, or `*` for the last one seen in any tenant. */
  _id: string;
  serviceUrl: string;
  /** The bot's account as Teams addresses it in that tenant (e.g. `28:<app id>`). */
  botId: string;
  updatedAt: Date;
  schemaVersion: number;
}

export const tenantEndpointsCollection: CollectionDefinition = { name: 'tenantEndpoints', indexes: [] };

/** Any tenant, for a bot that serves one region: the fallback when a tenant was never seen. */
export const ANY_TENANT = '*';

/**
 * The personal-chat conversation reference per user, needed to message them proactively (a
 * manager's decision card, the employee's outcome). Stored as JSON text because references
 * carry keys we do not control.
 */
export class ConversationReferences {
  private readonly references: Collection<StoredReference>;
  /** Avoids a database write on every turn: only a changed reference is written. */
  private readonly lastSeen = new Map<string, string>();

  private readonly endpoints: Collection<TenantEndpoint>;
  private readonly endpointSeen = new Map<string, string>();

  constructor(db: Db) {
    this.references = db.collection<StoredReference>(conversationReferencesCollection.name);
    this.endpoints = db.collection<TenantEndpoint>(tenantEndpointsCollection.name);
  }

  /** Remembers the service URL a tenant's activities come from (only written when it changed). */
  async rememberTenant(tenantId: string, serviceUrl: string, botId: string): Promise<void> {
    for (const key of [tenantId.trim().toLowerCase(), ANY_TENANT]) {
      const fingerprint = `${serviceUrl}|${botId}`;
      if (this.endpointSeen.get(key) === fingerprint) continue;
      const write = () => this.endpoints.updateOne({ _id: key }, { $set: { serviceUrl, botId, updatedAt: new Date(), schemaVersion: SCHEMA_VERSION } }, { upsert: true });
      await write().catch(async (error: unknown) => {
        if (!isDuplicateKeyError(error)) throw error;
        await write();
      });
      if (this.endpointSeen.size > 1000) this.endpointSeen.clear();
      this.endpointSeen.set(key, fingerprint);
    }
  }

  /** The endpoint of the first of these tenants that was seen, else of any tenant. */
  async tenantEndpoint(tenantIds: readonly string[]): Promise<{ tenantId: string | undefined; serviceUrl: string; botId: string } | undefined> {
    for (const tenantId of tenantIds) {
      const found = await this.endpoints.findOne({ _id: tenantId.trim().toLowerCase() });
      if (found) return { tenantId: found._id, serviceUrl: found.serviceUrl, botId: found.botId };
    }
    const any = await this.endpoints.findOne({ _id: ANY_TENANT });
    return any ? { tenantId: undefined, serviceUrl: any.serviceUrl, botId: any.botId } : undefined;
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
