import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Db } from 'mongodb';
import { ConfigurationError } from '../config/env.js';
import { Directory, directoryCollections } from '../directory/index.js';
import { escapeControls, terminalSafeJson } from '../text/controls.js';
import { withConfiguredDatabase } from './support.js';
import { recordPresentations } from '../workflows.js';
import { recordsCollection } from '../workflow/store.js';

const usage = `Gebruik: npm run records -- --org <id> [--type gift|sidejob|finance] [--json]

Toont het register van een organisatie: alle meldingen van een soort (standaard: gift),
oudste eerst, met status (en bij nevenwerkzaamheden periode en voorwaarden).
Zonder --json als tabel; met --json één JSON-object per regel.
Soorten: ${[...recordPresentations.keys()].join(', ')}.
Database: MONGODB_URI en MONGODB_DB.`;

export interface ExportOptions {
  orgId: string;
  type: string;
  json: boolean;
}

/** The register as lines of text: a table for people, JSON lines for other tools. */
export async function exportRecords(db: Db, options: ExportOptions): Promise<string[]> {
  const presentation = recordPresentations.get(options.type);
  if (!presentation) throw new Error(`Onbekende soort "${escapeControls(options.type)}". Soorten: ${[...recordPresentations.keys()].join(', ')}.`);
  const directory = new Directory(db);
  if (!(await directory.organisation(options.orgId))) throw new Error(`Onbekende organisatie "${escapeControls(options.orgId)}".`);
  const names = new Map<string, string>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) names.set(id, (await directory.person(id))?.name ?? '—');
    return names.get(id)!;
  };
  const records = recordsCollection(db).find({ orgId: options.orgId, type: options.type }).sort({ year: 1, sequence: 1 });
  const lines: string[] = [];
  const rows: string[][] = [];
  for await (const record of records) {
    const ownerName = await nameOf(record.owner);
    // Stored text may predate the edge's cleaning (or come from elsewhere): what reaches the
    // administrator's terminal never carries a control character.
    if (options.json) lines.push(terminalSafeJson(presentation.exportRow(record, ownerName)));
    else {
      const row = [record.reference, record.createdAt.toISOString().slice(0, 10), ownerName, presentation.summary(record, 'nl'), presentation.stateLabel(record, 'nl')];
      rows.push((presentation.detail ? [...row, presentation.detail(record, 'nl')] : row).map(escapeControls));
    }
  }
  if (options.json) return lines;
  if (rows.length === 0) return [`Geen meldingen van soort ${options.type} voor ${options.orgId}.`];
  const header = ['Kenmerk', 'Datum', 'Medewerker', 'Omschrijving', 'Status', ...(presentation.detail ? ['Details'] : [])];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(format)];
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: { org: { type: 'string' }, type: { type: 'string', default: 'gift' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (args.values.help) {
    console.log(usage);
    return 0;
  }
  if (!args.values.org) {
    console.error(usage);
    return 2;
  }
  const query = { orgId: args.values.org, type: args.values.type, json: args.values.json };
  return withConfiguredDatabase(directoryCollections, async (db) => {
    for (const line of await exportRecords(db, query)) process.stdout.write(`${line}\n`);
    return 0;
  });
}

// Only when run as the command, so tests can import exportRecords.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof ConfigurationError) console.error(error.message);
      else console.error(`Register ophalen mislukt: ${(error as Error).message ?? String(error)}`);
      process.exitCode = 1;
    },
  );
}
