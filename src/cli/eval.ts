/**
 * Scores the built-in library on question sets: recall@3, fact rate, scope violations and
 * out-of-scope accuracy (rules in /shared/eval/README.md). Prints one JSON document, then a
 * readable line per set; `--verbose` also lists every failing question on stderr.
 *
 *   npm run eval                                  # the repository's sets (own, public, holdout-blind)
 *   npm run eval -- --file /path/set-a.jsonl      # any set, named by its file; repeatable
 *   npm run eval -- --file a.jsonl --file b.jsonl --verbose
 *
 * With --file only the named files are scored, so a blind set is never mixed into the
 * repository's figures (and nothing of it is copied into the repository).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { evaluationSets } from '../knowledge/evalSets.js';
import { evaluate, readEvalQuestions, type EvalReport } from '../knowledge/evaluation.js';
import { loadBuiltInKnowledgeBase } from '../knowledge/index.js';

const { values } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    file: { type: 'string', multiple: true },
  },
});
const files = values.file ?? [];
const chosen: string[] = [];
const sets =
  files.length > 0
    ? files.map((file) => ({ name: uniqueName(path.basename(file).replace(/\.jsonl?$/, ''), chosen), file: path.resolve(file) }))
    : evaluationSets();

const knowledge = loadBuiltInKnowledgeBase();
const reports: Record<string, Omit<EvalReport, 'failures'> & { failed: string[]; file: string }> = {};
const lines: string[] = [];
for (const set of sets) {
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

/** Two files with the same base name still get a key of their own in the JSON. */
function uniqueName(name: string, taken: string[]): string {
  let candidate = name;
  for (let n = 2; taken.includes(candidate); n++) candidate = `${name}-${n}`;
  taken.push(candidate);
  return candidate;
}
