import type { CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import { TurnContext as Turn } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { DeliveredMessage, MessageContent, Transport, TransportResult } from '../delivery/index.js';
import type { Logger } from '../logging/logger.js';
import { messageActivity } from './cards/attachment.js';
import type { ConversationReferences } from './conversationReferences.js';
import type { GraphAppInstaller } from './graph.js';

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

export interface TeamsTransportOptions {
  adapter: CloudAdapter;
  botAppId: string;
  references: ConversationReferences;
  /** The tenants a person may be reached in (their organisation's), most likely first. */
  tenantsOf(aadObjectId: string): Promise<string[]>;
  /** The Bot Connector for tenants never seen (e.g. https://smba.trafficmanager.net/emea/). */
  defaultServiceUrl?: string;
  /** Installs the app for a person through Microsoft Graph when opening the chat fails; optional. */
  installer?: GraphAppInstaller;
  logger: Logger;
}

/**
 * Proactive messages through the Bot Connector. A person with a stored personal chat is written
 * there; anyone else gets a personal chat created the way Teams allows (createConversation with
 * their Entra object id and tenant, at the service URL last seen for their tenant), after the app
 * is installed for them through Graph when that is configured. Only when all that fails is the
 * person unreachable (a permanent failure, which the delivery worker reports).
 *
 * Each call is one attempt: the delivery worker decides about retries from the result. Errors are
 * caught inside the turn callback because the adapter would otherwise hand them to the
 * application's error handler, which swallows them (a 429 would look like success).
 */
export class TeamsTransport implements Transport {
  constructor(private readonly options: TeamsTransportOptions) {}

  async send(to: string, content: MessageContent): Promise<TransportResult> {
    const result = await this.withReference(to, (reference) => this.sendTo(reference, content));
    // 404: the chat is gone (the app was removed and added again): open a new one.
    if (result && (result.ok || result.status !== 404)) return result;
    return this.reach(to, content);
  }

  async update(to: string, message: DeliveredMessage, content: MessageContent): Promise<TransportResult> {
    const result = await this.withReference(to, async (stored) => {
      const reference: Partial<ConversationReference> = { ...stored, conversation: { ...stored.conversation!, id: message.conversationId } };
      const failure = await this.attempt(reference, async (context) => {
        await context.updateActivity({ ...messageActivity(content), id: message.activityId, conversation: reference.conversation });
      });
      return failure ?? { ok: true, message };
    });
    return result ?? { ok: false, permanent: true, reason: 'no_conversation' };
  }

  /**
   * Uses the person's reference (this process's copy while it is fresh). When Teams says the chat
   * is gone (403, 404), the copy may predate a new chat that another instance stored meanwhile:
   * the stored reference is read again and, when it names another chat, used once more.
   * Undefined: no reference is stored for the person.
   */
  private async withReference(to: string, use: (reference: Partial<ConversationReference>) => Promise<TransportResult>): Promise<TransportResult | undefined> {
    const { references } = this.options;
    const reference = await references.find(to);
    if (!reference) return undefined;
    const result = await use(reference);
    if (result.ok || (result.status !== 403 && result.status !== 404)) return result;
    const stored = await references.find(to, { fresh: true });
    return stored && !sameChat(stored, reference) ? use(stored) : result;
  }

  private async sendTo(reference: Partial<ConversationReference>, content: MessageContent): Promise<TransportResult> {
    let sent: DeliveredMessage | undefined;
    const failure = await this.attempt(reference, async (context) => {
      const response = await context.sendActivity(messageActivity(content));
      sent = { activityId: response?.id ?? '', conversationId: reference.conversation?.id ?? '' };
    });
    return failure ?? (sent ? { ok: true, message: sent } : { ok: false, permanent: false, reason: 'no_response' });
  }

  /** Opens the person's personal chat and sends the message there. */
  private async reach(to: string, content: MessageContent): Promise<TransportResult> {
    const { references, logger } = this.options;
    const tenants = await this.options.tenantsOf(to);
    const endpoint = await references.tenantEndpoint(tenants);
    const serviceUrl = endpoint?.tenantId ? endpoint.serviceUrl : (this.options.defaultServiceUrl ?? endpoint?.serviceUrl);
    const tenantId = endpoint?.tenantId ?? tenants[0];
    if (!serviceUrl || !tenantId) {
      logger.warn({ event: 'delivery.unreachable', reason: 'no_service_url' }, 'no Bot Connector known for the person’s tenant');
      return { ok: false, permanent: true, reason: 'no_service_url' };
    }
    const botId = endpoint?.botId ?? (this.options.botAppId ? `28:${this.options.botAppId}` : '');
    let result = await this.createAndSend(to, tenantId, serviceUrl, botId, content);
    if (!result.ok && this.options.installer && (result.status === 403 || result.status === 404)) {
      // Not installed for the person (no setup policy): install it, then the chat can be opened.
      const installed = await this.options.installer.install(to, tenantId);
      if (installed !== 'failed') result = await this.createAndSend(to, tenantId, serviceUrl, botId, content);
    }
    if (result.ok) logger.info({ event: 'delivery.conversation_created' }, 'personal chat opened for a person who had not written to the bot');
    else logger.warn({ event: 'delivery.unreachable', reason: result.reason, status: result.status ?? null }, 'could not open a personal chat');
    return result;
  }

  private async createAndSend(to: string, tenantId: string, serviceUrl: string, botId: string, content: MessageContent): Promise<TransportResult> {
    const parameters = {
      isGroup: false,
      bot: { id: botId, name: '' },
      // Teams accepts the Entra object id as the member id for a personal chat.
      members: [{ id: to, aadObjectId: to, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as unknown as ConversationParameters;
    let sent: DeliveredMessage | undefined;
    let caught: unknown;
    try {
      await this.options.adapter.createConversationAsync(this.options.botAppId, 'msteams', serviceUrl, AuthenticationConstants.ToChannelFromBotOAuthScope, parameters, async (context) => {
        try {
          const reference: Partial<ConversationReference> = { ...Turn.getConversationReference(context.activity), user: { id: to, name: '', aadObjectId: to } };
          reference.conversation = { ...reference.conversation!, conversationType: 'personal', tenantId };
          await this.options.references.remember(to, reference);
          const response = await context.sendActivity(messageActivity(content));
          sent = { activityId: response?.id ?? '', conversationId: reference.conversation.id };
        } catch (error) {
          caught = error;
        }
      });
    } catch (error) {
      caught = error;
    }
    if (caught !== undefined) return failureOf(caught);
    return sent ? { ok: true, message: sent } : { ok: false, permanent: false, reason: 'no_response' };
  }

  private async attempt(reference: Partial<ConversationReference>, work: (context: TurnContext) => Promise<void>): Promise<TransportResult | undefined> {
    let caught: unknown;
    try {
      await this.options.adapter.continueConversationAsync(this.options.botAppId, reference, async (context) => {
        try {
          await work(context);
        } catch (error) {
          caught = error;
        }
      });
    } catch (error) {
      caught = error;
    }
    return caught === undefined ? undefined : failureOf(caught);
  }
}

function sameChat(a: Partial<ConversationReference>, b: Partial<ConversationReference>): boolean {
  return a.serviceUrl === b.serviceUrl && a.conversation?.id === b.conversation?.id;
}

function failureOf(caught: unknown): TransportResult & { ok: false } {
  const status = statusOf(caught);
  const retryAfterMs = retryAfterOf(caught);
  return {
    ok: false,
    // 403: the person blocked the bot or it is not installed for them; 404: unknown conversation or person.
    permanent: status === 403 || status === 404 || (status !== undefined && status < 500 && !RETRYABLE.has(status)),
    ...(status !== undefined ? { status } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    reason: status === undefined ? 'network' : `http_${status}`,
  };
}

function statusOf(error: unknown): number | undefined {
  const candidate = error as { statusCode?: number; status?: number; response?: { status?: number } };
  const status = candidate?.statusCode ?? candidate?.status ?? candidate?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Retry-After in seconds (or an HTTP date), bounded so a hostile value cannot park a message for days. */
function retryAfterOf(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined | null } } })?.response?.headers;
  const raw = headers?.get?.('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(raw) - Date.now();
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 10 * 60_000) : undefined;
}
