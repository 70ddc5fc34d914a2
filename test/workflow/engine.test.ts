import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Outbox, OutgoingMessage } from '../../src/delivery/index.js';
import type { Organisation, Person, Role } from '../../src/directory/types.js';
import { createLogger } from '../../src/logging/logger.js';
import { ensureCollections } from '../../src/storage/database.js';
import { z } from 'zod';
import {
  WorkflowEngine,
  assertValidDefinition,
  parseActionForm,
  performCardAction,
  nextSequence,
  ReferenceNumbers,
  routeProblems,
  reconcileAwaiting,
  workflowCollections,
  WORKFLOW_RECORDS,
  type StepSpec,
  type WorkflowDefinition,
} from '../../src/workflow/index.js';
import { AwaitingIndex, WORKFLOW_AWAITING } from '../../src/workflow/awaiting.js';
import { openTestDatabase } from '../support/database.js';

type Sample = { what: string; route?: 'single' | 'chain' | 'chosen' | 'statutory' };

const decisionStep: StepSpec = {
  id: 'decision',
  actor: { kind: 'manager' },
  actions: ['decide', 'return'],
  deadline: { workingDays: 4 },
  reminders: [{ after: { workingDays: 2 } }, { after: { workingDays: 3 } }],
  escalation: { upTheChain: true, roles: ['integrity_coordinator'] },
};

/** A side-job-like chain: the manager advises, HR advises, the college decides. */
const chain: StepSpec[] = [
  { ...decisionStep, id: 'manager_advice', actions: ['advise'] },
  { ...decisionStep, id: 'hr_advice', actor: { kind: 'role', role: 'hr' }, actions: ['advise'], escalation: { upTheChain: false, roles: [] } },
  { ...decisionStep, id: 'decision', actor: { kind: 'role', role: 'decision_body:college' }, actions: ['decide'], escalation: { upTheChain: false, roles: [] } },
];

/** A report-like route: the person chosen at submission, in calendar days and months. */
const statutory: StepSpec[] = [
  { id: 'acknowledgement', actor: { kind: 'chosen' }, actions: ['acknowledge'], deadline: { calendarDays: 7 }, reminders: [{ beforeDeadline: { calendarDays: 2 } }], escalation: { upTheChain: false, roles: [] } },
  { id: 'feedback', actor: { kind: 'chosen' }, actions: ['feedback'], deadline: { months: 3 }, reminders: [{ beforeDeadline: { calendarDays: 14 } }], escalation: { upTheChain: false, roles: [] } },
];

/** Not a gift: the engine must carry any configuration. */
const sample: WorkflowDefinition<Sample> = {
  type: 'sample',
  referenceCode: 'S',
  closedStates: ['approved', 'rejected', 'withdrawn', 'closed'],
  actions: {
    decide: { by: 'step', outcomes: { approve: { kind: 'close', state: 'approved' }, reject: { kind: 'close', state: 'rejected' } } },
    advise: { by: 'step', outcomes: { positive: { kind: 'next' }, negative: { kind: 'next' } } },
    return: { by: 'step', outcomes: { returned: { kind: 'return' } } },
    resubmit: { by: 'owner', outcomes: { resubmitted: { kind: 'resume' } }, states: ['changes_requested'] },
    withdraw: { by: 'owner', outcomes: { withdrawn: { kind: 'close', state: 'withdrawn' } } },
    acknowledge: { by: 'step', outcomes: { acknowledged: { kind: 'next' } } },
    feedback: { by: 'step', outcomes: { given: { kind: 'next', closeAs: 'closed' } } },
    message: { by: 'participant', outcomes: { sent: { kind: 'stay' } } },
  },
  route: ({ data }) => (data.route === 'chain' ? chain : data.route === 'chosen' ? [{ ...decisionStep, actor: { kind: 'chosen' } }] : data.route === 'statutory' ? statutory : [decisionStep]),
  chooseActors: async () => ['other'],
  delegateRoles: ['integrity_coordinator'],
  visibility: { owner: true, participants: true, roles: ['integrity_coordinator'] },
  registerRoles: ['integrity_coordinator'],
  presenter: {
    card: async (record, viewer, reason) => ({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body: [{ type: 'TextBlock', text: `${reason}:${record.reference}:${viewer.lang}:${viewer.actions.join(',')}` }] }),
    ownerNotice: async (record, entry) => `told:${record.state}:${entry.outcome}`,
  },
};

const organisation = {
  id: 'demo',
  name: 'Demo',
  referencePrefix: 'DEM',
  defaultLanguage: 'nl',
  workflow: { reminderAfterWorkingDays: 2, secondReminderAfterWorkingDays: 3, escalateAfterWorkingDays: 4 },
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
  [
    person('emp', 'mgr'),
    person('mgr', 'boss'),
    person('boss'),
    person('coord', undefined, ['integrity_coordinator']),
    person('hr1', undefined, ['hr']),
    person('wethouder', undefined, ['decision_body:college']),
    person('loner'),
    person('other', 'mgr'),
  ].map((p) => [p.aadObjectId, p]),
);

const directory = {
  async organisation(id: string) {
    return id === 'demo' ? organisation : undefined;
  },
  async person(id: string) {
    return people.get(id);
  },
  async managerChain(id: string) {
    const found: Person[] = [];
    for (let next = people.get(id)?.managerAadObjectId; next && people.get(next); next = people.get(next)?.managerAadObjectId) found.push(people.get(next)!);
    return found;
  },
  async peopleWithRole(orgId: string, role: Role) {
    return [...people.values()].filter((p) => p.orgId === orgId && p.roles.includes(role));
  },
};

class RecordingOutbox implements Outbox {
  messages: OutgoingMessage[] = [];
  async enqueue(messages: OutgoingMessage[]) {
    this.messages.push(...messages);
  }
  /** Who got a new card, with the reason, in order. */
  cards(): string[] {
    return this.messages.flatMap((message) => (message.mode === 'send' && 'view' in message && !message.view.reason.startsWith('notice') ? [`${message.to}:${message.view.reason}`] : []));
  }
}

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let outbox: RecordingOutbox;
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
  await database.db.collection('workflowCounterHeads').deleteMany({});
  outbox = new RecordingOutbox();
  engine = new WorkflowEngine({ db: database.db, directory, outbox, logger: createLogger('silent'), now: () => clock.now, atomicConditionalUpdates: !database.isFerretDb }, [sample]);
  clock.now = new Date('2026-03-06T09:00:00+01:00');
});

const submit = (owner = 'emp', clientKey: string = crypto.randomUUID(), route: Sample['route'] = 'single') =>
  engine.submit(sample, { orgId: 'demo', owner, ownerLang: 'nl', data: { what: 'x', route }, clientKey, ownerCard: { activityId: 'card', conversationId: `c-${owner}` } });
const act = (recordId: string, actor: string, action: string, outcome: string, fields: Record<string, string> = {}) => engine.act(sample, { recordId, actor, action, outcome, fields });

describe('workflow definitions', () => {
  it('refuses a definition closing in a state it does not name, and a route with unknown actions', () => {
    expect(() => assertValidDefinition({ ...sample, actions: { decide: { by: 'step', outcomes: { ok: { kind: 'close', state: 'nowhere' } } } } })).toThrow(/unknown state "nowhere"/);
    expect(() => assertValidDefinition({ ...sample, referenceCode: 'gift' })).toThrow(/referenceCode/);
    expect(() => assertValidDefinition({ ...sample, actions: { resubmit: { by: 'step', outcomes: { again: { kind: 'resume' } } } } })).toThrow(/only the owner/);
    expect(routeProblems(sample, [{ ...decisionStep, actions: ['bribe'] }])).toEqual(['step decision: unknown action "bribe"']);
    expect(routeProblems(sample, [{ ...decisionStep, actions: ['withdraw'] }])).toEqual(['step decision: "withdraw" is not an action for a step\'s actor']);
  });
});

describe('workflow engine against the database', () => {
  it('creates a record routed to the direct manager, with a reference, deadlines, audit and a card for the manager', async () => {
    const { record, created } = await submit();
    expect(created).toBe(true);
    expect(record.reference).toBe('DEM-S-2026-0001');
    expect(record.state).toBe('awaiting_decision');
    expect(record.assignees).toEqual(['mgr']);
    expect(record.step?.remindAt).toEqual([new Date('2026-03-10T09:00:00+01:00'), new Date('2026-03-11T09:00:00+01:00')]);
    expect(record.step?.dueAt).toEqual(new Date('2026-03-12T09:00:00+01:00'));
    expect((await engine.auditTrail(record._id)).map((entry) => [entry.version, entry.action, entry.actor])).toEqual([[1, 'submitted', 'emp']]);
    expect(outbox.messages).toEqual([
      { mode: 'adopt', to: 'emp', key: `record:${record._id}:emp`, message: { activityId: 'card', conversationId: 'c-emp' }, recordId: record._id, orgId: 'demo', purpose: 'owner_card' },
      { mode: 'send', to: 'mgr', key: `record:${record._id}:mgr`, recordId: record._id, orgId: 'demo', purpose: 'assigned', view: { recordId: record._id, reason: 'assigned', atVersion: 1 } },
    ]);
    expect(await engine.render({ recordId: record._id, reason: 'assigned', atVersion: 1 }, 'mgr', 'en')).toMatchObject({ kind: 'card', card: { body: [{ text: 'assigned:DEM-S-2026-0001:en:decide,return,message' }] } });
    expect(await engine.render({ recordId: record._id, reason: 'assigned', atVersion: 1 }, 'other', 'nl')).toBeUndefined();
    // A message about a change that has not landed (or a record not written yet) waits for it.
    expect(await engine.render({ recordId: record._id, reason: 'assigned', atVersion: 2 }, 'mgr', 'nl')).toBe('not_yet');
    expect(await engine.render({ recordId: crypto.randomUUID(), reason: 'assigned', atVersion: 1 }, 'mgr', 'nl')).toBe('not_yet');
  });

  it('numbers per organisation and year, without gaps from duplicate submissions', async () => {
    const key = crypto.randomUUID();
    const results = await Promise.all([submit('emp', key), submit('emp', key), submit('emp', key)]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.record.reference))).toEqual(new Set(['DEM-S-2026-0001']));
    expect(outbox.cards()).toEqual(['mgr:assigned']);
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

  it('lets exactly one of concurrent deciders win, every time; the others see the outcome', async () => {
    for (let round = 0; round < 8; round += 1) {
      const { record } = await submit();
      const results = await Promise.all([act(record._id, 'mgr', 'decide', 'approve'), act(record._id, 'coord', 'decide', 'reject', { reasons: 'no' }), act(record._id, 'mgr', 'decide', 'reject')]);
      const winners = results.filter((result) => result.kind === 'done');
      expect(winners).toHaveLength(1);
      for (const loser of results.filter((result) => result.kind !== 'done')) expect(loser.kind).toBe('already_taken');
      const trail = await engine.auditTrail(record._id);
      expect(trail.filter((entry) => entry.action === 'decide')).toHaveLength(1);
      const stored = await engine.find(sample, record._id);
      expect(stored?.version).toBe(trail.length);
      expect(stored?.history).toHaveLength(1);
    }
  });

  it('refuses someone without a say, and the owner deciding on their own record', async () => {
    const { record } = await submit();
    expect(await act(record._id, 'other', 'decide', 'approve')).toEqual({ kind: 'not_allowed' });
    expect(await act(record._id, 'emp', 'decide', 'approve')).toEqual({ kind: 'not_allowed' });
    expect(await act(record._id, 'mgr', 'withdraw', 'withdrawn')).toEqual({ kind: 'not_allowed' });
    const stored = await engine.find(sample, record._id);
    expect(stored?.state).toBe('awaiting_decision');
    expect(stored?.version).toBe(record.version);
    // The owner may withdraw while it waits; then nobody can decide any more.
    expect((await act(record._id, 'emp', 'withdraw', 'withdrawn')).kind).toBe('done');
    expect((await act(record._id, 'mgr', 'decide', 'approve')).kind).toBe('already_taken');
  });

  it('refreshes every delivered card and tells the owner after a decision, keeping the decision in the history and audit', async () => {
    const { record } = await submit();
    outbox.messages = [];
    const result = await act(record._id, 'MGR', 'decide', 'approve', { comment: 'prima' });
    expect(result.kind).toBe('done');
    expect(outbox.messages).toEqual([
      { mode: 'refresh', recordId: record._id, atVersion: 2, orgId: 'demo', purpose: 'refresh' },
      { mode: 'send', to: 'emp', key: `notice:${record._id}:2`, recordId: record._id, orgId: 'demo', purpose: 'notice_decide', view: { recordId: record._id, reason: 'notice:0', atVersion: 2 } },
    ]);
    expect(await engine.render({ recordId: record._id, reason: 'notice:0', atVersion: 2 }, 'emp', 'nl')).toEqual({ kind: 'text', text: 'told:approved:approve' });
    // Only the owner may read the owner's notice.
    expect(await engine.render({ recordId: record._id, reason: 'notice:0', atVersion: 2 }, 'mgr', 'nl')).toBeUndefined();
    const stored = (await engine.find(sample, record._id))!;
    expect(stored.history).toEqual([{ step: 'decision', action: 'decide', outcome: 'approve', actor: 'mgr', at: clock.now, fields: { comment: 'prima' } }]);
    expect(stored.closedAt).toEqual(clock.now);
    expect((await engine.auditTrail(record._id)).at(-1)).toMatchObject({ action: 'decide', outcome: 'approve', actor: 'mgr', fromState: 'awaiting_decision', toState: 'approved', fields: { comment: 'prima' } });
  });

  it('reminds twice, escalates once to the next manager, and both may then decide', async () => {
    const { record } = await submit();
    clock.now = new Date('2026-03-09T17:00:00+01:00'); // Monday: 1 working day later
    expect(await engine.processDueWorkflowDeadlines(clock.now)).toEqual({ reminded: 0, escalated: 0, overdue: 0 });
    clock.now = new Date('2026-03-10T09:00:00+01:00'); // Tuesday: 2 working days
    expect(await engine.processDueWorkflowDeadlines(clock.now)).toEqual({ reminded: 1, escalated: 0, overdue: 0 });
    expect(await engine.processDueWorkflowDeadlines(clock.now)).toEqual({ reminded: 0, escalated: 0, overdue: 0 });
    clock.now = new Date('2026-03-11T09:00:00+01:00');
    expect(await engine.processDueWorkflowDeadlines(clock.now)).toEqual({ reminded: 1, escalated: 0, overdue: 0 });
    clock.now = new Date('2026-03-12T09:00:00+01:00');
    const [first, second] = await Promise.all([engine.processDueWorkflowDeadlines(clock.now), engine.processDueWorkflowDeadlines(clock.now)]);
    expect(first!.escalated + second!.escalated).toBe(1);
    expect(outbox.cards()).toEqual(['mgr:assigned', 'mgr:reminder', 'mgr:reminder', 'boss:escalated']);
    const stored = await engine.find(sample, record._id);
    expect(stored?.assignees).toEqual(['mgr', 'boss']);
    expect(stored?.participants).toEqual(['mgr', 'boss']);
    // The escalated step has a fresh clock for the new assignee.
    expect(stored?.step?.dueAt).toEqual(new Date('2026-03-18T09:00:00+01:00'));
    expect((await engine.auditTrail(record._id)).map((entry) => entry.action)).toEqual(['submitted', 'reminded', 'reminded', 'escalated']);
    expect((await act(record._id, 'mgr', 'decide', 'approve')).kind).toBe('done');
  });

  it('climbs to the integrity coordinator, then flags the record overdue when nobody is left', async () => {
    const { record } = await submit();
    for (const day of ['2026-03-12', '2026-03-18', '2026-03-24', '2026-03-30']) {
      clock.now = new Date(`${day}T10:00:00+01:00`);
      await engine.processDueWorkflowDeadlines(clock.now);
    }
    const stored = (await engine.find(sample, record._id))!;
    expect(stored.assignees).toEqual(['mgr', 'boss', 'coord']);
    expect(stored.step?.overdue).toBe(true);
    expect(stored.nextDueAt).toBeNull();
    expect((await engine.auditTrail(record._id)).map((entry) => entry.action).filter((action) => action !== 'reminded')).toEqual(['submitted', 'escalated', 'escalated', 'overdue']);
  });

  it('routes to the integrity coordinator when there is no manager, and never reminds a closed record', async () => {
    const { record } = await submit('loner');
    expect(record.assignees).toEqual(['coord']);
    await act(record._id, 'coord', 'decide', 'reject');
    clock.now = new Date('2026-04-30T09:00:00+02:00');
    expect(await engine.processDueWorkflowDeadlines(clock.now)).toEqual({ reminded: 0, escalated: 0, overdue: 0 });
  });

  it('goes through a chain of steps, keeping every advice, and only the step’s actor may act', async () => {
    const { record } = await submit('emp', undefined, 'chain');
    expect(record.state).toBe('awaiting_manager_advice');
    expect((await act(record._id, 'hr1', 'advise', 'positive')).kind).toBe('not_allowed');
    expect((await act(record._id, 'mgr', 'decide', 'approve')).kind).toBe('already_taken');
    expect((await act(record._id, 'mgr', 'advise', 'positive', { conditions: 'niet in de regio' })).kind).toBe('done');
    let stored = (await engine.find(sample, record._id))!;
    expect(stored.state).toBe('awaiting_hr_advice');
    expect(stored.assignees).toEqual(['hr1']);
    expect((await act(record._id, 'mgr', 'advise', 'negative')).kind).toBe('already_taken');
    expect((await act(record._id, 'hr1', 'advise', 'negative', { reasoning: 'te veel uren' })).kind).toBe('done');
    expect((await act(record._id, 'wethouder', 'decide', 'approve', { conditions: 'buiten werktijd' })).kind).toBe('done');
    stored = (await engine.find(sample, record._id))!;
    expect(stored.state).toBe('approved');
    expect(stored.participants).toEqual(['mgr', 'hr1', 'wethouder']);
    expect(stored.history.map((entry) => [entry.step, entry.actor, entry.outcome, entry.fields])).toEqual([
      ['manager_advice', 'mgr', 'positive', { conditions: 'niet in de regio' }],
      ['hr_advice', 'hr1', 'negative', { reasoning: 'te veel uren' }],
      ['decision', 'wethouder', 'approve', { conditions: 'buiten werktijd' }],
    ]);
    expect(outbox.cards()).toEqual(['mgr:assigned', 'hr1:assigned', 'wethouder:assigned']);
    // Everyone who had it may still see it; a colleague may not.
    expect(await engine.mayView(sample, stored, 'hr1')).toBe(true);
    expect(await engine.mayView(sample, stored, 'other')).toBe(false);
  });

  it('returns a record to the owner for changes and resumes the same step on resubmission', async () => {
    const { record } = await submit();
    expect((await act(record._id, 'mgr', 'return', 'returned', { reasons: 'welk bedrijf?' })).kind).toBe('done');
    let stored = (await engine.find(sample, record._id))!;
    expect(stored.state).toBe('changes_requested');
    expect(stored.nextDueAt).toBeNull();
    expect(outbox.cards()).toEqual(['mgr:assigned', 'emp:returned']);
    expect((await act(record._id, 'mgr', 'decide', 'approve')).kind).toBe('already_taken');
    clock.now = new Date('2026-03-09T10:00:00+01:00');
    expect((await engine.act(sample, { recordId: record._id, actor: 'emp', action: 'resubmit', outcome: 'resubmitted', data: { what: 'Bakkerij Jansen' } })).kind).toBe('done');
    stored = (await engine.find(sample, record._id))!;
    expect(stored.state).toBe('awaiting_decision');
    expect(stored.data.what).toBe('Bakkerij Jansen');
    expect(stored.step?.startedAt).toEqual(clock.now);
    expect(outbox.cards().at(-1)).toBe('mgr:update');
  });

  it('takes a corrected notification from a card (performCardAction with data), and sends a form with a wrong field back with its message', async () => {
    const { record } = await submit();
    await act(record._id, 'mgr', 'return', 'returned', { reasons: 'welk bedrijf?' });
    const spec = { fields: ['what'] as const, schema: z.object({ what: z.string().trim().min(1, 'required') }), messages: {} };
    const request = (data: unknown) => ({ requester: { aadObjectId: 'emp', lang: 'nl' as const, organisation, person: people.get('emp') }, data });
    const texts = { notFound: { nl: 'weg', en: 'gone' }, notAllowed: { nl: 'nee', en: 'no' } };
    const parse = (data: unknown) => parseActionForm(data, spec, 'resubmit', ({ what }) => ({ outcome: 'resubmitted', fields: {}, data: { what, route: 'single' } }));
    const wrong = await performCardAction(engine, sample, request({ recordId: record._id, what: ' ' }), parse({ recordId: record._id, what: ' ' }), texts);
    expect(wrong).toMatchObject({ kind: 'card', card: { body: [{ text: `acted:${record.reference}:nl:resubmit,withdraw` }] } });
    expect((await engine.find(sample, record._id))!.state).toBe('changes_requested');
    expect(parse({ recordId: record._id, what: 'x', $set: 1 })).toBeUndefined();
    const done = await performCardAction(engine, sample, request({ recordId: record._id, what: 'Bakkerij Jansen' }), parse({ recordId: record._id, what: 'Bakkerij Jansen' }), texts);
    expect(done.kind).toBe('card');
    const stored = (await engine.find(sample, record._id))!;
    expect(stored.state).toBe('awaiting_decision');
    expect(stored.data.what).toBe('Bakkerij Jansen');
  });

  it('sends to the people chosen at submission, counts calendar days and months, and reminds before deadlines', async () => {
    const { record } = await submit('emp', undefined, 'statutory');
    expect(record.assignees).toEqual(['other']);
    expect(record.step?.dueAt).toEqual(new Date('2026-03-13T09:00:00+01:00'));
    expect(record.step?.remindAt).toEqual([new Date('2026-03-11T09:00:00+01:00')]);
    clock.now = new Date('2026-03-11T09:00:00+01:00');
    expect((await engine.processDueWorkflowDeadlines(clock.now)).reminded).toBe(1);
    clock.now = new Date('2026-03-12T09:00:00+01:00');
    expect((await act(record._id, 'other', 'acknowledge', 'acknowledged')).kind).toBe('done');
    const stored = (await engine.find(sample, record._id))!;
    expect(stored.state).toBe('awaiting_feedback');
    expect(stored.step?.dueAt).toEqual(new Date('2026-06-12T09:00:00+02:00'));
    expect(stored.step?.remindAt).toEqual([new Date('2026-05-29T09:00:00+02:00')]);
    // Past the deadline with nobody to escalate to: flagged overdue, not reassigned.
    clock.now = new Date('2026-06-13T09:00:00+02:00');
    expect(await engine.processDueWorkflowDeadlines(clock.now)).toEqual({ reminded: 0, escalated: 0, overdue: 1 });
    expect((await act(record._id, 'other', 'feedback', 'given')).kind).toBe('done');
    expect((await engine.find(sample, record._id))!.state).toBe('closed');
  });

  it('lists by owner, by assignee and by organisation register', async () => {
    const first = await submit('emp');
    await submit('other');
    await act(first.record._id, 'mgr', 'decide', 'approve');
    expect((await engine.ownedBy('emp')).map((r) => r.owner)).toEqual(['emp']);
    expect((await engine.awaiting('mgr')).map((r) => r.owner)).toEqual(['other']);
    expect(await engine.countAwaiting('mgr')).toBe(1);
    const page = await engine.register('demo', sample, 0, 10);
    expect(page.total).toBe(2);
    expect(page.records.map((r) => r.reference)).toEqual(['DEM-S-2026-0002', 'DEM-S-2026-0001']);
    expect(await engine.isRegisterReader(sample, 'demo', 'coord')).toBe(true);
    expect(await engine.isRegisterReader(sample, 'demo', 'mgr')).toBe(false);
  });
});

/**
 * What waits for a person is read by `_id` only (their AwaitingIndex document, then each
 * candidate record), never by a query over every record, which FerretDB answers by reading the
 * whole collection. That query is still the truth it must equal, after every kind of change and
 * whichever instance made it.
 */
describe('what waits for a person', () => {
  const everyone = [...people.keys()];
  /** The old query over every record: the count help must keep giving. */
  const byQuery = async (person: string, types: string[] = [sample.type]) =>
    database.db.collection(WORKFLOW_RECORDS).find({ assignees: person, closedAt: null, type: { $in: types } }).sort({ createdAt: 1 }).map((record) => String(record._id)).toArray();
  const instance = (definitions: WorkflowDefinition<Sample>[] = [sample]) =>
    new WorkflowEngine({ db: database.db, directory, outbox, logger: createLogger('silent'), now: () => clock.now, atomicConditionalUpdates: !database.isFerretDb }, definitions);
  /** Every person, as another instance sees it at once. */
  const expectAsQueried = async (other: WorkflowEngine, types?: string[]) => {
    for (const person of everyone) {
      const truth = await byQuery(person, types);
      expect(await other.countAwaiting(person), person).toBe(truth.length);
      expect((await other.awaiting(person)).map((record) => record._id), person).toEqual(truth);
    }
  };

  it('equals the query over all records after submission, advice, return, resubmission, escalation, sharing and closing, on the other instance at once', async () => {
    const here = instance([sample, confidential]);
    const there = instance([sample, confidential]);
    const types = [sample.type, confidential.type];
    const single = (await here.submit(sample, { orgId: 'demo', owner: 'emp', ownerLang: 'nl', data: { what: 'x', route: 'single' }, clientKey: crypto.randomUUID() })).record;
    const chained = (await there.submit(sample, { orgId: 'demo', owner: 'other', ownerLang: 'nl', data: { what: 'x', route: 'chain' }, clientKey: crypto.randomUUID() })).record;
    const sealed = (await here.submit(confidential, { orgId: 'demo', owner: 'loner', ownerLang: 'nl', data: { what: 'x', route: 'statutory' }, clientKey: crypto.randomUUID() })).record;
    await expectAsQueried(there, types);
    expect(await there.countAwaiting('MGR')).toBe(2);

    const steps: Array<[WorkflowEngine, WorkflowDefinition<Sample>, string, string, string, string, Record<string, string>?]> = [
      [here, sample, chained._id, 'mgr', 'advise', 'positive'],
      [there, sample, single._id, 'mgr', 'return', 'returned'],
      [here, sample, single._id, 'emp', 'resubmit', 'resubmitted'],
      [there, confidential, sealed._id, 'other', 'share', 'shared', { with: 'coord' }],
      [here, sample, chained._id, 'hr1', 'advise', 'negative'],
      [there, confidential, sealed._id, 'coord', 'acknowledge', 'acknowledged'],
    ];
    for (const [by, definition, recordId, actor, action, outcome, fields] of steps) {
      expect((await by.act(definition, { recordId, actor, action, outcome, fields: fields ?? {} })).kind, `${actor} ${action}`).toBe('done');
      await expectAsQueried(by === here ? there : here, types);
    }
    // Escalation by the deadline run adds the next manager.
    clock.now = new Date('2026-03-20T09:00:00+01:00');
    expect((await there.processDueWorkflowDeadlines(clock.now)).escalated).toBeGreaterThan(0);
    await expectAsQueried(here, types);
    expect(await here.countAwaiting('boss')).toBe(1);
    // Closing: nothing waits any more, without anything removed from the index at that moment.
    for (const [by, definition, recordId, actor, action, outcome] of [
      [here, sample, single._id, 'boss', 'decide', 'approve'],
      [there, sample, chained._id, 'wethouder', 'decide', 'reject'],
      [here, confidential, sealed._id, 'other', 'feedback', 'given'],
    ] as const) {
      expect((await by.act(definition, { recordId, actor, action, outcome })).kind, `${actor} ${action}`).toBe('done');
      await expectAsQueried(by === here ? there : here, types);
    }
    for (const person of everyone) expect(await here.countAwaiting(person)).toBe(0);
  });

  it('counts every one of twenty assignments to one person made at the same moment through two instances', async () => {
    const [one, two] = [instance(), instance()];
    const submissions = Array.from({ length: 20 }, (_, n) =>
      (n % 2 === 0 ? one : two).submit(sample, { orgId: 'demo', owner: n % 4 < 2 ? 'emp' : 'other', ownerLang: 'nl', data: { what: 'x', route: 'single' }, clientKey: crypto.randomUUID() }),
    );
    await Promise.all(submissions);
    expect((await byQuery('mgr')).length).toBe(20);
    expect(await one.countAwaiting('mgr')).toBe(20);
    expect(await two.countAwaiting('mgr')).toBe(20);
  });

  it('finds records stored before the index existed, and the hourly job drops what no longer waits', async () => {
    const awaitingDocuments = database.db.collection('workflowAwaiting');
    const first = (await submit('emp')).record;
    const second = (await submit('other', undefined, 'chain')).record;
    // As a database of an earlier release: records, but no index.
    await awaitingDocuments.deleteMany({});
    await database.db.collection('migrations').deleteOne({ _id: 'workflow-awaiting-index' as never });
    expect(await engine.countAwaiting('mgr')).toBe(0);
    // The migration at start-up notes them.
    await ensureCollections(database.db, workflowCollections);
    expect(await engine.countAwaiting('mgr')).toBe(2);
    await awaitingDocuments.deleteMany({});
    expect(await reconcileAwaiting(database.db, clock.now)).toEqual({ noted: 2, dropped: 0 });
    expect(await engine.countAwaiting('mgr')).toBe(2);
    expect(await reconcileAwaiting(database.db, clock.now)).toEqual({ noted: 0, dropped: 0 });

    // A closed record goes at the next run; one that moved on to someone else after an hour.
    await act(first._id, 'mgr', 'decide', 'approve');
    await act(second._id, 'mgr', 'advise', 'positive');
    // A record noted for someone but never written (its submission died): never counted.
    await new AwaitingIndex(database.db).note(['mgr'], crypto.randomUUID(), clock.now);
    expect(await engine.countAwaiting('mgr')).toBe(0);
    expect(await engine.countAwaiting('hr1')).toBe(1);
    const candidates = async (person: string) => ((await awaitingDocuments.findOne({ _id: person as never })) as { records: { id: string }[] } | null)?.records.map((candidate) => candidate.id) ?? [];
    expect(await candidates('mgr')).toHaveLength(3);
    expect(await reconcileAwaiting(database.db, clock.now)).toEqual({ noted: 0, dropped: 1 });
    expect(await candidates('mgr')).toHaveLength(2);
    clock.now = new Date(clock.now.getTime() + 61 * 60_000);
    expect(await reconcileAwaiting(database.db, clock.now)).toEqual({ noted: 0, dropped: 2 });
    expect(await candidates('mgr')).toEqual([]);
    expect(await candidates('hr1')).toEqual([second._id]);
    expect(await engine.countAwaiting('hr1')).toBe(1);
  });

  it('notes a burst for one person in a few rewrites, keeping every record', async () => {
    // Twenty gift notifications to one manager at once from one process: without gathering them
    // each races for the same write claim and retries; with it they follow in a few rewrites.
    const index = new AwaitingIndex(database.db);
    const claims = database.db.collection('writeClaims');
    const person = `burst-${crypto.randomUUID()}`;
    const ids = Array.from({ length: 20 }, () => crypto.randomUUID());
    await Promise.all(ids.map((id) => index.note([person], id, clock.now)));
    const stored = ((await database.db.collection(WORKFLOW_AWAITING).findOne({ _id: person as never })) as { records: { id: string }[] } | null)?.records.map((candidate) => candidate.id) ?? [];
    expect(new Set(stored)).toEqual(new Set(ids));
    // Each rewrite after the first (an insert) claims the version it leaves: `workflowAwaiting/<person>@<version>`.
    const claimed = await claims.countDocuments({ _id: { $regex: `^${WORKFLOW_AWAITING}/${person}@` } as never });
    expect(claimed).toBeLessThanOrEqual(3);
  });
});

/** A report-like definition: filed under a pseudonym, sent to a chosen person who may share it with a deputy. */
const confidential: WorkflowDefinition<Sample> = {
  ...sample,
  type: 'confidential',
  referenceCode: 'C',
  actions: {
    ...sample.actions,
    share: { by: 'step', outcomes: { shared: { kind: 'assign', field: 'with' } } },
    reply: { by: 'owner', outcomes: { sent: { kind: 'stay' } } },
  },
  route: () => statutory.map((step) => ({ ...step, actions: [...step.actions, 'share'] })),
  ownerIdOf: async (id) => `p-${id}`,
  chooseActors: async (record) => ['other', ...record.history.filter((entry) => entry.action === 'share').map((entry) => entry.fields.with!)],
  delegateRoles: [],
  visibility: { owner: true, participants: true, roles: [] },
  registerRoles: [],
  presenter: {
    card: sample.presenter.card,
    ownerNotice: async (record, entry) =>
      entry.action === 'message' ? { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body: [{ type: 'TextBlock', text: `question:${record.reference}` }] } : `told:${entry.action}`,
  },
};

describe('records filed under a pseudonym, shared with a deputy', () => {
  it('keeps the owner out of every stored field while the owner still finds, sees and answers it', async () => {
    const sealedEngine = new WorkflowEngine({ db: database.db, directory, outbox, logger: createLogger('silent'), now: () => clock.now, atomicConditionalUpdates: !database.isFerretDb }, [sample, confidential]);
    const { record } = await sealedEngine.submit(confidential, { orgId: 'demo', owner: 'EMP', ownerLang: 'nl', data: { what: 'x', route: 'statutory' }, clientKey: crypto.randomUUID() });
    expect(record.owner).toBe('p-emp');
    expect(record.assignees).toEqual(['other']);
    expect((await sealedEngine.ownedBy('emp')).map((found) => found._id)).toContain(record._id);
    expect((await sealedEngine.viewer(confidential, record, 'emp', 'nl'))?.isOwner).toBe(true);
    expect(await sealedEngine.mayView(confidential, record, 'mgr')).toBe(false);

    const actOn = (actor: string, action: string, outcome: string, fields: Record<string, string> = {}) => sealedEngine.act(confidential, { recordId: record._id, actor, action, outcome, fields });
    expect((await actOn('other', 'message', 'sent', { text: 'sealed-question' })).kind).toBe('done');
    const notice = outbox.messages.at(-1)!;
    expect(notice).toMatchObject({ mode: 'send', to: 'p-emp', purpose: 'notice_message' });
    expect(await sealedEngine.render({ recordId: record._id, reason: 'notice:0', atVersion: 2 }, 'p-emp', 'nl')).toMatchObject({ kind: 'card', card: { body: [{ text: `question:${record.reference}` }] } });
    expect((await actOn('emp', 'reply', 'sent', { text: 'sealed-answer' })).kind).toBe('done');
    expect(outbox.cards().at(-1)).toBe('other:update');
    expect((await actOn('mgr', 'reply', 'sent')).kind).toBe('not_allowed');

    // Sharing: never with the owner, someone already in the step, or someone the directory does not know.
    for (const refused of ['emp', 'other', 'ghost']) expect((await actOn('other', 'share', 'shared', { with: refused })).kind).toBe('not_allowed');
    expect((await actOn('other', 'share', 'shared', { with: 'coord' })).kind).toBe('done');
    expect(outbox.cards().at(-1)).toBe('coord:assigned');
    expect(await sealedEngine.mayView(confidential, (await sealedEngine.find(confidential, record._id))!, 'coord')).toBe(true);
    // The deputy stays in the next step, chosen again from the record.
    expect((await actOn('coord', 'acknowledge', 'acknowledged')).kind).toBe('done');
    const stored = (await sealedEngine.find(confidential, record._id))!;
    expect(stored.state).toBe('awaiting_feedback');
    expect(stored.assignees).toEqual(['other', 'coord']);
    expect(stored.history.map((entry) => [entry.action, entry.actor])).toEqual([['message', 'other'], ['reply', 'p-emp'], ['share', 'other'], ['acknowledge', 'coord']]);

    const trail = await sealedEngine.auditTrail(record._id);
    expect(trail.map((entry) => entry.actor)).toEqual(['p-emp', 'other', 'p-emp', 'other', 'coord']);
    expect(trail.find((entry) => entry.action === 'share')?.assignees).toEqual(['coord']);
    const stored_ = JSON.stringify([stored, trail, outbox.messages.filter((message) => message.recordId === record._id)]);
    expect(stored_).not.toMatch(/"emp"|:emp"|"emp:/);
  });

  it('refuses a definition in which the owner assigns people', () => {
    expect(() => assertValidDefinition({ ...confidential, actions: { share: { by: 'owner', outcomes: { shared: { kind: 'assign', field: 'with' } } } } })).toThrow(/only a step's actor can assign/);
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

  it('numbers in order within one instance, and goes on after numbers another instance drew meanwhile', async () => {
    const database = await openTestDatabase();
    try {
      const here = new ReferenceNumbers(database.db);
      expect(await Promise.all(Array.from({ length: 10 }, () => here.next('org-b', 'gift', 2026)))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(await nextSequence(database.db, 'org-b', 'gift', 2026)).toBe(11);
      expect(await nextSequence(database.db, 'org-b', 'gift', 2026)).toBe(12);
      expect(await here.next('org-b', 'gift', 2026)).toBe(13);
    } finally {
      await database.drop();
    }
  });

  it('shares out consecutive numbers between two instances that each issue a burst together', async () => {
    const database = await openTestDatabase();
    try {
      const [one, two] = [new ReferenceNumbers(database.db), new ReferenceNumbers(database.db)];
      // Each instance gathers its waiting callers into one insert; where the other instance took
      // a number first, the rest of the batch goes on after it, so nothing is skipped or doubled.
      const values = await Promise.all(Array.from({ length: 40 }, (_, n) => (n % 2 === 0 ? one : two).next('org-c', 'gift', 2026)));
      expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));
    } finally {
      await database.drop();
    }
  });

  it('goes on after the last number of a series numbered before heads, and after a head that lags', async () => {
    const database = await openTestDatabase();
    try {
      const counters = database.db.collection<{ _id: string; series?: string; value?: number; last?: number }>('workflowCounters');
      // As stored before the series had a head: numbers only.
      await counters.insertMany([1, 2, 3].map((value) => ({ _id: `org-a:gift:2026:${value}`, series: 'org-a:gift:2026', value, issuedAt: new Date(), schemaVersion: 1 })));
      expect(await nextSequence(database.db, 'org-a', 'gift', 2026)).toBe(4);
      // A head left behind by a lost (non-atomic) update: the number after the last one still.
      const heads = database.db.collection<{ _id: string; last: number }>('workflowCounterHeads');
      await vi.waitFor(async () => expect(await heads.findOne({ _id: 'org-a:gift:2026' })).toMatchObject({ last: 4 }));
      await heads.updateOne({ _id: 'org-a:gift:2026' }, { $set: { last: 2 } });
      expect(await nextSequence(database.db, 'org-a', 'gift', 2026)).toBe(5);
      // The head moves on just after the number is handed out.
      await vi.waitFor(async () => expect(await heads.findOne({ _id: 'org-a:gift:2026' })).toMatchObject({ last: 5 }));
      // A head an earlier release kept among the numbers is not read: the series goes on from its highest number.
      await counters.insertOne({ _id: 'org-b:gift:2026', last: 1 });
      await counters.insertMany([1, 2, 3, 4, 5, 6].map((value) => ({ _id: `org-b:gift:2026:${value}`, series: 'org-b:gift:2026', value, issuedAt: new Date(), schemaVersion: 1 })));
      expect(await nextSequence(database.db, 'org-b', 'gift', 2026)).toBe(7);
    } finally {
      await database.drop();
    }
  });
});
