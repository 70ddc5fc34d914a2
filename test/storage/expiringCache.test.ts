import { describe, expect, it } from 'vitest';
import { ExpiringCache } from '../../src/storage/expiringCache.js';

function clockedCache(maxEntries = 3, ttlMs = 1000) {
  const clock = { now: 0 };
  return { clock, cache: new ExpiringCache<string, string | undefined>({ maxEntries, ttlMs, now: () => clock.now }) };
}

describe('the bounded, expiring cache for repeated reads', () => {
  it('keeps at most maxEntries, dropping the least recently used first', () => {
    const { cache } = clockedCache(3);
    for (const key of ['a', 'b', 'c']) cache.set(key, key.toUpperCase());
    expect(cache.get('a')).toBe('A'); // a is now the most recently used
    cache.set('d', 'D');
    expect(cache.size).toBe(3);
    expect(cache.has('b')).toBe(false);
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual(['A', 'C', 'D']);
    for (let i = 0; i < 10_000; i += 1) cache.set(`k${i}`, 'x');
    expect(cache.size).toBe(3);
  });

  it('reads again once an entry is older than its expiry', async () => {
    const { clock, cache } = clockedCache(3, 1000);
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.getOrLoad('a', load)).toBe('v1');
    clock.now = 999;
    expect(await cache.getOrLoad('a', load)).toBe('v1');
    clock.now = 1000;
    expect(await cache.getOrLoad('a', load)).toBe('v2');
    expect(loads).toBe(2);
  });

  it('answers from an entry due for a refresh while reading it again behind the caller, and waits only once it expired', async () => {
    const clock = { now: 0 };
    const cache = new ExpiringCache<string, string>({ maxEntries: 10, ttlMs: 1000, refreshAfterMs: 500, now: () => clock.now });
    let loads = 0;
    let release: (() => void) | undefined;
    const load = () =>
      new Promise<string>((resolve) => {
        loads += 1;
        const value = `v${loads}`;
        release = () => resolve(value);
      });
    const first = cache.getOrLoad('k', load);
    release!();
    expect(await first).toBe('v1');

    clock.now = 600; // due for a refresh: the old value at once, one read in the background
    expect(await cache.getOrLoad('k', load)).toBe('v1');
    expect(await cache.getOrLoad('k', load)).toBe('v1');
    expect(loads).toBe(2);
    release!();
    await Promise.resolve();
    await Promise.resolve();
    expect(await cache.getOrLoad('k', load)).toBe('v2');

    clock.now = 600 + 1000; // expired: this read waits
    const waited = cache.getOrLoad('k', load);
    release!();
    expect(await waited).toBe('v3');
  });

  it('spreads the expiry of entries stored together', () => {
    const clock = { now: 0 };
    const cache = new ExpiringCache<number, number>({ maxEntries: 1000, ttlMs: 1000, jitter: 0.5, now: () => clock.now });
    for (let i = 0; i < 1000; i += 1) cache.set(i, i);
    clock.now = 1250; // halfway through the spread
    const left = Array.from({ length: 1000 }, (_, i) => i).filter((i) => cache.has(i)).length;
    expect(left).toBeGreaterThan(100);
    expect(left).toBeLessThan(1000);
    clock.now = 1500;
    expect(Array.from({ length: 1000 }, (_, i) => i).some((i) => cache.has(i))).toBe(false);
  });

  it('remembers a miss (undefined) as well as a hit', async () => {
    const { cache } = clockedCache();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return undefined;
    };
    await cache.getOrLoad('unknown', load);
    await cache.getOrLoad('unknown', load);
    expect(loads).toBe(1);
    expect(cache.has('unknown')).toBe(true);
  });

  it('lets concurrent misses of one key share one load', async () => {
    const { cache } = clockedCache();
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = async () => {
      loads += 1;
      await gate;
      return 'value';
    };
    const waiting = Array.from({ length: 50 }, () => cache.getOrLoad('k', load));
    release();
    expect(await Promise.all(waiting)).toEqual(Array(50).fill('value'));
    expect(loads).toBe(1);
  });

  it('does not store a load that failed, nor one that finished after the key was deleted', async () => {
    const { cache } = clockedCache();
    await expect(cache.getOrLoad('k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(cache.has('k')).toBe(false);

    let release!: (value: string) => void;
    const slow = cache.getOrLoad('k', () => new Promise<string>((resolve) => (release = resolve)));
    cache.delete('k'); // e.g. the value changed while it was being read
    release('stale');
    expect(await slow).toBe('stale');
    expect(cache.has('k')).toBe(false);
  });

  it('refuses settings that would make it unbounded', () => {
    expect(() => new ExpiringCache({ maxEntries: 0, ttlMs: 1000 })).toThrow();
    expect(() => new ExpiringCache({ maxEntries: Number.NaN, ttlMs: 1000 })).toThrow();
    expect(() => new ExpiringCache({ maxEntries: 10, ttlMs: 1000, refreshAfterMs: 2000 })).toThrow();
  });
});
