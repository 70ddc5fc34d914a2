import type { Db } from 'mongodb';
import { UNDELIVERED, type OutboxDocument } from '../delivery/outbox.js';
import type { DigestSettings, Organisation } from '../directory/types.js';
import { meetingCoverage } from '../meetings/index.js';
import { reportDeadlineCounts, reportFigures } from '../reports/index.js';
import { recordsCollection } from '../workflow/store.js';
import { RECORD_TYPES, recordsUntil, requestFigures, type Period, type RequestFigures } from './figures.js';

/** Defaults for an organisation whose data gives no `digest` settings (it then gets no scheduled digest). */
export const DEFAULT_DIGEST: DigestSettings = { day: 'monday', time: '08:00', recipientRoles: ['hr'], waitingLongerThanDays: 10, wbkNearDays: 14 };

/** A message that did not reach its reader, as HR may see it: who, about what, why, when. */
export interface DeliveryProblem {
  recipient: string;
  /** The record's reference, except for confidential reports. */
  reference: string | null;
  /** What the message was, e.g. `assigned`, `notice_decide`, `integrity_meeting`. */
  purpose: string;
  reason: string;
  at: Date;
}

/** What the weekly digest says, as stored with its run; reports only as counts. */
export interface DigestData {
  orgId: string;
  organisationName: string;
  from: Date;
  to: Date;
  waitingLongerThanDays: number;
  wbkNearDays: number;
  gifts: { count: number; totalValueEur: number; items: { reference: string; state: string; valueEur: number }[] };
  sideJobs: RequestFigures;
  financialInterests: RequestFigures;
  reports: { total: number; byCategory: { category: string; count: number }[]; nearDeadline: number; pastDeadline: number };
  undeliverable: DeliveryProblem[];
  deadLettered: DeliveryProblem[];
  meetings: { period: string; reminded: number; discussed: number } | null;
}

export interface DigestPeriodSource {
  db: Db;
  organisation: Organisation;
  period: Period;
  nameOf(aadObjectId: string): Promise<string | undefined>;
}

/** The digest of one organisation over one period, from the registers and the outbox. */
export async function buildDigest({ db, organisation, period, nameOf }: DigestPeriodSource): Promise<DigestData> {
  const settings = organisation.digest ?? DEFAULT_DIGEST;
  const records = await recordsUntil(db, organisation.id, Object.values(RECORD_TYPES), period.to);
  const inPeriod = (moment: Date) => moment >= period.from && moment < period.to;

  const gifts = records.filter((record) => record.type === RECORD_TYPES.gift && inPeriod(record.createdAt));
  const valueOf = (record: (typeof records)[number]) => Number((record.data as { form?: { valueEur?: unknown } } | null)?.form?.valueEur) || 0;

  const near = new Date(period.to.getTime() + settings.wbkNearDays * 24 * 60 * 60_000);

  // Reports are counted by their own module, from metadata only (the contents are sealed).
  const [reports, deadlines, undeliverable, deadLettered, meetings] = await Promise.all([
    reportFigures(db, organisation.id, period.from, period.to, period.to),
    reportDeadlineCounts(db, organisation.id, period.to, near),
    deliveryProblems(db, organisation.id, 'undeliverable', period, nameOf),
    deliveryProblems(db, organisation.id, 'dead', period, nameOf),
    meetingCoverage(db, organisation, new Date(period.to.getTime() - 1)),
  ]);

  return {
    orgId: organisation.id,
    organisationName: organisation.name,
    from: period.from,
    to: period.to,
    waitingLongerThanDays: settings.waitingLongerThanDays,
    wbkNearDays: settings.wbkNearDays,
    gifts: {
      count: gifts.length,
      totalValueEur: Math.round(gifts.reduce((sum, record) => sum + valueOf(record), 0) * 100) / 100,
      items: gifts.map((record) => ({ reference: record.reference, state: record.state, valueEur: valueOf(record) })).sort((a, b) => a.reference.localeCompare(b.reference)),
    },
    sideJobs: requestFigures(records, RECORD_TYPES.sideJob, period, settings.waitingLongerThanDays),
    financialInterests: requestFigures(records, RECORD_TYPES.finance, period, settings.waitingLongerThanDays),
    reports: {
      total: reports.total,
      byCategory: Object.entries(reports.byCategory)
        .filter(([, count]) => count > 0)
        .map(([category, count]) => ({ category, count }))
        .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
      nearDeadline: deadlines.near,
      pastDeadline: deadlines.past,
    },
    undeliverable,
    deadLettered,
    meetings: meetings ?? null,
  };
}

/** Messages of the organisation that ended undeliverable or dead-lettered in the period. */
async function deliveryProblems(db: Db, orgId: string, status: 'undeliverable' | 'dead', period: Period, nameOf: (id: string) => Promise<string | undefined>): Promise<DeliveryProblem[]> {
  const documents = await db
    .collection<OutboxDocument>(UNDELIVERED)
    .find({ status, 'message.orgId': orgId, updatedAt: { $gte: period.from, $lt: period.to } })
    .sort({ updatedAt: 1 })
    .limit(200)
    .toArray();
  const problems: DeliveryProblem[] = [];
  for (const { message, lastError, updatedAt } of documents) {
    if (message.mode === 'refresh' || message.mode === 'adopt') continue;
    const record = message.recordId ? await recordsCollection(db).findOne({ _id: message.recordId }, { projection: { type: 1, reference: 1 } }) : null;
    problems.push({
      recipient: (await nameOf(message.to)) ?? 'onbekend',
      // A report's reference says something about who reported; HR sees only that a message did not arrive.
      reference: record && record.type !== RECORD_TYPES.report ? record.reference : null,
      purpose: message.purpose,
      reason: lastError ?? status,
      at: updatedAt,
    });
  }
  return problems;
}

/** Every reference the digest lists (for the CLI's dry run and the tests). */
export function digestReferences(digest: DigestData): string[] {
  return [...digest.gifts.items.map((item) => item.reference), ...[...digest.undeliverable, ...digest.deadLettered].map((problem) => problem.reference).filter((reference): reference is string => reference !== null)];
}
