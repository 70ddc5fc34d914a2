import type { Db } from 'mongodb';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from '../storage/database.js';
import type { Outbox, OutgoingMessage } from './types.js';

export const MESSAGES_ONCE = 'messagesOnce';

export const messagesOnceCollection: CollectionDefinition = { name: MESSAGES_ONCE, indexes: [{ key: { at: 1 }, name: 'at' }] };

interface SentOnce {
  /** Says what and for whom, e.g. `sidejob-reconfirm:<org>:yearly-2027:<person>`. */
  _id: string;
  at: Date;
  /** Ids and purposes only (which records, why): never message text. */
  note: Record<string, string | string[]>;
  schemaVersion: number;
}

/**
 * Leaves messages in the outbox once per `id`, however often and on however many instances a
 * periodic job runs: the unique insert of the id is the claim. Should storing the messages fail,
 * the claim is taken back so the next run tries again. False when the id was already used.
 */
export async function enqueueOnce(db: Db, outbox: Outbox, id: string, messages: OutgoingMessage[], now: Date, note: SentOnce['note'] = {}): Promise<boolean> {
  const sent = db.collection<SentOnce>(MESSAGES_ONCE);
  try {
    await sent.insertOne({ _id: id, at: now, note, schemaVersion: SCHEMA_VERSION });
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
  try {
    await outbox.enqueue(messages);
  } catch (error) {
    await sent.deleteOne({ _id: id }).catch(() => undefined);
    throw error;
  }
  return true;
}
