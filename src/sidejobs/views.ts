import type { Language } from '../i18n/index.js';
import { citeSources, type CitedSource } from '../cards/citations.js';
import type { Organisation } from '../directory/types.js';
import type { Localized } from '../i18n/index.js';
import type { HistoryEntry, PresenterServices, WorkflowRecord } from '../workflow/index.js';
import { namesOnRecord } from '../workflow/names.js';
import { reachabilityLines } from '../workflow/reachability.js';
import { approvedStates, SIDE_JOB_TYPE } from './chain.js';
import type { SideJobDecision, SideJobForm } from './form.js';
import { assessmentSources, type SideJobAssessment } from './rules.js';

export interface SideJobData {
  form: SideJobForm;
  assessment: SideJobAssessment;
  /** The names of the route's steps as the organisation's chain gave them at submission. */
  steps: { id: string; label: Localized }[];
  /** The approved side job this request changes (asked for at a reconfirmation). */
  replaces?: string;
}

export type SideJobRecord = WorkflowRecord<SideJobData>;

export { SIDE_JOB_TYPE };

export type SideJobServices = PresenterServices;

/** A history entry with the name of who took it. */
export interface NamedEntry extends HistoryEntry {
  actorName: string;
}

/** What a card needs besides the record: names, quoted articles, where it is, what the viewer may do. */
export interface SideJobView {
  record: SideJobRecord;
  organisation: Organisation | undefined;
  ownerName: string;
  ownerFunction: string | undefined;
  /** The open step's name and place in the route; undefined once closed. */
  step: { label: Localized; number: number; of: number } | undefined;
  /** The step after the open one (where a referral goes). */
  nextStepLabel: Localized | undefined;
  /** Who the open step is with now. */
  assigneeNames: string[];
  /** Every advice, referral, return, decision and confirmation, oldest first. */
  entries: NamedEntry[];
  /** The decision, when there is one. */
  decision: NamedEntry | undefined;
  citations: CitedSource[];
  /** What the viewer may do now. */
  actions: readonly string[];
  /** Who on the open step cannot be reached in Teams, and what happens then (for the owner). */
  reachability: Record<Language, string[]>;
}

export function sideJobDecisionOf(record: SideJobRecord): HistoryEntry | undefined {
  return [...record.history].reverse().find((entry) => entry.action === 'decide');
}

export function isApproved(record: Pick<SideJobRecord, 'state'>): boolean {
  return (approvedStates as readonly string[]).includes(record.state);
}

/** Approved and not past its end date: what the register shows as current and what is reconfirmed. */
export function isCurrent(record: SideJobRecord, today: string): boolean {
  return isApproved(record) && (!record.data.form.endDate || record.data.form.endDate >= today);
}

/** Builds card views: looks up the names and quotes a record refers to. */
export class SideJobViews {
  constructor(private readonly services: SideJobServices) {}

  async of(record: SideJobRecord, actions: readonly string[] = []): Promise<SideJobView> {
    const named = async (id: string) => (await this.services.directory.person(id))?.name ?? '—';
    const [{ name, owner }, organisation, nl, en] = await Promise.all([
      namesOnRecord(this.services.directory, record),
      this.services.directory.organisation(record.orgId),
      reachabilityLines(record, named, 'nl'),
      reachabilityLines(record, named, 'en'),
    ]);
    const entries = record.history.map((entry) => ({ ...entry, actorName: name(entry.actor) }));
    const position = record.step && record.closedAt === null ? record.route.findIndex((step) => step.id === record.step!.id) : -1;
    const stepLabel = position >= 0 ? record.data.steps.find((step) => step.id === record.step!.id)?.label : undefined;
    return {
      record,
      organisation,
      ownerName: name(record.owner),
      ownerFunction: owner?.function || undefined,
      step: stepLabel ? { label: stepLabel, number: position + 1, of: record.route.length } : undefined,
      nextStepLabel: position >= 0 ? record.data.steps.find((step) => step.id === record.route[position + 1]?.id)?.label : undefined,
      assigneeNames: record.assignees.map(name),
      entries,
      decision: [...entries].reverse().find((entry) => entry.action === 'decide'),
      citations: this.cite(record),
      actions,
      reachability: { nl, en },
    };
  }

  private cite(record: SideJobRecord): CitedSource[] {
    return citeSources(this.services.knowledge, assessmentSources(record.data.assessment), (source) =>
      this.services.logger.warn({ event: 'sidejob.citation_missing', documentId: source.documentId }, 'cited section not found'),
    );
  }
}

export type { SideJobDecision };
