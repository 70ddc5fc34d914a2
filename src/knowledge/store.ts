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
}

export async function saveImportedDocument(db: Db, document: Omit<StoredPolicyDocument, 'schemaVersion'>): Promise<'created' | 'replaced'> {
  const result = await db
    .collection<StoredPolicyDocument>(POLICY_DOCUMENTS)
    .replaceOne({ _id: document._id }, { ...document, schemaVersion: SCHEMA_VERSION }, { upsert: true });
  return result.upsertedCount > 0 ? 'created' : 'replaced';
}

export async function loadImportedDocuments(db: Db): Promise<LoadedDocument[]> {
  const stored = await db
    .collection<StoredPolicyDocument>(POLICY_DOCUMENTS)
    .find({ schemaVersion: { $lte: SCHEMA_VERSION } })
    .sort({ _id: 1 })
    .toArray();
  return stored.map((entry) => {
    const doc = documentFromMarkdown(entry.markdown, { id: entry._id, organisation: entry.organisation });
    // The stored fields are what the import validated; they win over the Markdown's own header.
    doc.info = { id: entry._id, organisation: entry.organisation, title: entry.title, year: entry.year, source: entry.source };
    return doc;
  });
}
