import type { Db } from 'mongodb';
import { PolicyKnowledgeBase, type KnowledgeBase, type LoadedDocument } from './kb.js';
import { importedVersions, loadImported, type ImportedDocument } from './store.js';
import type { AnswerContext, Citation, ContactRole, KnowledgeAnswer, PolicyDocumentInfo, Question, RetrievedPassage } from './types.js';

export interface LiveKnowledgeOptions {
  /** How often to look for imported, replaced or removed documents. */
  refreshIntervalMs: number;
  /** Told about each rebuild (ids and timings only) and each failed check. */
  onRefresh?: (event: { documents: number; changed: string[]; removed: string[]; buildMs: number }) => void;
  onError?: (error: unknown) => void;
}

/**
 * The policy library of a running bot: built-in texts plus imported ones, kept current
 * without a restart. Every instance checks on its own (several may share one database) with a
 * small read of the imported documents' versions every `refreshIntervalMs`, never per
 * question; when something changed it reads only the changed documents, builds a new index
 * in the background and swaps it in at once, so a question is answered from the old library
 * or the new one, never from a mix.
 */
export class LiveKnowledgeBase implements KnowledgeBase {
  private current: PolicyKnowledgeBase;
  private readonly imported = new Map<string, ImportedDocument>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<boolean> | undefined;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly builtIn: LoadedDocument[],
    imported: ImportedDocument[],
    private readonly options: LiveKnowledgeOptions,
  ) {
    for (const entry of imported) this.imported.set(entry.document.info.id, entry);
    this.current = this.build();
  }

  static async load(db: Db, builtIn: LoadedDocument[], options: LiveKnowledgeOptions): Promise<LiveKnowledgeBase> {
    const live = new LiveKnowledgeBase(db, builtIn, await loadImported(db), options);
    live.start();
    return live;
  }

  /** Starts the periodic check (unref'd: it never keeps the process alive on its own). */
  start(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => {
      void this.refresh().catch((error: unknown) => this.options.onError?.(error));
    }, this.options.refreshIntervalMs);
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Checks the versions once and rebuilds when anything changed; true when it did. Concurrent
   * calls share one check.
   */
  refresh(): Promise<boolean> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async check(): Promise<boolean> {
    const versions = await importedVersions(this.db);
    const changed = [...versions].filter(([id, version]) => this.imported.get(id)?.version !== version).map(([id]) => id);
    const removed = [...this.imported.keys()].filter((id) => !versions.has(id));
    if (changed.length === 0 && removed.length === 0) return false;
    // Only what changed is read and parsed again; the rest is kept as parsed.
    const fresh = changed.length > 0 ? await loadImported(this.db, changed) : [];
    if (this.closed) return false;
    for (const id of removed) this.imported.delete(id);
    for (const entry of fresh) this.imported.set(entry.document.info.id, entry);
    // Yield first: the build is synchronous, and a question already queued should not wait for it.
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    this.current = this.build();
    this.options.onRefresh?.({ documents: this.imported.size, changed, removed, buildMs: Math.round(performance.now() - started) });
    return true;
  }

  /** The built-in library with the imported documents; an import with a built-in id replaces it. */
  private build(): PolicyKnowledgeBase {
    const byId = new Map<string, LoadedDocument>(this.builtIn.map((doc) => [doc.info.id, doc]));
    for (const [id, entry] of [...this.imported].sort(([a], [b]) => a.localeCompare(b))) byId.set(id, entry.document);
    return new PolicyKnowledgeBase([...byId.values()]);
  }

  answer(question: Question, context?: AnswerContext): KnowledgeAnswer {
    return this.current.answer(question, context);
  }

  contactRoles(question: Question): ContactRole[] {
    return this.current.contactRoles(question);
  }

  retrieve(question: Question, limit?: number): RetrievedPassage[] {
    return this.current.retrieve(question, limit);
  }

  section(documentId: string, sectionRef: string): Citation | undefined {
    return this.current.section(documentId, sectionRef);
  }

  documents(): PolicyDocumentInfo[] {
    return this.current.documents();
  }
}
