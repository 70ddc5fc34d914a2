import restify from 'restify';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../storage/database.js';
import type { Bot } from './bot.js';
import { PUBLIC_SIDE_JOB_REGISTER_ROUTE, publicSideJobRegisterHandler } from './publicRegister.js';

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
export async function startHttpServer(bot: Bot, database: Database, logger: Logger, port: number, host?: string): Promise<HttpServer> {
  const server = restify.createServer({ name: 'integriteitsassistent', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 512 * 1024 }));

  let inFlight = 0;
  let draining = false;
  const idleWaiters: (() => void)[] = [];

  server.post('/api/messages', async (req, res) => {
    if (draining) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    inFlight += 1;
    try {
      await bot.handle(req, res);
    } catch (error) {
      logger.error({ event: 'http.messages.error', err: { name: (error as Error).name, message: (error as Error).message } }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
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
