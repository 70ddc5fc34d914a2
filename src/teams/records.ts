import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { createGiftWorkflow, GIFT_TYPE, type GiftData, type GiftState } from '../gifts/workflow.js';
import type { GiftDecision } from '../gifts/form.js';
import { giftPresentation } from '../gifts/presentation.js';
import { localize, type Language, type Localized } from '../i18n/index.js';
import { WorkflowEngine, type AnyWorkflowDefinition, type WorkflowDefinition, type WorkflowRecord } from '../workflow/index.js';
import type { BotApplication, FeatureContext } from './bot.js';
import { resolveCaller, type Caller } from './caller.js';
import { adaptiveCard, cardAttachment, type AdaptiveCard, type CardAction, type CardElement } from './cards/adaptiveCard.js';
import { taskVerbs } from './cards/welcome.js';

/** How one record type appears in the lists, the register and the records CLI. */
export interface RecordPresentation {
  typeLabel: Localized;
  registerTitle: Localized;
  stateLabel(record: WorkflowRecord, lang: Language): string;
  summary(record: WorkflowRecord, lang: Language): string;
  /** The button that shows one record to someone who may see it. */
  openAction(record: WorkflowRecord, lang: Language): CardAction;
  registerFacts(record: WorkflowRecord, lang: Language, ownerName: string): { title: string; value: string }[];
  exportRow(record: WorkflowRecord, ownerName: string): Record<string, string | number | null>;
}

/** How each configured record type is shown; the CLI reads the register through these too. */
export const recordPresentations: Record<string, RecordPresentation> = { [GIFT_TYPE]: giftPresentation };

/** The configured record types, their engine and how they are shown. */
export interface Workflows {
  engine: WorkflowEngine;
  gift: WorkflowDefinition<GiftData, GiftDecision, GiftState>;
  presentations: Record<string, RecordPresentation>;
}

export function createWorkflows(feature: FeatureContext): Workflows {
  const gift = createGiftWorkflow(feature);
  const engine = new WorkflowEngine(
    {
      db: feature.database.db,
      directory: feature.directory,
      messenger: feature.messenger,
      references: feature.references,
      logger: feature.logger,
      now: feature.now,
    },
    [gift],
  );
  return { engine, gift, presentations: recordPresentations };
}

export const MY_RECORDS_PATTERN = /^\s*(mijn meldingen|my notifications|my reports)[\s.!?]*$/i;
export const AWAITING_PATTERN = /^\s*(openstaand|openstaande meldingen|pending|awaiting my decision)[\s.!?]*$/i;
/** Register commands per record type. */
const REGISTER_COMMANDS: { pattern: RegExp; type: string }[] = [{ pattern: /^\s*(cadeauregister|geschenkenregister|gift register)[\s.!?]*$/i, type: 'gift' }];

export const recordVerbs = { register: 'records.register' } as const;
export const REGISTER_PAGE_SIZE = 10;

const registerPageSchema = z
  .object({
    type: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/),
    page: z.number().int().min(0).max(100_000),
    verb: z.string().max(100).optional(),
    msteams: z.unknown().optional(),
  })
  .strict();

const noIdentity: Localized = {
  nl: 'Ik kan niet vaststellen wie je bent, dus ik kan geen meldingen laten zien.',
  en: 'I cannot establish who you are, so I cannot show any notifications.',
};

export function registerRecords(app: BotApplication, feature: FeatureContext, workflows: Workflows): void {
  const { engine, presentations } = workflows;
  const caller = (context: TurnContext) => resolveCaller(context, feature.directory, feature.config.DEFAULT_ORG);
  const nameOf = async (id: string) => (await feature.directory.person(id))?.name ?? '—';

  async function showMine(context: TurnContext): Promise<void> {
    const who = await caller(context);
    if (!who.aadObjectId) {
      await context.sendActivity(localize(noIdentity, who.lang));
      return;
    }
    const records = await engine.ownedBy(who.aadObjectId);
    await context.sendActivity({ attachments: [cardAttachment(myRecordsCard(records, presentations, who.lang))] });
  }

  async function showAwaiting(context: TurnContext): Promise<void> {
    const who = await caller(context);
    if (!who.aadObjectId) {
      await context.sendActivity(localize(noIdentity, who.lang));
      return;
    }
    const records = await engine.awaiting(who.aadObjectId);
    const names = await Promise.all(records.map((record) => nameOf(record.owner)));
    await context.sendActivity({ attachments: [cardAttachment(awaitingCard(records, names, presentations, who.lang))] });
  }

  /** The register card, or a refusal for anyone but the type's delegates (HR, integrity coordinator) of the caller's organisation. */
  async function registerPage(who: Caller, type: string, page: number): Promise<AdaptiveCard | string> {
    const definition = engine.definition(type);
    const presentation = presentations[type];
    if (!definition || !presentation) return localize({ nl: 'Dat register bestaat niet.', en: 'That register does not exist.' }, who.lang);
    if (!who.aadObjectId || !who.orgId || !(await engine.isDelegate(definition, who.orgId, who.aadObjectId))) {
      feature.logger.warn({ event: 'records.register.refused', type }, 'register refused');
      return localize(
        {
          nl: `Het ${presentation.registerTitle.nl.toLowerCase()} is alleen beschikbaar voor P&O en de integriteitscoördinator van je organisatie. Je eigen meldingen zie je met "mijn meldingen".`,
          en: `The ${presentation.registerTitle.en.toLowerCase()} is only available to HR and the integrity coordinator of your organisation. You can see your own notifications with "my notifications".`,
        },
        who.lang,
      );
    }
    const result = await engine.register(who.orgId, definition as AnyWorkflowDefinition, page, REGISTER_PAGE_SIZE);
    const names = await Promise.all(result.records.map((record) => nameOf(record.owner)));
    return registerCard({ lang: who.lang, presentation, type, organisationName: who.organisation?.name ?? who.orgId, page, total: result.total, records: result.records, names });
  }

  app.message(MY_RECORDS_PATTERN, showMine);
  app.adaptiveCards.actionSubmit(taskVerbs.myRecords, showMine);
  app.message(AWAITING_PATTERN, showAwaiting);
  for (const command of REGISTER_COMMANDS) {
    app.message(command.pattern, async (context) => {
      const who = await caller(context);
      const page = await registerPage(who, command.type, 0);
      await context.sendActivity(typeof page === 'string' ? page : { attachments: [cardAttachment(page)] });
    });
  }
  app.adaptiveCards.actionExecute(recordVerbs.register, async (context, _state, data) => {
    const who = await caller(context);
    const parsed = registerPageSchema.safeParse(data);
    if (!parsed.success) return localize({ nl: 'Deze actie kan ik niet verwerken.', en: 'I cannot process this action.' }, who.lang);
    return invokeCard(await registerPage(who, parsed.data.type, parsed.data.page));
  });
}

/** teams-ai types invoke cards loosely; ours are typed, so only the shape needs adapting. */
export function invokeCard(card: AdaptiveCard | string): { type: 'AdaptiveCard'; [key: string]: unknown } | string {
  return card as unknown as { type: 'AdaptiveCard'; [key: string]: unknown } | string;
}

// ---------------------------------------------------------------------------------------------
// Cards

const dateOf = (moment: Date, lang: Language) =>
  new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }).format(moment);

function recordHeader(record: WorkflowRecord, presentation: RecordPresentation | undefined, lang: Language): CardElement {
  const type = presentation ? localize(presentation.typeLabel, lang) : record.type;
  return { type: 'TextBlock', text: `**${record.reference}** · ${type} · ${dateOf(record.createdAt, lang)}`, wrap: true };
}

export function myRecordsCard(records: WorkflowRecord[], presentations: Record<string, RecordPresentation>, lang: Language): AdaptiveCard {
  const nl = lang === 'nl';
  const body: CardElement[] = [{ type: 'TextBlock', text: nl ? 'Mijn meldingen' : 'My notifications', weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' }];
  if (records.length === 0) body.push({ type: 'TextBlock', text: nl ? 'Je hebt nog geen meldingen gedaan.' : 'You have not made any notifications yet.', wrap: true });
  for (const record of records) {
    const presentation = presentations[record.type];
    body.push({
      type: 'Container',
      separator: true,
      items: [
        recordHeader(record, presentation, lang),
        { type: 'TextBlock', text: presentation?.summary(record, lang) ?? '', wrap: true },
        { type: 'TextBlock', text: presentation?.stateLabel(record, lang) ?? record.state, wrap: true, isSubtle: true },
      ],
    });
  }
  return adaptiveCard(body);
}

export function awaitingCard(records: WorkflowRecord[], ownerNames: string[], presentations: Record<string, RecordPresentation>, lang: Language): AdaptiveCard {
  const nl = lang === 'nl';
  const body: CardElement[] = [{ type: 'TextBlock', text: nl ? 'Wacht op jouw besluit' : 'Awaiting your decision', weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' }];
  if (records.length === 0) body.push({ type: 'TextBlock', text: nl ? 'Er wacht niets op jouw besluit.' : 'Nothing is waiting for your decision.', wrap: true });
  records.forEach((record, index) => {
    const presentation = presentations[record.type];
    body.push({
      type: 'Container',
      separator: true,
      items: [
        recordHeader(record, presentation, lang),
        { type: 'TextBlock', text: `${ownerNames[index] ?? '—'}: ${presentation?.summary(record, lang) ?? ''}`, wrap: true },
        ...(presentation ? [{ type: 'ActionSet' as const, actions: [presentation.openAction(record, lang)] }] : []),
      ],
    });
  });
  return adaptiveCard(body);
}

export interface RegisterCardOptions {
  lang: Language;
  presentation: RecordPresentation;
  type: string;
  organisationName: string;
  page: number;
  total: number;
  records: WorkflowRecord[];
  names: string[];
}

export function registerCard(options: RegisterCardOptions): AdaptiveCard {
  const { lang, presentation, page, total } = options;
  const nl = lang === 'nl';
  const pages = Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
  const body: CardElement[] = [
    { type: 'TextBlock', text: `${localize(presentation.registerTitle, lang)} ${options.organisationName}`, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
    {
      type: 'TextBlock',
      id: 'registerPage',
      isSubtle: true,
      wrap: true,
      text: nl ? `Pagina ${Math.min(page + 1, pages)} van ${pages} (${total} meldingen)` : `Page ${Math.min(page + 1, pages)} of ${pages} (${total} notifications)`,
    },
  ];
  if (options.records.length === 0) body.push({ type: 'TextBlock', text: nl ? 'Geen meldingen op deze pagina.' : 'No notifications on this page.', wrap: true });
  options.records.forEach((record, index) => {
    body.push({
      type: 'Container',
      separator: true,
      items: [recordHeader(record, presentation, lang), { type: 'FactSet', facts: presentation.registerFacts(record, lang, options.names[index] ?? '—') }],
    });
  });
  const actions: CardAction[] = [];
  if (page > 0) actions.push({ type: 'Action.Execute', title: nl ? 'Vorige' : 'Previous', verb: recordVerbs.register, data: { type: options.type, page: page - 1 } });
  if (page + 1 < pages) actions.push({ type: 'Action.Execute', title: nl ? 'Volgende' : 'Next', verb: recordVerbs.register, data: { type: options.type, page: page + 1 } });
  return adaptiveCard(body, actions);
}
