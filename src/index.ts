import { ConfigurationError, loadConfig } from './config/env.js';
import { limitHeapGrowth } from './config/heap.js';
import { createLogger, errorFields } from './logging/logger.js';
import { startApp } from './app.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigurationError) {
    // One line per bad variable, on stderr, so an operator sees exactly what to fix.
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}

limitHeapGrowth(config.HEAP_GROWTH_PERCENT);
const logger = createLogger(config.LOG_LEVEL);
const app = await startApp({ config, logger, seedDemoData: config.SEED_DEMO_DATA });
logger.info(
  { event: 'started', mode: config.BOT_ID ? 'bot-framework-auth' : 'local', defaultOrg: config.DEFAULT_ORG ?? null },
  `Integriteitsassistent listening on ${app.http.url}/api/messages`,
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'stopping', signal }, 'shutting down');
    app
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ event: 'stop.failed', err: errorFields(error) }, 'shutdown failed');
        process.exit(1);
      });
  });
}
