import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { annualFigures, writeAnnualReport } from '../annualReport/index.js';
import { ConfigurationError } from '../config/env.js';
import { projectRoot } from '../config/paths.js';
import { Directory, syncOrganisations } from '../directory/index.js';
import { withConfiguredDatabase } from './support.js';

const usage = `Gebruik: npm run report:annual -- --org <id> --year <jjjj> [--out <map>]

Schrijft de jaarverantwoording integriteit (artikel 4, vierde lid, Ambtenarenwet) van een
organisatie over een jaar, met het jaar ervoor ter vergelijking, als Markdown, HTML (met
grafieken) en CSV. Geen namen; aantallen onder 5 staan als "< 5".
Standaardmap: .data/jaarverantwoording. Database: MONGODB_URI en MONGODB_DB.`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { org: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (args.values.help) {
    console.log(usage);
    return 0;
  }
  const { org } = args.values;
  const year = Number(args.values.year);
  if (!org || !/^\d{4}$/.test(args.values.year ?? '') || year < 2000 || year > 2100) {
    console.error(usage);
    return 2;
  }
  return withConfiguredDatabase([], async (db) => {
    await syncOrganisations(db);
    const organisation = await new Directory(db).organisation(org);
    if (!organisation) {
      console.error(`Onbekende organisatie "${org}".`);
      return 2;
    }
    const folder = path.resolve(args.values.out ?? path.join(projectRoot, '.data', 'jaarverantwoording'));
    const files = writeAnnualReport(await annualFigures(db, organisation, year), folder);
    console.log(`Jaarverantwoording ${organisation.name} ${year} geschreven:\n  ${files.markdown}\n  ${files.html}\n  ${files.csv}`);
    return 0;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof ConfigurationError) console.error(error.message);
      else console.error(`Jaarverantwoording mislukt: ${(error as Error).message ?? String(error)}`);
      process.exitCode = 1;
    },
  );
}
