import { loadConfig } from '../config/env.js';
import { ReportKeyring, reportCollections, rotateReportKeys } from '../reports/index.js';
import { runAsCommand, withConfiguredDatabase } from './support.js';

const usage = `Gebruik: REPORTS_MASTER_KEY=<nieuwe sleutel> REPORTS_PREVIOUS_MASTER_KEY=<oude sleutel> npm run reports:rotate-key

Verpakt de sleutel van elke melding (en het geheim achter de pseudoniemen) opnieuw met de
nieuwe hoofdsleutel. De inhoud van meldingen blijft ongewijzigd. Zo wissel je van sleutel:
1. maak een nieuwe sleutel: openssl rand -base64 32
2. start de bot met REPORTS_MASTER_KEY=<nieuw> en REPORTS_PREVIOUS_MASTER_KEY=<oud>;
3. voer dit commando uit met dezelfde twee variabelen (mag vaker, ook terwijl de bot draait);
4. haal REPORTS_PREVIOUS_MASTER_KEY weg en start de bot opnieuw.
Database: MONGODB_URI en MONGODB_DB.`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const keyring = ReportKeyring.fromConfig(loadConfig());
  if (!keyring) {
    console.error(`REPORTS_MASTER_KEY ontbreekt.\n\n${usage}`);
    return 2;
  }
  return withConfiguredDatabase(reportCollections, async (db) => {
    const summary = await rotateReportKeys(db, keyring);
    console.log(`Opnieuw verpakt: ${summary.rewrapped}. Al met de huidige sleutel: ${summary.alreadyCurrent}. Niet te openen: ${summary.unreadable}.`);
    if (summary.unreadable > 0) {
      console.error('Sommige sleutels zijn verpakt met een hoofdsleutel die niet is opgegeven. Zet die in REPORTS_PREVIOUS_MASTER_KEY en voer dit opnieuw uit.');
      return 1;
    }
    return 0;
  });
}

runAsCommand(import.meta.url, main, 'Sleutelwissel mislukt');
