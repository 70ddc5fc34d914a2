import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startFerretDb } from '../../scripts/lib/ferretdb.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

/**
 * One FerretDB for the whole run on a free port with a throwaway data folder; each test file
 * then works in a database of its own. With MONGODB_URI set the same tests run against that
 * server instead (for example a real MongoDB), which keeps us honest about portability.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.MONGODB_URI) {
    project.provide('mongoUri', process.env.MONGODB_URI);
    return async () => undefined;
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'integriteit-ferretdb-'));
  const server = await startFerretDb({ port: await freePort(), dataDir, detached: false });
  project.provide('mongoUri', server.uri);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
