import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { benchKnowledge } from '../src/knowledge/bench.js';
import { createLogger } from '../src/logging/logger.js';
import { freePort, startFerretDb } from './lib/ferretdb.js';

/**
 * `npm run bench`: speed and memory figures as one JSON object on stdout. Targets live here,
 * not in timed tests, so a slow CI machine cannot make the test suite flaky.
 */
const TARGETS = {
  knowledge: 'retrieval p95 <= 5 ms at 10,000 passages, index build <= 10 s, RSS <= 200 MB',
  turn: 'message turn p95 <= 150 ms through the HTTP endpoint on FerretDB',
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function benchTurns(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'integriteit-bench-'));
  const ferret = await startFerretDb({ port: await freePort(), dataDir, detached: false });
  const config = loadConfig({ PORT: '0', MONGODB_URI: ferret.uri, MONGODB_DB: 'bench', DEFAULT_ORG: 'velsen', LOG_LEVEL: 'silent' });
  const app = await startApp({ config, logger: createLogger('silent'), seedDemoData: true, host: '127.0.0.1' });
  const endpoint = `${app.http.url}/api/messages`;
  const send = async (text: string) => {
    const started = performance.now();
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: randomUUID(),
        text,
        channelId: 'msteams',
        deliveryMode: 'expectReplies',
        serviceUrl: 'http://127.0.0.1:9/',
        locale: 'nl-NL',
        from: { id: '29:bench', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
        recipient: { id: '28:bot' },
        conversation: { id: 'bench-conversation', conversationType: 'personal' },
      }),
    });
    await response.arrayBuffer();
    return performance.now() - started;
  };
  const measure = async (text: string, rounds: number) => {
    for (let i = 0; i < 5; i += 1) await send(text);
    const times: number[] = [];
    for (let i = 0; i < rounds; i += 1) times.push(await send(text));
    return times.sort((a, b) => a - b);
  };
  try {
    const help = await measure('help', 100);
    const question = await measure('Mag ik een cadeaubon van 25 euro van een inwoner houden?', 100);
    return {
      helpTurnP50Ms: round(percentile(help, 50)),
      helpTurnP95Ms: round(percentile(help, 95)),
      questionTurnP50Ms: round(percentile(question, 50)),
      questionTurnP95Ms: round(percentile(question, 95)),
      botRssMb: round(process.memoryUsage().rss / 1024 / 1024),
    };
  } finally {
    await app.stop();
    await ferret.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const knowledge = await benchKnowledge();
const turns = await benchTurns();
process.stdout.write(`${JSON.stringify({ targets: TARGETS, knowledge, turns }, null, 2)}\n`);
