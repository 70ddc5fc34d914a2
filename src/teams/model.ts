import type { ActionPlanner, Memory } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { promptsFolder } from '../config/paths.js';
import type { ModelSettings } from '../config/env.js';
import type { CompletePrompt, ModelPrompt } from '../knowledge/index.js';

export interface PromptCompleterOptions {
  promptsFolder?: string;
}

/** Gives the knowledge domain's `CompletePrompt` for one turn. */
export type PromptCompleter = (context: TurnContext, state: Memory) => CompletePrompt;

const DEFAULT_PROMPT: ModelPrompt = 'answer';

/**
 * The language model as teams-ai's ActionPlanner with the prompts in `prompts/` (`answer`,
 * `rewrite`), bound to a turn. The domain's model answerer decides what to ask and checks what
 * comes back; this only fills the prompt variables and calls the model.
 */
export function createPromptCompleter(settings: ModelSettings, options: PromptCompleterOptions = {}): PromptCompleter {
  // teams-ai's AI half (planner, models, prompts, the openai client and the tokenizers, tens of
  // MB) is loaded only here, when a model is configured: a bot without one never needs it.
  const ai = import('@microsoft/teams-ai');
  const planner = ai.then((teamsAi) => createPlanner(teamsAi, settings, options));
  planner.catch(() => undefined); // a failed load surfaces as "no model answer" per question, like a failed call

  return (context, state) => async (prompt, variables) => {
    try {
      const [{ MemoryFork }, actionPlanner] = await Promise.all([ai, planner]);
      // A fork keeps the prompt variables and the model's reply out of the conversation state.
      const memory = new MemoryFork(state);
      for (const [name, value] of Object.entries(variables)) memory.setValue(`temp.${name}`, value);
      const response = await actionPlanner.completePrompt<string>(context, memory, prompt);
      if (response.status !== 'success' || typeof response.message?.content !== 'string') return undefined;
      return response.message.content;
    } catch {
      return undefined;
    }
  };
}

function createPlanner(teamsAi: typeof import('@microsoft/teams-ai'), settings: ModelSettings, options: PromptCompleterOptions): ActionPlanner {
  const { ActionPlanner, OpenAIModel, PromptManager } = teamsAi;
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
  return new ActionPlanner({ model, prompts, defaultPrompt: DEFAULT_PROMPT, max_repair_attempts: 0 });
}
