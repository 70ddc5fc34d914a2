import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, type CollectionDefinition } from '../storage/database.js';
import { WriteClaims, type VersionedDocument } from '../storage/writeClaims.js';
import { recordsCollection } from './store.js';

export const WORKFLOW_AWAITING = 'workflowAwaiting';

/** A record the person was made an assignee of: it may wait for them (the record says). */
export interface AwaitingCandidate {
  id: string;
  /** When the assignment was noted; a candidate that turned out not to wait is dropped only after an hour. */
  at: Date;
}

/** What may wait for one person, found by `_id` (their aadObjectId). */
interface AwaitingDocument extends VersionedDocument {
  records: AwaitingCandidate[];
  schemaVersion: number;
  updatedAt: Date;
}

/**
 * A candidate is noted just before the change that makes the person an assignee lands (within
 * seconds, or never when that writer died). One whose record does not (yet) have them as an
 * assignee is kept this long, so an assignment on its way is never dropped.
 */
const NOT_WAITING_GRACE_MS = 60 * 60_000;

/**
 * Which records may wait for a person, so that help and "openstaand" read one document by `_id`
 * and the candidates' records by `_id`, never a query over every record (FerretDB's SQLite handler
 * answers `{ assignees, closedAt }` by reading the whole collection).
 *
 * The index holds a superset: every open record a person is an assignee of is in their document
 * before a change makes them an assignee (noted first, like the outbox's messages); a new record
 * is noted while it is stored, and the submitter's answer waits for both (a process that dies in
 * between leaves the note to the hourly reconciliation). The records themselves say whether it
 * still waits. So a reader is not behind and never counts a record that does not wait; nothing
 * has to be removed at the moment a record moves on or closes. What no longer waits is dropped by `reconcileAwaiting`, the hourly job. Writes to a
 * person's document are serialised by write claims (`WriteClaims.amend` for notes, `rewrite` for
 * the hourly drop): on FerretDB an update is not atomic, and two assignments to one person at the
 * same moment must both stay.
 */
export class AwaitingIndex {
  private readonly documents: Collection<AwaitingDocument>;
  private readonly claims: WriteClaims;
  /** Per person: the notes gathering for the next rewrite, and the rewrite on its way. */
  private readonly gathering = new Map<string, { ids: Map<string, Date>; written: Promise<void> }>();
  private readonly writing = new Map<string, Promise<void>>();

  constructor(db: Db) {
    this.documents = db.collection<AwaitingDocument>(WORKFLOW_AWAITING);
    this.claims = new WriteClaims(db);
  }

  /** The record may wait for these people from now on; before the change that says so lands. */
  async note(people: readonly string[], recordId: string, now: Date): Promise<void> {
    await Promise.all([...new Set(people)].map((person) => this.add(person, [recordId], now)));
  }

  async candidates(person: string): Promise<AwaitingCandidate[]> {
    return latestPerRecord((await this.documents.findOne({ _id: person }, { projection: { records: 1 } }))?.records ?? []);
  }

  /** Every person's candidates; for the hourly job, never a turn. */
  async all(): Promise<Map<string, AwaitingCandidate[]>> {
    const documents = await this.documents.find({}, { projection: { records: 1 } }).toArray();
    return new Map(documents.map((document) => [document._id, latestPerRecord(document.records)]));
  }

  /**
   * Notes the records for the person and returns once they are stored. Notes for one person in
   * this process go out together: while one write of the person's document is on its way, the
   * next notes gather and follow in one write, rather than racing for the same write claim (a
   * burst of gift notifications to one manager would otherwise retry again and again).
   */
  async add(person: string, recordIds: readonly string[], now: Date): Promise<void> {
    let batch = this.gathering.get(person);
    if (!batch) {
      const ids = new Map<string, Date>();
      const previous = this.writing.get(person) ?? Promise.resolve();
      const written = previous
        .catch(() => undefined)
        .then(() => {
          // From here on a new note starts the next batch.
          this.gathering.delete(person);
          return this.append(person, ids);
        });
      batch = { ids, written };
      this.gathering.set(person, batch);
      const tracked: Promise<void> = written.finally(() => {
        if (this.writing.get(person) === tracked) this.writing.delete(person);
      });
      this.writing.set(person, tracked);
      tracked.catch(() => undefined);
    }
    for (const id of recordIds) batch.ids.set(id, now);
    await batch.written;
  }

  /**
   * Adds the notes to the end of the person's list, without reading it: a person with many records
   * waiting (an adviser who may decide on every gift) costs a note no more than anyone else. A
   * record noted again is added again with its new time; readers take its latest (`latestPerRecord`),
   * and the hourly job's rewrite keeps one.
   */
  private async append(person: string, ids: ReadonlyMap<string, Date>): Promise<void> {
    const records = [...ids].map(([id, at]) => ({ id, at }));
    const latest = new Date(Math.max(...records.map((record) => record.at.getTime())));
    await this.claims.amend(this.documents, person, { records, schemaVersion: SCHEMA_VERSION, updatedAt: latest }, { $push: { records: { $each: records } }, $set: { updatedAt: latest } });
  }

  /**
   * Drops candidates that no longer wait: closed records at once (a closed record never waits
   * again), others only when noted more than an hour ago (`NOT_WAITING_GRACE_MS`), as the
   * person's document says at the moment of writing. Returns how many were dropped.
   */
  async drop(person: string, notWaiting: ReadonlyMap<string, 'closed' | 'other'>, now: Date): Promise<number> {
    let dropped = 0;
    await this.claims.rewrite(this.documents, person, (current) => {
      if (!current) return undefined;
      const candidates = latestPerRecord(current.records);
      const kept = candidates.filter((candidate) => {
        const why = notWaiting.get(candidate.id);
        return why === undefined || (why === 'other' && now.getTime() - candidate.at.getTime() < NOT_WAITING_GRACE_MS);
      });
      dropped = candidates.length - kept.length;
      // Written also when only repeated notes went: the list is kept to one entry per record.
      return kept.length === current.records.length ? undefined : { records: kept, schemaVersion: SCHEMA_VERSION, updatedAt: now };
    });
    return dropped;
  }
}

/**
 * Brings the index in line with the records: every open record is noted for each of its assignees
 * (records stored before the index existed, or by an instance of an earlier release during an
 * upgrade), and candidates that no longer wait are dropped. Reads every open record, so it runs
 * once as a migration and then as the hourly `maintenance.awaiting` job, never in a turn.
 */
export async function reconcileAwaiting(db: Db, now: Date): Promise<{ noted: number; dropped: number }> {
  const index = new AwaitingIndex(db);
  const records = recordsCollection(db);
  const open = new Map<string, Set<string>>();
  for await (const record of records.find({ closedAt: null }, { projection: { _id: 1, assignees: 1 } })) {
    for (const person of record.assignees ?? []) {
      const ids = open.get(person) ?? new Set<string>();
      ids.add(record._id);
      open.set(person, ids);
    }
  }
  const indexed = await index.all();
  let noted = 0;
  let dropped = 0;
  for (const [person, ids] of open) {
    const known = new Set((indexed.get(person) ?? []).map((candidate) => candidate.id));
    const missing = [...ids].filter((id) => !known.has(id));
    if (missing.length === 0) continue;
    await index.add(person, missing, now);
    noted += missing.length;
  }
  for (const [person, candidates] of indexed) {
    // Not open with this person as an assignee when the records were read: look again now.
    const doubtful = candidates.filter((candidate) => !open.get(person)?.has(candidate.id));
    if (doubtful.length === 0) continue;
    const notWaiting = new Map<string, 'closed' | 'other'>();
    for (const candidate of doubtful) {
      const record = await records.findOne({ _id: candidate.id }, { projection: { closedAt: 1, assignees: 1 } });
      if (record && record.closedAt != null) notWaiting.set(candidate.id, 'closed');
      else if (!record?.assignees?.includes(person)) notWaiting.set(candidate.id, 'other');
    }
    if (notWaiting.size > 0) dropped += await index.drop(person, notWaiting, now);
  }
  return { noted, dropped };
}

/** One candidate per record, the one noted last: a record noted again is appended again (see `append`). */
function latestPerRecord(candidates: readonly AwaitingCandidate[]): AwaitingCandidate[] {
  const latest = new Map<string, AwaitingCandidate>();
  for (const candidate of candidates) {
    const seen = latest.get(candidate.id);
    if (!seen || seen.at < candidate.at) latest.set(candidate.id, candidate);
  }
  return [...latest.values()];
}

export const awaitingCollection: CollectionDefinition = {
  name: WORKFLOW_AWAITING,
  indexes: [],
  // Records stored before the index existed are noted once, before the first turn reads it.
  migration: { id: 'workflow-awaiting-index', run: async (db) => void (await reconcileAwaiting(db, new Date())) },
};
