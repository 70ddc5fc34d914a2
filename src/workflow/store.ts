import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, type CollectionDefinition } from '../storage/database.js';
import { NumberSeries, type SeriesHead } from '../storage/numberSeries.js';
import type { AuditEntry, WorkflowRecord } from './types.js';

export const WORKFLOW_RECORDS = 'workflowRecords';
export const WORKFLOW_COUNTERS = 'workflowCounters';
/**
 * The reference series' heads, apart from their numbers: with FerretDB's stock build an update by
 * `_id` went through the whole collection while it held the database's one write lock, and
 * beside every number ever issued that grew with every notification. Kept apart, a head's update
 * touches a handful of documents on any server.
 */
export const WORKFLOW_COUNTER_HEADS = 'workflowCounterHeads';
export const WORKFLOW_AUDIT = 'workflowAudit';

/** One collection for every record type: lists and the register query by type, never across organisations. */
export const recordCollections: CollectionDefinition[] = [
  {
    name: WORKFLOW_RECORDS,
    indexes: [
      { key: { reference: 1 }, name: 'reference_unique', unique: true },
      // A double click or a redelivered card action carries the same key: the second insert fails here.
      { key: { idempotencyKey: 1 }, name: 'idempotencyKey_unique', unique: true },
      { key: { owner: 1, createdAt: -1 }, name: 'owner_createdAt' },
      { key: { assignees: 1, closedAt: 1 }, name: 'assignees_closedAt' },
      { key: { orgId: 1, type: 1, year: -1, sequence: -1 }, name: 'org_type_year_sequence' },
      // The deadline run asks for open records whose next reminder or deadline has come.
      { key: { nextDueAt: 1 }, name: 'nextDueAt' },
    ],
  },
  { name: WORKFLOW_COUNTERS, indexes: [{ key: { series: 1, value: -1 }, name: 'series_value' }] },
  // Heads an earlier release kept among the numbers stay there unread: a series without a head here starts from its highest number (`lastByQuery`), once.
  { name: WORKFLOW_COUNTER_HEADS, indexes: [] },
  // Insert-only; the _id (<recordId>:<version>) is the lock that serialises changes to a record.
  { name: WORKFLOW_AUDIT, indexes: [{ key: { recordId: 1, version: 1 }, name: 'recordId_version' }] },
];

export function recordsCollection(db: Db): Collection<WorkflowRecord> {
  return db.collection<WorkflowRecord>(WORKFLOW_RECORDS);
}

export function auditCollection(db: Db): Collection<AuditEntry> {
  return db.collection<AuditEntry>(WORKFLOW_AUDIT);
}

interface IssuedNumber {
  /** `<orgId>:<type>:<year>:<n>`: the unique _id is what makes a number belong to one record. */
  _id: string;
  series: string;
  value: number;
  issuedAt: Date;
  schemaVersion: number;
}

/**
 * Reference numbers per organisation, type and year. Each number is claimed by inserting it (see
 * NumberSeries: a duplicate `_id` is refused atomically on every server, whereas an `$inc` on a
 * shared counter is not atomic on FerretDB; measured: 30 concurrent increments gave 13 distinct
 * values). The series' head, `_id` `<orgId>:<type>:<year>` in `WORKFLOW_COUNTER_HEADS`, is where the
 * next number is looked for. Losers simply try the next number, so numbers stay unique and
 * gapless. Keep one per process: it issues a series' numbers here one after the other.
 */
export class ReferenceNumbers {
  private readonly series: NumberSeries<IssuedNumber>;

  constructor(db: Db) {
    const numbers = db.collection<IssuedNumber>(WORKFLOW_COUNTERS);
    this.series = new NumberSeries(numbers, db.collection<SeriesHead>(WORKFLOW_COUNTER_HEADS), {
      idOf: (name, n) => `${name}:${n}`,
      // A series numbered before it had a head: its highest number, once.
      lastByQuery: async (name) => (await numbers.find({ series: name }).sort({ value: -1 }).limit(1).next())?.value ?? 0,
    });
  }

  async next(orgId: string, type: string, year: number): Promise<number> {
    const series = `${orgId}:${type}:${year}`;
    return (await this.series.issue(series, (value) => ({ series, value, issuedAt: new Date(), schemaVersion: SCHEMA_VERSION }))).value;
  }
}

/** One number, as another instance would draw it. */
export function nextSequence(db: Db, orgId: string, type: string, year: number): Promise<number> {
  return new ReferenceNumbers(db).next(orgId, type, year);
}

export function formatReference(prefix: string, code: string, year: number, sequence: number): string {
  return `${prefix}-${code}-${year}-${String(sequence).padStart(4, '0')}`;
}
