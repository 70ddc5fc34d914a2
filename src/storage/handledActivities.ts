import type { Collection, Db } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from './database.js';

interface HandledActivity {
  _id: string;
  handledAt: Date;
  schemaVersion: number;
}

/** Teams redelivers within minutes; a day of memory is generous and keeps the collection small. */
export const HANDLED_ACTIVITY_RETENTION_MS = 24 * 60 * 60 * 1000;

export const handledActivitiesCollection: CollectionDefinition = {
  name: 'handledActivities',
  indexes: [{ key: { handledAt: 1 }, name: 'handledAt_1' }],
};

/**
 * Remembers which activity ids were handled per conversation so a redelivered activity is
 * acknowledged without being handled twice. The unique `_id` makes "first one wins" atomic
 * across bot instances; memory is bounded by age through `prune` (FerretDB has no TTL
 * indexes, so a periodic delete is the portable way).
 */
export class HandledActivities {
  private readonly handled: Collection<HandledActivity>;

  constructor(db: Db) {
    this.handled = db.collection<HandledActivity>(handledActivitiesCollection.name);
  }

  /** True when this call claimed the activity; false when it was already handled. */
  async claim(conversationId: string, activityId: string, now = new Date()): Promise<boolean> {
    try {
      await this.handled.insertOne({ _id: `${conversationId}|${activityId}`, handledAt: now, schemaVersion: SCHEMA_VERSION });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async wasClaimed(conversationId: string, activityId: string): Promise<boolean> {
    return (await this.handled.countDocuments({ _id: `${conversationId}|${activityId}` }, { limit: 1 })) > 0;
  }

  /** Lets a failed turn be retried by Teams instead of being silently dropped. */
  async release(conversationId: string, activityId: string): Promise<void> {
    await this.handled.deleteOne({ _id: `${conversationId}|${activityId}` });
  }

  async prune(now = new Date()): Promise<number> {
    const result = await this.handled.deleteMany({ handledAt: { $lt: new Date(now.getTime() - HANDLED_ACTIVITY_RETENTION_MS) } });
    return result.deletedCount;
  }
}
