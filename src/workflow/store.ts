import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError, type CollectionDefinition } from '../storage/database.js';
import type { AuditEntry, WorkflowRecord } from './types.js';

export const WORKFLOW_RECORDS = 'workflowRecords';
export const WORKFLOW_COUNTERS = 'workflowCounters';
export const WORKFLOW_AUDIT = 'workflowAudit';

/** One collection for every record type: lists and the register query by type, never across organisations. */
export const workflowCollections: CollectionDefinition[] = [
  {
    name: WORKFLOW_RECORDS,
    indexes: [
      { key: { reference: 1 }, name: 'reference_unique', unique: true },
      // A double click or a redelivered card action carries the same key: the second insert fails here.
      { key: { idempotencyKey: 1 }, name: 'idempotencyKey_unique', unique: true },
      { key: { owner: 1, createdAt: -1 }, name: 'owner_createdAt' },
      { key: { deciders: 1, state: 1 }, name: 'deciders_state' },
      { key: { orgId: 1, type: 1, year: -1, sequence: -1 }, name: 'org_type_year_sequence' },
      { key: { type: 1, state: 1, remindAt: 1 }, name: 'type_state_remindAt' },
      { key: { type: 1, state: 1, escalateAt: 1 }, name: 'type_state_escalateAt' },
    ],
  },
  { name: WORKFLOW_COUNTERS, indexes: [] },
  // Insert-only; the _id (<recordId>:<version>) is the lock that serialises changes to a record.
  { name: WORKFLOW_AUDIT, indexes: [{ key: { recordId: 1, version: 1 }, name: 'recordId_version' }] },
];

export function recordsCollection(db: Db): Collection<WorkflowRecord> {
  return db.collection<WorkflowRecord>(WORKFLOW_RECORDS);
}

export function auditCollection(db: Db): Collection<AuditEntry> {
  return db.collection<AuditEntry>(WORKFLOW_AUDIT);
}

interface Counter {
  _id: string;
  value: number;
}

/**
 * The next number for an organisation, type and year: one atomic $inc on an upserted counter,
 * so concurrent submissions on several instances never share a number.
 */
export async function nextSequence(db: Db, orgId: string, type: string, year: number): Promise<number> {
  const counters = db.collection<Counter>(WORKFLOW_COUNTERS);
  const increment = () =>
    counters.findOneAndUpdate({ _id: `${orgId}:${type}:${year}` }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' });
  let counter: Counter | null;
  try {
    counter = await increment();
  } catch (error) {
    // Two first numbers of a year at once: both upsert, one loses on _id and simply increments.
    if (!isDuplicateKeyError(error)) throw error;
    counter = await increment();
  }
  if (!counter) throw new Error('counter upsert returned no document');
  return counter.value;
}

export function formatReference(prefix: string, code: string, year: number, sequence: number): string {
  return `${prefix}-${code}-${year}-${String(sequence).padStart(4, '0')}`;
}

/** Placeholder until the number is allocated; unique so the reference index holds meanwhile. */
export function pendingReference(recordId: string): string {
  return `pending:${recordId}`;
}

export function isPendingReference(reference: string): boolean {
  return reference.startsWith('pending:');
}
