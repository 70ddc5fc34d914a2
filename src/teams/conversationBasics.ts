import { ActivityTypes, type TurnContext } from 'botbuilder';
import { languageOf, localize } from '../i18n/index.js';
import { HandledActivities } from '../storage/handledActivities.js';
import type { BotApplication, FeatureContext } from './context.js';
import { resolveCaller } from './caller.js';
import { identityOf } from './inbound.js';
import { cardAttachment } from './cards/attachment.js';
import { helpCard, organisationChoiceCard, taskVerbs, welcomeCard } from './cards/welcome.js';
import { recordAnswerFeedback } from './feedback.js';

/**
 * Teams sends both installationUpdate and conversationUpdate when the app is installed, often
 * handled at the same moment; one welcome is enough, but a reinstall later deserves a new one.
 */
const WELCOME_WINDOW_MS = 60_000;

export const HELP_PATTERN = /^\s*(help|hulp|\?|menu|start)[\s.!?]*$/i;
const QUESTION_PROMPT = /^\s*(vraag stellen|ask a question)\s*$/i;

export function registerConversationBasics(app: BotApplication, feature: FeatureContext): void {
  const { directory, config } = feature;
  const handled = new HandledActivities(feature.database.db);

  /** What waits for the person, said at once; a failing count must not cost them the welcome. */
  async function awaitingCount(aadObjectId: string | undefined): Promise<number> {
    if (!aadObjectId) return 0;
    return feature.workflows.engine.countAwaiting(aadObjectId).catch(() => 0);
  }

  /**
   * Claimed in the database, not in turn state: the two install events are processed
   * concurrently, so both would read "not welcomed yet" from state. A welcome claims its
   * time window; one in the window before also counts, so events straddling a window
   * boundary still welcome once.
   */
  async function claimWelcome(conversationId: string): Promise<boolean> {
    const now = feature.now();
    const window = Math.floor(now.getTime() / WELCOME_WINDOW_MS);
    if (!(await handled.claim(conversationId, `welcome@${window}`, now))) return false;
    return !(await handled.wasClaimed(conversationId, `welcome@${window - 1}`));
  }

  async function sendWelcome(context: TurnContext): Promise<void> {
    if (!(await claimWelcome(context.activity.conversation.id))) return;
    const caller = await resolveCaller(context, directory, config.DEFAULT_ORG);
    await context.sendActivity({ attachments: [cardAttachment(welcomeCard(caller.lang, caller.organisation?.name, await awaitingCount(caller.aadObjectId)))] });
  }

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    // In a personal chat the user and the bot are both "added"; in a team only the bot's own
    // arrival warrants a welcome, not every new colleague.
    if (added.some((member) => member.id === botId) || context.activity.conversation?.conversationType === 'personal') {
      await sendWelcome(context);
    }
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = String(context.activity.action ?? 'add');
    if (action.startsWith('add')) await sendWelcome(context);
  });

  async function showHelp(context: TurnContext): Promise<void> {
    const caller = await resolveCaller(context, directory, config.DEFAULT_ORG);
    await context.sendActivity({ attachments: [cardAttachment(helpCard(caller.lang, await awaitingCount(caller.aadObjectId)))] });
  }

  app.message(HELP_PATTERN, async (context) => showHelp(context));
  app.adaptiveCards.actionSubmit(taskVerbs.help, async (context) => showHelp(context));

  async function promptForQuestion(context: TurnContext): Promise<void> {
    const caller = await resolveCaller(context, directory, config.DEFAULT_ORG);
    await context.sendActivity(
      localize(
        {
          nl: 'Typ je vraag over integriteit, bijvoorbeeld: "Mag ik een etentje van een leverancier aannemen?" Ik zoek het antwoord op in de regels van je organisatie.',
          en: 'Type your integrity question, for example: "May I accept a dinner from a supplier?" I will look up the answer in your organisation’s rules.',
        },
        caller.lang,
      ),
    );
  }

  app.message(QUESTION_PROMPT, async (context) => promptForQuestion(context));
  app.adaptiveCards.actionSubmit(taskVerbs.question, async (context) => promptForQuestion(context));

  app.adaptiveCards.actionSubmit('organisation.choose', async (context, _state, data) => {
    const orgId = typeof (data as { orgId?: unknown })?.orgId === 'string' ? (data as { orgId: string }).orgId : undefined;
    const organisation = orgId ? await directory.organisation(orgId) : undefined;
    const caller = await resolveCaller(context, directory, config.DEFAULT_ORG);
    const aadObjectId = caller.aadObjectId;
    if (!organisation || !aadObjectId || caller.person || config.BOT_ID) {
      // Only an unknown user in local mode may pick; everyone else is placed by the directory.
      await context.sendActivity(localize({ nl: 'Dat kan ik niet aanpassen. Neem contact op met P&O als je organisatie niet klopt.', en: 'I cannot change that. Contact HR if your organisation is wrong.' }, caller.lang));
      return;
    }
    await directory.rememberOrganisationChoice(aadObjectId, organisation.id);
    await context.sendActivity(
      localize({ nl: `Dank je. Ik gebruik voortaan de regels van ${organisation.name}.`, en: `Thank you. From now on I use the rules of ${organisation.name}.` }, caller.lang),
    );
  });

  app.feedbackLoop(async (context, _state, feedback) => {
    await recordAnswerFeedback(feature.database.db, context, feedback, feature.now());
  });
}

/**
 * In local mode an unknown user is asked once for their organisation; elsewhere the
 * directory or the tenant mapping decides and an unplaced user is told whom to contact.
 * Returns true when the turn was answered here.
 */
export async function askForOrganisationIfUnknown(context: TurnContext, feature: FeatureContext, orgId: string | undefined): Promise<boolean> {
  if (orgId) return false;
  const lang = languageOf(identityOf(context).locale);
  if (feature.config.BOT_ID) {
    await context.sendActivity(
      localize(
        {
          nl: 'Ik kan je niet aan een organisatie koppelen, dus ik weet niet welke regels voor je gelden. Neem contact op met P&O om je op te laten nemen in de directory.',
          en: 'I cannot link you to an organisation, so I do not know which rules apply to you. Please contact HR to be added to the directory.',
        },
        lang,
      ),
    );
    return true;
  }
  const organisations = await feature.directory.organisations();
  await context.sendActivity({ attachments: [cardAttachment(organisationChoiceCard(lang, organisations.map((o: { id: string; name: string }) => ({ id: o.id, name: o.name }))))] });
  return true;
}
