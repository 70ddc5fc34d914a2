import type { TurnContext } from 'botbuilder';
import { localize } from '../i18n/index.js';
import type { BotApplication, FeatureContext } from './context.js';
import { resolveCaller, type Caller } from './caller.js';
import { askForOrganisationIfUnknown } from './conversationBasics.js';
import { adaptiveCard, type CardElement } from '../cards/adaptiveCard.js';
import { cardAttachment } from './cards/attachment.js';
import { taskVerbs } from './cards/welcome.js';
import { toAnswerActivity } from '../knowledge/index.js';

/**
 * Side-job notifications get their own workflow; until then this task still helps: it names the
 * actual manager to go to, from the directory, and quotes the organisation's own rule on how to
 * do it. (Reports are a workflow of their own: src/reports.)
 */
export function registerReferrals(app: BotApplication, feature: FeatureContext): void {
  const sideJob = async (context: TurnContext) => {
    const caller = await resolveCaller(context, feature.directory, feature.config.DEFAULT_ORG);
    if (await askForOrganisationIfUnknown(context, feature, caller.orgId)) return;
    const managers = caller.aadObjectId ? await feature.directory.managerChain(caller.aadObjectId) : [];
    const manager = managers[0];
    await context.sendActivity({
      attachments: [
        cardAttachment(
          adaptiveCard([
            heading(localize({ nl: 'Nevenwerkzaamheid melden', en: 'Reporting a side job' }, caller.lang)),
            text(
              manager
                ? localize(
                    {
                      nl: `Meld je nevenwerkzaamheid bij je leidinggevende, ${manager.name}, vóór je eraan begint. Hieronder staat wat de regels van je organisatie erover zeggen.`,
                      en: `Report your side job to your manager, ${manager.name}, before you start it. Below is what your organisation's rules say about it.`,
                    },
                    caller.lang,
                  )
                : localize(
                    {
                      nl: 'Meld je nevenwerkzaamheid bij je leidinggevende vóór je eraan begint. Hieronder staat wat de regels van je organisatie erover zeggen.',
                      en: 'Report your side job to your manager before you start it. Below is what your organisation’s rules say about it.',
                    },
                    caller.lang,
                  ),
            ),
          ]),
        ),
      ],
    });
    await sendPolicyAnswer(context, feature, caller, { nl: 'Hoe meld ik nevenwerkzaamheden?', en: 'How do I report a side job (nevenwerkzaamheden)?' });
  };

  app.message(/^\s*(nevenwerkzaamheid|nevenwerkzaamheden|nevenfunctie) melden[\s.!]*$/i, sideJob);
  app.adaptiveCards.actionSubmit(taskVerbs.sideJob, sideJob);
}

async function sendPolicyAnswer(context: TurnContext, feature: FeatureContext, caller: Caller, question: { nl: string; en: string }): Promise<void> {
  const answer = feature.knowledge.answer({ orgId: caller.orgId!, text: question[caller.lang], lang: caller.lang });
  if (!answer.outOfScope) await context.sendActivity(toAnswerActivity({ ...answer, topic: undefined }, caller.lang));
}

function heading(value: string): CardElement {
  return { type: 'TextBlock', text: value, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' };
}

function text(value: string): CardElement {
  return { type: 'TextBlock', text: value, wrap: true };
}

