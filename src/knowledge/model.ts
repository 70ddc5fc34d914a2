import { promptsFolder } from '../config/paths.js';
import { ActionPlanner, MemoryFork, OpenAIModel, PromptManager, type Memory } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { ModelSettings } from '../config/env.js';
import { declineAnswer, selectCitations } from './answer.js';
import type { KnowledgeBase } from './kb.js';
import { organisationName } from './organisations.js';
import { sanitizeQuestion } from './question.js';
import type { Citation, KnowledgeAnswer, Question, RetrievedPassage } from './types.js';

export interface ModelAnswerer {
  /**
   * Answers with the language model from our own retrieval: the model sees only the
   * passages and the instructions, and its [n] markers are mapped back to our citations.
   * Out-of-scope and records questions are declined without calling the model; a model
   * failure or an unverifiable reply falls back to the extractive answer.
   */
  answer(context: TurnContext, state: Memory, question: Question, passages?: RetrievedPassage[]): Promise<KnowledgeAnswer>;
}

export interface ModelAnswererOptions {
  promptsFolder?: string;
  /** How many passages the model may see; more costs tokens without helping. */
  maxSources?: number;
}

const PROMPT = 'answer';
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
    async answer(context, state, question, passages) {
      const extractive = knowledge.answer(question);
      if (extractive.outOfScope) return extractive;
      const sources = selectCitations(passages ?? knowledge.retrieve(question, 8), (doc, label) => knowledge.section(doc, label))
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
      return { answer: mapped.text, citations: mapped.citations, outOfScope: false, mode: 'llm', topic: extractive.topic };
    },
  };
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
