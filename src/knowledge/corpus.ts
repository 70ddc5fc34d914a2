import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { organisationsFolder } from '../config/paths.js';
import type { LoadedDocument } from './kb.js';
import { parsePolicyMarkdown } from './structure.js';
import type { PolicyDocumentInfo } from './types.js';

/**
 * The built-in library: `src/organisations/<scope>/policies/<docId>.md`, where scope is an
 * organisation id, `national` or `background`. Next to this module when run from source;
 * from the working directory when run compiled (tsc does not copy Markdown into dist/).
 */
export function organisationsRoot(): string {
  return organisationsFolder;
}

export function loadBuiltInDocuments(root: string = organisationsRoot()): LoadedDocument[] {
  if (!existsSync(root)) return [];
  const documents: LoadedDocument[] = [];
  const scopes = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, entry.name, 'policies')))
    .map((entry) => entry.name)
    .sort();
  for (const scope of scopes) {
    const folder = path.join(root, scope, 'policies');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.md')).sort()) {
      const source = readFileSync(path.join(folder, file), 'utf8');
      documents.push(documentFromMarkdown(source, { id: file.replace(/\.md$/, ''), organisation: scope }));
    }
  }
  return documents;
}

/** Reads policy Markdown; the front matter wins over the fallbacks (file name and folder). */
export function documentFromMarkdown(source: string, fallback: { id: string; organisation: string }): LoadedDocument {
  const parsed = parsePolicyMarkdown(source);
  const meta = parsed.meta;
  const year = Number.parseInt(meta.year ?? '', 10);
  const info: PolicyDocumentInfo = {
    id: meta.id || fallback.id,
    title: meta.title || parsed.blocks[0]?.headingPath[0] || fallback.id,
    organisation: meta.organisation || fallback.organisation,
    year: Number.isFinite(year) ? year : 0,
    source: meta.source || '',
  };
  return { info, blocks: parsed.blocks };
}
