import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/knowledge/text.js';

describe('Dutch analyser', () => {
  const analyzer = new Analyzer(['Een pakket van een bedrijf, een cadeau, een bijbaan, een bal en een raam.']);

  it('maps diminutives to a base word the lexicon knows', () => {
    expect(analyzer.stem('pakketje')).toBe(analyzer.stem('pakket'));
    expect(analyzer.stem('cadeautje')).toBe(analyzer.stem('cadeau'));
    expect(analyzer.stem('cadeautjes')).toBe(analyzer.stem('cadeau'));
    expect(analyzer.stem('bedrijfje')).toBe(analyzer.stem('bedrijf'));
    expect(analyzer.stem('bijbaantje')).toBe(analyzer.stem('bijbaan'));
    expect(analyzer.stem('balletje')).toBe(analyzer.stem('bal'));
    expect(analyzer.stem('raampje')).toBe(analyzer.stem('raam'));
  });

  it('leaves words alone whose base the lexicon does not know', () => {
    expect(analyzer.stem('meisje')).not.toBe(analyzer.stem('mei'));
    expect(analyzer.stem('pakket')).toBe(analyzer.stem('pakket'));
  });
});
