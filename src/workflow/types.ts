import type { Activity } from 'botbuilder';
import type { Language, Role } from '../directory/types.js';
import type { SentMessage } from '../teams/proactive.js';

/** Who may take a transition, decided on the server from the actor's identity and the directory. */
export type ActorRule =
  /** Someone the record is or was assigned to (the manager, or a higher manager after escalation). */
  | 'assignee'
  /** Someone holding one of the definition's delegate roles in the record's organisation. */
  | 'delegate'
  | 'owner';

export interface TransitionDefinition<TState extends string> {
  from: readonly TState[];
  to: TState;
  allowed: readonly ActorRule[];
  /** Whom the engine informs once the transition is taken. */
  notify: readonly ('owner' | 'deciders')[];
}

export interface StateDefinition {
  /** Open states wait for someone: they get reminders and escalation, and show up as "openstaand". */
  open: boolean;
}

export type AssignmentReason = 'assigned' | 'reminder' | 'escalated';

/**
 * How a record type talks to people. The engine decides when and to whom; the configuration
 * decides what the message says, in the recipient's language.
 */
export interface WorkflowNotifications<TData, TTransition extends string> {
  /** The card a decider receives when assigned, reminded or escalated to. */
  deciderCard(record: WorkflowRecord<TData, TTransition>, lang: Language, reason: AssignmentReason): Promise<Partial<Activity>>;
  /** What every stored decider card becomes after a transition. */
  decidedCard(record: WorkflowRecord<TData, TTransition>, lang: Language): Promise<Partial<Activity>>;
  /** What the owner's stored card becomes after a transition. */
  ownerCard(record: WorkflowRecord<TData, TTransition>, lang: Language): Promise<Partial<Activity>>;
  /** The message that tells the owner a transition was taken. */
  ownerMessage(record: WorkflowRecord<TData, TTransition>, lang: Language): Promise<Partial<Activity>>;
}

/**
 * One kind of notification (gift, side job, financial interest): its states, the transitions
 * between them and who may take each, and how it is presented. Nothing type-specific lives in
 * the engine.
 */
export interface WorkflowDefinition<TData, TTransition extends string, TState extends string = string> {
  /** Stored on every record; lower-case, e.g. "gift". */
  type: string;
  /** The letter in the reference number, e.g. "G" in VEL-G-2026-0007. */
  referenceCode: string;
  initialState: TState;
  states: Record<TState, StateDefinition>;
  transitions: Record<TTransition, TransitionDefinition<TState>>;
  /** Roles that may act for the assigned manager within the record's organisation. */
  delegateRoles: readonly Role[];
  /** Who gets the record when the owner has no manager, or the top of the chain did not decide in time. */
  fallbackRoles: readonly Role[];
  notifications: WorkflowNotifications<TData, TTransition>;
}

// The engine handles definitions of every record type at once.
export type AnyWorkflowDefinition = WorkflowDefinition<any, string, string>;

/**
 * One change to a record, in the append-only `workflowAudit` collection. Its id is
 * `<recordId>:<version>` for the version the change produces, so inserting it claims that
 * version: of two concurrent writers only one can, on every MongoDB-compatible server.
 */
export interface AuditEntry {
  _id: string;
  recordId: string;
  version: number;
  at: Date;
  /** aadObjectId of the person, or "system" for reminders and escalations. */
  actor: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  /** Who the record was (re)assigned to, for assignment entries. */
  assignee?: string;
  schemaVersion: number;
}

export interface DecisionTaken<TTransition extends string = string> {
  transition: TTransition;
  actor: string;
  at: Date;
  comment?: string;
}

export interface DeciderMessage extends SentMessage {
  aadObjectId: string;
}

export interface WorkflowRecord<TData = unknown, TTransition extends string = string> {
  _id: string;
  schemaVersion: number;
  type: string;
  orgId: string;
  year: number;
  /** Order within organisation, type and year; 0 until the reference number is allocated. */
  sequence: number;
  reference: string;
  idempotencyKey: string;
  owner: string;
  ownerLang: Language;
  /** Who the record currently waits for; null when nobody could be found. */
  assignee: string | null;
  /** Everyone it was ever assigned to: each may still decide. */
  deciders: string[];
  state: string;
  /** Bumped by every change, each of which has its audit entry; part of every update's filter. */
  version: number;
  data: TData;
  decision: DecisionTaken<TTransition> | null;
  remindAt: Date | null;
  remindedAt: Date | null;
  escalateAt: Date | null;
  escalatedAt: Date | null;
  ownerMessage: SentMessage | null;
  deciderMessages: DeciderMessage[];
  createdAt: Date;
  updatedAt: Date;
}

export type SubmitResult<TData, TTransition extends string> = { record: WorkflowRecord<TData, TTransition>; created: boolean };

export type TransitionResult<TData, TTransition extends string> =
  | { kind: 'done'; record: WorkflowRecord<TData, TTransition> }
  /** The record had already left the transition's from-states; `record.decision` says who moved it. */
  | { kind: 'already_taken'; record: WorkflowRecord<TData, TTransition> }
  | { kind: 'not_allowed' }
  | { kind: 'not_found' };

export interface DeadlineRunSummary {
  reminded: number;
  escalated: number;
}
