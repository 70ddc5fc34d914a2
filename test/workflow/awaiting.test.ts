import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwaitingIndex, WORKFLOW_AWAITING } from '../../src/workflow/awaiting.js';
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
});
