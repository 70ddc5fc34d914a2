import type { Db } from 'mongodb';
import type { CollectionDefinition } from '../storage/database.js';
import { keyPeopleByObjectId } from './migrations.js';

export const PEOPLE = 'people';
export const ORGANISATIONS = 'organisations';
export const ORGANISATION_CHOICES = 'userOrganisationChoices';

/** Moves people of earlier releases to their object id as `_id`; import runs it too, whoever ensured the collections. */
export const peopleMigration = { id: 'people-keyed-by-object-id', run: (db: Db) => keyPeopleByObjectId(db, PEOPLE) };

/**
 * One index per definition, so a collection with two indexes appears twice: FerretDB 1.24
 * drops the connection when one createIndexes call names several indexes that all exist
 * already, which is what every restart after the first does.
 */
export const directoryCollections: CollectionDefinition[] = [
  // A person's `_id` is their Entra object id (normalised): the caller of a turn is found by `_id`
  // alone, the only filter FerretDB's SQLite handler leaves to SQLite rather than decoding every
  // person itself (an index look-up on MongoDB and Cosmos DB). The orgId/roles index
  // serves peopleWithRole and the per-organisation reads of an import.
  {
    name: PEOPLE,
    indexes: [{ key: { orgId: 1, roles: 1 }, name: 'orgId_roles' }],
    migration: peopleMigration,
  },
  { name: ORGANISATIONS, indexes: [{ key: { id: 1 }, name: 'id_unique', unique: true }] },
  { name: ORGANISATION_CHOICES, indexes: [{ key: { aadObjectId: 1 }, name: 'aadObjectId_unique', unique: true }] },
];
