import type { AdaptiveCard, CardAction } from '../cards/adaptiveCard.js';
import type { SectionLookup } from '../cards/citations.js';
import type { DeliveredMessage } from '../delivery/types.js';
import type { RecipientResolver } from '../delivery/worker.js';
import type { Organisation, Person } from '../directory/types.js';
import type { Language, Localized } from '../i18n/index.js';
import type { Logger } from '../logging/logger.js';
import type { WorkflowEngine } from './engine.js';
import type { AnyWorkflowDefinition, WorkflowRecord } from './types.js';

/**
 * The person acting in a turn, established by the edge from the Teams identity of the activity
 * (never from card data) and the directory. Feature code receives only this.
 */
export interface Requester {
  aadObjectId: string;
  lang: Language;
  organisation: Organisation;
  /** Undefined for someone the directory does not know (local mode, an organisation by tenant only). */
  person: Person | undefined;
}

/** What the bot answers: a card (replacing the clicked card for Action.Execute) or a message. */
export type Reply = { kind: 'card'; card: AdaptiveCard; text?: string } | { kind: 'text'; text: string };

export interface CardRequest {
  requester: Requester;
  /** The action's data exactly as the card sent it: every handler parses it with zod first. */
  data: unknown;
  /** The card that was clicked, so it can follow the record it created. */
  card?: DeliveredMessage;
}

export type CardHandler = (request: CardRequest) => Promise<Reply>;

/** How one record type appears in lists, the register and the records CLI. */
export interface RecordPresentation {
  typeLabel: Localized;
  registerTitle: Localized;
  /** Typed commands that open the register for those who may read it. */
  registerCommands: readonly RegExp[];
  stateLabel(record: WorkflowRecord, lang: Language): string;
  summary(record: WorkflowRecord, lang: Language): string;
  registerFacts(record: WorkflowRecord, lang: Language, ownerName: string): { title: string; value: string }[];
  /** More for the register table than the summary says (dates, conditions); none when the summary says it all. */
  detail?(record: WorkflowRecord, lang: Language): string;
  /** One register row for `npm run records -- --json`. */
  exportRow(record: WorkflowRecord, ownerName: string): Record<string, string | number | boolean | null>;
}

/**
 * Everything a notification type brings: its workflow definition, how it starts, one named
 * handler per card verb, and how its records are listed. `src/teams` registers every module
 * from one list; adding a workflow is a new folder plus one line in that list.
 */
export interface WorkflowModule {
  definition: AnyWorkflowDefinition;
  presentation: RecordPresentation;
  start: {
    /** The verb of the task buttons (welcome card, knowledge answers) that open the form. */
    verb: string;
    title: Localized;
    /** Exact typed commands, e.g. "cadeau melden". */
    commands: readonly RegExp[];
    /** Free text that means "I want to notify this", e.g. "ik heb een kerstpakket gekregen". */
    intent?: (text: string) => boolean;
    /** Said above the form when it was offered because of free text. */
    offer?: Localized;
  };
  /** The form, or a short explanation why this does not apply to the requester. */
  open(requester: Requester): Promise<Reply>;
  /** One handler per Action.Execute verb. */
  verbs: Readonly<Record<string, CardHandler>>;
}

/** A task button as the welcome card and knowledge answers offer it. */
export function startButton(module: Pick<WorkflowModule, 'start'>, lang: Language): CardAction {
  return { type: 'Action.Submit', title: module.start.title[lang], data: { verb: module.start.verb } };
}

/**
 * A feature folder's entry in the list of workflows: its definition first (the engine is built
 * from every definition), then its module bound to that engine.
 */
export interface WorkflowFeature {
  definition: AnyWorkflowDefinition;
  module(engine: WorkflowEngine): WorkflowModule;
  /** Addresses this feature keeps sealed in the outbox (owners filed under a pseudonym). */
  sealedAddresses?: SealedAddresses;
}

/**
 * Messages to a pseudonymous owner are addressed to the pseudonym; the feature that made it up
 * resolves it just before delivery, from the record the message is about.
 */
export interface SealedAddresses {
  owns(address: string): boolean;
  /** The aadObjectId to send to; undefined when it cannot be known (any more). */
  resolve(address: string, recordId: string | undefined): Promise<string | undefined>;
}

/**
 * The delivery worker's resolver for every feature: sealed addresses go to their feature and
 * leave no delivery record behind; every other address is an aadObjectId as it is.
 */
export function recipientResolver(features: readonly WorkflowFeature[]): RecipientResolver {
  const sealed = features.flatMap((feature) => (feature.sealedAddresses ? [feature.sealedAddresses] : []));
  return async (to, recordId) => {
    const owner = sealed.find((addresses) => addresses.owns(to));
    if (!owner) return { to, remember: true };
    const person = await owner.resolve(to, recordId);
    return person ? { to: person, remember: false } : undefined;
  };
}

/**
 * What a notification feature draws its cards with: names and organisations from the directory,
 * quoted sections from the knowledge base. The composition root passes the real ones.
 */
export interface PresenterServices {
  directory: {
    person(aadObjectId: string): Promise<Person | undefined>;
    organisation(orgId: string): Promise<Organisation | undefined>;
  };
  knowledge: SectionLookup;
  logger: Logger;
}

/** What every feature in the list of workflows is built with; a feature may ask for more. */
export interface FeatureServices extends PresenterServices {
  now: () => Date;
}
