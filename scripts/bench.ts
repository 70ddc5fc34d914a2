import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allCollections } from '../src/app.js';
import { giftVerbs } from '../src/gifts/cards.js';
import { benchKnowledge } from '../src/knowledge/bench.js';
import { connectDatabase, ensureCollections } from '../src/storage/database.js';
import { ConnectorServer } from '../test/support/connector.js';
import { cardActionActivity, DUTCH_QUESTION, giftForm, GIFT_REFERENCE, messageActivity, type BenchUser } from './lib/bench/activities.js';
import { runLoad, type LoadResult } from './lib/bench/load.js';
import { importBenchPeople, BENCH_ORG, type BenchPeople } from './lib/bench/people.js';
import { giftBurst } from './lib/bench/burst.js';
import { compileProject, startBotProcess, startTarget, type BotProcess, type RunningTarget } from './lib/bench/processes.js';
import { measureRoundTrips, type RoundTripReport } from './lib/bench/roundTrips.js';
import { freePort, projectRoot, startFerretDb } from './lib/ferretdb.js';

/**
 * `npm run bench`: speed, round trips and memory as one JSON object on stdout, also written to
 * `.data/bench/latest.json` (machine-local, git-ignored; the README carries the published figures).
 * Targets live here, not in timed tests, so a slow CI machine cannot make the test suite flaky.
 *
 * Every throughput figure is measured next to teams-ai's echo bot and a bare restify route in the
 * same run, so the ratios mean something even on a busy machine; round trips are counted, not
 * timed. All load goes to loopback servers started here, bounded in connections and seconds.
 *
 *   npm run bench                       the full run, two bot processes included (about 17 minutes with the 10-minute soak)
 *   npm run bench -- --quick            short cases and a 1-minute soak, for a first look (about 4 minutes)
 *   npm run bench -- --instances 3      the bot as three processes on one database (1 skips the burst check)
 *   npm run bench -- --tsx              the servers run from the sources through tsx instead of compiled by tsc
 *   npm run bench -- --only roundTrips,throughput   selected sections
 *   npm run bench -- --cpu-prof         V8 CPU profiles of the bot process under load (.data/bench/profiles)
 */
const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    'memory-seconds': { type: 'string' },
    'soak-minutes': { type: 'string' },
    // Two by default: the several-instance burst is part of every full run; `--instances 1` skips it.
    instances: { type: 'string', default: '2' },
    only: { type: 'string' },
    out: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    tsx: { type: 'boolean', default: false },
    people: { type: 'string', default: '500' },
    connections: { type: 'string', default: '1,10,50' },
  },
});

const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Math.max(0, Number(value)));
const settings = {
  caseSeconds: number(flags.duration, flags.quick ? 3 : 10),
  warmUpSeconds: flags.quick ? 1 : 3,
  memorySeconds: number(flags['memory-seconds'], flags.quick ? 15 : 60),
  soakMinutes: number(flags['soak-minutes'], flags.quick ? 1 : 10),
  soakSampleSeconds: flags.quick ? 5 : 15,
  instances: Math.max(1, Math.min(4, Math.floor(number(flags.instances, 2)))),
  connections: (flags.connections ?? '1,10,50').split(',').map((value) => Math.max(1, Math.min(200, Math.floor(Number(value))))).filter(Number.isFinite),
  people: Math.max(10, Math.floor(number(flags.people, 500))),
  /** Servers run compiled by tsc, as in production (tsx alone costs the bot about 50 MB of RSS); `--tsx` runs the sources. */
  compiled: !flags.tsx,
};
/** People who talked to the bot within the last minute, as the throughput cases see them. */
const ACTIVE_PEOPLE = 200;
const SECTIONS = ['knowledge', 'roundTrips', 'throughput', 'gift', 'memory', 'soak', 'instances'] as const;
type Section = (typeof SECTIONS)[number];
const only = new Set((flags.only ?? SECTIONS.join(',')).split(',').map((name) => name.trim()) as Section[]);
const runs = (section: Section) => only.has(section) && (section !== 'instances' || settings.instances > 1);

export const GOALS = {
  knowledgeAnswer: 'at 50 connections: throughput >= 25 % of the teams-ai echo bot in the same run, p95 <= 100 ms, no errors',
  giftSubmission: 'at most 8 database round trips; p95 <= 150 ms at 10 connections; no errors',
  memory: 'RSS <= 250 MB after 60 s at 50 connections; no growth over a 10-minute soak (RSS slope <= 1 MB/min after the first minute)',
  retrieval: 'p95 <= 5 ms at 10,000 passages',
};

const outFile = flags.out ?? path.join(projectRoot, '.data', 'bench', 'latest.json');
const profileDir = path.join(projectRoot, '.data', 'bench', 'profiles');
let compiledDir: string | undefined;
const report: Record<string, unknown> = {
  machine: machine(),
  settings: { ...settings, sections: [...only] },
  goals: GOALS,
};
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const dbName = 'bench';
let ferret: Awaited<ReturnType<typeof startFerretDb>>;
let connector: ConnectorServer;

// ---------------------------------------------------------------------------------------------

/**
 * Who sends what: requests rotate over synthetic employees, each in their own personal chat. The
 * throughput cases use the people who have talked to the bot in the last minute (`active`): the
 * steady state of a busy bot; memory and soak rotate over everyone, more than the caches hold.
 */
class Traffic {
  private next = 0;
  constructor(
    readonly employees: readonly (BenchUser & { manager: string })[],
    readonly serviceUrl: string,
  ) {}

  active(count: number): Traffic {
    return new Traffic(this.employees.slice(0, count), this.serviceUrl);
  }

  user(): BenchUser & { manager: string } {
    const user = this.employees[this.next % this.employees.length]!;
    this.next += 1;
    return user;
  }

  /** One question from each person, ten at a time: they have all talked to the bot before the measuring starts. */
  async greetEveryone(url: string): Promise<void> {
    const queue = [...this.employees];
    const worker = async () => {
      for (let user = queue.shift(); user; user = queue.shift()) {
        const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageActivity(user, this.serviceUrl, DUTCH_QUESTION)) });
        await response.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 10 }, worker));
  }

  question = () => JSON.stringify(messageActivity(this.user(), this.serviceUrl, DUTCH_QUESTION));
  echo = () => JSON.stringify(messageActivity(this.user(), this.serviceUrl, DUTCH_QUESTION));
  gift = () => JSON.stringify(cardActionActivity(this.user(), this.serviceUrl, giftVerbs.submit, giftForm(new Date())));
  /** The soak's mix: mostly questions, some help, one in ten a gift notification. */
  mixed = () => {
    const turn = this.next % 10;
    if (turn === 9) return this.gift();
    if (turn === 4) return JSON.stringify(messageActivity(this.user(), this.serviceUrl, 'help'));
    return this.question();
  };
}

const isAnswer = (body: string) => body.includes('https://schema.org/Message');
const isEcho = (body: string) => body.includes('Echo:');
const isRecorded = (body: string) => GIFT_REFERENCE.test(body);
const isMixed = (body: string) => isAnswer(body) || isRecorded(body) || body.includes('AdaptiveCard');

async function throughput(botEnv: Record<string, string>, traffic: Traffic) {
  const rows: Record<string, unknown>[] = [];
  const targets: Record<string, { target: RunningTarget; body: () => string; verify?: (body: string) => boolean }> = {};
  try {
    progress('starting restify route, teams-ai echo bot and this bot');
    targets.restify = { target: await startTarget('restify', { compiledDir }), body: traffic.echo };
    targets.echoBot = { target: await startTarget('echo', { compiledDir }), body: traffic.echo, verify: isEcho };
    targets.bot = {
      target: await startTarget('bot', { env: botEnv, compiledDir, ...(flags['cpu-prof'] ? { cpuProfileDir: profileDir } : {}) }),
      body: traffic.question,
      verify: isAnswer,
    };
    await traffic.greetEveryone(targets.bot.target.url);
    for (const [name, { target, body }] of Object.entries(targets)) {
      progress(`warming up ${name}`);
      await runLoad({ urls: [target.url], connections: 10, durationS: settings.warmUpSeconds, body });
    }
    for (const connections of settings.connections) {
      const row: Record<string, unknown> = { connections };
      for (const [name, { target, body, verify }] of Object.entries(targets)) {
        progress(`${name} at ${connections} connections for ${settings.caseSeconds} s`);
        row[name] = await measured(target, { urls: [target.url], connections, durationS: settings.caseSeconds, body, ...(verify ? { verify } : {}) });
      }
      const rps = (name: string) => (row[name] as Measured).requestsPerSec;
      const cpu = (name: string) => (row[name] as Measured).cpuMsPerRequest;
      row.ratios = {
        botToEchoBot: ratio(rps('bot'), rps('echoBot')),
        echoBotToRestify: ratio(rps('echoBot'), rps('restify')),
        botToRestify: ratio(rps('bot'), rps('restify')),
        // What the throughput ratio would be if each process had a core of its own: CPU per request, echo bot over bot.
        cpuEchoBotToBot: ratio(cpu('echoBot'), cpu('bot')),
      };
      rows.push(row);
    }
  } finally {
    for (const { target } of Object.values(targets)) await target.stop();
  }
  return rows;
}

async function giftSubmissions(botEnv: Record<string, string>, traffic: Traffic) {
  const bot = await startTarget('bot', { env: botEnv, compiledDir, ...(flags['cpu-prof'] ? { cpuProfileDir: profileDir } : {}) });
  try {
    progress(`gift submissions at 10 connections for ${settings.caseSeconds} s`);
    await traffic.greetEveryone(bot.url);
    await runLoad({ urls: [bot.url], connections: 2, durationS: settings.warmUpSeconds, body: traffic.gift, verify: isRecorded });
    const result = await measured(bot, { urls: [bot.url], connections: 10, durationS: settings.caseSeconds, body: traffic.gift, verify: isRecorded });
    const roundTrips = (report.roundTrips as RoundTripReport | undefined)?.giftSubmit.roundTrips;
    return { ...result, roundTripsPerSubmission: roundTrips ?? null };
  } finally {
    await bot.stop();
  }
}

async function memoryAndSoak(botEnv: Record<string, string>, traffic: Traffic) {
  const out: Record<string, unknown> = {};
  const bot = await startTarget('bot', { env: botEnv, compiledDir });
  try {
    if (runs('memory')) {
      progress(`memory: ${settings.memorySeconds} s at 50 connections (questions, help, gift notifications)`);
      const before = await bot.memory(true);
      const load = await runLoad({ urls: [bot.url], connections: 50, durationS: settings.memorySeconds, body: traffic.mixed, verify: isMixed });
      const after = await bot.memory(false);
      const afterGc = await bot.memory(true);
      out.memory = { seconds: settings.memorySeconds, connections: 50, rssMbBefore: before.rssMb, rssMbAfter: after.rssMb, heapUsedMbAfterGc: afterGc.heapUsedMb, rssMbAfterGc: afterGc.rssMb, load: summary(load) };
    }
    if (runs('soak') && settings.soakMinutes > 0) {
      progress(`soak: ${settings.soakMinutes} min at 50 connections, RSS every ${settings.soakSampleSeconds} s`);
      const samples: { atS: number; rssMb: number; heapUsedMbAfterGc: number }[] = [];
      const started = Date.now();
      const endAt = started + settings.soakMinutes * 60_000;
      let requests = 0;
      let errors = 0;
      const errorKinds = { non2xx: 0, mismatches: 0, socket: 0, timeouts: 0 };
      while (Date.now() < endAt) {
        const seconds = Math.min(settings.soakSampleSeconds, Math.ceil((endAt - Date.now()) / 1000));
        if (seconds <= 0) break;
        const load = await runLoad({ urls: [bot.url], connections: 50, durationS: seconds, body: traffic.mixed, verify: isMixed });
        requests += load.requests;
        errors += load.errors;
        for (const kind of Object.keys(errorKinds) as (keyof typeof errorKinds)[]) errorKinds[kind] += load.errorKinds[kind];
        const rss = await bot.memory(false);
        const live = await bot.memory(true);
        samples.push({ atS: Math.round((Date.now() - started) / 1000), rssMb: rss.rssMb, heapUsedMbAfterGc: live.heapUsedMb });
        connector.calls.length = 0;
      }
      // The first minute is warm-up (JIT, caches filling, pools growing): growth is judged after it.
      const settled = samples.filter((sample) => sample.atS >= 60);
      const judged = settled.length >= 3 ? settled : samples;
      out.soak = {
        minutes: settings.soakMinutes,
        connections: 50,
        requests,
        errors,
        errorKinds,
        rssSlopeMbPerMin: round(slopePerMinute(judged.map((s) => [s.atS, s.rssMb]))),
        heapSlopeMbPerMin: round(slopePerMinute(judged.map((s) => [s.atS, s.heapUsedMbAfterGc]))),
        rssMbFirst: samples[0]?.rssMb ?? null,
        rssMbMax: Math.max(...samples.map((s) => s.rssMb)),
        rssMbLast: samples.at(-1)?.rssMb ?? null,
        samples,
      };
    }
  } finally {
    await bot.stop();
  }
  return out;
}

/**
 * Several bot processes on one database: first the burst check of the two-instance test on a
 * database of its own (one record per form, one winner per decision, every card and notice
 * once), then questions and gift notifications spread over the processes.
 */
async function instances(botEnv: Record<string, string>, traffic: Traffic) {
  const bots: BotProcess[] = [];
  const burstDb = `${dbName}_burst`;
  const look = await connectDatabase({ uri: ferret.uri, dbName: burstDb });
  try {
    progress(`${settings.instances} bot processes on one database: burst of submissions, double clicks and decisions`);
    await ensureCollections(look.db, allCollections);
    const burstPeople = await importBenchPeople(look.db, 60);
    const burstEnv = { ...botEnv, MONGODB_DB: burstDb, SEED_DEMO_DATA: 'false' };
    bots.push(...(await Promise.all(Array.from({ length: settings.instances }, () => startBotProcess(burstEnv, compiledDir)))));
    connector.calls.length = 0;
    const burst = await giftBurst({ urls: bots.map((bot) => bot.url), connector, db: look.db, people: burstPeople, submissions: 30, doubleClicks: 15, decisions: 15 });
    await Promise.all(bots.splice(0).map((bot) => bot.stop()));

    progress(`${settings.instances} bot processes: questions at 50 and gift notifications at 10 connections`);
    bots.push(...(await Promise.all(Array.from({ length: settings.instances }, () => startBotProcess(botEnv, compiledDir)))));
    const urls = bots.map((bot) => bot.url);
    for (const url of urls) await traffic.greetEveryone(url);
    await runLoad({ urls, connections: 10, durationS: settings.warmUpSeconds, body: traffic.question, verify: isAnswer });
    const questions = await runLoad({ urls, connections: 50, durationS: settings.caseSeconds, body: traffic.question, verify: isAnswer });
    const gifts = await runLoad({ urls, connections: 10, durationS: settings.caseSeconds, body: traffic.gift, verify: isRecorded });
    const problems = bots.map((bot) => bot.problems());
    return { processes: settings.instances, burst, knowledgeAnswerAt50: summary(questions), giftSubmissionAt10: summary(gifts), loggedProblemsPerProcess: problems };
  } finally {
    await Promise.all(bots.map((bot) => bot.stop()));
    await look.close();
  }
}

// ---------------------------------------------------------------------------------------------

function verdict(figures: Record<string, unknown>) {
  const out: Record<string, { met: boolean; detail: string }> = {};
  const throughputRows = figures.throughput as { connections: number; bot: Summary; ratios: { botToEchoBot: number } }[] | undefined;
  const at50 = throughputRows?.find((row) => row.connections === 50);
  if (at50) {
    const met = at50.ratios.botToEchoBot >= 0.25 && at50.bot.latencyMs.p95 <= 100 && at50.bot.errors === 0;
    out.knowledgeAnswer = { met, detail: `${pct(at50.ratios.botToEchoBot)} of the echo bot (goal 25 %), p95 ${at50.bot.latencyMs.p95} ms (goal 100), ${at50.bot.errors} errors` };
  }
  const gift = figures.giftSubmission as (Summary & { roundTripsPerSubmission: number | null }) | undefined;
  if (gift) {
    const trips = gift.roundTripsPerSubmission;
    const met = (trips === null || trips <= 8) && gift.latencyMs.p95 <= 150 && gift.errors === 0;
    out.giftSubmission = { met, detail: `${trips ?? '?'} round trips (goal 8), p95 ${gift.latencyMs.p95} ms (goal 150), ${gift.errors} errors` };
  }
  const memory = figures.memory as { rssMbAfter: number } | undefined;
  if (memory) out.memory = { met: memory.rssMbAfter <= 250, detail: `RSS ${memory.rssMbAfter} MB after ${settings.memorySeconds} s (goal 250)` };
  const soak = figures.soak as { rssSlopeMbPerMin: number; minutes: number; errors: number } | undefined;
  if (soak) out.soak = { met: soak.rssSlopeMbPerMin <= 1 && soak.errors === 0, detail: `RSS slope ${soak.rssSlopeMbPerMin} MB/min over ${soak.minutes} min (goal <= 1), ${soak.errors} errors` };
  const several = figures.instances as { burst: { records: number; forms: number; doubleClickMismatches: number; decisionsWithoutOneWinner: number; managerCardsNotOnce: number; ownerNoticesNotOnce: number; failedAnswers: number } } | undefined;
  if (several) {
    const b = several.burst;
    const met = b.records === b.forms && b.doubleClickMismatches + b.decisionsWithoutOneWinner + b.managerCardsNotOnce + b.ownerNoticesNotOnce + b.failedAnswers === 0;
    out.instances = { met, detail: `${b.records} records for ${b.forms} forms, ${b.decisionsWithoutOneWinner} races without one winner, ${b.managerCardsNotOnce + b.ownerNoticesNotOnce} messages not sent exactly once` };
  }
  const knowledge = figures.knowledge as { syntheticRetrieveP95Ms?: number } | undefined;
  if (knowledge?.syntheticRetrieveP95Ms !== undefined) out.retrieval = { met: knowledge.syntheticRetrieveP95Ms <= 5, detail: `p95 ${knowledge.syntheticRetrieveP95Ms} ms at 10,000 passages (goal 5)` };
  return out;
}

type Summary = Omit<LoadResult, 'connections'>;
type Measured = Summary & { cpuMsPerRequest: number };

/** A load run with the CPU time the target spent per request (process.cpuUsage before and after). */
async function measured(target: RunningTarget, options: Parameters<typeof runLoad>[0]): Promise<Measured> {
  const before = await target.memory(false);
  const result = await runLoad(options);
  const after = await target.memory(false);
  return { ...summary(result), cpuMsPerRequest: result.requests === 0 ? 0 : round((after.cpuMs - before.cpuMs) / result.requests) };
}

function summary(result: LoadResult): Summary {
  const { connections: _connections, ...rest } = result;
  return rest;
}

/** The bench people are imported into the round-trip database too (it is a database of its own). */
async function peopleIn(name: string): Promise<BenchPeople> {
  const database = await connectDatabase({ uri: ferret.uri, dbName: name });
  try {
    await ensureCollections(database.db, allCollections);
    return await importBenchPeople(database.db, 100);
  } finally {
    await database.close();
  }
}

/** Least-squares slope of (seconds, MB) points, in MB per minute. */
function slopePerMinute(points: [number, number][]): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return variance === 0 ? 0 : (covariance / variance) * 60;
}

function machine() {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model ?? 'unknown',
    cores: cores.length,
    memoryGb: round(totalmem() / 1024 ** 3),
    node: process.version,
    loadAverageAtStart: loadavg().map(round),
    startedAt: new Date().toISOString(),
    runId: randomUUID(),
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : Math.round((a / b) * 1000) / 1000;
}

function pct(value: number): string {
  return `${Math.round(value * 1000) / 10} %`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'integriteit-bench-'));
  if (settings.compiled) {
    progress('compiling the project with tsc (as production runs it)');
    compiledDir = compileProject(path.join(projectRoot, '.data', 'bench', 'dist'));
  }
  ferret = await startFerretDb({ port: await freePort(), dataDir, detached: false });
  connector = await new ConnectorServer().start();
  try {
    if (runs('knowledge')) {
      progress('retrieval (knowledge base in a process of its own)');
      report.knowledge = await benchKnowledge();
    }

    const database = await connectDatabase({ uri: ferret.uri, dbName });
    await ensureCollections(database.db, allCollections);
    const people = await importBenchPeople(database.db, settings.people);
    await database.close();

    if (runs('roundTrips')) {
      progress('round trips per turn type (driver command monitoring)');
      report.roundTrips = await measureRoundTrips({ mongoUri: ferret.uri, dbName: `${dbName}_rt`, people: await peopleIn(`${dbName}_rt`) });
    }

    const botEnv = { MONGODB_URI: ferret.uri, MONGODB_DB: dbName, DEFAULT_ORG: BENCH_ORG, SEED_DEMO_DATA: 'true', LOG_LEVEL: 'info' };
    const traffic = new Traffic(people.employees, connector.url);

    if (runs('throughput')) report.throughput = await throughput(botEnv, traffic.active(ACTIVE_PEOPLE));
    if (runs('gift')) report.giftSubmission = await giftSubmissions(botEnv, traffic.active(ACTIVE_PEOPLE));
    if (runs('memory') || runs('soak')) Object.assign(report, await memoryAndSoak(botEnv, traffic));
    if (runs('instances')) report.instances = await instances(botEnv, traffic.active(ACTIVE_PEOPLE));
    report.verdict = verdict(report);
  } finally {
    await connector.stop();
    await ferret.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  (report.machine as Record<string, unknown>).loadAverageAtEnd = loadavg().map(round);

  const json = `${JSON.stringify(report, null, 2)}\n`;
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, json);
  process.stdout.write(json);
  progress(`written to ${path.relative(process.cwd(), outFile)}`);
}

await main();
