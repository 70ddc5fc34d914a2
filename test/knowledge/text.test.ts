import { describe, expect, it } from 'vitest';
import { Analyzer, fold } from '../../src/knowledge/text.js';

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

describe('folding', () => {
  it('writes out chat shorthand, so a question typed as people chat meets the words of one written out', () => {
    expect(fold("mag ik ff in 't systeem kijken? kheb m'n pasje nog")).toBe('mag ik even in het systeem kijken? ik heb mijn pasje nog');
    expect(fold('is t gwn ok als k n cadeautje hou')).toBe('is het gewoon ok als ik een cadeautje hou');
  });

  it('leaves abbreviations, compounds and addresses alone', () => {
    expect(fold('n.v.t.')).toBe('n.v.t.');
    expect(fold('een T-shirt')).toBe('een t-shirt');
    expect(fold('k@gemeente.nl')).toBe('k@gemeente.nl');
  });
});
