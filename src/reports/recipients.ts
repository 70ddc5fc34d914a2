import type { Person, Role } from '../directory/types.js';
import type { RecipientRoute } from './form.js';

/** The part of the directory reports need. */
export interface ReportDirectory {
  person(aadObjectId: string): Promise<Person | undefined>;
  managerChain(aadObjectId: string): Promise<Person[]>;
  peopleWithRole(orgId: string, role: Role): Promise<Person[]>;
}

const roleOf: Partial<Record<RecipientRoute, Role>> = {
  vertrouwenspersoon_ongewenst_gedrag: 'vertrouwenspersoon_ongewenst_gedrag',
  vertrouwenspersoon_integriteit: 'vertrouwenspersoon_integriteit',
  integrity_coordinator: 'integrity_coordinator',
};

/**
 * Who each route reaches for this reporter now: their manager and the one above from the
 * directory's chain, and everyone holding a role, never the reporter themselves. A route that
 * reaches nobody is simply not offered.
 */
export async function recipientsFor(directory: ReportDirectory, reporter: string, orgId: string): Promise<Map<RecipientRoute, Person[]>> {
  const chain = (await directory.managerChain(reporter)).filter((person) => person.aadObjectId !== reporter);
  const available = new Map<RecipientRoute, Person[]>([
    ['manager', chain.slice(0, 1)],
    ['next_higher_manager', chain.slice(1, 2)],
  ]);
  for (const [route, role] of Object.entries(roleOf) as [RecipientRoute, Role][]) {
    available.set(route, (await directory.peopleWithRole(orgId, role)).filter((person) => person.aadObjectId !== reporter));
  }
  return available;
}

export function idsOf(available: ReadonlyMap<RecipientRoute, Person[]>): Map<RecipientRoute, string[]> {
  return new Map([...available].map(([route, people]) => [route, people.map((person) => person.aadObjectId)]));
}
