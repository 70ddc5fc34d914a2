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
    "I've been sexually harassed at work",
    'ik heb een vermoeden van fraude bij inkoop',
    'Mijn leidinggevende scheldt me uit',
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
    'ik denk dat ik een cadeau moet melden',
    'fraude',
  ])('leaves "%s" to the knowledge answer', (text) => expect(isReportStatement(text)).toBe(false));
});

describe('the scan is linear', () => {
  it('decides on long input at once', () => {
    const started = performance.now();
    for (const unit of ['ik denk ', 'ik word ', 'i think ', ' ']) isReportStatement(unit.repeat(60_000));
    expect(isReportStatement(`ik word gepest ${'x'.repeat(600)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

