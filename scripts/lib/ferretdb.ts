import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';

/**
 * Starts FerretDB v1.24.2 (SQLite handler) as the local and test MongoDB-compatible server.
 * Shared by `npm run db:start` and the test suite's global setup so both run the database
 * the same way: loopback only, telemetry off, debug listener off, data in a given folder.
 */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function ensureFerretDbBinary(): string {
  const output = execFileSync('bash', [path.join(projectRoot, 'scripts', 'ferretdb-build.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const binary = output.trim().split('\n').pop();
  if (!binary) throw new Error('FerretDB build script printed no binary path');
  return binary;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface StartOptions {
  port: number;
  dataDir: string;
  /** Detached servers outlive this process (db:start); attached ones die with the test run. */
  detached: boolean;
  logFile?: string;
}

export interface RunningFerretDb {
  uri: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startFerretDb(options: StartOptions): Promise<RunningFerretDb> {
  const binary = ensureFerretDbBinary();
  mkdirSync(options.dataDir, { recursive: true });
  const out = options.logFile ? openSync(options.logFile, 'a') : 'ignore';
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      // SQLite's own advice for WAL mode: a commit no longer waits for fsync, only a checkpoint
      // does. Crashes of FerretDB or the bot lose nothing; a power cut may lose the last commits
      // (never consistency). Every write holds SQLite's single write lock, so with FULL each
      // commit's fsync also held back every other writer (a third of the throughput on this disk).
      `--sqlite-url=file:${options.dataDir.replace(/\/?$/, '/')}?_pragma=synchronous(normal)`,
      `--listen-addr=127.0.0.1:${options.port}`,
      `--state-dir=${options.dataDir}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    { detached: options.detached, stdio: ['ignore', out, out], env: { ...process.env, DO_NOT_TRACK: '1' } },
  );
  if (options.detached) child.unref();
  const uri = `mongodb://127.0.0.1:${options.port}`;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  await waitForPing(uri, 30_000, () => exited);
  return {
    uri,
    process: child,
    async stop() {
      if (exited) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await done;
      clearTimeout(timer);
    },
  };
}

export async function waitForPing(uri: string, timeoutMs: number, gaveUp: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error('FerretDB exited before it answered a ping');
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.close().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`FerretDB did not answer a ping at ${uri} within ${timeoutMs} ms: ${String(lastError)}`);
}
