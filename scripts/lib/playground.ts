import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Starts the Microsoft 365 Agents Playground CLI (`@microsoft/m365agentsplayground`) as a child
 * process. Plain Node (no vitest, no browser), so both the e2e harness and `npm run demo` use it.
 *
 * Facts this relies on (Playground 0.2.28):
 * - Without TEAMSAPPTESTER_BROWSER=none it runs xdg-open at start and, where that is missing,
 *   exits with code 1 and no message.
 * - A taken port is silently replaced by another one: the real port is only known from the
 *   "Listening on <port>" line on stdout. Ready when GET /_debug/ping answers "pong".
 * - The log file goes to ./devTools/ unless M365_AGENTS_PLAYGROUND_LOGFILE is set; mock users and
 *   teams come from M365_AGENTS_PLAYGROUND_CONFIG_PATH (default ./.m365agentsplayground.yml).
 */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The repository's mock Teams context (users, team, tenant) for the Playground. */
export const repoPlaygroundConfig = path.join(projectRoot, '.m365agentsplayground.yml');

export function playgroundCliPath(): string {
  return createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
}

export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  endpoint: string;
  /** Preferred port; the Playground picks another when it is taken. */
  port: number;
  /** Where the Playground writes its log (instead of ./devTools/m365agentsplayground.log). */
  logFile: string;
  /** Mock Teams context; the Playground's built-in users when undefined. */
  configPath?: string;
  /** Working directory of the child (the Playground reads nothing else from it once the above are set). */
  cwd?: string;
  /** Lines of the child's output are passed here (the demo prints them; tests keep them for errors). */
  onOutput?: (line: string) => void;
  timeoutMs?: number;
}

export interface PlaygroundProcess {
  /** http://localhost:<port>: the address to open in a browser. */
  url: string;
  port: number;
  child: ChildProcess;
  /** The last lines the Playground printed, for error messages. */
  recentOutput(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** A Playground must not outlive the process that started it (a crashed test run, a killed demo). */
function killOnExit(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of running) c.kill('SIGKILL');
  });
}

export async function startPlaygroundProcess(options: StartPlaygroundOptions): Promise<PlaygroundProcess> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
  };
  if (options.configPath) env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = options.configPath;
  else delete env.M365_AGENTS_PLAYGROUND_CONFIG_PATH;

  const child = spawn(
    process.execPath,
    ['--no-deprecation', playgroundCliPath(), '-e', options.endpoint, '-c', 'msteams', '--dt', '-p', String(options.port)],
    { cwd: options.cwd ?? projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  killOnExit(child);

  const lines: string[] = [];
  let resolvePort: (port: number) => void = () => undefined;
  const portSeen = new Promise<number>((resolve) => (resolvePort = resolve));
  const onChunk = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      options.onOutput?.(line);
      const match = /Listening on (\d+)/.exec(line);
      if (match) resolvePort(Number(match[1]));
    }
  };
  child.stdout?.on('data', onChunk);
  child.stderr?.on('data', onChunk);
  const recentOutput = () => {
    const logTail = existsSync(options.logFile) ? readFileSync(options.logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
    return [...lines.slice(-40), logTail].filter(Boolean).join('\n');
  };

  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
      resolve();
    }),
  );

  async function stop(): Promise<void> {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }

  const failure = (what: string) =>
    new Error(`Agents Playground ${what} (endpoint ${options.endpoint}, config ${options.configPath ?? 'built-in'}).\n${recentOutput()}`);

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(failure(`did not start within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const port = await Promise.race([
      portSeen,
      exited.then(() => Promise.reject(failure(`exited with code ${String(exitCode)} before listening`))),
      timedOut,
    ]);
    const url = `http://localhost:${port}`;
    await Promise.race([waitForPong(`http://127.0.0.1:${port}/_debug/ping`, () => exitCode !== undefined), timedOut]);
    if (exitCode !== undefined) throw failure(`exited with code ${String(exitCode)}`);
    return { url, port, child, recentOutput, stop };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function waitForPong(url: string, gaveUp: () => boolean): Promise<void> {
  while (!gaveUp()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok && (await response.text()).includes('pong')) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface LocaleProxy {
  /** Give this to the Playground as its endpoint (-e). */
  endpoint: string;
  close(): Promise<void>;
}

/**
 * The Playground hard-codes `locale: "en-US"` (and a clientInfo entity with it) in every activity
 * it sends, where Teams sends the user's own UI language; the bot answers in the activity's
 * language, so a Dutch civil servant would get English. This pass-through proxy between the
 * Playground and the bot sets the locale a Dutch Teams client sends. Everything else (method,
 * path, headers, status, invoke response bodies) passes unchanged; the bot's replies go straight
 * to the Playground's serviceUrl, not through here.
 */
export async function startLocaleProxy(botEndpoint: string, locale: string): Promise<LocaleProxy> {
  const target = new URL(botEndpoint);
  const rewrite = (activity: Record<string, unknown>) => {
    if (typeof activity.locale === 'string') activity.locale = locale;
    if (Array.isArray(activity.entities)) {
      for (const entity of activity.entities as Record<string, unknown>[]) {
        if (entity?.type === 'clientInfo' && typeof entity.locale === 'string') entity.locale = locale;
      }
    }
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (body.length > 0 && String(req.headers['content-type'] ?? '').includes('json')) {
        try {
          const activity = JSON.parse(body.toString('utf8')) as unknown;
          if (activity && typeof activity === 'object') {
            rewrite(activity as Record<string, unknown>);
            body = Buffer.from(JSON.stringify(activity));
          }
        } catch {
          // not JSON after all: forward as it came
        }
      }
      const upstream = httpRequest(
        new URL(req.url ?? '/', target),
        { method: req.method, headers: { ...req.headers, host: target.host, 'content-length': String(body.length) } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', (error) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`locale proxy: ${error.message}`);
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}${target.pathname}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The Playground fixes its signed-in user at start: `currentUser` in the config file, read once
 * (there is no UI control or API to switch users). To act as another mock user, start another
 * Playground with a config in which that user is `currentUser`. This derives such a config from
 * the repository's file: the chosen entry of `users` and `currentUser` swap places, and the
 * personal chat gets an id of its own, because with a config file the Playground uses
 * `personalChat.id` literally as the conversation id and two users must not share bot state.
 *
 * A line-based edit (the project has no YAML parser dependency) of the file's known shape:
 * top-level keys at column 0, `currentUser` fields indented by two, `users` entries as `  - `.
 */
export function playgroundConfigForUser(configText: string, userName: string, personalChatId: string): string {
  const lines = configText.split(/\r?\n/);
  const isTopLevel = (line: string) => /^[A-Za-z_][\w-]*\s*:/.test(line);
  const sectionRange = (key: string): [number, number] => {
    const start = lines.findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
    if (start < 0) throw new Error(`Playground config has no top-level "${key}"`);
    let end = start + 1;
    while (end < lines.length && !isTopLevel(lines[end] ?? '')) end += 1;
    return [start, end];
  };
  const unquote = (value: string) => value.trim().replace(/^(["'])(.*)\1$/, '$2');
  const nameOf = (block: string[]) => {
    for (const line of block) {
      const match = /^\s*(?:-\s+)?name\s*:\s*(.+)$/.exec(line);
      if (match?.[1]) return unquote(match[1]);
    }
    return undefined;
  };

  const [currentStart, currentEnd] = sectionRange('currentUser');
  const currentFields = lines.slice(currentStart + 1, currentEnd).filter((line) => /^ {2}\S/.test(line) && !/^\s*#/.test(line));
  if (nameOf(currentFields) === userName) return replacePersonalChat(lines, personalChatId);

  const [usersStart, usersEnd] = sectionRange('users');
  const entries: { start: number; end: number }[] = [];
  for (let i = usersStart + 1; i < usersEnd; i += 1) {
    const line = lines[i] ?? '';
    if (/^ {2}- /.test(line)) entries.push({ start: i, end: i + 1 });
    else if (/^ {4}\S/.test(line) && entries.length > 0) (entries[entries.length - 1] as { end: number }).end = i + 1;
  }
  const chosen = entries.find((entry) => nameOf(lines.slice(entry.start, entry.end)) === userName);
  if (!chosen) {
    const known = [nameOf(currentFields), ...entries.map((entry) => nameOf(lines.slice(entry.start, entry.end)))].filter(Boolean);
    throw new Error(`No mock user "${userName}" in the Playground config; known: ${known.join(', ')}`);
  }
  const chosenFields = lines.slice(chosen.start, chosen.end).filter((line) => !/^\s*#/.test(line));
  const asCurrentUser = chosenFields.map((line) => `  ${line.slice(4)}`);
  const asListEntry = currentFields.map((line, index) => (index === 0 ? `  - ${line.slice(2)}` : `    ${line.slice(2)}`));

  const result = [...lines];
  // Replace the later range first so the earlier indexes stay valid.
  const edits = [
    { start: chosen.start, end: chosen.end, replacement: asListEntry },
    { start: currentStart + 1, end: currentEnd, replacement: asCurrentUser },
  ].sort((a, b) => b.start - a.start);
  for (const edit of edits) result.splice(edit.start, edit.end - edit.start, ...edit.replacement);
  return replacePersonalChat(result, personalChatId);
}

function replacePersonalChat(lines: string[], personalChatId: string): string {
  const result = [...lines];
  const start = result.findIndex((line) => /^personalChat\s*:/.test(line));
  if (start < 0) return [...result, 'personalChat:', `  id: ${personalChatId}`, ''].join('\n');
  for (let i = start + 1; i < result.length && !/^\S/.test(result[i] ?? ''); i += 1) {
    if (/^ {2}id\s*:/.test(result[i] ?? '')) {
      result[i] = `  id: ${personalChatId}`;
      return result.join('\n');
    }
  }
  result.splice(start + 1, 0, `  id: ${personalChatId}`);
  return result.join('\n');
}

/** The display name of `currentUser` in a Playground config file. */
export function playgroundCurrentUser(configText: string): string | undefined {
  const lines = configText.split(/\r?\n/);
  const start = lines.findIndex((line) => /^currentUser\s*:/.test(line));
  if (start < 0) return undefined;
  for (let i = start + 1; i < lines.length && !/^\S/.test(lines[i] ?? ''); i += 1) {
    const match = /^ {2}name\s*:\s*(.+)$/.exec(lines[i] ?? '');
    if (match?.[1]) return match[1].trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return undefined;
}

/** The mock users' display names: `currentUser` first, then `users` in file order. */
export function playgroundUserNames(configText: string): string[] {
  const names: string[] = [];
  const current = playgroundCurrentUser(configText);
  if (current) names.push(current);
  const lines = configText.split(/\r?\n/);
  const start = lines.findIndex((line) => /^users\s*:/.test(line));
  for (let i = start + 1; start >= 0 && i < lines.length && !/^\S/.test(lines[i] ?? ''); i += 1) {
    const match = /^ {2}(?:- | {2})name\s*:\s*(.+)$/.exec(lines[i] ?? '');
    if (match?.[1]) names.push(match[1].trim().replace(/^(["'])(.*)\1$/, '$2'));
  }
  return names;
}

/** Someone from an organisation's demo directory, as the Playground signs them in. */
export interface PlaygroundPerson {
  name: string;
  upn: string;
  aadObjectId: string;
  /** The organisation's tenant, so the activities carry it as Teams would. */
  tenantId: string;
}

/** The Playground's own id for a demo person it signs in (`currentUser.id`). */
export function playgroundPersonUserId(person: Pick<PlaygroundPerson, 'aadObjectId'>): string {
  return `user-id-${person.aadObjectId.slice(-12)}`;
}

/**
 * A config in which someone who is not one of the file's mock users (e.g. a WerkSaam employee
 * from src/organisations/werksaam/demo-people.csv) is `currentUser`, in their organisation's
 * tenant, with a personal chat of their own. The file's five `users` stay as they are (the
 * Playground requires exactly five, with ids unlike the current user's).
 */
export function playgroundConfigForPerson(configText: string, person: PlaygroundPerson, personalChatId: string): string {
  const lines = configText.split(/\r?\n/);
  const start = lines.findIndex((line) => /^currentUser\s*:/.test(line));
  if (start < 0) throw new Error('Playground config has no top-level "currentUser"');
  let end = start + 1;
  while (end < lines.length && !/^[A-Za-z_][\w-]*\s*:/.test(lines[end] ?? '')) end += 1;
  const quote = (value: string) => JSON.stringify(value);
  const [givenName = person.name, ...rest] = person.name.split(' ');
  const current = [
    `  id: ${playgroundPersonUserId(person)}`,
    `  name: ${quote(person.name)}`,
    `  userPrincipleName: ${person.upn}`,
    `  aadObjectId: ${person.aadObjectId}`,
    `  givenName: ${quote(givenName)}`,
    `  surname: ${quote(rest.join(' ') || givenName)}`,
    `  email: ${person.upn}`,
  ];
  const result = [...lines.slice(0, start + 1), ...current, ...lines.slice(end)].map((line) => (/^tenantId\s*:/.test(line) ? `tenantId: ${person.tenantId}` : line));
  return replacePersonalChat(result, personalChatId);
}

/** A mock user's Playground id and Entra object id, from a Playground config file. */
export function playgroundUserIds(configText: string, userName: string): { id: string; aadObjectId: string } | undefined {
  const lines = configText.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const match = /^\s*(?:-\s+)?name\s*:\s*(.+)$/.exec(lines[i] ?? '');
    if (!match?.[1] || match[1].trim().replace(/^(["'])(.*)\1$/, '$2') !== userName) continue;
    // The entry's fields sit around the name line at the same indentation.
    let start = i;
    while (start > 0 && !/^\S/.test(lines[start] ?? '') && !/^\s*-\s/.test(lines[start] ?? '')) start -= 1;
    const block: string[] = [];
    for (let j = start; j < lines.length && (j === start || !/^\s*-\s|^\S/.test(lines[j] ?? '')); j += 1) block.push(lines[j] ?? '');
    const field = (key: string) => block.map((line) => new RegExp(`^\\s*(?:-\\s+)?${key}\\s*:\\s*(.+)$`).exec(line)?.[1]?.trim()).find(Boolean);
    const id = field('id');
    const aadObjectId = field('aadObjectId');
    return id && aadObjectId ? { id, aadObjectId: aadObjectId.toLowerCase() } : undefined;
  }
  return undefined;
}

export interface RoutedUser {
  /** Entra object id, as the bot addresses the person. */
  aadObjectId: string;
  /** The Playground's own id for its user (`currentUser.id`). */
  playgroundUserId: string;
  /** The Playground's connector, e.g. http://localhost:56150/_connector */
  serviceUrl: string;
  /** The personal chat id the Playground was given. */
  personalChatId: string;
}

export interface ChannelRouter {
  /** The messaging endpoint to give the Playground of this user (-e). */
  endpointFor(slug: string): string;
  /** Makes a user reachable through the router before they ever open their page. */
  register(user: RoutedUser): void;
  close(): Promise<void>;
}

/**
 * Stands in for Teams' channel service between several Playgrounds (one per demo person) and the
 * bot. Teams gives every person of a tenant the same regional service URL, where the bot can also
 * open a personal chat with someone who never wrote to it (createConversation); each Playground
 * instead has a connector of its own and knows only its own user. The router gives the bot one
 * service URL for all of them, sends each Bot Connector call to the Playground that owns the
 * conversation, and a createConversation to the Playground of the person named (whose own id it
 * puts in, as that Playground knows its user by it). On the way in it also sets the locale a
 * Dutch Teams client reports (the Playground always says en-US), when one is given.
 */
export async function startChannelRouter(botEndpoint: string, options: { locale?: string | null } = {}): Promise<ChannelRouter> {
  const target = new URL(botEndpoint);
  const byConversation = new Map<string, string>();
  const byPerson = new Map<string, RoutedUser>();
  let base = '';

  const forward = (url: URL, req: import('node:http').IncomingMessage, body: Buffer, res: import('node:http').ServerResponse, onBody?: (text: string) => void) => {
    const upstream = httpRequest(url, { method: req.method, headers: { ...req.headers, host: url.host, 'content-length': String(body.length) } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const text = Buffer.concat(chunks);
        onBody?.(text.toString('utf8'));
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(text);
      });
    });
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`channel router: ${error.message}`);
    });
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = new URL(req.url ?? '/', 'http://router').pathname;
      const json = (): Record<string, any> | undefined => {
        try {
          return body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, any>) : undefined;
        } catch {
          return undefined;
        }
      };
      // A Playground's activity on its way to the bot.
      if (/^\/bot\/[^/]+\/api\/messages$/.test(path)) {
        const activity = json();
        if (!activity) return forward(new URL(target), req, body, res);
        if (typeof activity.serviceUrl === 'string' && activity.conversation?.id) byConversation.set(String(activity.conversation.id), activity.serviceUrl.replace(/\/$/, ''));
        activity.serviceUrl = `${base}/connector/`;
        if (options.locale) {
          if (typeof activity.locale === 'string') activity.locale = options.locale;
          for (const entity of (activity.entities ?? []) as Record<string, unknown>[]) if (entity?.type === 'clientInfo' && typeof entity.locale === 'string') entity.locale = options.locale;
        }
        return forward(new URL(target), req, Buffer.from(JSON.stringify(activity)), res);
      }
      // The bot opening a personal chat: to the named person's Playground, in its own user id.
      if (path === '/connector/v3/conversations' && req.method === 'POST') {
        const request = json();
        const member = request?.members?.[0] as { id?: string; aadObjectId?: string } | undefined;
        const person = byPerson.get(String(member?.aadObjectId ?? member?.id ?? '').toLowerCase());
        if (!request || !person) {
          res.writeHead(404, { 'content-type': 'application/json' });
          return void res.end(JSON.stringify({ error: { code: 'NotFound', message: 'unknown user' } }));
        }
        request.members = [{ ...member, id: person.playgroundUserId }];
        return forward(new URL(`${person.serviceUrl}/v3/conversations`), req, Buffer.from(JSON.stringify(request)), res, (text) => {
          try {
            const id = (JSON.parse(text) as { id?: string }).id;
            if (id) byConversation.set(id, person.serviceUrl);
          } catch {
            // not JSON: nothing to remember
          }
        });
      }
      // Any other Bot Connector call: to the Playground that owns the conversation.
      const conversation = /^\/connector\/v3\/conversations\/([^/]+)/.exec(path)?.[1];
      const upstream = conversation ? byConversation.get(decodeURIComponent(conversation)) : undefined;
      if (!upstream) {
        res.writeHead(404, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ error: { code: 'ConversationNotFound' } }));
      }
      const rest = (req.url ?? '/').replace(/^\/connector/, '');
      return forward(new URL(`${upstream}${rest}`), req, body, res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpointFor: (slug) => `${base}/bot/${encodeURIComponent(slug)}${target.pathname}`,
    register(user) {
      byPerson.set(user.aadObjectId.toLowerCase(), user);
      byConversation.set(user.personalChatId, user.serviceUrl.replace(/\/$/, ''));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
