import type { Db } from 'mongodb';
import type { Organisation, Person } from '../directory/types.js';
import { formatMoment } from '../i18n/format.js';
import { currentSideJobs } from './current.js';

/**
 * The public side-job register (Ambtenarenwet art. 5 lid 1 onder c): for people in designated
 * functions (the directory's `publishSideJobs`), their approved, current side jobs, with only
 * what may be published — name, function, the side job, for whom, paid or unpaid. Nothing else
 * about anyone: not the role, hours, conditions, reasons, dates or who decided.
 */
export interface PublicSideJob {
  name: string;
  function: string;
  sideJob: string;
  forWhom: string;
  paid: boolean;
}

export interface PublicSideJobRegister {
  organisation: { id: string; name: string };
  generatedAt: Date;
  entries: PublicSideJob[];
}

export interface PublicRegisterDirectory {
  organisation(orgId: string): Promise<Organisation | undefined>;
  person(aadObjectId: string): Promise<Person | undefined>;
}

/** The register as it is now; undefined for an organisation the directory does not know. */
export async function publicSideJobRegister(db: Db, directory: PublicRegisterDirectory, orgId: string, now: Date): Promise<PublicSideJobRegister | undefined> {
  const organisation = await directory.organisation(orgId);
  if (!organisation) return undefined;
  const entries: PublicSideJob[] = [];
  for (const [owner, records] of await currentSideJobs(db, organisation.id, now)) {
    const person = await directory.person(owner);
    // Only active people of this organisation whose function is designated today.
    if (!person || person.orgId !== organisation.id || !person.publishSideJobs) continue;
    for (const record of records) {
      const { form } = record.data;
      entries.push({ name: person.name, function: person.function, sideJob: form.activity, forWhom: form.organisation, paid: form.paid === 'yes' });
    }
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.sideJob.localeCompare(b.sideJob, 'nl'));
  return { organisation: { id: organisation.id, name: organisation.name }, generatedAt: now, entries };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const paidText = (paid: boolean) => (paid ? 'betaald' : 'onbetaald');

const updatedAt = (moment: Date) => formatMoment(moment, 'nl');

/** An accessible page that prints well: a captioned table with column headers, Dutch, no scripts. */
export function publicRegisterHtml(register: PublicSideJobRegister, links: { csv: string; json: string }): string {
  const name = escapeHtml(register.organisation.name);
  const rows = register.entries
    .map((entry) => `      <tr><td>${escapeHtml(entry.name)}</td><td>${escapeHtml(entry.function)}</td><td>${escapeHtml(entry.sideJob)}</td><td>${escapeHtml(entry.forWhom)}</td><td>${paidText(entry.paid)}</td></tr>`)
    .join('\n');
  const table = register.entries.length
    ? `<table>
    <caption>Nevenwerkzaamheden van ambtenaren in aangewezen functies bij ${name}</caption>
    <thead>
      <tr><th scope="col">Naam</th><th scope="col">Functie</th><th scope="col">Nevenwerkzaamheid</th><th scope="col">Voor</th><th scope="col">Betaald of onbetaald</th></tr>
    </thead>
    <tbody>
${rows}
    </tbody>
  </table>`
    : '<p>Er zijn op dit moment geen nevenwerkzaamheden om openbaar te maken.</p>';
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Register nevenwerkzaamheden ${name}</title>
  <style>
    body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
    table { border-collapse: collapse; width: 100%; }
    caption { text-align: left; font-weight: bold; margin-bottom: .5rem; }
    th, td { border: 1px solid #767676; padding: .4rem .6rem; text-align: left; vertical-align: top; }
    th { background: #f0f0f0; }
    a { color: #0b4f9c; }
    @media print { body { margin: 0; max-width: none; } nav { display: none; } th { background: none; } tr { break-inside: avoid; } }
  </style>
</head>
<body>
<main>
  <h1>Register nevenwerkzaamheden ${name}</h1>
  <p>Dit register maakt de nevenwerkzaamheden openbaar van ambtenaren in functies waarvoor dat ter bescherming van de integriteit van de openbare dienst nodig is (artikel 5, eerste lid, onderdeel c, Ambtenarenwet 2017). Het toont alleen toegestane nevenwerkzaamheden die nu lopen.</p>
  <p>Bijgewerkt op ${escapeHtml(updatedAt(register.generatedAt))}.</p>
  ${table}
  <nav aria-label="Andere formaten"><p>Dit register als <a href="${escapeHtml(links.csv)}">CSV</a> of <a href="${escapeHtml(links.json)}">JSON</a>.</p></nav>
</main>
</body>
</html>
`;
}

/** A cell that a spreadsheet would run as a formula starts with one of these; it is prefixed with ' so it stays text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Semicolon-separated with a BOM, as Excel in a Dutch locale opens it; every cell quoted and formula-safe. */
export function publicRegisterCsv(register: PublicSideJobRegister): string {
  const lines = [['Naam', 'Functie', 'Nevenwerkzaamheid', 'Voor', 'Betaald of onbetaald'], ...register.entries.map((entry) => [entry.name, entry.function, entry.sideJob, entry.forWhom, paidText(entry.paid)])];
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

export function publicRegisterJson(register: PublicSideJobRegister): { organisation: { id: string; name: string }; generatedAt: string; entries: PublicSideJob[] } {
  return { organisation: register.organisation, generatedAt: register.generatedAt.toISOString(), entries: register.entries };
}
