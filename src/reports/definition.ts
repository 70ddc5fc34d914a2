import type { Language } from '../i18n/index.js';
import type { Escalation, HistoryEntry, StepSpec, Viewer, WorkflowDefinition } from '../workflow/index.js';
import { acknowledgedText, closedText, deputyAddedText, handlerCard, reporterCard, reporterMessageCard } from './cards.js';
import type { ReportSettings, ReportSettingsBook } from './settings.js';
import type { Pseudonyms } from './vault.js';
import { REPORT_TYPE, deputiesOf, reportSteps, type ReportData, type ReportRecord, type ReportViews } from './views.js';

/**
 * The Wet bescherming klokkenluiders: receipt acknowledged within 7 days of the report, feedback
 * within 3 months of the acknowledgement. The same for every organisation, so not data.
 */
export const WBK = { acknowledgementDays: 7, feedbackMonths: 3 } as const;

/** Nobody else may be handed a confidential report: a missed deadline is flagged, not escalated. */
const noEscalation: Escalation = { upTheChain: false, roles: [] };

/**
 * Three steps with the chosen recipient (and any deputy): acknowledge within 7 days, give
 * feedback within 3 months of that, then follow up until closed. Messages both ways and adding
 * a deputy are possible throughout; closing once acknowledged. Reminders before each deadline
 * are the organisation's.
 */
export function reportRoute(settings: ReportSettings): StepSpec[] {
  const before = (days: readonly number[]) => days.map((calendarDays) => ({ beforeDeadline: { calendarDays } }));
  return [
    {
      id: reportSteps.acknowledgement,
      actor: { kind: 'chosen' },
      actions: ['acknowledge', 'message', 'add_deputy'],
      deadline: { calendarDays: WBK.acknowledgementDays },
      reminders: before(settings.clocks.acknowledgementRemindersDaysBefore),
      escalation: noEscalation,
    },
    {
      id: reportSteps.feedback,
      actor: { kind: 'chosen' },
      actions: ['feedback', 'message', 'add_deputy', 'close'],
      deadline: { months: WBK.feedbackMonths },
      reminders: before(settings.clocks.feedbackRemindersDaysBefore),
      escalation: noEscalation,
    },
    {
      id: reportSteps.followUp,
      actor: { kind: 'chosen' },
      actions: ['message', 'add_deputy', 'close'],
      deadline: { months: settings.clocks.followUpMonths },
      reminders: before([14]),
      escalation: noEscalation,
    },
  ];
}

export interface ReportDefinitionServices {
  views: ReportViews;
  settings: ReportSettingsBook;
  /** Absent when no master key is configured: then no report can be made either. */
  pseudonyms: Pseudonyms | undefined;
  directory: { person(aadObjectId: string): Promise<{ name: string } | undefined> };
}

/**
 * Reports as a workflow definition: filed under the reporter's pseudonym, visible only to the
 * reporter, the chosen recipient and deputies the recipient added; never to managers, HR or
 * the integrity coordinator by their role. They may read the register, which is metadata only.
 */
export function createReportDefinition(services: ReportDefinitionServices): WorkflowDefinition<ReportData> {
  const { views, settings, pseudonyms } = services;
  /** The reporter's view of their own report, for a notice: they may answer while it is open. */
  const reporterViewer = (record: ReportRecord, lang: Language): Viewer => ({ aadObjectId: record.owner, lang, isOwner: true, actions: record.closedAt === null ? ['reply'] : [] });

  async function ownerNotice(record: ReportRecord, entry: HistoryEntry, lang: Language) {
    const view = await views.of(record, reporterViewer(record, lang));
    switch (entry.action) {
      case 'acknowledge':
        return acknowledgedText(view, lang);
      case 'add_deputy': {
        const deputy = await services.directory.person(entry.fields.deputy ?? '');
        return deputyAddedText(view, deputy?.name ?? '—', lang);
      }
      case 'message':
      case 'feedback':
      case 'close': {
        const line = view.thread.find((candidate) => candidate.at.getTime() === entry.at.getTime() && candidate.action === entry.action);
        if (line?.text) return reporterMessageCard(view, line, lang);
        return entry.action === 'close' ? closedText(view, lang) : undefined;
      }
      default:
        return undefined;
    }
  }

  return {
    type: REPORT_TYPE,
    referenceCode: 'M',
    closedStates: ['closed'],
    actions: {
      acknowledge: { by: 'step', outcomes: { acknowledged: { kind: 'next' } } },
      message: { by: 'step', outcomes: { sent: { kind: 'stay' } } },
      feedback: { by: 'step', outcomes: { given: { kind: 'next' } } },
      close: { by: 'step', outcomes: { closed: { kind: 'close', state: 'closed' } } },
      add_deputy: { by: 'step', outcomes: { added: { kind: 'assign', field: 'deputy' } } },
      reply: { by: 'owner', outcomes: { sent: { kind: 'stay' } } },
    },
    route: ({ organisation }) => reportRoute(settings.of(organisation.id)),
    chooseActors: async (record) => [record.data.recipient, ...deputiesOf(record)],
    ...(pseudonyms ? { ownerIdOf: (aadObjectId: string) => pseudonyms.of(aadObjectId) } : {}),
    delegateRoles: [],
    visibility: { owner: true, participants: true, roles: [] },
    registerRoles: ['integrity_coordinator', 'hr'],
    presenter: {
      card: async (record, viewer, reason, feedback) => {
        const view = await views.of(record, viewer);
        return viewer.isOwner ? reporterCard(view, viewer.lang, feedback) : handlerCard(view, viewer.lang, reason, feedback);
      },
      ownerNotice,
    },
  };
}
