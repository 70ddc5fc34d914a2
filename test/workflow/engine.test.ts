import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Organisation, Person, Role } from '../../src/directory/types.js';
import { createLogger } from '../../src/logging/logger.js';
import { ensureCollections } from '../../src/storage/database.js';
import type { Messenger, SentMessage } from '../../src/teams/proactive.js';
import {
  WorkflowEngine,
  assertValidDefinition,
  transitionsFrom,
  nextSequence,
  workflowCollections,
  WORKFLOW_RECORDS,
  type WorkflowDefinition,
} from '../../src/workflow/index.js';
import { openTestDatabase } from '../support/database.js';

type Sample = { what: string };
type SampleTransition = 'approve' | 'reject' | 'withdraw';

/** Not a gift: the engine must carry any configuration. */
const sample: WorkflowDefinition<Sample, SampleTransition> = {
  type: 'sample',
  referenceCode: 'S',
  initialState: 'submitted',
  states: { submitted: { open: true }, approved: { open: false }, rejected: { open: false }, withdrawn: { open: false } },
  transitions: {
    approve: { from: ['submitted'], to: 'approved', allowed: ['assignee', 'delegate'], notify: ['owner', 'deciders'] },
    reject: { from: ['submitted'], to: 'rejected', allowed: ['assignee', 'delegate'], notify: ['owner', 'deciders'] },
    withdraw: { from: ['submitted'], to: 'withdrawn', allowed: ['owner'], notify: ['deciders'] },
  },
  delegateRoles: ['integrity_coordinator'],
  fallbackRoles: ['integrity_coordinator'],
  notifications: {
    deciderCard: async (record, lang, reason) => ({ text: `${reason}:${record.reference}:${lang}` }),
    decidedCard: async (record) => ({ text: `decided:${record.state}` }),
    ownerCard: async (record) => ({ text: `owner-card:${record.state}` }),
    ownerMessage: async (record) => ({ text: `told:${record.state}` }),
  },
};

const organisation = {
  id: 'demo',
  name: 'Demo',
  referencePrefix: 'DEM',
  defaultLanguage: 'nl',
  workflow: { reminderAfterWorkingDays: 2, escalateAfterWorkingDays: 4 },
} as Organisation;

const person = (aadObjectId: string, managerAadObjectId?: string, roles: Role[] = []): Person => ({
  aadObjectId,
  orgId: 'demo',
  upn: `${aadObjectId}@example.org`,
  name: aadObjectId,
  department: '',
  function: '',
  managerAadObjectId,
  roles,
  publishSideJobs: false,
  reportsFinancialInterests: false,
});

const people = new Map<string, Person>(
  [person('emp', 'mgr'), person('mgr', 'boss'), person('boss'), person('coord', undefined, ['integrity_coordinator']), person('loner'), person('other', 'mgr')].map((p) => [p.aadObjectId, p]),
);

const directory = {
  async organisation(id: string) {
    return id === 'demo' ? organisation : undefined;
  },
  async person(id: string) {
    return people.get(id);
  },
  async managerChain(id: string) {
    const chain: Person[] = [];
    for (let next = people.get(id)?.managerAadObjectId; next && people.get(next); next = people.get(next)?.managerAadObjectId) chain.push(people.get(next)!);
    return chain;
  },
  async peopleWithRole(orgId: string, role: Role) {
    return [...people.values()].filter((p) => p.orgId === orgId && p.roles.includes(role));
  },
};

class RecordingMessenger implements Messenger {
  sent: { to: string; activity: Partial<Activity> }[] = [];
  updated: { to: string; message: SentMessage; activity: Partial<Activity> }[] = [];
  async sendToUser(to: string, activity: Partial<Activity>) {
    this.sent.push({ to, activity });
    return { activityId: `a-${this.sent.length}`, conversationId: `c-${to}` };
  }
  async updateForUser(to: string, message: SentMessage, activity: Partial<Activity>) {
    this.updated.push({ to, message, activity });
    return true;
  }
}

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let messenger: RecordingMessenger;
let engine: WorkflowEngine;
const clock = { now: new Date('2026-03-06T09:00:00+01:00') }; // a Friday

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureCollections(database.db, workflowCollections);
});
afterAll(async () => database?.drop());
beforeEach(async () => {
  await database.db.collection(WORKFLOW_RECORDS).deleteMany({});
  await database.db.collection('workflowCounters').deleteMany({});
  messenger = new RecordingMessenger();
  engine = new WorkflowEngine(
    {
      db: database.db,
      directory,
      messenger,
      references: { find: async (id: string) => (id === 'boss' ? { locale: 'en-US' } : undefined) },
      logger: createLogger('silent'),
      now: () => clock.now,
    },
    [sample],
  );
  clock.now = new Date('2026-03-06T09:00:00+01:00');
});

const submit = (owner = 'emp', clientKey: string = crypto.randomUUID()) =>
  engine.submit(sample, { orgId: 'demo', owner, ownerLang: 'nl', data: { what: 'x' }, clientKey, ownerMessage: { activityId: 'card', conversationId: `c-${owner}` } });

describe('workflow definitions', () => {
  it('lists the transitions available per state (the transition table)', () => {
    expect(transitionsFrom(sample, 'submitted')).toEqual(['approve', 'reject', 'withdraw']);
    expect(transitionsFrom(sample, 'approved')).toEqual([]);
  });

  it('refuses a definition naming states it does not have', () => {
    expect(() =>
      assertValidDefinition({ ...sample, transitions: { approve: { from: ['nowhere'], to: 'approved', allowed: ['assignee'], notify: [] } } }),
    ).toThrow(/unknown from-state "nowhere"/);
    expect(() => assertValidDefinition({ ...sample, referenceCode: 'gift' })).toThrow(/referenceCode/);
  });
});

describe('workflow engine against the database', () => {
  it('creates a record routed to the direct manager, with a reference, deadlines, audit and a card for the manager', async () => {
    const { record, created } = await submit();
    expect(created).toBe(true);
    expect(record.reference).toBe('DEM-S-2026-0001');
    expect(record.assignee).toBe('mgr');
    expect(record.remindAt).toEqual(new Date('2026-03-10T09:00:00+01:00'));
    expect(record.escalateAt).toEqual(new Date('2026-03-12T09:00:00+01:00'));
    expect((await engine.auditTrail(record._id)).map((entry) => [entry.version, entry.action, entry.actor])).toEqual([
      [1, 'submitted', 'emp'],
      [2, 'numbered', 'system'],
      [3, 'card_sent_assigned', 'system'],
    ]);
    expect(messenger.sent).toEqual([{ to: 'mgr', activity: { text: 'assigned:DEM-S-2026-0001:nl' } }]);
    const stored = await engine.find(sample, record._id);
    expect(stored?.deciderMessages).toEqual([{ aadObjectId: 'mgr', activityId: 'a-1', conversationId: 'c-mgr' }]);
  });

  it('numbers per organisation and year, without gaps from duplicate submissions', async () => {
    const key = crypto.randomUUID();
    const results = await Promise.all([submit('emp', key), submit('emp', key), submit('emp', key)]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.record.reference))).toEqual(new Set(['DEM-S-2026-0001']));
    expect((await submit()).record.reference).toBe('DEM-S-2026-0002');
    clock.now = new Date('2027-01-04T09:00:00+01:00');
    expect((await submit()).record.reference).toBe('DEM-S-2027-0001');
    expect(await database.db.collection(WORKFLOW_RECORDS).countDocuments()).toBe(3);
  });

  it('scopes the client key to the owner: another person reusing it gets a record of their own', async () => {
    const key = crypto.randomUUID();
    const mine = await submit('emp', key);
    const theirs = await submit('other', key);
    expect(theirs.created).toBe(true);
    expect(theirs.record._id).not.toBe(mine.record._id);
  });

  it('lets exactly one of concurrent deciders win, every time; the others learn who did', async () => {
    for (let round = 0; round < 8; round += 1) {
      const { record } = await submit();
      const results = await Promise.all([
        engine.take(sample, { recordId: record._id, actor: 'mgr', transition: 'approve' }),
        engine.take(sample, { recordId: record._id, actor: 'coord', transition: 'reject', comment: 'no' }),
        engine.take(sample, { recordId: record._id, actor: 'mgr', transition: 'reject' }),
      ]);
      const winners = results.filter((result) => result.kind === 'done');
      expect(winners).toHaveLength(1);
      const winner = winners[0]!.kind === 'done' ? winners[0]!.record.decision : undefined;
      for (const loser of results.filter((result) => result.kind !== 'done')) {
        expect(loser.kind).toBe('already_taken');
        expect(loser.kind === 'already_taken' && loser.record.decision).toEqual(winner);
      }
      const trail = await engine.auditTrail(record._id);
      expect(trail.filter((entry) => ['approve', 'reject'].includes(entry.action))).toHaveLength(1);
      const stored = await engine.find(sample, record._id);
      expect(stored?.version).toBe(trail.length);
      expect(stored?.decision).toEqual(winner);
    }
  });

  it('refuses someone without a say, and the owner deciding on their own record', async () => {
    const { record } = await submit();
    expect(await engine.take(sample, { recordId: record._id, actor: 'other', transition: 'approve' })).toEqual({ kind: 'not_allowed' });
    expect(await engine.take(sample, { recordId: record._id, actor: 'emp', transition: 'approve' })).toEqual({ kind: 'not_allowed' });
    const stored = await engine.find(sample, record._id);
    expect(stored?.state).toBe('submitted');
    expect(stored?.version).toBe(record.version);
    // The owner may take transitions meant for the owner.
    expect((await engine.take(sample, { recordId: record._id, actor: 'emp', transition: 'withdraw' })).kind).toBe('done');
  });

  it('updates the stored cards and tells the owner after a decision', async () => {
    const { record } = await submit();
    await engine.take(sample, { recordId: record._id, actor: 'MGR', transition: 'approve' });
    expect(messenger.updated.map((u) => [u.to, u.message.activityId, u.activity.text])).toEqual([
      ['mgr', 'a-1', 'decided:approved'],
      ['emp', 'card', 'owner-card:approved'],
    ]);
    expect(messenger.sent.at(-1)).toEqual({ to: 'emp', activity: { text: 'told:approved' } });
  });

  it('reminds once after the reminder deadline and escalates once to the next manager', async () => {
    const { record } = await submit();
    clock.now = new Date('2026-03-09T17:00:00+01:00'); // Monday: 1 working day later
    expect(await engine.processDueWorkflowDeadlines(clock.now)).toEqual({ reminded: 0, escalated: 0 });
    clock.now = new Date('2026-03-10T09:00:00+01:00'); // Tuesday: 2 working days
    expect(await engine.processDueWorkflowDeadlines(clock.now)).toEqual({ reminded: 1, escalated: 0 });
    expect(await engine.processDueWorkflowDeadlines(clock.now)).toEqual({ reminded: 0, escalated: 0 });
    expect(messenger.sent.at(-1)).toEqual({ to: 'mgr', activity: { text: 'reminder:DEM-S-2026-0001:nl' } });
    clock.now = new Date('2026-03-12T09:00:00+01:00');
    const [first, second] = await Promise.all([engine.processDueWorkflowDeadlines(clock.now), engine.processDueWorkflowDeadlines(clock.now)]);
    expect(first!.escalated + second!.escalated).toBe(1);
    expect(messenger.sent.at(-1)).toEqual({ to: 'boss', activity: { text: 'escalated:DEM-S-2026-0001:en' } });
    const stored = await engine.find(sample, record._id);
    expect(stored?.assignee).toBe('boss');
    expect(stored?.deciders).toEqual(['mgr', 'boss']);
    expect((await engine.auditTrail(record._id)).map((entry) => entry.action)).toEqual([
      'submitted', 'numbered', 'card_sent_assigned', 'reminded', 'card_sent_reminder', 'escalated', 'card_sent_escalated',
    ]);
    // Both the original manager and the higher one may decide now.
    expect((await engine.take(sample, { recordId: record._id, actor: 'mgr', transition: 'approve' })).kind).toBe('done');
  });

  it('routes to the integrity coordinator when there is no manager, and never reminds a closed record', async () => {
    const { record } = await submit('loner');
    expect(record.assignee).toBe('coord');
    await engine.take(sample, { recordId: record._id, actor: 'coord', transition: 'reject' });
    clock.now = new Date('2026-04-30T09:00:00+02:00');
    expect(await engine.processDueWorkflowDeadlines(clock.now)).toEqual({ reminded: 0, escalated: 0 });
  });

  it('lists by owner, by decider and by organisation register', async () => {
    const first = await submit('emp');
    await submit('other');
    await engine.take(sample, { recordId: first.record._id, actor: 'mgr', transition: 'approve' });
    expect((await engine.ownedBy('emp')).map((r) => r.owner)).toEqual(['emp']);
    expect((await engine.awaiting('mgr')).map((r) => r.owner)).toEqual(['other']);
    const page = await engine.register('demo', sample, 0, 10);
    expect(page.total).toBe(2);
    expect(page.records.map((r) => r.reference)).toEqual(['DEM-S-2026-0002', 'DEM-S-2026-0001']);
  });
});

describe('reference numbers under load', () => {
  it('gives 30 concurrent requests 30 different, consecutive numbers', async () => {
    const database = await openTestDatabase();
    try {
      const values = await Promise.all(Array.from({ length: 30 }, () => nextSequence(database.db, 'org-a', 'gift', 2026)));
      expect(new Set(values).size).toBe(30);
      expect(Math.max(...values)).toBe(30);
      expect(await nextSequence(database.db, 'org-a', 'gift', 2027)).toBe(1);
    } finally {
      await database.drop();
    }
  });
});
