import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigurationError } from '../config/env.js';
import { deliveryCollections, MongoOutbox } from '../delivery/index.js';
import { Directory, directoryCollections, importPeople, syncOrganisations } from '../directory/index.js';
import { createLogger } from '../logging/logger.js';
import { askSideJobReconfirmationAfterFunctionChange, loadAllSideJobRules } from '../sidejobs/index.js';
import { withConfiguredDatabase } from './support.js';

const usage = `Gebruik: npm run directory:import -- --org <id> [--dry-run] <bestand.csv>

Leest een export uit een HR-systeem (bijvoorbeeld AFAS) met een kopregel met de kolommen
aadObjectId, upn, name, department, function, managerAadObjectId, roles,
publishSideJobs en reportsFinancialInterests (in willekeurige volgorde, gescheiden door ; of ,).
Mensen van de organisatie die niet in het bestand staan, worden op inactief gezet.
Wie een andere functie krijgt en toegestane nevenwerkzaamheden heeft, wordt in Teams gevraagd
die opnieuw te bevestigen.
Met --dry-run wordt alleen gecontroleerd en niets opgeslagen.
Database: MONGODB_URI en MONGODB_DB.`;

/** HR systems on Windows still write Windows-1252 now and then; UTF-8 is tried first. */
function decode(bytes: Buffer): { text: string; legacy: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), legacy: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), legacy: true };
  }
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { org: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (args.values.help) {
    console.log(usage);
    return 0;
  }
  const orgId = args.values.org;
  const file = args.positionals[0];
  if (!orgId || !file || args.positionals.length > 1) {
    console.error(usage);
    return 2;
  }

  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`Kan ${file} niet lezen: ${(error as Error).message}`);
    return 2;
  }
  const { text, legacy } = decode(bytes);
  if (legacy) console.log(`${file} is geen geldige UTF-8; gelezen als Windows-1252.`);

  return withConfiguredDatabase([...directoryCollections, ...deliveryCollections], async (db) => {
    await syncOrganisations(db);
    const report = await importPeople(db, orgId, text, { dryRun: args.values['dry-run'] });
    (report.ok ? console.log : console.error)(report.summary);
    if (report.functionChanges.length > 0) {
      // The running bot's delivery worker sends what this leaves in the outbox.
      const services = { db, directory: new Directory(db), outbox: new MongoOutbox(db), logger: createLogger('warn'), rules: loadAllSideJobRules() };
      const { asked } = await askSideJobReconfirmationAfterFunctionChange(services, report.functionChanges, new Date());
      if (asked > 0) console.log(`${asked} ${asked === 1 ? 'persoon is' : 'personen zijn'} met een andere functie gevraagd de nevenwerkzaamheden opnieuw te bevestigen.`);
    }
    return report.ok ? 0 : 1;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigurationError) console.error(error.message);
    else console.error(`Import mislukt: ${(error as Error).message ?? String(error)}`);
    process.exitCode = 2;
  },
);
