import type { Language } from '../i18n/index.js';
import { citeSources, type CitedSource } from '../cards/citations.js';
import type { Person, Role } from '../directory/types.js';
import { namesOnRecord, reachabilityLines, type HistoryEntry, type PresenterServices, type WorkflowRecord } from '../workflow/index.js';
import type { FinancialInterestForm } from './form.js';
import type { FinanceSettings } from './settings.js';

export const FINANCE_TYPE = 'finance';

export interface FinanceData {
  form: FinancialInterestForm;
  /** The duty as the organisation stated it when the notice was made, with its sections. */
  duty: FinanceSettings['duty'];
}

export type FinanceRecord = WorkflowRecord<FinanceData>;

/** The recipients are looked up by role when a notice is made. */
export interface FinanceServices extends PresenterServices {
  directory: PresenterServices['directory'] & { peopleWithRole(orgId: string, role: Role): Promise<Person[]> };
}

export interface FinanceView {
  record: FinanceRecord;
  ownerName: string;
  ownerFunction: string | undefined;
  assigneeNames: string[];
  decision: (HistoryEntry & { actorName: string }) | undefined;
  citations: CitedSource[];
  actions: readonly string[];
  /** Who on the open step cannot be reached in Teams, and what happens then (for the owner). */
  reachability: Record<Language, string[]>;
}

export function financeDecisionOf(record: FinanceRecord): HistoryEntry | undefined {
  return [...record.history].reverse().find((entry) => entry.action === 'decide');
}

export class FinanceViews {
  constructor(private readonly services: FinanceServices) {}

  async of(record: FinanceRecord, actions: readonly string[] = []): Promise<FinanceView> {
    const named = async (id: string) => (await this.services.directory.person(id))?.name ?? '—';
    const [{ name, owner }, nl, en] = await Promise.all([namesOnRecord(this.services.directory, record), reachabilityLines(record, named, 'nl'), reachabilityLines(record, named, 'en')]);
    const decision = financeDecisionOf(record);
    return {
      record,
      ownerName: name(record.owner),
      ownerFunction: owner?.function || undefined,
      assigneeNames: record.assignees.map(name),
      decision: decision ? { ...decision, actorName: name(decision.actor) } : undefined,
      citations: citeSources(this.services.knowledge, record.data.duty.sources, (source) =>
        this.services.logger.warn({ event: 'finance.citation_missing', documentId: source.documentId }, 'cited section not found'),
      ),
      actions,
      reachability: { nl, en },
    };
  }
}
