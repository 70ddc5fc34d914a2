import type { Db } from 'mongodb';
import { RECORD_TYPES, countBy, recordsUntil } from '../digests/index.js';
import { yearlyMeetingCoverage } from '../meetings/index.js';
import { reportFigures } from '../reports/index.js';
import { yearIn } from '../workflow/workingDays.js';
import type { WorkflowRecord } from '../workflow/types.js';

/** A count per key (kind, outcome, category, route); raw here, suppressed when published. */
export interface Tally {
  key: string;
  count: number;
}

/** A share: how many of a base met a deadline. */
export interface Share {
  part: number;
  base: number;
}

/** The figures of one year for Ambtenarenwet art. 4(4), raw; the renderers suppress small numbers. */
export interface YearFigures {
  year: number;
  gifts: { total: number; byKind: Tally[]; byOutcome: Tally[] };
  sideJobs: { new: number; approved: number; refused: number; withConditions: number; open: number };
  financialInterests: { notices: number; byOutcome: Tally[] };
  reports: { total: number; byCategory: Tally[]; byRoute: Tally[]; acknowledgedWithin7Days: Share; answeredWithin3Months: Share };
  meetings: { reminded: number; discussed: number; periods: number };
}

export interface AnnualFigures {
  orgId: string;
  organisationName: string;
  current: YearFigures;
  previous: YearFigures;
  generatedAt: Date;
}

/** Side-job outcomes as issue 9b's definition names its closed states. */
const SIDE_JOB_APPROVED = new Set(['approved', 'approved_with_conditions']);
const SIDE_JOB_REFUSED = new Set(['refused']);

function hasConditions(record: WorkflowRecord): boolean {
  return record.state === 'approved_with_conditions' || record.history.some((entry) => Boolean(entry.fields?.conditions?.trim()));
}

/** The first moment of `year` in Europe/Amsterdam, where the year of a record is counted. */
function startOfYear(year: number): Date {
  // 1 January 00:00 in Amsterdam is 23:00 UTC the day before (always winter time).
  return new Date(Date.UTC(year - 1, 11, 31, 23));
}

/** The figures of records made in `year` (Europe/Amsterdam), counted from the same register the records CLI lists. */
export async function yearFigures(db: Db, orgId: string, year: number, now = new Date()): Promise<YearFigures> {
  const records = (await recordsUntil(db, orgId, Object.values(RECORD_TYPES), new Date(Date.UTC(year + 1, 0, 2)))).filter((record) => yearIn(record.createdAt) === year);
  const ofType = (type: string) => records.filter((record) => record.type === type);
  const gifts = ofType(RECORD_TYPES.gift);
  const sideJobs = ofType(RECORD_TYPES.sideJob);
  const finance = ofType(RECORD_TYPES.finance);
  // Reports are counted by their own module (metadata only, the Wbk's terms as the handlers see them).
  const [reports, meetings] = await Promise.all([reportFigures(db, orgId, startOfYear(year), startOfYear(year + 1), now), yearlyMeetingCoverage(db, orgId, year)]);
  const tally = (items: WorkflowRecord[], key: (record: WorkflowRecord) => string): Tally[] => countBy(items, key).map(({ key: k, count }) => ({ key: k, count }));
  const nonZero = (counts: Record<string, number>): Tally[] =>
    Object.entries(counts)
      .filter(([, count]) => count > 0)
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return {
    year,
    gifts: {
      total: gifts.length,
      byKind: tally(gifts, (record) => String((record.data as { form?: { kind?: unknown } }).form?.kind ?? 'onbekend')),
      byOutcome: tally(gifts, (record) => record.state),
    },
    sideJobs: {
      new: sideJobs.length,
      approved: sideJobs.filter((record) => SIDE_JOB_APPROVED.has(record.state)).length,
      refused: sideJobs.filter((record) => SIDE_JOB_REFUSED.has(record.state)).length,
      withConditions: sideJobs.filter((record) => SIDE_JOB_APPROVED.has(record.state) && hasConditions(record)).length,
      open: sideJobs.filter((record) => record.closedAt === null).length,
    },
    financialInterests: { notices: finance.length, byOutcome: tally(finance, (record) => record.state) },
    reports: {
      total: reports.total,
      byCategory: nonZero(reports.byCategory),
      byRoute: nonZero(reports.byRoute),
      // Wet bescherming klokkenluiders: acknowledgement within 7 days, an answer within 3 months of it.
      acknowledgedWithin7Days: { part: reports.acknowledgedWithin7Days, base: reports.total },
      answeredWithin3Months: { part: reports.answeredWithin3Months, base: reports.total },
    },
    meetings,
  };
}

export async function annualFigures(db: Db, organisation: { id: string; name: string }, year: number, now = new Date()): Promise<AnnualFigures> {
  const [current, previous] = await Promise.all([yearFigures(db, organisation.id, year, now), yearFigures(db, organisation.id, year - 1, now)]);
  return { orgId: organisation.id, organisationName: organisation.name, current, previous, generatedAt: now };
}
