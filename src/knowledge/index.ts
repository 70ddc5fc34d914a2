import type { Db } from 'mongodb';
import { loadBuiltInDocuments } from './corpus.js';
import { PolicyKnowledgeBase, type KnowledgeBase, type LoadedDocument } from './kb.js';
import { LiveKnowledgeBase, type LiveKnowledgeOptions } from './live.js';
import { loadImportedDocuments, policyDocumentsCollection } from './store.js';
import type { CollectionDefinition } from '../storage/database.js';
import { resolveContacts, type ContactDirectory } from './contacts.js';
import type { KnowledgeAnswer, Question } from './types.js';

export type { Lang } from './text.js';
export type { AnswerContext, AnswerTopic, AnswerView, Citation, ContactPerson, ContactRole, KnowledgeAnswer, PolicyDocumentInfo, Question, ResolvedContacts, RetrievedPassage, ShownQuote } from './types.js';
export { detectLanguage, detectLanguageOf } from './language.js';
export type { ContactDirectory } from './contacts.js';
export type { KnowledgeBase } from './kb.js';
export { LiveKnowledgeBase, type LiveKnowledgeOptions } from './live.js';
export type { CitedArticle } from './types.js';
export { citedArticles, markdownQuote } from './answer.js';
export { createModelAnswerer, mapMarkers, type CompletePrompt, type ModelAnswerer, type ModelAnswerOptions, type ModelPrompt } from './model.js';

/**
 * Answers a question, naming the people the directory knows for whom it asks about (the
 * confidential counsellors, the integrity coordinator, HR, the asker's own manager). Without
 * a directory, or when it fails, the answer is the same without names.
 */
export async function answerWithDirectory(knowledge: KnowledgeBase, question: Question, directory: ContactDirectory | undefined, askerId?: string): Promise<KnowledgeAnswer> {
  const roles = directory ? knowledge.contactRoles(question) : [];
  const contacts = directory && roles.length > 0 ? await resolveContacts(directory, question.orgId, askerId, roles) : undefined;
  return knowledge.answer(question, { contacts });
}

/** The collections this feature stores data in, for the start-up `ensureCollections` call. */
export const knowledgeCollections: CollectionDefinition[] = [policyDocumentsCollection];

/** The policy library that ships with the product; reads files only, no database. */
export function loadBuiltInKnowledgeBase(): KnowledgeBase {
  return new PolicyKnowledgeBase(loadBuiltInDocuments());
}

/**
 * The built-in library plus every document organisations imported. An imported document
 * with the id of a built-in one replaces it (a newer version of the same policy). With
 * `live`, the library follows imports made while it runs (see `LiveKnowledgeBase`); call
 * `close()` when done.
 */
export async function loadKnowledgeBase(db?: Db, live?: LiveKnowledgeOptions): Promise<KnowledgeBase> {
  const builtIn = loadBuiltInDocuments();
  if (!db) return new PolicyKnowledgeBase(builtIn);
  if (live) return LiveKnowledgeBase.load(db, builtIn, live);
  const imported = await loadImportedDocuments(db);
  const byId = new Map<string, LoadedDocument>(builtIn.map((doc) => [doc.info.id, doc]));
  for (const doc of imported) byId.set(doc.info.id, doc);
  return new PolicyKnowledgeBase([...byId.values()]);
}
