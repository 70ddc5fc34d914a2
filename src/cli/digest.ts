import { MongoOutbox, deliveryCollections } from '../delivery/index.js';
import { digestCollections, digestFor, digestReferences, digestText, sendDigest } from '../digests/index.js';
import { Directory, directoryCollections, syncOrganisations } from '../directory/index.js';
import { createLogger } from '../logging/logger.js';
import { parseCommandLine, runAsCommand, withConfiguredDatabase } from './support.js';

const usage = `Gebruik: npm run digest -- --org <id> [--dry-run] [--json]

Maakt het weekoverzicht voor P&O over de periode sinds het vorige verstuurde overzicht (de
laatste 7 dagen als er nog geen was). Met --dry-run wordt het alleen getoond (als tekst, of
met --json als JSON) en niets verstuurd of vastgelegd; zonder --dry-run wordt het in de
outbox gezet en bezorgt de draaiende bot het aan P&O.
Database: MONGODB_URI en MONGODB_DB.`;

async function main(argv: string[]): Promise<number> {
  const values = parseCommandLine(argv, { org: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } }, usage);
  if (!values) return Number(process.exitCode ?? 0);
  const orgId = values.org;
  if (!orgId) {
    console.error(usage);
    return 2;
  }
  return withConfiguredDatabase([...directoryCollections, ...digestCollections, ...deliveryCollections], async (db) => {
    await syncOrganisations(db);
    const directory = new Directory(db);
    const organisation = await directory.organisation(orgId);
    if (!organisation) {
      console.error(`Onbekende organisatie "${orgId}".`);
      return 2;
    }
    const now = new Date();
    if (values['dry-run']) {
      const digest = await digestFor({ db, directory }, organisation, now);
      if (values.json) process.stdout.write(`${JSON.stringify({ ...digest, references: digestReferences(digest) }, null, 2)}\n`);
      else process.stdout.write(`${digestText(digest, organisation.defaultLanguage)}\n\nKenmerken: ${digestReferences(digest).join(', ') || '—'}\n`);
      return 0;
    }
    const outcome = await sendDigest({ db, directory, outbox: new MongoOutbox(db), logger: createLogger('silent') }, organisation, now);
    console.log(`Weekoverzicht voor ${organisation.name} in de outbox gezet: ${outcome}.`);
    return 0;
  });
}

runAsCommand(import.meta.url, main, 'Weekoverzicht mislukt');
