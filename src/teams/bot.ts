import { Application, TeamsAdapter, TurnState, type DefaultConversationState } from '@microsoft/teams-ai';
import { ActivityTypes, type ConfigurationBotFrameworkAuthenticationOptions, type Request } from 'botbuilder';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';
import type { AppConfig } from '../config/env.js';
import type { Directory } from '../directory/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../storage/database.js';
import { HandledActivities } from '../storage/handledActivities.js';
import { MongoStorage } from '../storage/mongoStorage.js';
import { refuseUnauthenticatedRequests } from './authentication.js';
import { activityTypeForLog, answerFailedTurn, answerTooLong, answerUnhandledInvoke } from './fallback.js';
import { capturedAnswer, refusal, type HttpAnswer } from './httpAnswer.js';
import { MAX_MESSAGE_TEXT_LENGTH, parseInboundActivity, rememberInbound, serviceUrlPolicy } from './inbound.js';
import { registerConversationBasics } from './conversationBasics.js';
import { ConversationReferences } from './conversationReferences.js';
import { registerGifts } from './gifts.js';
import { TeamsMessenger, type Messenger } from './proactive.js';
import { registerQuestions } from './questions.js';
import { registerReferrals } from './referrals.js';
import { createWorkflows, registerRecords, type Workflows } from './records.js';

export interface BotServices {
  config: AppConfig;
  logger: Logger;
  database: Database;
  directory: Directory;
  knowledge: KnowledgeBase;
  /** Injected so reminders, deadlines and reference years can be tested with a controlled clock. */
  now: () => Date;
}

/** What every feature's Teams handlers receive: the services plus the Teams-side helpers. */
export interface FeatureContext extends BotServices {
  messenger: Messenger;
  references: ConversationReferences;
}

/** What the bot keeps per conversation between turns (in MongoDB, through MongoStorage). */
export type ConversationState = DefaultConversationState;

export type AppTurnState = TurnState<ConversationState>;
export type BotApplication = Application<AppTurnState>;

export interface Bot {
  app: BotApplication;
  adapter: TeamsAdapter;
  messenger: Messenger;
  /** The notification workflows; the reminder scheduler runs their deadlines. */
  workflows: Workflows;
  /** One activity from `POST /api/messages` (already read as JSON): parsed at the edge, then handled. */
  handle(body: unknown, headers: IncomingHttpHeaders): Promise<HttpAnswer>;
}

export function createAdapter(config: AppConfig): TeamsAdapter {
  const auth: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.BOT_ID ?? '',
    MicrosoftAppPassword: config.BOT_PASSWORD ?? '',
    MicrosoftAppType: config.BOT_TYPE,
    MicrosoftAppTenantId: config.BOT_TENANT_ID ?? '',
    ...(config.BOT_CERTIFICATE_THUMBPRINT && config.BOT_CERTIFICATE_PRIVATE_KEY_FILE
      ? {
          CertificateThumbprint: config.BOT_CERTIFICATE_THUMBPRINT,
          CertificatePrivateKey: readFileSync(config.BOT_CERTIFICATE_PRIVATE_KEY_FILE, 'utf8'),
        }
      : {}),
    // Overriding one endpoint makes botbuilder expect all of them, so the public-cloud values
    // are spelled out with only the signing-key metadata replaced.
    ...(config.BOT_OPENID_METADATA_URL
      ? {
          ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
        }
      : {}),
  };
  return refuseUnauthenticatedRequests(new TeamsAdapter(auth));
}

export function createBot(services: BotServices): Bot {
  const { config, logger, database } = services;
  const adapter = createAdapter(config);
  const app = new Application<AppTurnState>({
    adapter,
    turnStateFactory: () => new TurnState<ConversationState>(),
    botAppId: config.BOT_ID ?? '',
    storage: new MongoStorage(database.db),
    // Answers are fast; typing indicators would only add activities to expectReplies bodies.
    startTypingTimer: false,
    removeRecipientMention: true,
  });

  const references = new ConversationReferences(database.db);
  const messenger = new TeamsMessenger(adapter, config.BOT_ID ?? '', references, logger);
  const handled = new HandledActivities(database.db);
  const feature: FeatureContext = { ...services, messenger, references };

  // A safety net only: `handle` catches a failed turn itself. Anything that still reaches the
  // adapter's error hook is answered the same way instead of becoming a 500 with its message.
  app.error(async (context, error) => answerFailedTurn(context, error, logger));

  registerConversationBasics(app, feature);
  const workflows = createWorkflows(feature);
  registerGifts(app, feature, workflows);
  registerRecords(app, feature, workflows);
  registerReferrals(app, feature);
  // Free-text questions are the catch-all, so they register last.
  registerQuestions(app, feature);

  const allowServiceUrl = serviceUrlPolicy(config);

  async function handle(body: unknown, headers: IncomingHttpHeaders): Promise<HttpAnswer> {
    const parsed = parseInboundActivity(body, allowServiceUrl);
    if (!parsed.ok) {
      logger.warn({ event: 'activity.refused', reason: parsed.reason, fields: parsed.fields }, 'malformed activity refused');
      return refusal(parsed);
    }
    const inbound = parsed.activity;
    const answer = capturedAnswer();
    const request = { method: 'POST', headers, body: inbound } as unknown as Request;
    await adapter.process(request, answer.response, async (context) => {
      const started = Date.now();
      rememberInbound(context, inbound);
      const log = logger.child({ requestId: inbound.id ?? 'none', activityType: activityTypeForLog(inbound) });
      // Invokes are made idempotent by the domain (idempotency keys, conditional updates) so a
      // redelivered card action can still be answered with the current card; everything else
      // is deduplicated here by activity id.
      const dedupe = inbound.type !== ActivityTypes.Invoke && inbound.id !== undefined;
      let claimed = false;
      try {
        if (dedupe) {
          claimed = await handled.claim(inbound.conversation.id, inbound.id!);
          if (!claimed) {
            log.info({ event: 'activity.duplicate' }, 'redelivered activity acknowledged without handling');
            return;
          }
        }
        // Length first: no route, pattern or handler ever sees an unbounded text.
        if (inbound.type === ActivityTypes.Message && (inbound.text?.length ?? 0) > MAX_MESSAGE_TEXT_LENGTH) {
          log.info({ event: 'message.too_long', length: inbound.text!.length }, 'message too long to route');
          await answerTooLong(context);
          return;
        }
        await references.rememberSender(inbound);
        await app.run(context);
        await answerUnhandledInvoke(context, log);
        log.info({ event: 'activity.handled', ms: Date.now() - started }, 'activity handled');
      } catch (error) {
        // Let a redelivery of this activity be handled: this attempt did not finish.
        if (claimed) await handled.release(inbound.conversation.id, inbound.id!).catch(() => undefined);
        await answerFailedTurn(context, error, log);
      }
    });
    return answer.result();
  }

  return { app, adapter, messenger, workflows, handle };
}

