import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { startApp, type RunningApp } from '../src/app.js';
import { ConfigurationError, loadConfig } from '../src/config/env.js';
import { createLogger } from '../src/logging/logger.js';
import {
  playgroundConfigForUser,
  playgroundCurrentUser,
  playgroundUserIds,
  repoPlaygroundConfig,
  startChannelRouter,
  startPlaygroundProcess,
  type PlaygroundProcess,
} from './lib/playground.js';
import { freePort, projectRoot, startFerretDb, waitForPing, type RunningFerretDb } from './lib/ferretdb.js';

/**
 * `npm run demo`: from a fresh clone (after `npm ci`) to a running demo in one command. Starts
 * FerretDB (data in .data/ferretdb), the bot with the fictional demo people of Velsen, and one
 * Microsoft 365 Agents Playground per demo person (Alex the employee, Megan his manager, Adele of
 * HR), each on its own printed address, so a new user can be each of them in a browser tab of
 * their own. Megan and Adele are reachable from the start: the bot opens a chat with them the way
 * Teams allows, before they ever open their page. Ctrl-C stops everything.
 *
 * Environment: everything `loadConfig` reads (PORT defaults to 3978, DEFAULT_ORG to velsen), plus
 * - PLAYGROUND_PORT (default 56150: Alex; Megan and Adele get the next ports; a taken port is replaced),
 * - DEMO_PEOPLE (default "Alex Wilber,Megan Bowen,Adele Vance"): the mock users who get a Playground,
 * - PLAYGROUND_LOCALE (default nl-NL): the Playground always reports locale en-US, where Teams
 *   reports the user's language, so a small proxy sets this one; "off" shows the Playground as is,
 * - FERRETDB_PORT (default 27017, a free one when taken) and FERRETDB_DATA_DIR (default .data/ferretdb).
 * A FerretDB already started with `npm run db:start` is reused; MONGODB_URI skips FerretDB altogether.
 */
const dataRoot = path.join(projectRoot, '.data');
const stops: { name: string; stop: () => Promise<void> }[] = [];
let stopping = false;

function say(line: string): void {
  process.stdout.write(`[demo] ${line}\n`);
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The FerretDB of `npm run db:start`, when its recorded process is alive and answers. */
async function runningDbStartServer(port: number): Promise<string | undefined> {
  const pidFile = path.join(dataRoot, 'ferretdb.pid');
  if (!existsSync(pidFile)) return undefined;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 0);
    const uri = `mongodb://127.0.0.1:${port}`;
    await waitForPing(uri, 3000);
    return uri;
  } catch {
    return undefined;
  }
}

async function database(): Promise<string> {
  if (process.env.MONGODB_URI) {
    say(`Using the database at MONGODB_URI.`);
    return process.env.MONGODB_URI;
  }
  const preferred = Number(process.env.FERRETDB_PORT ?? 27017);
  const shared = await runningDbStartServer(preferred);
  if (shared) {
    say(`Using the FerretDB started by "npm run db:start" (${shared}).`);
    return shared;
  }
  const port = (await portIsFree(preferred)) ? preferred : await freePort();
  if (port !== preferred) say(`Port ${preferred} is taken; starting FerretDB on ${port}.`);
  else say('Starting FerretDB (the first run builds it, which takes about a minute)...');
  mkdirSync(dataRoot, { recursive: true });
  const ferret: RunningFerretDb = await startFerretDb({
    port,
    dataDir: process.env.FERRETDB_DATA_DIR ? path.resolve(process.env.FERRETDB_DATA_DIR) : path.join(dataRoot, 'ferretdb'),
    detached: false,
    logFile: path.join(dataRoot, 'ferretdb.log'),
  });
  stops.push({ name: 'FerretDB', stop: () => ferret.stop() });
  say(`FerretDB is running at ${ferret.uri}.`);
  return ferret.uri;
}

/**
 * Reports are stored encrypted with REPORTS_MASTER_KEY. The demo makes one on its first run and
 * keeps it (git-ignored) in .data, next to the demo database it opens, so a restart can still read
 * the reports made before. Production takes the key from its own secret store, never from here.
 */
function demoReportsKey(): string {
  if (process.env.REPORTS_MASTER_KEY) return process.env.REPORTS_MASTER_KEY;
  const file = path.join(dataRoot, 'reports-master-key');
  if (!existsSync(file)) {
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    say('Made a reports master key for the demo in .data/reports-master-key.');
  }
  return readFileSync(file, 'utf8').trim();
}

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const { name, stop } of stops.splice(0).reverse()) {
      await stop().catch((error: unknown) => say(`Stopping ${name} failed: ${String(error)}`));
    }
    say('Stopped.');
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    say(`${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping the Playground, the bot and the database...`);
    void shutdown(0);
  });
}

try {
  const uri = await database();
  const config = loadConfig({
    ...process.env,
    MONGODB_URI: uri,
    DEFAULT_ORG: process.env.DEFAULT_ORG ?? 'velsen',
    REPORTS_MASTER_KEY: demoReportsKey(),
  });
  // Loopback only: without BOT_ID the bot accepts unauthenticated requests.
  const app: RunningApp = await startApp({ config, logger: createLogger(config.LOG_LEVEL), seedDemoData: true, host: '127.0.0.1' }).catch(
    (error: unknown) => {
      if ((error as { code?: string }).code === 'EADDRINUSE') throw new Error(`Port ${config.PORT} is in use; run with PORT=<another port> npm run demo`);
      throw error;
    },
  );
  stops.push({ name: 'the bot', stop: () => app.stop() });
  const endpoint = `${app.http.url}/api/messages`;
  say(`Bot is running at ${endpoint} (organisation ${config.DEFAULT_ORG}, demo people loaded).`);
  say(`Public side-job register: ${app.http.url}/register/${config.DEFAULT_ORG}/nevenwerkzaamheden (also ?format=csv, ?format=json).`);

  const locale = process.env.PLAYGROUND_LOCALE ?? 'nl-NL';
  // One service URL for every Playground, as Teams has one per tenant: the bot can then open a chat
  // with someone who never wrote to it (createConversation) and it lands in that person's Playground.
  const router = await startChannelRouter(endpoint, { locale: locale === 'off' ? null : locale });
  stops.push({ name: 'the channel router', stop: () => router.close() });

  const configText = existsSync(repoPlaygroundConfig) ? readFileSync(repoPlaygroundConfig, 'utf8') : undefined;
  const defaultUser = (configText && playgroundCurrentUser(configText)) ?? 'Alex Wilber';
  const people = (process.env.DEMO_PEOPLE ?? 'Alex Wilber,Megan Bowen,Adele Vance').split(',').map((name) => name.trim()).filter(Boolean);
  const roles: Record<string, string> = { 'Alex Wilber': 'medewerker (employee)', 'Megan Bowen': 'leidinggevende van Alex (manager)', 'Adele Vance': 'P&O en integriteitscoördinator (HR)', 'Isaiah Langer': 'leidinggevende van Megan' };
  mkdirSync(path.join(projectRoot, 'devTools'), { recursive: true });
  const basePort = Number(process.env.PLAYGROUND_PORT ?? 56150);
  const started: { name: string; playground: PlaygroundProcess }[] = [];
  for (const [index, name] of people.entries()) {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const personalChatId = name === defaultUser ? '__PERSONAL_CHAT_ID__' : `personal-chat-${slug}`;
    let configPath: string | undefined;
    if (configText && name !== defaultUser) {
      configPath = path.join(dataRoot, `playground-${slug}.yml`);
      mkdirSync(dataRoot, { recursive: true });
      writeFileSync(configPath, playgroundConfigForUser(configText, name, personalChatId));
    } else if (configText) configPath = repoPlaygroundConfig;
    const playground = await startPlaygroundProcess({
      endpoint: router.endpointFor(slug),
      port: basePort + index,
      logFile: path.join(projectRoot, 'devTools', `m365agentsplayground-${slug}.log`),
      configPath,
      onOutput: process.env.PLAYGROUND_VERBOSE ? (line) => process.stdout.write(`[playground ${slug}] ${line}\n`) : undefined,
    });
    stops.push({ name: `the Playground of ${name}`, stop: () => playground.stop() });
    const ids = configText ? playgroundUserIds(configText, name) : undefined;
    if (ids) router.register({ aadObjectId: ids.aadObjectId, playgroundUserId: ids.id, serviceUrl: `http://localhost:${playground.port}/_connector`, personalChatId });
    playground.child.once('exit', (code) => {
      // On Ctrl-C the terminal signals the Playgrounds too; let our own handler claim the stop first.
      setTimeout(() => {
        if (stopping) return;
        say(`The Playground of ${name} exited unexpectedly (code ${String(code)}):\n${playground.recentOutput()}`);
        void shutdown(1);
      }, 500);
    });
    started.push({ name, playground });
  }

  const width = Math.max(...started.map(({ name }) => name.length));
  process.stdout.write(
    [
      '',
      '  Open one browser tab per person (each is a Teams client signed in as that person):',
      '',
      ...started.map(({ name, playground }) => `    ${name.padEnd(width)}  ${playground.url}   ${roles[name] ?? ''}`),
      '',
      '  Try: as Alex type "cadeau melden" and report a gift; Megan finds the card in her chat (even if',
      '  her tab was never opened) and decides; Alex sees the decision. As Adele type "jaarverantwoording"',
      '  for the yearly figures; the weekly digest comes on Monday 08:00, or now with',
      '  "npm run digest -- --org velsen" in another terminal (same MONGODB_URI).',
      locale === 'off' ? '  Client locale: the Playground\'s en-US.' : `  Client locale: ${locale} (PLAYGROUND_LOCALE=off for the Playground's own en-US).`,
      '  Press Ctrl-C to stop the Playgrounds, the bot and the database.',
      '',
      '',
    ].join('\n'),
  );
} catch (error) {
  if (error instanceof ConfigurationError) say(error.message);
  else say(`Could not start the demo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await shutdown(1);
}
