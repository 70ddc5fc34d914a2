import { ActivityTypes } from 'botbuilder';
import { modelSettings } from '../config/env.js';
import { answerWithDirectory, createModelAnswerer, detectLanguage } from '../knowledge/index.js';
import { toAnswerActivity } from './knowledgeActivity.js';
import { createPromptCompleter } from './model.js';
import { localize } from '../i18n/index.js';
import type { BotApplication, FeatureContext } from './context.js';
import { resolveCaller } from './caller.js';
import { askForOrganisationIfUnknown } from './conversationBasics.js';

/** Long enough for any real question; longer input is almost always pasted documents. */
export const MAX_QUESTION_LENGTH = 1000;

/**
 * Every message no other route claimed is a question for the policy library: the
 * question-then-act flow, where an answer about gifts offers the gift form and so on.
 */
export function registerQuestions(app: BotApplication, feature: FeatureContext): void {
  const settings = modelSettings(feature.config);
  // With a model configured it words the answer from our own retrieval; without one the
  // extractive answer (quoted passages) is the product, not a degraded fallback.
  const model = settings ? { answerer: createModelAnswerer(feature.knowledge), completer: createPromptCompleter(settings) } : undefined;

  app.activity(ActivityTypes.Message, async (context, state) => {
    const caller = await resolveCaller(context, feature.directory, feature.config.DEFAULT_ORG);
    const text = (context.activity.text ?? '').trim();
    if (!text) {
      await context.sendActivity(
        localize(
          { nl: 'Dat begreep ik niet. Typ je vraag, of typ "help" om te zien wat ik kan.', en: 'I did not understand that. Type your question, or type "help" to see what I can do.' },
          caller.lang,
        ),
      );
      return;
    }
    if (await askForOrganisationIfUnknown(context, feature, caller.orgId)) return;
    if (text.length > MAX_QUESTION_LENGTH) {
      await context.sendActivity(
        localize(
          {
            nl: `Je bericht is langer dan ${MAX_QUESTION_LENGTH} tekens. Stel je vraag wat korter, dan zoek ik het antwoord op.`,
            en: `Your message is longer than ${MAX_QUESTION_LENGTH} characters. Please ask a shorter question and I will look up the answer.`,
          },
          caller.lang,
        ),
      );
      return;
    }
    // A Dutch Teams client sends English questions too: the question's own words decide the
    // language of the answer; the client's only when the words do not tell (e.g. "VOG?").
    const lang = detectLanguage(text, caller.lang);
    const question = { orgId: caller.orgId!, text, lang };
    // A model answer is slow and paid for: a redelivery (Teams gave up waiting) must not ask again.
    if (model && !(await feature.redelivery.firstDelivery(context))) return;
    const answer = model
      ? await model.answerer.answer(question, model.completer(context, state), { directory: feature.directory, askerId: caller.aadObjectId })
      : await answerWithDirectory(feature.knowledge, question, feature.directory, caller.aadObjectId);
    feature.logger.info({ event: 'question.answered', mode: answer.mode, lang, outOfScope: answer.outOfScope, citations: answer.citations.length, topic: answer.topic ?? null }, 'question answered');
    await context.sendActivity(toAnswerActivity(answer, lang));
  });
}
