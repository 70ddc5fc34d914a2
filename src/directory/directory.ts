import type { Db } from 'mongodb';
import { SCHEMA_VERSION, upsertRetryingOnce } from '../storage/database.js';
import { ExpiringCache } from '../storage/expiringCache.js';
import { ORGANISATION_CHOICES, ORGANISATIONS, PEOPLE } from './collections.js';
import type { OrganisationDocument } from './organisations.js';
import type { Organisation, Person, Role } from './types.js';

export interface PersonDocument extends Person {
  /** The person's `aadObjectId`: found by `_id` alone (see directoryCollections). */
  _id: string;
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

export interface DirectoryCacheOptions {
  /** How long a read may be used at most: an import or another instance's change is seen within it. */
  ttlMs: number;
  /** After this a read is used once more while it is read again behind the turn (see ExpiringCache). */
  refreshAfterMs?: number;
  /** Per kind of read (people, chains, organisations, role holders, tenants, choices). */
  maxEntries: number;
  now?: () => number;
}

/**
 * What the running bot uses. Directory data changes by import, a few times a day: a change is seen
 * within a minute (usually within 30 s), and someone who keeps using the bot never waits for it.
 */
export const BOT_DIRECTORY_CACHE = { ttlMs: 60_000, refreshAfterMs: 30_000, maxEntries: 10_000 } as const;

/**
 * Caches of the reads every turn repeats. Values are frozen: they are shared by every caller, and
 * a caller that changed one would change it for all.
 */
class DirectoryCaches {
  readonly people: ExpiringCache<string, Person | undefined>;
  readonly chains: ExpiringCache<string, Person[]>;
  readonly organisations: ExpiringCache<string, Organisation | undefined>;
  readonly organisationList: ExpiringCache<'all', Organisation[]>;
  readonly roleHolders: ExpiringCache<string, Person[]>;
  readonly tenants: ExpiringCache<string, string[]>;
  readonly choices: ExpiringCache<string, string | undefined>;

  constructor(options: DirectoryCacheOptions) {
    const cache = <K, V>() => new ExpiringCache<K, V>(options);
    this.people = cache();
    this.chains = cache();
    this.organisations = cache();
    this.organisationList = cache();
    this.roleHolders = cache();
    this.tenants = cache();
    this.choices = cache();
  }
}

/** Reads through a cache when there is one, and freezes what it shares. */
function through<K, V>(cache: ExpiringCache<K, V> | undefined, key: K, load: () => Promise<V>): Promise<V> {
  return cache ? cache.getOrLoad(key, async () => deepFreeze(await load())) : load();
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Organisations and people. Without cache options every call reads the database (the import,
 * the CLI, tests of the directory itself); the bot passes `BOT_DIRECTORY_CACHE`, so a turn's
 * organisation, person and manager chain are read once per expiry, not once per turn. Several
 * instances share the database and each sees another's change (or an import) within the expiry.
 */
export class Directory {
  private readonly caches: DirectoryCaches | undefined;

  constructor(
    private readonly db: Db,
    options: { cache?: DirectoryCacheOptions } = {},
  ) {
    this.caches = options.cache ? new DirectoryCaches(options.cache) : undefined;
  }

  private get people() {
    return this.db.collection<PersonDocument>(PEOPLE);
  }

  private get organisationCollection() {
    return this.db.collection<OrganisationDocument>(ORGANISATIONS);
  }

  async organisation(orgId: string): Promise<Organisation | undefined> {
    return through(this.caches?.organisations, orgId, async () => {
      const found = await this.organisationCollection.findOne<Organisation>({ id: orgId, active: true }, { projection: organisationFields });
      return found ?? undefined;
    });
  }

  async organisations(): Promise<Organisation[]> {
    return through(this.caches?.organisationList, 'all', () =>
      this.organisationCollection.find<Organisation>({ active: true }, { projection: organisationFields }).sort({ id: 1 }).toArray(),
    );
  }

  /** The active person with this object id. */
  async person(aadObjectId: string): Promise<Person | undefined> {
    const id = normaliseObjectId(aadObjectId);
    return through(this.caches?.people, id, async () => {
      const found = await this.stored(id);
      return found?.active ? found.person : undefined;
    });
  }

  /**
   * The person by `_id` alone, active or not: FerretDB's SQLite handler reads every person for
   * any other filter (`active` too), so that is checked here.
   */
  private async stored(id: string): Promise<{ person: Person; active: boolean } | undefined> {
    const found = await this.people.findOne<Person & { active: boolean }>({ _id: id }, { projection: { ...personFields, active: 1 } });
    if (!found) return undefined;
    const { active, ...person } = found;
    return { person, active };
  }

  /**
   * The starting person may be inactive (a notification filed before someone left still needs
   * a decision), but only active managers are returned: the walk stops at the first one missing.
   */
  async managerChain(aadObjectId: string): Promise<Person[]> {
    const id = normaliseObjectId(aadObjectId);
    return through(this.caches?.chains, id, () => this.readManagerChain(id));
  }

  private async readManagerChain(id: string): Promise<Person[]> {
    // Usually the starting person is active and already known (the caller of the turn).
    const start = (await this.person(id)) ?? (await this.stored(id))?.person;
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
      .find<Person>({ orgId, active: true, _id: { $in: managerIds } }, { projection: personFields })
      .sort({ name: 1, aadObjectId: 1 })
      .toArray();
  }

  async peopleWithRole(orgId: string, role: Role): Promise<Person[]> {
    return through(this.caches?.roleHolders, `${orgId}|${role}`, () =>
      this.people.find<Person>({ orgId, roles: role, active: true }, { projection: personFields }).sort({ name: 1, aadObjectId: 1 }).toArray(),
    );
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
      const tenantId = identity.tenantId.trim().toLowerCase();
      const claiming = await through(this.caches?.tenants, tenantId, async () =>
        (
          await this.organisationCollection.find<{ id: string }>({ tenantIds: tenantId, active: true }, { projection: { _id: 0, id: 1 } }).limit(2).toArray()
        ).map((organisation) => organisation.id),
      );
      if (claiming.length === 1) return claiming[0]!;
    }
    if (identity.aadObjectId) {
      const id = normaliseObjectId(identity.aadObjectId);
      const chosen = await through(this.caches?.choices, id, async () => {
        const choice = await this.db.collection<OrganisationChoiceDocument>(ORGANISATION_CHOICES).findOne({ aadObjectId: id });
        return choice?.orgId;
      });
      if (chosen && (await this.organisation(chosen))) return chosen;
    }
    if (defaultOrg && (await this.organisation(defaultOrg))) return defaultOrg;
    return undefined;
  }

  async rememberOrganisationChoice(aadObjectId: string, orgId: string): Promise<void> {
    if (!(await this.organisation(orgId))) throw new Error(`Unknown organisation "${orgId}"`);
    const choices = this.db.collection<OrganisationChoiceDocument>(ORGANISATION_CHOICES);
    const id = normaliseObjectId(aadObjectId);
    // A concurrent first choice by the same user: the retry updates the document it created.
    await upsertRetryingOnce(() =>
      choices.updateOne({ aadObjectId: id }, { $set: { orgId, schemaVersion: SCHEMA_VERSION, updatedAt: new Date() } }, { upsert: true }),
    );
    // This instance sees the choice at once; others within the expiry.
    this.caches?.choices.set(id, orgId);
  }
}
