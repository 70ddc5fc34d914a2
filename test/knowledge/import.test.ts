import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPolicy, toStoredDocument } from '../../src/knowledge/importer.js';
import { loadBuiltInDocuments } from '../../src/knowledge/corpus.js';
import { LiveKnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/index.js';
import { POLICY_DOCUMENTS, saveImportedDocument, type StoredPolicyDocument } from '../../src/knowledge/store.js';
import { SCHEMA_VERSION } from '../../src/storage/database.js';
import { openTestDatabase, testDatabaseName, testMongoUri } from '../support/database.js';

const run = promisify(execFile);
const repository = path.resolve(import.meta.dirname, '..', '..');

const TEXT = [
  'Gedragscode testgemeente 2025',
  '',
  '1. Geschenken',
  '',
  '1. Een medewerker mag geen geschenken aannemen met een waarde van meer dan € 25,-.',
  '',
  '2. Een geschenk meldt de medewerker bij zijn leidinggevende.',
  '',
  '2. Nevenwerkzaamheden',
  '',
  '1. Nevenwerkzaamheden meldt de medewerker vooraf bij P&O.',
  '',
  '2. De werkgever kan nevenwerkzaamheden verbieden.',
].join('\n');

async function docxFixture(): Promise<Buffer> {
  const paragraph = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const body = [
    paragraph('Integriteitsregeling testgemeente', 'Heading1'),
    paragraph('Artikel 1 Geschenken', 'Heading2'),
    paragraph('1. Een medewerker mag een geschenk tot € 25 houden.'),
    paragraph('2. Een duurder geschenk gaat terug naar de gever.'),
    paragraph('Artikel 2 Vertrouwenspersoon', 'Heading2'),
    paragraph('De vertrouwenspersoon is bereikbaar via het intranet.'),
  ].join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  zip.file(
    'word/styles.xml',
    '<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function pdfFixture(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = [
    'Regeling nevenwerkzaamheden testgemeente',
    '',
    '3. Nevenwerkzaamheden',
    '1. De medewerker meldt nevenwerkzaamheden vooraf schriftelijk bij zijn leiding-',
    'gevende en bij P&O, ook als die onbetaald zijn.',
    '2. De werkgever kan nevenwerkzaamheden verbieden als het belang van de dienst',
    'geschaad wordt.',
    '4. Geschenken',
    '1. Geschenken met een waarde van meer dan 50 euro meldt de medewerker.',
    '2. Geschenken naar het huisadres worden teruggestuurd.',
  ];
  let y = 800;
  for (const line of lines) {
    if (line !== '') page.drawText(line, { x: 50, y, size: 11, font });
    y -= line === '' ? 24 : 15;
  }
  return Buffer.from(await pdf.save());
}

describe('importing an organisation’s own documents', () => {
  it('reads Markdown with its front matter', async () => {
    const markdown = '---\ntitle: Regeling test\nyear: 2023\n---\n# Regeling test\n\n## Artikel 3 Geschenken\n\n1. Geen geschenken boven € 10.\n\n2. Melden bij HR.\n';
    const policy = await importPolicy(Buffer.from(markdown), 'regeling.md', { orgId: 'testorg' });
    expect(policy).toMatchObject({ id: 'testorg-regeling', title: 'Regeling test', year: 2023, organisation: 'testorg', format: 'md' });
    expect(policy.sections.map((section) => section.label)).toEqual(['Artikel 3 lid 1', 'Artikel 3 lid 2']);
  });

  it('detects articles and leden in plain text', async () => {
    const policy = await importPolicy(Buffer.from(TEXT), 'gedragscode-2025.txt', { orgId: 'testorg' });
    expect(policy.year).toBe(2025);
    expect(policy.sections.map((section) => section.label)).toEqual(['Artikel 1 lid 1', 'Artikel 1 lid 2', 'Artikel 2 lid 1', 'Artikel 2 lid 2']);
    expect(policy.blocks[0]?.text).toBe('Een medewerker mag geen geschenken aannemen met een waarde van meer dan € 25,-.');
  });

  it('reads a Word document with its headings', async () => {
    const policy = await importPolicy(await docxFixture(), 'regeling.docx', { orgId: 'testorg', documentId: 'testorg-regeling' });
    expect(policy.format).toBe('docx');
    expect(policy.title).toBe('Integriteitsregeling testgemeente');
    expect(policy.sections.map((section) => section.label)).toEqual(['Artikel 1 lid 1', 'Artikel 1 lid 2', 'Artikel 2']);
  });

  it('reads a PDF and joins its hyphenated line breaks', async () => {
    const policy = await importPolicy(await pdfFixture(), 'nevenwerk.pdf', { orgId: 'testorg', year: 2024 });
    expect(policy.format).toBe('pdf');
    expect(policy.sections.map((section) => section.label)).toEqual(['Artikel 3 lid 1', 'Artikel 3 lid 2', 'Artikel 4 lid 1', 'Artikel 4 lid 2']);
    expect(policy.blocks[0]?.text).toBe('De medewerker meldt nevenwerkzaamheden vooraf schriftelijk bij zijn leidinggevende en bij P&O, ook als die onbetaald zijn.');
  });

  it('gives every lid a passage of its own, however the source numbers the leden', async () => {
    // With and without a blank line between the articles.
    const leden = (style: (n: number) => string, blank: boolean) =>
      ['Regeling dienstdrones', '', 'Artikel 1 – Gebruik', `${style(1)}Alleen voor taken van de gemeente.`, `${style(2)}Alleen door aangewezen werknemers.`, ...(blank ? [''] : []), 'Artikel 2: Privéopnamen', `${style(1)}Privéopnamen zijn verboden.`, `${style(2)}Opnamen zijn eigendom van de gemeente.`].join('\n');
    const expected = ['Artikel 1 lid 1', 'Artikel 1 lid 2', 'Artikel 2 lid 1', 'Artikel 2 lid 2'];
    for (const style of [(n: number) => `${n}. `, (n: number) => `(${n}) `, (n: number) => `${n}) `, (n: number) => `lid ${n} `]) {
      for (const blank of [true, false]) {
        const policy = await importPolicy(Buffer.from(leden(style, blank)), 'drones.txt', { orgId: 'testorg' });
        expect(policy.sections.map((section) => section.label), style(1)).toEqual(expected);
        expect(policy.blocks[1]?.text).toBe('Alleen door aangewezen werknemers.');
      }
    }
    // Markdown with the leden on consecutive lines.
    const markdown = '# Regeling dienstdrones\n\n## Artikel 1 Gebruik\n1. Alleen voor taken van de gemeente.\n2. Alleen door aangewezen werknemers.\n\n## Artikel 2 Privéopnamen\n1. Privéopnamen zijn verboden.\n2. Opnamen zijn eigendom van de gemeente.\n';
    const fromMarkdown = await importPolicy(Buffer.from(markdown), 'drones.md', { orgId: 'testorg' });
    expect(fromMarkdown.sections.map((section) => section.label)).toEqual(expected);
    // A paragraph that merely starts with a number is no lid.
    const years = await importPolicy(Buffer.from('Regeling\n\nArtikel 1 Looptijd\n\n2024 is het eerste jaar van deze regeling.\n'), 'looptijd.txt', { orgId: 'testorg' });
    expect(years.blocks[0]?.text).toBe('2024 is het eerste jaar van deze regeling.');
  });

  it('refuses unsupported files and invalid ids', async () => {
    await expect(importPolicy(Buffer.from('x'), 'regeling.rtf', { orgId: 'testorg' })).rejects.toThrow(/unsupported/);
    await expect(importPolicy(Buffer.from(TEXT), 'a.txt', { orgId: 'Bad Org' })).rejects.toThrow(/organisation id/);
  });
});

describe('stored documents', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let folder: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    folder = mkdtempSync(path.join(tmpdir(), 'policies-import-'));
  });

  afterAll(async () => {
    await database?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('replaces an earlier version in one write and is answered from at start', async () => {
    const first = await importPolicy(Buffer.from(TEXT), 'gedragscode.txt', { orgId: 'testorg' });
    const stored = (policy: typeof first) => toStoredDocument(policy);
    expect(await saveImportedDocument(database.db, stored(first))).toBe('created');
    const second = await importPolicy(Buffer.from(TEXT.replace('€ 25,-', '€ 15,-')), 'gedragscode.txt', { orgId: 'testorg' });
    expect(await saveImportedDocument(database.db, stored(second))).toBe('replaced');

    const documents = await database.db.collection<StoredPolicyDocument>(POLICY_DOCUMENTS).find({}).toArray();
    expect(documents).toHaveLength(1);
    expect(documents[0]?.schemaVersion).toBe(SCHEMA_VERSION);

    const knowledge = await loadKnowledgeBase(database.db);
    expect(knowledge.documents().map((doc) => doc.id)).toContain('testorg-gedragscode');
    const answer = knowledge.answer({ orgId: 'testorg', text: 'Mag ik een geschenk aannemen?', lang: 'nl' });
    expect(answer.citations[0]?.documentId).toBe('testorg-gedragscode');
    expect(answer.citations.map((citation) => citation.quote).join(' ')).toContain('€ 15,-');
    expect(answer.citations.map((citation) => citation.quote).join(' ')).not.toContain('€ 25,-');
    // Other organisations never see it.
    const other = knowledge.answer({ orgId: 'velsen', text: 'Mag ik een geschenk aannemen?', lang: 'nl' });
    expect(other.citations.map((citation) => citation.documentId)).not.toContain('testorg-gedragscode');
  });

  it('imports through the command line and reports the sections it found', async () => {
    const file = path.join(folder, 'regeling-2025.txt');
    writeFileSync(file, TEXT);
    const dbName = testDatabaseName();
    const env = { ...process.env, MONGODB_URI: testMongoUri(), MONGODB_DB: dbName, NODE_ENV: 'test' };
    const cli = ['--import', 'tsx', path.join(repository, 'src/cli/policies-import.ts'), '--org', 'clitest', file];
    const first = await run(process.execPath, cli, { cwd: repository, env });
    expect(first.stdout).toContain('4 sections');
    expect(first.stdout).toContain('Artikel 2 lid 2');
    expect(first.stdout).toContain('Stored clitest-regeling-2025. Running bots answer from it within 30 seconds.');
    expect(first.stdout).not.toMatch(/restart/i);
    const again = await run(process.execPath, cli, { cwd: repository, env });
    expect(again.stdout).toContain('Replaced the earlier version of clitest-regeling-2025');
    const other = database.client.db(dbName);
    expect(await other.collection(POLICY_DOCUMENTS).countDocuments({ _id: 'clitest-regeling-2025' as never })).toBe(1);
    await other.dropDatabase();
  }, 60_000);
});

describe('a running library follows imports without a restart', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const drones = readFileSync(path.join(import.meta.dirname, 'fixtures', 'regeling-dienstdrones-velsen.txt'));
  const question = { orgId: 'velsen', text: 'Mag ik met de dienstdrone privé filmen?', lang: 'nl' as const };

  beforeAll(async () => {
    database = await openTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('answers from a document imported after start, on every instance, and forgets a removed one', async () => {
    const refreshed: string[][] = [];
    // Two instances sharing one database, as behind a load balancer.
    const options = { refreshIntervalMs: 60_000, onRefresh: (event: { changed: string[] }) => refreshed.push(event.changed) };
    const first = await LiveKnowledgeBase.load(database.db, loadBuiltInDocuments(), options);
    const second = await LiveKnowledgeBase.load(database.db, loadBuiltInDocuments(), options);
    try {
      expect(first.answer(question).citations.map((citation) => citation.documentId)).not.toContain('velsen-regeling-dienstdrones');
      expect(await first.refresh()).toBe(false);

      const policy = await importPolicy(drones, 'regeling-dienstdrones.txt', { orgId: 'velsen', documentId: 'velsen-regeling-dienstdrones' });
      expect(policy.sections.map((section) => section.label)).toEqual(['Artikel 1 lid 1', 'Artikel 1 lid 2', 'Artikel 2 lid 1', 'Artikel 2 lid 2']);
      await saveImportedDocument(database.db, toStoredDocument(policy));

      for (const instance of [first, second]) {
        expect(await instance.refresh()).toBe(true);
        const answer = instance.answer(question);
        expect(answer.outOfScope).toBe(false);
        expect(answer.citations[0]).toMatchObject({ documentId: 'velsen-regeling-dienstdrones', section: 'Artikel 2 lid 1' });
        expect(answer.answer).toMatch(/^Nee\. Artikel 2 lid 1 zegt: “Het is de werknemer verboden om met een dienstdrone privéopnamen te maken/);
        // Another organisation does not see Velsen's regulation.
        expect(instance.answer({ ...question, orgId: 'heerde' }).citations.map((citation) => citation.documentId)).not.toContain('velsen-regeling-dienstdrones');
      }
      // Nothing changed since: no rebuild, and only the changed document was read.
      expect(await first.refresh()).toBe(false);
      expect(refreshed).toEqual([['velsen-regeling-dienstdrones'], ['velsen-regeling-dienstdrones']]);

      await database.db.collection(POLICY_DOCUMENTS).deleteOne({ _id: 'velsen-regeling-dienstdrones' as never });
      expect(await first.refresh()).toBe(true);
      expect(first.documents().map((doc) => doc.id)).not.toContain('velsen-regeling-dienstdrones');
    } finally {
      first.close();
      second.close();
    }
  });

  it('checks by itself at its interval', async () => {
    const live = await LiveKnowledgeBase.load(database.db, loadBuiltInDocuments(), { refreshIntervalMs: 100 });
    try {
      const policy = await importPolicy(drones, 'regeling-dienstdrones.txt', { orgId: 'velsen', documentId: 'velsen-drones-interval' });
      await saveImportedDocument(database.db, toStoredDocument(policy));
      await expect.poll(() => live.documents().some((doc) => doc.id === 'velsen-drones-interval'), { timeout: 5_000, interval: 50 }).toBe(true);
    } finally {
      live.close();
    }
  });
});
