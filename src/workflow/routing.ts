import type { Person, Role } from '../directory/types.js';

/** The part of the directory routing needs; the real Directory satisfies it. */
export interface RoutingDirectory {
  person(aadObjectId: string): Promise<Person | undefined>;
  managerChain(aadObjectId: string): Promise<Person[]>;
  peopleWithRole(orgId: string, role: Role): Promise<Person[]>;
}

/**
 * The first decider: the owner's direct manager, else the next one up (the chain only holds
 * managers still in the directory), else someone with a fallback role. Never the owner.
 */
export async function firstDecider(directory: RoutingDirectory, orgId: string, owner: string, fallbackRoles: readonly Role[]): Promise<string | undefined> {
  const chain = await directory.managerChain(owner);
  const manager = chain.find((person) => person.aadObjectId !== owner);
  return manager?.aadObjectId ?? (await fallbackDecider(directory, orgId, fallbackRoles, [owner]));
}

/**
 * Where an undecided record goes next: the manager above the current assignee in the owner's
 * chain, else a fallback role holder who has not had it yet. Undefined when there is nobody left.
 */
export async function escalationTarget(
  directory: RoutingDirectory,
  record: { orgId: string; owner: string; assignee: string | null; deciders: string[] },
  fallbackRoles: readonly Role[],
): Promise<string | undefined> {
  const chain = await directory.managerChain(record.owner);
  const position = chain.findIndex((person) => person.aadObjectId === record.assignee);
  if (position >= 0) {
    const higher = chain.slice(position + 1).find((person) => !record.deciders.includes(person.aadObjectId) && person.aadObjectId !== record.owner);
    if (higher) return higher.aadObjectId;
  }
  return fallbackDecider(directory, record.orgId, fallbackRoles, [record.owner, ...record.deciders]);
}

async function fallbackDecider(directory: RoutingDirectory, orgId: string, roles: readonly Role[], excluded: string[]): Promise<string | undefined> {
  for (const role of roles) {
    const holder = (await directory.peopleWithRole(orgId, role)).find((person) => !excluded.includes(person.aadObjectId));
    if (holder) return holder.aadObjectId;
  }
  return undefined;
}
