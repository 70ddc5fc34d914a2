/**
 * Imports an organisation's own policy document into the knowledge base.
 *
 *   npm run policies:import -- --org velsen gedragscode-2025.pdf
 *   npm run policies:import -- --org heerde --id heerde-integriteitsbeleid-2022 --year 2025 beleid.docx
 *   npm run policies:import -- --org velsen --dry-run --markdown-out /tmp/check.md regeling.txt
 *
 * Reads .txt, .md, .pdf and .docx, detects articles, leden and paragraphs, reports the
 * sections it found and stores the document in MongoDB (MONGODB_URI / MONGODB_DB). An
 * import with the id of an earlier one replaces it in a single write. Running bots (every
 * instance) pick it up by themselves within POLICY_REFRESH_SECONDS, without a restart.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importPolicyFile, toStoredDocument } from '../knowledge/importer.js';
import { policyDocumentsCollection, saveImportedDocument } from '../knowledge/store.js';
import { withConfiguredDatabase } from './support.js';

const USAGE = `Usage: policies:import -- --org <id> [--id <documentId>] [--title <title>] [--year <yyyy>] [--source <text>]
                       [--dry-run] [--markdown-out <file.md>] <file.txt|.md|.pdf|.docx>`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        org: { type: 'string' },
        id: { type: 'string' },
        title: { type: 'string' },
        year: { type: 'string' },
        source: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'markdown-out': { type: 'string' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!values.org || !file || positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const year = values.year === undefined ? undefined : Number.parseInt(values.year, 10);
  if (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > 2100)) {
    process.stderr.write(`--year: expected a year such as 2024 (got "${values.year}")\n`);
    return 2;
  }

  const policy = await importPolicyFile(file, { orgId: values.org, documentId: values.id, title: values.title, year, source: values.source });
  process.stdout.write(`${policy.title} (${policy.id}, ${policy.organisation}, ${policy.year}) from ${policy.fileName} [${policy.format}]\n`);
  process.stdout.write(`${policy.sections.length} sections, ${policy.blocks.length} passages:\n`);
  for (const section of policy.sections) process.stdout.write(`  ${section.label} (${section.characters} characters)\n`);

  if (values['markdown-out']) {
    await writeFile(values['markdown-out'], policy.markdown, 'utf8');
    process.stdout.write(`Markdown written to ${values['markdown-out']}\n`);
  }
  if (values['dry-run']) {
    process.stdout.write('Dry run: nothing stored.\n');
    return 0;
  }

  await withConfiguredDatabase([policyDocumentsCollection], async (db, config) => {
    const outcome = await saveImportedDocument(db, toStoredDocument(policy));
    const pickedUp = `Running bots answer from it within ${config.POLICY_REFRESH_SECONDS} seconds.`;
    process.stdout.write(outcome === 'replaced' ? `Replaced the earlier version of ${policy.id}. ${pickedUp}\n` : `Stored ${policy.id}. ${pickedUp}\n`);
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`policies:import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
