import type { Db } from 'mongodb';
import { ensureCollections } from '../../src/storage/database.js';
import { directoryCollections, syncOrganisations } from '../../src/directory/index.js';

export const HEADER = 'aadObjectId,upn,name,department,function,managerAadObjectId,roles,publishSideJobs,reportsFinancialInterests';

/** Test ids: a readable number in the last group of an otherwise valid GUID. */
export const id = (n: number) => `e5000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function row(n: number, manager: number | '', extra: { roles?: string; department?: string; publish?: string; financial?: string } = {}): string {
  return [
    id(n),
    `persoon${n}@velsen.example`,
    `Persoon ${n}`,
    extra.department ?? 'Publiekszaken',
    'Medewerker',
    manager === '' ? '' : id(manager),
    extra.roles ?? '',
    extra.publish ?? 'nee',
    extra.financial ?? 'nee',
  ].join(',');
}

export async function prepare(db: Db): Promise<void> {
  await ensureCollections(db, directoryCollections);
  await syncOrganisations(db);
}
