import { citedArticles, declineAnswer, selectCitations } from './answer.js';
import { resolveContacts, type ContactDirectory } from './contacts.js';
import type { KnowledgeBase } from './kb.js';
import { organisationName } from './organisations.js';
import { sanitizeQuestion } from './question.js';
import type { AnswerContext, Citation, KnowledgeAnswer, Question, RetrievedPassage } from './types.js';

/** The prompts under `prompts/` the model path uses: the answer, and the question in policy words. */
export type ModelPrompt = 'answer' | 'rewrite';

/**
 * One completion of a prompt with its template variables (`{{$name}}`), as the language
 * model's client gives it: the reply's text, or undefined when the call failed or returned
 * no text. The client (teams-ai's planner, at the Teams edge) is bound to one turn; the
 * domain only sees this function, so it depends on no Teams package.
 */
export type CompletePrompt = (prompt: ModelPrompt, variables: Record<string, string>) => Promise<string | undefined>;

export interface ModelAnswerOptions {
  /** Names the people to turn to, as the extractive answer does. */
  directory?: ContactDirectory;
  askerId?: string;
  /** Passages to answer from instead of searching (tests, callers that searched already). */
  passages?: RetrievedPassage[];
}

export interface ModelAnswerer {
  /**
   * Answers with the language model from our own retrieval: the model sees only the
   * passages and the instructions, and its [n] markers are mapped back to our citations.
   * When our search finds only a weak match or none, the model first rewrites the question
   * into the policies' vocabulary (prompt `rewrite`) and we search again with both.
   * Out-of-scope and records questions are declined without calling the model; a model
   * failure or an unverifiable reply falls back to the extractive answer.
   */
  answer(question: Question, complete: CompletePrompt, options?: ModelAnswerOptions): Promise<KnowledgeAnswer>;
}

export interface ModelAnswererOptions {
  /** How many passages the model may see; more costs tokens without helping. */
  maxSources?: number;
}

const NO_REWRITE = 'NONE';
const MAX_REWRITE_CHARS = 200;
const NO_ANSWER = 'NO_ANSWER';
const MAX_QUESTION_CHARS = 1000;

export function createModelAnswerer(knowledge: KnowledgeBase, options: ModelAnswererOptions = {}): ModelAnswerer {
  const maxSources = options.maxSources ?? 4;

  return {
    async answer(question, complete, options = {}) {
      const contacts = await contactsFor(question, options);
      let extractive = knowledge.answer(question, contacts);
      // Declined for a reason (someone else's records, clearly another subject): no model call.
      if (extractive.outOfScope && extractive.declineReason !== 'no-evidence') return extractive;
      let searched: Question = question;
      if (!options.passages && (extractive.outOfScope || extractive.view?.framing === 'weak')) {
        const rewritten = await rewrite(complete, question);
        if (rewritten) {
          // Searched with both: the employee's own words and the policies' words for them.
          const widened = { ...question, text: `${sanitizeQuestion(question.text).text} ${rewritten}` };
          const again = knowledge.answer(widened, contacts);
          if (!again.outOfScope) {
            extractive = again;
            searched = widened;
          }
        }
      }
      if (extractive.outOfScope) return extractive;
      const sources = selectCitations(options.passages ?? knowledge.retrieve(searched, 8), (doc, label) => knowledge.section(doc, label))
        .slice(0, maxSources)
        .map((group) => group.citation);
      if (sources.length === 0) return extractive;

      const reply = await complete('answer', {
        input: sanitizeQuestion(question.text).text.slice(0, MAX_QUESTION_CHARS),
        organisation: organisationName(question.orgId, 'nl'),
        language: question.lang === 'nl' ? 'Dutch (Nederlands)' : 'English',
        sources: renderSources(sources),
      });
      if (reply === undefined) return extractive;
      if (reply.trim() === '' || reply.includes(NO_ANSWER)) return declineAnswer(question, 'scope');
      const mapped = mapMarkers(reply, sources);
      if (mapped.citations.length === 0) return extractive;
      // The people to turn to come from the directory, not from the model.
      const people = extractive.view?.contacts?.replace(/\s*\[\d+\]/g, '');
      return {
        answer: people ? `${mapped.text}\n\n${people}` : mapped.text,
        citations: mapped.citations,
        outOfScope: false,
        mode: 'llm',
        lang: question.lang,
        topic: extractive.topic,
        articles: citedArticles(mapped.citations, (doc, label) => knowledge.section(doc, label)),
      };
    },
  };

  async function contactsFor(question: Question, options: ModelAnswerOptions): Promise<AnswerContext> {
    if (!options.directory) return {};
    const roles = knowledge.contactRoles(question);
    return roles.length > 0 ? { contacts: await resolveContacts(options.directory, question.orgId, options.askerId, roles) } : {};
  }
}

/** The question in the policies' words, for the search only; undefined when the model has none or fails. */
async function rewrite(complete: CompletePrompt, question: Question): Promise<string | undefined> {
  const text = (await complete('rewrite', { input: sanitizeQuestion(question.text).text.slice(0, MAX_QUESTION_CHARS) }))?.trim() ?? '';
  if (text === '' || text.includes(NO_REWRITE)) return undefined;
  // Only words: the rewrite is search input, never an instruction or markup.
  return text.replace(/[^\p{L}\p{N}\s'’-]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_REWRITE_CHARS) || undefined;
}

/** Numbered sources as the prompt shows them; section and document name, then the exact text. */
export function renderSources(sources: Citation[]): string {
  return sources
    .map((source, index) => `[${index + 1}] ${source.title}, ${source.section}\n${source.quote.replace(/\{\{|\}\}/g, '')}`)
    .join('\n\n');
}

/**
 * Keeps only markers that point at a source we sent, renumbers them by first use, and
 * returns the matching citations in that order, so [n] in the text is citation n.
 */
export function mapMarkers(reply: string, sources: Citation[]): { text: string; citations: Citation[] } {
  const expanded = reply.replace(/\[(\d+(?:\s*[,;]\s*\d+)+)\]/g, (_whole, list: string) =>
    list
      .split(/[,;]/)
      .map((n) => `[${n.trim()}]`)
      .join(''),
  );
  const order: number[] = [];
  for (const match of expanded.matchAll(/\[(\d+)\]/g)) {
    const n = Number(match[1]);
    if (n >= 1 && n <= sources.length && !order.includes(n)) order.push(n);
  }
  const text = expanded
    .replace(/\[(\d+)\]/g, (_whole, digits: string) => {
      const position = order.indexOf(Number(digits));
      return position === -1 ? '' : `[${position + 1}]`;
    })
    .replace(/[ \t]+([.,;:])/g, '$1')
    .trim();
  return { text, citations: order.map((n) => sources[n - 1] as Citation) };
}
