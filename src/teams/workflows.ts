import { ActivityTypes, type TurnContext } from 'botbuilder';
import { localize, type Localized } from '../i18n/index.js';
import type { Reply, WorkflowModule } from '../workflow/index.js';
import type { BotApplication, FeatureContext } from './context.js';
import { requesterOf, resolveCaller } from './caller.js';
import { messageActivity } from './cards/attachment.js';
import { askForOrganisationIfUnknown } from './conversationBasics.js';

export const noIdentity: Localized = {
  nl: 'Ik kan niet vaststellen wie je bent. Open de Integriteitsassistent in Teams om een melding te doen.',
  en: 'I cannot establish who you are. Open the Integrity Assistant in Teams to make a notification.',
};

/** teams-ai types invoke answers loosely; ours are typed, so only the shape needs adapting. */
export function invokeReply(reply: Reply): { type: 'AdaptiveCard'; [key: string]: unknown } | string {
  return reply.kind === 'card' ? (reply.card as unknown as { type: 'AdaptiveCard'; [key: string]: unknown }) : reply.text;
}

/** A task button (Action.Submit) posts `{ verb }` (welcome card) or `{ action }` (knowledge answers) and no text. */
function isTaskButton(verb: string) {
  return async (context: TurnContext): Promise<boolean> => {
    const activity = context.activity;
    const value = activity.value as { verb?: unknown; action?: unknown } | undefined;
    return activity.type === ActivityTypes.Message && !activity.text && typeof value === 'object' && value !== null && (value.verb === verb || value.action === verb);
  };
}

/**
 * Registers every workflow module the same way: its commands and free-text intent open the form,
 * its task button does too, and each of its card verbs gets its one named handler with the
 * requester established here from the Teams identity.
 */
export function registerWorkflowModules(app: BotApplication, feature: FeatureContext, modules: readonly WorkflowModule[]): void {
  const caller = (context: TurnContext) => resolveCaller(context, feature.directory, feature.config.DEFAULT_ORG);

  for (const module of modules) {
    const open = async (context: TurnContext, intro?: Localized): Promise<void> => {
      const who = await caller(context);
      if (await askForOrganisationIfUnknown(context, feature, who.orgId)) return;
      const requester = requesterOf(who);
      if (!requester) {
        await context.sendActivity(localize(noIdentity, who.lang));
        return;
      }
      const reply = await module.open(requester);
      const activity = messageActivity(reply.kind === 'card' && intro ? { ...reply, text: localize(intro, who.lang) } : reply);
      await context.sendActivity(activity);
    };

    for (const command of module.start.commands) app.message(command, (context) => open(context));
    const intent = module.start.intent;
    if (intent) app.message(async (context) => context.activity.type === ActivityTypes.Message && intent(context.activity.text ?? ''), (context) => open(context, module.start.offer));
    app.message(isTaskButton(module.start.verb), (context) => open(context));

    for (const [verb, handler] of Object.entries(module.verbs)) {
      app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
        const who = await caller(context);
        const requester = requesterOf(who);
        if (!requester) return localize(noIdentity, who.lang);
        const replyToId = context.activity.replyToId;
        return invokeReply(await handler({ requester, data, ...(replyToId ? { card: { activityId: replyToId, conversationId: context.activity.conversation.id } } : {}) }));
      });
    }
  }
}
