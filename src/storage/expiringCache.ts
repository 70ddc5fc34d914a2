/**
 * A small in-process cache for reads that every turn repeats (directory data, conversation
 * references): bounded in entries (least recently used goes first) and in age (an entry older
 * than `ttlMs` is read again). Several bot instances share one database, so an entry is only
 * ever a copy of what the database holds, and the expiry is how another instance's change
 * reaches this one: never cache anything only this process knows, or anything that decides
 * between concurrent writers (workflow records, claims).
 *
 * Concurrent misses for one key share one load, so a burst of first turns costs one round trip.
 */
export interface ExpiringCacheOptions {
  maxEntries: number;
  /** After this an entry is gone: the next read waits for the database. */
  ttlMs: number;
  /**
   * After this (shorter than `ttlMs`) `getOrLoad` still answers from the entry but reads it again
   * in the background, so someone who keeps using the bot never waits for the database while
   * what they see is at most `ttlMs` old.
   */
  refreshAfterMs?: number;
  /** Spreads expiry: each entry lives `ttlMs` times 1 to 1 + jitter, so entries loaded together do not all expire together. */
  jitter?: number;
  /** Milliseconds; injected so tests can let entries expire without waiting. */
  now?: () => number;
}

interface Entry<V> {
  value: V;
  refreshAt: number;
  expiresAt: number;
}

export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly loading = new Map<K, Promise<V>>();
  private readonly now: () => number;

  constructor(private readonly options: ExpiringCacheOptions) {
    if (!(options.maxEntries >= 1) || !(options.ttlMs >= 0)) throw new Error('an ExpiringCache needs maxEntries >= 1 and ttlMs >= 0');
    if (options.refreshAfterMs !== undefined && !(options.refreshAfterMs >= 0 && options.refreshAfterMs <= options.ttlMs)) throw new Error('refreshAfterMs must lie between 0 and ttlMs');
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached value, or undefined when absent or expired. `has` tells a cached undefined apart. */
  get(key: K): V | undefined {
    return this.fresh(key)?.value;
  }

  has(key: K): boolean {
    return this.fresh(key) !== undefined;
  }

  set(key: K, value: V): void {
    const now = this.now();
    const ttl = this.options.ttlMs * (1 + (this.options.jitter ?? 0) * Math.random());
    this.entries.delete(key);
    this.entries.set(key, { value, refreshAt: now + (this.options.refreshAfterMs ?? ttl), expiresAt: now + ttl });
    // Maps keep insertion order: the first key is the least recently used one.
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
  }

  /** Forgets the key, including a load in progress (its result is then not stored). */
  delete(key: K): void {
    this.entries.delete(key);
    this.loading.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.loading.clear();
  }

  /** The cached value, or the loaded one (stored, also when undefined: a miss is worth remembering too). */
  async getOrLoad(key: K, load: () => Promise<V>): Promise<V> {
    const cached = this.fresh(key);
    if (cached) {
      // Due for a refresh: answer now, read again behind the turn (a failed read keeps the entry until it expires).
      if (cached.refreshAt <= this.now() && !this.loading.has(key)) this.load(key, load).catch(() => undefined);
      return cached.value;
    }
    return this.loading.get(key) ?? this.load(key, load);
  }

  private load(key: K, load: () => Promise<V>): Promise<V> {
    const loaded = load().then(
      (value) => {
        if (this.loading.get(key) === loaded) {
          this.loading.delete(key);
          this.set(key, value);
        }
        return value;
      },
      (error: unknown) => {
        if (this.loading.get(key) === loaded) this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, loaded);
    return loaded;
  }

  private fresh(key: K): Entry<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Touch: recently used entries are evicted last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }
}
