/**
 * Repairs text extracted from published PDFs and web pages without changing its wording:
 * words hyphenated across line breaks, words split by stray spaces, page-break spacing,
 * image placeholders and web-style list bullets. The output has one logical paragraph or
 * list item per line and a blank line between paragraphs; `structure.ts` turns that into
 * the policy Markdown the knowledge base reads.
 */

export interface CleanOptions {
  /** Extra whole-line placeholders to drop (case-insensitive, matched against the trimmed line). */
  placeholders?: RegExp[];
}

const DEFAULT_PLACEHOLDERS: RegExp[] = [
  /^afbeelding binnen de regeling$/i,
  /^\[?(afbeelding|image|figuur|figure)\]?$/i,
  /^pagina \d+( van \d+)?$/i,
  /^page \d+( of \d+)?$/i,
];

/**
 * Dutch coordinations keep the hyphen and the space: "wet- en regelgeving", "onderzoeks- en
 * adviesopdrachten", "in- of externe". A line break after such a hyphen is not a broken word.
 */
const COORDINATORS = new Set(['en', 'of', 'noch', 'tot', 'dan', 'and', 'or', 't/m']);

const LIST_MARKER = /^(?:[•●▪◦·\-–*]\s+|\(?[a-z]\)\s+|[a-z]\.\s+|\d+[.)]\s+|\(\d+[a-z]?\)\s+|lid\s+\d+[a-z]?[.:]?\s+)/i;
const SENTENCE_END = /[.!?:;]["”’)]*$/;

interface RawLine {
  text: string;
  /** Blank (or whitespace-only) lines between the previous line and this one. */
  gapBefore: number;
  /** A whitespace-only line sits in the gap: a paragraph break in double-spaced PDF exports. */
  spacerBefore: boolean;
  /** The printed line ended in a space: PDF exports put one after a soft hyphen ("han- "). */
  trailingSpace: boolean;
}

export function cleanExtractedText(raw: string, options: CleanOptions = {}): string {
  const placeholders = [...DEFAULT_PLACEHOLDERS, ...(options.placeholders ?? [])];
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b\u200c\u200d\ufeff]/g, '')
    .replace(/\u00ad\n?/g, '')
    .replace(/\t/g, ' ');

  const lines = collectLines(text, placeholders);
  const vocabulary = buildVocabulary(lines.map((line) => line.text).join(' '));
  const wrapWidth = typicalWidth(lines);
  // Web exports also leave one blank line between paragraphs, but their lines are whole
  // paragraphs; only printed-width lines make the blank line a mere line wrap.
  const doubleSpaced = wrapWidth <= 140 && isDoubleSpaced(lines);
  const paragraphs = joinLines(lines, { vocabulary, doubleSpaced, wrapWidth });
  const pairs = countPairs(paragraphs.join('\n'));
  return paragraphs
    .map((paragraph) => repairSplitWords(paragraph, vocabulary, pairs))
    .map((paragraph) => paragraph.replace(/ {2,}/g, ' ').trimEnd())
    .filter((paragraph) => paragraph.trim() !== '')
    .join('\n\n');
}

function collectLines(text: string, placeholders: RegExp[]): RawLine[] {
  const out: RawLine[] = [];
  let gap = 0;
  let spacer = false;
  const physical = text.split('\n');
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i] ?? '';
    const trimmed = line.trim();
    if (trimmed === '') {
      gap++;
      if (line.length > 0) spacer = true;
      continue;
    }
    if (placeholders.some((pattern) => pattern.test(trimmed))) {
      // A removed placeholder still separates what came before from what follows.
      gap = Math.max(gap, 2);
      spacer = true;
      continue;
    }
    // Web exports put a bullet (and a list label) alone on a line, with the item text below it.
    const bulletOnly = /^[•●▪◦·]\s*((?:[a-z]|\d+|[ivx]+)[.)]|[-–])?\s*$/.exec(trimmed);
    if (bulletOnly) {
      const indent = line.length - line.trimStart().length;
      const label = bulletOnly[1];
      let j = i + 1;
      while (j < physical.length && (physical[j] ?? '').trim() === '') j++;
      const next = (physical[j] ?? '').trim();
      if (next === '' || /^[•●▪◦·]/.test(next)) {
        // An empty bullet carries nothing; keep the gap so paragraphs stay apart.
        gap = Math.max(gap, 1);
        continue;
      }
      const marker = label === undefined ? '-' : label === '-' || label === '–' ? '-' : label;
      out.push({
        text: `${' '.repeat(Math.min(indent, 8))}${marker} ${next}`,
        gapBefore: Math.max(gap, 2),
        spacerBefore: true,
        trailingSpace: /\s$/.test(physical[j] ?? ''),
      });
      gap = 0;
      spacer = false;
      i = j;
      continue;
    }
    const inlineBullet = /^([•●▪◦·])\s+(.*)$/.exec(trimmed);
    // Page breaks leave a stray leading space; only real indentation marks a nested item.
    const rawIndent = line.length - line.trimStart().length;
    const indent = rawIndent < 2 ? 0 : rawIndent;
    const content = inlineBullet ? `- ${inlineBullet[2]}` : trimmed;
    out.push({
      text: inlineBullet ? `${' '.repeat(Math.min(indent, 8))}${content}` : content,
      gapBefore: gap,
      spacerBefore: spacer,
      trailingSpace: /\s$/.test(line),
    });
    gap = 0;
    spacer = false;
  }
  return out;
}

/** PDF exports that put an empty line after every printed line. */
function isDoubleSpaced(lines: RawLine[]): boolean {
  if (lines.length < 10) return false;
  const singleGaps = lines.filter((line) => line.gapBefore === 1 && !line.spacerBefore).length;
  return singleGaps / lines.length > 0.5;
}

function typicalWidth(lines: RawLine[]): number {
  const widths = lines.map((line) => line.text.trim().length).sort((a, b) => a - b);
  if (widths.length === 0) return 80;
  // The 80th percentile is the printed line width; shorter lines end paragraphs.
  return widths[Math.floor(widths.length * 0.8)] ?? 80;
}

interface JoinContext {
  vocabulary: Map<string, number>;
  doubleSpaced: boolean;
  wrapWidth: number;
}

function joinLines(lines: RawLine[], context: JoinContext): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let currentTrailingSpace = false;
  for (const line of lines) {
    if (current === '') {
      current = line.text;
      currentTrailingSpace = line.trailingSpace;
      continue;
    }
    const decision = boundary(current, line, context);
    if (decision === 'break') {
      paragraphs.push(current);
      current = line.text;
    } else {
      current = joinAcross(current, line.text.trimStart(), context.vocabulary, currentTrailingSpace);
    }
    currentTrailingSpace = line.trailingSpace;
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs;
}

function boundary(previous: string, line: RawLine, context: JoinContext): 'join' | 'break' {
  const next = line.text.trimStart();
  const lastLine = previous.slice(previous.lastIndexOf('\n') + 1).trimEnd();
  // A word broken at the line end always continues, whatever spacing the page break left.
  if (/\p{L}-$/u.test(lastLine) && /^\p{Ll}/u.test(next)) return 'join';
  if (LIST_MARKER.test(next) && !/^\d+\s*(uur|jaar|euro|procent)/i.test(next)) return 'break';
  if (/^[•●▪◦·]/.test(next)) return 'break';
  const softGap = context.doubleSpaced ? line.gapBefore <= 1 && !line.spacerBefore : line.gapBefore === 0;
  if (/^[\p{Ll},;)]/u.test(next)) return softGap || !SENTENCE_END.test(lastLine) ? 'join' : 'break';
  if (!softGap) return 'break';
  if (looksLikeHeading(next) || looksLikeHeading(lastLine)) return 'break';
  // A short line ending in a colon introduces a definition or a list: "Klokkenluiden:".
  if (next.length <= 45 && /:$/.test(next.trimEnd())) return 'break';
  if (/:$/.test(lastLine)) return 'break';
  // A full printed line ending a sentence is a wrap; a short one ends the paragraph.
  if (SENTENCE_END.test(lastLine)) return lastLine.length >= context.wrapWidth * 0.85 ? 'join' : 'break';
  return 'join';
}

/** Short capitalised line without closing punctuation, optionally numbered: a title, not prose. */
export function looksLikeHeading(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > 90) return false;
  if (/[.,;:]$/.test(text)) return false;
  // "Artikel 1 – Begrippen", "Artikel 2. Privéopnamen", "3.2 Inkoop": the title after the number.
  const body = text.replace(/^(?:artikel\s+)?\d+[a-z]?(?:\.\s?\d+)*\.?\s*(?:[–—:-]\s*)?/i, '');
  if (!/^\p{Lu}/u.test(body)) return false;
  if ((body.match(/\(/g) ?? []).length !== (body.match(/\)/g) ?? []).length) return false;
  // A line ending in an article, preposition or conjunction runs on into the next one.
  if (/\s(de|het|een|van|op|in|en|of|voor|met|aan|te|bij|door|naar|om|als|dat|die)$/i.test(body)) return false;
  return body.split(/\s+/).length <= 10;
}

function joinAcross(previous: string, next: string, vocabulary: Map<string, number>, hadSpace: boolean): string {
  const trimmed = previous.trimEnd();
  const broken = /(\p{L}+)-$/u.exec(trimmed);
  if (broken) {
    const head = broken[1] ?? '';
    const tailMatch = /^(\p{L}+)/u.exec(next);
    const tail = tailMatch?.[1] ?? '';
    if (tail !== '' && /^\p{Ll}/u.test(tail)) {
      if (COORDINATORS.has(tail.toLowerCase())) return `${trimmed} ${next}`;
      const joined = `${head}${tail}`.toLowerCase();
      const hyphenated = `${head}-${tail}`.toLowerCase();
      if (vocabulary.has(hyphenated) && !vocabulary.has(joined)) return `${trimmed}${next}`;
      // A hyphen glued to the line end between two words the text also uses on their own is
      // a real compound hyphen ("exit-gesprek"); soft hyphens in PDF exports carry a space.
      if (!hadSpace && head.length >= 3 && (vocabulary.get(head.toLowerCase()) ?? 0) > 1 && (vocabulary.get(tail.toLowerCase()) ?? 0) > 1) {
        return `${trimmed}${next}`;
      }
      if (vocabulary.has(joined) || hadSpace || head.length > 1) {
        // PDF line-end hyphens are soft unless the hyphenated form is how the text spells it
        // elsewhere, or the fragment before the hyphen is a single letter ("e-mail").
        if (head.length === 1) return `${trimmed}${next}`;
        return `${trimmed.slice(0, -1)}${next}`;
      }
      return `${trimmed}${next}`;
    }
    return `${trimmed}${next}`;
  }
  return `${trimmed} ${next}`;
}

/** Lower-cased words with their counts, as the document itself spells them, to judge repairs against. */
function buildVocabulary(text: string): Map<string, number> {
  const words = new Map<string, number>();
  for (const match of text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
    const word = match[0].toLowerCase();
    words.set(word, (words.get(word) ?? 0) + 1);
    // Hyphenated compounds also count their parts, so "e-mail" vouches for "mail".
    if (word.includes('-')) for (const part of word.split('-')) words.set(part, (words.get(part) ?? 0) + 1);
  }
  return words;
}

/**
 * "In tegriteit" -> "Integriteit", "A rtikel" -> "Artikel": two tokens whose concatenation is
 * a word of the same text, while the second occurs nowhere but in such splits. Letters glued
 * to a paragraph number ("paragraaf3.2.2.") get their space back, and so do spaced
 * possessives ("collega’ s").
 */
function repairSplitWords(paragraph: string, vocabulary: Map<string, number>, pairs: Map<string, number>): string {
  const parts = paragraph.split(/( +)/);
  for (let i = 0; i + 2 < parts.length; i += 2) {
    const left = parts[i] ?? '';
    const right = parts[i + 2] ?? '';
    const leftWord = /^[(“"‘]?(\p{L}+)$/u.exec(left)?.[1];
    const rightWord = /^(\p{Ll}+)/u.exec(right)?.[1];
    if (!leftWord || !rightWord) continue;
    // Only a fragment of one or two letters marks a split; longer pairs are real word pairs
    // even when the text elsewhere glues them together ("Protocol integriteitonderzoeken").
    if (leftWord.length > 2 && rightWord.length > 2) continue;
    const joined = `${leftWord}${rightWord}`.toLowerCase();
    if (!vocabulary.has(joined)) continue;
    const splitCount = pairs.get(`${leftWord} ${rightWord}`.toLowerCase()) ?? 0;
    if ((vocabulary.get(rightWord.toLowerCase()) ?? 0) > splitCount) continue;
    parts[i] = `${left}${right}`;
    parts.splice(i + 1, 2);
    i -= 2;
  }
  let text = parts.join('');
  text = text.replace(/(\p{Ll}{3,})(\d+(?:\.\d+)+\.?)/gu, '$1 $2');
  text = text.replace(/(\p{L}) ?[’'] (s)\b/gu, '$1’$2').replace(/(\p{L}) [’'](s)\b/gu, '$1’$2');
  return text;
}

function countPairs(text: string): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const match of text.matchAll(/(?=(?:^|[^\p{L}])(\p{L}+) (\p{Ll}+))/gu)) {
    const key = `${match[1]} ${match[2]}`.toLowerCase();
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  return pairs;
}
