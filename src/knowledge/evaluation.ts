import { readFileSync } from 'node:fs';
import type { KnowledgeBase } from './kb.js';
import { detectLanguage, type Lang } from './text.js';
import type { KnowledgeAnswer } from './types.js';

/** One evaluation question, as in /shared/eval/README.md. */
export interface EvalQuestion {
  id: string;
  org: string;
  question: string;
  lang?: Lang;
  expect?: { doc: string; all_of?: string[] };
  forbid_docs?: string[];
  out_of_scope?: boolean;
}

export interface EvalFailure {
  id: string;
  question: string;
  problems: string[];
  cited: string[];
}

export interface EvalReport {
  questions: number;
  /** In-scope questions with an expected document among the first three citations. */
  recallAt3: number;
  /** In-scope questions whose every expected fact appears in the answer or a cited quote. */
  facts: number;
  /** Citations of a forbidden document or of another organisation's own policy not named in the question. */
  scopeViolations: number;
  /** Out-of-scope questions declined with no citations. */
  outOfScopeAccuracy: number;
  failures: EvalFailure[];
}

export function readEvalQuestions(file: string): EvalQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as EvalQuestion;
      } catch {
        throw new Error(`${file}:${index + 1}: not valid JSON`);
      }
    });
}

export function evaluate(knowledge: KnowledgeBase, questions: EvalQuestion[]): EvalReport {
  const organisationOf = new Map(knowledge.documents().map((doc) => [doc.id, doc.organisation]));
  const ownOrganisations = new Set([...organisationOf.values()].filter((org) => org !== 'national' && org !== 'background'));
  let inScope = 0;
  let recalled = 0;
  let factual = 0;
  let outOfScope = 0;
  let declined = 0;
  let violations = 0;
  const failures: EvalFailure[] = [];
  for (const question of questions) {
    const lang = question.lang ?? detectLanguage(question.question);
    const answer = knowledge.answer({ orgId: question.org, text: question.question, lang });
    const problems: string[] = [];
    const cited = answer.citations.map((citation) => `${citation.documentId}#${citation.section}`);
    const forbidden = new Set(question.forbid_docs ?? []);
    const named = [...ownOrganisations].filter((org) => new RegExp(`\\b${org}\\b`, 'i').test(question.question));
    for (const citation of answer.citations) {
      const org = organisationOf.get(citation.documentId);
      if (forbidden.has(citation.documentId)) {
        violations++;
        problems.push(`cites forbidden ${citation.documentId}`);
      } else if (org && ownOrganisations.has(org) && org !== question.org && !named.includes(org)) {
        violations++;
        problems.push(`cites another organisation's ${citation.documentId}`);
      }
    }
    if (question.out_of_scope) {
      outOfScope++;
      if (answer.outOfScope && answer.citations.length === 0) declined++;
      else problems.push('answered an out-of-scope question');
    } else {
      inScope++;
      const expected = (question.expect?.doc ?? '').split('|').filter((doc) => doc !== '');
      if (answer.citations.slice(0, 3).some((citation) => expected.includes(citation.documentId))) recalled++;
      else problems.push(`expected ${expected.join(' or ')} in the first three citations`);
      const missing = missingFacts(answer, question.expect?.all_of ?? []);
      if (missing.length === 0) factual++;
      else problems.push(`missing ${missing.join(', ')}`);
    }
    if (problems.length > 0) failures.push({ id: question.id, question: question.question, problems, cited });
  }
  return {
    questions: questions.length,
    recallAt3: inScope === 0 ? 1 : recalled / inScope,
    facts: inScope === 0 ? 1 : factual / inScope,
    scopeViolations: violations,
    outOfScopeAccuracy: outOfScope === 0 ? 1 : declined / outOfScope,
    failures,
  };
}

function missingFacts(answer: KnowledgeAnswer, patterns: string[]): string[] {
  const texts = [answer.answer, ...answer.citations.map((citation) => citation.quote)];
  return patterns.filter((pattern) => {
    const regex = new RegExp(pattern, 'i');
    return !texts.some((text) => regex.test(text));
  });
}
