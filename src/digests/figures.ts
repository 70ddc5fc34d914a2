import type { Db } from 'mongodb';
import { recordsCollection } from '../workflow/store.js';
import type { WorkflowRecord } from '../workflow/types.js';

/**
 * The record types the digests and the yearly report count. Gifts, side jobs and financial
 * interests are read generically (type, state, history, dates); reports are counted by their own
 * module (src/reports/figures.ts), from metadata only.
 */
export const RECORD_TYPES = { gift: 'gift', sideJob: 'sidejob', finance: 'finance', report: 'report' } as const;

/** Counts under this are shown as "< 5": small numbers about reports could point at people. */
export const SMALL_NUMBER = 5;

/** A count as it may be published: 1-4 become "< 5"; zero says nothing about anyone and stays 0. */
export function shown(count: number): string {
  return count > 0 && count < SMALL_NUMBER ? `< ${SMALL_NUMBER}` : String(count);
}

/**
 * A group of counts whose total is published as well (reports per category): besides hiding 1-4,
 * when exactly one count is hidden the smallest shown one is hidden too ("≥ 5"), or the total
 * minus the others would give the hidden number away.
 */
export function shownGroup(counts: number[]): string[] {
  const shownCounts = counts.map(shown);
  const hidden = counts.filter((count) => count > 0 && count < SMALL_NUMBER).length;
  if (hidden === 1) {
    const candidates = counts.map((count, index) => ({ count, index })).filter(({ count }) => count >= SMALL_NUMBER).sort((a, b) => a.count - b.count);
    if (candidates[0]) shownCounts[candidates[0].index] = `≥ ${SMALL_NUMBER}`;
  }
  return shownCounts;
}

/** A share as it may be published: only over a base of at least five. */
export function shownShare(part: number, base: number): string {
  if (base < SMALL_NUMBER) return base === 0 ? '—' : `n.v.t. (< ${SMALL_NUMBER})`;
  return `${Math.round((part / base) * 100)}%`;
}

export interface Period {
  from: Date;
  to: Date;
}

const within = (moment: Date | null | undefined, period: Period) => Boolean(moment && moment >= period.from && moment < period.to);

/** Every record of the organisation and these types that was created before the period ended. */
export async function recordsUntil(db: Db, orgId: string, types: readonly string[], until: Date): Promise<WorkflowRecord[]> {
  return recordsCollection(db)
    .find({ orgId, type: { $in: [...types] }, createdAt: { $lt: until } })
    .sort({ createdAt: 1 })
    .toArray();
}

/** New, waiting too long and decided requests of one type (side jobs, financial interests). */
export interface RequestFigures {
  new: number;
  waiting: number;
  decided: number;
}

export function requestFigures(records: WorkflowRecord[], type: string, period: Period, waitingLongerThanDays: number): RequestFigures {
  const ofType = records.filter((record) => record.type === type);
  const waitingSince = new Date(period.to.getTime() - waitingLongerThanDays * 24 * 60 * 60_000);
  return {
    new: ofType.filter((record) => within(record.createdAt, period)).length,
    waiting: ofType.filter((record) => (record.closedAt === null || record.closedAt >= period.to) && record.createdAt < waitingSince).length,
    decided: ofType.filter((record) => within(record.closedAt, period) && !isWithdrawn(record)).length,
  };
}

export function isWithdrawn(record: WorkflowRecord): boolean {
  return record.state === 'withdrawn';
}

/** A code such as `ongewenst_gedrag` as a reader sees it: "Ongewenst gedrag". */
export function labelOf(code: string): string {
  const words = code.replace(/^vertrouwenspersoon_/, 'vertrouwenspersoon ').replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function countBy<T>(items: T[], key: (item: T) => string): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

