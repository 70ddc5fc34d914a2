import type { Db } from 'mongodb';
import { SCHEMA_VERSION, upsertRetryingOnce } from '../storage/database.js';
import { ORGANISATION_CHOICES, ORGANISATIONS, PEOPLE } from './collections.js';
import type { OrganisationDocument } from './organisations.js';
import type { Organisation, Person, Role } from './types.js';

export interface PersonDocument extends Person {
  /** Inactive people left the organisation (or its export) but stay so their records keep a valid reference. */
  active: boolean;
  schemaVersion: number;
  createdAt: Date;
  updatedAt: Date;
  deactivatedAt?: Date;
}

interface OrganisationChoiceDocument {
  aadObjectId: string;
  orgId: string;
  schemaVersion: number;
  updatedAt: Date;
}

const personFields = {
  _id: 0,
  aadObjectId: 1,
  orgId: 1,
  upn: 1,
  name: 1,
  department: 1,
  function: 1,
  managerAadObjectId: 1,
  roles: 1,
  publishSideJobs: 1,
  reportsFinancialInterests: 1,
} as const;

const organisationFields = { _id: 0, schemaVersion: 0, active: 0 } as const;

/** Guards the manager walk against absurd data even though imports reject cycles. */
const MAX_CHAIN_LENGTH = 50;

/** Teams sends object ids in lower case; stored ids are lower-cased on import too. */
export function normaliseObjectId(id: string): string {
  return id.trim().toLowerCase();
}

export class Directory {
  constructor(private readonly db: Db) {}

  private get people() {
    return this.db.collection<PersonDocument>(PEOPLE);
  }

  private get organisationCollection() {
    return this.db.collection<OrganisationDocument>(ORGANISATIONS);
  }

  async organisation(orgId: string): Promise<Organisation | undefined> {
    const found = await this.organisationCollection.findOne<Organisation>(
      { id: orgId, active: true },
      { projection: organisationFields },
    );
    return found ?? undefined;
  }

  async organisations(): Promise<Organisation[]> {
    return this.organisationCollection
      .find<Organisation>({ active: true }, { projection: organisationFields })
      .sort({ id: 1 })
      .toArray();
  }

  async person(aadObjectId: string): Promise<Person | undefined> {
    const found = await this.people.findOne<Person>(
      { aadObjectId: normaliseObjectId(aadObjectId), active: true },
      { projection: personFields },
    );
    return found ?? undefined;
  }

  /**
   * The starting person may be inactive (a notification filed before someone left still needs
   * a decision), but only active managers are returned: the walk stops at the first one missing.
   */
  async managerChain(aadObjectId: string): Promise<Person[]> {
    const start = await this.people.findOne<Person>(
      { aadObjectId: normaliseObjectId(aadObjectId) },
      { projection: personFields },
    );
    const chain: Person[] = [];
    const seen = new Set<string>(start ? [start.aadObjectId] : []);
    let next = start?.managerAadObjectId;
    while (next && !seen.has(next) && chain.length < MAX_CHAIN_LENGTH) {
      seen.add(next);
      const manager = await this.person(next);
      if (!manager) break;
      chain.push(manager);
      next = manager.managerAadObjectId;
    }
    return chain;
  }

  /** Active people of the organisation who manage at least one active person. */
  async managersWithStaff(orgId: string): Promise<Person[]> {
    const managerIds = (await this.people.distinct('managerAadObjectId', { orgId, active: true })).filter((id): id is string => typeof id === 'string' && id !== '');
    if (managerIds.length === 0) return [];
    return this.people
      .find<Person>({ orgId, active: true, aadObjectId: { $in: managerIds } }, { projection: personFields })
      .sort({ name: 1, aadObjectId: 1 })
      .toArray();
  }

  async peopleWithRole(orgId: string, role: Role): Promise<Person[]> {
    return this.people
      .find<Person>({ orgId, roles: role, active: true }, { projection: personFields })
      .sort({ name: 1, aadObjectId: 1 })
      .toArray();
  }

  /** Active people in functions designated under the Ambtenarenwet (side jobs published, financial interests reported). */
  async designatedPeople(orgId: string, designation: 'publishSideJobs' | 'reportsFinancialInterests'): Promise<Person[]> {
    return this.people
      .find<Person>({ orgId, [designation]: true, active: true }, { projection: personFields })
      .sort({ name: 1, aadObjectId: 1 })
      .toArray();
  }

  /**
   * Directory person's org, else the one organisation claiming the tenant, else the user's
   * remembered choice, else defaultOrg. A tenant claimed by several organisations (a
   * gemeenschappelijke regeling hosted in a municipality's tenant) decides nothing. Only ids of
   * known organisations are returned.
   */
  async resolveOrganisation(
    identity: { aadObjectId?: string; tenantId?: string },
    defaultOrg?: string,
  ): Promise<string | undefined> {
    if (identity.aadObjectId) {
      const person = await this.person(identity.aadObjectId);
      if (person && (await this.organisation(person.orgId))) return person.orgId;
    }
    if (identity.tenantId) {
      const claiming = await this.organisationCollection
        .find<{ id: string }>({ tenantIds: identity.tenantId.trim().toLowerCase(), active: true }, { projection: { _id: 0, id: 1 } })
        .limit(2)
        .toArray();
      if (claiming.length === 1) return claiming[0]!.id;
    }
    if (identity.aadObjectId) {
      const choice = await this.db
        .collection<OrganisationChoiceDocument>(ORGANISATION_CHOICES)
        .findOne({ aadObjectId: normaliseObjectId(identity.aadObjectId) });
      if (choice && (await this.organisation(choice.orgId))) return choice.orgId;
    }
    if (defaultOrg && (await this.organisation(defaultOrg))) return defaultOrg;
    return undefined;
  }

  async rememberOrganisationChoice(aadObjectId: string, orgId: string): Promise<void> {
    if (!(await this.organisation(orgId))) throw new Error(`Unknown organisation "${orgId}"`);
    const choices = this.db.collection<OrganisationChoiceDocument>(ORGANISATION_CHOICES);
    // A concurrent first choice by the same user: the retry updates the document it created.
    await upsertRetryingOnce(() =>
      choices.updateOne(
        { aadObjectId: normaliseObjectId(aadObjectId) },
        { $set: { orgId, schemaVersion: SCHEMA_VERSION, updatedAt: new Date() } },
        { upsert: true },
      ),
    );
  }
}
