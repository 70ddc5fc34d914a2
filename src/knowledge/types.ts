import type { Lang } from './language.js';
import type { ScopeReason } from './scope.js';
import type { ContactRole } from './themes.js';

export type { ContactRole, Lang };

export interface Citation {
  documentId: string;
  title: string;
  section: string;
  quote: string;
}

export type AnswerTopic = 'gifts' | 'sidejobs' | 'reporting';

export interface KnowledgeAnswer {
  /** The whole answer as text (Markdown), with [n] markers for the citations. */
  answer: string;
  citations: Citation[];
  outOfScope: boolean;
  mode: 'extractive' | 'llm';
  topic?: AnswerTopic;
  /** The language the answer is written in (the question's). */
  lang?: Lang;
  /** The answer's parts, for a message that shows the lead and short quotes and folds the articles away. */
  view?: AnswerView;
  /** The full articles behind the citations, for the "Toon de artikelen" part of the message. */
  articles?: CitedArticle[];
  /** Why a question was declined: someone else's records, another subject, nothing found … */
  declineReason?: ScopeReason;
}

/** A cited section in full: a whole article (all its leden) for a cited lid. */
export interface CitedArticle {
  /** 1-based numbers of the citations it contains. */
  citations: number[];
  /** "Artikel 5", "§ 3.2.1.5 Geschenken, giften en diensten". */
  label: string;
  title: string;
  text: string;
}

/** A short quote shown in the answer itself. */
export interface ShownQuote {
  /** 1-based number of its citation. */
  citation: number;
  /** "Artikel 5 lid 4 (Geschenken, …)". */
  label: string;
  /** The policy's words, shortened around what matters (with … where text is left out). */
  text: string;
}

export interface AnswerView {
  /** One to three sentences that answer the question, with [n] markers. */
  lead: string;
  /** At most two short quotes. */
  quotes: ShownQuote[];
  /** English answers: that the rules are in Dutch and quoted as written. */
  languageNote?: string;
  /** Where to go with doubts: a person, by name when the directory knows them. */
  closing: string;
  /** The people (and outside routes) the question asked for, when the directory knows them. */
  contacts?: string;
  /** 'weak' when the match is uncertain and the lead says so. */
  framing: 'direct' | 'weak';
}

/** A person to turn to, as the directory knows them. */
export interface ContactPerson {
  name: string;
  /** How to reach them, in Teams and by e-mail. */
  upn: string;
}

/** The people an answer may name, per role (only roles the directory knows someone for). */
export type ResolvedContacts = Partial<Record<ContactRole, ContactPerson[]>>;

/** What answering may use besides the library: the contacts the question asks for. */
export interface AnswerContext {
  contacts?: ResolvedContacts;
}

export interface PolicyDocumentInfo {
  id: string;
  title: string;
  /** An organisation id, or 'national' / 'background' for texts that apply to every organisation. */
  organisation: string;
  year: number;
  source: string;
}

export interface Question {
  orgId: string;
  text: string;
  lang: Lang;
}

/** One passage the search found: an article lid or a paragraph, with its place in the document. */
export interface RetrievedPassage {
  documentId: string;
  title: string;
  organisation: string;
  /** Citation label, e.g. "Artikel 5 lid 2". */
  section: string;
  headingPath: string[];
  text: string;
  /** Relevance after scope weighting; comparable within one question only. */
  score: number;
  /** Share (0-1) of the question's subject words this passage matches, weighted by rarity. */
  coverage: number;
  /** Position in its document, to quote several passages of one section in reading order. */
  order: number;
  /** One of the sections that govern a theme the question is clearly about (themes.json). */
  governs?: boolean;
}
