import { describe, expect, it } from 'vitest';
import { isReportStatement } from '../../src/reports/intent.js';

describe('free text that sounds like a report', () => {
  it.each([
    'ik word gepest door mijn leidinggevende',
    'Ik word al maanden gepest op mijn afdeling',
    'ik denk dat er gefraudeerd wordt',
    'Ik vermoed dat mijn collega steekpenningen aanneemt',
    'mijn teamleider intimideert me',
    'Een collega valt me lastig',
    'ik wil een misstand melden',
    'Er wordt gesjoemeld met de declaraties',
    'I am being bullied by my manager',
    'I suspect fraud in the procurement team',
  ])('offers the intake for "%s"', (text) => expect(isReportStatement(text)).toBe(true));

  it.each([
    'ik word gepest, wat kan ik doen?',
    'ik word gepest wat kan ik doen',
    'Wat moet ik doen als ik word gepest?',
    'Hoe meld ik een vermoeden van een misstand?',
    'Wat is belangenverstrengeling?',
    'Mag ik een cadeau aannemen?',
    'ik heb een kerstpakket gekregen',
    'Bij wie meld ik fraude',
    'What should I do if I am being harassed?',
    'mijn meldingen',
  ])('leaves "%s" to the knowledge answer', (text) => expect(isReportStatement(text)).toBe(false));
});
