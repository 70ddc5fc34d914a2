import type { Lang } from './text.js';

export type { Lang };

export interface Citation {
  documentId: string;
  title: string;
  section: string;
  quote: string;
}

export type AnswerTopic = 'gifts' | 'sidejobs' | 'reporting';

export interface KnowledgeAnswer {
  answer: string;
  citations: Citation[];
  outOfScope: boolean;
  mode: 'extractive' | 'llm';
  topic?: AnswerTopic;
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
}
