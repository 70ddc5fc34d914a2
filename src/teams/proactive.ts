import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import type { ConversationReferences } from './conversationReferences.js';

export interface SentMessage {
  activityId: string;
  conversationId: string;
}

/** What domain modules may ask of Teams without knowing about it: message a person, update that message. */
export interface Messenger {
  /** Undefined when the person has no personal chat with the bot yet (app not installed). */
  sendToUser(aadObjectId: string, activity: Partial<Activity>): Promise<SentMessage | undefined>;
  updateForUser(aadObjectId: string, message: SentMessage, activity: Partial<Activity>): Promise<boolean>;
}

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

/**
 * Proactive messages through the Bot Connector at the stored serviceUrl. Teams throttles per
 * thread, so 429 and transient errors are retried with the server's Retry-After or a jittered
 * backoff; a blocked bot (403) is reported as "not delivered" rather than thrown.
 */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly references: ConversationReferences,
    private readonly logger: Logger,
    private readonly maxAttempts = 4,
  ) {}

  async sendToUser(aadObjectId: string, activity: Partial<Activity>): Promise<SentMessage | undefined> {
    const reference = await this.references.find(aadObjectId);
    if (!reference) {
      this.logger.warn({ event: 'proactive.no_reference' }, 'recipient has no conversation with the bot');
      return undefined;
    }
    let sent: SentMessage | undefined;
    const delivered = await this.withRetry('send', () =>
      this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        const response = await context.sendActivity(activity);
        sent = { activityId: response?.id ?? '', conversationId: reference.conversation?.id ?? '' };
      }),
    );
    return delivered ? sent : undefined;
  }

  async updateForUser(aadObjectId: string, message: SentMessage, activity: Partial<Activity>): Promise<boolean> {
    const stored = await this.references.find(aadObjectId);
    if (!stored) return false;
    const reference: Partial<ConversationReference> = { ...stored, conversation: { ...stored.conversation!, id: message.conversationId } };
    return this.withRetry('update', () =>
      this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        await context.updateActivity({ ...activity, id: message.activityId, type: 'message', conversation: reference.conversation });
      }),
    );
  }

  private async withRetry(operation: string, attempt: () => Promise<void>): Promise<boolean> {
    for (let tries = 1; ; tries += 1) {
      try {
        await attempt();
        return true;
      } catch (error) {
        const status = statusOf(error);
        if (status === 403) {
          this.logger.warn({ event: `proactive.${operation}.blocked`, status }, 'recipient blocked the bot');
          return false;
        }
        if (!status || !RETRYABLE.has(status) || tries >= this.maxAttempts) {
          this.logger.error({ event: `proactive.${operation}.failed`, status, tries }, 'proactive message failed');
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs(error, tries)));
      }
    }
  }
}

function statusOf(error: unknown): number | undefined {
  const candidate = error as { statusCode?: number; status?: number; response?: { status?: number } };
  return candidate?.statusCode ?? candidate?.status ?? candidate?.response?.status;
}

function retryDelayMs(error: unknown, tries: number): number {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } })?.response?.headers;
  const retryAfter = Number(headers?.get?.('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, 30_000);
  return Math.min(250 * 2 ** tries, 8000) * (0.5 + Math.random() / 2);
}
