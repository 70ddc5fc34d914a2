import type { ConversationReference } from 'botbuilder';
import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, upsertRetryingOnce, type CollectionDefinition } from '../storage/database.js';
import { aadObjectIdSchema, type InboundActivity } from './inbound.js';

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
 *
 * A reference is only ever stored for the sender of a validated inbound activity, under the
 * sender's own aadObjectId, so one person's messages can never redirect another person's cards.
 */
export class ConversationReferences {
  private readonly references: Collection<StoredReference>;

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
      await upsertRetryingOnce(() => this.endpoints.updateOne({ _id: key }, { $set: { serviceUrl, botId, updatedAt: new Date(), schemaVersion: SCHEMA_VERSION } }, { upsert: true }));
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

  /**
   * Stores the reference of the sender's personal chat. Other conversation types are skipped: a
   * proactive card about a notification must never land in a channel or group chat.
   */
  async rememberSender(activity: InboundActivity): Promise<void> {
    const aadObjectId = activity.from.aadObjectId;
    const conversationType = activity.conversation.conversationType;
    // The tenant's service URL, to open a personal chat later with someone who never wrote to the bot.
    const tenantId = activity.channelData?.tenant?.id ?? activity.conversation.tenantId;
    if (tenantId) await this.rememberTenant(tenantId, activity.serviceUrl, activity.recipient.id);
    if (!aadObjectId || (conversationType && conversationType !== 'personal')) return;
    await this.store(aadObjectId, senderReference(activity));
  }

  /**
   * Stores the reference of a personal chat the bot opened itself (createConversation) for that
   * person; an inbound activity goes through `rememberSender`, which takes the id from the sender.
   */
  async remember(aadObjectId: string, reference: Partial<ConversationReference>): Promise<void> {
    await this.store(aadObjectId, reference);
  }

  /**
   * Written only when the serviceUrl or conversation changed. The comparison reads the stored
   * document every turn (no in-process cache), so a reference that went wrong anywhere is
   * repaired by the person's very next message.
   */
  private async store(aadObjectId: string, reference: Partial<ConversationReference>): Promise<void> {
    // Defence in depth: the id is a query key, so it is checked again here whatever the caller did.
    const id = aadObjectIdSchema.parse(aadObjectId);
    const serviceUrl = reference.serviceUrl ?? '';
    const conversationId = reference.conversation?.id ?? '';
    const stored = await this.references.findOne({ _id: id }, { projection: { serviceUrl: 1, conversationId: 1 } });
    if (stored && stored.serviceUrl === serviceUrl && stored.conversationId === conversationId) return;
    // Two first turns of a new user at once (the Playground sends installationUpdate and
    // conversationUpdate together) make two upserts of the same new document.
    await upsertRetryingOnce(() =>
      this.references.updateOne(
        { _id: id },
        { $set: { reference: JSON.stringify(reference), serviceUrl, conversationId, updatedAt: new Date(), schemaVersion: SCHEMA_VERSION } },
        { upsert: true },
      ),
    );
  }

  async find(aadObjectId: string): Promise<Partial<ConversationReference> | undefined> {
    const id = aadObjectIdSchema.safeParse(aadObjectId);
    if (!id.success) return undefined;
    const stored = await this.references.findOne({ _id: id.data });
    return stored ? (JSON.parse(stored.reference) as Partial<ConversationReference>) : undefined;
  }
}

/**
 * The reference botbuilder needs to continue the conversation, built from validated fields only
 * (what `TurnContext.getConversationReference` would take from the raw activity).
 */
function senderReference(activity: InboundActivity): Partial<ConversationReference> {
  return {
    activityId: activity.id,
    user: { id: activity.from.id, name: activity.from.name ?? '', ...(activity.from.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}) },
    bot: { id: activity.recipient.id, name: activity.recipient.name ?? '' },
    conversation: {
      id: activity.conversation.id,
      isGroup: activity.conversation.isGroup ?? false,
      conversationType: activity.conversation.conversationType ?? 'personal',
      name: activity.conversation.name ?? '',
      ...(activity.conversation.tenantId ? { tenantId: activity.conversation.tenantId } : {}),
    },
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}
