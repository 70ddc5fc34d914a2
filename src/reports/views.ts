import type { Organisation, Person } from '../directory/types.js';
import type { Citation } from '../knowledge/types.js';
import type { Logger } from '../logging/logger.js';
import { addDuration, dutchHolidays, type HistoryEntry, type Viewer, type WorkflowRecord } from '../workflow/index.js';
import type { RecipientRoute, ReportCategory, ReportIdentity, ReportSubcategory } from './form.js';
import type { ReportDirectory } from './recipients.js';
import type { ReportSettingsBook } from './settings.js';
import type { OpenedReport, ReportVault } from './vault.js';

export const REPORT_TYPE = 'report';

/**
 * What a report record holds in plain: the metadata the yearly figures and HR digests count
 * (the shared contract), who handles it, and where its sealed content is. Nothing else.
 */
export interface ReportMeta {
  category: ReportCategory;
  subcategory: ReportSubcategory | null;
  route: RecipientRoute;
  identity: ReportIdentity;
  contactOnly: boolean;
}

export interface ReportData {
  meta: ReportMeta;
  /** The chosen recipient (a handler, not the reporter), also the step's first assignee. */
  recipient: string;
  /** The sealed description, identity and data key in the `reportVault` collection. */
  vaultId: string;
}

export type ReportRecord = WorkflowRecord<ReportData>;

/** The Wbk steps and the follow-up, in route order. */
export const reportSteps = { acknowledgement: 'acknowledgement', feedback: 'feedback', followUp: 'follow_up' } as const;

/** Actions whose history entry carries a sealed text for the thread. */
export const textActions = ['message', 'reply', 'feedback', 'close'] as const;

export interface ReportDeadlines {
  acknowledgementDue: Date;
  acknowledgedAt: Date | undefined;
  /** Known once acknowledged: 3 months after the acknowledgement. */
  feedbackDue: Date | undefined;
  feedbackAt: Date | undefined;
  /** The Wbk deadline now running has passed without the action. */
  overdue: boolean;
}

const entryOf = (record: ReportRecord, action: string) => record.history.find((entry) => entry.action === action);

/**
 * Both Wbk deadlines from the record itself: its stored route and its history. Without `now`
 * (lists and exports, which have no clock of their own) a deadline counts as missed once the
 * deadline run flagged it.
 */
export function reportDeadlines(record: ReportRecord, now?: Date): ReportDeadlines {
  const [acknowledgement, feedback] = record.route;
  const acknowledged = entryOf(record, 'acknowledge');
  const answered = entryOf(record, 'feedback');
  const acknowledgementDue = acknowledgement ? addDuration(record.createdAt, acknowledgement.deadline, dutchHolidays) : record.createdAt;
  const feedbackDue = acknowledged && feedback ? addDuration(acknowledged.at, feedback.deadline, dutchHolidays) : undefined;
  const open = record.closedAt === null;
  // Due at the moment itself, as the engine counts it (its flag, when set, says the same).
  const missed = now !== undefined && ((!acknowledged && now >= acknowledgementDue) || (Boolean(acknowledged) && !answered && feedbackDue !== undefined && now >= feedbackDue));
  const overdue = open && (missed || Boolean(record.step?.overdue && record.step.id !== reportSteps.followUp));
  return { acknowledgementDue, acknowledgedAt: acknowledged?.at, feedbackDue, feedbackAt: answered?.at, overdue };
}

/** Deputies the recipient added, oldest first, from the (audited) history. */
export function deputiesOf(record: ReportRecord): string[] {
  return record.history.filter((entry) => entry.action === 'add_deputy' && entry.fields.deputy).map((entry) => entry.fields.deputy!);
}

export type Audience = 'reporter' | 'recipient' | 'deputy';

/** One line of the conversation about a report, as the viewer may read it. */
export interface ThreadEntry {
  at: Date;
  action: string;
  /** Who wrote or did it, for this viewer: the reporter, or a handler by name. */
  author: { kind: 'reporter' } | { kind: 'handler'; name: string };
  /** The opened text; undefined when the entry has none or its content was deleted. */
  text: string | undefined;
}

/** What a card about a report needs, decided for one viewer. */
export interface ReportView {
  record: ReportRecord;
  audience: Audience;
  organisationName: string;
  recipientName: string;
  deputies: { aadObjectId: string; name: string }[];
  /** Undefined after retention (content deleted) or when no key opens it. */
  content: { description: string | undefined; managerInvolved: boolean } | undefined;
  /** Only for whoever may know who reported: the recipient always, a deputy only for a named report. */
  reporter: { name: string; upn: string } | undefined;
  contentState: 'open' | 'deleted' | 'unavailable';
  thread: ThreadEntry[];
  deadlines: ReportDeadlines;
  /** What this viewer may do now (the recipient alone adds deputies). */
  actions: readonly string[];
  /** The latest change, unless the viewer made it themselves: what a refreshed card calls new. */
  newFromOthers: HistoryEntry | undefined;
  deputyCandidates: Person[];
}

export interface ReportViewServices {
  directory: ReportDirectory & { organisation(orgId: string): Promise<Organisation | undefined> };
  knowledge: { section(documentId: string, sectionRef: string): Citation | undefined };
  settings: ReportSettingsBook;
  vault: ReportVault | undefined;
  logger: Logger;
  now: () => Date;
}

/** Builds views: opens the sealed part for those allowed, looks up names, filters by audience. */
export class ReportViews {
  constructor(private readonly services: ReportViewServices) {}

  async open(record: ReportRecord): Promise<{ opened: OpenedReport | undefined; state: ReportView['contentState'] }> {
    if (!this.services.vault) return { opened: undefined, state: 'unavailable' };
    try {
      const opened = await this.services.vault.open(record.data.vaultId);
      return opened ? { opened, state: 'open' } : { opened: undefined, state: 'deleted' };
    } catch (error) {
      this.services.logger.error({ event: 'report.content_unavailable', recordId: record._id, err: { name: (error as Error).name } }, 'report content could not be opened');
      return { opened: undefined, state: 'unavailable' };
    }
  }

  async of(record: ReportRecord, viewer: Viewer): Promise<ReportView> {
    const audience: Audience = viewer.isOwner ? 'reporter' : viewer.aadObjectId === record.data.recipient ? 'recipient' : 'deputy';
    const { opened, state } = await this.open(record);
    const nameOf = async (id: string) => (await this.services.directory.person(id))?.name ?? '—';
    const deputyIds = deputiesOf(record);
    const [organisation, recipientName, deputyNames] = await Promise.all([
      this.services.directory.organisation(record.orgId),
      nameOf(record.data.recipient),
      Promise.all(deputyIds.map(nameOf)),
    ]);
    const mayKnowReporter = audience === 'recipient' || (audience === 'deputy' && record.data.meta.identity === 'named');
    const content = opened && audience !== 'reporter' ? { description: opened.content.description, managerInvolved: opened.content.managerInvolved } : undefined;
    const actions = audience === 'recipient' ? viewer.actions : viewer.actions.filter((action) => action !== 'add_deputy');
    return {
      record,
      audience,
      organisationName: organisation?.name ?? record.orgId,
      recipientName,
      deputies: deputyIds.map((aadObjectId, index) => ({ aadObjectId, name: deputyNames[index] ?? '—' })),
      content,
      reporter: opened && mayKnowReporter ? { name: opened.content.reporter.name, upn: opened.content.reporter.upn } : undefined,
      contentState: state,
      thread: await this.thread(record, opened),
      deadlines: reportDeadlines(record, this.services.now()),
      actions,
      newFromOthers: [record.history.at(-1)].find((entry) => entry && entry.actor !== viewer.aadObjectId && !(viewer.isOwner && entry.actor === record.owner)),
      deputyCandidates: actions.includes('add_deputy') && opened ? await this.deputyCandidates(record, opened) : [],
    };
  }

  /** The conversation: every action a reader should know of, with its opened text. */
  async thread(record: ReportRecord, opened: OpenedReport | undefined): Promise<ThreadEntry[]> {
    const shown = new Set<string>(['acknowledge', 'add_deputy', ...textActions]);
    const names = new Map<string, string>();
    const entries: ThreadEntry[] = [];
    for (const entry of record.history.filter((candidate) => shown.has(candidate.action))) {
      entries.push({ at: entry.at, action: entry.action, author: await this.author(record, entry, names), text: this.textOf(entry, opened) });
    }
    return entries;
  }

  textOf(entry: HistoryEntry, opened: OpenedReport | undefined): string | undefined {
    if (entry.action === 'add_deputy') return undefined;
    const sealed = entry.fields.text;
    return sealed && opened ? opened.openText(sealed) : undefined;
  }

  private async author(record: ReportRecord, entry: HistoryEntry, names: Map<string, string>): Promise<ThreadEntry['author']> {
    if (entry.actor === record.owner) return { kind: 'reporter' };
    if (!names.has(entry.actor)) names.set(entry.actor, (await this.services.directory.person(entry.actor))?.name ?? '—');
    return { kind: 'handler', name: names.get(entry.actor)! };
  }

  /**
   * Whom the recipient may add: holders of the organisation's deputy roles and the recipient's
   * own manager; never the reporter, someone already handling it, or the reporter's manager
   * when the manager is involved.
   */
  async deputyCandidates(record: ReportRecord, opened: OpenedReport): Promise<Person[]> {
    const { directory, settings } = this.services;
    const reporter = opened.content.reporter.aadObjectId;
    const excluded = new Set([reporter, ...record.assignees, record.data.recipient]);
    if (opened.content.managerInvolved) {
      const manager = (await directory.managerChain(reporter))[0];
      if (manager) excluded.add(manager.aadObjectId);
    }
    const candidates = new Map<string, Person>();
    for (const role of settings.of(record.orgId).deputyRoles) {
      for (const person of await directory.peopleWithRole(record.orgId, role)) candidates.set(person.aadObjectId, person);
    }
    const ownManager = (await directory.managerChain(record.data.recipient))[0];
    if (ownManager && ownManager.orgId === record.orgId) candidates.set(ownManager.aadObjectId, ownManager);
    return [...candidates.values()].filter((person) => !excluded.has(person.aadObjectId)).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }
}
