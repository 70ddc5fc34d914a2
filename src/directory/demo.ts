import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from 'mongodb';
import { PEOPLE } from './collections.js';
import { parseCsv } from './csv.js';
import type { PersonDocument } from './directory.js';
import { importPeople } from './import.js';
import { loadOrganisationFiles, organisationsDirectory, syncOrganisations } from './organisations.js';

/**
 * Imports every `src/organisations/<id>/demo-people.csv`. Re-running changes nothing. An
 * organisation that already holds people who are not in its demo file has had a real import,
 * and is left alone: a demo seed must never deactivate real people.
 */
export async function seedDemoPeople(db: Db, directory: string = organisationsDirectory()): Promise<void> {
  const organisations = loadOrganisationFiles(directory);
  await syncOrganisations(db, organisations);
  for (const org of organisations) {
    const file = path.join(directory, org.id, 'demo-people.csv');
    if (!existsSync(file)) continue;
    const csv = readFileSync(file, 'utf8');
    if (await hasPeopleOutside(db, org.id, csv)) continue;
    const report = await importPeople(db, org.id, csv);
    if (!report.ok) throw new Error(`Demo directory ${file} is invalid:\n${report.summary}`);
  }
}

async function hasPeopleOutside(db: Db, orgId: string, csv: string): Promise<boolean> {
  const [header, ...rows] = parseCsv(csv).records;
  const idColumn = header?.fields.findIndex((name) => name.trim().toLowerCase() === 'aadobjectid') ?? -1;
  const demoIds = rows.map((row) => (row.fields[idColumn] ?? '').trim().toLowerCase()).filter((id) => id !== '');
  const other = await db
    .collection<PersonDocument>(PEOPLE)
    .findOne({ orgId, _id: { $nin: demoIds } }, { projection: { _id: 1 } });
  return other !== null;
}
