import { createHash } from 'node:crypto';
import type { Collection, Db, Filter } from 'mongodb';
import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import type { DeliveredMessage, Outbox, OutgoingMessage, RecordView, Rendered } from '../delivery/types.js';
import { normaliseObjectId } from '../directory/directory.js';
import type { Language, Organisation } from '../directory/types.js';
import type { Logger } from '../logging/logger.js';
import { SCHEMA_VERSION, isDuplicateKeyError } from '../storage/database.js';
import { ExpiringCache } from '../storage/expiringCache.js';
import { GroupedInserts } from '../storage/groupedInserts.js';
import { AwaitingIndex } from './awaiting.js';
import { nextDueAt, stepClock } from './clock.js';
import { reachabilityNotice } from './reachability.js';
import { escalationTarget, resolveActors, type RoutingDirectory } from './routing.js';
import { auditCollection, formatReference, recordsCollection, ReferenceNumbers } from './store.js';
import {
  CHANGES_REQUESTED,
  awaitingState,
  type ActionEffect,
  type ActionInput,
  type ActionResult,
  type ActionSpec,
  type AnyWorkflowDefinition,
  type AuditEntry,
  type DeadlineRunSummary,
  type HistoryEntry,
  type NoticeReason,
  type StepSpec,
  type StepState,
  type SubmitResult,
  type Viewer,
  type WorkflowDefinition,
  type WorkflowRecord,
} from './types.js';
import { dutchHolidays, yearIn, type HolidayCalendar } from './workingDays.js';

export interface WorkflowServices {
  db: Db;
  directory: RoutingDirectory & { organisation(orgId: string): Promise<Organisation | undefined> };
  outbox: Outbox;
  logger: Logger;
  now: () => Date;
  calendar?: HolidayCalendar;
  /**
   * Whether the server applies a conditional update atomically (MongoDB, Atlas, Cosmos DB: the
   * default). FerretDB's does not, and reads every record for it (see `land`): pass false there.
   */
  atomicConditionalUpdates?: boolean;
}

export interface SubmitInput<TData> {
  orgId: string;
  owner: string;
  ownerLang: Language;
  data: TData;
  /** Unique per form instance (e.g. a random id in the card); scoped to type and owner here. */
  clientKey: string;
  /** The card the owner submitted from, which becomes their status card and follows the record. */
  ownerCard?: DeliveredMessage;
}

export interface RegisterPage<TData> {
  records: WorkflowRecord<TData>[];
  total: number;
}

/** Records handled per run; the scheduler runs often enough to catch up. */
const DEADLINE_BATCH = 200;
/** Records worked on at once. */
const DEADLINE_PARALLELISM = 4;
/** A claimed version whose change never lands within this time belongs to a writer that died. */
const ORPHANED_CLAIM_MS = 15_000;
/**
 * A submission takes milliseconds, but seconds on a database under load: a claim without its
 * record after this belongs to one that died. Taking over too early makes two submissions draw
 * two numbers for one record (a gap in the register), as a two-instance burst with 3 s showed.
 */
const SUBMIT_CLAIM_MS = 15_000;
/** The wait for a concurrent submission's record looks again at growing intervals up to this. */
const MAX_SUBMIT_POLL_MS = 500;
const POLL_MS = 25;
const SYSTEM = 'system';

type AuditInput = Omit<AuditEntry, '_id' | 'recordId' | 'version' | 'at' | 'schemaVersion'>;

/** What a change writes, decided on a freshly read record; undefined writes nothing. */
interface ChangePlan {
  entry: AuditInput;
  set: Partial<WorkflowRecord>;
  /** The messages the change causes, built from the changed record; stored after the change lands. */
  messages?: (record: WorkflowRecord) => OutgoingMessage[] | Promise<OutgoingMessage[]>;
}

/** The live card a person has about a record: one per person, updated as the record moves. */
export function recordCardKey(recordId: string, aadObjectId: string): string {
  return `record:${recordId}:${aadObjectId}`;
}

/**
 * The one engine for every notification that needs advice, a decision or a follow-up: records
 * with a route of steps, actions guarded by who may take them, reference numbers, deadlines with
 * reminders and escalation, an append-only audit trail, and messages left in the outbox.
 *
 * Every change to a record after its creation goes through `change()`: insert the audit entry
 * whose id is `<recordId>:<nextVersion>` (a unique key, so only one writer gets a version),
 * then one conditional update with the version in the filter. No transactions; and unlike a
 * bare conditional update this also holds on FerretDB, whose updates are not atomic.
 */
export class WorkflowEngine {
  private readonly records: Collection<WorkflowRecord>;
  private readonly audit: Collection<AuditEntry>;
  /** Audit entries and new records of concurrent turns go to the database together (see GroupedInserts). */
  private readonly auditInserts: GroupedInserts<AuditEntry>;
  private readonly recordInserts: GroupedInserts<WorkflowRecord>;
  private readonly numbers: ReferenceNumbers;
  private readonly awaitingIndex: AwaitingIndex;
  /**
   * Records this instance began to submit lately: a repeated click (a double click, a card action
   * Teams delivers again) that reaches the same instance notes nothing before its claim is refused.
   */
  private readonly submitting = new ExpiringCache<string, true>({ maxEntries: 10_000, ttlMs: 10 * 60_000 });
  private readonly definitions = new Map<string, AnyWorkflowDefinition>();
  private readonly calendar: HolidayCalendar;

  constructor(
    private readonly services: WorkflowServices,
    definitions: AnyWorkflowDefinition[],
  ) {
    for (const definition of definitions) {
      assertValidDefinition(definition);
      if (this.definitions.has(definition.type)) throw new Error(`workflow type "${definition.type}" is defined twice`);
      this.definitions.set(definition.type, definition);
    }
    this.records = recordsCollection(services.db);
    this.audit = auditCollection(services.db);
    this.auditInserts = new GroupedInserts(this.audit);
    this.recordInserts = new GroupedInserts(this.records);
    this.numbers = new ReferenceNumbers(services.db);
    this.awaitingIndex = new AwaitingIndex(services.db);
    this.calendar = services.calendar ?? dutchHolidays;
  }

  definition(type: string): AnyWorkflowDefinition | undefined {
    return this.definitions.get(type);
  }

  get types(): string[] {
    return [...this.definitions.keys()];
  }

  async find<TData>(definition: WorkflowDefinition<TData>, recordId: string): Promise<WorkflowRecord<TData> | undefined> {
    // By `_id` alone, the type checked here: FerretDB's SQLite handler looks up only a lone `_id`
    // by its index and reads every record for any other filter.
    const record = await this.records.findOne({ _id: recordId });
    return record?.type === definition.type ? (record as WorkflowRecord<TData>) : undefined;
  }

  /** The record's audit trail, oldest first. */
  async auditTrail(recordId: string): Promise<AuditEntry[]> {
    return this.audit.find({ recordId }).sort({ version: 1 }).toArray();
  }

  /**
   * Creates the record once per client key: a second submission of the same form returns the
   * first record (created: false), and nothing is sent twice. The record's id follows from the
   * key, so its first audit entry is the claim that makes a double click one record, and the
   * reference number is only drawn by the one submission that holds that claim (no gaps).
   */
  async submit<TData>(definition: WorkflowDefinition<TData>, input: SubmitInput<TData>): Promise<SubmitResult<TData>> {
    const owner = await this.ownerIdFor(definition, input.owner);
    const idempotencyKey = `${definition.type}:${owner}:${input.clientKey}`;
    const id = recordIdFor(idempotencyKey);
    const now = this.services.now();
    const organisation = await this.services.directory.organisation(input.orgId);
    if (!organisation) throw new Error(`unknown organisation ${input.orgId}`);
    const route = definition.route({ organisation, data: input.data });
    const first = route[0];
    if (!first) throw new Error(`workflow ${definition.type} has an empty route for ${organisation.id}`);
    const year = yearIn(now, this.calendar);
    const draft: WorkflowRecord<TData> = {
      _id: id,
      schemaVersion: SCHEMA_VERSION,
      type: definition.type,
      orgId: organisation.id,
      year,
      sequence: 0,
      reference: '',
      idempotencyKey,
      owner,
      ownerLang: input.ownerLang,
      state: awaitingState(first.id),
      assignees: [],
      version: 1,
      data: input.data,
      route,
      step: null,
      participants: [],
      history: [],
      nextDueAt: null,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    // What waits for the assignees is noted from the start, beside the claim, the number, the
    // messages and the record; the submitter's answer waits for all of it. The note is the
    // longest of these writes (a claim on the person's document, then the document rewritten),
    // so it does not wait for the claim, except for a click this instance is already submitting,
    // whose claim will be refused. A note without a record (a repeated click on another
    // instance, a claim that failed, a process that died) is harmless: the index holds a
    // superset, readers ask the record, and the hourly reconciliation (reconcileAwaiting) drops it.
    const actors = this.actorsFor(definition, draft, first);
    const noteNow = () => {
      const note = actors.then((people) => this.awaitingIndex.note(people, id, now));
      // Awaited below; a failure meanwhile must not be an unhandled rejection.
      note.catch(() => undefined);
      return note;
    };
    const repeated = this.submitting.has(id);
    this.submitting.set(id, true);
    let noted = repeated ? undefined : noteNow();
    try {
      await this.auditInserts.insert({ _id: `${id}:1`, recordId: id, version: 1, at: now, actor: owner, action: 'submitted', fromState: null, toState: null, schemaVersion: SCHEMA_VERSION });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const earlier = await this.waitForRecord(definition, id);
      if (earlier) return { record: earlier, created: false };
      // The first submitter died between its claim and its record: this one finishes the job.
    }
    noted ??= noteNow();
    const [assignees, sequence] = await Promise.all([actors, this.numbers.next(organisation.id, definition.type, year)]);
    const step = this.startStep(first, now);
    const record: WorkflowRecord<TData> = {
      ...draft,
      sequence,
      reference: formatReference(organisation.referencePrefix, definition.referenceCode, year, sequence),
      assignees,
      participants: assignees,
      step,
      nextDueAt: nextDueAt(step),
    };
    const messages: OutgoingMessage[] = [];
    if (input.ownerCard) messages.push({ mode: 'adopt', to: owner, key: recordCardKey(id, owner), message: input.ownerCard, recordId: id, orgId: record.orgId, purpose: 'owner_card' });
    messages.push(...assignees.map((to) => this.cardMessage(record, to, 'assigned')));
    // Messages first: should the process die before the record is written, the repeated click
    // writes it and the messages (keyed, so never doubled) are delivered once it exists.
    await this.services.outbox.enqueue(messages);
    try {
      await this.recordInserts.insert(record as WorkflowRecord);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const winner = await this.find(definition, id);
      if (!winner) throw error;
      return { record: winner, created: false };
    }
    await noted;
    this.services.logger.info(
      { event: 'workflow.submitted', recordId: id, type: definition.type, orgId: organisation.id, state: record.state, assignees: assignees.length },
      'record submitted',
    );
    return { record, created: true };
  }

  /**
   * Takes an action for the actor. Authorisation comes first, so someone without a say learns
   * nothing about the record; of concurrent actors exactly one wins, and the others are told
   * the record moved on.
   */
  async act<TData>(definition: WorkflowDefinition<TData>, input: ActionInput): Promise<ActionResult<TData>> {
    const spec: ActionSpec | undefined = definition.actions[input.action];
    const effect: ActionEffect | undefined = spec?.outcomes[input.outcome];
    if (!spec || !effect) throw new Error(`unknown action ${input.action}/${input.outcome} for ${definition.type}`);
    const person = normaliseObjectId(input.actor);
    const ownerId = await this.ownerIdFor(definition, person);
    const log = { recordId: input.recordId, type: definition.type, action: input.action, outcome: input.outcome };
    let refused = false;
    let entry: HistoryEntry | undefined;
    const outcome = await this.change(definition, input.recordId, async (record) => {
      // The owner acts under the id the record is filed under, so a pseudonymous owner stays one in the history.
      const actor = ownerId === record.owner ? record.owner : person;
      const allowed = await this.availableActions(definition, record, actor);
      if (!allowed.includes(input.action)) {
        // Someone who could have acted a moment ago lost a race; anyone else has no say at all.
        refused = !(await this.couldEverAct(definition, record, actor, spec));
        return undefined;
      }
      const now = this.services.now();
      entry = { step: spec.by === 'step' ? (record.step?.id ?? null) : null, action: input.action, outcome: input.outcome, actor, at: now, fields: input.fields ?? {} };
      if (effect.kind === 'assign' && !(await this.mayBeAssigned(definition, record, entry.fields[effect.field]))) {
        refused = true;
        return undefined;
      }
      return this.planEffect(definition, record, effect, entry, input.data);
    });
    if (!outcome) return { kind: 'not_found' };
    if (refused) {
      this.services.logger.warn({ event: 'workflow.action.refused', ...log }, 'actor may not take this action');
      return { kind: 'not_allowed' };
    }
    if (!outcome.changed || !entry) return { kind: 'already_taken', record: outcome.record };
    this.services.logger.info({ event: 'workflow.action', ...log, toState: outcome.record.state }, 'action taken');
    return { kind: 'done', record: outcome.record, entry };
  }

  /** The actions this person may take on the record now, in definition order. */
  async availableActions(definition: AnyWorkflowDefinition, record: WorkflowRecord, aadObjectId: string): Promise<string[]> {
    const actor = normaliseObjectId(aadObjectId);
    const isOwner = await this.isOwner(definition, record, actor);
    const open = record.closedAt === null;
    const stepActions = record.step && record.state === awaitingState(record.step.id) ? (record.route.find((step) => step.id === record.step!.id)?.actions ?? []) : [];
    const actsInStep = !isOwner && stepActions.length > 0 && (record.assignees.includes(actor) || (await this.holdsRole(record.orgId, actor, definition.delegateRoles)));
    const isParticipant = !isOwner && record.participants.includes(actor);
    const result: string[] = [];
    for (const [name, spec] of Object.entries<ActionSpec>(definition.actions)) {
      const inState = spec.states ? spec.states.includes(record.state) : open;
      if (spec.by === 'step' && actsInStep && stepActions.includes(name)) result.push(name);
      if (spec.by === 'owner' && isOwner && inState) result.push(name);
      if (spec.by === 'participant' && isParticipant && inState) result.push(name);
    }
    return result;
  }

  /** Whether the person may see the record and its contents, by the definition's visibility. */
  async mayView(definition: AnyWorkflowDefinition, record: WorkflowRecord, aadObjectId: string): Promise<boolean> {
    const actor = normaliseObjectId(aadObjectId);
    const { visibility } = definition;
    if (await this.isOwner(definition, record, actor)) return visibility.owner;
    if (visibility.participants && record.participants.includes(actor)) return true;
    if (definition.delegateRoles.length > 0 && record.assignees.length > 0 && (await this.holdsRole(record.orgId, actor, definition.delegateRoles))) return true;
    return this.holdsRole(record.orgId, actor, visibility.roles);
  }

  /** What a person sees of a record: undefined when they may not see it at all. */
  async viewer(definition: AnyWorkflowDefinition, record: WorkflowRecord, aadObjectId: string, lang: Language): Promise<Viewer | undefined> {
    if (!(await this.mayView(definition, record, aadObjectId))) return undefined;
    const id = normaliseObjectId(aadObjectId);
    return { aadObjectId: id, lang, isOwner: await this.isOwner(definition, record, id), actions: await this.availableActions(definition, record, id) };
  }

  /** The card a person should see of a record now; undefined when they may not see it (any more). */
  async cardFor(recordId: string, aadObjectId: string, lang: Language, reason: NoticeReason): Promise<AdaptiveCard | undefined> {
    const record = await this.records.findOne({ _id: recordId });
    const definition = record ? this.definitions.get(record.type) : undefined;
    if (!record || !definition) return undefined;
    const viewer = await this.viewer(definition, record, aadObjectId, lang);
    return viewer ? definition.presenter.card(record, viewer, reason) : undefined;
  }

  /** Whether the person may page through the organisation's register of this type. */
  async isRegisterReader(definition: AnyWorkflowDefinition, orgId: string, aadObjectId: string): Promise<boolean> {
    return this.holdsRole(orgId, normaliseObjectId(aadObjectId), definition.registerRoles);
  }

  async ownedBy(owner: string, limit = 20): Promise<WorkflowRecord[]> {
    // Records filed under a pseudonym are the person's own too.
    const ids = await Promise.all([...this.definitions.values()].map((definition) => this.ownerIdFor(definition, owner)));
    return this.records
      .find({ owner: { $in: unique(ids.length > 0 ? ids : [normaliseObjectId(owner)]) }, type: { $in: this.types } })
      .sort({ createdAt: -1 })
      .limit(limit)
      .toArray();
  }

  /** Open records in which the person may act now, oldest first: what waits for them. */
  async awaiting(aadObjectId: string, limit = 20): Promise<WorkflowRecord[]> {
    const waiting = await this.waitingFor(normaliseObjectId(aadObjectId));
    return waiting.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).slice(0, limit);
  }

  async countAwaiting(aadObjectId: string): Promise<number> {
    return (await this.waitingFor(normaliseObjectId(aadObjectId), { type: 1, closedAt: 1, assignees: 1 })).length;
  }

  /**
   * The open records of this engine's types with the person among the assignees. Read by `_id`
   * only: the person's candidates (see AwaitingIndex), then each candidate's record, which says
   * whether it still waits for them.
   */
  private async waitingFor(person: string, projection?: Record<string, 1>): Promise<WorkflowRecord[]> {
    const candidates = await this.awaitingIndex.candidates(person);
    const records = await Promise.all(candidates.map((candidate) => this.records.findOne({ _id: candidate.id }, projection ? { projection } : {})));
    return records.filter((record): record is WorkflowRecord => record !== null && record.closedAt == null && record.assignees.includes(person) && this.definitions.has(record.type));
  }

  /** One page of an organisation's register of one type, newest first. Callers authorise. */
  async register<TData>(orgId: string, definition: WorkflowDefinition<TData>, page: number, pageSize: number): Promise<RegisterPage<TData>> {
    const filter = { orgId, type: definition.type };
    const [total, records] = await Promise.all([
      this.records.countDocuments(filter),
      this.records
        .find(filter)
        .sort({ year: -1, sequence: -1 })
        .skip(Math.max(0, page) * pageSize)
        .limit(pageSize)
        .toArray(),
    ]);
    return { total, records: records as WorkflowRecord<TData>[] };
  }

  /**
   * Reminds, escalates and flags what waits too long. Each is a change of its own (claimed,
   * audited), so overlapping runs on several instances act once.
   */
  async processDueWorkflowDeadlines(now: Date = this.services.now()): Promise<DeadlineRunSummary> {
    const summary: DeadlineRunSummary = { reminded: 0, escalated: 0, overdue: 0 };
    const due = await this.records
      .find({ type: { $in: this.types }, closedAt: null, nextDueAt: { $lte: now } } as Filter<WorkflowRecord>, { projection: { _id: 1, type: 1 } })
      .limit(DEADLINE_BATCH)
      .toArray();
    await inParallel(due, DEADLINE_PARALLELISM, async ({ _id, type }) => {
      const definition = this.definitions.get(type);
      if (!definition) return;
      const happened = await this.applyDeadline(definition, _id, now);
      if (happened) summary[happened] += 1;
    });
    if (summary.reminded + summary.escalated + summary.overdue > 0) this.services.logger.info({ event: 'workflow.deadlines', ...summary }, 'deadlines processed');
    return summary;
  }

  /**
   * Someone a record's open step waits for cannot be reached (the delivery of their card failed
   * for good). Noted on the record, so the owner's card and a notice say who and what happens
   * now; after `escalateAfterMs` the deadline run escalates the step past them, as for a missed
   * deadline (up the manager chain, then the step's roles). True when this was news.
   */
  async assigneeUnreachable(recordId: string, aadObjectId: string, reason: string, escalateAfterMs: number): Promise<boolean> {
    const actor = normaliseObjectId(aadObjectId);
    const stored = await this.records.findOne({ _id: recordId });
    const definition = stored ? this.definitions.get(stored.type) : undefined;
    if (!definition) return false;
    let noted = false;
    await this.change(definition, recordId, async (record) => {
      noted = false;
      const step = record.step;
      if (!step || record.closedAt || record.state !== awaitingState(step.id) || !record.assignees.includes(actor) || step.unreachable?.some((entry) => entry.aadObjectId === actor)) return undefined;
      const now = this.services.now();
      noted = true;
      const next: StepState = { ...step, unreachable: [...(step.unreachable ?? []), { aadObjectId: actor, reason, at: now, escalateAt: new Date(now.getTime() + escalateAfterMs), escalated: false }] };
      const entry: HistoryEntry = { step: step.id, action: 'unreachable', outcome: reason, actor: SYSTEM, at: now, fields: { person: actor } };
      return {
        entry: { actor: SYSTEM, action: 'unreachable', outcome: reason, step: step.id, fromState: record.state, toState: record.state, assignees: [actor] },
        set: { step: next, history: [...record.history, entry], nextDueAt: nextDueAt(next), updatedAt: now },
        messages: (changed) => [{ mode: 'refresh', recordId: changed._id, atVersion: changed.version, orgId: changed.orgId, purpose: 'refresh' }, ...this.ownerNotice(definition, changed, entry)],
      };
    });
    if (noted) {
      this.services.logger.warn({ event: 'workflow.actor_unreachable', recordId, type: definition.type, reason }, 'an actor of the open step cannot be reached');
      if (escalateAfterMs <= 0) await this.applyDeadline(definition, recordId, this.services.now());
    }
    return noted;
  }

  private async applyDeadline(definition: AnyWorkflowDefinition, recordId: string, now: Date): Promise<keyof DeadlineRunSummary | undefined> {
    let happened: keyof DeadlineRunSummary | undefined;
    await this.change(definition, recordId, async (record) => {
      happened = undefined;
      const step = record.step;
      const spec = step && record.route.find((candidate) => candidate.id === step.id);
      if (!step || !spec || record.closedAt || record.state !== awaitingState(step.id)) return undefined;
      const reminder = step.remindAt[0];
      const unreachable = step.unreachable ?? [];
      const pastDue = unreachable.filter((entry) => !entry.escalated && entry.escalateAt <= now);
      if (pastDue.length > 0) {
        const passed = unreachable.map((entry) => (entry.escalateAt <= now ? { ...entry, escalated: true } : entry));
        const had = unique([...record.participants, ...unreachable.map((entry) => entry.aadObjectId)]);
        const target = await escalationTarget(this.services.directory, record, spec.escalation, had);
        if (!target) {
          // Nobody left to pass it to: the step keeps waiting (reminders, deadline) and the digest shows it.
          const next: StepState = { ...step, unreachable: passed };
          return {
            entry: { actor: SYSTEM, action: 'unreachable_no_fallback', step: step.id, fromState: record.state, toState: record.state },
            set: { step: next, nextDueAt: nextDueAt(next), updatedAt: now },
          };
        }
        happened = 'escalated';
        const next: StepState = { ...this.startStep(spec, now), remindersSent: step.remindersSent, unreachable: passed };
        const entry: HistoryEntry = { step: step.id, action: 'escalated', outcome: 'unreachable', actor: SYSTEM, at: now, fields: { to: target.join(','), past: pastDue.map((actor) => actor.aadObjectId).join(',') } };
        return {
          entry: { actor: SYSTEM, action: 'escalated', outcome: 'unreachable', step: step.id, fromState: record.state, toState: record.state, assignees: target },
          set: { step: next, assignees: unique([...record.assignees, ...target]), participants: unique([...record.participants, ...target]), history: [...record.history, entry], nextDueAt: nextDueAt(next), updatedAt: now },
          messages: (changed) => [
            { mode: 'refresh', recordId: changed._id, atVersion: changed.version, orgId: changed.orgId, purpose: 'refresh' },
            ...target.map((to) => this.cardMessage(changed, to, 'escalated')),
            ...this.ownerNotice(definition, changed, entry),
          ],
        };
      }
      if (!step.overdue && step.dueAt <= now) {
        const target = await escalationTarget(this.services.directory, record, spec.escalation, record.participants);
        if (!target) {
          happened = 'overdue';
          const next: StepState = { ...step, overdue: true, remindAt: [] };
          return {
            entry: { actor: SYSTEM, action: 'overdue', step: step.id, fromState: record.state, toState: record.state },
            set: { step: next, nextDueAt: nextDueAt(next), updatedAt: now },
          };
        }
        happened = 'escalated';
        const next: StepState = { ...this.startStep(spec, now), remindersSent: step.remindersSent };
        return {
          entry: { actor: SYSTEM, action: 'escalated', step: step.id, fromState: record.state, toState: record.state, assignees: target },
          set: { step: next, assignees: unique([...record.assignees, ...target]), participants: unique([...record.participants, ...target]), nextDueAt: nextDueAt(next), updatedAt: now },
          messages: (changed) => target.map((to) => this.cardMessage(changed, to, 'escalated')),
        };
      }
      if (reminder && reminder <= now) {
        happened = 'reminded';
        const next: StepState = { ...step, remindAt: step.remindAt.slice(1), remindersSent: step.remindersSent + 1 };
        return {
          entry: { actor: SYSTEM, action: 'reminded', step: step.id, fromState: record.state, toState: record.state, assignees: record.assignees },
          set: { step: next, nextDueAt: nextDueAt(next), updatedAt: now },
          messages: (changed) => changed.assignees.map((to) => this.cardMessage(changed, to, 'reminder', `reminder:${next.remindersSent}`)),
        };
      }
      // Nothing due any more (the record moved on since the query): only repair the index field.
      const repaired = nextDueAt(step);
      if (repaired?.getTime() !== record.nextDueAt?.getTime()) await this.records.updateOne({ _id: record._id, version: record.version }, { $set: { nextDueAt: repaired } });
      return undefined;
    });
    if (happened) this.services.logger.info({ event: `workflow.${happened}`, recordId, type: definition.type }, 'deadline reached');
    return happened;
  }

  /** What an action does to the record, and whom it tells. */
  private async planEffect(definition: AnyWorkflowDefinition, record: WorkflowRecord, effect: ActionEffect, entry: HistoryEntry, data: unknown): Promise<ChangePlan> {
    const now = entry.at;
    const history = [...record.history, entry];
    const audit: AuditInput = { actor: entry.actor, action: entry.action, outcome: entry.outcome, step: entry.step, fromState: record.state, toState: record.state, fields: entry.fields };
    const fromOwner = entry.actor === record.owner;
    // Every card already delivered about the record shows its new state; the owner hears what happened.
    const told = (changed: WorkflowRecord): OutgoingMessage[] => [{ mode: 'refresh', recordId: changed._id, atVersion: changed.version, orgId: changed.orgId, purpose: 'refresh' }, ...this.ownerNotice(definition, changed, entry)];

    switch (effect.kind) {
      case 'close':
        return this.closing(record, effect.state, history, audit, now, told);
      case 'next': {
        const position = record.route.findIndex((step) => step.id === record.step?.id);
        const following = record.route[position + 1];
        if (!following) return this.closing(record, effect.closeAs ?? 'completed', history, audit, now, told);
        const assignees = await this.actorsFor(definition, record, following);
        const step = this.startStep(following, now);
        const state = awaitingState(following.id);
        return {
          entry: { ...audit, toState: state, assignees },
          set: { state, step, assignees, participants: unique([...record.participants, ...assignees]), history, nextDueAt: nextDueAt(step), updatedAt: now },
          messages: (changed) => [...told(changed), ...assignees.map((to) => this.cardMessage(changed, to, 'assigned'))],
        };
      }
      case 'stay':
        return {
          entry: audit,
          set: { history, updatedAt: now },
          // The owner's message is news for whoever acts now; anyone else's for the owner.
          messages: (changed) => (fromOwner ? [{ mode: 'refresh', recordId: changed._id, atVersion: changed.version, orgId: changed.orgId, purpose: 'refresh' }, ...changed.assignees.map((to) => this.cardMessage(changed, to, 'update', `update:${changed.version}`))] : told(changed)),
        };
      case 'return':
        return {
          entry: { ...audit, toState: CHANGES_REQUESTED },
          set: { state: CHANGES_REQUESTED, history, nextDueAt: null, updatedAt: now },
          messages: (changed) => [...told(changed), this.cardMessage(changed, changed.owner, 'returned', `returned:${changed.version}`)],
        };
      case 'assign': {
        const person = normaliseObjectId(entry.fields[effect.field] ?? '');
        return {
          entry: { ...audit, assignees: [person] },
          set: { assignees: unique([...record.assignees, person]), participants: unique([...record.participants, person]), history, updatedAt: now },
          messages: (changed) => [...told(changed), this.cardMessage(changed, person, 'assigned')],
        };
      }
      case 'resume': {
        const spec = record.step && record.route.find((step) => step.id === record.step!.id);
        if (!spec) throw new Error(`record ${record._id} has no step to resume`);
        const step = this.startStep(spec, now);
        const state = awaitingState(spec.id);
        return {
          entry: { ...audit, toState: state },
          set: { state, step, history, nextDueAt: nextDueAt(step), updatedAt: now, ...(data === undefined ? {} : { data }) },
          messages: (changed) => [{ mode: 'refresh', recordId: changed._id, atVersion: changed.version, orgId: changed.orgId, purpose: 'refresh' }, ...changed.assignees.map((to) => this.cardMessage(changed, to, 'update', `update:${changed.version}`))],
        };
      }
    }
  }

  private closing(record: WorkflowRecord, state: string, history: HistoryEntry[], audit: AuditInput, now: Date, told: (changed: WorkflowRecord) => OutgoingMessage[]): ChangePlan {
    return {
      entry: { ...audit, toState: state },
      set: { state, step: null, assignees: [], history, nextDueAt: null, closedAt: now, updatedAt: now },
      messages: told,
    };
  }

  private ownerNotice(definition: AnyWorkflowDefinition, record: WorkflowRecord, entry: HistoryEntry): OutgoingMessage[] {
    if (entry.actor === record.owner) return [];
    return [{ mode: 'send', to: record.owner, key: `notice:${record._id}:${record.version}`, recordId: record._id, orgId: record.orgId, purpose: `notice_${entry.action}`, view: { recordId: record._id, reason: `notice:${record.history.length - 1}`, atVersion: record.version } }];
  }

  /**
   * Draws what the outbox holds as a view, for its reader at delivery time: a card as the record
   * is then, or the owner's notice about one history entry. Messages are stored as views so
   * nothing about a record sits in the outbox, and a late delivery never shows a stale state.
   */
  async render(view: RecordView, to: string, lang: Language): Promise<Rendered> {
    const record = await this.records.findOne({ _id: view.recordId });
    if (!record || record.version < view.atVersion) return 'not_yet';
    const notice = /^notice:(\d{1,6})$/.exec(view.reason);
    if (notice) {
      const definition = this.definitions.get(record.type);
      const index = Number(notice[1]);
      if (index >= record.history.length) return 'not_yet';
      const entry = record.history[index];
      if (!definition || !entry || normaliseObjectId(to) !== record.owner) return undefined;
      const told = (await definition.presenter.ownerNotice(record, entry, lang)) ?? (await reachabilityNotice(record, entry, (id) => this.nameOf(id), lang));
      if (!told) return undefined;
      return typeof told === 'string' ? { kind: 'text', text: told } : { kind: 'card', card: told };
    }
    const definition = this.definitions.get(record.type);
    const viewer = definition && (await this.viewer(definition, record, to, lang));
    return definition && viewer ? { kind: 'card', card: await definition.presenter.card(record, viewer, view.reason as NoticeReason) } : undefined;
  }

  private cardMessage(record: WorkflowRecord, to: string, reason: NoticeReason, keySuffix?: string): OutgoingMessage {
    const key = keySuffix ? `${recordCardKey(record._id, to)}:${keySuffix}` : recordCardKey(record._id, to);
    return { mode: 'send', to, key, recordId: record._id, orgId: record.orgId, purpose: reason, view: { recordId: record._id, reason, atVersion: record.version } };
  }

  private startStep(spec: StepSpec, now: Date): StepState {
    const clock = stepClock(spec, now, this.calendar);
    return { id: spec.id, startedAt: now, dueAt: clock.dueAt, remindAt: clock.remindAt, remindersSent: 0, overdue: false };
  }

  private actorsFor(definition: AnyWorkflowDefinition, record: WorkflowRecord, spec: StepSpec): Promise<string[]> {
    return resolveActors(this.services.directory, record, spec.actor, spec.escalation, async () =>
      definition.chooseActors ? (await definition.chooseActors(record)).map(normaliseObjectId) : [],
    );
  }

  /** The id this person's own records of the type are filed under (their aadObjectId unless the definition pseudonymises owners). */
  private async ownerIdFor(definition: AnyWorkflowDefinition, aadObjectId: string): Promise<string> {
    const id = normaliseObjectId(aadObjectId);
    return definition.ownerIdOf ? normaliseObjectId(await definition.ownerIdOf(id)) : id;
  }

  /** Whether the person (by aadObjectId, or already by the id the record is filed under) is the record's owner. */
  private async isOwner(definition: AnyWorkflowDefinition, record: WorkflowRecord, id: string): Promise<boolean> {
    return id === record.owner || (definition.ownerIdOf !== undefined && (await this.ownerIdFor(definition, id)) === record.owner);
  }

  /** Someone a step may be shared with: a person of the record's organisation, not the owner, not already in the step. */
  private async mayBeAssigned(definition: AnyWorkflowDefinition, record: WorkflowRecord, id: string | undefined): Promise<boolean> {
    const person = id ? normaliseObjectId(id) : '';
    if (!person || !record.step || record.assignees.includes(person) || (await this.isOwner(definition, record, person))) return false;
    return (await this.services.directory.person(person))?.orgId === record.orgId;
  }

  /** Whether the actor is someone who has a say in this kind of action at all (as opposed to a lost race). */
  private async couldEverAct(definition: AnyWorkflowDefinition, record: WorkflowRecord, actor: string, spec: ActionSpec): Promise<boolean> {
    if (spec.by === 'owner') return actor === record.owner;
    if (actor === record.owner) return false;
    if (record.participants.includes(actor)) return true;
    return spec.by === 'step' && this.holdsRole(record.orgId, actor, definition.delegateRoles);
  }

  private async nameOf(aadObjectId: string): Promise<string> {
    return (await this.services.directory.person(aadObjectId))?.name ?? '—';
  }

  private async holdsRole(orgId: string, actor: string, roles: readonly string[]): Promise<boolean> {
    if (roles.length === 0) return false;
    const person = await this.services.directory.person(actor);
    return Boolean(person && person.orgId === orgId && person.roles.some((role) => roles.includes(role)));
  }

  /**
   * The single way a stored record changes. `plan` looks at a fresh copy and says what to write
   * (or nothing). Claiming the next version by inserting its audit entry decides between
   * concurrent writers; a loser waits for the winner's write and plans again on the new state.
   * Undefined when the record does not exist.
   */
  private async change<TData>(
    definition: WorkflowDefinition<TData>,
    recordId: string,
    plan: (record: WorkflowRecord<TData>) => Promise<ChangePlan | undefined>,
  ): Promise<{ record: WorkflowRecord<TData>; changed: boolean } | undefined> {
    for (;;) {
      const record = await this.find(definition, recordId);
      if (!record) return undefined;
      const step = await plan(record);
      if (!step) return { record, changed: false };
      const version = record.version + 1;
      const now = this.services.now();
      let claimedAt: number;
      try {
        await this.auditInserts.insert({ _id: `${recordId}:${version}`, recordId, version, at: now, ...step.entry, schemaVersion: SCHEMA_VERSION });
        claimedAt = Date.now();
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        await this.waitForVersionAfter(definition, record);
        continue;
      }
      const set = { ...step.set, version };
      const changed = { ...record, ...set } as WorkflowRecord<TData>;
      // Messages before the change lands (see submit): they are drawn when delivered, so they
      // show the record as it is by then, and wait for the change when it is not there yet. New
      // assignees are noted before it lands too, so what waits for them is never missed.
      const joining = (step.set.assignees ?? []).filter((person) => !record.assignees.includes(person));
      const told = async () => {
        if (step.messages) await this.services.outbox.enqueue(await step.messages(changed as WorkflowRecord));
      };
      await Promise.all([told(), this.awaitingIndex.note(joining, recordId, now)]);
      if (!(await this.land(record, set, claimedAt))) throw new Error(`record ${recordId} changed although version ${version} was claimed`);
      return { record: changed, changed: true };
    }
  }

  /**
   * Writes a change whose next version this writer claimed. MongoDB, Atlas and Cosmos DB check
   * the version atomically with the write, through the `_id` index. FerretDB's SQLite handler
   * reads every record for any filter but a lone `_id`, and does not check atomically anyway:
   * there the claim alone makes this the one writer of the version, unless this writer took so
   * long that a waiter may be about to step over its version (`waitForVersionAfter`); only then
   * is the version looked at first.
   */
  private async land(record: WorkflowRecord, set: Partial<WorkflowRecord>, claimedAt: number): Promise<boolean> {
    if (this.services.atomicConditionalUpdates !== false) {
      return (await this.records.updateOne({ _id: record._id, version: record.version }, { $set: set })).matchedCount === 1;
    }
    if (Date.now() - claimedAt >= ORPHANED_CLAIM_MS / 3) {
      const current = await this.records.findOne({ _id: record._id });
      if (current?.version !== record.version) return false;
    }
    return (await this.records.updateOne({ _id: record._id }, { $set: set })).matchedCount === 1;
  }

  /** The version was claimed by another writer: wait until its change lands. */
  private async waitForVersionAfter(definition: AnyWorkflowDefinition, record: WorkflowRecord): Promise<void> {
    const giveUpAt = Date.now() + ORPHANED_CLAIM_MS;
    while (Date.now() < giveUpAt) {
      await sleep(POLL_MS);
      const current = await this.find(definition, record._id);
      if (!current || current.version > record.version) return;
    }
    // The claimant died between its audit entry and its update: step over the claimed version so
    // the record is not stuck. The orphaned audit entry stays (append-only) and is logged here.
    this.services.logger.error({ event: 'workflow.orphaned_claim', recordId: record._id, version: record.version + 1 }, 'claimed change never landed; skipping its version');
    await this.records.updateOne({ _id: record._id, version: record.version }, { $set: { version: record.version + 1 } });
  }

  /**
   * A concurrent submission of the same form holds the claim: its record appears in a moment.
   * When it does not, that submission died half-way, and this one completes it instead.
   */
  private async waitForRecord<TData>(definition: WorkflowDefinition<TData>, id: string): Promise<WorkflowRecord<TData> | undefined> {
    const giveUpAt = Date.now() + SUBMIT_CLAIM_MS;
    for (let pause = POLL_MS; ; pause = Math.min(MAX_SUBMIT_POLL_MS, pause * 2)) {
      const record = await this.find(definition, id);
      if (record || Date.now() > giveUpAt) return record;
      await sleep(pause);
    }
  }
}

/** The same form submitted twice has the same record id, derived from its idempotency key. */
function recordIdFor(idempotencyKey: string): string {
  const hex = createHash('sha256').update(idempotencyKey).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A definition that names actions or states it does not have is a programming error: fail at start-up. */
export function assertValidDefinition(definition: AnyWorkflowDefinition): void {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9_]{1,30}$/.test(definition.type)) problems.push(`type "${definition.type}" must be lower-case`);
  if (!/^[A-Z]{1,3}$/.test(definition.referenceCode)) problems.push(`referenceCode "${definition.referenceCode}" must be 1-3 capital letters`);
  const closed = new Set(definition.closedStates);
  for (const [name, spec] of Object.entries<ActionSpec>(definition.actions)) {
    if (Object.keys(spec.outcomes).length === 0) problems.push(`action ${name}: no outcomes`);
    for (const [outcome, effect] of Object.entries(spec.outcomes)) {
      if (effect.kind === 'close' && !closed.has(effect.state)) problems.push(`action ${name}/${outcome}: closes in unknown state "${effect.state}"`);
      if (effect.kind === 'next' && effect.closeAs && !closed.has(effect.closeAs)) problems.push(`action ${name}/${outcome}: closes in unknown state "${effect.closeAs}"`);
      if ((effect.kind === 'return' || effect.kind === 'next' || effect.kind === 'assign') && spec.by !== 'step') problems.push(`action ${name}/${outcome}: only a step's actor can ${effect.kind}`);
      if (effect.kind === 'resume' && spec.by !== 'owner') problems.push(`action ${name}/${outcome}: only the owner can resubmit`);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid workflow definition "${definition.type}":\n${problems.join('\n')}`);
}

/** A route whose steps name actions the definition lacks is refused when the organisation data is loaded. */
export function routeProblems(definition: AnyWorkflowDefinition, route: StepSpec[]): string[] {
  const problems: string[] = [];
  const ids = route.map((step) => step.id);
  if (route.length === 0) problems.push('the route has no steps');
  if (new Set(ids).size !== ids.length) problems.push('step ids must be unique');
  for (const step of route) {
    for (const action of step.actions) {
      const spec = definition.actions[action];
      if (!spec) problems.push(`step ${step.id}: unknown action "${action}"`);
      else if (spec.by !== 'step') problems.push(`step ${step.id}: "${action}" is not an action for a step's actor`);
    }
    if (step.actions.length === 0) problems.push(`step ${step.id}: nobody can act`);
  }
  return problems;
}

