import type { Language } from '../i18n/index.js';
import { localize } from '../i18n/index.js';
import type { RecordPresentation } from '../workflow/index.js';
import { formatDate } from '../i18n/format.js';
import { reportStateLabel, reportSubject, routeTitles } from './cards.js';
import { reportDeadlines, type ReportRecord } from './views.js';

const iso = (moment: Date | undefined | null) => moment?.toISOString() ?? null;

function timeliness(done: Date | undefined, due: Date | undefined, lang: Language): string {
  const nl = lang === 'nl';
  if (!due) return nl ? 'nog niet aan de orde' : 'not yet due';
  if (!done) return nl ? `nog niet (uiterlijk ${formatDate(due, lang)})` : `not yet (due ${formatDate(due, lang)})`;
  return done <= due ? (nl ? `op tijd, ${formatDate(done, lang)}` : `in time, ${formatDate(done, lang)}`) : nl ? `te laat, ${formatDate(done, lang)}` : `late, ${formatDate(done, lang)}`;
}

/**
 * How reports appear in lists, the register and the records CLI: metadata only. The content is
 * sealed and the owner is a pseudonym, so there is nothing else to show; the owner name the
 * lists pass in (an unknown pseudonym) is never used.
 */
export const reportPresentation: RecordPresentation = {
  typeLabel: { nl: 'Melding', en: 'Report' },
  registerTitle: { nl: 'Meldingenregister', en: 'Report register' },
  registerCommands: [/^\s*(meldingenregister|register meldingen|report register)[\s.!?]*$/i],
  stateLabel: (record, lang) => reportStateLabel(record as ReportRecord, reportDeadlines(record as ReportRecord), lang),
  summary: (record, lang) => {
    const report = record as ReportRecord;
    return `${reportSubject(report.data.meta, lang)} · ${localize(routeTitles[report.data.meta.route], lang).toLowerCase()}`;
  },
  registerFacts(record, lang) {
    const report = record as ReportRecord;
    const deadlines = reportDeadlines(report);
    const nl = lang === 'nl';
    return [
      { title: nl ? 'Onderwerp' : 'Subject', value: reportSubject(report.data.meta, lang) },
      { title: nl ? 'Route' : 'Route', value: localize(routeTitles[report.data.meta.route], lang) },
      { title: 'Status', value: reportStateLabel(report, deadlines, lang) },
      { title: nl ? 'Ontvangst bevestigd' : 'Acknowledged', value: timeliness(deadlines.acknowledgedAt, deadlines.acknowledgementDue, lang) },
      { title: nl ? 'Terugkoppeling' : 'Feedback', value: timeliness(deadlines.feedbackAt, deadlines.feedbackDue, lang) },
    ];
  },
  exportRow(record) {
    const report = record as ReportRecord;
    const { meta } = report.data;
    const deadlines = reportDeadlines(report);
    return {
      id: report._id,
      reference: report.reference,
      category: meta.category,
      subcategory: meta.subcategory,
      route: meta.route,
      identity: meta.identity,
      contactOnly: meta.contactOnly,
      state: report.state,
      createdAt: report.createdAt.toISOString(),
      acknowledgementDueAt: deadlines.acknowledgementDue.toISOString(),
      acknowledgedAt: iso(deadlines.acknowledgedAt),
      feedbackDueAt: iso(deadlines.feedbackDue),
      feedbackAt: iso(deadlines.feedbackAt),
      closedAt: iso(report.closedAt),
      overdue: deadlines.overdue,
    };
  },
};
