import { organisationsFolder } from '../config/paths.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnyBulkWriteOperation, Db } from 'mongodb';
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
