import { looksLikeHeading } from './cleaner.js';

/**
 * The policy Markdown dialect every document in the knowledge base is read from, built-in
 * or imported:
 *
 * - a front-matter block (`key: value` lines between `---`): id, title, organisation, year,
 *   source, and optionally `articles: true` (numbered headings are articles) or
 *   `numberedLabel: Vraag` (numbered headings are cited as "Vraag 3");
 * - `#` headings; `#` is the document's own heading and never part of a section label;
 * - blocks separated by blank lines: a paragraph, a lid ("2. Als een werknemer ..."), or a
 *   paragraph with its list items on the following lines ("- item", "a. item", indented for
 *   nesting);
 * - HTML comments are editorial notes and are not part of the text.
 */

export interface PolicyBlock {
  /** Human citation label, e.g. "Artikel 5 lid 2", "§ 3.2.1.5 Geschenken, giften en diensten". */
  label: string;
  /** Heading texts from the document heading down, for search and display. */
  headingPath: string[];
  /** The exact text, without a leading lid number (the label carries it). */
  text: string;
  /** Position in the document, to restore document order when quoting several blocks. */
  order: number;
}

export interface ParsedPolicy {
  meta: Record<string, string>;
  blocks: PolicyBlock[];
}

interface Heading {
  level: number;
  text: string;
  /** "3.2.1.5" for numbered headings. */
  number?: string;
  title: string;
  article?: string;
  /** Headings of empty sections just before this one at the same level ("8." before "9."). */
  merged: Heading[];
  hasContent?: boolean;
}

const NUMBERED_HEADING = /^(?:§\s*)?(\d+(?:\.\s?\d+)*)\.?\s*(.*)$/;

export function parsePolicyMarkdown(source: string): ParsedPolicy {
  const { meta, body } = splitFrontMatter(source);
  const articlesByNumber = /^(true|yes|ja)$/i.test(meta.articles ?? '');
  const numberedLabel = meta.numberedLabel?.trim() || undefined;
  const text = body.replace(/<!--[\s\S]*?-->/g, '');
  const blocks: PolicyBlock[] = [];
  const stack: Heading[] = [];
  let pendingEmpty: Heading[] = [];
  let currentLid: { article: string; lid: string } | undefined;
  let order = 0;

  const flush = (lines: string[]) => {
    if (lines.length === 0) return;
    const raw = lines.join('\n').trim();
    if (raw === '') return;
    pendingEmpty = [];
    for (const heading of stack) heading.hasContent = true;
    const article = [...stack].reverse().find((heading) => heading.article !== undefined)?.article;
    let label: string;
    let blockText = raw;
    if (article !== undefined) {
      const lid = /^(\d+[a-z]?)\.\s+/.exec(raw);
      if (lid) {
        currentLid = { article, lid: lid[1] ?? '' };
        blockText = raw.slice(lid[0].length);
      } else if (currentLid?.article !== article) {
        currentLid = undefined;
      }
      label = currentLid && currentLid.article === article ? `Artikel ${article} lid ${currentLid.lid}` : `Artikel ${article}`;
    } else {
      label = labelFor(stack, numberedLabel);
    }
    blocks.push({
      label,
      headingPath: stack.map((heading) => [...heading.merged.map((m) => m.text), heading.text].join(' ')),
      text: blockText,
      order: order++,
    });
  };

  let paragraph: string[] = [];
  for (const line of text.split('\n')) {
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush(paragraph);
      paragraph = [];
      const level = (heading[1] ?? '#').length;
      const headingText = (heading[2] ?? '').trim();
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) {
        const closed = stack.pop();
        // Only numbered siblings share an answer ("8." and "9." above one text); an empty
        // unnumbered heading such as "Ondertekening" stands alone.
        if (closed && closed.level === level && !closed.hasContent && closed.number !== undefined) pendingEmpty.push(closed);
      }
      const entry = makeHeading(level, headingText, articlesByNumber);
      entry.merged = entry.number !== undefined ? pendingEmpty.filter((empty) => empty.level === level) : [];
      pendingEmpty = [];
      stack.push(entry);
      currentLid = undefined;
      continue;
    }
    if (line.trim() === '') {
      flush(paragraph);
      paragraph = [];
      continue;
    }
    paragraph.push(line.replace(/\s+$/, ''));
  }
  flush(paragraph);
  return { meta, blocks };
}

function makeHeading(level: number, text: string, articlesByNumber: boolean): Heading {
  const heading: Heading = { level, text, title: text, merged: [] };
  const article = /^Artikel\s+(\d+[a-z]?)\b[.:]?\s*(.*)$/i.exec(text);
  if (article && level >= 2) {
    heading.article = article[1];
    heading.number = article[1];
    heading.title = article[2] || text;
    return heading;
  }
  const numbered = NUMBERED_HEADING.exec(text);
  if (numbered && /^\d/.test(text.replace(/^§\s*/, ''))) {
    heading.number = (numbered[1] ?? '').replace(/\s/g, '');
    heading.title = (numbered[2] ?? '').trim() || text;
    if (articlesByNumber && level >= 2 && !heading.number.includes('.')) heading.article = heading.number;
  }
  return heading;
}

function labelFor(stack: Heading[], numberedLabel: string | undefined): string {
  const path = stack.filter((heading) => heading.level >= 2);
  if (path.length === 0) return 'Aanhef';
  const deepest = path[path.length - 1] as Heading;
  if (numberedLabel) {
    const numbered = [...path].reverse().find((heading) => heading.number !== undefined && !heading.number.includes('.'));
    if (numbered?.number) {
      const numbers = [...numbered.merged.map((m) => m.number).filter((n): n is string => n !== undefined), numbered.number];
      return `${numberedLabel} ${numbers.join(' en ')}`;
    }
  }
  if (deepest.number?.includes('.')) return `§ ${deepest.number} ${deepest.title}`;
  return path.map((heading) => (heading.number !== undefined ? heading.title : heading.text)).join(' › ');
}

export function splitFrontMatter(source: string): { meta: Record<string, string>; body: string } {
  const normalised = source.replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(normalised);
  if (!match) return { meta: {}, body: normalised };
  const meta: Record<string, string> = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const entry = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!entry) continue;
    meta[entry[1] ?? ''] = unquote((entry[2] ?? '').trim());
  }
  return { meta, body: normalised.slice(match[0].length) };
}

function unquote(value: string): string {
  if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))) {
    try {
      return value.startsWith('"') ? (JSON.parse(value) as string) : value.slice(1, -1);
    } catch {
      return value.slice(1, -1);
    }
  }
  return value;
}

export function renderFrontMatter(meta: Record<string, string | number | boolean | undefined>): string {
  const lines = Object.entries(meta)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${typeof value === 'string' && /[:#'"]|^\s|\s$/.test(value) ? JSON.stringify(value) : String(value)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** A lid's number as documents write it: "1. ", "(1) ", "1) ", "lid 1 ". */
const LID_MARKER = /^(?:\((\d+[a-z]?)\)|lid\s+(\d+[a-z]?)[.:]?|(\d+[a-z]?)[.)])\s+(?=\S)/i;

function asLid(paragraph: string): string {
  return paragraph.replace(LID_MARKER, (_match, inBrackets?: string, named?: string, plain?: string) => `${inBrackets ?? named ?? plain}. `);
}

/**
 * Separates leden that a Markdown source wrote on consecutive lines ("1. …" directly followed
 * by "2. …") into blocks of their own, and writes "(2)" and "2)" as "2.", under article
 * headings only: elsewhere such lines may be one list.
 */
export function separateLeden(body: string, articles: boolean): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let inArticle = false;
  for (const line of lines) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      inArticle = /^artikel\s+\d/i.test(heading[2] ?? '') || (articles && /^\d+[a-z]?\.?\s/.test(heading[2] ?? '') && !/^\d+\.\d/.test(heading[2] ?? ''));
      out.push(line);
      continue;
    }
    const lid = inArticle ? /^(?:\((\d+[a-z]?)\)|(\d+[a-z]?)[.)])\s+(\S.*)$/.exec(line) : null;
    if (lid) {
      if (out.length > 0 && (out[out.length - 1] ?? '').trim() !== '') out.push('');
      out.push(`${lid[1] ?? lid[2]}. ${lid[3]}`);
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/**
 * Turns cleaned text (one paragraph per line, see cleaner.ts) into policy Markdown by
 * detecting headings, articles, leden and lists. Heuristic by nature: the import CLI reports
 * the sections it found so a person can check them.
 */
export function structureToMarkdown(cleaned: string, title?: string): { markdown: string; articles: boolean } {
  const paragraphs = cleaned.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p !== '');
  const isNumberedHeading = (p: string) => /^(?:artikel\s+)?\d+(?:\.\s?\d+)*\.?\s*\S/i.test(p) && looksLikeHeading(p);
  const isArticleHeading = (p: string) => /^artikel\s+\d+[a-z]?\b/i.test(p) && (p.length <= 90 || !/[.;]$/.test(p));
  const isLid = (p: string) => LID_MARKER.test(p) && !looksLikeHeading(asLid(p));
  const isListItem = (p: string) => /^\s*(?:[-•]\s+|[a-z]\.\s+|\(?[a-z]\)\s+)/.test(p);

  // Numbered headings directly followed by numbered leden make the document article-based.
  let articleVotes = 0;
  paragraphs.forEach((p, i) => {
    const heading = p.replace(/^#{1,6}\s+/, '');
    if (isNumberedHeading(heading) && !/^artikel/i.test(heading) && isLid(paragraphs[i + 1] ?? '')) articleVotes++;
  });
  const articles = articleVotes >= 2;

  const out: string[] = [];
  let documentTitle = title;
  if (!documentTitle) {
    const first = paragraphs.find((p) => looksLikeHeading(p.replace(/^#{1,6}\s+/, '')));
    documentTitle = first?.replace(/^#{1,6}\s+/, '');
  }
  if (documentTitle) out.push(`# ${documentTitle}`);
  let numberedDepth = 1;
  let previousWasList = false;
  for (const paragraph of paragraphs) {
    if (documentTitle && paragraph.replace(/^#{1,6}\s+/, '') === documentTitle && out.length === 1) continue;
    const marked = /^(#{1,6})\s+(.*)$/.exec(paragraph);
    if (marked) {
      // Headings the source marked itself (a Word heading style) keep their level.
      const level = Math.max(2, (marked[1] ?? '#').length);
      out.push(`${'#'.repeat(level)} ${marked[2]}`);
      numberedDepth = level;
      previousWasList = false;
      continue;
    }
    if (isArticleHeading(paragraph) && looksLikeHeading(paragraph.replace(/^artikel\s+/i, 'Artikel '))) {
      out.push(`### ${paragraph}`);
      numberedDepth = 2;
      previousWasList = false;
      continue;
    }
    if (isNumberedHeading(paragraph)) {
      const number = /^(\d+(?:\.\s?\d+)*)/.exec(paragraph)?.[1] ?? '1';
      const depth = number.split('.').filter((part) => part.trim() !== '').length;
      numberedDepth = depth + 1;
      out.push(`${'#'.repeat(Math.min(depth + 1, 6))} ${paragraph}`);
      previousWasList = false;
      continue;
    }
    if (!isLid(paragraph) && !isListItem(paragraph) && looksLikeHeading(paragraph) && paragraph.split(/\s+/).length <= 8) {
      out.push(`${'#'.repeat(Math.min(numberedDepth + 1, 6))} ${paragraph}`);
      previousWasList = false;
      continue;
    }
    if (isLid(paragraph)) {
      // "(2) …", "2) …" and "lid 2 …" are written as "2. …", the form every lid is read in.
      out.push(asLid(paragraph));
      previousWasList = false;
      continue;
    }
    if (isListItem(paragraph)) {
      // Keep a list with its introduction: one block, so a quote carries its context.
      const item = paragraph.replace(/^\s*•\s+/, '- ');
      if (previousWasList || /:$/.test(out[out.length - 1] ?? '')) out[out.length - 1] = `${out[out.length - 1]}\n${item}`;
      else out.push(item);
      previousWasList = true;
      continue;
    }
    out.push(paragraph);
    previousWasList = false;
  }
  return { markdown: `${out.join('\n\n')}\n`, articles };
}
