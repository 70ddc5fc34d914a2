import { describe, expect, it } from 'vitest';
import { TurnAdmission, type Admission } from '../../src/teams/admission.js';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnAdmission: turns in progress stay bounded however many requests arrive', () => {
  it('runs at most maxRunning turns, keeps at most maxWaiting waiting and answers the rest busy', async () => {
    const admission = new TurnAdmission({ maxRunning: 4, maxWaiting: 8 });
    const outcomes: Admission[] = [];
    // 1,000 requests while no turn finishes: a database that stopped answering.
    const pending = Array.from({ length: 1000 }, () => admission.admit().then((outcome) => outcomes.push(outcome)));
    await settle();
    expect(admission.running).toBe(4);
    expect(admission.waiting).toBe(8);
    expect(outcomes.filter((o) => o.kind === 'busy')).toHaveLength(1000 - 4 - 8);

    // As turns finish, the waiting ones run in arrival order, never more than four at once.
    let finished = 0;
    while (finished < 12) {
      const admitted = outcomes.filter((o): o is Extract<Admission, { kind: 'admitted' }> => o.kind === 'admitted');
      const running = admitted.length - finished;
      expect(running).toBeLessThanOrEqual(4);
      admitted[finished]!.release();
      admitted[finished]!.release(); // a second release changes nothing
      finished += 1;
      await settle();
    }
    await Promise.all(pending);
    expect(outcomes.filter((o) => o.kind === 'admitted')).toHaveLength(12);
    expect(admission.running).toBe(0);
    expect(admission.waiting).toBe(0);
  });

  it('drops a waiting request whose client has gone, before any work, and gives its place to the next', async () => {
    const admission = new TurnAdmission({ maxRunning: 1, maxWaiting: 3 });
    const first = await admission.admit();
    const left = new AbortController();
    const abandoned = admission.admit(left.signal);
    const stays = admission.admit(new AbortController().signal);
    await settle();
    expect(admission.waiting).toBe(2);

    left.abort();
    expect(await abandoned).toEqual({ kind: 'gone' });
    expect(admission.waiting).toBe(1);

    if (first.kind !== 'admitted') throw new Error('the first request should run at once');
    first.release();
    const next = await stays;
    expect(next.kind).toBe('admitted');
    expect(admission.running).toBe(1);
    // A client that is gone before it asks is not queued at all.
    const already = new AbortController();
    already.abort();
    expect(await admission.admit(already.signal)).toEqual({ kind: 'gone' });
    expect(admission.waiting).toBe(0);
  });

  it('leaves nothing behind after many abandoned requests (no listeners or waiters kept)', async () => {
    const admission = new TurnAdmission({ maxRunning: 1, maxWaiting: 10 });
    const holder = await admission.admit();
    for (let round = 0; round < 500; round++) {
      const controllers = Array.from({ length: 10 }, () => new AbortController());
      const waits = controllers.map((controller) => admission.admit(controller.signal));
      controllers.forEach((controller) => controller.abort());
      expect((await Promise.all(waits)).every((outcome) => outcome.kind === 'gone')).toBe(true);
    }
    expect(admission.waiting).toBe(0);
    if (holder.kind === 'admitted') holder.release();
    expect(admission.running).toBe(0);
  });
});
