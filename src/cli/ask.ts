/**
 * Asks the built-in policy library a question, without database or network.
 *
 *   npm run --silent ask -- --org velsen "Mag ik een cadeaubon van 25 euro houden?"
 *   npm run --silent ask -- --org heerde --json "Can I accept a dinner invitation?"
 *   npm run --silent ask -- --json --batch questions.jsonl
 *
 * Batch lines look like the evaluation files: {"id", "org", "question", "lang"?}; each result
 * is one JSON line echoing the id. Only answers go to stdout; problems go to stderr.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadBuiltInKnowledgeBase, type KnowledgeAnswer, type KnowledgeBase, type Lang } from '../knowledge/index.js';
import { detectLanguage } from '../knowledge/text.js';

interface BatchLine {
  id?: string;
  org?: string;
  question?: string;
  lang?: string;
}

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: ask --org <id> [--lang nl|en] [--json] "<question>"\n       ask [--json] --batch <file.jsonl>\n`);
  process.exit(2);
}

function result(answer: KnowledgeAnswer, id?: string) {
  return {
    ...(id !== undefined ? { id } : {}),
    answer: answer.answer,
    citations: answer.citations.map(({ documentId, title, section, quote }) => ({ documentId, title, section, quote })),
    outOfScope: answer.outOfScope,
    mode: answer.mode,
    ...(answer.topic ? { topic: answer.topic } : {}),
  };
}

function languageOf(value: string | undefined, text: string): Lang {
  if (value === 'nl' || value === 'en') return value;
  if (value !== undefined && value !== '') process.stderr.write(`unknown language "${value}", detecting it instead\n`);
  return detectLanguage(text);
}

function warnUnknownOrg(knowledge: KnowledgeBase, org: string): void {
  if (!knowledge.documents().some((doc) => doc.organisation === org)) {
    process.stderr.write(`note: no policy of organisation "${org}" is loaded; answering from the national and background texts only\n`);
  }
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: {
      org: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
      batch: { type: 'string' },
    },
    allowPositionals: true,
  });
  const knowledge = loadBuiltInKnowledgeBase();

  if (values.batch) {
    let lines: string[];
    try {
      lines = readFileSync(values.batch, 'utf8').split('\n');
    } catch (error) {
      usage(`cannot read ${values.batch}: ${(error as Error).message}`);
    }
    const out: string[] = [];
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      let parsed: BatchLine;
      try {
        parsed = JSON.parse(line) as BatchLine;
      } catch {
        process.stderr.write(`line ${index + 1}: not valid JSON, skipped\n`);
        return;
      }
      const org = parsed.org ?? values.org;
      if (!org || typeof parsed.question !== 'string') {
        process.stderr.write(`line ${index + 1}: needs "org" and "question", skipped\n`);
        return;
      }
      const lang = languageOf(parsed.lang ?? values.lang, parsed.question);
      const answer = knowledge.answer({ orgId: org, text: parsed.question, lang });
      out.push(JSON.stringify(result(answer, parsed.id)));
    });
    process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
    return;
  }

  const question = positionals.join(' ').trim();
  if (!question) usage('no question given');
  const org = values.org ?? process.env.DEFAULT_ORG;
  if (!org) usage('no organisation given (--org)');
  warnUnknownOrg(knowledge, org);
  const answer = knowledge.answer({ orgId: org, text: question, lang: languageOf(values.lang, question) });
  if (values.json) process.stdout.write(`${JSON.stringify(result(answer))}\n`);
  else {
    const sources = answer.citations.length > 0 ? `\n\n${answer.citations.map((c, i) => `[${i + 1}] ${c.documentId} · ${c.section}`).join('\n')}` : '';
    process.stdout.write(`${answer.answer}${sources}\n`);
  }
}

main();
