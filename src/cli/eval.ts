/**
 * Scores the built-in library on our own question set and on the public sample:
 * recall@3, fact rate, scope violations and out-of-scope accuracy (rules in
 * /shared/eval/README.md). Prints one JSON document, then a readable line per set;
 * `--verbose` also lists every failing question on stderr.
 */
import { parseArgs } from 'node:util';
import { evaluationSets } from '../knowledge/evalSets.js';
import { evaluate, readEvalQuestions, type EvalReport } from '../knowledge/evaluation.js';
import { loadBuiltInKnowledgeBase } from '../knowledge/index.js';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });
const knowledge = loadBuiltInKnowledgeBase();
const reports: Record<string, Omit<EvalReport, 'failures'> & { failed: string[]; file: string }> = {};
const lines: string[] = [];
for (const set of evaluationSets()) {
  const report = evaluate(knowledge, readEvalQuestions(set.file));
  const { failures, ...figures } = report;
  reports[set.name] = { ...figures, file: set.file, failed: failures.map((failure) => failure.id) };
  lines.push(
    `${set.name}: ${report.questions} questions, recall@3 ${percent(report.recallAt3)}, facts ${percent(report.facts)}, ` +
      `scope violations ${report.scopeViolations}, out-of-scope declined ${percent(report.outOfScopeAccuracy)}`,
  );
  if (values.verbose) {
    for (const failure of failures) process.stderr.write(`${set.name} ${failure.id}: ${failure.problems.join('; ')} | ${failure.question} | ${failure.cited.join(', ')}\n`);
  }
}
process.stdout.write(`${JSON.stringify(reports, null, 2)}\n${lines.join('\n')}\n`);

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
