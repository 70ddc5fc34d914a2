import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type ConfigurationBotFrameworkAuthenticationOptions, type Request } from 'botbuilder';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';
import type { AppConfig } from '../config/env.js';
import type { Logger } from '../logging/logger.js';
import { HandledActivities } from '../storage/handledActivities.js';
import { MongoStorage } from './botState.js';
import { isAuthenticated, refuseUnauthenticatedRequests } from './authentication.js';
import { activityTypeForLog, answerFailedTurn, answerTooLong, answerUnhandledInvoke } from './fallback.js';
import { capturedAnswer, httpErrors, refusal, type HttpAnswer } from './httpAnswer.js';
import { MAX_MESSAGE_TEXT_LENGTH, parseInboundActivity, rememberInbound, serviceUrlPolicy } from './inbound.js';
import { registerConversationBasics } from './conversationBasics.js';
import type { AppTurnState, BotApplication, BotServices, ConversationState, FeatureContext } from './context.js';
import { ConversationReferences } from './conversationReferences.js';
import { registerAnnualReport } from './annualReport.js';
import { registerMeetings } from './meetings.js';
import { registerQuestions } from './questions.js';
import { registerRecords } from './records.js';
import { registerWorkflowModules } from './workflows.js';

export interface Bot {
  app: BotApplication;
  adapter: TeamsAdapter;
  /** Where proactive messages go: the personal chat each person last used. */
  references: ConversationReferences;
  /** What the handlers work with; the HTTP routes besides /api/messages use it too. */
  services: BotServices;
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
  const handled = new HandledActivities(database.db);
  const feature: FeatureContext = { ...services, references };

  // A safety net only: `handle` catches a failed turn itself. Anything that still reaches the
  // adapter's error hook is answered the same way instead of becoming a 500 with its message.
  app.error(async (context, error) => answerFailedTurn(context, error, logger));

  registerConversationBasics(app, feature);
  registerWorkflowModules(app, feature, services.workflows.modules);
  registerRecords(app, feature, services.workflows.engine, services.workflows.modules);
  registerMeetings(app, feature);
  registerAnnualReport(app, feature);
  // Free-text questions are the catch-all, so they register last.
  registerQuestions(app, feature);

  const allowServiceUrl = serviceUrlPolicy(config);

  async function handle(body: unknown, headers: IncomingHttpHeaders): Promise<HttpAnswer> {
    if (config.BOT_ID && !(await isAuthenticated(adapter, body, String(headers.authorization ?? '')))) {
      return { status: 401, body: httpErrors.unauthorized() };
    }
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

  return { app, adapter, references, services, handle };
}

