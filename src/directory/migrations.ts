import type { Db } from 'mongodb';
import { isDuplicateKeyError } from '../storage/database.js';

/** The unique index on `aadObjectId` of releases that gave people a generated `_id`. */
const OLD_OBJECT_ID_INDEX = 'aadObjectId_unique';

/**
 * People are stored under their Entra object id (`_id` = `aadObjectId`), so a turn finds its
 * caller by `_id` alone. This moves people stored by an earlier release under a generated `_id`:
 * each is written under its object id first and only then removed under the old one, so an
 * interruption never loses anyone, and a second run (or another instance running it at the same
 * time) finds nothing left to move. Where an import already wrote the person under the object
 * id, that newer document is kept.
 */
export async function keyPeopleByObjectId(db: Db, collection: string): Promise<void> {
  const people = db.collection<{ _id: unknown; aadObjectId: string }>(collection);
  // The old unique index on aadObjectId would refuse the copy while the original still exists;
  // `_id` keeps people unique now.
  await people.dropIndex(OLD_OBJECT_ID_INDEX).catch((error: unknown) => {
    if (!isMissing(error)) throw error;
  });
  // Once per database, so reading every person is fine here; read first, then written.
  for (const stored of await people.find({}).toArray()) {
    const oldId = stored._id;
    // Already moved, or without an object id to move to (never written by an import): left as it is.
    if (oldId === stored.aadObjectId || typeof stored.aadObjectId !== 'string' || stored.aadObjectId === '') continue;
    try {
      await people.insertOne({ ...stored, _id: stored.aadObjectId });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    await people.deleteOne({ _id: oldId });
  }
}

/** IndexNotFound (27) or NamespaceNotFound (26): nothing to drop. */
function isMissing(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 27 || code === 26;
}
