// teams-ai by file: its index also loads the AI half (planners, models, the openai client, the
// GPT tokenizers), about 25 MB of RSS a bot without a language model never uses (src/teams/model.ts
// loads it when a model is configured). The package has no exports map, so these paths are public.
import { Application } from '@microsoft/teams-ai/lib/Application.js';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import { ActivityTypes, type Activity, type ConfigurationBotFrameworkAuthenticationOptions, type InvokeResponse, type TurnContext } from 'botbuilder';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { AuthenticationConstants, AuthenticationError } from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';
import type { AppConfig } from '../config/env.js';
import { errorFields, type Logger } from '../logging/logger.js';
import { HandledActivities } from '../storage/handledActivities.js';
import { MongoStorage, OnDemandTurnState } from './botState.js';
import { isAuthenticated, refuseUnauthenticatedRequests } from './authentication.js';
import { reuseConnectorClients } from './connectorClients.js';
import { activityTypeForLog, answerFailedTurn, answerTooLong, answerUnhandledInvoke } from './fallback.js';
import { adapterAnswer, httpErrors, refusal, type HttpAnswer } from './httpAnswer.js';
import { MAX_MESSAGE_TEXT_LENGTH, parseInboundActivity, rememberInbound, serviceUrlPolicy } from './inbound.js';
import { resolveCaller } from './caller.js';
import { registerConversationBasics } from './conversationBasics.js';
import type { AppTurnState, BotApplication, BotServices, ConversationState, FeatureContext } from './context.js';
import { ConversationReferences } from './conversationReferences.js';
import { registerAnnualReport } from './annualReport.js';
import { registerMeetings } from './meetings.js';
import { registerQuestions } from './questions.js';
import { registerRecords } from './records.js';
import { RedeliveryGuard } from './redelivery.js';
import { registerWorkflowModules } from './workflows.js';

export interface Bot {
  app: BotApplication;
  adapter: BotAdapter;
  /** Where proactive messages go: the personal chat each person last used. */
  references: ConversationReferences;
  /** What the handlers work with; the HTTP routes besides /api/messages use it too. */
  services: BotServices;
  /** One activity from `POST /api/messages` (already read as JSON): parsed at the edge, then handled. */
  handle(body: unknown, headers: IncomingHttpHeaders): Promise<HttpAnswer>;
}

/** The Bot Framework settings of the adapter, from the configuration. */
export function adapterSettings(config: AppConfig): ConfigurationBotFrameworkAuthenticationOptions {
  return {
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
}

/**
 * teams-ai's TeamsAdapter, entered with an activity the edge has parsed already: CloudAdapter's
 * `process(req, res, logic)` would validate it again (building zod schemas for every request) and
 * write to a response object; `processActivity`, which it calls, is the turn itself.
 */
export class BotAdapter extends TeamsAdapter {
  turn(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** The adapter with our settings, refusing unauthenticated requests with a 401 and reusing its HTTP clients across turns. */
export function createAdapter(config: AppConfig): BotAdapter {
  const adapter = new BotAdapter(adapterSettings(config));
  refuseUnauthenticatedRequests(reuseConnectorClients(adapter));
  return adapter;
}

/**
 * Activities whose handlers keep teams-ai conversation or user state between turns: none. Every
 * other turn neither reads nor writes the botState collection (see OnDemandTurnState).
 */
const keepsTurnState = (): boolean => false;

export function createBot(services: BotServices): Bot {
  const { config, logger, database } = services;
  const adapter = createAdapter(config);
  const app = new Application<AppTurnState>({
    adapter,
    turnStateFactory: () => new OnDemandTurnState<ConversationState>(keepsTurnState),
    botAppId: config.BOT_ID ?? '',
    storage: new MongoStorage(database.db),
    // Answers are fast; typing indicators would only add activities to expectReplies bodies.
    startTypingTimer: false,
    removeRecipientMention: true,
  });

  const references = new ConversationReferences(database.db, { now: () => services.now().getTime() });
  const redelivery = new RedeliveryGuard(new HandledActivities(database.db));
  const feature: FeatureContext = { ...services, references, redelivery };

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
    const activity = withDates(inbound as unknown as Activity);
    const logic = async (context: TurnContext) => {
      const started = Date.now();
      rememberInbound(context, inbound);
      const log = logger.child({ requestId: inbound.id ?? 'none', activityType: activityTypeForLog(inbound) });
      try {
        // Length first: no route, pattern or handler ever sees an unbounded text.
        if (inbound.type === ActivityTypes.Message && (inbound.text?.length ?? 0) > MAX_MESSAGE_TEXT_LENGTH) {
          log.info({ event: 'message.too_long', length: inbound.text!.length }, 'message too long to route');
          await answerTooLong(context);
          return;
        }
        // No redelivery claim here: a turn that only reads and answers needs none, and a handler
        // whose effect a redelivery would repeat claims the activity itself (RedeliveryGuard).
        // The caller is looked up while the reference is checked: for someone not seen in a while
        // both read the database, and the turn waits for the slower one, not for both in a row.
        const caller = resolveCaller(context, services.directory, config.DEFAULT_ORG);
        caller.catch(() => undefined); // a handler that needs the caller asks again and handles the failure
        await references.rememberSender(inbound);
        await app.run(context);
        await answerUnhandledInvoke(context, log);
        log.info({ event: 'activity.handled', ms: Date.now() - started }, 'activity handled');
      } catch (error) {
        // Let a redelivery of this activity be handled: this attempt did not finish.
        await redelivery.releaseIfClaimed(context).catch(() => undefined);
        await answerFailedTurn(context, error, log);
      }
    };
    try {
      const response = await adapter.turn(authorizationOf(headers), activity, logic);
      return adapterAnswer(response?.status ?? 200, response?.body);
    } catch (error) {
      // Before the turn ran (authentication, the connector): as CloudAdapter answers, with fixed texts.
      logger.warn({ event: 'activity.adapter_failed', err: errorFields(error) }, 'adapter refused or failed the activity');
      return adapterAnswer(error instanceof AuthenticationError ? 401 : 500, undefined);
    }
  }

  return { app, adapter, references, services, handle };
}

/** The Authorization header as the adapter reads it ('' when absent). */
function authorizationOf(headers: IncomingHttpHeaders): string {
  return typeof headers.authorization === 'string' ? headers.authorization : '';
}

/** What botbuilder's `validateAndFixActivity` does before a turn: timestamps as dates, the strings kept as raw*. */
function withDates(activity: Activity): Activity {
  const fields = activity as Activity & Record<'timestamp' | 'expiration' | 'localTimestamp' | 'rawTimestamp' | 'rawExpiration' | 'rawLocalTimestamp', unknown>;
  if (typeof fields.timestamp === 'string') {
    fields.rawTimestamp = fields.timestamp;
    activity.timestamp = new Date(fields.timestamp);
  }
  if (typeof fields.expiration === 'string') {
    fields.rawExpiration = fields.expiration;
    activity.expiration = new Date(fields.expiration);
  }
  if (typeof fields.localTimestamp === 'string') {
    fields.rawLocalTimestamp = fields.localTimestamp;
    activity.localTimestamp = new Date(fields.localTimestamp);
  }
  return activity;
}
