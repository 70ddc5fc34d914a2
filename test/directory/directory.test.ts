import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Directory,
  importPeople,
  loadOrganisationFiles,
  seedDemoPeople,
  syncOrganisations,
  type Organisation,
} from '../../src/directory/index.js';
import { connectDatabase } from '../../src/storage/database.js';
import { openTestDatabase, testMongoUri } from '../support/database.js';
import { HEADER, id, prepare, row } from './helpers.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let directory: Directory;

beforeAll(async () => {
  database = await openTestDatabase();
  await prepare(database.db);
  directory = new Directory(database.db);
});
afterAll(async () => {
  await database?.drop();
});

describe('organisation files', () => {
  const organisations = loadOrganisationFiles();

  it('validate, with unique ids and reference prefixes', () => {
    expect(organisations.map((org) => org.id)).toEqual(['heemskerk', 'heerde', 'velsen', 'werksaam']);
    const prefixes = organisations.map((org) => org.referencePrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    const byId = Object.fromEntries(organisations.map((org) => [org.id, org]));
    expect(byId.heemskerk?.policyDocumentIds).toContain('heemskerk-integriteitsbeleid-2024');
    expect(byId.heerde?.policyDocumentIds).toContain('heerde-integriteitsbeleid-2022');
    expect(byId.velsen?.policyDocumentIds).toContain('velsen-gedragscode');
    expect(byId.werksaam?.policyDocumentIds).toContain('werksaam-integriteitsbeleid-2021');
    expect(byId.werksaam?.decisionBodies.map((body) => body.id)).toEqual(['dagelijks_bestuur']);
  });

  it('are rejected when invalid or when two share a reference prefix', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'organisations-'));
    try {
      const velsen = organisations.find((org) => org.id === 'velsen')!;
      const write = (org: Organisation | Record<string, unknown>, name: string) => {
        mkdirSync(path.join(folder, name), { recursive: true });
        writeFileSync(path.join(folder, name, 'organisation.json'), JSON.stringify(org));
      };
      write(velsen, 'velsen');
      write({ ...velsen, id: 'ijmuiden', name: 'Test' }, 'ijmuiden');
      expect(() => loadOrganisationFiles(folder)).toThrow(/referencePrefix VEL is used by both ijmuiden and velsen/);
      write({ ...velsen, id: 'ijmuiden', referencePrefix: 'IJM', workflow: { reminderAfterWorkingDays: 10, secondReminderAfterWorkingDays: 12, escalateAfterWorkingDays: 5 } }, 'ijmuiden');
      expect(() => loadOrganisationFiles(folder)).toThrow(/reminderAfterWorkingDays < secondReminderAfterWorkingDays < escalateAfterWorkingDays/);
      write({ ...velsen, id: 'elders', referencePrefix: 'ELD' }, 'ijmuiden');
      expect(() => loadOrganisationFiles(folder)).toThrow(/must equal its folder name/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('sync into the database idempotently', async () => {
    await syncOrganisations(database.db);
    await syncOrganisations(database.db);
    expect((await directory.organisations()).map((org) => org.id)).toEqual(['heemskerk', 'heerde', 'velsen', 'werksaam']);
    expect(await directory.organisation('velsen')).toEqual(organisations.find((org) => org.id === 'velsen'));
    expect(await directory.organisation('atlantis')).toBeUndefined();
  });

  it('name no organisation in code', () => {
    for (const file of ['directory.ts', 'import.ts', 'organisations.ts', 'demo.ts', 'collections.ts']) {
      const source = readFileSync(new URL(`../../src/directory/${file}`, import.meta.url), 'utf8');
      expect(source).not.toMatch(/heemskerk|heerde|velsen|werksaam/i);
    }
  });
});

describe('Directory', () => {
  beforeAll(async () => {
    // 1 <- 2 <- 3 <- 4, 5 reports to 4; roles spread over the people.
    const csv = [
      HEADER,
      row(1, '', { roles: 'decision_body:college' }),
      row(2, 1, { roles: 'hr;integrity_coordinator' }),
      row(3, 2, { roles: 'vertrouwenspersoon_integriteit' }),
      row(4, 3, { roles: 'hr' }),
      row(5, 4),
    ].join('\n');
    const report = await importPeople(database.db, 'heerde', csv.replaceAll('velsen.example', 'heerde.example'));
    expect(report.errors).toEqual([]);
  });

  it('walks the manager chain upwards', async () => {
    expect((await directory.managerChain(id(5))).map((p) => p.aadObjectId)).toEqual([id(4), id(3), id(2), id(1)]);
    expect(await directory.managerChain(id(1))).toEqual([]);
    expect(await directory.managerChain(id(404))).toEqual([]);
    expect(await directory.managerChain(id(5).toUpperCase())).toHaveLength(4);
  });

  it('stops the chain at a missing manager and at a cycle stored behind the import’s back', async () => {
    const people = database.db.collection('people');
    await people.updateOne({ aadObjectId: id(3) }, { $set: { active: false } });
    expect((await directory.managerChain(id(5))).map((p) => p.aadObjectId)).toEqual([id(4)]);
    await people.updateOne({ aadObjectId: id(3) }, { $set: { active: true } });
    await people.updateOne({ aadObjectId: id(1) }, { $set: { managerAadObjectId: id(4) } });
    expect((await directory.managerChain(id(4))).map((p) => p.aadObjectId)).toEqual([id(3), id(2), id(1)]);
    await people.updateOne({ aadObjectId: id(1) }, { $unset: { managerAadObjectId: '' } });
  });

  it('finds the active people with a role', async () => {
    expect((await directory.peopleWithRole('heerde', 'hr')).map((p) => p.aadObjectId)).toEqual([id(2), id(4)]);
    expect((await directory.peopleWithRole('heerde', 'decision_body:college')).map((p) => p.aadObjectId)).toEqual([id(1)]);
    expect(await directory.peopleWithRole('velsen', 'hr')).toEqual([]);
    expect(await directory.peopleWithRole('heerde', 'vertrouwenspersoon_ongewenst_gedrag')).toEqual([]);
  });

  it('resolves the organisation: directory, then tenant, then remembered choice, then default', async () => {
    const orgs = Object.fromEntries(loadOrganisationFiles().map((org) => [org.id, org]));
    const velsenTenant = orgs.velsen!.tenantIds[0]!;
    const stranger = id(900);

    // In the directory (heerde) wins over a tenant of velsen and a remembered choice.
    await directory.rememberOrganisationChoice(id(5), 'werksaam');
    expect(await directory.resolveOrganisation({ aadObjectId: id(5), tenantId: velsenTenant }, 'heemskerk')).toBe('heerde');
    // Not in the directory: the tenant decides over a remembered choice.
    await directory.rememberOrganisationChoice(stranger, 'werksaam');
    expect(await directory.resolveOrganisation({ aadObjectId: stranger, tenantId: velsenTenant }, 'heemskerk')).toBe('velsen');
    // Unknown tenant: the remembered choice, then the default.
    const unknownTenant = '00000000-0000-0000-0000-0000000000001';
    expect(await directory.resolveOrganisation({ aadObjectId: stranger, tenantId: unknownTenant }, 'heemskerk')).toBe('werksaam');
    await directory.rememberOrganisationChoice(stranger, 'heemskerk');
    expect(await directory.resolveOrganisation({ aadObjectId: stranger }, 'velsen')).toBe('heemskerk');
    expect(await directory.resolveOrganisation({ aadObjectId: id(901), tenantId: unknownTenant }, 'velsen')).toBe('velsen');
    expect(await directory.resolveOrganisation({}, 'atlantis')).toBeUndefined();
    expect(await directory.resolveOrganisation({})).toBeUndefined();
    await expect(directory.rememberOrganisationChoice(stranger, 'atlantis')).rejects.toThrow(/Unknown organisation/);
  });
});

describe('seedDemoPeople', () => {
  it('loads every demo file, maps the Playground users into velsen, and is idempotent', async () => {
    const seeded = await openTestDatabase();
    try {
      await prepare(seeded.db);
      await seedDemoPeople(seeded.db);
      const people = seeded.db.collection('people');
      const snapshot = async () =>
        people.find({}, { projection: { _id: 1, aadObjectId: 1, updatedAt: 1, active: 1 } }).sort({ aadObjectId: 1 }).toArray();
      const first = await snapshot();
      for (const orgId of ['heemskerk', 'heerde', 'velsen', 'werksaam']) {
        const count = await people.countDocuments({ orgId, active: true });
        expect(count).toBeGreaterThanOrEqual(8);
        expect(count).toBeLessThanOrEqual(12);
      }
      await seedDemoPeople(seeded.db);
      expect(await snapshot()).toEqual(first);

      const demo = new Directory(seeded.db);
      const alex = '00000000-0000-0000-0000-0000000000020';
      expect((await demo.managerChain(alex)).map((p) => p.aadObjectId).slice(0, 2)).toEqual([
        '00000000-0000-0000-0000-0000000000021',
        '00000000-0000-0000-0000-0000000000023',
      ]);
      expect(await demo.resolveOrganisation({ aadObjectId: alex })).toBe('velsen');
      const roleHolders = async (role: Parameters<Directory['peopleWithRole']>[1]) =>
        (await demo.peopleWithRole('velsen', role)).map((p) => p.aadObjectId);
      expect(await roleHolders('hr')).toEqual(['00000000-0000-0000-0000-0000000000022']);
      expect(await roleHolders('integrity_coordinator')).toEqual(['00000000-0000-0000-0000-0000000000022']);
      expect(await roleHolders('vertrouwenspersoon_integriteit')).toEqual(['00000000-0000-0000-0000-0000000000024']);
      expect(await roleHolders('vertrouwenspersoon_ongewenst_gedrag')).toEqual(['00000000-0000-0000-0000-0000000000025']);
      for (const org of await demo.organisations()) {
        for (const role of ['hr', 'integrity_coordinator', 'vertrouwenspersoon_integriteit', 'vertrouwenspersoon_ongewenst_gedrag'] as const) {
          expect(await demo.peopleWithRole(org.id, role), `${org.id} ${role}`).not.toEqual([]);
        }
        expect(await demo.peopleWithRole(org.id, `decision_body:${org.decisionBodies[0]!.id}`)).not.toEqual([]);
      }

      // A real import afterwards is never undone by the demo seed.
      await importPeople(seeded.db, 'heerde', [HEADER, row(1, '')].join('\n').replaceAll('velsen.example', 'heerde.example'));
      await seedDemoPeople(seeded.db);
      expect(await people.countDocuments({ orgId: 'heerde', active: true })).toBe(1);
    } finally {
      await seeded.drop();
    }
  });

  it('matches the Agents Playground configuration', () => {
    const yml = readFileSync(new URL('../../.m365agentsplayground.yml', import.meta.url), 'utf8');
    const velsen = loadOrganisationFiles().find((org) => org.id === 'velsen')!;
    expect(yml).toMatch(new RegExp(`^tenantId: ${velsen.tenantIds[0]}$`, 'm'));
    const csv = readFileSync(new URL('../../src/organisations/velsen/demo-people.csv', import.meta.url), 'utf8');
    const users = [...yml.matchAll(/userPrincipleName: (\S+)\n\s+aadObjectId: (\S+)/g)];
    expect(users).toHaveLength(6);
    for (const [, upn, aadObjectId] of users) expect(csv).toContain(`${aadObjectId};${upn};`);
  });
});

describe('people stored by an earlier release (generated _id, unique aadObjectId index)', () => {
  /** Writes people the way releases before issue 12 did: a generated `_id`, found by `aadObjectId`. */
  async function earlierRelease(db: Db): Promise<void> {
    const people = db.collection('people');
    await people.createIndex({ aadObjectId: 1 }, { name: 'aadObjectId_unique', unique: true });
    const now = new Date();
    const person = (n: number, manager: number | undefined, active = true) => ({
      aadObjectId: id(n),
      orgId: 'heerde',
      upn: `persoon${n}@heerde.example`,
      name: `Persoon ${n}`,
      department: 'Publiekszaken',
      function: 'Medewerker',
      ...(manager ? { managerAadObjectId: id(manager) } : {}),
      roles: n === 1 ? ['hr'] : [],
      publishSideJobs: false,
      reportsFinancialInterests: false,
      active,
      schemaVersion: 1,
      createdAt: now,
      updatedAt: now,
    });
    await people.insertMany([person(1, undefined), person(2, 1), person(3, 2, false)]);
  }

  it('are moved under their object id at start-up, found by _id, and a second start moves nothing', async () => {
    const old = await openTestDatabase();
    try {
      await earlierRelease(old.db);
      const before = await old.db.collection('people').find({}).sort({ aadObjectId: 1 }).toArray();
      expect(before.every((person) => typeof person._id !== 'string')).toBe(true);

      await prepare(old.db);
      const after = await old.db.collection('people').find({}).sort({ aadObjectId: 1 }).toArray();
      expect(after.map((person) => person._id)).toEqual([id(1), id(2), id(3)]);
      // Nothing else about them changed.
      expect(after.map(({ _id, ...rest }) => rest)).toEqual(before.map(({ _id, ...rest }) => rest));
      expect((await old.db.collection('people').indexes()).map((index) => index.name)).not.toContain('aadObjectId_unique');

      const directory = new Directory(old.db);
      expect((await directory.person(id(2)))?.name).toBe('Persoon 2');
      expect(await directory.person(id(3))).toBeUndefined();
      // An inactive person's chain still starts from their stored document.
      expect((await directory.managerChain(id(3))).map((p) => p.aadObjectId)).toEqual([id(2), id(1)]);
      expect((await directory.peopleWithRole('heerde', 'hr')).map((p) => p.aadObjectId)).toEqual([id(1)]);

      await prepare(old.db);
      expect(await old.db.collection('people').find({}).sort({ aadObjectId: 1 }).toArray()).toEqual(after);
    } finally {
      await old.drop();
    }
  });

  it('are moved once and none lost when two instances start at the same moment', async () => {
    const old = await openTestDatabase();
    try {
      await earlierRelease(old.db);
      await Promise.all([prepare(old.db), prepare(old.db)]);
      const people = await old.db.collection('people').find({}, { projection: { _id: 1, active: 1 } }).sort({ _id: 1 }).toArray();
      expect(people).toEqual([
        { _id: id(1), active: true },
        { _id: id(2), active: true },
        { _id: id(3), active: false },
      ]);
    } finally {
      await old.drop();
    }
  });

  it('are moved by an import run before the bot started on the new release, which then updates them', async () => {
    const old = await openTestDatabase();
    try {
      await syncOrganisations(old.db);
      await earlierRelease(old.db);
      const csv = [HEADER, row(1, '', { roles: 'hr' }), row(2, 1, { department: 'Burgerzaken' })].join('\n').replaceAll('velsen.example', 'heerde.example');
      const report = await importPeople(old.db, 'heerde', csv);
      expect(report.errors).toEqual([]);
      expect([report.added, report.updated, report.deactivated]).toEqual([0, 1, 0]);
      const stored = await old.db.collection('people').find({}, { projection: { _id: 1, department: 1, active: 1 } }).sort({ _id: 1 }).toArray();
      expect(stored).toEqual([
        { _id: id(1), department: 'Publiekszaken', active: true },
        { _id: id(2), department: 'Burgerzaken', active: true },
        { _id: id(3), department: 'Publiekszaken', active: false },
      ]);
    } finally {
      await old.drop();
    }
  });
});

describe('the caller of a turn', () => {
  it('is read by _id alone: the one filter FerretDB looks up by index instead of reading every person', async () => {
    const monitored = await connectDatabase({ uri: testMongoUri(), dbName: database.db.databaseName, monitorCommands: true });
    try {
      const filters: unknown[] = [];
      monitored.client.on('commandStarted', (event) => {
        if (event.commandName === 'find' && event.command.find === 'people') filters.push(event.command.filter);
      });
      const directory = new Directory(monitored.db);
      expect((await directory.person(id(5).toUpperCase()))?.aadObjectId).toBe(id(5));
      expect(await directory.person(id(404))).toBeUndefined();
      expect(filters).toEqual([{ _id: id(5) }, { _id: id(404) }]);
    } finally {
      await monitored.close();
    }
  });
});
