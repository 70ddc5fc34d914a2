import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/paths.js';

export interface EvaluationSet {
  name: 'own' | 'scope' | 'public' | 'holdout-blind';
  file: string;
}

function repositoryRoot(): string {
  return projectRoot;
}

/**
 * Our own questions, the scope set (written for tuning by a helper who never saw the code:
 * requests for others' records and other out-of-scope questions that must be declined, and
 * near misses that must be answered), the public sample (the shared copy beside the repository when it is
 * there, as releases are scored against it, else the copy in test/eval) and, when present,
 * the blind held-out set an independent evaluator wrote (test/eval/holdout-blind.jsonl:
 * scored, never tuned on question by question).
 */
export function evaluationSets(): EvaluationSet[] {
  const root = repositoryRoot();
  const sharedPublic = path.resolve(root, '..', 'shared', 'eval', 'public-questions.jsonl');
  const holdout = path.join(root, 'test', 'eval', 'holdout-blind.jsonl');
  const sets: EvaluationSet[] = [
    { name: 'own', file: path.join(root, 'test', 'eval', 'questions.jsonl') },
    { name: 'scope', file: path.join(root, 'test', 'eval', 'scope-questions.jsonl') },
    { name: 'public', file: existsSync(sharedPublic) ? sharedPublic : path.join(root, 'test', 'eval', 'public-questions.jsonl') },
  ];
  if (existsSync(holdout)) sets.push({ name: 'holdout-blind', file: holdout });
  return sets;
}
