import type { Db } from 'mongodb';
import { errorFields, type Logger } from '../logging/logger.js';
import { adoptedCard, fromStored, OutboxStore, type DeliveryDocument, type OutboxDocument } from './outbox.js';
import { Poll } from './poll.js';
import { SlotAlarm } from './alarm.js';
import { CONVERSATION_LIMITS, Pacer, SEND_WITHIN_MS, TENANT_LIMITS, type RateLimit } from './pacing.js';
import type { DeliveredMessage, MessageContent, RecordView, Rendered } from './types.js';

/** The outcome of one call to the messaging service. */
export type TransportResult =
  | { ok: true; message: DeliveredMessage }
  | {
      ok: false;
      /** True when trying again cannot help (blocked, unknown person, no conversation). */
      permanent: boolean;
      status?: number;
      /** What the service asked for (Retry-After), when it did. */
      retryAfterMs?: number;
      reason: string;
    };

/** How messages reach people; `src/teams` implements it with the Bot Connector. */
export interface Transport {
  send(to: string, content: MessageContent): Promise<TransportResult>;
  update(to: string, message: DeliveredMessage, content: MessageContent): Promise<TransportResult>;
}

/**
 * Draws a record's card (or notice) for one reader, in their language: undefined when they may
 * not see it, 'not_yet' while the change the message is about has not landed.
 */
export type Renderer = (view: RecordView, to: string) => Promise<Rendered>;

/**
 * Turns a stored address into the person to send to, just before sending. Most addresses are
 * aadObjectIds and stay as they are; an address a feature keeps sealed in the outbox (a
 * reporter's pseudonym) is resolved here, and `remember: false` keeps no delivery record (no
 * conversation or activity id) for it. Undefined: nobody to send to any more.
 */
export type RecipientResolver = (to: string, recordId: string | undefined) => Promise<{ to: string; remember: boolean } | undefined>;

export interface DeliveryWorkerOptions {
  db: Db;
  transport: Transport;
  render: Renderer;
  /** Default: every address is an aadObjectId, and every delivery is remembered. */
  resolveRecipient?: RecipientResolver;
  logger: Logger;
  now?: () => Date;
  /** How often the outbox is looked at when nothing kicks the worker (other instances, retries). */
  pollMs?: number;
  /** How long one attempt may hold a message before another worker may take it. */
  leaseMs?: number;
  /** After this long a message that still could not be delivered is given up (dead-lettered). */
  giveUpAfterMs?: number;
  batchSize?: number;
  /**
   * How many of a poll's messages are on their way at once, each about another record and to
   * another reader (default 2). One at a time, every message waits for the round trips of all
   * before it; many at once, delivery takes the database from the employees' own turns (on
   * FerretDB's single SQLite writer, 8 lanes cost gift notifications a third of their throughput).
   */
  lanes?: number;
  /**
   * The tenant a person's messages count against (Teams limits sends per app per tenant);
   * default: the message's organisation.
   */
  tenantOf?: (to: string, orgId: string | undefined) => Promise<string>;
  /** Pace sends below Teams' limits (default); off only for a transport that is not Teams. */
  pacing?: boolean;
  /** Told when a message cannot be delivered (blocked, unknown, unreachable) or was given up. */
  onUndeliverable?: (document: OutboxDocument, outcome: UndeliverableOutcome) => Promise<void>;
}

/** Why a message did not reach its reader. */
export interface UndeliverableOutcome {
  status: 'undeliverable' | 'dead';
  reason: string;
  httpStatus?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a message waits for the record change it is about; a writer that died never lands it. */
const AWAIT_CHANGE_MS = 2 * 60_000;
/**
 * A pacing wait up to this long is waited out; a longer one sends the message back to the outbox
 * until its slot, so messages to other people go on meanwhile.
 */
const MAX_INLINE_WAIT_MS = 250;
/** A result meaning: the record is not there yet, look again shortly. */
const NOT_YET: TransportResult = { ok: false, permanent: false, retryAfterMs: 250, reason: 'record_not_yet' };
/** Messages handed over and not yet taken, and messages kept for a later moment, at most each; beyond it the outbox is read for them. */
const MAX_HANDED_OVER = 1000;
/** A read of the outbox that took this long is not repeated for this many times as long (see `lookIsDue`). */
const LOOK_COST_FACTOR = 10;

/**
 * Delivers the stored outbox: every message is claimed with a lease by one worker (of however
 * many instances run), retried with the service's Retry-After or a jittered backoff when Teams
 * throttles or fails for a moment, and given up only after a bounded time. A message with a key
 * that was already delivered updates that message rather than sending a duplicate.
 */
export class DeliveryWorker {
  private readonly store: OutboxStore;
  private readonly pacer: Pacer;
  private readonly now: () => Date;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly giveUpAfterMs: number;
  private readonly batchSize: number;
  private readonly lanes: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly alarm = new SlotAlarm((moment) => {
    this.turnCameAt = Math.max(this.turnCameAt, moment);
    this.handOverWhatCame();
    // Messages it could not keep are read from the outbox, but no sooner than the timer would:
    // with a backlog of thousands (past MAX_HANDED_OVER) every paced turn would read it again.
    this.kick({ look: this.lostTrack && this.lookIsDue() });
  });
  /** The latest turn of a paced message that came (Date.now() time): one after a poll's start ends that poll. */
  private turnCameAt = 0;
  private pollStartedAt = 0;
  private running: Promise<void> | undefined;
  private again = false;
  /** The timer, the pacing alarm or a start asked for a read of the outbox (see `kick`). */
  private lookWanted = true;
  /** Messages this instance stored just now (or whose moment came), in order, for the next run to take without reading the outbox. */
  private readonly handedOver = new Map<string, OutboxDocument>();
  /** Messages this worker sent back to the outbox for a later moment (a paced turn, a retry), as it wrote them. */
  private readonly later = new Map<string, OutboxDocument>();
  /** A message went back to the outbox without being kept in `later`: the alarm reads the outbox for it (when a read is due). */
  private lostTrack = false;
  private lastLookAt = 0;
  private lastLookMs = 0;
  private stopped = false;
  /** Runs start only once `start` was called: a worker driven by `runOnce` alone (tests, tools) is never run beside it. */
  private started = false;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.store = new OutboxStore(options.db);
    this.pacer = new Pacer(options.db);
    this.now = options.now ?? (() => new Date());
    this.pollMs = options.pollMs ?? 5000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.giveUpAfterMs = options.giveUpAfterMs ?? DAY_MS;
    this.batchSize = options.batchSize ?? 50;
    this.lanes = Math.max(1, options.lanes ?? 2);
  }

  start(): void {
    this.stopped = false;
    this.started = true;
    this.timer = setInterval(() => {
      if (this.lookIsDue()) this.kick();
    }, this.pollMs);
    this.timer.unref();
    this.kick();
  }

  /**
   * Messages this instance just stored: delivered at once (or right after the run in progress)
   * without reading the outbox for them. On FerretDB a read of the due messages reads the whole
   * outbox, which holds every paced message waiting for its turn; reading it for each message
   * stored made each gift notification cost as much as the backlog. The polls read it for the
   * rest: retries, paced turns, other instances' messages and what a dead instance left.
   */
  handOver(documents: readonly OutboxDocument[]): void {
    for (const document of documents) this.hold(document);
    this.kick({ look: false });
  }

  /**
   * The timer's read of the outbox, for what this worker was not handed: other instances' messages
   * left by a dead instance, messages it lost track of, messages stored by a process without a
   * worker. Every `pollMs`, but after a read that took long (on FerretDB a read goes through every
   * message waiting, a backlog of paced cards included) only after ten times as long, so that a
   * backlog never keeps the database busy with reading it.
   */
  private lookIsDue(): boolean {
    return Date.now() - this.lastLookAt >= Math.max(this.pollMs, LOOK_COST_FACTOR * this.lastLookMs);
  }

  /** Messages whose moment came go to the next run (see `keepForLater`). */
  private handOverWhatCame(): void {
    const now = this.now().getTime();
    for (const [id, document] of this.later) {
      if (document.nextAttemptAt.getTime() > now) continue;
      this.later.delete(id);
      this.hold(document);
    }
  }

  private hold(document: OutboxDocument): void {
    if (this.handedOver.size < MAX_HANDED_OVER) this.handedOver.set(document._id, document);
    else this.lostTrack = true;
  }

  /**
   * A message this worker sends back to the outbox until `at` (its paced turn, a retry), as the
   * poll writes it: the alarm hands it over at that moment, without reading the outbox for it.
   */
  private keepForLater(document: OutboxDocument, at: Date, pacedFor: Date | undefined): void {
    if (this.later.size >= MAX_HANDED_OVER) {
      this.lostTrack = true;
    } else {
      const { pacedFor: _previous, ...rest } = document;
      this.later.set(document._id, { ...rest, nextAttemptAt: at, leaseUntil: null, ...(pacedFor ? { pacedFor } : {}) });
    }
    this.alarm.at(at);
  }

  /** Looks at the outbox now, or right after the run in progress; `look: false` only delivers what was handed over. */
  kick(options: { look?: boolean } = {}): void {
    if (this.stopped || !this.started) return;
    if (options.look !== false) this.lookWanted = true;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        // Whether the outbox must be read was recorded by the kick that asked (`lookWanted`).
        this.kick({ look: false });
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.alarm.stop();
    await this.running;
  }

  /** Waits until nothing is running; tests use it to see the outcome of a turn's messages. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Delivers everything due now; returns how many messages were attempted. The due messages are
   * leased together and what became of them is written together when the poll ends (see Poll).
   * Messages whose reserved turn has come go first. A message is released rather than attempted
   * when its lease is half gone before its turn comes (so no other worker can take it while it is
   * being sent), and so is the rest of the poll when another paced message's turn comes meanwhile:
   * the next poll starts with it, so it does not miss its turn (see `paced`).
   */
  async runOnce(source: 'outbox' | 'handedOver' = 'outbox'): Promise<number> {
    this.pollStartedAt = Date.now();
    const now = this.now();
    let candidates: OutboxDocument[];
    if (source === 'outbox') {
      this.lookWanted = false;
      this.lostTrack = false;
      this.lastLookAt = Date.now();
      candidates = await this.store.due(now, this.batchSize);
      this.lastLookMs = Date.now() - this.lastLookAt;
    } else candidates = [...this.handedOver.values()].slice(0, this.batchSize);
    // Taken (or seen by the read, which takes them in their order): another worker may have them, the lease says.
    for (const document of candidates) {
      this.handedOver.delete(document._id);
      this.later.delete(document._id);
    }
    const leased = await this.store.lease(candidates, now, this.leaseMs);
    const poll = new Poll(this.store);
    let attempted = 0;
    try {
      await inLanes(waitingForTheirTurnFirst(leased), this.lanes, async (document) => {
        if (this.stopped || this.turnCame() || this.now().getTime() - now.getTime() >= this.leaseMs / 2) {
          if (document.message.mode !== 'adopt') poll.release(document._id, document.attempts - 1);
          // Next in line for the run that follows (an adopted card was never leased).
          if (!this.stopped) this.hold({ ...document, attempts: document.attempts - 1, leaseUntil: null });
          return;
        }
        attempted += 1;
        await this.attempt(document, poll);
      });
    } finally {
      await poll.settle(this.now());
      await this.pacer.advanceHeads();
    }
    return attempted;
  }

  /** A paced message's turn came after this poll looked for due messages: the next poll takes it. */
  private turnCame(): boolean {
    return this.turnCameAt > this.pollStartedAt;
  }

  private async drain(): Promise<void> {
    try {
      // The outbox is read when a look was asked for; otherwise what was handed over goes, and
      // with nothing of either there is nothing to do. A full batch from the outbox reads it again
      // (a burst is delivered without waiting for the timer); a message whose paced turn came
      // during a run was handed over by the alarm, or the alarm asked for a look.
      const next = (): 'outbox' | 'handedOver' | undefined => (this.lookWanted ? 'outbox' : this.handedOver.size > 0 ? 'handedOver' : undefined);
      for (let source = next(); source && !this.stopped; source = next()) {
        const attempted = await this.runOnce(source);
        if (source === 'outbox' && attempted >= this.batchSize) this.lookWanted = true;
      }
    } catch (error) {
      this.options.logger.error({ event: 'delivery.run_failed', err: errorFields(error) }, 'delivery run failed');
    }
  }

  /** One attempt at a leased message (its `attempts` counts this one). */
  private async attempt(document: OutboxDocument, poll: Poll): Promise<void> {
    const { message } = document;
    const log = { messageId: document._id, mode: message.mode, purpose: message.purpose, attempt: document.attempts };
    let result: Attempt | undefined;
    try {
      result = await this.deliver(document, poll);
    } catch (error) {
      result = { ok: false, permanent: false, reason: (error as Error).name ?? 'error' };
    }
    const now = this.now();
    if (!result || result.ok) {
      poll.done(document._id);
      this.options.logger.debug({ event: 'delivery.sent', ...log }, 'message delivered');
      return;
    }
    const lastError = result.status ? String(result.status) : result.reason;
    if (result === NOT_YET && now.getTime() - document.createdAt.getTime() >= AWAIT_CHANGE_MS) {
      // The change this message announces never landed (its writer died): nothing to say.
      poll.done(document._id);
      this.options.logger.warn({ event: 'delivery.change_never_landed', ...log }, 'message about a change that never landed dropped');
      return;
    }
    if (result.permanent) {
      await this.store.giveUp(document, 'undeliverable', now, lastError);
      this.options.logger.warn({ event: 'delivery.undeliverable', ...log, status: result.status ?? null, reason: result.reason }, 'message cannot be delivered');
      await this.tellUndeliverable(document, { status: 'undeliverable', reason: result.reason, ...(result.status ? { httpStatus: result.status } : {}) });
      return;
    }
    if (now.getTime() - document.createdAt.getTime() >= this.giveUpAfterMs) {
      await this.store.giveUp(document, 'dead', now, lastError);
      this.options.logger.error({ event: 'delivery.dead_lettered', ...log, status: result.status ?? null }, 'message given up after retrying');
      await this.tellUndeliverable(document, { status: 'dead', reason: result.reason, ...(result.status ? { httpStatus: result.status } : {}) });
      return;
    }
    if ('turnAt' in result) {
      // Not a failure: the message waits for its reserved turn under Teams' limits.
      poll.paced(document._id, result.turnAt);
      this.keepForLater(document, result.turnAt, result.turnAt);
      return;
    }
    const delay = result.retryAfterMs ?? backoffMs(document.attempts);
    poll.retry(document._id, new Date(now.getTime() + delay), lastError);
    this.keepForLater(document, new Date(now.getTime() + delay), undefined);
    this.options.logger.info({ event: 'delivery.retry', ...log, status: result.status ?? null, delayMs: delay }, 'message will be retried');
  }

  private async tellUndeliverable(document: OutboxDocument, outcome: UndeliverableOutcome): Promise<void> {
    try {
      await this.options.onUndeliverable?.(document, outcome);
    } catch (error) {
      this.options.logger.error({ event: 'delivery.undeliverable_handler_failed', messageId: document._id, ...errorFields(error) }, 'undeliverable handler failed');
    }
  }

  /**
   * Waits for the message's turn under Teams' limits for each reader's conversation and tenant,
   * reserved across instances: undefined when it may go now, a `Waiting` when the wait is long and
   * the message goes back to the outbox until then (the alarm looks at the outbox again at that
   * moment). A message sent back uses the turn it reserved (`reserved`): a new one would push every
   * later message back too, and a message that reserved anew at each attempt might never reach
   * its turn. Only a turn missed by more than SEND_WITHIN_MS (the worker was busy) is reserved
   * again: a send later than that could crowd a window reserved after it (see Pacer).
   */
  private async paced(readers: string[], orgId: string | undefined, reserved?: Date): Promise<Waiting | undefined> {
    if (this.options.pacing === false || readers.length === 0) return undefined;
    const now = this.now();
    if (reserved && reserved.getTime() <= now.getTime() + MAX_INLINE_WAIT_MS && reserved.getTime() >= now.getTime() - SEND_WITHIN_MS) {
      if (reserved > now) await sleep(reserved.getTime() - now.getTime());
      return undefined;
    }
    if (reserved) this.options.logger.debug({ event: 'delivery.turn_missed', lateMs: now.getTime() - reserved.getTime() }, 'reserved turn missed: reserving again');
    const keys: { key: string; limits: readonly RateLimit[] }[] = [];
    for (const to of readers) {
      const tenant = this.options.tenantOf ? await this.options.tenantOf(to, orgId) : (orgId ?? 'default');
      keys.push({ key: `conversation:${to}`, limits: CONVERSATION_LIMITS }, { key: `tenant:${tenant}`, limits: TENANT_LIMITS });
    }
    const at = await this.pacer.reserve(keys, now);
    const wait = at.getTime() - now.getTime();
    if (wait > MAX_INLINE_WAIT_MS) {
      this.alarm.at(at);
      return { ok: false, permanent: false, reason: PACED, turnAt: at };
    }
    if (wait > 0) await sleep(wait);
    return undefined;
  }

  /** One attempt; undefined when there was nothing (left) to deliver. */
  private async deliver(document: OutboxDocument, poll: Poll): Promise<Attempt | undefined> {
    const message = fromStored(document.message);
    const { transport, render } = this.options;
    switch (message.mode) {
      // Stored by an earlier release: adopted cards are remembered as they are enqueued now (MongoOutbox).
      case 'adopt':
        poll.adopt(adoptedCard(message, this.now()));
        return undefined;
      case 'refresh': {
        // Every card is drawn first, then one turn is reserved for all of them (kept should the
        // message have to wait), so that each card is updated once per attempt. A card delivered
        // while the message waited goes along in the reserved turn.
        const updates: { delivery: DeliveredCard; content: MessageContent }[] = [];
        for (const delivery of await poll.cardsAbout(message.recordId)) {
          const content = await render({ recordId: message.recordId, reason: 'update', atVersion: message.atVersion }, delivery.to);
          if (content === 'not_yet') return NOT_YET;
          if (content) updates.push({ delivery, content });
        }
        const waited = await this.paced(updates.map(({ delivery }) => delivery.to), message.orgId, document.pacedFor);
        if (waited) return waited;
        let failure: TransportResult | undefined;
        for (const { delivery, content } of updates) {
          const result = await transport.update(delivery.to, delivery, content);
          // An update that cannot succeed (the card was deleted) is no reason to hold the others back.
          if (!result.ok && !result.permanent) failure = result;
        }
        return failure;
      }
      case 'send':
      case 'update': {
        const content = 'content' in message ? message.content : await render(message.view, message.to);
        if (content === 'not_yet') return NOT_YET;
        if (!content) return undefined;
        const recipient = this.options.resolveRecipient ? await this.options.resolveRecipient(message.to, message.recordId) : { to: message.to, remember: true };
        if (!recipient) return { ok: false, permanent: true, reason: 'recipient_unknown' };
        const existing = recipient.remember ? await poll.delivered(message.key) : undefined;
        if (!existing && message.mode === 'update') return undefined;
        const waited = await this.paced([recipient.to], message.orgId, document.pacedFor);
        if (waited) return waited;
        if (existing) {
          const updated = await transport.update(recipient.to, existing, content);
          if (updated.ok || message.mode === 'update' || !updated.permanent) return updated;
          // The earlier message is gone: a new one it is, in the same turn.
        }
        const sent = await transport.send(recipient.to, content);
        if (sent.ok && recipient.remember) {
          await poll.remember({ _id: message.key, to: message.to, kind: content.kind, ...sent.message, at: this.now(), ...(message.recordId ? { recordId: message.recordId } : {}) }, existing !== undefined);
        } else if (sent.ok) {
          // Nothing remembers it under its key, so taking it again would send it twice: it leaves the outbox now.
          await this.store.done(document._id);
        }
        return sent;
      }
    }
  }
}

const PACED = 'paced';

/** A message that waits for its reserved turn under Teams' limits (not a failure). */
interface Waiting extends Extract<TransportResult, { ok: false }> {
  permanent: false;
  reason: typeof PACED;
  turnAt: Date;
}
type Attempt = TransportResult | Waiting;

/** Messages whose reserved turn has come first (earliest turn first), then the rest in the outbox's order. */
function waitingForTheirTurnFirst(documents: OutboxDocument[]): OutboxDocument[] {
  const turn = (document: OutboxDocument) => document.pacedFor?.getTime() ?? Infinity;
  return [...documents].sort((a, b) => turn(a) - turn(b));
}

/**
 * Runs `each` over the documents, at most `lanes` at once. Messages that share a record or a
 * reader share a lane and go one after the other in their order: a refresh then finds the card
 * sent before it remembered, an update finds the card it updates, and a reader gets messages in
 * the order they were written. Lanes start in the order of their first message, so paced turns
 * still go first.
 */
async function inLanes(documents: readonly OutboxDocument[], lanes: number, each: (document: OutboxDocument) => Promise<void>): Promise<void> {
  // Each record and reader names a lane; a message joins the lanes of all it names into one.
  const joined = new Map<string, string>();
  const laneOf = (name: string): string => {
    const next = joined.get(name);
    if (next === undefined || next === name) return name;
    const root = laneOf(next);
    joined.set(name, root);
    return root;
  };
  const namesOf = ({ message }: OutboxDocument) => [
    ...(message.recordId !== undefined ? [`record:${message.recordId}`] : []),
    ...(message.mode !== 'refresh' ? [`to:${message.to}`] : []),
  ];
  for (const document of documents) {
    const [first, ...rest] = namesOf(document).map(laneOf);
    if (first === undefined) continue;
    joined.set(first, first);
    for (const other of rest) joined.set(other, first);
  }
  const byLane = new Map<string, OutboxDocument[]>();
  for (const document of documents) {
    const lane = laneOf(namesOf(document)[0]!);
    const documentsOfLane = byLane.get(lane);
    if (documentsOfLane) documentsOfLane.push(document);
    else byLane.set(lane, [document]);
  }
  const waiting = [...byLane.values()];
  const runLanes = async () => {
    for (let lane = waiting.shift(); lane; lane = waiting.shift()) {
      for (const document of lane) await each(document);
    }
  };
  // Every lane ends before the poll settles, also when one of them failed.
  const ended = await Promise.allSettled(Array.from({ length: Math.min(lanes, waiting.length) }, runLanes));
  const failed = ended.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

type DeliveredCard = Omit<DeliveryDocument, 'schemaVersion'>;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** 1 s, 2 s, 4 s ... capped at 5 minutes, with jitter so throttled senders do not retry in step. */
export function backoffMs(attempt: number): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempt - 1), 5 * 60_000);
  return Math.round(base * (0.5 + Math.random() / 2));
}
