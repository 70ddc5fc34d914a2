import type { Collection, Document, Filter, OptionalUnlessRequiredId, UpdateFilter } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, upsertRetryingOnce } from './database.js';
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
}

/**
 * Series of numbers 1, 2, 3 … of which every number is issued once, across every instance.
 *
 * A number is issued by inserting a document under its own `_id`: a duplicate `_id` is refused
 * atomically on every server, whereas `$inc` on a shared counter is not atomic on FerretDB. The
 * series' head (a document whose `_id` is the series' name) says where to start, so the next
 * number is found by `_id`: a query for the highest number of a series is answered by FerretDB's
 * SQLite handler by reading every document of the collection. The head is moved on after each
 * number, not atomically ($max), so it may lag behind: the insert is then refused and the next
 * number tried. It is never ahead, so every number up to the head was issued: no gaps.
 *
 * Within this process the numbers of a series are issued one after the other, starting after the
 * last one issued here: concurrent requests would otherwise all try the same number and all but
 * one be refused, again and again. That number is only where to start (a copy of what is stored,
 * never ahead of it): another instance may have issued more meanwhile, and the refused insert then
 * sends this one to the head.
 */
export class NumberSeries<T extends Document & { _id: string }> {
  private readonly lastIssued: ExpiringCache<string, number>;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly numbers: Collection<T>,
    private readonly heads: Collection<SeriesHead>,
    private readonly options: NumberSeriesOptions<T>,
  ) {
    this.lastIssued = new ExpiringCache({ maxEntries: options.remember?.maxEntries ?? 1000, ttlMs: options.remember?.ttlMs ?? 60 * 60_000 });
  }

  /** Issues the next number of `series`, stored as `document(n)`. */
  issue(series: string, document: (n: number) => Omit<T, '_id'> | Promise<Omit<T, '_id'>>): Promise<T> {
    const issued = (this.queues.get(series) ?? Promise.resolve()).catch(() => undefined).then(() => this.issueNow(series, document));
    this.queues.set(series, issued);
    const forget = () => {
      if (this.queues.get(series) === issued) this.queues.delete(series);
    };
    issued.then(forget, forget);
    return issued;
  }

  private async issueNow(series: string, document: (n: number) => Omit<T, '_id'> | Promise<Omit<T, '_id'>>): Promise<T> {
    const remembered = this.lastIssued.get(series);
    // Where the start came from decides what a refused insert means (see below).
    let from: 'here' | 'head' | 'nothing' | 'query' = 'here';
    let last = remembered ?? 0;
    if (remembered === undefined) {
      const head = await this.head(series);
      from = head ? 'head' : 'nothing';
      last = head?.last ?? 0;
    }
    for (;;) {
      const n = last + 1;
      const issued = { ...(await document(n)), _id: this.options.idOf(series, n) } as T;
      try {
        await this.numbers.insertOne(issued as OptionalUnlessRequiredId<T>);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        if (from === 'here') {
          // Another instance went on meanwhile: the head tells how far.
          const head = await this.head(series);
          from = head ? 'head' : 'query';
          last = Math.max(n, head ? head.last : await this.options.lastByQuery(series));
        } else if (from === 'nothing') {
          // Numbers without a head: issued before heads existed.
          from = 'query';
          last = Math.max(n, await this.options.lastByQuery(series));
        } else {
          last = n;
        }
        continue;
      }
      this.lastIssued.set(series, n);
      await this.advance(series, n, this.options.atOf?.(issued) ?? new Date());
      return issued;
    }
  }

  private async head(series: string): Promise<SeriesHead | undefined> {
    return (await this.heads.findOne({ _id: series } as Filter<SeriesHead>)) ?? undefined;
  }

  private async advance(series: string, n: number, at: Date): Promise<void> {
    const update: UpdateFilter<SeriesHead> = { $max: { last: n, at }, $setOnInsert: { schemaVersion: SCHEMA_VERSION } };
    await upsertRetryingOnce(() => this.heads.updateOne({ _id: series } as Filter<SeriesHead>, update, { upsert: true }));
  }
}
