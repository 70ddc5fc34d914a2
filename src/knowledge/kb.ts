import MiniSearch, { type SearchResult } from 'minisearch';
import { buildAnswer, declineAnswer } from './answer.js';
import { BACKGROUND, NATIONAL, organisationMentions } from './organisations.js';
import { mentionedOrganisations, sanitizeQuestion, type SanitizedQuestion } from './question.js';
import type { PolicyBlock } from './structure.js';
import { ALTERNATIVE_WEIGHT, Analyzer, COVERAGE_CREDIT, fold, QueryAnalyzer, type AnalyzedQuery } from './text.js';
import type { Citation, KnowledgeAnswer, PolicyDocumentInfo, Question, RetrievedPassage } from './types.js';

export interface LoadedDocument {
  info: PolicyDocumentInfo;
  blocks: PolicyBlock[];
}

interface IndexedPassage {
  id: number;
  doc: LoadedDocument;
  block: PolicyBlock;
  /** Term ids in ascending order, with their frequency in the text and in the headings: compact for large libraries. */
  termIds: Int32Array;
  textTf: Uint16Array;
  headingTf: Uint16Array;
  textLength: number;
  headingLength: number;
}

interface IndexEntry {
  id: number;
  text: string;
  heading: string;
}

/** Enough candidates per scope for any answer; the rest cannot reach the citations. */
const MAX_CANDIDATES_PER_SCOPE = 150;

/** BM25 parameters (the usual values) and the weight of a passage's headings against its text. */
const BM25 = { k1: 1.2, b: 0.75, heading: 0.5 };

export interface KnowledgeBase {
  /** Extractive answer: synchronous, no I/O. */
  answer(question: Question): KnowledgeAnswer;
  retrieve(question: Question, limit?: number): RetrievedPassage[];
  /** The exact text of a section, e.g. section('velsen-gedragscode', 'Artikel 5 lid 2'). */
  section(documentId: string, sectionRef: string): Citation | undefined;
  documents(): PolicyDocumentInfo[];
}

/** What answering needs besides the passages; also used by the language-model path. */
export interface Retrieval {
  sanitized: SanitizedQuestion;
  analyzed: AnalyzedQuery | undefined;
  passages: RetrievedPassage[];
  inScope: boolean;
}

const SCOPE_WEIGHT = { own: 1, named: 1.1, ownWhenOtherNamed: 0.8, national: 0.85, background: 0.5 };

/**
 * Minimum evidence that a question is about the policies at all, judged per passage among
 * the best three. A passage supports the question when it matches a clear integrity term
 * (gift, side job, confidential counsellor ...) and some of the rest, or a weaker integrity
 * word (report, information, costs) and a good share of the question, or most of the
 * question's words without any integrity term. Coverage is the rarity-weighted share of the
 * question's subject words a passage matches. Calibrated on test/eval and the scope test.
 */
export const SCOPE_THRESHOLDS = { strongDomainCoverage: 0.15, strongSynonymCoverage: 0.4, weakDomainCoverage: 0.5, weakSynonymCoverage: 0.6, plainCoverage: 0.65, plainMinTerms: 2 };

interface Evidence {
  matchedTerms: number;
  /** Some question word occurs as typed (not only through a synonym or compound part). */
  exact: boolean;
  strong: boolean;
  strongSynonym: boolean;
  weak: boolean;
  weakSynonym: boolean;
  referenced: boolean;
}

interface Scored {
  passage: IndexedPassage;
  score: number;
  coverage: number;
  evidence: Evidence;
}

function isInScope(passages: Scored[]): boolean {
  return passages.slice(0, 3).some(({ coverage, evidence }) => {
    if (evidence.referenced) return true;
    if (evidence.strong && coverage >= SCOPE_THRESHOLDS.strongDomainCoverage) return true;
    if (evidence.strongSynonym && coverage >= SCOPE_THRESHOLDS.strongSynonymCoverage) return true;
    if (evidence.weak && coverage >= SCOPE_THRESHOLDS.weakDomainCoverage) return true;
    if (evidence.weakSynonym && coverage >= SCOPE_THRESHOLDS.weakSynonymCoverage && evidence.matchedTerms >= 2) return true;
    return evidence.exact && coverage >= SCOPE_THRESHOLDS.plainCoverage && evidence.matchedTerms >= SCOPE_THRESHOLDS.plainMinTerms;
  });
}

export class PolicyKnowledgeBase implements KnowledgeBase {
  private readonly passages: IndexedPassage[] = [];
  private readonly analyzer: Analyzer;
  private readonly queries: QueryAnalyzer;
  /**
   * One index per scope (each organisation, 'national', 'background'): a question searches
   * only the indexes it may cite, so its cost does not grow with other organisations' texts.
   */
  private readonly indexes = new Map<string, MiniSearch<IndexEntry>>();
  private readonly idfCache = new Map<string, number>();
  private readonly termIdOf = new Map<string, number>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly docs: LoadedDocument[];
  private readonly mentions = new Map<string, string[]>();
  private readonly docsById = new Map<string, LoadedDocument>();
  private readonly passagesByDoc = new Map<string, IndexedPassage[]>();
  private totalTextLength = 0;
  private totalHeadingLength = 0;
  private averageText = 1;
  private averageHeading = 1;

  constructor(documents: LoadedDocument[]) {
    this.docs = documents;
    this.analyzer = new Analyzer(
      (function* () {
        for (const doc of documents) {
          for (const block of doc.blocks) {
            yield block.text;
            yield block.headingPath.join(' ');
          }
        }
      })(),
    );
    this.queries = new QueryAnalyzer(this.analyzer);
    const entries = new Map<string, IndexEntry[]>();
    for (const doc of documents) {
      const org = doc.info.organisation;
      if (org !== NATIONAL && org !== BACKGROUND && !this.mentions.has(org)) this.mentions.set(org, organisationMentions(org));
      for (const block of doc.blocks) {
        if (!/[\p{L}\d]{2}/u.test(block.text)) continue;
        const id = this.passages.length;
        const textTerms = this.analyzer.indexTerms(block.text);
        // The document heading (level 1) is the same for every passage and says nothing.
        const headingTerms = this.analyzer.indexTerms(block.headingPath.slice(1).join(' '));
        this.passages.push({
          id,
          doc,
          block,
          ...this.termTable(textTerms, headingTerms),
          textLength: textTerms.length,
          headingLength: headingTerms.length,
        });
        if (!this.passagesByDoc.has(doc.info.id)) this.passagesByDoc.set(doc.info.id, []);
        this.passagesByDoc.get(doc.info.id)?.push(this.passages[id] as IndexedPassage);
        this.totalTextLength += textTerms.length;
        this.totalHeadingLength += headingTerms.length;
        for (const term of new Set([...textTerms, ...headingTerms])) {
          this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
        }
        const scope = doc.info.organisation;
        if (!entries.has(scope)) entries.set(scope, []);
        entries.get(scope)?.push({ id, text: textTerms.join(' '), heading: headingTerms.join(' ') });
      }
    }
    for (const doc of documents) this.docsById.set(doc.info.id, doc);
    this.averageText = this.totalTextLength / (this.passages.length || 1) || 1;
    this.averageHeading = this.totalHeadingLength / (this.passages.length || 1) || 1;
    for (const [scope, list] of entries) {
      const index = new MiniSearch<IndexEntry>({
        fields: ['text', 'heading'],
        idField: 'id',
        tokenize: (text) => text.split(' '),
        processTerm: (term) => (term === '' ? null : term),
      });
      index.addAll(list);
      this.indexes.set(scope, index);
    }
  }

  documents(): PolicyDocumentInfo[] {
    return this.docs.map((doc) => ({ ...doc.info }));
  }

  get passageCount(): number {
    return this.passages.length;
  }

  answer(question: Question): KnowledgeAnswer {
    const retrieval = this.search(question, 8);
    if (retrieval.sanitized.recordsRequest) return declineAnswer(question, 'records');
    if (!retrieval.inScope || !retrieval.analyzed) return declineAnswer(question, 'scope');
    return buildAnswer(question, retrieval.analyzed, retrieval.passages, this.analyzer, (doc, label) => this.section(doc, label));
  }

  retrieve(question: Question, limit = 8): RetrievedPassage[] {
    return this.search(question, limit).passages;
  }

  /** Retrieval with everything the answer builders need to decide scope and wording. */
  search(question: Question, limit = 8): Retrieval {
    const sanitized = sanitizeQuestion(question.text);
    if (sanitized.text === '' || sanitized.recordsRequest) return { sanitized, analyzed: undefined, passages: [], inScope: false };
    const analyzed = this.queries.analyze(sanitized.text, question.lang);
    const contentTerms = analyzed.terms.filter((term) => term.content);
    if (contentTerms.length === 0) return { sanitized, analyzed, passages: [], inScope: false };

    const scope = this.scopeWeights(question.orgId, sanitized);
    const references = articleReferences(sanitized.text);
    const totalIdf = contentTerms.reduce((sum, term) => sum + this.idf(term.stem), 0);
    // Words no passage contains cannot find anything; leaving them out keeps the search fast.
    const terms = analyzed.terms.map((term) => ({
      term,
      present: [...term.alternatives].filter(([stem]) => this.documentFrequency.has(stem)),
    }));
    const query = [...new Set(terms.flatMap((entry) => entry.present.map(([stem]) => stem)))].join(' ');
    const scopes = new Set<string>();
    for (const docId of scope.keys()) {
      const organisation = this.docsById.get(docId)?.info.organisation;
      if (organisation !== undefined) scopes.add(organisation);
    }
    const candidates: number[] = [];
    if (query !== '') {
      for (const scopeKey of scopes) {
        const index = this.indexes.get(scopeKey);
        if (!index) continue;
        const found = index.search(query, {
          combineWith: 'OR',
          tokenize: (text) => text.split(' '),
          processTerm: (term) => term,
          boost: { text: 1, heading: BM25.heading },
          boostTerm: (term) => analyzed.weights.get(term) ?? 0.1,
          filter: (result) => scope.has((this.passages[result.id as number] as IndexedPassage).doc.info.id),
        });
        // The library's ranking picks the candidates; the scoring below orders them.
        for (let i = 0; i < found.length && i < MAX_CANDIDATES_PER_SCOPE; i++) candidates.push((found[i] as SearchResult).id as number);
      }
    }
    const scored: Scored[] = [];
    const byId = new Map<number, Scored>();
    for (const id of candidates) {
      const passage = this.passages[id] as IndexedPassage;
      let relevance = 0;
      let covered = 0;
      const evidence: Evidence = { matchedTerms: 0, exact: false, strong: false, strongSynonym: false, weak: false, weakSynonym: false, referenced: false };
      for (const { term, present } of terms) {
        let best = 0;
        let credit = 0;
        let literal = false;
        let typed = false;
        for (const [stem, kind] of present) {
          const position = findTerm(passage.termIds, this.termIdOf.get(stem) ?? -1);
          if (position < 0) continue;
          const text = passage.textTf[position] ?? 0;
          const heading = passage.headingTf[position] ?? 0;
          if (text === 0 && heading === 0) continue;
          const bm25 = this.saturate(text, passage.textLength, this.averageText) + BM25.heading * this.saturate(heading, passage.headingLength, this.averageHeading);
          best = Math.max(best, ALTERNATIVE_WEIGHT[kind] * this.idf(stem) * bm25);
          credit = Math.max(credit, COVERAGE_CREDIT[kind]);
          if (kind !== 'synonym') literal = true;
          if (kind === 'self') typed = true;
          if (kind === 'self' && term.content) evidence.exact = true;
        }
        if (best === 0) continue;
        // Each question word counts once, through its best alternative: five synonyms of one
        // word in a passage do not outrank a passage that answers two words.
        relevance += best * (term.content ? 1 : 0.3);
        if (!term.content) continue;
        covered += this.idf(term.stem) * credit;
        evidence.matchedTerms++;
        // An integrity word found as typed is better evidence than one found through a synonym;
        // a weak one counts fully only as typed ("telefoon" found for "laptop" proves little,
        // "vergadering" inside "gemeenteraadsvergadering" nothing).
        if (term.domain === 'strong' && literal) evidence.strong = true;
        else if (term.domain === 'strong' || term.strongGroup) evidence.strongSynonym = true;
        else if (term.domain === 'weak' && typed) evidence.weak = true;
        else if (term.domain === 'weak') evidence.weakSynonym = true;
      }
      const coverage = totalIdf > 0 ? covered / totalIdf : 0;
      const score = relevance * (scope.get(passage.doc.info.id) ?? 0) * referenceBoost(passage, references) * (0.3 + coverage);
      const entry: Scored = { passage, score, coverage, evidence };
      scored.push(entry);
      byId.set(id, entry);
    }
    // An explicit article reference with its lid ("artikel 5 lid 2") always brings that text.
    if (references.length > 0) {
      const best = Math.max(1, ...scored.map((entry) => entry.score));
      for (const docId of scope.keys()) {
        for (const passage of this.passagesByDoc.get(docId) ?? []) {
          if (referenceBoost(passage, references) < 3) continue;
          const score = best * 1.05 * (scope.get(docId) ?? 0);
          const existing = byId.get(passage.id);
          if (existing) {
            existing.score = Math.max(existing.score, score);
            existing.evidence.referenced = true;
          } else {
            scored.push({ passage, score, coverage: 1, evidence: { matchedTerms: 1, exact: true, strong: true, strongSynonym: false, weak: false, weakSynonym: false, referenced: true } });
          }
        }
      }
    }
    scored.sort((a, b) => b.score - a.score);
    const top = scored.slice(0, limit);
    return {
      sanitized,
      analyzed,
      passages: top.map((entry) => this.toRetrieved(entry.passage, entry.score, entry.coverage)),
      inScope: isInScope(top),
    };
  }

  private termTable(textTerms: string[], headingTerms: string[]): { termIds: Int32Array; textTf: Uint16Array; headingTf: Uint16Array } {
    const counts = new Map<number, [number, number]>();
    const count = (term: string, field: 0 | 1) => {
      let id = this.termIdOf.get(term);
      if (id === undefined) {
        id = this.termIdOf.size;
        this.termIdOf.set(term, id);
      }
      const entry = counts.get(id) ?? [0, 0];
      entry[field]++;
      counts.set(id, entry);
    };
    for (const term of textTerms) count(term, 0);
    for (const term of headingTerms) count(term, 1);
    const ids = [...counts.keys()].sort((a, b) => a - b);
    return {
      termIds: Int32Array.from(ids),
      textTf: Uint16Array.from(ids.map((id) => Math.min(65535, counts.get(id)?.[0] ?? 0))),
      headingTf: Uint16Array.from(ids.map((id) => Math.min(65535, counts.get(id)?.[1] ?? 0))),
    };
  }

  private saturate(tf: number, length: number, average: number): number {
    return tf === 0 ? 0 : (tf * (BM25.k1 + 1)) / (tf + BM25.k1 * (1 - BM25.b + (BM25.b * length) / average));
  }

  private idf(stem: string): number {
    let value = this.idfCache.get(stem);
    if (value === undefined) {
      const df = this.documentFrequency.get(stem) ?? 0;
      value = Math.log(1 + (this.passages.length - df + 0.5) / (df + 0.5));
      this.idfCache.set(stem, value);
    }
    return value;
  }

  private toRetrieved(passage: IndexedPassage, score: number, coverage: number): RetrievedPassage {
    return {
      documentId: passage.doc.info.id,
      title: passage.doc.info.title,
      organisation: passage.doc.info.organisation,
      section: passage.block.label,
      headingPath: passage.block.headingPath,
      text: passage.block.text,
      score,
      coverage,
      order: passage.block.order,
    };
  }

  private scopeWeights(orgId: string, sanitized: SanitizedQuestion): Map<string, number> {
    const named = sanitized.injection ? [] : mentionedOrganisations(sanitized.text, this.mentions).filter((org) => org !== orgId);
    const folded = fold(sanitized.text);
    const lawNamed = /\b(ambtenarenwet|aw2017|wet|wetgeving|wettelijk|law|act)\b/.test(folded);
    const councilNamed = /\b(raad|raadsvragen|raadsvraag|raadsleden|gemeenteraad|council|incident|incidenten|2018|antwoordde|beantwoording|antwoorden)\b/.test(folded);
    const weights = new Map<string, number>();
    for (const doc of this.docs) {
      const org = doc.info.organisation;
      if (org === orgId) weights.set(doc.info.id, named.length > 0 ? SCOPE_WEIGHT.ownWhenOtherNamed : SCOPE_WEIGHT.own);
      else if (named.includes(org)) weights.set(doc.info.id, SCOPE_WEIGHT.named);
      else if (org === NATIONAL) weights.set(doc.info.id, lawNamed ? SCOPE_WEIGHT.named : SCOPE_WEIGHT.national);
      else if (org === BACKGROUND) weights.set(doc.info.id, councilNamed ? SCOPE_WEIGHT.named : SCOPE_WEIGHT.background);
    }
    return weights;
  }

  section(documentId: string, sectionRef: string): Citation | undefined {
    const doc = this.docs.find((candidate) => candidate.info.id === documentId);
    if (!doc) return undefined;
    const wanted = normaliseRef(sectionRef);
    let blocks = doc.blocks.filter((block) => normaliseRef(block.label) === wanted);
    if (blocks.length === 0) {
      // "Artikel 5" asks for every lid; "§ 3.2.1.5" for the paragraph whatever its title.
      blocks = doc.blocks.filter((block) => {
        const label = normaliseRef(block.label);
        return label.startsWith(`${wanted} `) || label.startsWith(`${wanted}lid`) || (wanted.startsWith('§') && label.split(' ')[1] === wanted.split(' ')[1]);
      });
    }
    if (blocks.length === 0) return undefined;
    const whole = blocks.some((block) => normaliseRef(block.label) !== wanted);
    return {
      documentId,
      title: doc.info.title,
      section: whole ? sectionRef.trim() : (blocks[0] as PolicyBlock).label,
      quote: blocks
        .map((block) => (whole && /lid (\d+[a-z]?)$/.test(block.label) ? `${/lid (\d+[a-z]?)$/.exec(block.label)?.[1]}. ${block.text}` : block.text))
        .join('\n\n'),
    };
  }
}

function normaliseRef(ref: string): string {
  return fold(ref)
    .replace(/\bart\.?(?=\s|\d)\s*/g, 'artikel ')
    .replace(/§\s*/g, '§ ')
    .replace(/^(\d+(?:\.\d+)+)/, '§ $1')
    .replace(/[›>]/g, ' › ')
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '')
    .trim();
}

interface Reference {
  article?: string;
  lid?: string;
  paragraph?: string;
}

function articleReferences(text: string): Reference[] {
  const folded = fold(text);
  const references: Reference[] = [];
  for (const match of folded.matchAll(/\b(?:artikel|art|article)\.?\s*(\d+[a-z]?)(?:,?\s*(?:lid|paragraph)\s*(\d+))?/g)) {
    references.push({ article: match[1], lid: match[2] });
  }
  for (const match of text.matchAll(/(?:§|paragraaf)\s*(\d+(?:\.\d+)*)/gi)) references.push({ paragraph: match[1] });
  return references;
}

function referenceBoost(passage: IndexedPassage, references: Reference[]): number {
  let boost = 1;
  for (const reference of references) {
    const label = passage.block.label;
    if (reference.article && label.startsWith(`Artikel ${reference.article}`) && /^Artikel \d+[a-z]?( |$)/.test(label)) {
      const lid = /lid (\d+)/.exec(label)?.[1];
      boost = Math.max(boost, reference.lid && lid === reference.lid ? 3 : reference.lid ? 1.5 : 2);
    }
    if (reference.paragraph && label.startsWith(`§ ${reference.paragraph}`)) boost = Math.max(boost, 2);
  }
  return boost;
}

function findTerm(ids: Int32Array, id: number): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = ids[middle] as number;
    if (value === id) return middle;
    if (value < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
