import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadBuiltInDocuments } from './corpus.js';
import { evaluationSets } from './evalSets.js';
import { readEvalQuestions } from './evaluation.js';
import { PolicyKnowledgeBase, type LoadedDocument } from './kb.js';
import { NATIONAL, BACKGROUND } from './organisations.js';
import { detectLanguage, type Lang } from './text.js';

interface BenchQuestion {
  org: string;
  text: string;
  lang: Lang;
}

/** Used when the evaluation sets are not there (a deployed build). */
const QUESTIONS: BenchQuestion[] = [
  { org: 'velsen', text: 'Mag ik een cadeaubon van 25 euro van een inwoner houden?', lang: 'nl' },
  { org: 'velsen', text: 'Waar vind ik de namen van de vertrouwenspersonen?', lang: 'nl' },
  { org: 'heerde', text: 'Mag ik gemeentelijke spullen voor privé gebruiken?', lang: 'nl' },
  { org: 'heerde', text: 'Can I accept a dinner invitation from a contractor?', lang: 'en' },
  { org: 'heemskerk', text: 'Hoe vaak wordt het integriteitsbeleid geëvalueerd?', lang: 'nl' },
  { org: 'heemskerk', text: 'Wie is verantwoordelijk voor het werven van interne vertrouwenspersonen?', lang: 'nl' },
  { org: 'werksaam', text: 'Wie beslist over een verzoek om nevenwerkzaamheden?', lang: 'nl' },
  { org: 'werksaam', text: 'Do new staff members need a certificate of conduct?', lang: 'en' },
  { org: 'velsen', text: 'Wat staat er in artikel 8 van de Ambtenarenwet?', lang: 'nl' },
  { org: 'heerde', text: 'Wie wint de Champions League dit jaar?', lang: 'nl' },
];

const SYNTHETIC_PASSAGES = 10_000;
/** Untimed questions first, so the JIT and the caches are warm as in a running bot. */
const WARM_UP_QUESTIONS = 1_000;
const TIMED_QUESTIONS = 2_000;

/**
 * Retrieval speed and index build time over the built-in library and over a synthetic
 * library of about 10,000 passages (the built-in one copied for generated organisations),
 * plus memory. Targets: p95 <= 5 ms at 10,000 passages, build <= 10 s, RSS <= 200 MB.
 *
 * Runs in a child process of its own (with `--expose-gc`), so the memory figures are the
 * knowledge base's and not those of whatever else the caller loaded, and garbage from the
 * caller does not land in the timings. `rssMb` is that process's RSS after a forced garbage
 * collection with both libraries loaded; `hostRssMb` the caller's. `isolated: 0` means the
 * child could not be started and everything was measured in the calling process.
 */
export async function benchKnowledge(options: { isolated?: boolean } = {}): Promise<Record<string, number>> {
  if (options.isolated !== false) {
    try {
      const figures = await inChildProcess();
      return { ...figures, isolated: 1, hostRssMb: round(rssAfterGc()) };
    } catch {
      // Fall through: measure here.
    }
  }
  return { ...(await measureKnowledge()), isolated: 0 };
}

function inChildProcess(): Promise<Record<string, number>> {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const entry = fileURLToPath(new URL(`./benchProcess${extension}`, import.meta.url));
  if (!existsSync(entry)) return Promise.reject(new Error(`missing ${entry}`));
  return new Promise((resolve, reject) => {
    const child = fork(entry, [], {
      execArgv: [...process.execArgv.filter((arg) => arg !== '--expose-gc'), '--expose-gc'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let result: Record<string, number> | undefined;
    child.once('message', (message) => {
      result = message as Record<string, number>;
    });
    child.once('error', reject);
    child.once('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`knowledge bench exited with ${code}`))));
  });
}

/** The measurements themselves, in this process. */
export async function measureKnowledge(): Promise<Record<string, number>> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const builtIn = loadBuiltInDocuments();
  const questions = benchQuestions();

  let started = process.hrtime.bigint();
  const small = new PolicyKnowledgeBase(builtIn);
  const builtInBuildMs = since(started);
  gc?.();
  const builtInTimes = measure((question) => small.retrieve(question), questions, (question) => question.org);

  const synthetic = syntheticLibrary(builtIn, SYNTHETIC_PASSAGES, small.passageCount);
  started = process.hrtime.bigint();
  const large = new PolicyKnowledgeBase(synthetic.documents);
  const syntheticBuildMs = since(started);
  // A bot builds its library at start-up, long before the first question: the build's
  // garbage is gone by then. Collections the questions themselves cause are counted below.
  gc?.();
  const organisations = synthetic.organisations;
  const orgFor = (_question: BenchQuestion, turn: number) => organisations[(turn * 7) % organisations.length] as string;
  const collections = observeGc();
  const syntheticTimes = measure((question) => large.retrieve(question), questions, orgFor);
  const gcDuringRetrieval = await collections.stop();
  const answerTimes = measure((question) => large.answer(question), questions, orgFor);

  gc?.();
  const memory = process.memoryUsage();
  return {
    builtInPassages: small.passageCount,
    builtInBuildMs: round(builtInBuildMs),
    builtInRetrieveP50Ms: round(percentile(builtInTimes, 50)),
    builtInRetrieveP95Ms: round(percentile(builtInTimes, 95)),
    syntheticPassages: large.passageCount,
    syntheticBuildMs: round(syntheticBuildMs),
    syntheticRetrieveP50Ms: round(percentile(syntheticTimes, 50)),
    syntheticRetrieveP95Ms: round(percentile(syntheticTimes, 95)),
    rssMb: round(memory.rss / 1024 / 1024),
    builtInRetrieveP99Ms: round(percentile(builtInTimes, 99)),
    syntheticRetrieveP99Ms: round(percentile(syntheticTimes, 99)),
    syntheticRetrieveMaxMs: round(percentile(syntheticTimes, 100)),
    syntheticAnswerP50Ms: round(percentile(answerTimes, 50)),
    syntheticAnswerP95Ms: round(percentile(answerTimes, 95)),
    syntheticGcCount: gcDuringRetrieval.count,
    syntheticGcMaxMs: round(gcDuringRetrieval.maxMs),
    timedQuestions: syntheticTimes.length,
    distinctQuestions: questions.length,
    heapUsedMb: round(memory.heapUsed / 1024 / 1024),
    gcForced: gc ? 1 : 0,
  };
}

/** The evaluation questions (varied: in and out of scope, Dutch and English, injections), else a short list. */
function benchQuestions(): BenchQuestion[] {
  try {
    const questions = evaluationSets()
      .filter((set) => existsSync(set.file))
      .flatMap((set) => readEvalQuestions(set.file))
      .map((question) => ({ org: question.org, text: question.question, lang: question.lang ?? detectLanguage(question.question) }));
    if (questions.length >= QUESTIONS.length) return questions;
  } catch {
    // The short list below.
  }
  return QUESTIONS;
}

function measure(ask: (question: { orgId: string; text: string; lang: Lang }) => unknown, questions: BenchQuestion[], orgFor: (question: BenchQuestion, turn: number) => string): number[] {
  const turn = (index: number) => {
    const question = questions[(index * 13) % questions.length] as BenchQuestion;
    return { orgId: orgFor(question, index), text: question.text, lang: question.lang };
  };
  for (let i = 0; i < WARM_UP_QUESTIONS; i++) ask(turn(i));
  const times = new Array<number>(TIMED_QUESTIONS);
  for (let i = 0; i < TIMED_QUESTIONS; i++) {
    const question = turn(WARM_UP_QUESTIONS + i);
    const started = process.hrtime.bigint();
    ask(question);
    times[i] = since(started);
  }
  return times;
}

/** Garbage collections from now until stop(): how many and the longest pause. */
function observeGc(): { stop(): Promise<{ count: number; maxMs: number }> } {
  let count = 0;
  let maxMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      count++;
      maxMs = Math.max(maxMs, entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      // Entries are delivered asynchronously.
      await new Promise((resolve) => setTimeout(resolve, 20));
      observer.disconnect();
      return { count, maxMs };
    },
  };
}

/** Copies of every organisation's own documents for generated organisations; national and background texts once. */
function syntheticLibrary(builtIn: LoadedDocument[], target: number, builtInPassages: number): { documents: LoadedDocument[]; organisations: string[] } {
  const shared = builtIn.filter((doc) => doc.info.organisation === NATIONAL || doc.info.organisation === BACKGROUND);
  const own = builtIn.filter((doc) => !shared.includes(doc));
  const ownPassages = own.reduce((sum, doc) => sum + doc.blocks.length, 0) || 1;
  const copies = Math.max(1, Math.ceil((target - (builtInPassages - ownPassages)) / ownPassages));
  const documents: LoadedDocument[] = [...shared];
  const organisations: string[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const orgId = `org${String(copy + 1).padStart(3, '0')}`;
    organisations.push(orgId);
    // The copies share the (immutable) blocks: the index is built per copy all the same.
    for (const doc of own) documents.push({ info: { ...doc.info, id: `${doc.info.id}-${orgId}`, organisation: orgId }, blocks: doc.blocks });
  }
  return { documents, organisations };
}

function rssAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 1024 / 1024;
}

function since(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Nearest-rank percentile; p = 100 is the maximum. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
