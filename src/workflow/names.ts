import type { Person } from '../directory/types.js';
import type { WorkflowRecord } from './types.js';

/**
 * The names of everyone a record mentions (owner, who has it now, everyone in its history),
 * looked up once per card. "—" for someone the directory no longer knows.
 */
export async function namesOnRecord(directory: { person(aadObjectId: string): Promise<Person | undefined> }, record: WorkflowRecord): Promise<{ name(id: string): string; owner: Person | undefined }> {
  const ids = [...new Set([record.owner, ...record.assignees, ...record.history.map((entry) => entry.actor)])];
  const people = await Promise.all(ids.map((id) => directory.person(id)));
  const names = new Map(ids.map((id, index) => [id, people[index]?.name ?? '—']));
  return { name: (id) => names.get(id) ?? '—', owner: people[0] };
}
