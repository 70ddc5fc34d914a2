import autocannon from 'autocannon';

export interface LoadOptions {
  /** Loopback URLs only; several spread the connections over them (several instances). */
  urls: string[];
  connections: number;
  durationS: number;
  /** A fresh body per request (fresh activity ids, rotating users). */
  body: () => string;
  /** False counts the response as an error even with status 200 (e.g. an apology instead of an answer). */
  verify?: (body: string) => boolean;
}

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  requestsPerSec: number;
  latencyMs: { p50: number; p95: number; p97_5: number; p99: number; max: number };
  /** Everything that was not a verified 2xx answer: non-2xx, wrong bodies, socket errors, timeouts. */
  errors: number;
  errorKinds: { non2xx: number; mismatches: number; socket: number; timeouts: number };
}

const LOOPBACK = /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\]):\d+(\/|$)/;

/**
 * A bounded load on a loopback server with autocannon: `connections` keep-alive connections for
 * `durationS` seconds, each sending its next request when the previous one is answered. Latency
 * percentiles are taken from every response's own time (autocannon's histogram has no p95).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  for (const url of options.urls) if (!LOOPBACK.test(url)) throw new Error(`the bench only loads loopback addresses, not ${url}`);
  const latencies: number[] = [];
  const settings: autocannon.Options = {
    // autocannon spreads the connections over several URLs; its types only know one.
    url: options.urls.map((url) => `${url}/api/messages`) as unknown as string,
    connections: options.connections,
    duration: options.durationS,
    timeout: 10,
    headers: { 'content-type': 'application/json' },
    requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: options.body() }) }],
    ...(options.verify ? { verifyBody: (body: string | Buffer | undefined) => options.verify!(String(body ?? '')) } : {}),
  };
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(settings, (error, result) => (error ? reject(error) : resolve(result)));
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await finished;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => round(latencies.length === 0 ? 0 : latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))]!);
  const kinds = { non2xx: result.non2xx, mismatches: result.mismatches ?? 0, socket: result.errors - result.timeouts, timeouts: result.timeouts };
  return {
    connections: options.connections,
    durationS: options.durationS,
    requests: result.requests.total,
    requestsPerSec: round(result.requests.total / result.duration),
    latencyMs: { p50: at(50), p95: at(95), p97_5: at(97.5), p99: at(99), max: at(100) },
    errors: kinds.non2xx + kinds.mismatches + kinds.socket + kinds.timeouts,
    errorKinds: kinds,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
