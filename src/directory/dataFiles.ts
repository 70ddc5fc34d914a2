import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { organisationsDirectory } from './organisations.js';

/**
 * A feature's data file of one organisation (`src/organisations/<id>/<name>.json`), parsed by the
 * feature's schema. A broken file throws with one line per problem, so the bot stops at start-up
 * rather than act on wrong rules later.
 */
export function loadOrganisationDataFile<T extends { orgId: string }>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, expectedOrgId?: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}:\n${parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n')}`);
  if (expectedOrgId && parsed.data.orgId !== expectedOrgId) throw new Error(`${file}: orgId "${parsed.data.orgId}" must equal its folder "${expectedOrgId}"`);
  return parsed.data;
}

/** That file of every organisation that has one, by organisation id. */
export function loadOrganisationDataFiles<T extends { orgId: string }>(fileName: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, directory: string = organisationsDirectory()): Map<string, T> {
  const files = new Map<string, T>();
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name, fileName);
    if (entry.isDirectory() && existsSync(file)) files.set(entry.name, loadOrganisationDataFile(file, schema, entry.name));
  }
  return files;
}
