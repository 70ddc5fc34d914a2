import type { Collection, Document, Filter, OptionalUnlessRequiredId, UpdateFilter } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, upsertRetryingOnce } from './database.js';

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
 */
export class NumberSeries<T extends Document & { _id: string }> {
  constructor(
    private readonly numbers: Collection<T>,
    private readonly heads: Collection<SeriesHead>,
    private readonly options: NumberSeriesOptions<T>,
  ) {}

  /**
   * Issues the next number of `series`, stored as `document(n)`. `after` is a number known to be
   * issued already (what this process issued last), which saves reading the head.
   */
  async issue(series: string, document: (n: number) => Omit<T, '_id'> | Promise<Omit<T, '_id'>>, after?: number): Promise<T> {
    let head = after === undefined ? await this.head(series) : undefined;
    let last = after ?? head?.last ?? 0;
    for (;;) {
      const n = last + 1;
      const issued = { ...(await document(n)), _id: this.options.idOf(series, n) } as T;
      try {
        await this.numbers.insertOne(issued as OptionalUnlessRequiredId<T>);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        // Someone issued it meanwhile, or the start was stale: the head tells how far the series got.
        head = await this.head(series);
        last = Math.max(n, head ? head.last : await this.options.lastByQuery(series));
        continue;
      }
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
