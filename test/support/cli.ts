import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestBot } from './bot.js';
import { testMongoUri } from './database.js';

const run = promisify(execFile);

/** Runs an administrator command (`src/cli/<name>.ts`) as a process of its own against the test bot's database. */
export async function runCommand(bot: TestBot, command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['--import', 'tsx', `src/cli/${command}.ts`, ...args], {
    env: { ...process.env, MONGODB_URI: testMongoUri(), MONGODB_DB: bot.app.database.db.databaseName, LOG_LEVEL: 'silent' },
  });
}
