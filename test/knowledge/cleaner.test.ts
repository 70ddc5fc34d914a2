import { describe, expect, it } from 'vitest';
import { cleanExtractedText } from '../../src/knowledge/cleaner.js';
import { parsePolicyMarkdown, structureToMarkdown } from '../../src/knowledge/structure.js';

/** A PDF export as the seeds have it: every printed line followed by an empty line. */
function doubleSpaced(lines: string[]): string {
  return lines.map((line) => `${line} `).join('\n\n');
}

describe('cleanExtractedText', () => {
  it('joins a word hyphenated across a line break', () => {
    const text = doubleSpaced([
      'Melding aan de vertrouwenspersoon als bedoeld in artikel 10 van deze regeling van niet-integer han-',
      'delen, de dreiging hiervan of twijfel hierover en nog wat tekst om de regel vol te maken hier.',
    ]);
    expect(cleanExtractedText(text)).toContain('niet-integer handelen, de dreiging');
  });

  it('keeps the hyphen of a Dutch coordination such as "wet- en regelgeving"', () => {
    const text = doubleSpaced([
      'Het handelen in strijd met deze gedragscode en de daaraan gekoppelde regelingen en wet- en',
      'regelgeving.',
    ]);
    expect(cleanExtractedText(text)).toContain('regelingen en wet- en regelgeving.');
  });

  it('keeps "e-mail" whole when the line breaks after "e-"', () => {
    const text = doubleSpaced([
      'Het doel is het vinden van een goede balans tussen verantwoord gebruik van telefoon, internet en e-',
      'mail, bescherming van de privacy van werknemers.',
      'Regeling gebruik telefoon, internet en e-mail',
    ]);
    expect(cleanExtractedText(text)).toContain('internet en e-mail, bescherming');
  });

  it('repairs a word split by a stray space', () => {
    const text = 'In tegriteit:\n\nDe mate waarin de ambtenaar vasthoudt aan normen.\n\nIntegriteit is belangrijk.\n\nA rtikel 7\n\nArtikel 8';
    const cleaned = cleanExtractedText(text);
    expect(cleaned).toContain('Integriteit:');
    expect(cleaned).toContain('Artikel 7');
    expect(cleaned).not.toMatch(/In tegriteit|A rtikel/);
  });

  it('removes image placeholders and page-break spacing', () => {
    const text = 'Giften\n\nafbeelding binnen de regeling\n\n \n\n   Medewerkers overleggen met hun manager.   \n\f\nNevenfuncties';
    const cleaned = cleanExtractedText(text);
    expect(cleaned).not.toContain('afbeelding');
    expect(cleaned.split('\n\n')).toEqual(['Giften', 'Medewerkers overleggen met hun manager.', 'Nevenfuncties']);
  });

  it('turns web bullets with their label into list items', () => {
    const text = 'Het MT is verantwoordelijk voor het (laten):\n\n • a.\n\n  vaststellen van integriteitsbeleid.\n\n • b.\n\n  organisatiebreed uitdragen van het integriteitsbeleid.';
    expect(cleanExtractedText(text)).toContain('a. vaststellen van integriteitsbeleid.');
  });
});

describe('structure detection', () => {
  const velsenLike = [
    'Gedragscode ambtelijke integriteit',
    '5. Geschenken en uitnodigingen',
    '1. Het is de werknemer niet toegestaan geschenken aan te nemen als een tegenprestatie wordt verwacht.',
    '2. Geschenken met een waarde van meer dan € 50,-- meldt de werknemer bij zijn leidinggevende.',
    '7. Nevenwerkzaamheden',
    '1. De ambtenaar doet opgave van nevenactiviteiten.',
    '2. De werkgever kan nevenwerkzaamheden verbieden.',
  ].join('\n\n');

  it('detects numbered articles with leden and labels them "Artikel n lid m"', () => {
    const { markdown, articles } = structureToMarkdown(velsenLike);
    expect(articles).toBe(true);
    const parsed = parsePolicyMarkdown(`---\narticles: true\n---\n${markdown}`);
    expect(parsed.blocks.map((block) => block.label)).toEqual(['Artikel 5 lid 1', 'Artikel 5 lid 2', 'Artikel 7 lid 1', 'Artikel 7 lid 2']);
    expect(parsed.blocks[1]?.text).toBe('Geschenken met een waarde van meer dan € 50,-- meldt de werknemer bij zijn leidinggevende.');
  });

  it('reads "Artikel" headings and paragraph numbers', () => {
    const parsed = parsePolicyMarkdown(
      [
        '# Regeling',
        '## § 3. Verplichtingen',
        '### Artikel 8',
        '1. Het is de ambtenaar niet toegestaan:',
        '   e. giften aan te nemen.',
        '',
        '2. De ambtenaar doet opgave.',
        '## 3.2.1.5 Geschenken, giften en diensten',
        'Voor de richtlijnen verwijzen wij naar de gedragscode.',
      ].join('\n'),
    );
    expect(parsed.blocks.map((block) => block.label)).toEqual(['Artikel 8 lid 1', 'Artikel 8 lid 2', '§ 3.2.1.5 Geschenken, giften en diensten']);
    expect(parsed.blocks[0]?.text).toContain('e. giften aan te nemen.');
  });

  it('labels unnumbered sections by their heading path', () => {
    const parsed = parsePolicyMarkdown('# Beleid\n\n## 3. Gedragscode\n\n### Giften, relatiegeschenken en uitnodigingen\n\nOverleg met je manager.\n');
    expect(parsed.blocks[0]?.label).toBe('Gedragscode › Giften, relatiegeschenken en uitnodigingen');
  });
});
