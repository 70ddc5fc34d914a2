import type { Activity } from 'botbuilder';
import type { Organisation, Person } from '../directory/types.js';
import type { Citation } from '../knowledge/types.js';
import type { Logger } from '../logging/logger.js';
import { cardAttachment, type AdaptiveCard } from '../teams/cards/adaptiveCard.js';
import { transitionsFrom, type WorkflowDefinition, type WorkflowRecord } from '../workflow/index.js';
import { giftDecidedCard, giftDeciderCard, giftOutcomeCard, ownerDecisionText } from './cards.js';
import type { GiftDecision, GiftForm } from './form.js';
import type { GiftAssessment, GiftSource } from './rules.js';

export const GIFT_TYPE = 'gift';

export interface GiftData {
  form: GiftForm;
  assessment: GiftAssessment;
}

export type GiftRecord = WorkflowRecord<GiftData, GiftDecision>;
export type GiftState = 'awaiting_decision' | 'kept' | 'handed_in' | 'returned';

/** What a card needs besides the record: names, the quoted articles, what may still be decided. */
export interface GiftView {
  record: GiftRecord;
  organisationName: string;
  ownerName: string;
  assigneeName: string | undefined;
  deciderName: string | undefined;
  citations: CitedSource[];
  openDecisions: GiftDecision[];
}

/** A rule's source with its exact text when the knowledge base still has it. */
export interface CitedSource extends GiftSource {
  title?: string;
  quote?: string;
}

export interface GiftServices {
  directory: {
    person(aadObjectId: string): Promise<Person | undefined>;
    organisation(orgId: string): Promise<Organisation | undefined>;
  };
  knowledge: { section(documentId: string, sectionRef: string): Citation | undefined };
  logger: Logger;
}

/** Builds card views: looks up the names and quotes a record refers to. */
export class GiftViews {
  constructor(private readonly services: GiftServices) {}

  async of(record: GiftRecord): Promise<GiftView> {
    const nameOf = async (id: string | null | undefined) => (id ? (await this.services.directory.person(id))?.name : undefined);
    const [organisation, ownerName, assigneeName, deciderName] = await Promise.all([
      this.services.directory.organisation(record.orgId),
      nameOf(record.owner),
      nameOf(record.assignee),
      nameOf(record.decision?.actor),
    ]);
    return {
      record,
      organisationName: organisation?.name ?? record.orgId,
      ownerName: ownerName ?? '—',
      assigneeName,
      deciderName,
      citations: this.cite(record.data.assessment.sources),
      openDecisions: transitionsFrom({ transitions: giftTransitions }, record.state),
    };
  }

  cite(sources: GiftSource[]): CitedSource[] {
    return sources.map((source) => {
      const found = this.services.knowledge.section(source.documentId, source.section);
      if (!found) {
        this.services.logger.warn({ event: 'gift.citation_missing', documentId: source.documentId }, 'cited section not found');
        return source;
      }
      return { ...source, section: found.section, title: found.title, quote: found.quote };
    });
  }
}

export function cardActivity(card: AdaptiveCard): Partial<Activity> {
  return { type: 'message', attachments: [cardAttachment(card)] };
}

const giftTransitions: WorkflowDefinition<GiftData, GiftDecision, GiftState>['transitions'] = {
  approve_keep: { from: ['awaiting_decision'], to: 'kept', allowed: ['assignee', 'delegate'], notify: ['owner', 'deciders'] },
  hand_in: { from: ['awaiting_decision'], to: 'handed_in', allowed: ['assignee', 'delegate'], notify: ['owner', 'deciders'] },
  return_to_sender: { from: ['awaiting_decision'], to: 'returned', allowed: ['assignee', 'delegate'], notify: ['owner', 'deciders'] },
};

/**
 * Gifts as a workflow configuration: one open state waiting for the manager, three decisions.
 * The integrity coordinator and HR of the same organisation may decide for the manager; the
 * coordinator takes records nobody else can.
 */
export function createGiftWorkflow(services: GiftServices): WorkflowDefinition<GiftData, GiftDecision, GiftState> {
  const views = new GiftViews(services);
  return {
    type: GIFT_TYPE,
    referenceCode: 'G',
    initialState: 'awaiting_decision',
    states: { awaiting_decision: { open: true }, kept: { open: false }, handed_in: { open: false }, returned: { open: false } },
    transitions: giftTransitions,
    delegateRoles: ['integrity_coordinator', 'hr'],
    fallbackRoles: ['integrity_coordinator'],
    notifications: {
      deciderCard: async (record, lang, reason) => cardActivity(giftDeciderCard(await views.of(record), lang, reason)),
      decidedCard: async (record, lang) => cardActivity(giftDecidedCard(await views.of(record), lang)),
      ownerCard: async (record, lang) => cardActivity(giftOutcomeCard(await views.of(record), lang)),
      ownerMessage: async (record, lang) => ({ type: 'message', text: ownerDecisionText(await views.of(record), lang) }),
    },
  };
}
