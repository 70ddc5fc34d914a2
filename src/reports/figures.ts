import type { Db } from 'mongodb';
import { recordsCollection } from '../workflow/store.js';
import { localize, type Language } from '../i18n/index.js';
import { categoryLabels, routeTitles } from './cards.js';
import { recipientRoutes, reportCategories, type RecipientRoute, type ReportCategory } from './form.js';
import { REPORT_TYPE, reportDeadlines, type ReportRecord } from './views.js';

/** Counts only, for the HR digest and the yearly report: nothing in it leads to a person or a case. */
export interface ReportFigures {
  orgId: string;
  from: Date;
  to: Date;
  total: number;
  byCategory: Record<ReportCategory, number>;
  byRoute: Record<RecipientRoute, number>;
  /** Acknowledged within the Wbk's 7 days. */
  acknowledgedWithin7Days: number;
  /** Feedback given within 3 months of the acknowledgement. */
  answeredWithin3Months: number;
  /** A Wbk deadline was missed: acknowledged or answered late, or still not by a deadline that has passed. */
  overdue: number;
  open: number;
  closed: number;
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/**
 * The reports of an organisation made in [from, to), counted from their metadata: the category,
 * the route and the dates of acknowledgement and feedback in the history. Works the same after
 * the content was deleted, because the metadata stays.
 */
export async function reportFigures(db: Db, orgId: string, from: Date, to: Date, now: Date = new Date()): Promise<ReportFigures> {
  const figures: ReportFigures = {
    orgId,
    from,
    to,
    total: 0,
    byCategory: zeroes(reportCategories),
    byRoute: zeroes(recipientRoutes),
    acknowledgedWithin7Days: 0,
    answeredWithin3Months: 0,
    overdue: 0,
    open: 0,
    closed: 0,
  };
  const records = recordsCollection(db).find(
    { orgId, type: REPORT_TYPE, createdAt: { $gte: from, $lt: to } },
    { projection: { _id: 1, owner: 1, createdAt: 1, closedAt: 1, route: 1, history: 1, state: 1, 'data.meta': 1 } },
  );
  for await (const found of records) {
    const record = found as ReportRecord;
    const deadlines = reportDeadlines(record, now);
    figures.total += 1;
    figures.byCategory[record.data.meta.category] += 1;
    figures.byRoute[record.data.meta.route] += 1;
    const acknowledgedInTime = deadlines.acknowledgedAt !== undefined && deadlines.acknowledgedAt <= deadlines.acknowledgementDue;
    const answeredInTime = deadlines.feedbackAt !== undefined && deadlines.feedbackDue !== undefined && deadlines.feedbackAt <= deadlines.feedbackDue;
    if (acknowledgedInTime) figures.acknowledgedWithin7Days += 1;
    if (answeredInTime) figures.answeredWithin3Months += 1;
    const acknowledgementMissed = deadlines.acknowledgedAt ? !acknowledgedInTime : now >= deadlines.acknowledgementDue && record.closedAt === null;
    const feedbackMissed = deadlines.feedbackDue !== undefined && (deadlines.feedbackAt ? !answeredInTime : now >= deadlines.feedbackDue && record.closedAt === null);
    if (acknowledgementMissed || feedbackMissed) figures.overdue += 1;
    if (record.closedAt) figures.closed += 1;
    else figures.open += 1;
  }
  return figures;
}

/**
 * Open reports of an organisation by their next Wbk deadline at `at`: past it, or due before
 * `nearUntil`. Counts only, for the HR digest.
 */
export async function reportDeadlineCounts(db: Db, orgId: string, at: Date, nearUntil: Date): Promise<{ near: number; past: number }> {
  const counts = { near: 0, past: 0 };
  const open = recordsCollection(db).find(
    { orgId, type: REPORT_TYPE, createdAt: { $lt: at }, $or: [{ closedAt: null }, { closedAt: { $gte: at } }] },
    { projection: { _id: 1, createdAt: 1, closedAt: 1, route: 1, history: 1, step: 1, 'data.meta': 1 } },
  );
  for await (const found of open) {
    const record = found as ReportRecord;
    const answered = record.history.some((entry) => entry.action === 'feedback' && entry.at < at);
    const deadlines = reportDeadlines({ ...record, closedAt: null, history: record.history.filter((entry) => entry.at < at) }, at);
    const next = deadlines.acknowledgedAt === undefined ? deadlines.acknowledgementDue : answered ? undefined : deadlines.feedbackDue;
    if (deadlines.overdue) counts.past += 1;
    else if (next && next <= nearUntil) counts.near += 1;
  }
  return counts;
}

/** A category or route code as readers see it ("Ongewenst gedrag"); an unknown code as it is. */
export function reportCategoryLabel(code: string, lang: Language): string {
  return code in categoryLabels ? localize(categoryLabels[code as ReportCategory], lang) : code;
}

export function reportRouteLabel(code: string, lang: Language): string {
  return code in routeTitles ? localize(routeTitles[code as RecipientRoute], lang) : code;
}
