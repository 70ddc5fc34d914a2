import type { Db } from 'mongodb';
import { RECORD_TYPES, countBy, firstEntry, recordsUntil, reportMeta } from '../digests/index.js';
import { yearlyMeetingCoverage } from '../meetings/index.js';
import { addCalendarDays, addMonths, yearIn } from '../workflow/workingDays.js';
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

/** The figures of records made in `year` (Europe/Amsterdam), counted from the same register the records CLI lists. */
export async function yearFigures(db: Db, orgId: string, year: number): Promise<YearFigures> {
  const records = (await recordsUntil(db, orgId, Object.values(RECORD_TYPES), new Date(Date.UTC(year + 1, 0, 2)))).filter((record) => yearIn(record.createdAt) === year);
  const ofType = (type: string) => records.filter((record) => record.type === type);
  const gifts = ofType(RECORD_TYPES.gift);
  const sideJobs = ofType(RECORD_TYPES.sideJob);
  const finance = ofType(RECORD_TYPES.finance);
  const reports = ofType(RECORD_TYPES.report);
  const meetings = await yearlyMeetingCoverage(db, orgId, year);
  const tally = (items: WorkflowRecord[], key: (record: WorkflowRecord) => string): Tally[] => countBy(items, key).map(({ key: k, count }) => ({ key: k, count }));
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
      total: reports.length,
      byCategory: tally(reports, (record) => reportMeta(record).category),
      byRoute: tally(reports, (record) => reportMeta(record).route),
      // Wet bescherming klokkenluiders: acknowledgement within 7 days, an answer within 3 months.
      acknowledgedWithin7Days: share(reports, (record) => {
        const at = firstEntry(record, 'acknowledge');
        return Boolean(at && at <= addCalendarDays(record.createdAt, 7));
      }),
      answeredWithin3Months: share(reports, (record) => {
        const at = firstEntry(record, 'feedback') ?? firstEntry(record, 'close');
        return Boolean(at && at <= addMonths(record.createdAt, 3));
      }),
    },
    meetings,
  };
}

function share(records: WorkflowRecord[], met: (record: WorkflowRecord) => boolean): Share {
  return { part: records.filter(met).length, base: records.length };
}

export async function annualFigures(db: Db, organisation: { id: string; name: string }, year: number, now = new Date()): Promise<AnnualFigures> {
  const [current, previous] = await Promise.all([yearFigures(db, organisation.id, year), yearFigures(db, organisation.id, year - 1)]);
  return { orgId: organisation.id, organisationName: organisation.name, current, previous, generatedAt: now };
}
