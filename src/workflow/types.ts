import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import type { Language, Organisation, Role } from '../directory/types.js';
import type { Localized } from '../i18n/index.js';

/**
 * A span of time a step may take or after which someone is reminded. Working days skip
 * weekends and Dutch public holidays (internal deadlines); calendar days and months are what
 * the law counts in (the Wet bescherming klokkenluiders: 7 days, 3 months).
 */
export type Duration = { workingDays: number } | { calendarDays: number } | { months: number };

/** Who acts in a step, resolved against the directory when the step starts (or escalates). */
export type ActorSpec =
  /** The owner's direct manager (the first active one up the chain). */
  | { kind: 'manager' }
  /** The manager above the owner's direct manager. */
  | { kind: 'next_higher_manager' }
  /** Every holder of the role in the record's organisation, e.g. `hr` or `decision_body:college`. */
  | { kind: 'role'; role: Role }
  /** The people the definition's `chooseActors` names for this record (e.g. a report's chosen recipient). */
  | { kind: 'chosen' };

export type Reminder = { after: Duration } | { beforeDeadline: Duration };

/** Where a record goes when its step's deadline passes without anyone acting. */
export interface Escalation {
  /** Up the owner's manager chain, above the highest manager the step had. */
  upTheChain: boolean;
  /** Then to a holder of one of these roles who has not had the step yet. */
  roles: readonly Role[];
}

/** One step of a record's route: who acts, what they may do, and by when. */
export interface StepSpec {
  /** Unique within the route, e.g. `manager_advice`; the open state is `awaiting_<id>`. */
  id: string;
  actor: ActorSpec;
  /** The definition's actions this step's actor may take, e.g. `["advise"]` or `["decide", "refer"]`. */
  actions: readonly string[];
  /** When the actor should have acted; escalation (or only an overdue flag) after it. */
  deadline: Duration;
  reminders: readonly Reminder[];
  escalation: Escalation;
}

/**
 * What taking an action does to the record. `next` hands it to the next step of its route (or
 * closes it in `closeAs` when this was the last); `close` ends it; `stay` only records the
 * outcome (a message, a note); `return` hands it back to the owner for changes.
 */
export type ActionEffect =
  | { kind: 'next'; closeAs?: string }
  | { kind: 'close'; state: string }
  | { kind: 'stay' }
  | { kind: 'return' }
  /** The owner's corrected resubmission: back to the step that returned it, with a fresh clock. */
  | { kind: 'resume' }
  /**
   * Shares the open step with one more person (a deputy), whose aadObjectId is the action's
   * `fields[field]`: they join the assignees and participants and get the card. The definition
   * decides who is eligible before acting; the engine refuses the owner and anyone already assigned.
   */
  | { kind: 'assign'; field: string };

/**
 * Who may take an action: `step` — the current step's actors (and the definition's delegates);
 * `owner` — the person who submitted; `participant` — anyone the record was ever assigned to
 * and still may see it.
 */
export type ActionActor = 'step' | 'owner' | 'participant';

export interface ActionSpec {
  by: ActionActor;
  /** The outcomes this action records, each with its effect; e.g. decide → approved (close). */
  outcomes: Readonly<Record<string, ActionEffect>>;
  /**
   * For owner and participant actions: the states it may be taken in (default: every open
   * state). Step actions are possible exactly in the steps that list them.
   */
  states?: readonly string[];
}

/** Who may see a record and its contents; the server checks it on every read. */
export interface Visibility {
  owner: boolean;
  /** Everyone the record was ever assigned to. */
  participants: boolean;
  /** Holders of these roles in the record's organisation (e.g. HR, the integrity coordinator). */
  roles: readonly Role[];
}

/**
 * Why a person sees a card about a record: it was assigned to them, they are reminded, it was
 * escalated to them, returned to them for changes, changed by the other side (`update`), or it is
 * the answer to their own action (`acted`), which may have come too late (`stale`), or simply
 * opened from a list (`opened`).
 */
export type NoticeReason = 'assigned' | 'reminder' | 'escalated' | 'returned' | 'update' | 'acted' | 'stale' | 'opened';

/** What the person typed into a card that was refused, shown again with a message per field. */
export interface CardFeedback {
  action: string;
  values: Record<string, string>;
  errors: Record<string, Localized>;
}

/** Who is looking at a record, for rendering: what they may see and do follows from it. */
export interface Viewer {
  aadObjectId: string;
  lang: Language;
  /** The actions this viewer may take now (empty when none): the buttons their card offers. */
  actions: readonly string[];
  isOwner: boolean;
}

/**
 * How a record type talks to people. The engine decides when and to whom; the definition what
 * the card says. Cards are rendered when they are delivered, so a late delivery shows the
 * record as it is then, and nothing a reader may not see is stored in the outbox.
 */
export interface WorkflowPresenter<TData> {
  /** The card about the record for this viewer: the owner's status card, an actor's card with buttons. */
  card(record: WorkflowRecord<TData>, viewer: Viewer, reason: NoticeReason, feedback?: CardFeedback): Promise<AdaptiveCard>;
  /**
   * What the owner is told about what just happened (e.g. the decision): a short text, or a card
   * when they can answer it (a question asked of them); none when silent.
   */
  ownerNotice(record: WorkflowRecord<TData>, entry: HistoryEntry, lang: Language): Promise<string | AdaptiveCard | undefined>;
}

/**
 * One kind of notification (gift, side job, financial interest, report): its actions, how a
 * record's route of steps is chosen, who may see it, and how it is presented. Nothing
 * type-specific lives in the engine.
 */
export interface WorkflowDefinition<TData = unknown> {
  /** Stored on every record; lower-case, e.g. "gift". */
  type: string;
  /** The letter in the reference number, e.g. "G" in VEL-G-2026-0007. */
  referenceCode: string;
  /** Every closed state a record of this type can end in. */
  closedStates: readonly string[];
  actions: Readonly<Record<string, ActionSpec>>;
  /** The steps a new record goes through, chosen from organisation data (never code per organisation). */
  route(input: RouteInput<TData>): StepSpec[];
  /** For `chosen` actors: the people named by the submission. */
  chooseActors?(record: WorkflowRecord<TData>): Promise<string[]>;
  /**
   * The id a person's own records of this type are filed under, when it must not be their
   * aadObjectId: a keyed pseudonym, so that no stored record, history entry, audit entry or
   * outbox message names who submitted it (confidential reports). The engine maps the person to
   * it wherever it compares someone with the owner; everyone else keeps their aadObjectId.
   */
  ownerIdOf?(aadObjectId: string): Promise<string>;
  /** Roles that may act for a step's actors within the record's organisation. */
  delegateRoles: readonly Role[];
  visibility: Visibility;
  /** Roles that may page through the organisation's register of this type. */
  registerRoles: readonly Role[];
  presenter: WorkflowPresenter<TData>;
}

export interface RouteInput<TData> {
  organisation: Organisation;
  data: TData;
}

// The engine handles definitions of every record type at once.
export type AnyWorkflowDefinition = WorkflowDefinition<any>;

/** What an action recorded: kept forever in the record's history and in the audit trail. */
export interface HistoryEntry {
  /** The step it was taken in; null for actions outside a step (withdrawal, a message). */
  step: string | null;
  action: string;
  outcome: string;
  /** aadObjectId of the person, or "system". */
  actor: string;
  at: Date;
  /** What the actor wrote with it: conditions, reasons, measures, a comment, as the definition validated them. */
  fields: Record<string, string>;
}

/** Who a step is with now, and when it is due. */
export interface StepState {
  id: string;
  startedAt: Date;
  dueAt: Date;
  /** Reminder moments not yet sent, earliest first. */
  remindAt: Date[];
  remindersSent: number;
  /** True once the deadline passed and nobody was left to escalate to. */
  overdue: boolean;
  /** Actors the bot could not reach in Teams; the step escalates past each at `escalateAt`. */
  unreachable?: UnreachableActor[];
}

/** Someone a step waits for who could not be reached (blocked the bot, unknown in Teams, no chat possible). */
export interface UnreachableActor {
  aadObjectId: string;
  /** The delivery's reason, e.g. `http_403` or `no_service_url`. */
  reason: string;
  at: Date;
  escalateAt: Date;
  /** Set once the step was escalated past them (or nobody was left to escalate to). */
  escalated: boolean;
}

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
  outcome?: string;
  step?: string | null;
  fromState: string | null;
  toState: string | null;
  /** Who the record was (re)assigned to, for assignment entries. */
  assignees?: string[];
  fields?: Record<string, string>;
  schemaVersion: number;
}

export interface WorkflowRecord<TData = unknown> {
  _id: string;
  schemaVersion: number;
  type: string;
  orgId: string;
  year: number;
  /** Order within organisation, type and year. */
  sequence: number;
  reference: string;
  idempotencyKey: string;
  owner: string;
  ownerLang: Language;
  /** `awaiting_<step>` while a step is open, `changes_requested`, or one of the closed states. */
  state: string;
  /** Who may act in the open step now (escalation adds people; nobody is removed); empty when closed. */
  assignees: string[];
  /** Bumped by every change, each of which has its audit entry; part of every update's filter. */
  version: number;
  data: TData;
  /** The steps chosen at submission; later changes to organisation data do not reroute it. */
  route: StepSpec[];
  /** The open step; null once closed. */
  step: StepState | null;
  /** Everyone the record was ever assigned to. */
  participants: string[];
  history: HistoryEntry[];
  /** The earliest reminder or deadline of the open step, for the deadline query; null when none. */
  nextDueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export type SubmitResult<TData> = { record: WorkflowRecord<TData>; created: boolean };

export interface ActionInput {
  recordId: string;
  /** The actor's aadObjectId from the Teams activity, never from card data. */
  actor: string;
  action: string;
  outcome: string;
  fields?: Record<string, string>;
  /** For the owner's `resubmit`: the corrected data. */
  data?: unknown;
}

export type ActionResult<TData> =
  | { kind: 'done'; record: WorkflowRecord<TData>; entry: HistoryEntry }
  /** The action is no longer possible (someone else acted first); the record says who. */
  | { kind: 'already_taken'; record: WorkflowRecord<TData> }
  | { kind: 'not_allowed' }
  | { kind: 'not_found' };

export interface DeadlineRunSummary {
  reminded: number;
  escalated: number;
  overdue: number;
}

export const CHANGES_REQUESTED = 'changes_requested';

export function awaitingState(stepId: string): string {
  return `awaiting_${stepId}`;
}
