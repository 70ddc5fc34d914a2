import type { TurnContext } from 'botbuilder';
import type { Person } from '../directory/index.js';
import { localize, type Language } from '../i18n/index.js';
import type { BotApplication, FeatureContext } from './context.js';
import { resolveCaller, type Caller } from './caller.js';
import { askForOrganisationIfUnknown } from './conversationBasics.js';
import { adaptiveCard, type CardElement } from '../cards/adaptiveCard.js';
import { cardAttachment } from './cards/attachment.js';
import { taskVerbs } from './cards/welcome.js';
import { toAnswerActivity } from './knowledgeActivity.js';

/**
 * Confidential reports get their own workflow (issue 10); until then this task still helps: it
 * names the actual people to go to, from the directory, and quotes the organisation's own rule.
 */
export function registerReferrals(app: BotApplication, feature: FeatureContext): void {
  const report = async (context: TurnContext) => {
    const caller = await resolveCaller(context, feature.directory, feature.config.DEFAULT_ORG);
    if (await askForOrganisationIfUnknown(context, feature, caller.orgId)) return;
    const integrity = await feature.directory.peopleWithRole(caller.orgId!, 'vertrouwenspersoon_integriteit');
    const conduct = await feature.directory.peopleWithRole(caller.orgId!, 'vertrouwenspersoon_ongewenst_gedrag');
    const body: CardElement[] = [
      heading(localize({ nl: 'Vertrouwelijk melden', en: 'Reporting confidentially' }, caller.lang)),
      text(
        localize(
          {
            nl: 'Heb je een vermoeden van een misstand of integriteitsschending, of heb je te maken met ongewenst gedrag? Je kunt dit vertrouwelijk bespreken met een vertrouwenspersoon. Wat je vertelt, blijft tussen jullie tenzij je zelf toestemming geeft.',
            en: 'Do you suspect wrongdoing or an integrity breach, or are you facing unwanted behaviour? You can discuss it confidentially with a confidential counsellor. What you tell them stays between you unless you agree otherwise.',
          },
          caller.lang,
        ),
      ),
      contactFacts(caller.lang, { nl: 'Integriteit en misstanden', en: 'Integrity and wrongdoing' }, integrity),
      contactFacts(caller.lang, { nl: 'Ongewenst gedrag', en: 'Unwanted behaviour' }, conduct),
    ];
    if (integrity.length + conduct.length === 0) {
      body.push(text(localize({ nl: `Ik ken de vertrouwenspersonen van je organisatie niet. Je kunt terecht bij ${caller.organisation?.whoCanHelp.nl ?? 'P&O'}.`, en: `I do not know your organisation's confidential counsellors. You can turn to ${caller.organisation?.whoCanHelp.en ?? 'HR'}.` }, caller.lang)));
    }
    await context.sendActivity({ attachments: [cardAttachment(adaptiveCard(body))] });
    await sendPolicyAnswer(context, feature, caller, { nl: 'Hoe meld ik een vermoeden van een misstand?', en: 'How do I report suspected wrongdoing?' });
  };

  app.message(/^\s*(melding doen|melding maken|misstand melden|report wrongdoing|make a report)[\s.!]*$/i, report);
  app.adaptiveCards.actionSubmit(taskVerbs.report, report);
}

async function sendPolicyAnswer(context: TurnContext, feature: FeatureContext, caller: Caller, question: { nl: string; en: string }): Promise<void> {
  const answer = feature.knowledge.answer({ orgId: caller.orgId!, text: question[caller.lang], lang: caller.lang });
  if (!answer.outOfScope) await context.sendActivity(toAnswerActivity({ ...answer, topic: undefined }, caller.lang));
}

function contactFacts(lang: Language, title: { nl: string; en: string }, people: Person[]): CardElement {
  const none = localize({ nl: 'niet bekend in de directory', en: 'not known in the directory' }, lang);
  return {
    type: 'FactSet',
    facts: [{ title: localize(title, lang), value: people.length ? people.map((p) => `${p.name} (${p.upn})`).join(', ') : none }],
  };
}

function heading(value: string): CardElement {
  return { type: 'TextBlock', text: value, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' };
}

function text(value: string): CardElement {
  return { type: 'TextBlock', text: value, wrap: true };
}

