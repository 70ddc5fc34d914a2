import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from '../storage/database.js';
import { WriteClaims, type VersionedDocument } from '../storage/writeClaims.js';
import { recordsCollection } from './store.js';

export const WORKFLOW_AWAITING = 'workflowAwaiting';
/** Sealed pages, apart from the people's documents: a note's write reads only the documents (see `NOTES_PER_PAGE`). */
export const WORKFLOW_AWAITING_PAGES = 'workflowAwaitingPages';

/** A record the person was made an assignee of: it may wait for them (the record says). */
export interface AwaitingCandidate {
  id: string;
  /** When the assignment was noted; a candidate that turned out not to wait is dropped only after an hour. */
  at: Date;
}

/**
 * What may wait for one person, found by `_id` (their aadObjectId): the latest notes, and the
 * pages the earlier ones were moved to.
 */
interface AwaitingDocument extends VersionedDocument {
  records: AwaitingCandidate[];
  /** The person's sealed pages (`_id`s), oldest first. Absent in documents of earlier releases. */
  pages?: string[];
  schemaVersion: number;
  updatedAt: Date;
}

/** Earlier notes of one person, moved out of their document when it filled up (see `seal`). */
interface AwaitingPage extends VersionedDocument {
  person: string;
  records: AwaitingCandidate[];
  schemaVersion: number;
  updatedAt: Date;
}

/**
 * A person's document moves its notes to a page of their own once it holds more than this. A
 * note then costs the same whatever the person's list holds, and no document nears the size
 * limit of Cosmos DB (2 MB) for an adviser with thousands of records open. Small, because every
 * note rewrites the whole document: FerretDB reads, decodes, re-encodes and writes it while it
 * holds the database's one write lock, and the write returns it whole (see `append`). With 200
 * notes a page, the notes of the bench's gift notifications (20 managers, a few hundred records
 * each) took a third of FerretDB's time. A reader pays one read by `_id` per page of the person's.
 */
export const NOTES_PER_PAGE = 25;

/**
 * A candidate is noted just before the change that makes the person an assignee lands (within
 * seconds, or never when that writer died). One whose record does not (yet) have them as an
 * assignee is kept this long, so an assignment on its way is never dropped.
 */
const NOT_WAITING_GRACE_MS = 60 * 60_000;

/**
 * Which records may wait for a person, so that help and "openstaand" read one document by `_id`
 * (and, for someone with many records open, their pages by `_id`) and the candidates' records by
 * `_id`, never a query over every record (FerretDB's SQLite handler answers `{ assignees,
 * closedAt }` by reading the whole collection).
 *
 * The index holds a superset: every open record a person is an assignee of is in their document
 * before a change makes them an assignee (noted first, like the outbox's messages); a new record
 * is noted while it is stored, and the submitter's answer waits for both (a process that dies in
 * between leaves the note to the hourly reconciliation). The records themselves say whether it
 * still waits. So a reader is not behind and never counts a record that does not wait; nothing
 * has to be removed at the moment a record moves on or closes. What no longer waits is dropped by
 * `reconcileAwaiting`, the hourly job. Writes to a person's document and pages are serialised by
 * write claims (`WriteClaims.amend` for notes, `rewrite` for sealing a page and the hourly drop):
 * on FerretDB an update is not atomic, and two assignments to one person at the same moment must
 * both stay.
 */
export class AwaitingIndex {
  private readonly documents: Collection<AwaitingDocument>;
  private readonly pages: Collection<AwaitingPage>;
  private readonly claims: WriteClaims;
  /** Per person: the notes gathering for the next write, and the write on its way. */
  private readonly gathering = new Map<string, { ids: Map<string, Date>; written: Promise<void> }>();
  private readonly writing = new Map<string, Promise<void>>();

  constructor(db: Db) {
    this.documents = db.collection<AwaitingDocument>(WORKFLOW_AWAITING);
    this.pages = db.collection<AwaitingPage>(WORKFLOW_AWAITING_PAGES);
    this.claims = new WriteClaims(db);
  }

  /** The record may wait for these people from now on; before the change that says so lands. */
  async note(people: readonly string[], recordId: string, now: Date): Promise<void> {
    await Promise.all([...new Set(people)].map((person) => this.add(person, [recordId], now)));
  }

  async candidates(person: string): Promise<AwaitingCandidate[]> {
    const document = await this.documents.findOne({ _id: person }, { projection: { records: 1, pages: 1 } });
    if (!document) return [];
    // A page not (yet) among the pages was sealed by an instance of the release that kept pages beside the documents.
    const page = async (id: string) => (await this.pages.findOne({ _id: id }, { projection: { records: 1 } })) ?? (await this.documents.findOne({ _id: id }, { projection: { records: 1 } }));
    const pages = await Promise.all((document.pages ?? []).map(page));
    return latestPerRecord([...pages.flatMap((page) => page?.records ?? []), ...document.records]);
  }

  /**
   * Every person's candidates (from their document and the pages it lists), and the pages no
   * document lists with when they were written, in one read of each collection; for the hourly
   * job, never a turn. Pages an earlier release kept beside the documents are moved to the pages
   * first.
   */
  async all(): Promise<{ candidates: Map<string, AwaitingCandidate[]>; unlistedPages: { id: string; updatedAt: Date }[] }> {
    const people = new Map<string, AwaitingDocument>();
    const pages = new Map<string, AwaitingPage>();
    const strays: AwaitingPage[] = [];
    for await (const document of this.documents.find({})) {
      if ('person' in document) strays.push(document as unknown as AwaitingPage);
      else people.set(document._id, document);
    }
    if (strays.length > 0) await this.movePages(strays);
    for await (const page of this.pages.find({})) pages.set(page._id, page);
    const listed = new Set([...people.values()].flatMap((document) => document.pages ?? []));
    return {
      candidates: new Map([...people].map(([person, document]) => [person, latestPerRecord([...(document.pages ?? []).flatMap((id) => pages.get(id)?.records ?? []), ...document.records])])),
      unlistedPages: [...pages.values()].filter((page) => !listed.has(page._id)).map((page) => ({ id: page._id, updatedAt: page.updatedAt })),
    };
  }

  /** Pages found among the documents (written by an earlier release) go to the pages; a copy already there stays. */
  private async movePages(strays: readonly AwaitingPage[]): Promise<void> {
    await this.pages.insertMany(strays, { ordered: false }).catch((error: unknown) => {
      if (!isDuplicateKeyError(error)) throw error;
    });
    await this.documents.deleteMany({ _id: { $in: strays.map((page) => page._id) } });
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
   * Adds the notes to the end of the person's list, without reading it. A record noted again is
   * added again with its new time; readers take its latest (`latestPerRecord`), and the hourly
   * job's rewrite keeps one. The write returns the document as it left it: past `NOTES_PER_PAGE`
   * notes they move to a page, once per that many notes.
   */
  private async append(person: string, ids: ReadonlyMap<string, Date>): Promise<void> {
    const records = [...ids].map(([id, at]) => ({ id, at }));
    const latest = new Date(Math.max(...records.map((record) => record.at.getTime())));
    const after = await this.claims.amend(
      this.documents,
      person,
      { records, pages: [], schemaVersion: SCHEMA_VERSION, updatedAt: latest },
      { $push: { records: { $each: records } }, $set: { updatedAt: latest } },
    );
    if (after.records.length > NOTES_PER_PAGE) await this.seal(after, latest);
  }

  /**
   * Moves the notes in the person's document to a new page and lists the page there. The page is
   * written first, under an `_id` made of the version it was taken from (a writer that takes the
   * same version writes the same page; one that died before listing it leaves a page no one lists,
   * which `reconcileAwaiting` deletes): a reader finds every note in the document or in a listed
   * page at every moment. `document` is the person's document as the note's write left it.
   */
  private async seal(document: AwaitingDocument, now: Date): Promise<void> {
    const person = document._id;
    const pageId = `${person}#${document.version}`;
    await this.pages
      .insertOne({ _id: pageId, person, version: now.getTime(), records: document.records, schemaVersion: SCHEMA_VERSION, updatedAt: now })
      .catch((error: unknown) => {
        if (!isDuplicateKeyError(error)) throw error;
      });
    // Another writer moved the document on meanwhile: the next note that finds it full seals it.
    await this.claims.rewrite(this.documents, person, (current) =>
      current?.version === document.version ? { records: [], pages: [...(current.pages ?? []), pageId], schemaVersion: SCHEMA_VERSION, updatedAt: now } : undefined,
    );
  }

  /**
   * Drops candidates that no longer wait: closed records at once (a closed record never waits
   * again), others only when noted more than an hour ago (`NOT_WAITING_GRACE_MS`), as the
   * person's document and pages say at the moment of writing. A page left empty is no longer
   * listed, then deleted. Returns how many were dropped.
   */
  async drop(person: string, notWaiting: ReadonlyMap<string, 'closed' | 'other'>, now: Date): Promise<number> {
    const keep = (candidate: AwaitingCandidate) => {
      const why = notWaiting.get(candidate.id);
      return why === undefined || (why === 'other' && now.getTime() - candidate.at.getTime() < NOT_WAITING_GRACE_MS);
    };
    let dropped = 0;
    const emptied = new Set<string>();
    const listed = (await this.documents.findOne({ _id: person }, { projection: { pages: 1 } }))?.pages ?? [];
    // `rewrite` asks again after losing a race: each count is the one of the contents written.
    for (const pageId of listed) {
      let fromPage = 0;
      let empty = false;
      await this.claims.rewrite(this.pages, pageId, (current) => {
        if (!current) return undefined;
        const candidates = latestPerRecord(current.records);
        const kept = candidates.filter(keep);
        empty = kept.length === 0;
        fromPage = candidates.length - kept.length;
        return kept.length === current.records.length ? undefined : { person, records: kept, schemaVersion: SCHEMA_VERSION, updatedAt: now };
      });
      dropped += fromPage;
      if (empty) emptied.add(pageId);
    }
    let fromDocument = 0;
    await this.claims.rewrite(this.documents, person, (current) => {
      if (!current) return undefined;
      const candidates = latestPerRecord(current.records);
      const kept = candidates.filter(keep);
      fromDocument = candidates.length - kept.length;
      const pages = (current.pages ?? []).filter((id) => !emptied.has(id));
      // Written also when only repeated notes went: the list is kept to one entry per record.
      return kept.length === current.records.length && pages.length === (current.pages ?? []).length
        ? undefined
        : { records: kept, pages, schemaVersion: SCHEMA_VERSION, updatedAt: now };
    });
    await this.deletePages([...emptied]);
    return dropped + fromDocument;
  }

  /** Deletes pages no person's document lists (any more). */
  async deletePages(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.pages.deleteMany({ _id: { $in: [...ids] } });
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
  const { candidates: indexed, unlistedPages } = await index.all();
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
  // Left by a writer that died (or lost a race) between writing a page and listing it; an hour
  // old, so a page on its way to being listed is never taken.
  await index.deletePages(unlistedPages.filter((page) => now.getTime() - page.updatedAt.getTime() > NOT_WAITING_GRACE_MS).map((page) => page.id));
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

export const awaitingCollections: CollectionDefinition[] = [
  {
    name: WORKFLOW_AWAITING,
    indexes: [],
    // Records stored before the index existed are noted once, before the first turn reads it.
    migration: { id: 'workflow-awaiting-index', run: async (db) => void (await reconcileAwaiting(db, new Date())) },
  },
  {
    name: WORKFLOW_AWAITING_PAGES,
    indexes: [],
    // Pages of the release that kept them beside the documents move here (`all`) before the first turn reads them.
    migration: { id: 'workflow-awaiting-pages-apart', run: async (db) => void (await new AwaitingIndex(db).all()) },
  },
];
