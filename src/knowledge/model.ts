import { promptsFolder } from '../config/paths.js';
import { ActionPlanner, MemoryFork, OpenAIModel, PromptManager, type Memory } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { ModelSettings } from '../config/env.js';
import { citedArticles, declineAnswer, selectCitations } from './answer.js';
import { resolveContacts, type ContactDirectory } from './contacts.js';
import type { KnowledgeBase } from './kb.js';
import { organisationName } from './organisations.js';
import { sanitizeQuestion } from './question.js';
import type { AnswerContext, Citation, KnowledgeAnswer, Question, RetrievedPassage } from './types.js';

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
  answer(context: TurnContext, state: Memory, question: Question, options?: ModelAnswerOptions): Promise<KnowledgeAnswer>;
}

export interface ModelAnswererOptions {
  promptsFolder?: string;
  /** How many passages the model may see; more costs tokens without helping. */
  maxSources?: number;
}

const PROMPT = 'answer';
const REWRITE_PROMPT = 'rewrite';
const NO_REWRITE = 'NONE';
const MAX_REWRITE_CHARS = 200;
const NO_ANSWER = 'NO_ANSWER';
const MAX_QUESTION_CHARS = 1000;


export function createModelAnswerer(settings: ModelSettings, knowledge: KnowledgeBase, options: ModelAnswererOptions = {}): ModelAnswerer {
  const model =
    settings.provider === 'azure'
      ? new OpenAIModel({
          azureApiKey: settings.apiKey,
          azureEndpoint: settings.endpoint,
          azureDefaultDeployment: settings.deployment,
          azureApiVersion: '2024-06-01',
          useSystemMessages: true,
          maxRetries: 1,
          clientOptions: { timeout: 20_000, maxRetries: 1 },
        })
      : new OpenAIModel({
          apiKey: settings.apiKey,
          defaultModel: settings.model,
          endpoint: settings.endpoint,
          useSystemMessages: true,
          maxRetries: 1,
          clientOptions: { timeout: 20_000, maxRetries: 1 },
        });
  const prompts = new PromptManager({ promptsFolder: options.promptsFolder ?? promptsFolder });
  const planner = new ActionPlanner({ model, prompts, defaultPrompt: PROMPT, max_repair_attempts: 0 });
  const maxSources = options.maxSources ?? 4;

  return {
    async answer(context, state, question, options = {}) {
      const contacts = await contactsFor(question, options);
      let extractive = knowledge.answer(question, contacts);
      // Declined for a reason (someone else's records, clearly another subject): no model call.
      if (extractive.outOfScope && extractive.declineReason !== 'no-evidence') return extractive;
      let searched: Question = question;
      if (!options.passages && (extractive.outOfScope || extractive.view?.framing === 'weak')) {
        const rewritten = await rewrite(context, state, question);
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

      // A fork keeps the prompt variables and the model's reply out of the conversation state.
      const memory = new MemoryFork(state);
      memory.setValue('temp.input', sanitizeQuestion(question.text).text.slice(0, MAX_QUESTION_CHARS));
      memory.setValue('temp.organisation', organisationName(question.orgId, 'nl'));
      memory.setValue('temp.language', question.lang === 'nl' ? 'Dutch (Nederlands)' : 'English');
      memory.setValue('temp.sources', renderSources(sources));

      let reply: string;
      try {
        const response = await planner.completePrompt<string>(context, memory, PROMPT);
        if (response.status !== 'success' || typeof response.message?.content !== 'string') return extractive;
        reply = response.message.content;
      } catch {
        return extractive;
      }
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

  /** The question in the policies' words, for the search only; undefined when the model has none or fails. */
  async function rewrite(context: TurnContext, state: Memory, question: Question): Promise<string | undefined> {
    const memory = new MemoryFork(state);
    memory.setValue('temp.input', sanitizeQuestion(question.text).text.slice(0, MAX_QUESTION_CHARS));
    try {
      const response = await planner.completePrompt<string>(context, memory, REWRITE_PROMPT);
      const text = typeof response.message?.content === 'string' ? response.message.content.trim() : '';
      if (response.status !== 'success' || text === '' || text.includes(NO_REWRITE)) return undefined;
      // Only words: the rewrite is search input, never an instruction or markup.
      return text.replace(/[^\p{L}\p{N}\s'’-]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_REWRITE_CHARS) || undefined;
    } catch {
      return undefined;
    }
  }
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
