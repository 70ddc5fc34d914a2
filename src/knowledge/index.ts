import type { Db } from 'mongodb';
import { loadBuiltInDocuments } from './corpus.js';
import { PolicyKnowledgeBase, type KnowledgeBase, type LoadedDocument } from './kb.js';
import { loadImportedDocuments, policyDocumentsCollection } from './store.js';
import type { CollectionDefinition } from '../storage/database.js';

export type { Lang } from './text.js';
export type { AnswerTopic, Citation, KnowledgeAnswer, PolicyDocumentInfo, Question, RetrievedPassage } from './types.js';
export type { KnowledgeBase } from './kb.js';
export { toAnswerActivity } from './activity.js';
export { createModelAnswerer, type ModelAnswerer } from './model.js';

/** The collections this feature stores data in, for the start-up `ensureCollections` call. */
export const knowledgeCollections: CollectionDefinition[] = [policyDocumentsCollection];

/** The policy library that ships with the product; reads files only, no database. */
export function loadBuiltInKnowledgeBase(): KnowledgeBase {
  return new PolicyKnowledgeBase(loadBuiltInDocuments());
}

/**
 * The built-in library plus every document organisations imported. An imported document
 * with the id of a built-in one replaces it (a newer version of the same policy).
 */
export async function loadKnowledgeBase(db?: Db): Promise<KnowledgeBase> {
  const builtIn = loadBuiltInDocuments();
  if (!db) return new PolicyKnowledgeBase(builtIn);
  const imported = await loadImportedDocuments(db);
  const byId = new Map<string, LoadedDocument>(builtIn.map((doc) => [doc.info.id, doc]));
  for (const doc of imported) byId.set(doc.info.id, doc);
  return new PolicyKnowledgeBase([...byId.values()]);
}
