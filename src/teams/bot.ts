import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import {
  ActivityTypes,
  TurnContext,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Request,
  type Response,
} from 'botbuilder';
import { readFileSync } from 'node:fs';
import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';
import type { AppConfig } from '../config/env.js';
import type { Logger } from '../logging/logger.js';
import { HandledActivities } from '../storage/handledActivities.js';
import { MongoStorage } from './botState.js';
import { refuseUnauthenticatedRequests } from './authentication.js';
import { registerConversationBasics } from './conversationBasics.js';
import type { AppTurnState, BotApplication, BotServices, ConversationState, FeatureContext } from './context.js';
import { ConversationReferences } from './conversationReferences.js';
import { registerAnnualReport } from './annualReport.js';
import { registerMeetings } from './meetings.js';
import { registerQuestions } from './questions.js';
import { registerRecords } from './records.js';
import { registerReferrals } from './referrals.js';
import { registerWorkflowModules } from './workflows.js';

export interface Bot {
  app: BotApplication;
  adapter: TeamsAdapter;
  /** Where proactive messages go: the personal chat each person last used. */
  references: ConversationReferences;
  handle(req: Request, res: Response): Promise<void>;
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

  app.error(async (context, error) => {
    // Error messages can quote input (validation errors, driver errors with values), so only
    // the error's type and stack frames are logged.
    const frames = (error.stack ?? '').split('\n').slice(1, 8).join('\n');
    logger.error({ event: 'turn.error', err: { name: error.name, frames }, activityType: context.activity.type }, 'turn failed');
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity(
        context.activity.locale?.toLowerCase().startsWith('en')
          ? 'Sorry, something went wrong on my side. Your message was not lost; please try again in a moment.'
          : 'Sorry, er ging aan mijn kant iets mis. Je bericht is niet verloren; probeer het zo nog eens.',
      );
    }
  });

  registerConversationBasics(app, feature);
  registerWorkflowModules(app, feature, services.workflows.modules);
  registerRecords(app, feature, services.workflows.engine, services.workflows.modules);
  registerReferrals(app, feature);
  registerMeetings(app, feature);
  registerAnnualReport(app, feature);
  // Free-text questions are the catch-all, so they register last.
  registerQuestions(app, feature);

  async function handle(req: Request, res: Response): Promise<void> {
    await adapter.process(req, res, async (context) => {
      const started = Date.now();
      const activity = context.activity;
      const log = logger.child({ requestId: activity.id ?? 'none', activityType: activity.type });
      // Invokes are made idempotent by the domain (idempotency keys, conditional updates) so a
      // redelivered card action can still be answered with the current card; everything else
      // is deduplicated here by activity id.
      const dedupe = activity.type !== ActivityTypes.Invoke && Boolean(activity.id && activity.conversation?.id);
      if (dedupe && !(await handled.claim(activity.conversation.id, activity.id!))) {
        log.info({ event: 'activity.duplicate' }, 'redelivered activity acknowledged without handling');
        return;
      }
      try {
        await rememberReference(context, references);
        await app.run(context);
        log.info({ event: 'activity.handled', ms: Date.now() - started }, 'activity handled');
      } catch (error) {
        if (dedupe) await handled.release(activity.conversation.id, activity.id!).catch(() => undefined);
        throw error;
      }
    });
  }

  return { app, adapter, references, handle };
}

async function rememberReference(context: TurnContext, references: ConversationReferences): Promise<void> {
  const activity = context.activity;
  // The tenant's service URL, to open a personal chat later with someone who never wrote to the bot.
  const tenantId = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (typeof tenantId === 'string' && tenantId && activity.serviceUrl && activity.recipient?.id) await references.rememberTenant(tenantId, activity.serviceUrl, activity.recipient.id);
  const aadObjectId = activity.from?.aadObjectId;
  const conversationType = activity.conversation?.conversationType;
  // Only personal chats: a proactive card about a notification must never land in a channel.
  if (!aadObjectId || (conversationType && conversationType !== 'personal')) return;
  await references.remember(aadObjectId, TurnContext.getConversationReference(activity));
}
