import { describe, expect, it } from 'vitest';
import { isGiftReport } from '../../src/gifts/intent.js';

const BOUND_MS = 50;

describe('recognising a report of a received gift', () => {
  it.each([
    'ik heb een kerstpakket gekregen van de aannemer',
    'Ik kreeg gisteren een fles wijn',
    'Het pakket is bij mij thuis bezorgd',
    'kerstpakket melden',
    'I received a bottle of wine from a supplier',
    "I've been given tickets by a contractor",
    'A hamper was delivered to my home',
  ])('offers the form for "%s"', (text) => {
    expect(isGiftReport(text)).toBe(true);
  });

  it.each(['mag ik een cadeau aannemen?', 'Wat moet ik doen als ik een kerstpakket heb gekregen?', 'May I accept a gift from a supplier?', 'hoe hoog is de cadeaugrens', 'heb je even'])(
    'leaves the question "%s" to the knowledge base',
    (text) => {
      expect(isGiftReport(text)).toBe(false);
    },
  );

  it('checks the length before anything else', () => {
    const started = performance.now();
    expect(isGiftReport(`ik heb ${'heb '.repeat(130_000)} gekregen`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
  });
});
