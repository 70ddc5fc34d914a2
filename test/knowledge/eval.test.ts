import { describe, expect, it } from 'vitest';
import { evaluationSets } from '../../src/knowledge/evalSets.js';
import { evaluate, readEvalQuestions } from '../../src/knowledge/evaluation.js';
import { loadBuiltInKnowledgeBase } from '../../src/knowledge/index.js';

const knowledge = loadBuiltInKnowledgeBase();

describe.each(evaluationSets())('evaluation on the $name question set', ({ file }) => {
  const questions = readEvalQuestions(file);
  const report = evaluate(knowledge, questions);
  const failures = report.failures.map((failure) => `${failure.id}: ${failure.problems.join('; ')}`);

  it('finds the expected document among the first three citations (recall@3 >= 0.95)', () => {
    expect(report.recallAt3, failures.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('states the expected facts (>= 0.90)', () => {
    expect(report.facts, failures.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('never cites another organisation’s policy', () => {
    expect(report.scopeViolations, failures.join('\n')).toBe(0);
  });

  it('declines every out-of-scope question', () => {
    expect(report.outOfScopeAccuracy, failures.join('\n')).toBe(1);
  });
});

describe('our own question set', () => {
  it('covers all documents, organisations, English, out-of-scope and injection questions', () => {
    const questions = readEvalQuestions(evaluationSets().find((set) => set.name === 'own')?.file ?? '');
    expect(questions.length).toBeGreaterThanOrEqual(80);
    const expectedDocs = new Set(questions.flatMap((question) => question.expect?.doc.split('|') ?? []));
    for (const doc of knowledge.documents()) expect(expectedDocs, doc.id).toContain(doc.id);
    expect(new Set(questions.map((question) => question.org))).toEqual(new Set(['velsen', 'heerde', 'heemskerk', 'werksaam']));
    expect(questions.filter((question) => question.lang === 'en').length).toBeGreaterThanOrEqual(10);
    expect(questions.filter((question) => question.out_of_scope).length).toBeGreaterThanOrEqual(10);
    expect(questions.filter((question) => /negeer|ignore|vergeet|system/i.test(question.question)).length).toBeGreaterThanOrEqual(3);
  });
});
