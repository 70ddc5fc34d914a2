import './knownDeprecations.js';
import type { IncomingMessage } from 'node:http';
import restify from 'restify';
import { errorFields, type Logger } from '../logging/logger.js';
import type { Database } from '../storage/database.js';
import { TurnAdmission, DEFAULT_TURN_LIMITS, type TurnLimits } from './admission.js';
import type { Bot } from './bot.js';
import { httpErrors, type HttpAnswer } from './httpAnswer.js';
import { PUBLIC_SIDE_JOB_REGISTER_ROUTE, publicSideJobRegisterHandler } from './publicRegister.js';

/** Teams messages are at most about 100 KB; the margin is for cards and entities. */
export const MAX_BODY_BYTES = 512 * 1024;

export interface HttpServer {
  /** The base URL it listens on, e.g. http://127.0.0.1:3978. */
  url: string;
  /** Stops accepting, waits for in-flight turns up to the bound, then resolves. */
  close(timeoutMs: number): Promise<void>;
}

/**
 * restify server: `POST /api/messages` for the Bot Framework, `/healthz` for liveness and
 * `/readyz` for readiness (the database answers a ping). Tracks in-flight turns so a
 * shutdown lets them finish within a bound instead of cutting a user's turn in half.
 */
export async function startHttpServer(bot: Bot, database: Database, logger: Logger, port: number, host?: string, limits: TurnLimits = DEFAULT_TURN_LIMITS): Promise<HttpServer> {
  const server = restify.createServer({ name: 'integriteitsassistent', handleUncaughtExceptions: false });
  // No body parser plugin: its errors quote the parser's exception text. The one route that
  // takes a body reads it below.

  let inFlight = 0;
  let draining = false;
  // Bounds the turns in progress: a client that gave up must not leave work piling up (src/teams/admission.ts).
  const admission = new TurnAdmission(limits);
  const idleWaiters: (() => void)[] = [];

  server.post('/api/messages', async (req, res) => {
    const reply = (answer: HttpAnswer) => {
      if (answer.body === undefined) {
        res.status(answer.status);
        res.end();
      } else res.send(answer.status, answer.body);
    };
    if (draining) {
      reply({ status: 503, body: httpErrors.shuttingDown() });
      return;
    }
    inFlight += 1;
    const gone = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) gone.abort();
    };
    res.once('close', onClose);
    let release: (() => void) | undefined;
    try {
      const admitted = await admission.admit(gone.signal);
      if (admitted.kind === 'gone') return;
      if (admitted.kind === 'busy') {
        logger.warn({ event: 'http.messages.busy', waiting: admission.waiting }, 'too many turns waiting');
        res.header('Retry-After', '1');
        reply({ status: 503, body: httpErrors.busy() });
        return;
      }
      release = admitted.release;
      const body = await readJsonBody(req, MAX_BODY_BYTES);
      reply('answer' in body ? body.answer : await bot.handle(body.json, req.headers));
    } catch (error) {
      logger.error({ event: 'http.messages.error', err: errorFields(error) }, 'request failed');
      if (!res.headersSent) reply({ status: 500, body: httpErrors.internal() });
    } finally {
      release?.();
      res.off('close', onClose);
      inFlight -= 1;
      if (inFlight === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  });

  server.get(PUBLIC_SIDE_JOB_REGISTER_ROUTE, publicSideJobRegisterHandler(bot.services));

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    const databaseUp = !draining && (await database.ping());
    res.send(databaseUp ? 200 : 503, { status: databaseUp ? 'ready' : 'not ready', database: databaseUp ? 'up' : 'down' });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const url = `http://${host ?? 'localhost'}:${address.port}`;
  logger.info({ event: 'http.listening', port: address.port }, 'listening');

  return {
    url,
    async close(timeoutMs: number) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) {
        const idle = new Promise<void>((resolve) => idleWaiters.push(resolve));
        const timedOut = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
        if ((await Promise.race([idle, timedOut])) === 'timeout') {
          logger.warn({ event: 'http.shutdown.timeout', inFlight }, 'shutting down with turns still running');
        }
      }
      // Keep-alive sockets would hold close() open; in-flight work is done or abandoned by now.
      server.server.closeAllConnections?.();
      await closed;
    },
  };
}

/** The request body as JSON, or the 4xx answer that says why not (with a fixed text). */
async function readJsonBody(req: IncomingMessage, limit: number): Promise<{ json: unknown } | { answer: HttpAnswer }> {
  const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!/^application\/([a-z.+-]+\+)?json\b/.test(contentType)) {
    req.resume();
    return { answer: { status: 415, body: httpErrors.notJson() } };
  }
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return { answer: { status: 413, body: httpErrors.tooLarge(limit) } };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      return { answer: { status: 413, body: httpErrors.tooLarge(limit) } };
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return { json: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { answer: { status: 400, body: httpErrors.invalidJson() } };
  }
}
