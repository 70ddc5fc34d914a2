import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import { parseCardAction } from '../cards/forms.js';
import { localize, type Localized } from '../i18n/index.js';
import {
  awaitingCard,
  invalidAction,
  myRecordsCard,
  recordVerbs,
  registerCard,
  REGISTER_PAGE_SIZE,
  type RecordPresentation,
  type WorkflowEngine,
  type WorkflowModule,
} from '../workflow/index.js';
import type { BotApplication, FeatureContext } from './context.js';
import { resolveCaller, type Caller } from './caller.js';
import { cardAttachment } from './cards/attachment.js';
import { invokeReply } from './workflows.js';

export const MY_RECORDS_PATTERN = /^\s*(mijn meldingen|my notifications|my reports)[\s.!?]*$/i;
export const AWAITING_PATTERN = /^\s*(openstaand|openstaande meldingen|wacht op mij|pending|awaiting my decision)[\s.!?]*$/i;

const noIdentity: Localized = {
  nl: 'Ik kan niet vaststellen wie je bent, dus ik kan geen meldingen laten zien.',
  en: 'I cannot establish who you are, so I cannot show any notifications.',
};
const notFound: Localized = { nl: 'Deze melding kan ik niet vinden, of je mag hem niet zien.', en: 'I cannot find this notification, or you may not see it.' };

/**
 * The lists every workflow shares: "mijn meldingen", what waits for me, one record opened from a
 * list, and each type's register for those who may read it. What anyone sees is decided by the
 * engine from their Teams identity.
 */
export function registerRecords(app: BotApplication, feature: FeatureContext, engine: WorkflowEngine, modules: readonly WorkflowModule[]): void {
  const presentations = new Map<string, RecordPresentation>(modules.map((module) => [module.definition.type, module.presentation]));
  const caller = (context: TurnContext) => resolveCaller(context, feature.directory, feature.config.DEFAULT_ORG);
  const nameOf = async (id: string) => (await feature.directory.person(id))?.name ?? '—';
  const say = (context: TurnContext, text: Localized, who: Caller) => context.sendActivity(localize(text, who.lang));

  async function showMine(context: TurnContext): Promise<void> {
    const who = await caller(context);
    if (!who.aadObjectId) return void (await say(context, noIdentity, who));
    const records = await engine.ownedBy(who.aadObjectId);
    await context.sendActivity({ attachments: [cardAttachment(myRecordsCard(records, presentations, who.lang))] });
  }

  async function showAwaiting(context: TurnContext): Promise<void> {
    const who = await caller(context);
    if (!who.aadObjectId) return void (await say(context, noIdentity, who));
    const records = await engine.awaiting(who.aadObjectId);
    const names = await Promise.all(records.map(async (record) => (await feature.directory.person(record.owner))?.name));
    await context.sendActivity({ attachments: [cardAttachment(awaitingCard(records, names, presentations, who.lang))] });
  }

  /** One record as a card of its own, drawn for the caller: buttons only for what they may do. */
  async function openRecord(context: TurnContext, data: unknown): Promise<void> {
    const who = await caller(context);
    const recordId = parseCardAction(data, { recordId: z.string().uuid() })?.recordId;
    const card = who.aadObjectId && recordId ? await engine.cardFor(recordId, who.aadObjectId, who.lang, 'opened') : undefined;
    if (!card) return void (await say(context, notFound, who));
    await context.sendActivity({ attachments: [cardAttachment(card)] });
  }

  /** The register card, or a refusal for anyone without a register role in the caller's organisation. */
  async function registerPage(who: Caller, type: string, page: number): Promise<AdaptiveCard | string> {
    const definition = engine.definition(type);
    const presentation = presentations.get(type);
    if (!definition || !presentation) return localize({ nl: 'Dat register bestaat niet.', en: 'That register does not exist.' }, who.lang);
    if (!who.aadObjectId || !who.orgId || !(await engine.isRegisterReader(definition, who.orgId, who.aadObjectId))) {
      feature.logger.warn({ event: 'records.register.refused', type }, 'register refused');
      return localize(
        {
          nl: `Het ${presentation.registerTitle.nl.toLowerCase()} is alleen beschikbaar voor P&O en de integriteitscoördinator van je organisatie. Je eigen meldingen zie je met "mijn meldingen".`,
          en: `The ${presentation.registerTitle.en.toLowerCase()} is only available to HR and the integrity coordinator of your organisation. You can see your own notifications with "my notifications".`,
        },
        who.lang,
      );
    }
    const result = await engine.register(who.orgId, definition, page, REGISTER_PAGE_SIZE);
    const names = await Promise.all(result.records.map((record) => nameOf(record.owner)));
    return registerCard({ lang: who.lang, presentation, type, organisationName: who.organisation?.name ?? who.orgId, page, total: result.total, records: result.records, names });
  }

  app.message(MY_RECORDS_PATTERN, showMine);
  app.adaptiveCards.actionSubmit(recordVerbs.mine, showMine);
  app.message(AWAITING_PATTERN, showAwaiting);
  app.adaptiveCards.actionSubmit(recordVerbs.awaiting, showAwaiting);
  app.adaptiveCards.actionSubmit(recordVerbs.open, (context, _state, data) => openRecord(context, data));
  for (const module of modules) {
    for (const pattern of module.presentation.registerCommands) {
      app.message(pattern, async (context) => {
        const page = await registerPage(await caller(context), module.definition.type, 0);
        await context.sendActivity(typeof page === 'string' ? page : { attachments: [cardAttachment(page)] });
      });
    }
  }
  app.adaptiveCards.actionExecute(recordVerbs.register, async (context, _state, data) => {
    const who = await caller(context);
    const parsed = parseCardAction(data, { type: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/), page: z.number().int().min(0).max(100_000) });
    if (!parsed) return localize(invalidAction, who.lang);
    const page = await registerPage(who, parsed.type, parsed.page);
    return typeof page === 'string' ? page : invokeReply({ kind: 'card', card: page });
  });
}
