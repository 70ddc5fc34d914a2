import type { Organisation, Person } from '../directory/types.js';
import type { Citation } from '../knowledge/types.js';
import type { Logger } from '../logging/logger.js';
import type { WorkflowRecord } from '../workflow/index.js';
import { giftDecisions, type GiftDecision, type GiftForm } from './form.js';
import type { GiftAssessment, GiftSource } from './rules.js';

export const GIFT_TYPE = 'gift';

export interface GiftData {
  form: GiftForm;
  assessment: GiftAssessment;
}

export type GiftRecord = WorkflowRecord<GiftData>;
export type GiftState = 'awaiting_decision' | 'kept' | 'handed_in' | 'returned' | 'withdrawn';

/** The decision on a gift, read from the record's history. */
export interface GiftDecisionTaken {
  decision: GiftDecision;
  actor: string;
  at: Date;
  comment?: string;
}

/** What a card needs besides the record: names, the quoted articles, what the viewer may do. */
export interface GiftView {
  record: GiftRecord;
  organisationName: string;
  ownerName: string;
  assigneeName: string | undefined;
  decision: GiftDecisionTaken | undefined;
  deciderName: string | undefined;
  withdrawn: boolean;
  citations: CitedSource[];
  /** The decisions the viewer may take now (empty for the owner and once decided). */
  openDecisions: GiftDecision[];
  mayWithdraw: boolean;
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

export function giftDecisionOf(record: GiftRecord): GiftDecisionTaken | undefined {
  const entry = [...record.history].reverse().find((candidate) => candidate.action === 'decide');
  return entry ? { decision: entry.outcome as GiftDecision, actor: entry.actor, at: entry.at, ...(entry.fields.comment ? { comment: entry.fields.comment } : {}) } : undefined;
}

/** Builds card views: looks up the names and quotes a record refers to. */
export class GiftViews {
  constructor(private readonly services: GiftServices) {}

  async of(record: GiftRecord, actions: readonly string[] = []): Promise<GiftView> {
    const nameOf = async (id: string | null | undefined) => (id ? (await this.services.directory.person(id))?.name : undefined);
    const decision = giftDecisionOf(record);
    const [organisation, ownerName, assigneeName, deciderName] = await Promise.all([
      this.services.directory.organisation(record.orgId),
      nameOf(record.owner),
      nameOf(record.assignees[0]),
      nameOf(decision?.actor),
    ]);
    return {
      record,
      organisationName: organisation?.name ?? record.orgId,
      ownerName: ownerName ?? '—',
      assigneeName,
      decision,
      deciderName,
      withdrawn: record.state === 'withdrawn',
      citations: this.cite(record.data.assessment.sources),
      openDecisions: actions.includes('decide') ? [...giftDecisions] : [],
      mayWithdraw: actions.includes('withdraw'),
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

