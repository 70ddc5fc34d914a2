import { citeSources, type CitedSource } from '../cards/citations.js';
import type { Language } from '../directory/types.js';
import { reachabilityLines, reachableAssignees, type PresenterServices, type WorkflowRecord } from '../workflow/index.js';
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
  /** Who could not be reached in Teams and what happens now, for the employee's card. */
  reachability: Record<Language, string[]>;
}

export type { CitedSource };

export type GiftServices = PresenterServices;

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
    const named = async (id: string) => (await nameOf(id)) ?? '—';
    const [organisation, ownerName, assigneeName, deciderName, nl, en] = await Promise.all([
      this.services.directory.organisation(record.orgId),
      nameOf(record.owner),
      // The step waits for whoever can be reached: after an escalation past someone unreachable, the new actor.
      nameOf(reachableAssignees(record)[0]),
      nameOf(decision?.actor),
      reachabilityLines(record, named, 'nl'),
      reachabilityLines(record, named, 'en'),
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
      reachability: { nl, en },
    };
  }

  cite(sources: GiftSource[]): CitedSource[] {
    return citeSources(this.services.knowledge, sources, (source) => this.services.logger.warn({ event: 'gift.citation_missing', documentId: source.documentId }, 'cited section not found'));
  }
}

