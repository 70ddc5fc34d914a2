/**
 * A delivery worker as a process of its own (one bot instance's worker), for the tests that kill
 * an instance mid-batch or run several: the real outbox, the real Teams transport through
 * botbuilder's adapter, against the database and the local Bot Connector the parent gives it.
 *
 * Environment: MONGODB_URI, MONGODB_DB, LEASE_MS (short, so a killed worker's lease runs out fast).
 * Prints "ready" when it has started and "sent <n>" on SIGTERM.
 */
import { loadConfig } from '../../src/config/env.js';
import { DeliveryWorker } from '../../src/delivery/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { connectDatabase } from '../../src/storage/database.js';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ConversationReferences } from '../../src/teams/conversationReferences.js';
import { TeamsTransport } from '../../src/teams/transport.js';

const config = loadConfig({ NODE_ENV: 'test', MONGODB_URI: process.env.MONGODB_URI, MONGODB_DB: process.env.MONGODB_DB, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
const database = await connectDatabase({ uri: config.MONGODB_URI, dbName: config.MONGODB_DB });
const logger = createLogger(process.env.WORKER_LOG_LEVEL === 'error' ? 'error' : 'silent');
const transport = new TeamsTransport({ adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), botAppId: '', references: new ConversationReferences(database.db), tenantsOf: async () => [], logger });
let sent = 0;
const counting = {
  send: async (...args: Parameters<TeamsTransport['send']>) => {
    const result = await transport.send(...args);
    if (result.ok) sent += 1;
    return result;
  },
  update: (...args: Parameters<TeamsTransport['update']>) => transport.update(...args),
};
const worker = new DeliveryWorker({ db: database.db, transport: counting, logger, render: async () => undefined, pollMs: 200, leaseMs: Number(process.env.LEASE_MS ?? 2000), batchSize: 5 });
worker.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void worker.stop().then(async () => {
    process.stdout.write(`sent ${sent}\n`);
    await database.close();
    process.exit(0);
  });
});
