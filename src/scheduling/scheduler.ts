import type { Collection, Db } from 'mongodb';
import { errorFields, type Logger } from '../logging/logger.js';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from '../storage/database.js';
import { describeSchedule, nextOccurrence, previousOccurrence, type Schedule } from './schedule.js';

export const SCHEDULES = 'schedules';
export const SCHEDULE_CLAIMS = 'scheduleClaims';

export const schedulingCollections: CollectionDefinition[] = [
  { name: SCHEDULES, indexes: [] },
  { name: SCHEDULE_CLAIMS, indexes: [{ key: { at: 1 }, name: 'at' }] },
];

/** One periodic job: a name unique across the product, when it runs, and what it does. */
export interface ScheduledJob {
  /** e.g. `workflow.deadlines`, or `digest:velsen` for one organisation's. */
  name: string;
  /** Dutch, one line, for `npm run jobs`. */
  description: string;
  schedule: Schedule;
  /** What the run did, in a few words for the listing (e.g. "3 herinneringen"); the run's own clock. */
  run(now: Date): Promise<string | void>;
}

type RunState = 'baseline' | 'running' | 'done' | 'failed';

/** What the database knows about a job: the occurrence last started, and how that went. */
export interface ScheduleDocument {
  _id: string;
  description: string;
  schedule: Schedule;
  /** The occurrence (due moment) the last run was for. */
  slot: Date;
  /** Attempts at this slot; attempt n is claimed by inserting `<name>@<slot>#<n>`. */
  generation: number;
  state: RunState;
  leaseUntil: Date | null;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastOutcome: string | null;
  lastError: string | null;
  nextRunAt: Date | null;
  updatedAt: Date;
  schemaVersion: number;
}

export interface SchedulerOptions {
  db: Db;
  logger: Logger;
  now?: () => Date;
  /** How often each instance looks for due jobs. */
  tickMs?: number;
  /** How long a run may go without a heartbeat before another instance may take the slot over. */
  leaseMs?: number;
  /** Tries per occurrence before a failing job waits for its next one. */
  maxAttempts?: number;
  /** Wait between tries of a failed run. */
  retryAfterMs?: number;
}

/** A listing row for `npm run jobs`. */
export interface ScheduleStatus {
  name: string;
  description: string;
  schedule: string;
  state: RunState | 'never';
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastOutcome: string | null;
  lastError: string | null;
  nextRunAt: Date | null;
}

export type TickResult = { name: string; outcome: 'ran' | 'failed' | 'baseline'; slot: Date };

/**
 * Runs periodic jobs once per occurrence across every instance of the bot. Each instance looks
 * every tick for jobs whose latest occurrence has not been run; it claims the run by inserting
 * `<name>@<occurrence>#<attempt>` (unique `_id`, refused to every other instance on MongoDB,
 * Cosmos DB and FerretDB alike, where conditional updates are not atomic), runs it, and records
 * the outcome. A run whose instance dies stops renewing its lease; after the lease the next
 * attempt is free. An instance that was down runs the latest missed occurrence once, not every
 * one it missed; a job seen for the first time starts from the next occurrence.
 */
export class Scheduler {
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly schedules: Collection<ScheduleDocument>;
  private readonly claims: Collection<{ _id: string; at: Date; schemaVersion: number }>;
  private readonly now: () => Date;
  private readonly tickMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly retryAfterMs: number;
  private readonly runningHere = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<unknown> | undefined;

  constructor(private readonly options: SchedulerOptions) {
    this.schedules = options.db.collection<ScheduleDocument>(SCHEDULES);
    this.claims = options.db.collection(SCHEDULE_CLAIMS);
    this.now = options.now ?? (() => new Date());
    this.tickMs = options.tickMs ?? 30_000;
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryAfterMs = options.retryAfterMs ?? 5 * 60_000;
  }

  /** Adds a job; its name must be unique. */
  register(job: ScheduledJob): this {
    if (this.jobs.has(job.name)) throw new Error(`scheduled job "${job.name}" is registered twice`);
    if (!previousOccurrence(job.schedule, this.now()) && !nextOccurrence(job.schedule, this.now())) throw new Error(`scheduled job "${job.name}" never runs`);
    this.jobs.set(job.name, job);
    return this;
  }

  get names(): string[] {
    return [...this.jobs.keys()];
  }

  start(): void {
    this.timer = setInterval(() => void this.tickSafely(), this.tickMs);
    this.timer.unref();
    void this.tickSafely();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  private async tickSafely(): Promise<void> {
    if (this.ticking) return;
    this.ticking = this.tick().catch((error: unknown) => this.options.logger.error({ event: 'scheduler.tick_failed', ...errorFields(error) }, 'scheduler tick failed'));
    await this.ticking;
    this.ticking = undefined;
  }

  /** Runs every job whose latest occurrence is due and not yet run anywhere; waits for them. */
  async tick(now: Date = this.now()): Promise<TickResult[]> {
    const results = await Promise.all([...this.jobs.values()].map((job) => this.consider(job, now)));
    return results.filter((result): result is TickResult => result !== undefined);
  }

  /** Runs a job now, outside its schedule (an administrator's command, the demo); once across instances. */
  async runNow(name: string, now: Date = this.now()): Promise<TickResult> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no scheduled job "${name}"`);
    const claimed = await this.claim(`${name}@manual:${now.toISOString()}#1`, now);
    if (!claimed) return { name, outcome: 'ran', slot: now };
    return this.execute(job, now, now, 0);
  }

  /** Every registered job with its last and next run, for `npm run jobs`. */
  async status(now: Date = this.now()): Promise<ScheduleStatus[]> {
    const documents = new Map((await this.schedules.find({ _id: { $in: this.names } }).toArray()).map((document) => [document._id, document]));
    return [...this.jobs.values()]
      .map((job) => {
        const document = documents.get(job.name);
        return {
          name: job.name,
          description: job.description,
          schedule: describeSchedule(job.schedule),
          state: document ? document.state : ('never' as const),
          lastStartedAt: document?.lastStartedAt ?? null,
          lastFinishedAt: document?.lastFinishedAt ?? null,
          lastOutcome: document?.lastOutcome ?? null,
          lastError: document?.lastError ?? null,
          nextRunAt: nextOccurrence(job.schedule, now) ?? null,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private async consider(job: ScheduledJob, now: Date): Promise<TickResult | undefined> {
    if (this.runningHere.has(job.name)) return undefined;
    const slot = previousOccurrence(job.schedule, now);
    if (!slot) return undefined;
    const document = await this.schedules.findOne({ _id: job.name });
    if (!document) return this.baseline(job, slot, now);
    let generation = 0;
    if (document.slot.getTime() > slot.getTime()) return undefined;
    if (document.slot.getTime() === slot.getTime()) {
      if (document.state === 'done' || document.state === 'baseline') return undefined;
      if (document.state === 'running' && document.leaseUntil && document.leaseUntil > now) return undefined;
      if (document.state === 'failed' && (document.generation >= this.maxAttempts || (document.lastFinishedAt && now.getTime() - document.lastFinishedAt.getTime() < this.retryAfterMs))) return undefined;
      generation = document.generation;
    }
    if (!(await this.claim(`${job.name}@${slot.toISOString()}#${generation + 1}`, now))) return undefined;
    return this.execute(job, slot, now, generation + 1);
  }

  /** A job seen for the first time starts from its next occurrence: a new deployment does not send last week's digest. */
  private async baseline(job: ScheduledJob, slot: Date, now: Date): Promise<TickResult | undefined> {
    // An interval job (reminders, clean-ups) simply runs; only calendar jobs wait for their next moment.
    if ('every' in job.schedule) {
      if (!(await this.claim(`${job.name}@${slot.toISOString()}#1`, now))) return undefined;
      return this.execute(job, slot, now, 1);
    }
    try {
      await this.schedules.insertOne(this.document(job, { slot, generation: 0, state: 'baseline', leaseUntil: null, lastStartedAt: null, lastFinishedAt: null, lastOutcome: null, lastError: null }, now));
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    return { name: job.name, outcome: 'baseline', slot };
  }

  private async claim(id: string, now: Date): Promise<boolean> {
    try {
      await this.claims.insertOne({ _id: id, at: now, schemaVersion: SCHEMA_VERSION });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  private async execute(job: ScheduledJob, slot: Date, now: Date, generation: number): Promise<TickResult> {
    const log = { job: job.name, slot: slot.toISOString(), attempt: generation };
    this.runningHere.add(job.name);
    const manual = generation === 0;
    const previous = manual ? await this.schedules.findOne({ _id: job.name }) : null;
    const base = manual && previous ? { slot: previous.slot, generation: previous.generation } : { slot, generation };
    await this.save(job, { ...base, state: 'running', leaseUntil: new Date(now.getTime() + this.leaseMs), lastStartedAt: now, lastError: null }, now);
    // The lease is renewed while the run lasts, so only a dead instance's run is taken over.
    const heartbeat = setInterval(() => {
      void this.schedules.updateOne({ _id: job.name }, { $set: { leaseUntil: new Date(this.now().getTime() + this.leaseMs) } }).catch(() => undefined);
    }, Math.max(1000, Math.floor(this.leaseMs / 3)));
    heartbeat.unref();
    try {
      const outcome = (await job.run(now)) ?? 'klaar';
      const finished = this.now();
      await this.save(job, { ...base, state: 'done', leaseUntil: null, lastFinishedAt: finished, lastOutcome: outcome, lastError: null }, finished);
      this.options.logger.info({ event: 'scheduler.ran', ...log }, 'scheduled job ran');
      return { name: job.name, outcome: 'ran', slot };
    } catch (error) {
      const finished = this.now();
      const name = (error as Error)?.name ?? 'Error';
      await this.save(job, { ...base, state: manual && previous ? previous.state : 'failed', leaseUntil: null, lastFinishedAt: finished, lastOutcome: null, lastError: name }, finished).catch(() => undefined);
      this.options.logger.error({ event: 'scheduler.failed', ...log, ...errorFields(error) }, 'scheduled job failed');
      return { name: job.name, outcome: 'failed', slot };
    } finally {
      clearInterval(heartbeat);
      this.runningHere.delete(job.name);
    }
  }

  private document(job: ScheduledJob, fields: Partial<ScheduleDocument>, now: Date): ScheduleDocument {
    return {
      _id: job.name,
      description: job.description,
      schedule: job.schedule,
      slot: now,
      generation: 0,
      state: 'baseline',
      leaseUntil: null,
      lastStartedAt: null,
      lastFinishedAt: null,
      lastOutcome: null,
      lastError: null,
      ...fields,
      nextRunAt: nextOccurrence(job.schedule, now) ?? null,
      updatedAt: now,
      schemaVersion: SCHEMA_VERSION,
    };
  }

  /** Only the claimant of the current attempt writes, so a plain upsert is enough (no compare-and-set needed). */
  private async save(job: ScheduledJob, fields: Partial<ScheduleDocument>, now: Date): Promise<void> {
    const { _id, ...full } = this.document(job, fields, now);
    const set: Partial<ScheduleDocument> = { ...fields, description: full.description, schedule: full.schedule, nextRunAt: full.nextRunAt, updatedAt: now, schemaVersion: SCHEMA_VERSION };
    const onInsert = Object.fromEntries(Object.entries(full).filter(([key]) => !(key in set)));
    const write = () => this.schedules.updateOne({ _id }, { $set: set, $setOnInsert: onInsert }, { upsert: true });
    await write().catch(async (error: unknown) => {
      // Two first writes of the same new job: the loser's insert collides; update instead.
      if (!isDuplicateKeyError(error)) throw error;
      await write();
    });
  }

  /** Claims are only needed while their occurrence can still be contested. */
  async prune(now: Date, keepMs = 30 * 24 * 60 * 60_000): Promise<void> {
    await this.claims.deleteMany({ at: { $lt: new Date(now.getTime() - keepMs) } });
  }
}
