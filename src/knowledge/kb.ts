import { buildAnswer, declineAnswer } from './answer.js';
import { BACKGROUND, NATIONAL, organisationMentions } from './organisations.js';
import { mentionedOrganisationsInFolded, sanitizeQuestion, type SanitizedQuestion } from './question.js';
import type { PolicyBlock } from './structure.js';
import { ALTERNATIVE_WEIGHT, Analyzer, COVERAGE_CREDIT, fold, QueryAnalyzer, tokenize, type AlternativeKind, type AnalyzedQuery } from './text.js';
import { loadThemeCatalogue, VocabularyMatcher, type ThemeCatalogue, type ThemeHit, type VocabularyMatch } from './themes.js';
import { asksAboutAnotherEmployersCase, asksPermissionForAnother, asksTheirRules, asksWhatToDo, isPermissionFramed, readQuestionShapes } from './questionShapes.js';
import { decideScope, type ScopeDecision } from './scope.js';
import { ASKS_WHOM, contactRolesFor } from './contacts.js';
import type { AnswerContext, Citation, ContactRole, KnowledgeAnswer, Lang, PolicyDocumentInfo, Question, RetrievedPassage } from './types.js';

export interface LoadedDocument {
  info: PolicyDocumentInfo;
  blocks: PolicyBlock[];
}

/**
 * The passages of one scope (an organisation, 'national' or 'background') by term: an inverted
 * index of the forward one below, which finds the candidate passages of a question for the
 * precise scoring to rank.
 */
interface ScopeIndex {
  /** Per term id, the scope's passages that contain it (ascending). */
  postings: Map<number, Int32Array>;
  /** Indexes into the document list, in its order. */
  docs: number[];
}

/** BM25 parameters (the usual values) and the weight of a passage's headings against its text. */
const BM25 = { k1: 1.2, b: 0.75, heading: 0.5 };

export interface KnowledgeBase {
  /** Extractive answer: synchronous, no I/O; `context` carries the people the directory knows for the question. */
  answer(question: Question, context?: AnswerContext): KnowledgeAnswer;
  /** The directory roles an answer to this question would name (look them up, then pass them to `answer`). */
  contactRoles(question: Question): ContactRole[];
  retrieve(question: Question, limit?: number): RetrievedPassage[];
  /** The exact text of a section, e.g. section('velsen-gedragscode', 'Artikel 5 lid 2'). */
  section(documentId: string, sectionRef: string): Citation | undefined;
  documents(): PolicyDocumentInfo[];
  /** Stops any background work (a live library's checks for imported documents). */
  close?(): void;
}

/** What answering needs besides the passages; also used by the language-model path. */
export interface Retrieval {
  sanitized: SanitizedQuestion;
  analyzed: AnalyzedQuery | undefined;
  passages: RetrievedPassage[];
  inScope: boolean;
  /** Why the question is in or out of scope, and how sure the match is. */
  scope: ScopeDecision;
  /** The themes, off-topic subjects and contact roles the question names. */
  vocabulary: VocabularyMatch;
  /** The themes whose sections were brought in, best first. */
  themes: ThemeHit[];
}

const SCOPE_WEIGHT = { own: 1, named: 1.1, asked: 1.5, ownWhenOtherNamed: 0.8, national: 0.85, background: 0.5 };
/** A passage matching this share of the question's words answers it nearly literally. */
const LITERAL_SHARE = 0.8;

/**
 * Fusion of the two routes to a passage: lexical scores are scaled to the best one, times how
 * well that best one covers the question (from `lexicalFloor` for a single everyday word up to 1
 * at `fullShare`), and a passage that governs a theme of the question adds up to THEME.weight
 * times the theme's strength (less when the text already explains the question, less for
 * sections listed further down); a passage whose own words are about the theme (imported texts
 * have no listed sections) adds `tagged` of that.
 */
const THEME = { weight: 1, lexicalTrust: 0.5, fullShare: 0.6, lexicalFloor: 0.35, rankStep: 0.05, minRank: 0.6, tagged: 0.35, maxThemes: 3, closeTo: 0.25, central: 0.9, route: 1.4, otherThemesShare: 0.3, otherThemes: 0.3, nationalList: 0.9 };

/**
 * Minimum evidence that a question is about the policies at all, judged per passage among
 * the best three. A passage supports the question when it matches a clear integrity term
 * (gift, side job, confidential counsellor ...) and some of the rest, or a weaker integrity
 * word (report, information, costs) and a good share of the question, or most of the
 * question's words without any integrity term. Coverage is the rarity-weighted share of the
 * question's subject words a passage matches. Calibrated on test/eval and the scope test.
 */
export const SCOPE_THRESHOLDS = { strongDomainCoverage: 0.08, strongSynonymCoverage: 0.25, weakDomainCoverage: 0.5, weakSynonymCoverage: 0.6, plainCoverage: 0.65, plainMinTerms: 2, broadCoverage: 0.45, broadMinTerms: 3, permissionCoverage: 0.15 };

/** Evidence bits of a scored passage (see isInScope). */
const EXACT = 1;
const STRONG = 2;
const STRONG_SYNONYM = 4;
const WEAK = 8;
const WEAK_SYNONYM = 16;
const REFERENCED = 32;

const KIND_SELF = 0;
const KIND_SYNONYM = 3;
const KIND_CODE: Record<AlternativeKind, number> = { self: KIND_SELF, head: 1, modifier: 2, synonym: KIND_SYNONYM };

const HAS_WORD = /[\p{L}\d]{2}/u;
const LAW_NAMED = /\b(ambtenarenwet|aw2017|wet|wetgeving|wettelijk|law|act)\b/;
const COUNCIL_NAMED = /\b(raad|raadsvragen|raadsvraag|raadsleden|gemeenteraad|council|incident|incidenten|2018|antwoordde|beantwoording|antwoorden|wethouder|alderman)\b/;
/** The council answers asked for by name: they are then what the question is about. */
const COUNCIL_ASKED = /\b(raadsvragen|raadsvraag|vragen van de raad|council questions|council's questions)\b/;

/** A growable typed array, so building a large library keeps no boxed numbers. */
class IntList<A extends Int32Array | Uint16Array> {
  length = 0;

  constructor(
    public data: A,
    private readonly make: (size: number) => A,
  ) {}

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  toArray(): A {
    return this.data.slice(0, this.length) as A;
  }
}

function int32List(): IntList<Int32Array> {
  return new IntList(new Int32Array(1024), (size) => new Int32Array(size));
}

function uint16List(): IntList<Uint16Array> {
  return new IntList(new Uint16Array(1024), (size) => new Uint16Array(size));
}

/**
 * Reusable per-question working memory, sized to the library: scoring a question allocates
 * nothing per candidate passage, so questions cause few and short garbage collections.
 */
class Scratch {
  /** `seen[p] === stamp` marks passage p as a candidate of the current question. */
  readonly seen: Int32Array;
  /** Position of a candidate passage in the lists below. */
  readonly position: Int32Array;
  readonly candidates: Int32Array;
  readonly score: Float64Array;
  readonly coverage: Float64Array;
  readonly evidence: Uint8Array;
  readonly matched: Int32Array;
  readonly themeBoost: Float64Array;
  readonly themeExtra: Float64Array;
  /** 1 when the passage is one of the central sections of a clearly matched theme. */
  readonly governs: Uint8Array;
  stamp = 0;

  constructor(passages: number) {
    const size = Math.max(1, passages);
    this.seen = new Int32Array(size);
    this.position = new Int32Array(size);
    this.candidates = new Int32Array(size);
    this.score = new Float64Array(size);
    this.coverage = new Float64Array(size);
    this.evidence = new Uint8Array(size);
    this.matched = new Int32Array(size);
    this.themeBoost = new Float64Array(size);
    this.themeExtra = new Float64Array(size);
    this.governs = new Uint8Array(size);
  }

  next(): number {
    if (this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

/** A question prepared for scoring: its words with the alternatives some passage contains. */
interface PreparedQuery {
  /** Alternatives of word t: alternative indexes altStart[t] .. altStart[t + 1]. */
  altStart: number[];
  altTerm: number[];
  altKind: number[];
  /** ALTERNATIVE_WEIGHT[kind] * idf(stem). */
  altScale: number[];
  altCredit: number[];
  content: boolean[];
  /** idf of the word as typed, for coverage. */
  termIdf: number[];
  /** The evidence bits a match of the word as typed / literally (compound part) / only through a synonym gives. */
  typedEvidence: number[];
  literalEvidence: number[];
  otherEvidence: number[];
  /** Distinct term ids to look up in the scope indexes. */
  lookup: number[];
}

export class PolicyKnowledgeBase implements KnowledgeBase {
  private readonly analyzer: Analyzer;
  private readonly queries: QueryAnalyzer;
  private readonly docs: LoadedDocument[];
  private readonly docIndexById = new Map<string, number>();
  /** Scope (organisation) number of each document. */
  private readonly docScope: Int32Array;
  /** Passages of document d: docStart[d] .. docStart[d + 1] (passages are numbered in document order). */
  private readonly docStart: Int32Array;
  private readonly scopeNames: string[] = [];
  private readonly scopeNumber = new Map<string, number>();
  /** One inverted index per scope: a question looks only at the scopes it may cite. */
  private readonly scopeIndexes: ScopeIndex[] = [];
  private readonly mentions = new Map<string, string[]>();
  /** Every word that names an organisation of the library, folded. */
  private knownNames: Set<string> | undefined;
  private readonly termIdOf = new Map<string, number>();
  /** idf of each term id. */
  private readonly idfOf: Float64Array;

  // Passages, one entry per passage id, as parallel arrays.
  private readonly passageDoc: Int32Array;
  private readonly passageBlock: PolicyBlock[] = [];
  /** Term ids of passage p ascending at termStart[p] .. termStart[p + 1], with their frequency in the text and the headings. */
  private readonly termStart: Int32Array;
  private readonly termIds: Int32Array;
  private readonly textTf: Uint16Array;
  private readonly headingTf: Uint16Array;
  /** The length part of the BM25 denominator, k1 * (1 - b + b * length / average length). */
  private readonly textNorm: Float64Array;
  private readonly headingNorm: Float64Array;

  private readonly scratch: Scratch;
  private readonly catalogue: ThemeCatalogue;
  private readonly vocabulary: VocabularyMatcher;
  /**
   * The retrieval of a question object, kept while that object lives: `answerWithDirectory` asks
   * `contactRoles` and then `answer` for one question, and searching twice was half the CPU of
   * every answer. Checked against the question's fields, so a reused object is searched again.
   */
  private readonly retrievals = new WeakMap<Question, { orgId: string; text: string; lang: Lang; retrieval: Retrieval }>();
  /** Per theme, per scope name (organisation, 'national', 'background'): the governing passages and their rank weight. */
  private readonly themeSections: Map<string, { passages: Int32Array; weights: Float64Array }>[] = [];
  /** Per theme, per scope number: passages whose own words are about the theme. */
  private readonly themeTagged: Map<number, Int32Array>[] = [];
  /** Normalised section labels per document, for section(). */
  private readonly labelCache = new Map<number, string[]>();
  /** What section() found (null: nothing) per document id and reference. */
  private readonly sections = new Map<string, Map<string, Citation | null>>();
  /** Normalised section labels of a document's passages, for the themes' listed sections. */
  private readonly passageLabels = new Map<number, string[]>();
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

    const docCount = documents.length;
    this.docScope = new Int32Array(docCount);
    this.docStart = new Int32Array(docCount + 1);
    const passageDoc = int32List();
    const termStart = int32List();
    const termIds = int32List();
    const textTf = uint16List();
    const headingTf = uint16List();
    const textLengths = int32List();
    const headingLengths = int32List();
    const documentFrequency = int32List();
    // Term counting scratch, indexed by term id.
    const textCount = int32List();
    const headingCount = int32List();
    const countedFor = int32List();
    const passageTerms: number[] = [];
    // Passages by term per scope while building; typed arrays once complete.
    const scopePostings: Map<number, number[]>[] = [];
    let totalTextLength = 0;
    let totalHeadingLength = 0;

    const termId = (term: string): number => {
      let id = this.termIdOf.get(term);
      if (id === undefined) {
        id = this.termIdOf.size;
        this.termIdOf.set(term, id);
        documentFrequency.push(0);
        textCount.push(0);
        headingCount.push(0);
        countedFor.push(-1);
      }
      return id;
    };

    for (let d = 0; d < docCount; d++) {
      const doc = documents[d] as LoadedDocument;
      const org = doc.info.organisation;
      if (!this.docIndexById.has(doc.info.id)) this.docIndexById.set(doc.info.id, d);
      if (org !== NATIONAL && org !== BACKGROUND && !this.mentions.has(org)) this.mentions.set(org, organisationMentions(org));
      let scope = this.scopeNumber.get(org);
      if (scope === undefined) {
        scope = this.scopeNames.length;
        this.scopeNames.push(org);
        this.scopeNumber.set(org, scope);
        this.scopeIndexes.push({ postings: new Map(), docs: [] });
        scopePostings.push(new Map());
      }
      this.docScope[d] = scope;
      (this.scopeIndexes[scope] as ScopeIndex).docs.push(d);
      this.docStart[d] = passageDoc.length;
      for (const block of doc.blocks) {
        if (!HAS_WORD.test(block.text)) continue;
        const id = passageDoc.length;
        const textTerms = this.analyzer.indexTerms(block.text);
        // The document heading (level 1) is the same for every passage and says nothing.
        const heading = block.headingPath.slice(1).join(' ');
        const headingTerms = this.analyzer.indexTerms(heading);
        passageTerms.length = 0;
        const count = (terms: Iterable<string>, counts: typeof textCount) => {
          for (const term of terms) {
            const t = termId(term);
            if (countedFor.data[t] !== id) {
              countedFor.data[t] = id;
              textCount.data[t] = 0;
              headingCount.data[t] = 0;
              passageTerms.push(t);
            }
            counts.data[t] = (counts.data[t] as number) + 1;
          }
        };
        count(textTerms, textCount);
        count(headingTerms, headingCount);
        passageTerms.sort((a, b) => a - b);
        termStart.push(termIds.length);
        const postings = scopePostings[scope] as Map<number, number[]>;
        for (const t of passageTerms) {
          const list = postings.get(t);
          if (list) list.push(id);
          else postings.set(t, [id]);
          termIds.push(t);
          textTf.push(Math.min(65535, textCount.data[t] as number));
          headingTf.push(Math.min(65535, headingCount.data[t] as number));
          documentFrequency.data[t] = (documentFrequency.data[t] as number) + 1;
        }
        passageDoc.push(d);
        this.passageBlock.push(block);
        textLengths.push(textTerms.length);
        headingLengths.push(headingTerms.length);
        totalTextLength += textTerms.length;
        totalHeadingLength += headingTerms.length;
      }
    }
    const passageCount = passageDoc.length;
    this.docStart[docCount] = passageCount;
    scopePostings.forEach((postings, scope) => {
      const index = this.scopeIndexes[scope] as ScopeIndex;
      for (const [t, list] of postings) index.postings.set(t, Int32Array.from(list));
    });
    termStart.push(termIds.length);
    this.passageDoc = passageDoc.toArray();
    this.termStart = termStart.toArray();
    this.termIds = termIds.toArray();
    this.textTf = textTf.toArray();
    this.headingTf = headingTf.toArray();

    this.averageText = totalTextLength / (passageCount || 1) || 1;
    this.averageHeading = totalHeadingLength / (passageCount || 1) || 1;
    this.textNorm = new Float64Array(passageCount);
    this.headingNorm = new Float64Array(passageCount);
    for (let p = 0; p < passageCount; p++) {
      this.textNorm[p] = lengthNorm(textLengths.data[p] as number, this.averageText);
      this.headingNorm[p] = lengthNorm(headingLengths.data[p] as number, this.averageHeading);
    }
    this.idfOf = new Float64Array(this.termIdOf.size);
    for (let t = 0; t < this.idfOf.length; t++) this.idfOf[t] = idf(passageCount, documentFrequency.data[t] as number);

    this.scratch = new Scratch(passageCount);
    this.catalogue = loadThemeCatalogue();
    this.vocabulary = new VocabularyMatcher(this.catalogue, this.analyzer);
    this.indexThemes();
  }

  /**
   * Resolves each theme's listed sections to passages (a section that does not resolve, such as
   * one an imported replacement no longer has, is left out) and tags the passages of documents
   * the catalogue lists nothing of with the themes their own words are about, so imported
   * documents are found through themes too.
   */
  private indexThemes(): void {
    const tagsByText = new Map<string, readonly number[]>();
    const tagged: Map<number, number[]>[] = this.catalogue.themes.map(() => new Map());
    // Documents the catalogue lists sections of are reached through those; the others (imported
    // ones, new organisations) through the themes their own words are about.
    const listed = new Set(this.catalogue.themes.flatMap((theme) => Object.values(theme.sections).flatMap((refs) => refs.map((ref) => ref.doc))));
    for (let p = 0; p < this.passageBlock.length; p++) {
      const doc = this.docs[this.passageDoc[p] as number] as LoadedDocument;
      if (listed.has(doc.info.id)) continue;
      const block = this.passageBlock[p] as PolicyBlock;
      const key = `${block.headingPath.at(-1) ?? ''}\n${block.text}`;
      let tags = tagsByText.get(key);
      if (!tags) {
        tags = this.vocabulary.passageThemes(key);
        tagsByText.set(key, tags);
      }
      const scope = this.docScope[this.passageDoc[p] as number] as number;
      for (const theme of tags) {
        const list = (tagged[theme] as Map<number, number[]>).get(scope) ?? [];
        list.push(p);
        (tagged[theme] as Map<number, number[]>).set(scope, list);
      }
    }
    this.catalogue.themes.forEach((theme, t) => {
      const byScope = new Map<string, { passages: Int32Array; weights: Float64Array }>();
      for (const [scope, refs] of Object.entries(theme.sections)) {
        const passages: number[] = [];
        const weights: number[] = [];
        refs.forEach((ref, rank) => {
          for (const passage of this.resolveSection(ref.doc, ref.section, ref.contains)) {
            if (passages.includes(passage)) continue;
            passages.push(passage);
            weights.push(Math.max(THEME.minRank, 1 - rank * THEME.rankStep));
          }
        });
        if (passages.length > 0) byScope.set(scope, { passages: Int32Array.from(passages), weights: Float64Array.from(weights) });
      }
      this.themeSections.push(byScope);
      this.themeTagged.push(new Map([...(tagged[t] as Map<number, number[]>)].map(([scope, list]) => [scope, Int32Array.from(list)])));
    });
  }

  /** Passages of a section (optionally only those containing a text), in document order. */
  private resolveSection(documentId: string, section: string, contains: string | undefined): number[] {
    const d = this.docIndexById.get(documentId);
    if (d === undefined) return [];
    const wanted = normaliseRef(section);
    const needle = contains === undefined ? undefined : fold(contains);
    const first = this.docStart[d] as number;
    let labels = this.passageLabels.get(d);
    if (!labels) {
      labels = [];
      for (let p = first; p < (this.docStart[d + 1] as number); p++) labels.push(normaliseRef((this.passageBlock[p] as PolicyBlock).label));
      this.passageLabels.set(d, labels);
    }
    const found: number[] = [];
    for (let p = first; p < (this.docStart[d + 1] as number); p++) {
      if (labels[p - first] !== wanted) continue;
      if (needle !== undefined && !fold((this.passageBlock[p] as PolicyBlock).text).includes(needle)) continue;
      found.push(p);
    }
    return found;
  }

  /** Passages a theme's listed section resolves to; for the data test. */
  themeSectionPassages(documentId: string, section: string, contains?: string): RetrievedPassage[] {
    return this.resolveSection(documentId, section, contains).map((p) => this.toRetrieved(p, 0, 0));
  }

  /** The theme catalogue this library uses. */
  get themes(): ThemeCatalogue {
    return this.catalogue;
  }

  /** Themes, off-topic subjects and contact roles a question names. */
  matchVocabulary(text: string, lang: Lang): VocabularyMatch {
    return this.vocabulary.match(text, lang);
  }

  /** Which vocabulary entries a question matched (for diagnostics and tests). */
  explainVocabulary(text: string, lang: Lang): string[] {
    return this.vocabulary.explain(text, lang);
  }

  documents(): PolicyDocumentInfo[] {
    return this.docs.map((doc) => ({ ...doc.info }));
  }

  get passageCount(): number {
    return this.passageBlock.length;
  }

  answer(question: Question, context: AnswerContext = {}): KnowledgeAnswer {
    const retrieval = this.retrievalOf(question);
    // Answered: let the retrieval go with the turn. Kept in the map until the question object
    // dies, it outlived young-generation collections and was promoted, garbage for a full one.
    this.retrievals.delete(question);
    if (retrieval.sanitized.recordsRequest) return declineAnswer(question, 'records');
    if (!retrieval.inScope || !retrieval.analyzed || retrieval.passages.length === 0) {
      return declineAnswer(question, 'scope', retrieval.scope.inScope ? 'no-evidence' : retrieval.scope.reason);
    }
    return buildAnswer(
      question,
      { analyzed: retrieval.analyzed, passages: retrieval.passages, themes: retrieval.themes, scope: retrieval.scope, contactRoles: this.rolesFor(retrieval) },
      { analyzer: this.analyzer, weightOf: (stem) => this.idf(stem), lookup: (doc, label) => this.section(doc, label), catalogue: this.catalogue, sentenceThemes: (text) => this.vocabulary.passageThemes(text) },
      context,
    );
  }

  contactRoles(question: Question): ContactRole[] {
    const retrieval = this.retrievalOf(question);
    return retrieval.inScope ? this.rolesFor(retrieval) : [];
  }

  private retrievalOf(question: Question): Retrieval {
    const known = this.retrievals.get(question);
    if (known && known.orgId === question.orgId && known.text === question.text && known.lang === question.lang) return known.retrieval;
    const retrieval = this.search(question, 8);
    this.retrievals.set(question, { orgId: question.orgId, text: question.text, lang: question.lang, retrieval });
    return retrieval;
  }

  private rolesFor(retrieval: Retrieval): ContactRole[] {
    return contactRolesFor(retrieval.themes, retrieval.vocabulary.roles, this.catalogue, fold(retrieval.sanitized.text), retrieval.scope);
  }

  retrieve(question: Question, limit = 8): RetrievedPassage[] {
    return this.search(question, limit).passages;
  }

  /** Retrieval with everything the answer builders need to decide scope and wording. */
  search(question: Question, limit = 8): Retrieval {
    const sanitized = sanitizeQuestion(question.text);
    const none: VocabularyMatch = { themes: [], offTopics: [], decisiveOffTopics: [], elsewhereOffTopics: [], occasionOffTopics: [], roles: [] };
    if (sanitized.text === '' || sanitized.recordsRequest) {
      return { sanitized, analyzed: undefined, passages: [], inScope: false, scope: { inScope: false, reason: sanitized.recordsRequest ? 'records' : 'empty', confidence: 'weak' }, vocabulary: none, themes: [] };
    }
    const analyzed = this.queries.analyze(sanitized.text, question.lang);
    const vocabulary = this.vocabulary.match(sanitized.text, question.lang);
    const themes = themesToBoost(vocabulary.themes);
    let totalIdf = 0;
    let hasContent = false;
    for (const term of analyzed.terms) {
      if (!term.content) continue;
      hasContent = true;
      totalIdf += this.idf(term.stem);
    }
    if (!hasContent && themes.length === 0) {
      return { sanitized, analyzed, passages: [], inScope: false, scope: { inScope: false, reason: 'no-evidence', confidence: 'weak' }, vocabulary, themes };
    }

    const folded = fold(sanitized.text);
    const scopes = this.searchScopes(question.orgId, sanitized, folded);
    const references = articleReferences(folded, sanitized.text);
    const query = this.prepare(analyzed);
    const scratch = this.scratch;
    const stamp = scratch.next();
    const { seen, position, candidates, score, coverage, evidence, matched, themeBoost, themeExtra, governs } = scratch;

    // Candidates: every passage of the searched scopes with some word of the question (any
    // alternative), found by the scope's inverted index, then put in passage order.
    let count = 0;
    for (const { index } of scopes) {
      for (const term of query.lookup) {
        const postings = index.postings.get(term);
        if (!postings) continue;
        for (let i = 0; i < postings.length; i++) {
          const passage = postings[i] as number;
          if (seen[passage] === stamp) continue;
          seen[passage] = stamp;
          candidates[count++] = passage;
        }
      }
    }
    candidates.subarray(0, count).sort();
    const weightOfScope = (scope: number): number => {
      for (const entry of scopes) if (entry.scope === scope) return entry.weight;
      return 0;
    };

    const terms = analyzed.terms.length;
    for (let c = 0; c < count; c++) {
      const passage = candidates[c] as number;
      position[passage] = c;
      const first = this.termStart[passage] as number;
      const last = this.termStart[passage + 1] as number;
      const textNorm = this.textNorm[passage] as number;
      const headingNorm = this.headingNorm[passage] as number;
      let relevance = 0;
      let covered = 0;
      let flags = 0;
      let matchedTerms = 0;
      for (let t = 0; t < terms; t++) {
        let best = 0;
        let credit = 0;
        let literal = false;
        let typed = false;
        const altEnd = query.altStart[t + 1] as number;
        for (let a = query.altStart[t] as number; a < altEnd; a++) {
          const at = findTerm(this.termIds, first, last, query.altTerm[a] as number);
          if (at < 0) continue;
          const text = this.textTf[at] as number;
          const heading = this.headingTf[at] as number;
          if (text === 0 && heading === 0) continue;
          const bm25 = saturate(text, textNorm) + BM25.heading * saturate(heading, headingNorm);
          best = Math.max(best, (query.altScale[a] as number) * bm25);
          credit = Math.max(credit, query.altCredit[a] as number);
          const kind = query.altKind[a];
          if (kind !== KIND_SYNONYM) literal = true;
          if (kind === KIND_SELF) {
            typed = true;
            if (query.content[t]) flags |= EXACT;
          }
        }
        if (best === 0) continue;
        // Each question word counts once, through its best alternative: five synonyms of one
        // word in a passage do not outrank a passage that answers two words.
        relevance += best * (query.content[t] ? 1 : 0.3);
        if (!query.content[t]) continue;
        covered += (query.termIdf[t] as number) * credit;
        matchedTerms++;
        // An integrity word found as typed is better evidence than one found through a synonym;
        // a weak one counts fully only as typed ("telefoon" found for "laptop" proves little,
        // "vergadering" inside "gemeenteraadsvergadering" nothing).
        flags |= (typed ? query.typedEvidence[t] : literal ? query.literalEvidence[t] : query.otherEvidence[t]) as number;
      }
      const share = totalIdf > 0 ? covered / totalIdf : 0;
      let weight = weightOfScope(this.docScope[this.passageDoc[passage] as number] as number);
      // A council answer that matches nearly the whole question is what was asked for, as if
      // the council had been named.
      if (weight === SCOPE_WEIGHT.background && share >= LITERAL_SHARE) weight = SCOPE_WEIGHT.named;
      score[c] = relevance * weight * referenceBoost(this.passageBlock[passage] as PolicyBlock, references) * (0.3 + share);
      coverage[c] = share;
      evidence[c] = flags;
      matched[c] = matchedTerms;
    }

    // An explicit article reference with its lid ("artikel 5 lid 2") always brings that text.
    let entries = count;
    if (references.length > 0) {
      let best = 1;
      for (let c = 0; c < count; c++) best = Math.max(best, score[c] as number);
      const docs = scopes.flatMap((entry) => entry.index.docs).sort((a, b) => a - b);
      for (const d of docs) {
        const weight = weightOfScope(this.docScope[d] as number);
        const end = this.docStart[d + 1] as number;
        for (let passage = this.docStart[d] as number; passage < end; passage++) {
          if (referenceBoost(this.passageBlock[passage] as PolicyBlock, references) < 3) continue;
          const boosted = best * 1.05 * weight;
          if (seen[passage] === stamp) {
            const c = position[passage] as number;
            score[c] = Math.max(score[c] as number, boosted);
            evidence[c] = (evidence[c] as number) | REFERENCED;
          } else {
            seen[passage] = stamp;
            position[passage] = entries;
            candidates[entries] = passage;
            score[entries] = boosted;
            coverage[entries] = 1;
            evidence[entries] = EXACT | STRONG | REFERENCED;
            matched[entries] = 1;
            entries++;
          }
        }
      }
    }

    // Lexical scores relative to the best one, then the themes' sections added to them.
    let bestLexical = 0;
    let bestShare = 0;
    for (let c = 0; c < entries; c++) {
      if ((score[c] as number) > bestLexical) {
        bestLexical = score[c] as number;
        bestShare = coverage[c] as number;
      }
    }
    // How well the text itself explains the question: a best passage that shares only an
    // everyday word ("werk") is weak evidence however it ranks, so the lexical part then counts
    // less and the themes more.
    const lexicalQuality = Math.min(1, bestShare / THEME.fullShare);
    const lexicalWeight = THEME.lexicalFloor + (1 - THEME.lexicalFloor) * lexicalQuality;
    const themeWeight = THEME.weight * (1 - THEME.lexicalTrust * lexicalQuality);
    for (let c = 0; c < entries; c++) {
      if (bestLexical > 0) score[c] = ((score[c] as number) / bestLexical) * lexicalWeight;
      themeBoost[c] = 0;
      themeExtra[c] = 0;
      governs[c] = 0;
    }
    const addThemePassage = (passage: number, boost: number) => {
      if (seen[passage] !== stamp) {
        seen[passage] = stamp;
        position[passage] = entries;
        candidates[entries] = passage;
        score[entries] = 0;
        coverage[entries] = 0;
        evidence[entries] = 0;
        matched[entries] = 0;
        themeBoost[entries] = 0;
        themeExtra[entries] = 0;
        governs[entries] = 0;
        entries++;
      }
      const c = position[passage] as number;
      // A passage that governs several themes of the question is more central: the best
      // theme's boost, plus a little of the others'.
      const best = themeBoost[c] as number;
      themeExtra[c] = Math.min(THEME.otherThemes, (themeExtra[c] as number) + THEME.otherThemesShare * Math.min(best, boost));
      if (boost > best) themeBoost[c] = boost;
      return c;
    };
    // "Een teamgenoot laadt gereedschap van de werf in zijn auto, wat moet ik doen, zonder dat hij weet wie het zei": asked
    // what to do, a clear word of a route theme (reporting) brings its sections up to the situation's.
    const asksRoute = themes.length > 1 && (asksWhatToDo(folded) || ASKS_WHOM.test(folded));
    for (const hit of themes) {
      const route = asksRoute && hit.strongCues > 0 && this.catalogue.themes[hit.theme]?.route === true ? THEME.route : 1;
      const sections = this.themeSections[hit.theme] as Map<string, { passages: Int32Array; weights: Float64Array }>;
      const tagged = this.themeTagged[hit.theme] as Map<number, Int32Array>;
      for (const { scope, weight } of scopes) {
        const scopeName = this.scopeNames[scope] as string;
        const listed = sections.get(scopeName);
        if (listed) {
          // Listed for the organisation, a section counts fully, also when it is national law
          // (Heemskerk's gift rule is the Ambtenarenwet); listed for every organisation, a little
          // less than the organisation's own, and the council answers as background.
          const scopeWeight = scopeName === NATIONAL ? THEME.nationalList : weight;
          for (let i = 0; i < listed.passages.length; i++) {
            const passage = listed.passages[i] as number;
            const c = addThemePassage(passage, route * themeStrength(hit) * themeWeight * (listed.weights[i] as number) * scopeWeight);
            if (hit.confidence >= 0.75 && (listed.weights[i] as number) >= THEME.central) governs[c] = 1;
          }
        }
        const own = tagged.get(scope);
        if (own) for (const passage of own) addThemePassage(passage, themeStrength(hit) * themeWeight * THEME.tagged * weight);
      }
    }
    for (let c = 0; c < entries; c++) score[c] = (score[c] as number) + (themeBoost[c] as number) + (themeExtra[c] as number);

    // The best `limit` entries, ties in entry order (a stable sort would give the same).
    const top = topEntries(score, entries, limit);
    const passages = top.map((c) => this.toRetrieved(candidates[c] as number, score[c] as number, coverage[c] as number, governs[c] === 1));
    // "Mag hij die houden?" asks a rule as well as "mag ik".
    const permission = isPermissionFramed(folded) || asksPermissionForAnother(folded);
    const lexical = lexicalEvidence(top, coverage, evidence, matched, permission);
    const shapes = readQuestionShapes(folded, () => mentionedOrganisationsInFolded(folded, this.mentions).length > 0);
    const scope = decideScope({ ...shapes, vocabulary, lexical, permission, asksWhom: ASKS_WHOM.test(folded), otherEmployer: this.namesOtherEmployer(sanitized.text, question.orgId) || asksTheirRules(folded) || asksAboutAnotherEmployersCase(folded), words: analyzed.terms.filter((term) => term.content).length });
    return { sanitized, analyzed, passages, inScope: scope.inScope, scope, vocabulary, themes };
  }

  /** The question's words with the alternatives the library contains, as flat arrays. */
  private prepare(analyzed: AnalyzedQuery): PreparedQuery {
    const query: PreparedQuery = {
      altStart: [0],
      altTerm: [],
      altKind: [],
      altScale: [],
      altCredit: [],
      content: [],
      termIdf: [],
      literalEvidence: [],
      typedEvidence: [],
      otherEvidence: [],
      lookup: [],
    };
    for (const term of analyzed.terms) {
      for (const [stem, kind] of term.alternatives) {
        const id = this.termIdOf.get(stem);
        if (id === undefined) continue;
        query.altTerm.push(id);
        query.altKind.push(KIND_CODE[kind]);
        query.altScale.push(ALTERNATIVE_WEIGHT[kind] * (this.idfOf[id] as number));
        query.altCredit.push(COVERAGE_CREDIT[kind]);
        if (!query.lookup.includes(id)) query.lookup.push(id);
      }
      query.altStart.push(query.altTerm.length);
      query.content.push(term.content);
      query.termIdf.push(term.content ? this.idf(term.stem) : 0);
      const strong = term.domain === 'strong';
      const strongish = strong || term.strongGroup;
      const weak = term.domain === 'weak';
      // A clear integrity word counts as such when found literally (as typed or as part of a
      // compound), else through a synonym; a weak one counts fully only as typed.
      query.typedEvidence.push(strong ? STRONG : strongish ? STRONG_SYNONYM : weak ? WEAK : 0);
      query.literalEvidence.push(strong ? STRONG : strongish ? STRONG_SYNONYM : weak ? WEAK_SYNONYM : 0);
      query.otherEvidence.push(strongish ? STRONG_SYNONYM : weak ? WEAK_SYNONYM : 0);
    }
    return query;
  }

  private idf(stem: string): number {
    const id = this.termIdOf.get(stem);
    return id === undefined ? idf(this.passageBlock.length, 0) : (this.idfOf[id] as number);
  }

  /** A passage as the answer builders see it; `governs` is left out when not given (see `search`). */
  private toRetrieved(passage: number, score: number, coverage: number, governs?: boolean): RetrievedPassage {
    const doc = this.docs[this.passageDoc[passage] as number] as LoadedDocument;
    const block = this.passageBlock[passage] as PolicyBlock;
    const retrieved: RetrievedPassage = {
      documentId: doc.info.id,
      title: doc.info.title,
      organisation: doc.info.organisation,
      section: block.label,
      headingPath: block.headingPath,
      text: block.text,
      score,
      coverage,
      order: block.order,
    };
    // Set here rather than spread into a copy of the object: that copy was 2 % of every answer.
    if (governs !== undefined) retrieved.governs = governs;
    return retrieved;
  }

  /**
   * The scopes a question may cite with their weight: the user's organisation, organisations
   * the question names (not when it also tries to instruct the assistant), the national and
   * the background texts.
   */
  private searchScopes(orgId: string, sanitized: SanitizedQuestion, folded: string): { scope: number; weight: number; index: ScopeIndex }[] {
    const named = sanitized.injection ? [] : mentionedOrganisationsInFolded(folded, this.mentions).filter((org) => org !== orgId);
    const lawNamed = LAW_NAMED.test(folded);
    const councilNamed = COUNCIL_NAMED.test(folded);
    const councilAsked = COUNCIL_ASKED.test(folded);
    const scopes: { scope: number; weight: number; index: ScopeIndex }[] = [];
    const add = (org: string) => {
      const scope = this.scopeNumber.get(org);
      if (scope === undefined || scopes.some((entry) => entry.scope === scope)) return;
      let weight: number;
      if (org === orgId) weight = named.length > 0 ? SCOPE_WEIGHT.ownWhenOtherNamed : SCOPE_WEIGHT.own;
      else if (named.includes(org)) weight = SCOPE_WEIGHT.named;
      else if (org === NATIONAL) weight = lawNamed ? SCOPE_WEIGHT.named : SCOPE_WEIGHT.national;
      else weight = councilAsked ? SCOPE_WEIGHT.asked : councilNamed ? SCOPE_WEIGHT.named : SCOPE_WEIGHT.background;
      scopes.push({ scope, weight, index: this.scopeIndexes[scope] as ScopeIndex });
    };
    add(orgId);
    for (const org of named) add(org);
    add(NATIONAL);
    add(BACKGROUND);
    return scopes;
  }

  /**
   * Another employer's affairs: "het beleid van de gemeente Amsterdam", "the gift policy at
   * Shell", "ambtenaren van de provincie Utrecht". A gift from another government ("een cadeau
   * van de gemeente Haarlem") is the asker's own business and does not count.
   */
  private namesOtherEmployer(text: string, orgId: string): boolean {
    this.knownNames ??= new Set([...this.mentions.values()].flat().map((name) => fold(name)));
    const known = this.knownNames;
    const unknown = (name: string) => {
      const folded = fold(name).replace(/[^a-z0-9-]/g, '');
      return folded !== orgId && !known.has(folded);
    };
    for (const match of text.matchAll(POLICY_OF)) if (unknown(match[1] ?? '')) return true;
    for (const match of text.matchAll(POSSESSIVE_POLICY)) if (unknown(match[1] ?? '')) return true;
    for (const match of text.matchAll(ORGANISATION_JUDGED)) if (unknown(match[1] ?? '')) return true;
    for (const match of text.matchAll(EMPLOYER_NAMED)) {
      if (!unknown(match[1] ?? '')) continue;
      const before = text.slice(0, match.index).toLowerCase();
      if (PEOPLE_OF.test(before) || !GIVEN_BY.test(before)) return true;
    }
    return false;
  }

  section(documentId: string, sectionRef: string): Citation | undefined {
    // Every answer looks up the sections it cites and their articles, several times: the texts
    // only change with a new library, so each lookup is done once (a copy per caller, which may
    // keep it as its own citation).
    let ofDocument = this.sections.get(documentId);
    if (!ofDocument) {
      ofDocument = new Map();
      this.sections.set(documentId, ofDocument);
    }
    let found = ofDocument.get(sectionRef);
    if (found === undefined) {
      found = this.findSection(documentId, sectionRef) ?? null;
      // Section references come from the library's own labels; the bound is for any other caller.
      if (ofDocument.size >= MAX_CACHED_SECTIONS) ofDocument.clear();
      ofDocument.set(sectionRef, found);
    }
    return found ? { ...found } : undefined;
  }

  private findSection(documentId: string, sectionRef: string): Citation | undefined {
    const index = this.docIndexById.get(documentId);
    if (index === undefined) return undefined;
    const doc = this.docs[index] as LoadedDocument;
    let labels = this.labelCache.get(index);
    if (!labels) {
      labels = doc.blocks.map((block) => normaliseRef(block.label));
      this.labelCache.set(index, labels);
    }
    const wanted = normaliseRef(sectionRef);
    let picked = labels.flatMap((label, i) => (label === wanted ? [i] : []));
    if (picked.length === 0) {
      // "Artikel 5" asks for every lid; "§ 3.2.1.5" for the paragraph whatever its title.
      picked = labels.flatMap((label, i) =>
        label.startsWith(`${wanted} `) || label.startsWith(`${wanted}lid`) || (wanted.startsWith('§') && label.split(' ')[1] === wanted.split(' ')[1]) ? [i] : [],
      );
    }
    if (picked.length === 0) return undefined;
    const whole = picked.some((i) => labels[i] !== wanted);
    const blocks = picked.map((i) => doc.blocks[i] as PolicyBlock);
    return {
      documentId,
      title: doc.info.title,
      section: whole ? sectionRef.trim() : (blocks[0] as PolicyBlock).label,
      quote: blocks.map((block) => (whole && LID_SUFFIX.test(block.label) ? `${LID_SUFFIX.exec(block.label)?.[1]}. ${block.text}` : block.text)).join('\n\n'),
    };
  }
}

const LID_SUFFIX = /lid (\d+[a-z]?)$/;
/** Distinct section references remembered per document (the library's own labels are far fewer). */
const MAX_CACHED_SECTIONS = 5000;

/** "het integriteitsbeleid van de gemeente Utrecht", "the gift policy at Shell": a name after a policy word. */
const POLICY_OF =
  /\b\p{L}*(?:beleid|regels|regeling|gedragscode|policy|policies|rules|code of conduct)\s+(?:van|bij|in|of|at|for)\s+(?:de\s+|het\s+|the\s+)?(?:gemeente\s+|provincie\s+|municipality of\s+|city of\s+)?(\p{Lu}[\p{L}&.-]+)/gu;
/**
 * "Philips' gift policy", "Shell's code of conduct": a policy of a name in the possessive. A
 * name after an article or "our" ("the Council's rules") is a body of one's own.
 */
const POSSESSIVE_POLICY =
  /(?<!\b(?:the|de|het|our|onze|ons|my|mijn)\s)\b(\p{Lu}\p{Ll}[\p{L}&.-]*)(?:['’]s|(?<=s)['’])\s+(?:\p{L}+\s+)?(?:beleid|regels|regeling|gedragscode|policy|policies|rules|code of conduct)\b/gu;
/** "Is Bakkerij Jansen een integer bedrijf?", "is Acme a good employer?": judging another organisation as a company or employer. */
const ORGANISATION_JUDGED =
  /\b(?:[Ii]s|[Ww]as|[Zz]ijn|[Aa]re)\s+(\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*){0,2})\s+(?:een|a|an)\s+(?:\p{L}+\s+){0,2}?(?:bedrijf|werkgever|organisatie|onderneming|company|employer|firm|organi[sz]ation)\b/gu;
/** A public body named by its kind and name. */
const EMPLOYER_NAMED = /\b(?:gemeente|provincie|waterschap|ministerie van|municipality of|city of|province of)\s+(\p{Lu}[\p{L}-]+)/gu;
/** "... van de" right before the name: something given by or received from that body. */
const GIVEN_BY = /\b(?:van|from|door|by|namens|aan|to|with|met)\s+(?:de|het|the|een|a)?\s*$/;
/** "ambtenaren van de": the body's own people, so its affairs. */
const PEOPLE_OF = /\b(?:ambtenaren|medewerkers|werknemers|personeel|collega'?s|employees|staff|officials|civil servants)\s+(?:van|bij|of|at)\s+(?:de|het|the)?\s*$/;

function lengthNorm(length: number, average: number): number {
  return BM25.k1 * (1 - BM25.b + (BM25.b * length) / average);
}

function saturate(tf: number, norm: number): number {
  return tf === 0 ? 0 : (tf * (BM25.k1 + 1)) / (tf + norm);
}

function idf(passages: number, df: number): number {
  return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
}

/** Entry numbers of the `limit` highest scores, best first; equal scores keep entry order. */
function topEntries(score: Float64Array, entries: number, limit: number): number[] {
  const size = Math.max(0, Math.min(entries, limit));
  const top: number[] = [];
  if (size === 0) return top;
  for (let c = 0; c < entries; c++) {
    const value = score[c] as number;
    if (top.length === size) {
      if (!(value > (score[top[size - 1] as number] as number))) continue;
      top.pop();
    }
    let at = top.length;
    while (at > 0 && value > (score[top[at - 1] as number] as number)) at--;
    top.splice(at, 0, c);
  }
  return top;
}

/** How well the lexical search alone supports the question (see `decideScope`). */
export interface LexicalEvidence {
  /** The old, lexical-only scope rule holds. */
  inScope: boolean;
  /** A clear integrity word of the question, as typed, in one of the best passages. */
  strong: boolean;
  /** The largest share of the question's subject words one of the best passages matches. */
  bestShare: number;
}

function lexicalEvidence(top: number[], coverage: Float64Array, evidence: Uint8Array, matched: Int32Array, permission: boolean): LexicalEvidence {
  const strong = top.slice(0, 3).some((c) => ((evidence[c] as number) & STRONG) !== 0 && (coverage[c] as number) >= SCOPE_THRESHOLDS.strongDomainCoverage);
  const bestShare = top.slice(0, 3).reduce((best, c) => Math.max(best, coverage[c] as number), 0);
  return { inScope: isInScope(top, coverage, evidence, matched, permission), strong, bestShare };
}

function isInScope(top: number[], coverage: Float64Array, evidence: Uint8Array, matched: Int32Array, permission: boolean): boolean {
  // Asking permission or what to do is an integrity question when the best passage answers an
  // integrity word of it (typed or through a synonym), not only everyday words.
  const best = top[0];
  if (permission && best !== undefined && (coverage[best] as number) >= SCOPE_THRESHOLDS.permissionCoverage) {
    const flags = evidence[best] as number;
    // A weak word alone ("kleding") needs a second word of the question in the same passage.
    if (flags & (STRONG | STRONG_SYNONYM) || (flags & WEAK && (matched[best] as number) >= 2)) return true;
  }
  return top.slice(0, 3).some((c) => {
    const share = coverage[c] as number;
    const flags = evidence[c] as number;
    const matchedTerms = matched[c] as number;
    if (flags & REFERENCED) return true;
    if (flags & STRONG && share >= SCOPE_THRESHOLDS.strongDomainCoverage) return true;
    if (flags & STRONG_SYNONYM && share >= SCOPE_THRESHOLDS.strongSynonymCoverage) return true;
    if (flags & WEAK && share >= SCOPE_THRESHOLDS.weakDomainCoverage) return true;
    if (flags & WEAK_SYNONYM && share >= SCOPE_THRESHOLDS.weakSynonymCoverage && matchedTerms >= 2) return true;
    // Several of the question's subject words in one passage, one of them an integrity word.
    if (flags & (WEAK | WEAK_SYNONYM) && share >= SCOPE_THRESHOLDS.broadCoverage && matchedTerms >= SCOPE_THRESHOLDS.broadMinTerms) return true;
    return (flags & EXACT) !== 0 && share >= SCOPE_THRESHOLDS.plainCoverage && matchedTerms >= SCOPE_THRESHOLDS.plainMinTerms;
  });
}

/** How much a theme's sections add: a single weaker word ("grond", "gedragscode") adds little. */
function themeStrength(hit: ThemeHit): number {
  return hit.confidence * hit.confidence;
}

/** The themes whose sections a question brings in: the best ones, at most THEME.maxThemes, none far below the best. */
function themesToBoost(hits: ThemeHit[]): ThemeHit[] {
  const best = hits[0]?.confidence ?? 0;
  return hits.filter((hit) => hit.confidence >= Math.max(0.5, best - THEME.closeTo)).slice(0, THEME.maxThemes);
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

const ARTICLE_REFERENCE = /\b(?:artikel|art|article)\.?\s*(\d+[a-z]?)(?:,?\s*(?:lid|paragraph)\s*(\d+))?/g;
const PARAGRAPH_REFERENCE = /(?:§|paragraaf)\s*(\d+(?:\.\d+)*)/gi;
const ARTICLE_LABEL = /^Artikel \d+[a-z]?( |$)/;
const LID_NUMBER = /lid (\d+)/;

/** References in a question: `folded` is fold(text). */
function articleReferences(folded: string, text: string): Reference[] {
  const references: Reference[] = [];
  for (const match of folded.matchAll(ARTICLE_REFERENCE)) references.push({ article: match[1], lid: match[2] });
  for (const match of text.matchAll(PARAGRAPH_REFERENCE)) references.push({ paragraph: match[1] });
  return references;
}

function referenceBoost(block: PolicyBlock, references: Reference[]): number {
  let boost = 1;
  for (const reference of references) {
    const label = block.label;
    if (reference.article && label.startsWith(`Artikel ${reference.article}`) && ARTICLE_LABEL.test(label)) {
      const lid = LID_NUMBER.exec(label)?.[1];
      boost = Math.max(boost, reference.lid && lid === reference.lid ? 3 : reference.lid ? 1.5 : 2);
    }
    if (reference.paragraph && label.startsWith(`§ ${reference.paragraph}`)) boost = Math.max(boost, 2);
  }
  return boost;
}

/** Position of `id` in the ascending ids[low .. high), or -1. */
function findTerm(ids: Int32Array, low: number, high: number, id: number): number {
  let lo = low;
  let hi = high - 1;
  while (lo <= hi) {
    const middle = (lo + hi) >> 1;
    const value = ids[middle] as number;
    if (value === id) return middle;
    if (value < id) lo = middle + 1;
    else hi = middle - 1;
  }
  return -1;
}
