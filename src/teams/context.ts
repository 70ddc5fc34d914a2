import type { Application, DefaultConversationState, TurnState } from '@microsoft/teams-ai';
import type { AppConfig } from '../config/env.js';
import type { Directory } from '../directory/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../storage/database.js';
import type { WorkflowEngine, WorkflowModule } from '../workflow/index.js';
import type { ConversationReferences } from './conversationReferences.js';

/**
 * What the Teams handlers share, apart from the bot that registers them, so that the handler
 * files and bot.ts do not import each other.
 */
export interface BotServices {
  config: AppConfig;
  logger: Logger;
  database: Database;
  directory: Directory;
  knowledge: KnowledgeBase;
  /** Injected so reminders, deadlines and reference years can be tested with a controlled clock. */
  now: () => Date;
  /** The notification workflows: the engine and every module from the one list in src/workflows.ts. */
  workflows: { engine: WorkflowEngine; modules: readonly WorkflowModule[] };
}

/** What every feature's Teams handlers receive: the services plus the Teams-side helpers. */
export interface FeatureContext extends BotServices {
  references: ConversationReferences;
}

/** What the bot keeps per conversation between turns (in MongoDB, through MongoStorage). */
export type ConversationState = DefaultConversationState;

export type AppTurnState = TurnState<ConversationState>;
export type BotApplication = Application<AppTurnState>;

