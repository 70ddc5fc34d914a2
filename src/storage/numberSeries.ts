import type { Collection, Document, Filter, OptionalUnlessRequiredId, UpdateFilter } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, refusedAsDuplicates } from './database.js';
import { ExpiringCache } from './expiringCache.js';

/** Where a series stands: the last number known to be issued, found by `_id` (the series' name). */
export interface SeriesHead {
  _id: string;
  last: number;
  /** The latest `at` of the issued numbers, so a periodic delete by age takes a head with its series. */
  at: Date;
  schemaVersion: number;
}

export interface NumberSeriesOptions<T> {
  /** The `_id` of number `n` of `series`, e.g. `<series>:<n>`: never equal to a series' name. */
  idOf(series: string, n: number): string;
  /**
   * The last number of a series issued before it had a head, by a query over its numbers. Only
   * asked when a series without a head turns out to have numbers already (data from before heads).
   */
  lastByQuery(series: string): Promise<number>;
  /** The moment a number stands for (default: when it was issued); the head keeps the latest. */
  atOf?(document: T): Date;
  /** How many series, and for how long, this process remembers the last number it issued (default 1,000, an hour). */
  remember?: { maxEntries: number; ttlMs: number };
  /**
   * Heads are moved on by `advanceHeads()`, for every series issued since, in one round trip
   * (default: after each number). A head that lags only costs a process that starts from it
   * the numbers it must try past it.
   */
  deferHeads?: boolean;
}

/** Where the next try of a series starts, and where that start came from (see `issueNow`). */
interface Start {
  last: number;
  from: 'here' | 'head' | 'nothing' | 'query';
}

type Draft<T> = (n: number) => Omit<T, '_id'> | Promise<Omit<T, '_id'>>;

/**
 * Series of numbers 1, 2, 3 … of which every number is issued once, across every instance.
 *
 * A number is issued by inserting a document under its own `_id`: a duplicate `_id` is refused
 * atomically on every server, whereas `$inc` on a shared counter is not atomic on FerretDB. The
 * series' head (a document whose `_id` is the series' name) says where to start, so the next
 * number is found by `_id`: a query for the highest number of a series is answered by FerretDB's
 * SQLite handler by reading every document of the collection. The head is moved on after each
 * number (or, with `deferHeads`, when the owner says), not atomically ($max), so it may lag behind:
 * the insert is then refused and the next number tried. It is never ahead, so every number up to
 * the head was issued: no gaps (`issueTogether` excepted, see there).
 *
 * Within this process the numbers of a series are issued one batch after the other, starting
 * after the last one issued here, with the callers that waited meanwhile in one insert: concurrent
 * requests would otherwise all try the same number and all but one be refused, again and again.
 * That number is only where to start (a copy of what is stored, never ahead of it): another
 * instance may have issued more meanwhile, and the refused insert then sends this one to the head.
 */
export class NumberSeries<T extends Document & { _id: string }> {
  private readonly lastIssued: ExpiringCache<string, number>;
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Per series: the callers of `issue` waiting for the batch after the one on its way. */
  private readonly gathering = new Map<string, Waiter<T>[]>();
  /** With `deferHeads`: series → the last number issued here and its moment, until `advanceHeads`. */
  private readonly unwrittenHeads = new Map<string, { last: number; at: Date }>();

  constructor(
    private readonly numbers: Collection<T>,
    private readonly heads: Collection<SeriesHead>,
    private readonly options: NumberSeriesOptions<T>,
  ) {
    this.lastIssued = new ExpiringCache({ maxEntries: options.remember?.maxEntries ?? 1000, ttlMs: options.remember?.ttlMs ?? 60 * 60_000 });
  }

  /**
   * Issues the next number of `series`, stored as `document(n)`. Callers that ask while the series
   * is busy here are gathered and issued together when its turn comes: one insert for all of them
   * and one move of the head, instead of two round trips each, one after the other (a burst of
   * gift notifications in one organisation would otherwise queue on its series).
   */
  issue(series: string, document: Draft<T>): Promise<T> {
    const waiter = new Waiter(document);
    const gathering = this.gathering.get(series);
    if (gathering) {
      gathering.push(waiter);
      return waiter.promise;
    }
    const batch = [waiter];
    this.gathering.set(series, batch);
    void this.queued([series], () => {
      // From here on a new caller starts the next batch.
      if (this.gathering.get(series) === batch) this.gathering.delete(series);
      return this.issueGathered(series, batch);
    }).catch(() => undefined);
    return waiter.promise;
  }

  /**
   * Issues numbers of several series at once, with one insert: the next number of each series
   * named, or the next k of one named k times. `documents` drafts them all from their numbers
   * (in the order named), so they can depend on each other. Should one be refused (another
   * instance went on), those inserted before it are left unused and all are drawn again: so
   * use it only for series whose numbers may go unused (send slots), never for gapless ones.
   */
  issueTogether(series: readonly string[], documents: (numbers: number[]) => Promise<Omit<T, '_id'>[]>): Promise<T[]> {
    return this.queued([...new Set(series)], () => this.issueTogetherNow(series, documents));
  }

  /** Moves the heads of the series issued since the last call on (with `deferHeads`), in one round trip. */
  async advanceHeads(): Promise<void> {
    if (this.unwrittenHeads.size === 0) return;
    const heads = [...this.unwrittenHeads];
    this.unwrittenHeads.clear();
    const update = (last: number, at: Date): UpdateFilter<SeriesHead> => ({ $max: { last, at }, $setOnInsert: { schemaVersion: SCHEMA_VERSION } });
    try {
      await this.heads.bulkWrite(heads.map(([series, { last, at }]) => ({ updateOne: { filter: { _id: series } as Filter<SeriesHead>, update: update(last, at), upsert: true } })), { ordered: false });
    } catch (error) {
      // A head that another instance created meanwhile: it exists now, so a plain update.
      for (const index of refusedAsDuplicates(error)) {
        const [series, { last, at }] = heads[index]!;
        await this.heads.updateOne({ _id: series } as Filter<SeriesHead>, update(last, at));
      }
    }
  }

  /** Runs `work` after everything this process issues in these series, and before anything asked later. */
  private queued<R>(names: readonly string[], work: () => Promise<R>): Promise<R> {
    const before = names.map((name) => (this.queues.get(name) ?? Promise.resolve()).catch(() => undefined));
    const done = Promise.all(before).then(work);
    for (const name of names) this.queues.set(name, done);
    const forget = () => {
      for (const name of names) if (this.queues.get(name) === done) this.queues.delete(name);
    };
    done.then(forget, forget);
    return done;
  }

  private async issueTogetherNow(series: readonly string[], documents: (numbers: number[]) => Promise<Omit<T, '_id'>[]>): Promise<T[]> {
    const names = [...new Set(series)];
    const starts = new Map(await Promise.all(names.map(async (name) => [name, await this.start(name)] as const)));
    for (;;) {
      const next = new Map(names.map((name) => [name, starts.get(name)!.last]));
      const numbers = series.map((name) => {
        const n = next.get(name)! + 1;
        next.set(name, n);
        return n;
      });
      const drafts = (await documents(numbers)).map((draft, index) => ({ ...draft, _id: this.options.idOf(series[index]!, numbers[index]!) }) as T);
      let inserted = drafts.length;
      try {
        await this.numbers.insertMany(drafts as OptionalUnlessRequiredId<T>[], { ordered: true });
      } catch (error) {
        // Ordered: everything before the refused one is issued, nothing after it was tried.
        inserted = Math.min(...refusedAsDuplicates(error));
      }
      const issued = drafts.slice(0, inserted).map((document, index) => ({ series: series[index]!, n: numbers[index]!, document }));
      await this.issued(issued);
      if (inserted === drafts.length) return drafts;
      // The numbers issued before the refused one go unused; every series starts after them.
      for (const { series: name, n } of issued) starts.set(name, { last: n, from: 'here' });
      const refused = series[inserted]!;
      starts.set(refused, await this.afterRefusal(refused, numbers[inserted]!, starts.get(refused)!.from));
    }
  }

  /**
   * Inserts the next numbers from `start` on, one per waiter in their order, in one ordered insert.
   * Where one is refused (another instance went on), those before it are issued and the rest go
   * on from where the refusal says (see `afterRefusal`), so no number is skipped. The waiters have
   * their numbers once inserted; the head moves on after that, before the next batch starts.
   */
  private async issueGathered(series: string, waiters: readonly Waiter<T>[]): Promise<void> {
    let remaining = waiters;
    try {
      let start = await this.start(series);
      while (remaining.length > 0) {
        const numbers = remaining.map((_, index) => start.last + 1 + index);
        const drafts = await Promise.all(remaining.map(async (waiter, index) => ({ ...(await waiter.document(numbers[index]!)), _id: this.options.idOf(series, numbers[index]!) }) as T));
        let inserted = drafts.length;
        try {
          await this.numbers.insertMany(drafts as OptionalUnlessRequiredId<T>[], { ordered: true });
        } catch (error) {
          // Ordered: everything before the refused one is issued, nothing after it was tried.
          inserted = Math.min(...refusedAsDuplicates(error));
        }
        const issued = drafts.slice(0, inserted).map((document, index) => ({ series, n: numbers[index]!, document }));
        remaining.slice(0, inserted).forEach((waiter, index) => waiter.resolve(drafts[index]!));
        remaining = remaining.slice(inserted);
        if (remaining.length > 0) start = await this.afterRefusal(series, numbers[inserted]!, issued.length > 0 ? 'here' : start.from);
        if (issued.length > 0) await this.issued(issued);
      }
    } catch (error) {
      for (const waiter of remaining) waiter.reject(error);
      throw error;
    }
  }

  /** The last number issued here, else the head's, else nothing. */
  private async start(series: string): Promise<Start> {
    const remembered = this.lastIssued.get(series);
    if (remembered !== undefined) return { last: remembered, from: 'here' };
    const head = await this.head(series);
    return head ? { last: head.last, from: 'head' } : { last: 0, from: 'nothing' };
  }

  /** Number `n` was refused: where to go on from. */
  private async afterRefusal(series: string, n: number, from: Start['from']): Promise<Start> {
    if (from === 'here') {
      // Another instance went on meanwhile: the head tells how far.
      const head = await this.head(series);
      return head ? { last: Math.max(n, head.last), from: 'head' } : { last: Math.max(n, await this.options.lastByQuery(series)), from: 'query' };
    }
    // Numbers without a head: issued before heads existed.
    if (from === 'nothing') return { last: Math.max(n, await this.options.lastByQuery(series)), from: 'query' };
    return { last: n, from };
  }

  /** Remembers the numbers issued and moves their series' heads on (now, or with `advanceHeads`). */
  private async issued(numbers: readonly { series: string; n: number; document: T }[]): Promise<void> {
    for (const { series, n, document } of numbers) {
      this.lastIssued.set(series, n);
      const at = this.options.atOf?.(document) ?? new Date();
      const unwritten = this.unwrittenHeads.get(series);
      this.unwrittenHeads.set(series, { last: Math.max(n, unwritten?.last ?? 0), at: unwritten && unwritten.at > at ? unwritten.at : at });
    }
    if (!this.options.deferHeads) await this.advanceHeads();
  }

  private async head(series: string): Promise<SeriesHead | undefined> {
    return (await this.heads.findOne({ _id: series } as Filter<SeriesHead>)) ?? undefined;
  }
}

/** A caller of `issue`: the draft of its document, and the promise it waits on. */
class Waiter<T> {
  readonly promise: Promise<T>;
  resolve!: (document: T) => void;
  reject!: (error: unknown) => void;

  constructor(readonly document: Draft<T>) {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
}
