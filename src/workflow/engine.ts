import { randomUUID } from 'node:crypto';
import type { Collection, Db, Filter } from 'mongodb';
import { normaliseObjectId } from '../directory/directory.js';
import type { Language, Organisation } from '../directory/types.js';
import { languageOf } from '../i18n/index.js';
import type { Logger } from '../logging/logger.js';
import { SCHEMA_VERSION, isDuplicateKeyError } from '../storage/database.js';
import type { Messenger, SentMessage } from '../teams/proactive.js';
import { escalationTarget, firstDecider, type RoutingDirectory } from './routing.js';
import { auditCollection, formatReference, isPendingReference, nextSequence, pendingReference, recordsCollection } from './store.js';
import type {
  ActorRule,
  AnyWorkflowDefinition,
  AssignmentReason,
  AuditEntry,
  DeadlineRunSummary,
  SubmitResult,
  TransitionDefinition,
  TransitionResult,
  WorkflowDefinition,
  WorkflowRecord,
} from './types.js';
import { addWorkingDays, dutchHolidays, yearIn, type HolidayCalendar } from './workingDays.js';

export interface WorkflowServices {
  db: Db;
  directory: RoutingDirectory & { organisation(orgId: string): Promise<Organisation | undefined> };
  messenger: Messenger;
  /** The recipient's last conversation tells the language of a proactive message. */
  references: { find(aadObjectId: string): Promise<{ locale?: string } | undefined> };
  logger: Logger;
  now: () => Date;
  calendar?: HolidayCalendar;
}

export interface SubmitInput<TData> {
  orgId: string;
  owner: string;
  ownerLang: Language;
  data: TData;
  /** Unique per form instance (e.g. a random id in the card); scoped to type and owner here. */
  clientKey: string;
  /** The owner's card that shows the record, so it can be updated when the state changes. */
  ownerMessage?: SentMessage;
}

export interface TransitionInput<TTransition extends string> {
  recordId: string;
  /** The actor's aadObjectId from the Teams activity, never from card data. */
  actor: string;
  transition: TTransition;
  comment?: string;
}

export interface RegisterPage<TData> {
  records: WorkflowRecord<TData>[];
  total: number;
}

/** Records handled per type and run; the scheduler runs often enough to catch up. */
const DEADLINE_BATCH = 200;
/** Records worked on at once: different deciders' chats, well within Teams' per-thread limits. */
const DEADLINE_PARALLELISM = 4;
/** A claimed version whose change never lands within this time belongs to a writer that died. */
const ORPHANED_CLAIM_MS = 15_000;
const POLL_MS = 25;

type AuditInput = Omit<AuditEntry, '_id' | 'recordId' | 'version' | 'at' | 'schemaVersion'>;

/** What a change wants to write, decided on a freshly read record; undefined writes nothing. */
type ChangePlan =
  | {
      entry: AuditInput;
      /** A function when the values need work that must happen only once the change is claimed (a number). */
      set: Partial<WorkflowRecord> | (() => Promise<Partial<WorkflowRecord>>);
    }
  | undefined;

/**
 * The generic notification workflow: records with states, transitions guarded by who may take
 * them, reference numbers, deadlines in working days and an append-only audit trail.
 *
 * Every change to a record after its creation goes through `change()`: insert the audit entry
 * whose id is `<recordId>:<nextVersion>` (a unique key, so only one writer gets a version),
 * then one conditional update with the version in the filter. No transactions; and unlike a
 * bare conditional update this also holds on FerretDB, whose updates are not atomic.
 */
export class WorkflowEngine {
  private readonly records: Collection<WorkflowRecord>;
  private readonly audit: Collection<AuditEntry>;
  private readonly definitions: AnyWorkflowDefinition[];
  private readonly calendar: HolidayCalendar;

  constructor(
    private readonly services: WorkflowServices,
    definitions: AnyWorkflowDefinition[],
  ) {
    for (const definition of definitions) assertValidDefinition(definition);
    const types = definitions.map((definition) => definition.type);
    if (new Set(types).size !== types.length) throw new Error('workflow types must be unique');
    this.definitions = definitions;
    this.records = recordsCollection(services.db);
    this.audit = auditCollection(services.db);
    this.calendar = services.calendar ?? dutchHolidays;
  }

  definition(type: string): AnyWorkflowDefinition | undefined {
    return this.definitions.find((definition) => definition.type === type);
  }

  get types(): string[] {
    return this.definitions.map((definition) => definition.type);
  }

  async find<TData, TTransition extends string>(
    definition: WorkflowDefinition<TData, TTransition>,
    recordId: string,
  ): Promise<WorkflowRecord<TData, TTransition> | undefined> {
    const record = await this.records.findOne({ _id: recordId, type: definition.type });
    return (record as WorkflowRecord<TData, TTransition> | null) ?? undefined;
  }

  /** The record's audit trail, oldest first. */
  async auditTrail(recordId: string): Promise<AuditEntry[]> {
    return this.audit.find({ recordId }).sort({ version: 1 }).toArray();
  }

  /**
   * Creates the record once per client key: a second submission of the same form returns the
   * first record (created: false) with its reference number, and nothing is sent twice.
   */
  async submit<TData, TTransition extends string>(
    definition: WorkflowDefinition<TData, TTransition>,
    input: SubmitInput<TData>,
  ): Promise<SubmitResult<TData, TTransition>> {
    const owner = normaliseObjectId(input.owner);
    const idempotencyKey = `${definition.type}:${owner}:${input.clientKey}`;
    const earlier = await this.records.findOne({ idempotencyKey });
    if (earlier) return { record: await this.numbered(definition, earlier as WorkflowRecord<TData, TTransition>), created: false };

    const organisation = await this.services.directory.organisation(input.orgId);
    if (!organisation) throw new Error(`unknown organisation ${input.orgId}`);
    const now = this.services.now();
    const assignee = (await firstDecider(this.services.directory, organisation.id, owner, definition.fallbackRoles)) ?? null;
    const id = randomUUID();
    const record: WorkflowRecord<TData, TTransition> = {
      _id: id,
      schemaVersion: SCHEMA_VERSION,
      type: definition.type,
      orgId: organisation.id,
      year: yearIn(now, this.calendar),
      sequence: 0,
      reference: pendingReference(id),
      idempotencyKey,
      owner,
      ownerLang: input.ownerLang,
      assignee,
      deciders: assignee ? [assignee] : [],
      state: definition.initialState,
      version: 1,
      data: input.data,
      decision: null,
      remindAt: addWorkingDays(now, organisation.workflow.reminderAfterWorkingDays, this.calendar),
      remindedAt: null,
      escalateAt: addWorkingDays(now, organisation.workflow.escalateAfterWorkingDays, this.calendar),
      escalatedAt: null,
      ownerMessage: input.ownerMessage ?? null,
      deciderMessages: [],
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.records.insertOne(record as WorkflowRecord);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const winner = await this.records.findOne({ idempotencyKey });
      if (!winner) throw error;
      return { record: await this.numbered(definition, winner as WorkflowRecord<TData, TTransition>), created: false };
    }
    await this.audit.insertOne({
      _id: `${id}:1`,
      recordId: id,
      version: 1,
      at: now,
      schemaVersion: SCHEMA_VERSION,
      actor: owner,
      action: 'submitted',
      fromState: null,
      toState: definition.initialState,
      ...(assignee ? { assignee } : {}),
    });
    const numbered = await this.numbered(definition, record);
    this.services.logger.info(
      { event: 'workflow.submitted', recordId: id, type: definition.type, orgId: organisation.id, state: record.state, assigned: Boolean(assignee) },
      'record submitted',
    );
    if (assignee) return { record: await this.notifyDecider(definition, numbered, assignee, 'assigned'), created: true };
    return { record: numbered, created: true };
  }

  /**
   * Takes a transition for the actor. Authorisation comes first, so someone without a say
   * learns nothing about the record; of concurrent actors exactly one wins, and the others are
   * told who did.
   */
  async take<TData, TTransition extends string>(
    definition: WorkflowDefinition<TData, TTransition>,
    input: TransitionInput<TTransition>,
  ): Promise<TransitionResult<TData, TTransition>> {
    const transition: TransitionDefinition<string> | undefined = definition.transitions[input.transition];
    if (!transition) throw new Error(`unknown transition ${String(input.transition)} for ${definition.type}`);
    const actor = normaliseObjectId(input.actor);
    const log = { recordId: input.recordId, type: definition.type, transition: input.transition };
    let refused = false;
    const outcome = await this.change(definition, input.recordId, async (record) => {
      refused = !(await this.isAllowed(definition, transition.allowed, record, actor));
      if (refused || !transition.from.includes(record.state)) return undefined;
      const now = this.services.now();
      return {
        entry: { actor, action: input.transition, fromState: record.state, toState: transition.to },
        set: { state: transition.to, decision: { transition: input.transition, actor, at: now, ...(input.comment ? { comment: input.comment } : {}) }, updatedAt: now },
      };
    });
    if (!outcome) return { kind: 'not_found' };
    if (refused) {
      this.services.logger.warn({ event: 'workflow.transition.refused', ...log }, 'actor may not take this transition');
      return { kind: 'not_allowed' };
    }
    if (!outcome.changed) return { kind: 'already_taken', record: outcome.record };
    this.services.logger.info({ event: 'workflow.transition', ...log, toState: transition.to }, 'transition taken');
    await this.announce(definition, transition, outcome.record);
    return { kind: 'done', record: outcome.record };
  }

  /** Owner, anyone it was assigned to, and the definition's delegates in the same organisation. */
  async mayView(definition: AnyWorkflowDefinition, record: WorkflowRecord, actor: string): Promise<boolean> {
    const id = normaliseObjectId(actor);
    return id === record.owner || (await this.isAllowed(definition, ['assignee', 'delegate'], record, id));
  }

  /** Whether the actor holds one of the definition's delegate roles in that organisation. */
  async isDelegate(definition: AnyWorkflowDefinition, orgId: string, actor: string): Promise<boolean> {
    if (definition.delegateRoles.length === 0) return false;
    const person = await this.services.directory.person(normaliseObjectId(actor));
    return Boolean(person && person.orgId === orgId && person.roles.some((role) => definition.delegateRoles.includes(role)));
  }

  async ownedBy(owner: string, limit = 20): Promise<WorkflowRecord[]> {
    return this.records
      .find({ owner: normaliseObjectId(owner), type: { $in: this.types } })
      .sort({ createdAt: -1 })
      .limit(limit)
      .toArray();
  }

  /** Open records the actor was assigned to, oldest first: what waits for their decision. */
  async awaiting(actor: string, limit = 20): Promise<WorkflowRecord[]> {
    const byType: Filter<WorkflowRecord>[] = this.definitions.map((definition) => ({ type: definition.type, state: { $in: openStates(definition) } }));
    return this.records
      .find({ deciders: normaliseObjectId(actor), $or: byType })
      .sort({ createdAt: 1 })
      .limit(limit)
      .toArray();
  }

  /** One page of an organisation's register of one type, newest first. Callers authorise. */
  async register<TData>(orgId: string, definition: WorkflowDefinition<TData, string>, page: number, pageSize: number): Promise<RegisterPage<TData>> {
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
   * Reminds and escalates what waits too long. Each reminder and escalation is a change of its
   * own (claimed, audited), so overlapping runs on several instances act once.
   */
  async processDueWorkflowDeadlines(now: Date = this.services.now()): Promise<DeadlineRunSummary> {
    const summary: DeadlineRunSummary = { reminded: 0, escalated: 0 };
    for (const definition of this.definitions) {
      const open = openStates(definition);
      const scope = { type: definition.type, state: { $in: open } };
      // Escalation first: a record past both deadlines goes up the chain without a pointless reminder.
      const dueEscalations = await this.records.find({ ...scope, escalatedAt: null, escalateAt: { $lte: now } }, { projection: { _id: 1 } }).limit(DEADLINE_BATCH).toArray();
      await inParallel(dueEscalations, DEADLINE_PARALLELISM, async ({ _id }) => {
        if (await this.escalate(definition, _id, open, now)) summary.escalated += 1;
      });
      const dueReminders = await this.records.find({ ...scope, remindedAt: null, remindAt: { $lte: now } }, { projection: { _id: 1 } }).limit(DEADLINE_BATCH).toArray();
      await inParallel(dueReminders, DEADLINE_PARALLELISM, async ({ _id }) => {
        if (await this.remind(definition, _id, open, now)) summary.reminded += 1;
      });
    }
    if (summary.reminded + summary.escalated > 0) this.services.logger.info({ event: 'workflow.deadlines', ...summary }, 'deadlines processed');
    return summary;
  }

  private async remind(definition: AnyWorkflowDefinition, recordId: string, open: string[], now: Date): Promise<boolean> {
    const outcome = await this.change(definition, recordId, (record) =>
      open.includes(record.state) && !record.remindedAt
        ? {
            entry: { actor: 'system', action: 'reminded', fromState: record.state, toState: record.state, ...(record.assignee ? { assignee: record.assignee } : {}) },
            set: { remindedAt: now, updatedAt: now },
          }
        : undefined,
    );
    if (!outcome?.changed) return false;
    this.services.logger.info({ event: 'workflow.reminded', recordId, type: definition.type }, 'decider reminded');
    if (outcome.record.assignee) await this.notifyDecider(definition, outcome.record, outcome.record.assignee, 'reminder');
    return true;
  }

  private async escalate(definition: AnyWorkflowDefinition, recordId: string, open: string[], now: Date): Promise<boolean> {
    let target: string | undefined;
    const outcome = await this.change(definition, recordId, async (record) => {
      if (!open.includes(record.state) || record.escalatedAt) return undefined;
      target = await escalationTarget(this.services.directory, record, definition.fallbackRoles);
      return {
        entry: { actor: 'system', action: target ? 'escalated' : 'escalation_without_target', fromState: record.state, toState: record.state, ...(target ? { assignee: target } : {}) },
        set: {
          escalatedAt: now,
          // A reminder after the escalation would only confuse.
          remindedAt: record.remindedAt ?? now,
          assignee: target ?? record.assignee,
          deciders: target ? [...record.deciders, target] : record.deciders,
          updatedAt: now,
        },
      };
    });
    if (!outcome?.changed) return false;
    this.services.logger.info({ event: 'workflow.escalated', recordId, type: definition.type, hasTarget: Boolean(target) }, 'record escalated');
    if (target) await this.notifyDecider(definition, outcome.record, target, 'escalated');
    return true;
  }

  private async isAllowed(definition: AnyWorkflowDefinition, rules: readonly ActorRule[], record: WorkflowRecord, actor: string): Promise<boolean> {
    if (actor === record.owner) return rules.includes('owner');
    if (rules.includes('assignee') && record.deciders.includes(actor)) return true;
    return rules.includes('delegate') && (await this.isDelegate(definition, record.orgId, actor));
  }

  /**
   * The single way a stored record changes. `plan` looks at a fresh copy and says what to write
   * (or nothing). Claiming the next version by inserting its audit entry decides between
   * concurrent writers; a loser waits for the winner's write and plans again on the new state.
   * Undefined when the record does not exist.
   */
  private async change<TData, TTransition extends string>(
    definition: WorkflowDefinition<TData, TTransition>,
    recordId: string,
    plan: (record: WorkflowRecord<TData, TTransition>) => Promise<ChangePlan> | ChangePlan,
  ): Promise<{ record: WorkflowRecord<TData, TTransition>; changed: boolean } | undefined> {
    for (;;) {
      const record = await this.find(definition, recordId);
      if (!record) return undefined;
      const step = await plan(record);
      if (!step) return { record, changed: false };
      const version = record.version + 1;
      const now = this.services.now();
      try {
        await this.audit.insertOne({ _id: `${recordId}:${version}`, recordId, version, at: now, ...step.entry, schemaVersion: SCHEMA_VERSION });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        await this.waitForVersionAfter(definition, record);
        continue;
      }
      const set = { ...(typeof step.set === 'function' ? await step.set() : step.set), version };
      const result = await this.records.updateOne({ _id: recordId, version: record.version, state: record.state }, { $set: set });
      if (result.matchedCount !== 1) throw new Error(`record ${recordId} changed although version ${version} was claimed`);
      return { record: { ...record, ...set } as WorkflowRecord<TData, TTransition>, changed: true };
    }
  }

  /** The version was claimed by another writer: wait until its change lands. */
  private async waitForVersionAfter(definition: AnyWorkflowDefinition, record: WorkflowRecord): Promise<void> {
    const giveUpAt = Date.now() + ORPHANED_CLAIM_MS;
    while (Date.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const current = await this.find(definition, record._id);
      if (!current || current.version > record.version) return;
    }
    // The claimant died between its audit entry and its update: step over the claimed version so
    // the record is not stuck. The orphaned audit entry stays (append-only) and is logged here.
    this.services.logger.error({ event: 'workflow.orphaned_claim', recordId: record._id, version: record.version + 1 }, 'claimed change never landed; skipping its version');
    await this.records.updateOne({ _id: record._id, version: record.version }, { $set: { version: record.version + 1 } });
  }

  /**
   * Gives a new record its reference number, as a change of its own: of a submission and its
   * concurrent duplicate only one claims it, so no number is burnt.
   */
  private async numbered<TData, TTransition extends string>(
    definition: WorkflowDefinition<TData, TTransition>,
    record: WorkflowRecord<TData, TTransition>,
  ): Promise<WorkflowRecord<TData, TTransition>> {
    if (!isPendingReference(record.reference)) return record;
    const outcome = await this.change(definition, record._id, (current) =>
      isPendingReference(current.reference)
        ? {
            entry: { actor: 'system', action: 'numbered', fromState: current.state, toState: current.state },
            set: async () => {
              const org = await this.services.directory.organisation(current.orgId);
              if (!org) throw new Error(`unknown organisation ${current.orgId}`);
              const sequence = await nextSequence(this.services.db, current.orgId, current.type, current.year);
              return { sequence, reference: formatReference(org.referencePrefix, definition.referenceCode, current.year, sequence) };
            },
          }
        : undefined,
    );
    return outcome?.record ?? record;
  }

  private async languageFor(aadObjectId: string, orgId: string): Promise<Language> {
    const reference = await this.services.references.find(aadObjectId);
    if (reference?.locale) return languageOf(reference.locale);
    return (await this.services.directory.organisation(orgId))?.defaultLanguage ?? 'nl';
  }

  /** Sends the decider their card and remembers it, so it can be updated once decided. */
  private async notifyDecider<TData, TTransition extends string>(
    definition: WorkflowDefinition<TData, TTransition>,
    record: WorkflowRecord<TData, TTransition>,
    decider: string,
    reason: AssignmentReason,
  ): Promise<WorkflowRecord<TData, TTransition>> {
    try {
      const lang = await this.languageFor(decider, record.orgId);
      const sent = await this.services.messenger.sendToUser(decider, await definition.notifications.deciderCard(record, lang, reason));
      if (!sent) {
        this.services.logger.warn({ event: 'workflow.decider_unreachable', recordId: record._id, type: record.type, reason }, 'decider has no chat with the bot');
        return record;
      }
      const outcome = await this.change(definition, record._id, (current) => ({
        entry: { actor: 'system', action: `card_sent_${reason}`, fromState: current.state, toState: current.state, assignee: decider },
        set: { deciderMessages: [...current.deciderMessages, { aadObjectId: decider, ...sent }] },
      }));
      return outcome?.record ?? record;
    } catch (error) {
      this.services.logger.error({ event: 'workflow.notify_failed', recordId: record._id, type: record.type, reason, err: String(error) }, 'decider notification failed');
      return record;
    }
  }

  /** After a transition: every stored decider card shows the outcome, and the owner is told. */
  private async announce(definition: AnyWorkflowDefinition, transition: TransitionDefinition<string>, record: WorkflowRecord): Promise<void> {
    const { messenger } = this.services;
    const notifications = definition.notifications;
    try {
      if (transition.notify.includes('deciders')) {
        for (const message of record.deciderMessages) {
          const lang = await this.languageFor(message.aadObjectId, record.orgId);
          await messenger.updateForUser(message.aadObjectId, message, await notifications.decidedCard(record, lang));
        }
      }
      if (transition.notify.includes('owner')) {
        if (record.ownerMessage) await messenger.updateForUser(record.owner, record.ownerMessage, await notifications.ownerCard(record, record.ownerLang));
        await messenger.sendToUser(record.owner, await notifications.ownerMessage(record, record.ownerLang));
      }
    } catch (error) {
      // The transition stands; a failed message must not make the actor think it did not.
      this.services.logger.error({ event: 'workflow.announce_failed', recordId: record._id, type: record.type, err: String(error) }, 'transition announcement failed');
    }
  }
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function openStates(definition: AnyWorkflowDefinition): string[] {
  return Object.entries(definition.states)
    .filter(([, state]) => state.open)
    .map(([name]) => name);
}

/** A definition that names a state it does not define is a programming error: fail at start-up. */
export function assertValidDefinition(definition: AnyWorkflowDefinition): void {
  const states = new Set(Object.keys(definition.states));
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9_]{1,30}$/.test(definition.type)) problems.push(`type "${definition.type}" must be lower-case`);
  if (!/^[A-Z]{1,3}$/.test(definition.referenceCode)) problems.push(`referenceCode "${definition.referenceCode}" must be 1-3 capital letters`);
  if (!states.has(definition.initialState)) problems.push(`initial state "${definition.initialState}" is not defined`);
  for (const [name, transition] of Object.entries<TransitionDefinition<string>>(definition.transitions)) {
    for (const from of transition.from) if (!states.has(from)) problems.push(`transition ${name}: unknown from-state "${from}"`);
    if (!states.has(transition.to)) problems.push(`transition ${name}: unknown to-state "${transition.to}"`);
    if (transition.allowed.length === 0) problems.push(`transition ${name}: nobody may take it`);
  }
  if (problems.length > 0) throw new Error(`Invalid workflow definition "${definition.type}":\n${problems.join('\n')}`);
}

/** The transitions that can be taken from a state, in definition order (the buttons a decider sees). */
export function transitionsFrom<TTransition extends string>(definition: Pick<WorkflowDefinition<unknown, TTransition>, 'transitions'>, state: string): TTransition[] {
  return (Object.entries(definition.transitions) as [TTransition, TransitionDefinition<string>][])
    .filter(([, transition]) => transition.from.includes(state))
    .map(([name]) => name);
}
