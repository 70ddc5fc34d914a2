import { organisationContacts, organisationName } from './organisations.js';
import { splitSentences } from './question.js';
import { ALTERNATIVE_WEIGHT, type AnalyzedQuery, type Analyzer, type Lang } from './text.js';
import type { AnswerTopic, Citation, KnowledgeAnswer, Question, RetrievedPassage } from './types.js';

export const MAX_CITATIONS = 4;
/** Passages scoring below this share of the best one add noise rather than support. */
const RELATIVE_CUTOFF = 0.4;
/** Longer passages are shown around their most relevant sentences; the citation keeps the whole text. */
const MAX_SHOWN_QUOTE = 700;

/** Sections up to this length are quoted whole, so a citation carries its context. */
const MAX_WHOLE_SECTION = 1500;

/** Looks up the complete text of a section; the knowledge base's `section` fits. */
export type SectionLookup = (documentId: string, section: string) => Citation | undefined;

export interface CitationGroup {
  citation: Citation;
  passages: RetrievedPassage[];
}

/**
 * The passages an answer cites, best first: at most MAX_CITATIONS, none far below the best,
 * passages of the same section merged into one citation, and a short section quoted whole.
 */
export function selectCitations(passages: RetrievedPassage[], lookup?: SectionLookup, relevance?: (text: string) => number): CitationGroup[] {
  const first = passages[0];
  if (!first) return [];
  const groups: CitationGroup[] = [];
  for (const passage of passages) {
    if (passage.score < first.score * RELATIVE_CUTOFF) break;
    const existing = groups.find((group) => group.citation.documentId === passage.documentId && group.citation.section === passage.section);
    if (existing) {
      existing.passages.push(passage);
      continue;
    }
    if (groups.length >= MAX_CITATIONS) continue;
    groups.push({ citation: { documentId: passage.documentId, title: passage.title, section: passage.section, quote: passage.text }, passages: [passage] });
  }
  for (const group of groups) {
    const whole = lookup?.(group.citation.documentId, group.citation.section);
    if (whole && whole.section === group.citation.section && whole.quote.length <= MAX_WHOLE_SECTION) {
      group.citation.quote = whole.quote;
    } else if (whole && whole.section === group.citation.section && relevance) {
      group.citation.quote = relevantParagraphs(whole.quote, group.passages, relevance);
    } else if (group.passages.length > 1) {
      // Quote merged paragraphs in the order the document has them.
      const ordered = [...group.passages].sort((a, b) => documentOrder(a) - documentOrder(b));
      group.citation.quote = ordered.map((passage) => passage.text).join('\n\n');
    }
  }
  return groups;
}

/**
 * A long section quoted as its retrieved paragraphs plus the other paragraphs that match the
 * question (a rule is often stated a paragraph after the one that matched best), in the
 * document's order, within MAX_WHOLE_SECTION where the retrieved ones leave room.
 */
function relevantParagraphs(section: string, passages: RetrievedPassage[], relevance: (text: string) => number): string {
  const paragraphs = section.split('\n\n');
  const retrieved = new Set(passages.map((passage) => passage.text));
  const keep = new Set<number>();
  let length = 0;
  paragraphs.forEach((paragraph, index) => {
    if (retrieved.has(paragraph) || retrieved.has(paragraph.replace(/^\d+[a-z]?\.\s/, ''))) {
      keep.add(index);
      length += paragraph.length;
    }
  });
  if (keep.size === 0) return passages.map((passage) => passage.text).join('\n\n');
  const others = paragraphs
    .map((paragraph, index) => ({ index, score: keep.has(index) ? 0 : relevance(paragraph), length: paragraph.length }))
    .filter((entry) => entry.score >= 0.6)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  for (const entry of others) {
    if (length + entry.length > MAX_WHOLE_SECTION) continue;
    keep.add(entry.index);
    length += entry.length;
  }
  return [...keep].sort((a, b) => a - b).map((index) => paragraphs[index]).join('\n\n');
}

function documentOrder(passage: RetrievedPassage): number {
  return passage.order;
}

const RULE_SIGNAL =
  /€\s?\d|\d+\s?(euro|jaar|uur|maanden|weken|dagen)|\b(elke|jaarlijks|per jaar|keer per|beslist|besluit|verantwoordelijk|verplicht|niet toegestaan|toegestaan|verboden|moet|moeten|mag|mogen|toestemming|melden|meldt|vereist|voorwaarde|nooit|altijd|niet)\b/i;

export function buildAnswer(
  question: Question,
  analyzed: AnalyzedQuery,
  passages: RetrievedPassage[],
  analyzer: Analyzer,
  lookup?: SectionLookup,
): KnowledgeAnswer {
  const groups = selectCitations(passages, lookup, (text) => questionOverlap(text, analyzed, analyzer));
  const citations = groups.map((group) => group.citation);
  const lang = question.lang;
  const lead = leadSentence(analyzed, groups, analyzer);
  const lines: string[] = [];
  if (lead) {
    const citation = citations[lead.index] as Citation;
    lines.push(
      lang === 'nl'
        ? `Kort gezegd (${citation.section}, ${shortTitle(citation.title)}): “${lead.sentence}” [${lead.index + 1}]`
        : `In short (${citation.section}, ${shortTitle(citation.title)}; quoted in Dutch): “${lead.sentence}” [${lead.index + 1}]`,
    );
    lines.push('');
  }
  lines.push(lang === 'nl' ? 'Wat de regels zeggen:' : 'What the rules say (quoted in Dutch):');
  groups.forEach((group, index) => {
    const shown = shownQuote(group.citation.quote, analyzed, analyzer);
    lines.push(`[${index + 1}] ${displayLabel(group)} – ${group.citation.title}`);
    lines.push(`“${shown}”`);
  });
  lines.push('');
  lines.push(
    lang === 'nl'
      ? `Twijfel je of dit op jouw situatie van toepassing is? Bespreek het met ${organisationContacts(question.orgId, lang)}.`
      : `Not sure whether this applies to your situation? Discuss it with ${organisationContacts(question.orgId, lang)}.`,
  );
  return {
    answer: lines.join('\n'),
    citations,
    outOfScope: false,
    mode: 'extractive',
    topic: classifyTopic(analyzed, citations),
  };
}

export type DeclineReason = 'scope' | 'records';

export function declineAnswer(question: Question, reason: DeclineReason): KnowledgeAnswer {
  return { answer: declineText(question.orgId, question.lang, reason), citations: [], outOfScope: true, mode: 'extractive' };
}

export function declineText(orgId: string, lang: Lang, reason: DeclineReason): string {
  const contacts = organisationContacts(orgId, lang);
  if (reason === 'records') {
    return lang === 'nl'
      ? `Gegevens over meldingen, registraties of dossiers van andere mensen kan ik niet geven: die zijn vertrouwelijk. Ik beantwoord vragen over de integriteitsregels zelf. Heb je een zorg over iemand, bespreek die dan met ${contacts}.`
      : `I cannot share reports, registrations or files about other people: they are confidential. I answer questions about the integrity rules themselves. If you have a concern about someone, discuss it with ${contacts}.`;
  }
  const name = organisationName(orgId, lang);
  return lang === 'nl'
    ? `Daarover vind ik niets in de integriteitsregels van ${name}. Ik beantwoord vragen over integriteit op het werk, zoals geschenken en uitnodigingen, nevenwerkzaamheden, vertrouwelijke informatie en het melden van een vermoeden van een misstand. Voor andere vragen, of als je twijfelt, kun je terecht bij ${contacts}.`
    : `I could not find anything about that in the integrity rules of ${name}. I answer questions about integrity at work, such as gifts and invitations, side jobs, confidential information and reporting suspected wrongdoing. For other questions, or if in doubt, please contact ${contacts}.`;
}

/** The label, with the heading's title when the label is only a number ("Artikel 5 lid 2", "Vraag 11"). */
export function displayLabel(group: CitationGroup): string {
  const label = group.citation.section;
  const heading = group.passages[0]?.headingPath.at(-1);
  if (!heading || group.passages[0]?.headingPath.length === 1) return label;
  const title = heading.replace(/^(?:artikel\s+)?§?\s*\d+(?:\.\s?\d+)*\.?\s*/i, '').trim();
  if (title === '' || label.toLowerCase().includes(title.toLowerCase())) return label;
  return `${label} (${title.length > 90 ? `${title.slice(0, 87).replace(/\s+\S*$/, '')}…` : title})`;
}

function shortTitle(title: string): string {
  return title.length <= 70 ? title : `${title.slice(0, 67).replace(/\s+\S*$/, '')}…`;
}

interface Lead {
  sentence: string;
  index: number;
}

/** How well a text matches the question's subject words: 1 per word found as typed, less through an alternative. */
function questionOverlap(text: string, analyzed: AnalyzedQuery, analyzer: Analyzer): number {
  const terms = new Set(analyzer.indexTerms(text));
  let overlap = 0;
  for (const term of analyzed.terms) {
    if (!term.content) continue;
    let hit = 0;
    for (const [stem, kind] of term.alternatives) if (terms.has(stem)) hit = Math.max(hit, ALTERNATIVE_WEIGHT[kind]);
    overlap += hit;
  }
  return overlap;
}

/** The sentence that best states a rule for this question: a threshold, who decides, a frequency. */
function leadSentence(analyzed: AnalyzedQuery, groups: { citation: Citation }[], analyzer: Analyzer): Lead | undefined {
  let best: (Lead & { score: number }) | undefined;
  groups.slice(0, 3).forEach((group, index) => {
    for (const sentence of sentencesOf(group.citation.quote)) {
      if (sentence.length < 25 || sentence.length > 400) continue;
      const terms = new Set(analyzer.indexTerms(sentence));
      let overlap = 0;
      for (const term of analyzed.terms) {
        if (!term.content) {
          if (terms.has(term.stem)) overlap += 0.3;
          continue;
        }
        let hit = 0;
        for (const [stem, kind] of term.alternatives) if (terms.has(stem)) hit = Math.max(hit, ALTERNATIVE_WEIGHT[kind]);
        overlap += hit;
      }
      if (overlap < 1) continue;
      const signal = RULE_SIGNAL.test(sentence) ? 1 : 0;
      if (!signal) continue;
      // Earlier citations rank higher; a rule sentence there is worth more than a better match further down.
      const score = overlap * (1 - index * 0.15) + signal * 0.5;
      if (!best || score > best.score) best = { sentence, index, score };
    }
  });
  return best ? { sentence: best.sentence, index: best.index } : undefined;
}

function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => splitSentences(line.replace(/^\s*(?:[-•]|[a-z]\.|\d+\.)\s+/, '')))
    .map((sentence) => sentence.replace(/[;:]$/, '').trim())
    .filter((sentence) => sentence !== '');
}

/**
 * A long quote shortened around its best-matching sentences (or list items, keeping the
 * list's introduction), with ellipses where text is left out.
 */
function shownQuote(quote: string, analyzed: AnalyzedQuery, analyzer: Analyzer): string {
  if (quote.length <= MAX_SHOWN_QUOTE) return quote;
  const isList = /\n\s*(?:[-•]|[a-z]\.|\d+\.)\s/.test(quote);
  const units = isList ? quote.split('\n') : quote.split(/(?<=[.!?])\s+/);
  const separator = isList ? '\n' : ' ';
  const relevance = units.map((unit) => {
    const terms = new Set(analyzer.indexTerms(unit));
    let score = 0;
    for (const term of analyzed.terms) {
      let hit = 0;
      for (const [stem, kind] of term.alternatives) if (terms.has(stem)) hit = Math.max(hit, ALTERNATIVE_WEIGHT[kind]);
      score += hit;
    }
    return score;
  });
  const chosen = new Set<number>();
  if (isList) chosen.add(0);
  let length = isList ? (units[0] ?? '').length : 0;
  const byRelevance = units.map((_, index) => index).sort((a, b) => (relevance[b] ?? 0) - (relevance[a] ?? 0) || a - b);
  for (const index of byRelevance) {
    const unitLength = (units[index] ?? '').length + 1;
    if (chosen.size > (isList ? 1 : 0) && length + unitLength > MAX_SHOWN_QUOTE) continue;
    if (chosen.size > (isList ? 1 : 0) && (relevance[index] ?? 0) === 0) break;
    chosen.add(index);
    length += unitLength;
  }
  const ordered = [...chosen].sort((a, b) => a - b);
  const parts: string[] = [];
  ordered.forEach((index, position) => {
    const previous = ordered[position - 1];
    if ((position === 0 && index > 0) || (previous !== undefined && index > previous + 1)) parts.push('…');
    parts.push(units[index] ?? '');
  });
  if ((ordered[ordered.length - 1] ?? 0) < units.length - 1) parts.push('…');
  return parts.join(separator);
}

const TOPIC_STEMS: Record<AnswerTopic, RegExp> = {
  gifts: /^(geschenk|cadeau|gift|relatiegeschenk|kerstpakket|attentie|uitnod|diner|etentj|lunch|borrel|excursie|evenement|kaartj|cadeaubon|waardebon|fles|wijn|bloem|taart|gunst|fooi|presentj|giften)/,
  sidejobs: /^(nevenwerkzam|nevenfunctie|nevenactiviteit|nevenbetrek|bijban|bijverdienst|neveninkomst|nevenwerk|vrijwilligerswerk|zzp)/,
  reporting: /^(klokkenluider|klokkenluid|misstand|integriteitsschend|schend|fraude|corruptie|omkop|meldpunt|vermoed|melder)/,
};

/** Which next step the bot can offer: judged from the question's own words, then from the cited sections. */
export function classifyTopic(analyzed: AnalyzedQuery, citations: Citation[]): AnswerTopic | undefined {
  const stems = analyzed.terms.filter((term) => term.content).map((term) => term.stem);
  for (const topic of ['gifts', 'sidejobs', 'reporting'] as AnswerTopic[]) {
    if (stems.some((stem) => TOPIC_STEMS[topic].test(stem))) return topic;
  }
  const first = citations[0];
  if (!first) return undefined;
  const label = first.section.toLowerCase();
  // Article labels ("Artikel 5 lid 2") do not name their subject, so the quoted rule decides.
  if (/geschenk|gift|uitnodiging/.test(label) || /geschenk|gunst|relatiegeschenk/i.test(first.quote)) return 'gifts';
  if (/neven/.test(label)) return 'sidejobs';
  if (/misstand|klokkenluid/.test(label)) return 'reporting';
  return undefined;
}
