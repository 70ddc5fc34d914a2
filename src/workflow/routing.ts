import type { Person, Role } from '../directory/types.js';
import type { ActorSpec, Escalation } from './types.js';

/** The part of the directory routing needs; the real Directory satisfies it. */
export interface RoutingDirectory {
  person(aadObjectId: string): Promise<Person | undefined>;
  managerChain(aadObjectId: string): Promise<Person[]>;
  peopleWithRole(orgId: string, role: Role): Promise<Person[]>;
}

export interface RoutingSubject {
  orgId: string;
  owner: string;
}

/**
 * The people who act in a step. Never the owner: nobody decides on their own notification.
 * A manager step for someone without a manager (or a role nobody holds) falls back to the
 * step's escalation roles, so a record always reaches someone when anyone is configured.
 */
export async function resolveActors(
  directory: RoutingDirectory,
  subject: RoutingSubject,
  actor: ActorSpec,
  escalation: Escalation,
  chosen: () => Promise<string[]>,
): Promise<string[]> {
  let people: string[] = [];
  switch (actor.kind) {
    case 'manager':
    case 'next_higher_manager': {
      const chain = (await directory.managerChain(subject.owner)).filter((person) => person.aadObjectId !== subject.owner);
      const manager = chain[actor.kind === 'manager' ? 0 : 1];
      people = manager ? [manager.aadObjectId] : [];
      break;
    }
    case 'role':
      people = (await directory.peopleWithRole(subject.orgId, actor.role)).map((person) => person.aadObjectId);
      break;
    case 'chosen':
      people = await chosen();
      break;
  }
  people = people.filter((id) => id !== subject.owner);
  if (people.length > 0) return unique(people);
  return (await escalationTarget(directory, subject, { upTheChain: false, roles: escalation.roles }, [])) ?? [];
}

/**
 * Who takes over an overdue step: the manager above the highest manager the step had in the
 * owner's chain, else a holder of one of the escalation roles who has not had it yet.
 * Undefined when there is nobody left.
 */
export async function escalationTarget(
  directory: RoutingDirectory,
  subject: RoutingSubject,
  escalation: Escalation,
  had: readonly string[],
): Promise<string[] | undefined> {
  if (escalation.upTheChain) {
    const chain = (await directory.managerChain(subject.owner)).filter((person) => person.aadObjectId !== subject.owner);
    const highest = chain.reduce((index, person, position) => (had.includes(person.aadObjectId) ? position : index), -1);
    if (highest >= 0) {
      const higher = chain.slice(highest + 1).find((person) => !had.includes(person.aadObjectId));
      if (higher) return [higher.aadObjectId];
    }
  }
  for (const role of escalation.roles) {
    const holder = (await directory.peopleWithRole(subject.orgId, role)).find((person) => person.aadObjectId !== subject.owner && !had.includes(person.aadObjectId));
    if (holder) return [holder.aadObjectId];
  }
  return undefined;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
