import { organisationsFolder } from '../config/paths.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnyBulkWriteOperation, Db } from 'mongodb';
import type { z } from 'zod';
import { isDuplicateKeyError, SCHEMA_VERSION } from '../storage/database.js';
import { ORGANISATIONS } from './collections.js';
import { organisationSchema, type Organisation } from './types.js';

export interface OrganisationDocument extends Organisation {
  schemaVersion: number;
  /** False once its file is gone: kept so stored cases still name a known organisation. */
  active: boolean;
}

export function organisationsDirectory(): string {
  return organisationsFolder;
}

/**
 * One feature's data file of one organisation (e.g. gift-rules.json), validated against the
 * feature's schema; its `orgId` must name its folder. Errors name the file and every wrong path.
 */
export function loadOrganisationDataFile<T extends { orgId: string }>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, expectedOrgId?: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${file}:\n${parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n')}`);
  }
  if (expectedOrgId && parsed.data.orgId !== expectedOrgId) throw new Error(`${file}: orgId "${parsed.data.orgId}" must equal its folder "${expectedOrgId}"`);
  return parsed.data;
}

/**
 * A feature's data file from every organisation folder that has one, by organisation id. Loaded
 * at start-up: a bad file stops the bot rather than let it give wrong advice later.
 */
export function loadOrganisationDataFiles<T extends { orgId: string }>(fileName: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, directory: string = organisationsDirectory()): Map<string, T> {
  const files = new Map<string, T>();
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name, fileName);
    if (entry.isDirectory() && existsSync(file)) files.set(entry.name, loadOrganisationDataFile(file, schema, entry.name));
  }
  return files;
}

export function loadOrganisationFiles(directory: string = organisationsDirectory()): Organisation[] {
  const problems: string[] = [];
  const organisations: Organisation[] = [];
  const folders = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(directory, entry.name, 'organisation.json')))
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const file = path.join(directory, folder, 'organisation.json');
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = organisationSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      continue;
    }
    if (parsed.data.id !== folder) {
      problems.push(`${file}: id "${parsed.data.id}" must equal its folder name "${folder}"`);
      continue;
    }
    organisations.push(parsed.data);
  }
  const prefixOwners = new Map<string, string>();
  for (const org of organisations) {
    const owner = prefixOwners.get(org.referencePrefix);
    if (owner) problems.push(`referencePrefix ${org.referencePrefix} is used by both ${owner} and ${org.id}`);
    prefixOwners.set(org.referencePrefix, org.id);
  }
  if (problems.length > 0) throw new Error(`Invalid organisation files:\n${problems.join('\n')}`);
  return organisations;
}

/**
 * The files are the source of truth; the collection mirrors them so every instance reads the
 * same data. Replacing (not merging) drops keys removed from a file. Organisations whose file
 * disappeared are marked inactive rather than deleted.
 */
export async function syncOrganisations(db: Db, organisations: Organisation[] = loadOrganisationFiles()): Promise<void> {
  const operations: AnyBulkWriteOperation<OrganisationDocument>[] = organisations.map((org) => ({
    replaceOne: {
      filter: { id: org.id },
      replacement: { ...org, schemaVersion: SCHEMA_VERSION, active: true },
      upsert: true,
    },
  }));
  operations.push({
    updateMany: {
      filter: { id: { $nin: organisations.map((org) => org.id) }, active: true },
      update: { $set: { active: false } },
    },
  });
  const collection = db.collection<OrganisationDocument>(ORGANISATIONS);
  try {
    await collection.bulkWrite(operations, { ordered: true });
  } catch (error) {
    // Two instances starting together can race on the same upsert; the loser's retry finds
    // the document and replaces it.
    if (!isDuplicateKeyError(error)) throw error;
    await collection.bulkWrite(operations, { ordered: true });
  }
}
