import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from 'mongodb';
import { importPeople, syncOrganisations } from '../../../src/directory/index.js';
import { organisationsDirectory } from '../../../src/directory/organisations.js';
import type { BenchUser } from './activities.js';

/** The organisation the bench's people belong to (data under src/organisations, as in the demo). */
export const BENCH_ORG = 'velsen';
/** The demo's senior manager, above every synthetic team lead. */
const SENIOR_MANAGER = '00000000-0000-0000-0000-0000000000023';

export interface BenchPeople {
  /** Employees with a manager, in a stable order. */
  employees: (BenchUser & { manager: string })[];
  managers: BenchUser[];
}

const guid = (group: string, n: number) => `e${group}000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * A directory of `employees` synthetic people in teams of 25 under synthetic team leads, who
 * report to the demo's senior manager: manager chains of three to four people as in a real
 * municipality, and more people than any cache holds. Imported the way an HR export is, next to
 * the organisation's demo people.
 */
export async function importBenchPeople(db: Db, employees: number): Promise<BenchPeople> {
  await syncOrganisations(db);
  const demo = readFileSync(path.join(organisationsDirectory(), BENCH_ORG, 'demo-people.csv'), 'utf8').trimEnd().split('\n');
  const teams = Math.max(1, Math.ceil(employees / 25));
  const managers = Array.from({ length: teams }, (_, index) => ({ aadObjectId: guid('1', index + 1) }));
  const staff = Array.from({ length: employees }, (_, index) => ({ aadObjectId: guid('2', index + 1), manager: managers[index % teams]!.aadObjectId }));
  const rows = [
    ...demo,
    ...managers.map((m, index) => `${m.aadObjectId};lead${index + 1}@bench.example;Teamleider ${index + 1};Bench;Teamleider;${SENIOR_MANAGER};;nee;nee`),
    ...staff.map((e, index) => `${e.aadObjectId};medewerker${index + 1}@bench.example;Medewerker ${index + 1};Bench;Medewerker;${e.manager};;nee;nee`),
  ];
  const report = await importPeople(db, BENCH_ORG, `${rows.join('\n')}\n`);
  if (!report.ok) throw new Error(`bench directory import failed:\n${report.summary}`);
  return { employees: staff, managers };
}
