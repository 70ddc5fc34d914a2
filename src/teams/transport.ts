import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { DeliveredMessage, MessageContent, Transport, TransportResult } from '../delivery/index.js';
import { messageActivity } from './cards/attachment.js';
import type { ConversationReferences } from './conversationReferences.js';

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

/**
 * Proactive messages through the Bot Connector at the person's stored conversation. Each call is
 * one attempt: the delivery worker decides about retries from the result. Errors are caught
 * inside the turn callback because the adapter would otherwise hand them to the application's
 * error handler, which swallows them (a 429 would look like success).
 */
export class TeamsTransport implements Transport {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly references: ConversationReferences,
  ) {}

  async send(to: string, content: MessageContent): Promise<TransportResult> {
    const reference = await this.references.find(to);
    if (!reference) return { ok: false, permanent: true, reason: 'no_conversation' };
    let sent: DeliveredMessage | undefined;
    const failure = await this.attempt(reference, async (context) => {
      const response = await context.sendActivity(messageActivity(content));
      sent = { activityId: response?.id ?? '', conversationId: reference.conversation?.id ?? '' };
    });
    return failure ?? (sent ? { ok: true, message: sent } : { ok: false, permanent: false, reason: 'no_response' });
  }

  async update(to: string, message: DeliveredMessage, content: MessageContent): Promise<TransportResult> {
    const stored = await this.references.find(to);
    if (!stored) return { ok: false, permanent: true, reason: 'no_conversation' };
    const reference: Partial<ConversationReference> = { ...stored, conversation: { ...stored.conversation!, id: message.conversationId } };
    const failure = await this.attempt(reference, async (context) => {
      await context.updateActivity({ ...messageActivity(content), id: message.activityId, conversation: reference.conversation });
    });
    return failure ?? { ok: true, message };
  }

  private async attempt(reference: Partial<ConversationReference>, work: (context: TurnContext) => Promise<void>): Promise<TransportResult | undefined> {
    let caught: unknown;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        try {
          await work(context);
        } catch (error) {
          caught = error;
        }
      });
    } catch (error) {
      caught = error;
    }
    if (caught === undefined) return undefined;
    const status = statusOf(caught);
    const retryAfterMs = retryAfterOf(caught);
    return {
      ok: false,
      // 403: the person blocked the bot or it is not installed for them; 404: the conversation is gone.
      permanent: status === 403 || status === 404 || (status !== undefined && status < 500 && !RETRYABLE.has(status)),
      ...(status !== undefined ? { status } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      reason: status === undefined ? 'network' : `http_${status}`,
    };
  }
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
