import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root: the folder with package.json, found upwards from this module so it is the
 * same whether the code runs from src/ (tsx) or compiled from dist/src/ (tsc copies no data
 * files, so data is always read from the source tree).
 */
function findProjectRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) return process.cwd();
    folder = parent;
  }
  return folder;
}

export const projectRoot = findProjectRoot();

/** Per-organisation data: organisation.json, policies/, gift-rules.json. */
export const organisationsFolder = path.join(projectRoot, 'src', 'organisations');

/** teams-ai prompt folders. */
export const promptsFolder = path.join(projectRoot, 'prompts');
