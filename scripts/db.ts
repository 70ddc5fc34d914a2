import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, startFerretDb, waitForPing } from './lib/ferretdb.js';

/**
 * `npm run db:start` / `npm run db:stop`: the local database for the demo and for development.
 * Data lives in the git-ignored .data/ferretdb; the pid is recorded so stop finds the process.
 */
const dataRoot = path.join(projectRoot, '.data');
const dataDir = path.join(dataRoot, 'ferretdb');
const pidFile = path.join(dataRoot, 'ferretdb.pid');
const port = Number(process.env.FERRETDB_PORT ?? 27017);
const uri = `mongodb://127.0.0.1:${port}`;

function runningPid(): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

async function start(): Promise<void> {
  const pid = runningPid();
  if (pid) {
    await waitForPing(uri, 10_000);
    console.log(`FerretDB already running (pid ${pid}).`);
  } else {
    const running = await startFerretDb({ port, dataDir, detached: true, logFile: path.join(dataRoot, 'ferretdb.log') });
    writeFileSync(pidFile, String(running.process.pid));
    console.log(`FerretDB v1.24.2 started (pid ${running.process.pid}), data in ${path.relative(projectRoot, dataDir)}.`);
  }
  console.log(`MONGODB_URI=${uri}`);
}

async function stop(): Promise<void> {
  const pid = runningPid();
  if (!pid) {
    console.log('FerretDB is not running.');
    rmSync(pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      process.kill(pid, 0);
    } catch {
      break;
    }
  }
  rmSync(pidFile, { force: true });
  console.log(`FerretDB stopped (pid ${pid}).`);
}

const command = process.argv[2];
if (command === 'start') await start();
else if (command === 'stop') await stop();
else {
  console.error('usage: tsx scripts/db.ts start|stop');
  process.exit(2);
}
