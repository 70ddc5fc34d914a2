import { readFile } from 'node:fs/promises';
import type { StoredPolicyDocument } from './store.js';
import path from 'node:path';
import { cleanExtractedText } from './cleaner.js';
import { parsePolicyMarkdown, renderFrontMatter, separateLeden, splitFrontMatter, structureToMarkdown, type PolicyBlock } from './structure.js';

export type ImportFormat = 'txt' | 'md' | 'pdf' | 'docx';

export interface ImportOptions {
  orgId: string;
  /** Defaults to the organisation id plus the file name. */
  documentId?: string;
  title?: string;
  year?: number;
  source?: string;
}

export interface ImportedPolicy {
  id: string;
  organisation: string;
  title: string;
  year: number;
  source: string;
  format: ImportFormat;
  fileName: string;
  /** The policy Markdown (with front matter) the knowledge base reads. */
  markdown: string;
  blocks: PolicyBlock[];
  /** Distinct section labels in document order, with the amount of text under each. */
  sections: { label: string; characters: number }[];
}

const ORG_ID = /^[a-z0-9-]{2,40}$/;
const DOC_ID = /^[a-z0-9][a-z0-9-]{1,99}$/;

export function formatOf(file: string): ImportFormat {
  const extension = path.extname(file).toLowerCase().replace('.', '');
  if (extension === 'txt' || extension === 'md' || extension === 'pdf' || extension === 'docx') return extension;
  if (extension === 'markdown') return 'md';
  throw new Error(`unsupported file type "${path.extname(file) || file}": use .txt, .md, .pdf or .docx`);
}

export async function importPolicyFile(file: string, options: ImportOptions): Promise<ImportedPolicy> {
  const data = await readFile(file);
  return importPolicy(data, path.basename(file), options);
}

/** Reads one document in any supported format into policy Markdown, detecting its structure. */
export async function importPolicy(data: Buffer, fileName: string, options: ImportOptions): Promise<ImportedPolicy> {
  if (!ORG_ID.test(options.orgId)) throw new Error(`invalid organisation id "${options.orgId}" (lower-case letters, digits and -)`);
  const format = formatOf(fileName);
  let body: string;
  let meta: Record<string, string> = {};
  let articles = false;
  if (format === 'md') {
    const split = splitFrontMatter(data.toString('utf8'));
    meta = split.meta;
    body = split.body;
    articles = /^(true|yes|ja)$/i.test(meta.articles ?? '') || numberedHeadingsHoldLeden(body);
    // Every lid its own passage, as in the built-in texts.
    body = separateLeden(body, articles);
  } else {
    const text = format === 'txt' ? data.toString('utf8') : format === 'pdf' ? await pdfText(data) : await docxText(data);
    const structured = structureToMarkdown(cleanExtractedText(text), options.title);
    body = structured.markdown;
    articles = structured.articles;
  }
  const baseName = fileName.replace(/\.[^.]+$/, '');
  const id = options.documentId ?? meta.id ?? defaultDocumentId(options.orgId, baseName);
  if (!DOC_ID.test(id)) throw new Error(`invalid document id "${id}" (lower-case letters, digits and -)`);
  const firstHeading = /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  const title = options.title ?? meta.title ?? firstHeading ?? baseName;
  const year = options.year ?? (Number.parseInt(meta.year ?? '', 10) || yearIn(`${title} ${baseName}`) || new Date().getFullYear());
  const source = options.source ?? meta.source ?? `Geïmporteerd uit ${fileName}`;
  const frontMatter = renderFrontMatter({
    id,
    title,
    organisation: options.orgId,
    year,
    source,
    articles: articles || /^(true|yes|ja)$/i.test(meta.articles ?? '') ? 'true' : undefined,
    numberedLabel: meta.numberedLabel,
  });
  const markdown = `${frontMatter}\n${body.trim()}\n`;
  const parsed = parsePolicyMarkdown(markdown);
  if (parsed.blocks.length === 0) throw new Error(`no text found in ${fileName} (a scanned PDF without a text layer cannot be imported)`);
  const sections: { label: string; characters: number }[] = [];
  for (const block of parsed.blocks) {
    const last = sections[sections.length - 1];
    if (last && last.label === block.label) last.characters += block.text.length;
    else sections.push({ label: block.label, characters: block.text.length });
  }
  return { id, organisation: options.orgId, title, year, source, format, fileName, markdown, blocks: parsed.blocks, sections };
}

/** "## 5. Geschenken" followed by "1. ..." leden: the numbered headings are articles. */
function numberedHeadingsHoldLeden(body: string): boolean {
  const matches = body.match(/^#{2,6}\s+\d+\.?\s+\S.*\n+(?:\d+[.)]|\(\d+\))\s+\S/gm) ?? [];
  return matches.length >= 2;
}

function defaultDocumentId(orgId: string, baseName: string): string {
  const slug = baseName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug.startsWith(`${orgId}-`) || slug === orgId ? slug : `${orgId}-${slug || 'document'}`;
}

function yearIn(text: string): number | undefined {
  const match = /\b(19|20)\d{2}\b/.exec(text);
  return match ? Number(match[0]) : undefined;
}

/**
 * Text of a PDF's text layer, a line per printed line and a blank line where the vertical
 * gap shows a new paragraph, so the cleaner can rejoin wrapped lines.
 */
export async function pdfText(data: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      let lastY: number | undefined;
      let lineHeight = 0;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5] as number;
        const height = Math.abs(item.height || (item.transform[3] as number) || 10);
        if (lastY !== undefined && Math.abs(lastY - y) > 0.5 && !text.endsWith('\n')) text += '\n';
        if (lastY !== undefined && lastY - y > Math.max(lineHeight, height) * 1.8 && text !== '') text += '\n';
        text += item.str;
        if (item.hasEOL) text += '\n';
        if (item.str.trim() !== '') {
          lastY = y;
          lineHeight = height;
        }
      }
      pages.push(text.trim());
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  return pages.join('\n\n');
}

/**
 * Text of a Word document through mammoth's HTML, which keeps what the author marked:
 * headings become Markdown headings, list items stay items (numbered lists keep numbers).
 */
export async function docxText(data: Buffer): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  const { value: html } = await mammoth.convertToHtml({ buffer: data });
  const out: string[] = [];
  const listCounters: { ordered: boolean; count: number }[] = [];
  for (const token of html.match(/<[^>]+>|[^<]+/g) ?? []) {
    const tag = /^<(\/?)([a-z0-9]+)/i.exec(token);
    if (!tag) {
      out.push(decodeEntities(token));
      continue;
    }
    const closing = tag[1] === '/';
    const name = (tag[2] ?? '').toLowerCase();
    if (name === 'ol' || name === 'ul') {
      if (closing) listCounters.pop();
      else listCounters.push({ ordered: name === 'ol', count: 0 });
      out.push('\n\n');
    } else if (name === 'li' && !closing) {
      const list = listCounters[listCounters.length - 1];
      if (list) list.count++;
      const indent = '  '.repeat(Math.max(0, listCounters.length - 1));
      out.push(`\n\n${indent}${list?.ordered ? `${list.count}. ` : '- '}`);
    } else if (/^h[1-6]$/.test(name)) {
      out.push(closing ? '\n\n' : `\n\n${'#'.repeat(Number(name[1]))} `);
    } else if (name === 'p' || name === 'br' || name === 'tr') {
      out.push('\n\n');
    } else if (name === 'td' || name === 'th') {
      out.push(' ');
    }
  }
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** The stored form of an imported policy, as `saveImportedDocument` takes it. */
export function toStoredDocument(policy: ImportedPolicy, importedAt = new Date()): Omit<StoredPolicyDocument, 'schemaVersion'> {
  return {
    _id: policy.id,
    organisation: policy.organisation,
    title: policy.title,
    year: policy.year,
    source: policy.source,
    markdown: policy.markdown,
    sections: policy.sections,
    format: policy.format,
    fileName: policy.fileName,
    importedAt,
  };
}
