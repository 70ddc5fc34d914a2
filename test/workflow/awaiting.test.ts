import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwaitingIndex, NOTES_PER_PAGE, WORKFLOW_AWAITING, WORKFLOW_AWAITING_PAGES, reconcileAwaiting } from '../../src/workflow/awaiting.js';
import { openTestDatabase } from '../support/database.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.drop());

describe('AwaitingIndex (what may wait for a person)', () => {
  it('lists a record noted twice once, with its latest time, and the hourly drop keeps one entry', async () => {
    const index = new AwaitingIndex(database.db);
    const [first, later] = [new Date('2026-11-30T09:00:00Z'), new Date('2026-11-30T10:00:00Z')];
    await index.note(['manager-1'], 'record-a', first);
    await index.note(['manager-1'], 'record-b', first);
    await index.note(['manager-1'], 'record-a', later);
    expect(await index.candidates('manager-1')).toEqual(
      expect.arrayContaining([
        { id: 'record-a', at: later },
        { id: 'record-b', at: first },
      ]),
    );
    expect(await index.candidates('manager-1')).toHaveLength(2);
    // Nothing stopped waiting, yet the repeated note is folded into one entry.
    expect(await index.drop('manager-1', new Map(), later)).toBe(0);
    const stored = await database.db.collection<{ _id: string; records: unknown[] }>(WORKFLOW_AWAITING).findOne({ _id: 'manager-1' });
    expect(stored?.records).toHaveLength(2);
  });

  it('keeps the notes of two instances for one person made at the same moment', async () => {
    const [one, two] = [new AwaitingIndex(database.db), new AwaitingIndex(database.db)];
    const ids = Array.from({ length: 20 }, (_, n) => `together-${n}`);
    await Promise.all(ids.map((id, n) => (n % 2 === 0 ? one : two).note(['adviser-1'], id, new Date())));
    expect((await one.candidates('adviser-1')).map((candidate) => candidate.id).sort()).toEqual([...ids].sort());
  });
  it('moves the notes of someone with many records waiting to pages, and lists, drops and deletes them', async () => {
    const [one, two] = [new AwaitingIndex(database.db), new AwaitingIndex(database.db)];
    const person = `adviser-${crypto.randomUUID()}`;
    const at = new Date('2026-11-30T09:00:00Z');
    const ids = Array.from({ length: NOTES_PER_PAGE * 2 + 30 }, (_, n) => `many-${n}`);
    // Two instances, one note at a time each, so the document fills and is sealed while the other writes.
    const half = (index: AwaitingIndex, parity: number) => async () => {
      for (const [n, id] of ids.entries()) if (n % 2 === parity) await index.note([person], id, at);
    };
    await Promise.all([half(one, 0)(), half(two, 1)()]);
    expect((await one.candidates(person)).map((candidate) => candidate.id).sort()).toEqual([...ids].sort());

    const documents = database.db.collection<{ _id: string; records: unknown[]; pages?: string[]; person?: string }>(WORKFLOW_AWAITING);
    const pages = database.db.collection<{ _id: string; records: unknown[]; person: string }>(WORKFLOW_AWAITING_PAGES);
    const document = await documents.findOne({ _id: person });
    expect(document?.pages?.length).toBeGreaterThanOrEqual(2);
    expect(document!.records.length).toBeLessThanOrEqual(NOTES_PER_PAGE);
    // The person's documents hold no pages: a note's write meets only people's documents.
    expect(await documents.countDocuments({ person })).toBe(0);
    // A page holds what the document held when a writer found it full: a note or two more when both wrote at that moment.
    for (const page of await pages.find({ person }).toArray()) expect(page.records.length).toBeLessThanOrEqual(NOTES_PER_PAGE + 4);

    // Every record of the first page closed: the page is no longer listed, then gone.
    const firstPage = await pages.findOne({ _id: document!.pages![0]! });
    const closed = new Map(firstPage!.records.map((record) => [(record as { id: string }).id, 'closed' as const]));
    expect(await one.drop(person, closed, at)).toBe(closed.size);
    expect(await pages.findOne({ _id: firstPage!._id })).toBeNull();
    expect((await documents.findOne({ _id: person }))?.pages).not.toContain(firstPage!._id);
    expect((await two.candidates(person)).map((candidate) => candidate.id).sort()).toEqual(ids.filter((id) => !closed.has(id)).sort());

    // A page written by a writer that died before listing it: deleted by the hourly job after an hour.
    await pages.insertOne({ _id: `${person}#orphan`, person, records: [{ id: 'lost', at }], version: 1, schemaVersion: 1, updatedAt: at } as never);
    await reconcileAwaiting(database.db, new Date(at.getTime() + 30 * 60_000));
    expect(await pages.findOne({ _id: `${person}#orphan` })).not.toBeNull();
    await reconcileAwaiting(database.db, new Date(at.getTime() + 61 * 60_000));
    expect(await pages.findOne({ _id: `${person}#orphan` })).toBeNull();
  });

  it('reads a page the previous release kept beside the documents, and the hourly job moves it to the pages', async () => {
    const index = new AwaitingIndex(database.db);
    const person = `adviser-${crypto.randomUUID()}`;
    const at = new Date('2026-11-30T09:00:00Z');
    const documents = database.db.collection(WORKFLOW_AWAITING);
    // As the previous release left it: the page among the documents, listed in the person's document.
    await documents.insertOne({ _id: `${person}#1`, person, records: [{ id: 'earlier', at }], version: 1, schemaVersion: 1, updatedAt: at } as never);
    await documents.insertOne({ _id: person, records: [{ id: 'later', at }], pages: [`${person}#1`], version: 2, schemaVersion: 1, updatedAt: at } as never);
    expect((await index.candidates(person)).map((candidate) => candidate.id).sort()).toEqual(['earlier', 'later']);

    await reconcileAwaiting(database.db, at);
    expect(await documents.findOne({ _id: `${person}#1` as never })).toBeNull();
    expect(await database.db.collection(WORKFLOW_AWAITING_PAGES).findOne({ _id: `${person}#1` as never })).toMatchObject({ person });
    expect((await index.candidates(person)).map((candidate) => candidate.id).sort()).toEqual(['earlier', 'later']);
  });
});
