import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanExtractedText } from '../../src/knowledge/cleaner.js';
import { loadBuiltInDocuments, organisationsRoot } from '../../src/knowledge/corpus.js';
import { loadBuiltInKnowledgeBase } from '../../src/knowledge/index.js';
import { splitFrontMatter } from '../../src/knowledge/structure.js';

const seeds = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');

const EXPECTED = [
  ['heemskerk-integriteitsbeleid-2024', 'heemskerk', 2024],
  ['heerde-integriteitsbeleid-2022', 'heerde', 2022],
  ['velsen-gedragscode', 'velsen', 2020],
  ['werksaam-integriteitsbeleid-2021', 'werksaam', 2021],
  ['ambtenarenwet-2017', 'national', 2017],
  ['raadsvragen-integriteitsbeleid', 'background', 2019],
] as const;

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}€]+/gu) ?? [];
}

function markdownWords(file: string): string[] {
  return words(splitFrontMatter(readFileSync(file, 'utf8')).body.replace(/<!--[\s\S]*?-->/g, ''));
}

describe('built-in policy library', () => {
  const documents = loadBuiltInDocuments();

  it('has the six fixed documents, each with title, organisation, year and source', () => {
    const byId = new Map(documents.map((doc) => [doc.info.id, doc.info]));
    for (const [id, organisation, year] of EXPECTED) {
      const info = byId.get(id);
      expect(info, id).toBeDefined();
      expect(info?.organisation).toBe(organisation);
      expect(info?.year).toBe(year);
      expect(info?.title.length).toBeGreaterThan(5);
      expect(info?.source.length).toBeGreaterThan(10);
    }
  });

  it('has no extraction artefacts left', () => {
    for (const doc of documents) {
      for (const block of doc.blocks) {
        expect(block.text, `${doc.info.id} ${block.label}`).not.toMatch(
          /afbeelding binnen de regeling|\bIn tegriteit\b|\bA rtikel\b|\b(han|ver|geor|situ|ge|informa|leiding|overheids|inte|integri|om|be|organi|telewer|ont|meldings|functioneringsge)- \p{Ll}/u,
        );
      }
    }
  });

  it('exposes the section labels the gift rules refer to', () => {
    const knowledge = loadBuiltInKnowledgeBase();
    expect(knowledge.section('velsen-gedragscode', 'Artikel 5 lid 2')?.quote).toContain('€ 50,--');
    expect(knowledge.section('velsen-gedragscode', 'Artikel 5 lid 4')?.quote).toContain('kan de werknemer dit behouden');
    expect(knowledge.section('ambtenarenwet-2017', 'Artikel 8 lid 1')?.quote).toContain('giften, vergoedingen, beloningen en beloften');
    expect(knowledge.section('werksaam-integriteitsbeleid-2021', '§ 3.2.1.5 Geschenken, giften en diensten')?.quote).toContain('max € 50,-');
    expect(knowledge.section('heerde-integriteitsbeleid-2022', 'Gedragscode › Giften, relatiegeschenken en uitnodigingen')?.quote).toContain('overleggen met hun manager');
    // Loose spellings of a reference find the same text.
    expect(knowledge.section('velsen-gedragscode', 'art. 5 lid 2')?.section).toBe('Artikel 5 lid 2');
    expect(knowledge.section('werksaam-integriteitsbeleid-2021', '3.2.1.5')?.quote).toContain('max € 50,-');
    expect(knowledge.section('velsen-gedragscode', 'Artikel 5')?.quote).toMatch(/^1\. Het is de werknemer[\s\S]*5\. Geschenken/);
    expect(knowledge.section('velsen-gedragscode', 'Artikel 99')).toBeUndefined();
  });

  it.runIf(existsSync(seeds))('keeps every word of the cleaned seed texts', () => {
    const root = organisationsRoot();
    const pairs: [string, string[]][] = [
      ['velsen-gedragscode-ambtelijke-integriteit.txt', ['velsen/policies/velsen-gedragscode.md']],
      ['heemskerk-integriteitsbeleid-2024.txt', ['heemskerk/policies/heemskerk-integriteitsbeleid-2024.md']],
      ['heerde-integriteitsbeleid-2022.txt', ['heerde/policies/heerde-integriteitsbeleid-2022.md']],
      ['raadsvragen-integriteitsbeleid.txt', ['background/policies/raadsvragen-integriteitsbeleid.md']],
    ];
    for (const [seed, files] of pairs) {
      const expected = words(cleanExtractedText(readFileSync(path.join(seeds, seed), 'utf8')));
      const actual = files.flatMap((file) => markdownWords(path.join(root, file)));
      // Velsen's explanatory part gets one editorial heading ("Toelichting"); nothing else differs.
      expect(actual.filter((word) => word !== 'Toelichting'), seed).toEqual(expected);
    }
    // WerkSaam's main text and its annex (the Ambtenarenwet) together, without the publication header.
    const werksaam = words(cleanExtractedText(readFileSync(path.join(seeds, 'werksaam-integriteitsbeleid-2021.txt'), 'utf8')));
    const main = markdownWords(path.join(root, 'werksaam/policies/werksaam-integriteitsbeleid-2021.md'));
    const annex = markdownWords(path.join(root, 'national/policies/ambtenarenwet-2017.md'));
    expect(werksaam.join(' ')).toContain(main.slice(5).join(' '));
    expect(werksaam.join(' ')).toContain(annex.slice(8).join(' '));
  });
});
