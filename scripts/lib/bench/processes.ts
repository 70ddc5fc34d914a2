import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../ferretdb.js';
import type { MemoryFigures, TargetKind } from './target.js';

export interface RunningTarget {
  kind: TargetKind;
  url: string;
  pid: number;
  /** Memory of the target process; `gc` forces a collection first (heap figures then mean live data). */
  memory(gc?: boolean): Promise<MemoryFigures>;
  stop(): Promise<void>;
}

export interface TargetOptions {
  env?: Record<string, string>;
  /** The project compiled by tsc (as production runs it); without it the sources run through tsx. */
  compiledDir?: string;
  /** Writes a V8 CPU profile of the target into this folder when it stops (`--cpu-prof`). */
  cpuProfileDir?: string;
}

/** Starts a load target (scripts/lib/bench/target.ts) in a child process and waits until it listens. */
export async function startTarget(kind: TargetKind, options: TargetOptions = {}): Promise<RunningTarget> {
  const entry = options.compiledDir ? path.join(options.compiledDir, 'scripts', 'lib', 'bench', 'target.js') : path.join(projectRoot, 'scripts', 'lib', 'bench', 'target.ts');
  const child = fork(entry, [kind], {
    cwd: projectRoot,
    execArgv: [...(options.compiledDir ? [] : ['--import', 'tsx']), '--expose-gc', ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [])],
    env: { ...process.env, NODE_OPTIONS: '', ...options.env },
    // The bot logs as in production (stdout, info): discarded here, but written all the same.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench target ${kind} did not start within 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`bench target ${kind} exited with ${code} before it listened`)));
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message?.type === 'ready' && message.url) {
        clearTimeout(timer);
        resolve(message.url);
      }
    });
  });
  return {
    kind,
    url,
    pid: child.pid!,
    memory: (gc = false) => ask(child, gc),
    stop: () => stopChild(child),
  };
}

function ask(child: ChildProcess, gc: boolean): Promise<MemoryFigures> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench target did not report its memory')), 10_000);
    const listener = (message: { type?: string; figures?: MemoryFigures }) => {
      if (message?.type !== 'memory' || !message.figures) return;
      clearTimeout(timer);
      child.off('message', listener);
      resolve(message.figures);
    };
    child.on('message', listener);
    child.send({ type: 'memory', gc });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ type: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

export interface BotProcess {
  url: string;
  pid: number;
  /**
   * How often each warning and error was logged, by event, error class and code (`event errorClass code`):
   * a failed submission answers 200 with the form kept, so the log says why it failed. The log
   * holds no message text or personal data (src/logging), and only these fields are kept.
   */
  problems(): Record<string, number>;
  stop(): Promise<void>;
}

/**
 * The bot as `npm start` runs it (src/index.ts through tsx), or as production runs it (compiled
 * by tsc, `compiledDir`), in a child process of its own, on
 * the database the environment names; resolves once it listens (its `http.listening` log line).
 */
export async function startBotProcess(env: Record<string, string>, compiledDir?: string): Promise<BotProcess> {
  const entry = compiledDir ? [path.join(compiledDir, 'src', 'index.js')] : ['--import', 'tsx', 'src/index.ts'];
  const child = spawn(process.execPath, entry, {
    cwd: projectRoot,
    // At least info: the listening line is how the port is learnt; the log is read and dropped.
    env: { ...process.env, NODE_OPTIONS: '', PORT: '0', ...env, LOG_LEVEL: env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace' ? env.LOG_LEVEL : 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const problems: Record<string, number> = {};
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bot process did not listen within 60 s')), 60_000);
    const lines = createInterface({ input: child.stdout! });
    child.once('exit', (code) => reject(new Error(`bot process exited with ${code} before it listened`)));
    lines.on('line', (line) => {
      if (/"level":(?:40|50|60)/.test(line)) countProblem(problems, line);
      if (!line.includes('"http.listening"')) return;
      const parsed = JSON.parse(line) as { port?: number };
      if (typeof parsed.port === 'number') {
        clearTimeout(timer);
        resolve(parsed.port);
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    problems: () => ({ ...problems }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Compiles the project (tsc, as `npm run build` does) into `outDir`, for measuring what production
 * runs. Data files are read from the source tree (src/config/paths.ts), so only code is needed there.
 * tsc's messages go to stderr: stdout carries the bench's JSON alone.
 */
export function compileProject(outDir: string): string {
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(projectRoot, 'tsconfig.json'), '--outDir', outDir], { cwd: projectRoot, stdio: ['ignore', 2, 2] });
  return outDir;
}

/** Counts a warning or error line of the bot's JSON log under `event errorClass code`. */
function countProblem(problems: Record<string, number>, line: string): void {
  let entry: { event?: unknown; errorClass?: unknown; code?: unknown; err?: { errorClass?: unknown; code?: unknown } };
  try {
    entry = JSON.parse(line) as typeof entry;
  } catch {
    return;
  }
  const errorClass = entry.errorClass ?? entry.err?.errorClass;
  const code = entry.code ?? entry.err?.code;
  const key = [entry.event, errorClass, code].filter((part) => typeof part === 'string' || typeof part === 'number').join(' ') || 'unnamed';
  problems[key] = (problems[key] ?? 0) + 1;
}
