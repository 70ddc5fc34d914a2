/**
 * One server under load, in a process of its own so the load generator never shares its event
 * loop: `tsx scripts/lib/bench/target.ts <restify|echo|bot>`. Started by scripts/bench.ts with an
 * IPC channel: it sends `{ ready, url }`, answers `{ type: 'memory' }` with its memory figures
 * (after a forced garbage collection when asked), and exits on `{ type: 'stop' }`.
 *
 * - restify: a bare route that reads the JSON body and answers 200 (the HTTP ceiling).
 * - echo: teams-ai's echo bot, the framework's own ceiling: a TeamsAdapter with the bot's settings
 *   (`adapterSettings`) as teams-ai ships it, without what this bot adds around it (the 401 policy,
 *   reused HTTP clients), teams-ai's MemoryStorage, restify with its body parser, as in teams-ai's
 *   samples.
 * - bot: this bot, started as `npm start` starts it (src/app.ts), configured by the environment.
 */
import './../../../src/teams/knownDeprecations.js';
import { ActivityTypes, MemoryStorage, type Request, type Response } from 'botbuilder';
import restify from 'restify';
import { startApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config/env.js';
import { limitHeapGrowth } from '../../../src/config/heap.js';
import { createLogger } from '../../../src/logging/logger.js';
import { adapterSettings } from '../../../src/teams/bot.js';

export type TargetKind = 'restify' | 'echo' | 'bot';

export interface MemoryFigures {
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  /** CPU time (user + system) the process has used so far: per request it hardly depends on how busy the machine is. */
  cpuMs: number;
}

async function startRestify(kind: 'restify' | 'echo'): Promise<{ url: string; stop(): Promise<void> }> {
  const server = restify.createServer({ name: `bench-${kind}` });
  server.use(restify.plugins.bodyParser());
  if (kind === 'restify') {
    server.post('/api/messages', (_req, res, next) => {
      res.send(200, { ok: true });
      next();
    });
  } else {
    // teams-ai as its samples import it (the whole package), in the echo bot's process only: the
    // bot's process loads what src/index.ts loads, so its memory figures are production's.
    const { Application, TeamsAdapter } = await import('@microsoft/teams-ai');
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
    const adapter = new TeamsAdapter(adapterSettings(config));
    const app = new Application({ adapter, storage: new MemoryStorage(), startTypingTimer: false });
    app.activity(ActivityTypes.Message, async (context) => {
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
    });
    server.post('/api/messages', async (req, res) => {
      await adapter.process(req as unknown as Request, res as unknown as Response, (context) => app.run(context).then(() => undefined));
    });
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function startBot(): Promise<{ url: string; stop(): Promise<void> }> {
  const config = loadConfig({ ...process.env, PORT: '0' });
  limitHeapGrowth(config.HEAP_GROWTH_PERCENT);
  const app = await startApp({ config, logger: createLogger(config.LOG_LEVEL), seedDemoData: config.SEED_DEMO_DATA, host: '127.0.0.1' });
  return { url: app.http.url, stop: () => app.stop() };
}

function memory(collect: boolean): MemoryFigures {
  if (collect) (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const cpu = process.cpuUsage();
  return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), externalMb: mb(usage.external), cpuMs: (cpu.user + cpu.system) / 1000 };
}

const kind = process.argv[2] as TargetKind;
if (!['restify', 'echo', 'bot'].includes(kind)) throw new Error(`unknown bench target ${kind}`);
const server = kind === 'bot' ? await startBot() : await startRestify(kind);
process.on('message', (message: { type?: string; gc?: boolean }) => {
  if (message?.type === 'memory') process.send?.({ type: 'memory', figures: memory(Boolean(message.gc)) });
  if (message?.type === 'stop') {
    void server.stop().finally(() => process.exit(0));
  }
});
process.on('disconnect', () => void server.stop().finally(() => process.exit(0)));
process.send?.({ type: 'ready', url: server.url });
