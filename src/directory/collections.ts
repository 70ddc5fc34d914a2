import type { CollectionDefinition } from '../storage/database.js';

export const PEOPLE = 'people';
export const ORGANISATIONS = 'organisations';
export const ORGANISATION_CHOICES = 'userOrganisationChoices';

/**
 * One index per definition, so a collection with two indexes appears twice: FerretDB 1.24
 * drops the connection when one createIndexes call names several indexes that all exist
 * already, which is what every restart after the first does.
 */
export const directoryCollections: CollectionDefinition[] = [
  { name: PEOPLE, indexes: [{ key: { aadObjectId: 1 }, name: 'aadObjectId_unique', unique: true }] },
  // Serves peopleWithRole and the per-organisation reads of an import.
  { name: PEOPLE, indexes: [{ key: { orgId: 1, roles: 1 }, name: 'orgId_roles' }] },
  { name: ORGANISATIONS, indexes: [{ key: { id: 1 }, name: 'id_unique', unique: true }] },
  { name: ORGANISATION_CHOICES, indexes: [{ key: { aadObjectId: 1 }, name: 'aadObjectId_unique', unique: true }] },
];
