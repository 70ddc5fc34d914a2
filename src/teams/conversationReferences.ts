import type { ConversationReference } from 'botbuilder';
import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, upsertRetryingOnce, type CollectionDefinition } from '../storage/database.js';
import { ExpiringCache } from '../storage/expiringCache.js';
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
 * How long a person's reference, as this process last read or wrote it, stands for the stored
 * one: this to one and a half times this (spread, so people seen together are not all checked
 * again together). Within it a turn from the same chat costs no round trip, and neither does a
 * proactive message to the person (the delivery worker reads the reference to choose the
 * reader's language and again to send); after it the next use reads the database again, which
 * is how a reference changed behind this process's back (another instance, a repair) reaches
 * this one. A minute covers a conversation's back-and-forth and a burst of cards to one person.
 */
export const REFERENCE_CHECK_INTERVAL_MS = 60_000;
const REFERENCE_CHECK_JITTER = 0.5;
const REFERENCE_CACHE_ENTRIES = 10_000;

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
  /**
   * Person → their stored reference as this process last read or wrote it (never a person
   * without one: they are reached by opening a chat, which stores one).
   */
  private readonly known: ExpiringCache<string, KnownReference>;

  private readonly endpoints: Collection<TenantEndpoint>;
  private readonly endpointSeen = new Map<string, string>();

  constructor(db: Db, options: { now?: () => number } = {}) {
    this.references = db.collection<StoredReference>(conversationReferencesCollection.name);
    this.known = new ExpiringCache({ maxEntries: REFERENCE_CACHE_ENTRIES, ttlMs: REFERENCE_CHECK_INTERVAL_MS, jitter: REFERENCE_CHECK_JITTER, ...options });
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
   * document unless this process read or wrote the same values for this person within the check
   * interval (`REFERENCE_CHECK_INTERVAL_MS`, spread up to half as long again), so a reference that
   * went wrong anywhere is repaired by the person's first message after that (at once for anyone
   * this process has not just seen).
   */
  private async store(aadObjectId: string, reference: Partial<ConversationReference>): Promise<void> {
    // Defence in depth: the id is a query key, so it is checked again here whatever the caller did.
    // The cache is keyed by the same checked id: a turn only ever skips the comparison for its own sender.
    const id = aadObjectIdSchema.parse(aadObjectId);
    const serviceUrl = reference.serviceUrl ?? '';
    const conversationId = reference.conversation?.id ?? '';
    const current = fingerprint(serviceUrl, conversationId);
    if (this.known.get(id)?.fingerprint === current) return;
    const stored = await this.references.findOne({ _id: id });
    if (stored && fingerprint(stored.serviceUrl, stored.conversationId) === current) {
      this.known.set(id, { json: stored.reference, fingerprint: current });
      return;
    }
    const json = JSON.stringify(reference);
    // Two first turns of a new user at once (the Playground sends installationUpdate and
    // conversationUpdate together) make two upserts of the same new document.
    await upsertRetryingOnce(() =>
      this.references.updateOne({ _id: id }, { $set: { reference: json, serviceUrl, conversationId, updatedAt: new Date(), schemaVersion: SCHEMA_VERSION } }, { upsert: true }),
    );
    this.known.set(id, { json, fingerprint: current });
  }

  /**
   * The person's personal-chat reference: this process's copy while it is fresh, else (and with
   * `fresh`, when a send through the copy failed) the stored one.
   */
  async find(aadObjectId: string, options: { fresh?: boolean } = {}): Promise<Partial<ConversationReference> | undefined> {
    const id = aadObjectIdSchema.safeParse(aadObjectId);
    if (!id.success) return undefined;
    let known = options.fresh ? undefined : this.known.get(id.data);
    if (!known) {
      const stored = await this.references.findOne({ _id: id.data });
      if (!stored) {
        this.known.delete(id.data);
        return undefined;
      }
      known = { json: stored.reference, fingerprint: fingerprint(stored.serviceUrl, stored.conversationId) };
      this.known.set(id.data, known);
    }
    // Parsed per use: no caller can change the copy another one gets.
    return JSON.parse(known.json) as Partial<ConversationReference>;
  }
}

interface KnownReference {
  /** The reference as stored (JSON text). */
  json: string;
  fingerprint: string;
}

function fingerprint(serviceUrl: string, conversationId: string): string {
  return `${serviceUrl}\n${conversationId}`;
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
