import type { TurnContext } from 'botbuilder';
import type { FeedbackLoopData } from '@microsoft/teams-ai';
import type { Db } from 'mongodb';
import { SCHEMA_VERSION, type CollectionDefinition } from '../storage/database.js';

export const answerFeedbackCollection: CollectionDefinition = {
  name: 'answerFeedback',
  indexes: [{ key: { createdAt: -1 }, name: 'createdAt_-1' }],
};

/**
 * Thumbs up/down on an answer, kept to improve the corpus and retrieval. The person is not
 * stored, nor the conversation (its id identifies the person in a personal chat): feedback is
 * about answers, and keeping it anonymous makes people freer to give it.
 */
export async function recordAnswerFeedback(db: Db, context: TurnContext, feedback: FeedbackLoopData, now: Date): Promise<void> {
  const value = feedback.actionValue ?? ({} as FeedbackLoopData['actionValue']);
  const reaction = value.reaction === 'like' || value.reaction === 'dislike' ? value.reaction : 'unknown';
  const comment = typeof value.feedback === 'string' ? value.feedback.slice(0, 2000) : '';
  await db.collection(answerFeedbackCollection.name).insertOne({
    answerActivityId: feedback.replyToId ?? context.activity.replyToId ?? null,
    reaction,
    comment,
    createdAt: now,
    schemaVersion: SCHEMA_VERSION,
  });
}
