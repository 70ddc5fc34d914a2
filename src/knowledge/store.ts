import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { SCHEMA_VERSION, type CollectionDefinition } from '../storage/database.js';
import { documentFromMarkdown } from './corpus.js';
import type { LoadedDocument } from './kb.js';

export const POLICY_DOCUMENTS = 'policyDocuments';

export const policyDocumentsCollection: CollectionDefinition = {
  name: POLICY_DOCUMENTS,
  indexes: [{ key: { organisation: 1 }, name: 'organisation' }],
};

/**
 * One stored document per policy, holding its whole text, so replacing a policy is a
 * single replaceOne: readers see the old version or the new one, never a mix. The policy
 * Markdown is the source of truth; the section list is there for reporting.
 */
export interface StoredPolicyDocument {
  _id: string;
  schemaVersion: number;
  organisation: string;
  title: string;
  year: number;
  source: string;
  markdown: string;
  sections: { label: string; characters: number }[];
  format: string;
  fileName: string;
  importedAt: Date;
  /** New on every import: with importedAt, what a running bot compares to see a changed document. */
  revision?: string;
}

export async function saveImportedDocument(db: Db, document: Omit<StoredPolicyDocument, 'schemaVersion'>): Promise<'created' | 'replaced'> {
  const result = await db
    .collection<StoredPolicyDocument>(POLICY_DOCUMENTS)
    .replaceOne({ _id: document._id }, { ...document, revision: document.revision ?? randomUUID(), schemaVersion: SCHEMA_VERSION }, { upsert: true });
  return result.upsertedCount > 0 ? 'created' : 'replaced';
}

/** An imported document as the knowledge base holds it, with the version it was read at. */
export interface ImportedDocument {
  document: LoadedDocument;
  version: string;
}

const READABLE = { schemaVersion: { $lte: SCHEMA_VERSION } };

function versionOf(entry: Pick<StoredPolicyDocument, 'importedAt' | 'revision'>): string {
  return `${entry.importedAt instanceof Date ? entry.importedAt.getTime() : String(entry.importedAt)}:${entry.revision ?? ''}`;
}

/**
 * The version of every imported document, without their texts: a small read that tells a
 * running bot whether anything was imported, replaced or removed since it last looked.
 */
export async function importedVersions(db: Db): Promise<Map<string, string>> {
  const entries = await db
    .collection<StoredPolicyDocument>(POLICY_DOCUMENTS)
    .find(READABLE, { projection: { _id: 1, importedAt: 1, revision: 1 } })
    .toArray();
  return new Map(entries.map((entry) => [entry._id, versionOf(entry)]));
}

/** Imported documents, all of them or only the given ids, in id order. */
export async function loadImported(db: Db, ids?: string[]): Promise<ImportedDocument[]> {
  const filter = ids ? { ...READABLE, _id: { $in: ids } } : READABLE;
  const stored = await db.collection<StoredPolicyDocument>(POLICY_DOCUMENTS).find(filter).sort({ _id: 1 }).toArray();
  return stored.map((entry) => {
    const document = documentFromMarkdown(entry.markdown, { id: entry._id, organisation: entry.organisation });
    // The stored fields are what the import validated; they win over the Markdown's own header.
    document.info = { id: entry._id, organisation: entry.organisation, title: entry.title, year: entry.year, source: entry.source };
    return { document, version: versionOf(entry) };
  });
}

export async function loadImportedDocuments(db: Db): Promise<LoadedDocument[]> {
  return (await loadImported(db)).map((entry) => entry.document);
}
