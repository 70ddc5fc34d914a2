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
  });
});
