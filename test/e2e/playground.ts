import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page, type WebSocketRoute } from 'playwright-core';
import { vi } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/logging/logger.js';
import { TEST_REPORTS_MASTER_KEY } from '../support/bot.js';
import { testDatabaseName, testMongoUri } from '../support/database.js';
import { parseCsv } from '../../src/directory/csv.js';
import { loadOrganisationFiles, organisationsDirectory } from '../../src/directory/organisations.js';
import {
  playgroundConfigForPerson,
  playgroundPersonUserId,
  playgroundConfigForUser,
  playgroundCurrentUser,
  playgroundUserNames,
  projectRoot,
  repoPlaygroundConfig,
  playgroundUserIds,
  startChannelRouter,
  startPlaygroundProcess,
  type PlaygroundPerson,
  type PlaygroundProcess,
} from '../../scripts/lib/playground.js';

/**
 * End-to-end harness: the bot in-process, the Microsoft 365 Agents Playground (the real Teams-like
 * client) as a child process, and Debian's Chromium driven by playwright-core.
 *
 * Users. The Playground signs in one fixed mock user, `currentUser` from
 * .m365agentsplayground.yml, read once at start; 0.2.28 has no UI control or API to switch (its
 * header only shows the name). So every user a scenario needs gets a Playground of their own
 * (with a derived config naming them `currentUser` and a personal chat id of their own) and a page
 * of their own, all talking to the same bot. `switchUser(name)` then directs the helpers at that
 * user's page. Like in Teams, each user has a personal chat of their own: the bot stores a
 * conversation reference per user when their page loads (installationUpdate), so its proactive
 * messages (a manager's decision card) land in that user's Playground. Start everyone who must
 * receive proactive messages up front with `users`, before the scenario begins.
 *
 * Other organisations. Anyone in an organisation's demo directory (src/organisations/<id>/
 * demo-people.csv), e.g. "Dennis Hoekstra" of WerkSaam, can be a user too: their Playground gets
 * a config with them as `currentUser` in their organisation's tenant (the five mock users of
 * .m365agentsplayground.yml stay, the Playground requires them). The Velsen mock users work as before.
 *
 * Language. The Playground reports locale en-US in every activity; by default a proxy between it
 * and the bot reports nl-NL instead, as a Dutch Teams client would (see `clientLocale`).
 *
 * One session per test file: all pages of one Playground share one conversation. E2E_DEBUG=1
 * prints the start-up steps with timings; screenshots go to E2E_ARTIFACTS_DIR (default
 * <tmp>/integriteit-e2e-artifacts).
 */
export const chromiumPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Why the e2e tests cannot run here, or undefined when they can. */
export const e2eSkipReason: string | undefined = existsSync(chromiumPath)
  ? undefined
  : `e2e tests skipped: Chromium not found at ${chromiumPath} (install Debian's chromium package: apt-get install chromium; never download a browser)`;

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Offline by design (the page asks a CDN for fonts): only the loopback is reachable. Every other
  // host fails to resolve, and anything else (an IP address) goes to a proxy that is not there.
  // Not Playwright's route(): request interception disables the HTTP cache and V8's code cache.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  '--proxy-server=http://127.0.0.1:1',
  '--proxy-bypass-list=localhost;127.0.0.1',
];

/**
 * The bot's clock for a scenario: starts at a known moment (so dates and references are known)
 * and moves on with real time.
 */
export function botClockFrom(start: string): () => Date {
  const botStart = new Date(start).getTime();
  const realStart = Date.now();
  return () => new Date(botStart + (Date.now() - realStart));
}

/** A message's text as a reader sees it, whitespace folded. */
export async function textOf(message: Locator): Promise<string> {
  return (await message.innerText()).replace(/\s+/g, ' ');
}

const viewport = { width: 1280, height: 900 };
/** How long one user's Playground and page may take to become usable. */
const PAGE_READY_MS = 90_000;
const OPEN_AT_ONCE = 2;
/** For a test file's beforeAll that starts a session: every user's Playground and page, two at a time. */
export const SESSION_START_MS = 4 * PAGE_READY_MS;
// A scenario step is a few seconds on an idle machine; on two cores shared with other test runs
// it can take several times that. The files that use this harness get the room.
vi.setConfig({ testTimeout: 120_000 });
const WAIT_PATIENCE = 3;

/** Someone from any organisation's demo directory, by display name, as the Playground signs them in. */
function demoPerson(name: string): PlaygroundPerson | undefined {
  for (const organisation of loadOrganisationFiles()) {
    const file = path.join(organisationsDirectory(), organisation.id, 'demo-people.csv');
    if (!existsSync(file)) continue;
    const [header, ...rows] = parseCsv(readFileSync(file, 'utf8')).records;
    const column = (key: string) => header?.fields.findIndex((field) => field.trim().toLowerCase() === key.toLowerCase()) ?? -1;
    const row = rows.find((candidate) => candidate.fields[column('name')]?.trim() === name);
    const tenantId = organisation.tenantIds[0];
    if (row && tenantId) return { name, upn: row.fields[column('upn')]!.trim(), aadObjectId: row.fields[column('aadObjectId')]!.trim().toLowerCase(), tenantId };
  }
  return undefined;
}

/**
 * The Playground's page runs 9 MB of JavaScript, which takes Chromium 4-8 s to compile on two
 * busy cores. V8 caches compiled code per script URL in the browser profile, so each vitest worker
 * keeps a profile of its own (in node_modules/.cache) and asks each user's Playground for the same
 * port every time: from the third page load on the page is ready in under 2 s. When the profile
 * is in use (another run in this checkout) or a port is taken, it all still works, only slower.
 */
const workerSlot = Number(process.env.VITEST_POOL_ID ?? '1') % 40;
const profileDir = path.join(projectRoot, 'node_modules', '.cache', 'integriteit-e2e', `chromium-${workerSlot}`);
const preferredPort = (userIndex: number) => 47_000 + workerSlot * 10 + Math.max(0, Math.min(userIndex, 9));

async function openBrowser(): Promise<BrowserContext> {
  try {
    mkdirSync(profileDir, { recursive: true });
    return await chromium.launchPersistentContext(profileDir, { executablePath: chromiumPath, args: chromiumArgs, viewport, locale: 'nl-NL', timeout: 15_000 });
  } catch {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    context.once('close', () => void browser.close());
    return context;
  }
}

/** Bot replies: the content next to a message header that names an author (own messages have none). */
const BOT_MESSAGE = '[aria-label="Message header"]:has(> [aria-label="Message author"]) + div';
/** Top-level cards only (an Action.ShowCard card is nested inside its parent). */
const CARD = '.ac-preview-panel > .ac-adaptiveCard';
const CHAT_INPUT = '[data-lexical-editor="true"]';

export interface PlaygroundSessionOptions {
  /**
   * Mock users (display names from .m365agentsplayground.yml) who get a Playground at start, the
   * first one being the current user. Default: the config's `currentUser` (Alex Wilber) only.
   */
  users?: string[];
  /** Extra configuration for the bot (e.g. OPENAI_* unset, REMINDER_CHECK_INTERVAL_MINUTES). */
  env?: Record<string, string>;
  now?: () => Date;
  seedDemoData?: boolean;
  /**
   * Mock users whose Playground runs from the start but whose page is not opened (they never
   * opened the bot): the bot reaches them by opening a chat (createConversation); `switchUser`
   * opens their page later.
   */
  reachable?: string[];
  /**
   * The locale the client reports. The Playground always sends en-US; Teams sends the user's UI
   * language. Default nl-NL (a Dutch Teams client), through a small rewriting proxy; null sends
   * the Playground's activities unchanged.
   */
  clientLocale?: string | null;
}

export interface PlaygroundSession {
  app: RunningApp;
  /** http://127.0.0.1:<port>/api/messages */
  botEndpoint: string;
  /** The bot's log lines at warn level and above so far (a normal session has none). */
  botLogProblems(): string[];
  /** The current user's display name. */
  readonly user: string;
  /** The current user's Playground page and address. */
  readonly page: Page;
  readonly playgroundUrl: string;
  /** Where screenshots go (kept after stop). */
  artifactsDir: string;
  /** Types a message in the chat input and sends it (waits until the Playground accepted it). */
  say(text: string): Promise<void>;
  /**
   * Waits until a bot message shows the text; only matches that are new since the last say/click
   * count (a card replaced in place counts when its new text matches). Returns that message.
   */
  waitForBotText(text: string | RegExp, timeoutMs?: number): Promise<Locator>;
  /** All text of the bot's messages, oldest first (for assertions and error messages). */
  botMessages(): Promise<string[]>;
  /** A card in the chat by index (0 = first, -1 = last) or the last one. */
  card(which?: number | 'last'): Locator;
  /** Fills a text, number, date or time input by its label in the last card that has it. */
  fillCardInput(label: string | RegExp, value: string, scope?: Locator): Promise<void>;
  /** Picks an option of a choice set (compact or expanded, single or multi) by its label. */
  chooseCardOption(label: string | RegExp, optionTitle: string, scope?: Locator): Promise<void>;
  /** Sets an Input.Toggle (a checkbox named by its title). */
  setCardToggle(title: string | RegExp, on: boolean, scope?: Locator): Promise<void>;
  /** Clicks a card button by its title in the last card that has it. */
  clickCardButton(title: string | RegExp, scope?: Locator): Promise<void>;
  /** A PNG of the current user's page; returns its path. */
  screenshot(name: string): Promise<string>;
  /** Acts as another mock user from now on (starts their Playground when it is not running yet). */
  switchUser(name: string): Promise<void>;
  stop(): Promise<void>;
}

interface UserClient {
  name: string;
  playground: PlaygroundProcess;
  page: Page;
  /** Bot message texts at the last action, for "new since" matching. */
  mark: string[];
}

const startedAt = Date.now();
/** E2E_DEBUG=1 prints the harness's steps with their timing. */
const trace = (step: string) => {
  if (process.env.E2E_DEBUG) console.log(`[e2e ${((Date.now() - startedAt) / 1000).toFixed(2)}s] ${step}`);
};

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Labels match from the start: an invalid input's error message is appended to its accessible name. */
const labelPattern = (label: string | RegExp) => (typeof label === 'string' ? new RegExp(`^\\s*${escapeRegex(label)}`) : label);
const exactName = (name: string | RegExp) => (typeof name === 'string' ? new RegExp(`^\\s*${escapeRegex(name)}\\s*$`) : name);

/**
 * Teams keeps a chat's history; the Playground does not. What the bot sends while nobody has the
 * page open, the Playground buffers and hands to the first chat stream that connects, and the page
 * opens that stream more than once while it starts: when it drops the first, a card sent before
 * the page opened is lost (the bot did its part; the client missed it). So the harness keeps what
 * a Playground sent on its page's chat streams, holds it until the page is ready, and gives all of
 * it to every stream the page opens. The page shows a message once however often it arrives (by its
 * id), as it does when the Playground sends one message to each of its open streams.
 */
class ChatHistory {
  private readonly messages: (string | Buffer)[] = [];
  private readonly seen = new Set<string>();
  private readonly open = new Set<WebSocketRoute>();
  private ready = false;

  connect(stream: WebSocketRoute): void {
    const server = stream.connectToServer();
    this.open.add(stream);
    stream.onClose(() => {
      this.open.delete(stream);
      server.close();
    });
    server.onClose(() => stream.close());
    server.onMessage((message) => {
      const key = typeof message === 'string' ? message : message.toString('base64');
      if (this.seen.has(key)) return;
      this.seen.add(key);
      this.messages.push(message);
      if (this.ready) this.open.forEach((each) => each.send(message));
    });
    if (this.ready) this.replay(stream);
  }

  pageReady(): void {
    this.ready = true;
    this.open.forEach((stream) => this.replay(stream));
  }

  private replay(stream: WebSocketRoute): void {
    this.messages.forEach((message) => stream.send(message));
  }
}

/**
 * Routes the chat streams of a browser's pages through the history of their Playground (by its
 * host and port). Once per browser context: routes set per page while two pages open at once were
 * seen to leave a page without its stream.
 */
async function routeChatStreams(context: BrowserContext, histories: Map<string, ChatHistory>): Promise<void> {
  await context.routeWebSocket(/\/_ws_conversation\//, (stream) => {
    const history = histories.get(new URL(stream.url()).host);
    if (history) history.connect(stream);
    else stream.connectToServer();
  });
}

export async function startPlaygroundSession(options: PlaygroundSessionOptions = {}): Promise<PlaygroundSession> {
  if (e2eSkipReason) throw new Error(e2eSkipReason);
  const workDir = mkdtempSync(path.join(tmpdir(), 'integriteit-e2e-'));
  const artifactsDir = process.env.E2E_ARTIFACTS_DIR ?? path.join(tmpdir(), 'integriteit-e2e-artifacts');
  mkdirSync(artifactsDir, { recursive: true });
  const repoConfigText = existsSync(repoPlaygroundConfig) ? readFileSync(repoPlaygroundConfig, 'utf8') : undefined;
  const defaultUser = (repoConfigText && playgroundCurrentUser(repoConfigText)) ?? 'Alex Wilber';
  const users = options.users?.length ? options.users : [defaultUser];
  const knownUsers = repoConfigText ? playgroundUserNames(repoConfigText) : [defaultUser];
  // Demo people of other organisations get the ports after the mock users', in the order asked for.
  const otherUsers = users.filter((name) => !knownUsers.includes(name));
  const userIndex = (name: string) => (knownUsers.includes(name) ? knownUsers.indexOf(name) : otherUsers.includes(name) ? knownUsers.length + otherUsers.indexOf(name) : 9);

  const cleanups: (() => Promise<void>)[] = [];
  const clients = new Map<string, UserClient>();
  let current: UserClient | undefined;

  async function stop(): Promise<void> {
    const steps = cleanups.splice(0).reverse();
    for (const step of steps) await step().catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  }

  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      MONGODB_URI: testMongoUri(),
      MONGODB_DB: testDatabaseName(),
      DEFAULT_ORG: 'velsen',
      // Warnings and errors are always collected (a normal session must have none); they and
      // anything below are printed only when TEST_LOG_LEVEL asks for it.
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      REPORTS_MASTER_KEY: TEST_REPORTS_MASTER_KEY,
      ...options.env,
    });
    const logProblems: string[] = [];
    const logger = createLogger(config.LOG_LEVEL, {
      write(line: string) {
        if ((JSON.parse(line) as { level: number }).level >= 40) logProblems.push(line);
        if (process.env.TEST_LOG_LEVEL) process.stdout.write(line);
      },
    });
    const [appResult, browserResult] = await Promise.allSettled([
      startApp({ config, logger, now: options.now, seedDemoData: options.seedDemoData ?? true, host: '127.0.0.1' }),
      openBrowser(),
    ]);
    if (appResult.status === 'fulfilled') {
      const started = appResult.value;
      cleanups.push(async () => {
        await started.database.db.dropDatabase().catch(() => undefined);
        await started.stop();
      });
    }
    if (browserResult.status === 'fulfilled') cleanups.push(() => browserResult.value.close());
    if (appResult.status === 'rejected') throw appResult.reason;
    if (browserResult.status === 'rejected') throw browserResult.reason;
    const startedApp = appResult.value;
    const browser = browserResult.value;
    const histories = new Map<string, ChatHistory>();
    await routeChatStreams(browser, histories);

    const runningApp = startedApp;
    trace(`bot at ${runningApp.http.url}, chromium launched`);
    const botEndpoint = `${runningApp.http.url}/api/messages`;
    const clientLocale = options.clientLocale === undefined ? 'nl-NL' : options.clientLocale;
    // One service URL for every Playground, as Teams has one per tenant (see startChannelRouter).
    const router = await startChannelRouter(botEndpoint, { locale: clientLocale });
    cleanups.push(() => router.close());

    let fresh: Promise<BrowserContext> | undefined;
    const freshBrowser = () => {
      fresh ??= (async () => {
        const launched = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
        cleanups.push(() => launched.close());
        const context = await launched.newContext({ viewport, locale: 'nl-NL' });
        await routeChatStreams(context, histories);
        return context;
      })();
      return fresh;
    };
    const playgrounds = new Map<string, Promise<{ playground: PlaygroundProcess; slug: string }>>();
    function startFor(name: string): Promise<{ playground: PlaygroundProcess; slug: string }> {
      const started = playgrounds.get(name);
      if (started) return started;
      const starting = (async () => {
        const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
        // Stable per user: the page keeps the chat it showed last in the browser profile, by the Playground's address.
        const personalChatId = name === defaultUser ? '__PERSONAL_CHAT_ID__' : `personal-chat-${slug}`;
        let configPath: string | undefined;
        let ids = repoConfigText ? playgroundUserIds(repoConfigText, name) : undefined;
        if (repoConfigText) {
          if (name === defaultUser) configPath = repoPlaygroundConfig;
          else if (knownUsers.includes(name)) {
            configPath = path.join(workDir, `playground-${slug}.yml`);
            writeFileSync(configPath, playgroundConfigForUser(repoConfigText, name, personalChatId));
          } else {
            // Someone from an organisation's demo directory, signed in to their own tenant.
            const person = demoPerson(name);
            if (!person) throw new Error(`Cannot act as "${name}": neither a mock user in ${repoPlaygroundConfig} nor in any organisation's demo-people.csv`);
            configPath = path.join(workDir, `playground-${slug}.yml`);
            writeFileSync(configPath, playgroundConfigForPerson(repoConfigText, person, personalChatId));
            ids = { id: playgroundPersonUserId(person), aadObjectId: person.aadObjectId };
          }
        } else if (name !== defaultUser) {
          throw new Error(`Cannot act as "${name}": ${repoPlaygroundConfig} (the Playground's mock users) is missing`);
        }
        const playground = await startPlaygroundProcess({
          endpoint: router.endpointFor(slug),
          port: preferredPort(userIndex(name)),
          logFile: path.join(workDir, `playground-${slug}.log`),
          configPath,
          timeoutMs: PAGE_READY_MS,
        });
        cleanups.push(() => playground.stop());
        if (ids) router.register({ aadObjectId: ids.aadObjectId, playgroundUserId: ids.id, serviceUrl: `http://localhost:${playground.port}/_connector`, personalChatId });
        trace(`${name}: playground at ${playground.url}`);
        return { playground, slug };
      })();
      playgrounds.set(name, starting);
      return starting;
    }

    async function openClient(name: string): Promise<UserClient> {
      const existing = clients.get(name);
      if (existing) return existing;
      const { playground } = await startFor(name);
      // One page per user; their Playgrounds listen on different ports, so nothing is shared.
      // Someone who never opened the bot gets a browser without a profile: with one, the page shows
      // the chat it kept from an earlier run rather than what the Playground holds for them now.
      const page = (options.reachable ?? []).includes(name) ? await (await freshBrowser()).newPage() : await browser.newPage();
      cleanups.push(() => page.close());
      // The chat input shows before the Playground has connected to the bot; text typed then is
      // dropped. The page is usable once /_internal/v1/config has answered.
      // Generous: with several users the pages compile the Playground's 9 MB of script at once,
      // on two cores that other work may share.
      const configAnswered = page.waitForResponse((response) => response.url().includes('/_internal/v1/config') && response.ok(), { timeout: PAGE_READY_MS });
      const chatHistory = new ChatHistory();
      histories.set(new URL(playground.url).host, chatHistory);
      await page.goto(playground.url, { timeout: PAGE_READY_MS });
      trace(`${name}: page loaded`);
      await configAnswered;
      await page.locator(CHAT_INPUT).waitFor({ state: 'visible' });
      chatHistory.pageReady();
      trace(`${name}: page ready`);
      const client: UserClient = { name, playground, page, mark: [] };
      clients.set(name, client);
      return client;
    }

    // In parallel, but settled before a failure is thrown so stop() finds every started process.
    // Playgrounds of people who must be reachable start first; pages open two at a time: each page
    // compiles megabytes of script, and two cores are all there is.
    const reachable = await Promise.allSettled((options.reachable ?? []).map((name) => startFor(name)));
    const notStarted = reachable.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (notStarted) throw notStarted.reason;
    for (let next = 0; next < users.length; next += OPEN_AT_ONCE) {
      const opened = await Promise.allSettled(users.slice(next, next + OPEN_AT_ONCE).map((name) => openClient(name)));
      const failed = opened.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
    current = clients.get(users[0] as string);

    const active = (): UserClient => {
      if (!current) throw new Error('no current Playground user');
      return current;
    };
    const botMessageTexts = (page: Page) =>
      page.locator(BOT_MESSAGE).evaluateAll((nodes) => nodes.map((node) => String((node as unknown as { innerText: string }).innerText).trim()));
    const markNow = async () => {
      const client = active();
      client.mark = await botMessageTexts(client.page);
    };
    const matches = (text: string | RegExp) => (message: string) =>
      typeof text === 'string' ? message.toLowerCase().includes(text.toLowerCase()) : new RegExp(text.source, text.flags.replace('g', '')).test(message);

    /** The last top-level card that contains the given element (cards are replaced or added over time). */
    const lastCardWith = (page: Page, inner: Locator) => page.locator(CARD).filter({ has: inner }).last();

    const session: PlaygroundSession = {
      app: runningApp,
      botEndpoint,
      botLogProblems: () => [...logProblems],
      artifactsDir,
      get user() {
        return active().name;
      },
      get page() {
        return active().page;
      },
      get playgroundUrl() {
        return active().playground.url;
      },

      async say(text) {
        const { page } = active();
        await markNow();
        const input = page.locator(CHAT_INPUT);
        await input.click();
        await input.fill(text);
        const accepted = page.waitForResponse(
          (response) => response.request().method() === 'POST' && /\/_conversation\/v1\/conversations\/[^/]+\/messages$/.test(new URL(response.url()).pathname),
          { timeout: 10_000 },
        );
        await input.press('Enter');
        const response = await accepted;
        if (!response.ok()) throw new Error(`the Playground refused the message (${response.status()})`);
      },

      async waitForBotText(text, timeoutMs = 10_000) {
        const { page, mark } = active();
        const isMatch = matches(text);
        const before = mark.filter(isMatch).length;
        // The step's time is what a quiet machine needs; the suite runs e2e files beside CPU-heavy
        // ones on two cores, so a wait may take up to three times as long before it is a failure.
        const deadline = Date.now() + timeoutMs * WAIT_PATIENCE;
        let texts: string[] = [];
        for (;;) {
          texts = await botMessageTexts(page);
          const hits = texts.map((message, index) => (isMatch(message) ? index : -1)).filter((index) => index >= 0);
          if (hits.length > before) return page.locator(BOT_MESSAGE).nth(hits[hits.length - 1] as number);
          if (Date.now() > deadline) break;
          await page.waitForTimeout(100);
        }
        const recent = texts.slice(-3).map((message) => `  > ${message.replace(/\s+/g, ' ').slice(0, 300)}`);
        // What the bot logged at warn and above (events and ids, never message text) says whether it tried.
        const problems = logProblems.map((line) => `  ! ${(JSON.parse(line) as { event?: string }).event ?? line.slice(0, 200)}`);
        throw new Error(
          `No new bot message with ${String(text)} within ${timeoutMs * WAIT_PATIENCE} ms (user ${active().name}). Last bot messages:\n${recent.join('\n') || '  (none)'}\nBot warnings so far:\n${problems.join('\n') || '  (none)'}`,
        );
      },

      botMessages() {
        return botMessageTexts(active().page);
      },

      card(which = 'last') {
        const cards = active().page.locator(`${BOT_MESSAGE} ${CARD}`);
        return which === 'last' ? cards.last() : cards.nth(which);
      },

      async fillCardInput(label, value, scope) {
        const { page } = active();
        const field = page.getByLabel(labelPattern(label));
        const input = (scope ?? lastCardWith(page, field)).getByLabel(labelPattern(label)).first();
        await input.fill(value);
      },

      async chooseCardOption(label, optionTitle, scope) {
        const { page } = active();
        const field = page.getByLabel(labelPattern(label));
        const control = (scope ?? lastCardWith(page, field)).getByLabel(labelPattern(label)).first();
        const role = await control.getAttribute('role');
        if (role === 'combobox') {
          // Compact choice set: a Fluent combobox whose options render in a popup outside the card.
          await control.click();
          await page.getByRole('option', { name: exactName(optionTitle) }).click();
          if ((await control.getAttribute('aria-expanded')) === 'true') await control.press('Escape');
          return;
        }
        // Expanded choice set: a radio group, or checkboxes when it allows several choices.
        const radio = control.getByRole('radio', { name: exactName(optionTitle) });
        if ((await radio.count()) > 0) await radio.check();
        else await control.getByRole('checkbox', { name: exactName(optionTitle) }).check();
      },

      async setCardToggle(title, on, scope) {
        const { page } = active();
        const box = page.getByRole('checkbox', { name: labelPattern(title) });
        await (scope ?? lastCardWith(page, box)).getByRole('checkbox', { name: labelPattern(title) }).first().setChecked(on);
      },

      async clickCardButton(title, scope) {
        const { page } = active();
        const button = page.getByRole('button', { name: exactName(title) });
        const target = (scope ?? lastCardWith(page, button)).getByRole('button', { name: exactName(title) }).first();
        await target.waitFor({ state: 'visible', timeout: 10_000 });
        await markNow();
        await target.click();
      },

      async screenshot(name) {
        const file = path.join(artifactsDir, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
        await active().page.screenshot({ path: file });
        return file;
      },

      async switchUser(name) {
        current = await openClient(name);
      },

      stop,
    };
    return session;
  } catch (error) {
    await stop();
    throw error;
  }
}
