import path from 'node:path';
import { annualFigures, writeAnnualReport } from '../annualReport/index.js';
import { projectRoot } from '../config/paths.js';
import { Directory, directoryCollections, syncOrganisations } from '../directory/index.js';
import { parseCommandLine, runAsCommand, withConfiguredDatabase } from './support.js';

const usage = `Gebruik: npm run report:annual -- --org <id> --year <jjjj> [--out <map>]

Schrijft de jaarverantwoording integriteit (artikel 4, vierde lid, Ambtenarenwet) van een
organisatie over een jaar, met het jaar ervoor ter vergelijking, als Markdown, HTML (met
grafieken) en CSV. Geen namen; aantallen onder 5 staan als "< 5".
Standaardmap: .data/jaarverantwoording. Database: MONGODB_URI en MONGODB_DB.`;

async function main(argv: string[]): Promise<number> {
  const values = parseCommandLine(argv, { org: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } }, usage);
  if (!values) return Number(process.exitCode ?? 0);
  const { org } = values;
  const year = Number(values.year);
  if (!org || !/^\d{4}$/.test(values.year ?? '') || year < 2000 || year > 2100) {
    console.error(usage);
    return 2;
  }
  return withConfiguredDatabase(directoryCollections, async (db) => {
    await syncOrganisations(db);
    const organisation = await new Directory(db).organisation(org);
    if (!organisation) {
      console.error(`Onbekende organisatie "${org}".`);
      return 2;
    }
    const folder = path.resolve(values.out ?? path.join(projectRoot, '.data', 'jaarverantwoording'));
    const files = writeAnnualReport(await annualFigures(db, organisation, year), folder);
    console.log(`Jaarverantwoording ${organisation.name} ${year} geschreven:\n  ${files.markdown}\n  ${files.html}\n  ${files.csv}`);
    return 0;
  });
}

runAsCommand(import.meta.url, main, 'Jaarverantwoording mislukt');
