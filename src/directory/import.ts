import type { AnyBulkWriteOperation, Db } from 'mongodb';
import { z } from 'zod';
import { SCHEMA_VERSION, refusedAsDuplicates, runOnce } from '../storage/database.js';
import { escapeControls, stripControls } from '../text/controls.js';
import { PEOPLE, peopleMigration } from './collections.js';
import { parseCsv } from './csv.js';
import { Directory, normaliseObjectId, type PersonDocument } from './directory.js';
import { roleSchema, type ImportError, type ImportReport, type Organisation, type Person, type Role } from './types.js';

export const IMPORT_COLUMNS = [
  'aadObjectId',
  'upn',
  'name',
  'department',
  'function',
  'managerAadObjectId',
  'roles',
  'publishSideJobs',
  'reportsFinancialInterests',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

export interface ImportOptions {
  /** Validate and count, but write nothing. */
  dryRun?: boolean;
}

// Entra object ids are GUIDs; the Agents Playground's mock users carry 13 digits in the last group.
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12,13}$/;
const UPN = /^[^@\s\u0000-\u001f\u007f-\u009f]+@[^@\s\u0000-\u001f\u007f-\u009f]+\.[^@\s\u0000-\u001f\u007f-\u009f]+$/;
const YES = new Set(['yes', 'ja', 'true', 'y', 'j', '1']);
const NO = new Set(['no', 'nee', 'false', 'n', '0', '']);
const BASE_ROLES = roleSchema.options[0].options;

/** Names and departments are shown in Teams and printed by the CLI: no control characters. */
const singleLine = z.string().transform((value) => stripControls(value, { multiline: false }).trim());

const objectId = z.string().trim().toLowerCase().regex(OBJECT_ID, 'is geen geldig Entra object-id (GUID)');

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value, ctx) => {
    if (YES.has(value)) return true;
    // An empty cell is how most HR exports say "no".
    if (NO.has(value)) return false;
    ctx.addIssue({ code: 'custom', message: 'is geen ja/nee-waarde (gebruik ja, nee, yes, no, true of false)' });
    return z.NEVER;
  });

function rowSchema(org: Organisation) {
  const allowedRoles = [...BASE_ROLES, ...org.decisionBodies.map((body) => `decision_body:${body.id}`)];
  return z.object({
    aadObjectId: z.string().trim().min(1, 'ontbreekt').pipe(objectId),
    // Length before pattern: the pattern then only ever sees a short value.
    upn: z.string().trim().min(1, 'ontbreekt').max(320, 'is langer dan 320 tekens').toLowerCase().pipe(z.string().regex(UPN, 'is geen geldige UPN (naam@domein)')),
    name: singleLine.pipe(z.string().min(1, 'ontbreekt').max(200, 'is langer dan 200 tekens')),
    department: singleLine.pipe(z.string().max(200, 'is langer dan 200 tekens')),
    function: singleLine.pipe(z.string().max(200, 'is langer dan 200 tekens')),
    managerAadObjectId: z
      .string()
      .trim()
      .transform((value) => (value === '' ? undefined : value))
      .pipe(objectId.optional()),
    roles: z
      .string()
      .transform((value) =>
        // `;` is the documented separator; `,` and `|` are accepted because spreadsheets substitute them.
        [...new Set(value.split(/[;,|]/).map((role) => role.trim().toLowerCase()).filter((role) => role !== ''))].sort(),
      )
      .superRefine((roles, ctx) => {
        for (const role of roles) {
          if (!allowedRoles.includes(role)) {
            ctx.addIssue({ code: 'custom', message: `bevat onbekende rol ${quoted(role)} (toegestaan: ${allowedRoles.join(', ')})` });
          }
        }
      })
      .transform((roles) => roles as Role[]),
    publishSideJobs: flag,
    reportsFinancialInterests: flag,
  });
}

type Row = Omit<Person, 'orgId'>;
interface ParsedRow {
  line: number;
  row: Row;
}

/** Beyond this many, errors are counted but not listed: a broken file must not flood the terminal or the memory. */
export const MAX_LISTED_ERRORS = 50;

class Problems {
  readonly list: ImportError[] = [];
  total = 0;
  add(line: number, message: string) {
    this.total += 1;
    if (this.list.length < MAX_LISTED_ERRORS) this.list.push({ line, message });
  }
  get any() {
    return this.total > 0;
  }
  sorted(): ImportError[] {
    return this.list.map((error, index) => ({ error, index })).sort((a, b) => a.error.line - b.error.line || a.index - b.index).map((e) => e.error);
  }
}

/** A value from the file as shown in an error: shortened, and with control characters made visible. */
function quoted(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return `'${escapeControls(short)}'`;
}

/**
 * Replaces an organisation's people with the contents of an HR export (AFAS and the like).
 * Everything is validated before anything is written; the writes are then one ordered
 * bulkWrite whose upserts come before the deactivations, so an interrupted import never leaves
 * people deactivated without their replacements, and simply re-running it converges.
 * People missing from the file are marked inactive, never deleted, so records keep a valid reference.
 */
export async function importPeople(db: Db, orgId: string, csvText: string, options: ImportOptions = {}): Promise<ImportReport> {
  const directory = new Directory(db);
  const org = await directory.organisation(orgId);
  const problems = new Problems();
  if (!org) {
    const known = (await directory.organisations()).map((o) => o.id);
    problems.add(0, `organisatie ${quoted(orgId)} is onbekend (bekend: ${known.join(', ') || 'geen'})`);
    return failed(orgId, problems);
  }

  const parsed = parseCsv(csvText);
  if (parsed.unterminatedQuoteLine !== undefined) {
    problems.add(parsed.unterminatedQuoteLine, 'aanhalingsteken wordt niet afgesloten');
    return failed(org.name, problems);
  }
  const records = parsed.records.filter((record) => record.fields.some((field) => field.trim() !== ''));
  const header = records.shift();
  if (!header) {
    problems.add(0, 'het bestand is leeg');
    return failed(org.name, problems);
  }

  const columnIndex = readHeader(header.fields, header.line, problems);
  if (!columnIndex) return failed(org.name, problems);
  if (records.length === 0) {
    problems.add(0, 'het bestand bevat geen personen; een lege import zou iedereen op inactief zetten');
    return failed(org.name, problems);
  }

  const schema = rowSchema(org);
  const rows: ParsedRow[] = [];
  // Ids from every row with a readable id, so a manager whose own row has another error is not also reported as unknown.
  const idLines = new Map<string, number[]>();
  const upnLines = new Map<string, number[]>();
  for (const record of records) {
    if (record.fields.length !== header.fields.length) {
      problems.add(
        record.line,
        `${record.fields.length} waarden gevonden, ${header.fields.length} verwacht ` +
          `(staat er een '${parsed.delimiter === '\t' ? 'tab' : parsed.delimiter}' in een waarde zonder aanhalingstekens?)`,
      );
      continue;
    }
    const raw = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, record.fields[columnIndex[column]] ?? ''])) as Record<Column, string>;
    const id = objectId.safeParse(raw.aadObjectId);
    if (id.success) pushTo(idLines, id.data, record.line);
    const upn = raw.upn.trim().toLowerCase();
    if (upn) pushTo(upnLines, upn, record.line);

    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const column = String(issue.path[0]) as Column;
        const value = raw[column]?.trim() ?? '';
        problems.add(record.line, value ? `${column} ${quoted(value)} ${issue.message}` : `${column} ${issue.message}`);
      }
      continue;
    }
    rows.push({ line: record.line, row: result.data });
  }

  reportDuplicates(idLines, 'aadObjectId', problems);
  reportDuplicates(upnLines, 'upn', problems);

  const fileIds = [...idLines.keys()];
  const outsideManagers = [
    ...new Set(rows.map((r) => r.row.managerAadObjectId).filter((m): m is string => m !== undefined && !idLines.has(m))),
  ];
  const people = db.collection<PersonDocument>(PEOPLE);
  // People stored by an earlier release are moved to their object id before any is written under it.
  await runOnce(db, peopleMigration.id, () => peopleMigration.run(db));
  const known = await people
    .find(
      { $or: [{ orgId }, { _id: { $in: [...fileIds, ...outsideManagers] } }] },
      { projection: { _id: 0, createdAt: 0, updatedAt: 0, deactivatedAt: 0, schemaVersion: 0 } },
    )
    .toArray();
  const knownById = new Map(known.map((person) => [person.aadObjectId, person]));

  for (const { line, row } of rows) {
    const existing = knownById.get(row.aadObjectId);
    if (existing && existing.orgId !== orgId && existing.active) {
      problems.add(line, `aadObjectId '${row.aadObjectId}' hoort al bij organisatie '${existing.orgId}'; haal deze persoon daar eerst uit de import`);
    }
    const manager = row.managerAadObjectId;
    if (manager === undefined || (idLines.has(manager) && manager !== row.aadObjectId)) continue;
    if (manager === row.aadObjectId) {
      problems.add(line, `managerAadObjectId '${manager}' verwijst naar de persoon zelf`);
      continue;
    }
    const inDirectory = knownById.get(manager);
    if (!inDirectory) {
      problems.add(line, `managerAadObjectId '${manager}' bestaat niet in dit bestand of in de directory`);
    } else if (inDirectory.orgId !== orgId) {
      problems.add(line, `managerAadObjectId '${manager}' hoort bij een andere organisatie ('${inDirectory.orgId}'); een manager moet in dezelfde organisatie staan`);
    } else {
      problems.add(line, `managerAadObjectId '${manager}' staat niet in dit bestand; wie niet in het bestand staat wordt inactief, dus neem deze manager op in het bestand`);
    }
  }
  reportCycles(rows, problems);

  if (problems.any) return failed(org.name, problems);

  const now = new Date();
  const operations: AnyBulkWriteOperation<PersonDocument>[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const functionChanges: ImportReport['functionChanges'] = [];
  for (const { row } of rows) {
    const existing = knownById.get(row.aadObjectId);
    const desired = { ...row, orgId };
    if (!existing || existing.orgId !== orgId) added += 1;
    else if (!existing.active || !samePerson(existing, desired)) {
      updated += 1;
      if (existing.active && existing.function !== desired.function) functionChanges.push({ aadObjectId: row.aadObjectId, orgId, from: existing.function, to: desired.function });
    } else {
      unchanged += 1;
      continue;
    }
    const { managerAadObjectId, ...fields } = desired;
    operations.push({
      updateOne: {
        // Stored under the object id (see directoryCollections); the upsert gives a new person that `_id`.
        filter: { _id: row.aadObjectId },
        update: {
          $set: { ...fields, ...(managerAadObjectId ? { managerAadObjectId } : {}), active: true, schemaVersion: SCHEMA_VERSION, updatedAt: now },
          $setOnInsert: { createdAt: now },
          $unset: managerAadObjectId ? { deactivatedAt: '' } : { deactivatedAt: '', managerAadObjectId: '' },
        },
        upsert: true,
      },
    });
  }
  const inFile = new Set(fileIds);
  const deactivated = known.filter((person) => person.orgId === orgId && person.active && !inFile.has(person.aadObjectId)).length;
  if (deactivated > 0) {
    operations.push({
      updateMany: {
        filter: { orgId, active: true, _id: { $nin: fileIds } },
        update: { $set: { active: false, deactivatedAt: now, updatedAt: now } },
      },
    });
  }
  if (operations.length > 0 && !options.dryRun) {
    try {
      await people.bulkWrite(operations, { ordered: true });
    } catch (error) {
      // Two instances that start together on an empty database import the same people: of two
      // upserts of one new person one is refused (FerretDB; MongoDB can do the same). The whole
      // import converges when run again, and then finds everyone in place.
      refusedAsDuplicates(error); // anything but refused duplicates is thrown again
      await people.bulkWrite(operations, { ordered: true });
    }
  }

  const lines = [
    `${options.dryRun ? 'Proefimport' : 'Import'} voor ${org.name} (${org.id}) geslaagd: ` +
      `${added} toegevoegd, ${updated} bijgewerkt, ${unchanged} ongewijzigd, ${deactivated} op inactief gezet.`,
  ];
  if (deactivated > 0) {
    lines.push(
      'Wie niet meer in het bestand staat, is op inactief gezet en niet verwijderd, zodat meldingen en dossiers naar een geldige persoon blijven verwijzen.',
    );
  }
  if (options.dryRun) lines.push('Dit was een proefimport: er is niets opgeslagen.');
  return { ok: true, errors: [], errorCount: 0, added, updated, unchanged, deactivated, functionChanges: options.dryRun ? [] : functionChanges, summary: lines.join('\n') };
}

/** Column positions by canonical name, or undefined when a required column is missing. */
function readHeader(names: string[], line: number, problems: Problems): Record<Column, number> | undefined {
  const canonical = new Map(IMPORT_COLUMNS.map((column) => [column.toLowerCase(), column]));
  const index: Partial<Record<Column, number>> = {};
  names.forEach((rawName, position) => {
    const name = rawName.trim();
    // Trailing delimiters give nameless columns; they carry nothing, so they are ignored.
    if (name === '') return;
    const column = canonical.get(name.toLowerCase());
    if (!column) problems.add(line, `kolom ${quoted(name)} is onbekend (verwacht: ${IMPORT_COLUMNS.join(', ')})`);
    else if (index[column] !== undefined) problems.add(line, `kolom ${quoted(name)} komt meer dan één keer voor`);
    else index[column] = position;
  });
  const missing = IMPORT_COLUMNS.filter((column) => index[column] === undefined);
  for (const column of missing) problems.add(line, `kolom '${column}' ontbreekt`);
  return missing.length === 0 ? (index as Record<Column, number>) : undefined;
}

function reportDuplicates(linesByValue: Map<string, number[]>, column: string, problems: Problems) {
  for (const [value, lines] of linesByValue) {
    if (lines.length < 2) continue;
    for (const line of lines) {
      const others = lines.filter((other) => other !== line).join(', ');
      problems.add(line, `${column} ${quoted(value)} komt meer dan één keer voor (ook op regel ${others})`);
    }
  }
}

/** Self-references are reported elsewhere; this finds longer loops, once each, on their first line. */
function reportCycles(rows: ParsedRow[], problems: Problems) {
  const byId = new Map<string, ParsedRow>();
  for (const parsedRow of rows) if (!byId.has(parsedRow.row.aadObjectId)) byId.set(parsedRow.row.aadObjectId, parsedRow);
  const state = new Map<string, 'active' | 'done'>();
  for (const start of byId.keys()) {
    const path: string[] = [];
    let current: string | undefined = start;
    while (current && byId.has(current) && !state.has(current)) {
      state.set(current, 'active');
      path.push(current);
      const next: string | undefined = byId.get(current)!.row.managerAadObjectId;
      current = next === current ? undefined : next;
    }
    if (current && state.get(current) === 'active') {
      const loop = path.slice(path.indexOf(current));
      const lines = loop.map((id) => byId.get(id)!.line);
      problems.add(
        Math.min(...lines),
        `managers vormen een kring: ${[...loop, current].join(' → ')} (regels ${lines.join(', ')})`,
      );
    }
    for (const id of path) state.set(id, 'done');
  }
}

function samePerson(existing: PersonDocument, desired: Person): boolean {
  return (
    existing.upn === desired.upn &&
    existing.name === desired.name &&
    existing.department === desired.department &&
    existing.function === desired.function &&
    existing.managerAadObjectId === desired.managerAadObjectId &&
    existing.publishSideJobs === desired.publishSideJobs &&
    existing.reportsFinancialInterests === desired.reportsFinancialInterests &&
    existing.roles.length === desired.roles.length &&
    existing.roles.every((role, i) => role === desired.roles[i])
  );
}

function pushTo(map: Map<string, number[]>, key: string, line: number) {
  const lines = map.get(key);
  if (lines) lines.push(line);
  else map.set(key, [line]);
}

function failed(organisationName: string, problems: Problems): ImportReport {
  const errors = problems.sorted();
  const total = problems.total;
  const unlisted = total - errors.length;
  const summary = [
    `Import voor ${organisationName} afgebroken: ${total} ${total === 1 ? 'fout' : 'fouten'} gevonden; er is niets gewijzigd.`,
    ...errors.map((error) => `  ${error.line > 0 ? `regel ${error.line}` : 'bestand'}: ${error.message}`),
    ...(unlisted > 0 ? [`  … en nog ${unlisted} ${unlisted === 1 ? 'fout' : 'fouten'}; alleen de eerste ${MAX_LISTED_ERRORS} staan hierboven. Herstel deze en importeer opnieuw.`] : []),
  ].join('\n');
  return { ok: false, errors, errorCount: total, added: 0, updated: 0, unchanged: 0, deactivated: 0, functionChanges: [], summary };
}
