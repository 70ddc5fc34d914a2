import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EvaluationSet {
  name: 'own' | 'public';
  file: string;
}

function repositoryRoot(): string {
  const fromSource = fileURLToPath(new URL('../../', import.meta.url));
  return existsSync(path.join(fromSource, 'package.json')) ? fromSource : process.cwd();
}

/**
 * Our own questions, and the public sample: the shared copy beside the repository when it
 * is there (it is the one releases are scored against), else the copy in test/eval.
 */
export function evaluationSets(): EvaluationSet[] {
  const root = repositoryRoot();
  const sharedPublic = path.resolve(root, '..', 'shared', 'eval', 'public-questions.jsonl');
  return [
    { name: 'own', file: path.join(root, 'test', 'eval', 'questions.jsonl') },
    { name: 'public', file: existsSync(sharedPublic) ? sharedPublic : path.join(root, 'test', 'eval', 'public-questions.jsonl') },
  ];
}
