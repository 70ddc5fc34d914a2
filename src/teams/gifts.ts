import { randomUUID } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { normaliseObjectId } from '../directory/directory.js';
import { alreadyDecidedNotice, giftDecidedCard, giftDeciderCard, giftFormCard, giftOutcomeCard, giftVerbs } from '../gifts/cards.js';
import { allowedReceivedRange, parseGiftDecision, parseGiftReference, parseGiftSubmission } from '../gifts/form.js';
import { isGiftReport } from '../gifts/intent.js';
import { assessGift, loadAllGiftRules } from '../gifts/rules.js';
import { GiftViews } from '../gifts/workflow.js';
import { localize, type Localized } from '../i18n/index.js';
import type { BotApplication, FeatureContext } from './bot.js';
import { resolveCaller, type Caller } from './caller.js';
import { cardAttachment, type AdaptiveCard } from './cards/adaptiveCard.js';
import { askForOrganisationIfUnknown } from './conversationBasics.js';
import { invokeCard, type Workflows } from './records.js';

const START_VERB = giftVerbs.start;

/** The knowledge answer's button posts `{ action: 'gift.start' }`; the welcome card `{ verb: 'gift.start' }`. */
function isStartSubmit(context: TurnContext): Promise<boolean> {
  const activity = context.activity;
  const value = activity.value as { verb?: unknown; action?: unknown } | undefined;
  return Promise.resolve(
    activity.type === ActivityTypes.Message && !activity.text && typeof value === 'object' && value !== null && (value.verb === START_VERB || value.action === START_VERB),
  );
}

const messages = {
  noIdentity: {
    nl: 'Ik kan niet vaststellen wie je bent. Open de Integriteitsassistent in Teams om een melding te doen.',
    en: 'I cannot establish who you are. Open the Integrity Assistant in Teams to make a notification.',
  },
  noRules: {
    nl: 'Voor je organisatie zijn in de assistent nog geen regels voor cadeaus ingesteld. Meld het cadeau rechtstreeks bij je leidinggevende.',
    en: 'No gift rules have been set up in the assistant for your organisation yet. Please report the gift directly to your manager.',
  },
  invalidAction: { nl: 'Deze actie kan ik niet verwerken.', en: 'I cannot process this action.' },
  notFound: { nl: 'Deze melding kan ik niet vinden, of je mag hem niet zien.', en: 'I cannot find this notification, or you may not see it.' },
  notAllowed: {
    nl: 'Je bent niet bevoegd om over deze melding te beslissen. Dat kan alleen de leidinggevende van de medewerker, of de integriteitscoördinator of P&O van dezelfde organisatie. Er is niets veranderd.',
    en: 'You are not authorised to decide on this notification. Only the employee’s manager, or the integrity coordinator or HR of the same organisation, can do that. Nothing has changed.',
  },
  offer: {
    nl: 'Dank je dat je het meldt. Vul het formulier in; je krijgt direct advies en je leidinggevende beslist.',
    en: 'Thank you for reporting it. Fill in the form; you get advice at once and your manager decides.',
  },
} satisfies Record<string, Localized>;

export function registerGifts(app: BotApplication, feature: FeatureContext, workflows: Workflows): void {
  const { engine, gift } = workflows;
  // Loaded and validated once at start-up: a broken rules file stops the bot instead of giving wrong advice.
  const rules = loadAllGiftRules();
  const views = new GiftViews(feature);
  const caller = (context: TurnContext) => resolveCaller(context, feature.directory, feature.config.DEFAULT_ORG);

  function formCard(who: Caller, extra: Partial<Parameters<typeof giftFormCard>[0]> = {}): AdaptiveCard {
    return giftFormCard({
      lang: who.lang,
      formId: randomUUID(),
      receivedRange: allowedReceivedRange(feature.now()),
      organisationName: who.organisation?.name,
      ...extra,
    });
  }

  async function offerForm(context: TurnContext, intro?: Localized): Promise<void> {
    const who = await caller(context);
    if (await askForOrganisationIfUnknown(context, feature, who.orgId)) return;
    if (!who.aadObjectId) {
      await context.sendActivity(localize(messages.noIdentity, who.lang));
      return;
    }
    if (!rules.has(who.orgId!)) {
      await context.sendActivity(localize(messages.noRules, who.lang));
      return;
    }
    await context.sendActivity({ ...(intro ? { text: localize(intro, who.lang) } : {}), attachments: [cardAttachment(formCard(who))] });
  }

  app.message(/^\s*(cadeau melden|geschenk melden|report a gift)[\s.!]*$/i, (context) => offerForm(context));
  app.message(async (context) => context.activity.type === ActivityTypes.Message && isGiftReport(context.activity.text ?? ''), (context) => offerForm(context, messages.offer));
  app.message(isStartSubmit, (context) => offerForm(context));
  app.adaptiveCards.actionExecute(START_VERB, async (context) => {
    const who = await caller(context);
    if (!who.aadObjectId || !who.orgId) return localize(messages.noIdentity, who.lang);
    if (!rules.has(who.orgId)) return localize(messages.noRules, who.lang);
    return invokeCard(formCard(who));
  });

  app.adaptiveCards.actionExecute(giftVerbs.submit, async (context, _state, data) => {
    const who = await caller(context);
    if (!who.aadObjectId || !who.orgId) return localize(messages.noIdentity, who.lang);
    const orgRules = rules.get(who.orgId);
    if (!orgRules) return localize(messages.noRules, who.lang);
    const submission = parseGiftSubmission(data, feature.now());
    if (submission.kind === 'rejected') {
      feature.logger.warn({ event: 'gift.submission_rejected' }, 'gift form data did not come from our card');
      return invokeCard(formCard(who, { banner: submission.reason }));
    }
    if (submission.kind === 'invalid') {
      feature.logger.info({ event: 'gift.submission_invalid', fields: Object.keys(submission.errors) }, 'gift form needs corrections');
      return invokeCard(formCard(who, { formId: submission.formId, values: submission.values, errors: submission.errors }));
    }
    const assessment = assessGift(orgRules, submission.form);
    const replyToId = context.activity.replyToId;
    const { record, created } = await engine.submit(gift, {
      orgId: who.orgId,
      owner: who.aadObjectId,
      ownerLang: who.lang,
      data: { form: submission.form, assessment },
      clientKey: submission.formId,
      // The card that was clicked becomes the outcome card; keep its id to update it later.
      ...(replyToId ? { ownerMessage: { activityId: replyToId, conversationId: context.activity.conversation.id } } : {}),
    });
    feature.logger.info({ event: 'gift.submitted', recordId: record._id, created, outcome: assessment.outcome, ruleId: assessment.ruleId }, 'gift notification submitted');
    return invokeCard(giftOutcomeCard(await views.of(record), who.lang));
  });

  app.adaptiveCards.actionExecute(giftVerbs.decide, async (context, _state, data) => {
    const who = await caller(context);
    if (!who.aadObjectId) return localize(messages.noIdentity, who.lang);
    const input = parseGiftDecision(data);
    if (!input) return localize(messages.invalidAction, who.lang);
    const result = await engine.take(gift, { recordId: input.giftId, actor: who.aadObjectId, transition: input.decision, ...(input.comment ? { comment: input.comment } : {}) });
    switch (result.kind) {
      case 'not_found':
        return localize(messages.notFound, who.lang);
      case 'not_allowed':
        return localize(messages.notAllowed, who.lang);
      case 'already_taken': {
        const view = await views.of(result.record);
        return invokeCard(giftDecidedCard(view, who.lang, alreadyDecidedNotice(view)));
      }
      case 'done':
        return invokeCard(giftDecidedCard(await views.of(result.record), who.lang));
    }
  });

  // From "openstaand": post the notification as a card of its own, with the decisions if still open.
  app.adaptiveCards.actionSubmit(giftVerbs.open, async (context, _state, data) => {
    const who = await caller(context);
    const giftId = parseGiftReference(data);
    const record = giftId ? await engine.find(gift, giftId) : undefined;
    if (!who.aadObjectId || !record || !(await engine.mayView(gift, record, who.aadObjectId))) {
      await context.sendActivity(localize(messages.notFound, who.lang));
      return;
    }
    const view = await views.of(record);
    const card = record.owner === normaliseObjectId(who.aadObjectId) ? giftOutcomeCard(view, who.lang) : giftDeciderCard(view, who.lang);
    await context.sendActivity({ attachments: [cardAttachment(card)] });
  });
}
