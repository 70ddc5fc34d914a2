import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Directory, importPeople } from '../../src/directory/index.js';
import { MAX_LISTED_ERRORS } from '../../src/directory/import.js';
import { openTestDatabase, testMongoUri } from '../support/database.js';
import { HEADER, id, prepare, row } from './helpers.js';

const run = promisify(execFile);
let database: Awaited<ReturnType<typeof openTestDatabase>>;
const people = () => database.db.collection('people');

beforeAll(async () => {
  database = await openTestDatabase();
  await prepare(database.db);
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await people().deleteMany({});
});

const goodFile = [HEADER, row(1, ''), row(2, 1), row(3, 2), row(4, 2)].join('\n');

describe('importPeople', () => {
  it('reports unknown and missing columns and writes nothing', async () => {
    await importPeople(database.db, 'velsen', goodFile);
    const before = await people().countDocuments();
    const csv = [HEADER.replace('department', 'afdeling'), row(5, 1)].join('\n');
    const report = await importPeople(database.db, 'velsen', csv);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      { line: 1, message: expect.stringMatching(/^kolom 'afdeling' is onbekend/) },
      { line: 1, message: "kolom 'department' ontbreekt" },
    ]);
    expect(await people().countDocuments()).toBe(before);
  });

  it('reports an unknown manager, a duplicate id on both lines, a bad flag and an unknown role, and writes nothing', async () => {
    await importPeople(database.db, 'velsen', goodFile);
    const before = await people().find({}, { projection: { _id: 0, updatedAt: 0 } }).sort({ aadObjectId: 1 }).toArray();
    const csv = [
      HEADER,
      row(1, ''),
      row(2, 1, { department: 'Gewijzigd' }),
      row(3, 99),
      row(2, 1),
      row(6, 1, { publish: 'misschien', roles: 'hr;decision_body:raad' }),
    ].join('\n');
    const report = await importPeople(database.db, 'velsen', csv);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      { line: 3, message: `aadObjectId '${id(2)}' komt meer dan één keer voor (ook op regel 5)` },
      { line: 4, message: `managerAadObjectId '${id(99)}' bestaat niet in dit bestand of in de directory` },
      { line: 5, message: `aadObjectId '${id(2)}' komt meer dan één keer voor (ook op regel 3)` },
      { line: 5, message: `upn 'persoon2@velsen.example' komt meer dan één keer voor (ook op regel 3)` },
      { line: 6, message: expect.stringMatching(/^roles 'hr;decision_body:raad' bevat onbekende rol 'decision_body:raad' \(toegestaan: .*decision_body:college\)$/) },
      { line: 6, message: "publishSideJobs 'misschien' is geen ja/nee-waarde (gebruik ja, nee, yes, no, true of false)" },
      { line: 3, message: `upn 'persoon2@velsen.example' komt meer dan één keer voor (ook op regel 5)` },
    ].sort((a, b) => a.line - b.line));
    expect(report.summary).toMatch(/^Import voor Gemeente Velsen afgebroken: 7 fouten gevonden; er is niets gewijzigd\./);
    expect(report.summary).toContain(`regel 4: managerAadObjectId '${id(99)}' bestaat niet in dit bestand of in de directory`);
    const after = await people().find({}, { projection: { _id: 0, updatedAt: 0 } }).sort({ aadObjectId: 1 }).toArray();
    expect(after).toEqual(before);
  });

  it('reports a manager cycle, a self-reference and a manager in another organisation', async () => {
    await importPeople(database.db, 'heerde', [HEADER, row(50, '')].join('\n').replaceAll('velsen.example', 'heerde.example'));
    const csv = [HEADER, row(1, 3), row(2, 1), row(3, 2), row(4, 4), row(5, 50), row(6, '')].join('\n');
    const report = await importPeople(database.db, 'velsen', csv);
    expect(report.errors).toEqual([
      { line: 2, message: `managers vormen een kring: ${id(1)} → ${id(3)} → ${id(2)} → ${id(1)} (regels 2, 4, 3)` },
      { line: 5, message: `managerAadObjectId '${id(4)}' verwijst naar de persoon zelf` },
      {
        line: 6,
        message: `managerAadObjectId '${id(50)}' hoort bij een andere organisatie ('heerde'); een manager moet in dezelfde organisatie staan`,
      },
    ]);
    expect(await people().countDocuments({ orgId: 'velsen' })).toBe(0);
  });

  it('reports rows with the wrong number of values and an unknown organisation', async () => {
    const csv = [HEADER, row(1, ''), `${row(2, 1)},extra`].join('\n');
    const report = await importPeople(database.db, 'velsen', csv);
    expect(report.errors).toEqual([{ line: 3, message: expect.stringMatching(/^10 waarden gevonden, 9 verwacht/) }]);
    const unknown = await importPeople(database.db, 'atlantis', goodFile);
    expect(unknown.errors).toEqual([{ line: 0, message: expect.stringMatching(/^organisatie 'atlantis' is onbekend/) }]);
    const empty = await importPeople(database.db, 'velsen', `${HEADER}\n`);
    expect(empty.ok).toBe(false);
    expect(await people().countDocuments()).toBe(0);
  });

  it('imports, then a re-import updates, keeps the count and deactivates who is missing', async () => {
    const first = await importPeople(database.db, 'velsen', goodFile);
    expect(first).toMatchObject({ ok: true, added: 4, updated: 0, unchanged: 0, deactivated: 0, errors: [] });
    const before = await people().findOne({ aadObjectId: id(3) });

    const second = await importPeople(
      database.db,
      'velsen',
      [HEADER, row(1, ''), row(2, 1), row(3, 2, { department: 'Burgerzaken' })].join('\n'),
    );
    expect(second).toMatchObject({ ok: true, added: 0, updated: 1, unchanged: 2, deactivated: 1 });
    expect(second.summary).toContain('op inactief gezet en niet verwijderd');
    expect(await people().countDocuments()).toBe(4);
    const after = await people().findOne({ aadObjectId: id(3) });
    expect(after?._id).toEqual(before?._id);
    expect(after?.department).toBe('Burgerzaken');
    expect(after?.createdAt).toEqual(before?.createdAt);
    const gone = await people().findOne({ aadObjectId: id(4) });
    expect(gone).toMatchObject({ active: false, orgId: 'velsen' });
    expect(await new Directory(database.db).person(id(4))).toBeUndefined();

    // Back in the file: active again, same record.
    const third = await importPeople(database.db, 'velsen', goodFile);
    expect(third).toMatchObject({ ok: true, added: 0, updated: 2, unchanged: 2, deactivated: 0 });
    expect((await people().findOne({ aadObjectId: id(4) }))?._id).toEqual(gone?._id);
    expect(await new Directory(database.db).person(id(4))).toMatchObject({ department: 'Publiekszaken', managerAadObjectId: id(2) });
  });

  it('does not write on a dry run', async () => {
    const report = await importPeople(database.db, 'velsen', goodFile, { dryRun: true });
    expect(report).toMatchObject({ ok: true, added: 4 });
    expect(await people().countDocuments()).toBe(0);
  });

  it('reads a ;-separated AFAS export with a BOM, CRLF, quoted fields and columns in another order', async () => {
    const csv =
      '\uFEFFName;aadObjectId;UPN;function;department;roles;managerAadObjectId;reportsFinancialInterests;publishSideJobs\r\n' +
      `"de Vries; Jan";${id(1).toUpperCase()};Jan.deVries@velsen.example;"Hoofd ""Publiek""";Directie;"hr;integrity_coordinator";;ja;true\r\n` +
      `"Bakker,\r\nPiet";${id(2)};piet@velsen.example;Medewerker;Publiekszaken;vertrouwenspersoon_integriteit;${id(1)};nee;false\r\n` +
      `Klaas;${id(3)};klaas@velsen.example;Medewerker;Publiekszaken;decision_body:college;${id(1)};Yes;NO\r\n` +
      '\r\n';
    const report = await importPeople(database.db, 'velsen', csv);
    expect(report.errors).toEqual([]);
    expect(report.added).toBe(3);
    const directory = new Directory(database.db);
    expect(await directory.person(id(1))).toEqual({
      aadObjectId: id(1),
      orgId: 'velsen',
      upn: 'jan.devries@velsen.example',
      name: 'de Vries; Jan',
      department: 'Directie',
      function: 'Hoofd "Publiek"',
      roles: ['hr', 'integrity_coordinator'],
      publishSideJobs: true,
      reportsFinancialInterests: true,
    });
    // A quoted value may span lines; a name is one line, so the line break becomes a space.
    expect(await directory.person(id(2))).toMatchObject({ name: 'Bakker, Piet', managerAadObjectId: id(1), publishSideJobs: false, reportsFinancialInterests: false });
    expect(await directory.person(id(3))).toMatchObject({ roles: ['decision_body:college'], publishSideJobs: false, reportsFinancialInterests: true });
  });

  it('reports line numbers of records after a value that spans lines', async () => {
    const csv = [HEADER, row(1, ''), `${id(2)},p2@velsen.example,"Twee\nregels",X,Y,${id(1)},,nee,nee`, row(3, 77)].join('\n');
    const report = await importPeople(database.db, 'velsen', csv);
    expect(report.errors).toEqual([{ line: 5, message: `managerAadObjectId '${id(77)}' bestaat niet in dit bestand of in de directory` }]);
  });

  it.each([
    ['ja', true],
    ['JA', true],
    ['yes', true],
    ['true', true],
    ['nee', false],
    ['No', false],
    ['false', false],
    ['', false],
  ])('reads %j as %s', async (value, expected) => {
    const report = await importPeople(database.db, 'velsen', [HEADER, row(1, '', { publish: value, financial: value })].join('\n'));
    expect(report.ok).toBe(true);
    expect(await new Directory(database.db).person(id(1))).toMatchObject({ publishSideJobs: expected, reportsFinancialInterests: expected });
  });
});

describe('hostile files', () => {
  it('lists the first 50 errors of a file full of them, with a count of the rest', async () => {
    const report = await importPeople(database.db, 'velsen', 'x,'.repeat(2_600_000));
    expect(report.ok).toBe(false);
    expect(report.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(report.errorCount).toBeGreaterThan(2_600_000);
    const lines = report.summary.split('\n');
    expect(lines.length).toBe(MAX_LISTED_ERRORS + 2);
    expect(lines.at(-1)).toMatch(/… en nog \d+ fouten; alleen de eerste 50 staan hierboven/);
    expect(report.summary.length).toBeLessThan(20_000);
  });

  it('stores names without control characters and shows such characters in errors only escaped', async () => {
    const csv = [HEADER, row(1, '').replace('Persoon 1', '"Piet\u0007 \u001b[31mRood\u001b[0m"'), row(2, 1, { roles: 'baas\u001b[2J' })].join('\n');
    const refused = await importPeople(database.db, 'velsen', csv);
    expect(refused.ok).toBe(false);
    expect(refused.summary).toContain("bevat onbekende rol 'baas\\u001b[2j'");
    expect(refused.summary).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);

    const report = await importPeople(database.db, 'velsen', [HEADER, row(1, '').replace('Persoon 1', '"Piet\u0007 \u001b[31mRood\u001b[0m"')].join('\n'));
    expect(report.ok, report.summary).toBe(true);
    expect((await new Directory(database.db).person(id(1)))?.name).toBe('Piet [31mRood[0m');
  });
});

describe('directory:import CLI', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'directory-import-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const cli = async (...args: string[]) => {
    const env = { ...process.env, MONGODB_URI: testMongoUri(), MONGODB_DB: database.db.databaseName, NODE_ENV: 'test' };
    try {
      const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/directory-import.ts', ...args], { env, cwd: process.cwd() });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
    }
  };

  it('exits non-zero and prints the errors when the file has errors', async () => {
    const file = path.join(folder, 'bad.csv');
    writeFileSync(file, [HEADER, row(1, 42)].join('\n'));
    const result = await cli('--org', 'velsen', file);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`regel 2: managerAadObjectId '${id(42)}' bestaat niet in dit bestand of in de directory`);
    expect(await people().countDocuments()).toBe(0);
  });

  it('prints a bounded error report for a 5 MB file of errors', async () => {
    const file = path.join(folder, 'huge.csv');
    writeFileSync(file, 'x,'.repeat(2_600_000));
    const result = await cli('--org', 'velsen', file);
    expect(result.code).toBe(1);
    expect(result.stderr.length).toBeLessThan(20_000);
    expect(result.stderr).toContain('alleen de eerste 50 staan hierboven');
  });

  it('exits zero and prints a summary on success', async () => {
    const file = path.join(folder, 'good.csv');
    writeFileSync(file, goodFile);
    const result = await cli('--org', 'velsen', file);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Import voor Gemeente Velsen (velsen) geslaagd: 4 toegevoegd');
    expect(await people().countDocuments({ active: true })).toBe(4);
  });

  it('exits non-zero on wrong usage', async () => {
    expect((await cli('only-a-file.csv')).code).toBe(2);
  });
});
