import { describe, expect, it } from 'vitest';
import { allowedReceivedRange, parseEuroAmount, parseGiftDecision, parseGiftSubmission } from '../../src/gifts/form.js';
import { giftData } from './support.js';

const now = new Date('2026-03-10T10:00:00+01:00');

describe('gift form validation', () => {
  it('reads Dutch and English amounts, and refuses ambiguous thousands separators', () => {
    expect(parseEuroAmount('49,95')).toBe(49.95);
    expect(parseEuroAmount('49.95')).toBe(49.95);
    expect(parseEuroAmount('€ 120')).toBe(120);
    expect(parseEuroAmount('120,-')).toBe(120);
    expect(parseEuroAmount('1.250')).toBeUndefined();
    expect(parseEuroAmount('veel')).toBeUndefined();
    expect(parseEuroAmount('-5')).toBeUndefined();
  });

  it('allows dates from one year ago up to today, on the Amsterdam calendar', () => {
    expect(allowedReceivedRange(now)).toEqual({ min: '2025-03-10', max: '2026-03-10' });
    expect(allowedReceivedRange(new Date('2026-03-09T23:30:00Z')).max).toBe('2026-03-10');
  });

  it('accepts a complete form', () => {
    const result = parseGiftSubmission(giftData({ valueEur: '12,50', remark: '' }, now), now);
    expect(result.kind).toBe('valid');
    if (result.kind === 'valid') {
      expect(result.value.valueEur).toBe(12.5);
      expect(result.value.remark).toBeUndefined();
    }
  });

  it('gives a Dutch message per field and keeps the values', () => {
    const result = parseGiftSubmission(giftData({ description: '   ', valueEur: 'veel', receivedOn: '2026-03-11', kind: 'bribe' }, now), now);
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.errors.description?.nl).toBe('Dit veld is verplicht.');
    expect(result.errors.valueEur?.nl).toContain('bedrag in euro');
    expect(result.errors.receivedOn?.nl).toContain('niet in de toekomst');
    expect(result.errors.kind?.nl).toContain('Kies een van de mogelijkheden');
    expect(result.values.valueEur).toBe('veel');
    expect(result.errors.giver).toBeUndefined();
    const unanswered = parseGiftSubmission(giftData({ negotiationsOngoing: '' }, now), now);
    expect(unanswered.kind === 'invalid' && unanswered.errors.negotiationsOngoing?.nl).toBe('Dit veld is verplicht.');
  });

  it('refuses dates over a year ago and impossible dates, and amounts out of range', () => {
    const old = parseGiftSubmission(giftData({ receivedOn: '2025-03-09', valueEur: '100000,01' }, now), now);
    expect(old.kind === 'invalid' && old.errors.receivedOn?.nl).toContain('meer dan een jaar');
    expect(old.kind === 'invalid' && old.errors.valueEur?.nl).toContain('tussen 0 en 100.000');
    const impossible = parseGiftSubmission(giftData({ receivedOn: '2026-02-30' }, now), now);
    expect(impossible.kind === 'invalid' && impossible.errors.receivedOn?.nl).toContain('geldige datum');
  });

  it('rejects what did not come from the card: unknown fields, $-keys, oversized text, no formId', () => {
    expect(parseGiftSubmission(giftData({ isAdmin: 'yes' }, now), now).kind).toBe('rejected');
    expect(parseGiftSubmission(giftData({ $where: '1' }, now), now).kind).toBe('rejected');
    expect(parseGiftSubmission(giftData({ msteams: { $set: 1 } }, now), now).kind).toBe('rejected');
    expect(parseGiftSubmission(giftData({ giver: 'x'.repeat(5000) }, now), now).kind).toBe('rejected');
    expect(parseGiftSubmission(giftData({ valueEur: 35 }, now), now).kind).toBe('rejected');
    const { formId: _formId, ...withoutId } = giftData({}, now);
    expect(parseGiftSubmission(withoutId, now).kind).toBe('rejected');
    // Teams' own keys are fine.
    expect(parseGiftSubmission(giftData({ verb: 'gift.submit', msteams: { type: 'task/fetch' } }, now), now).kind).toBe('valid');
  });

  it('caps a description just over its limit as a field error, not a rejection', () => {
    const result = parseGiftSubmission(giftData({ description: 'x'.repeat(501) }, now), now);
    expect(result.kind === 'invalid' && result.errors.description?.nl).toBe('Gebruik hooguit 500 tekens.');
  });

  it('validates decisions strictly', () => {
    const giftId = '6c1b1f0e-1f0e-4a4a-8a8a-1b1f0e1f0e1f';
    expect(parseGiftDecision({ giftId, decision: 'hand_in', comment: 'naar de kerstmarkt' })).toEqual({ giftId, decision: 'hand_in', comment: 'naar de kerstmarkt' });
    expect(parseGiftDecision({ giftId, decision: 'keep_secretly' })).toBeUndefined();
    expect(parseGiftDecision({ giftId, decision: 'hand_in', actor: 'someone-else' })).toBeUndefined();
    expect(parseGiftDecision({ giftId: { $ne: null }, decision: 'hand_in' })).toBeUndefined();
    expect(parseGiftDecision({ giftId, decision: 'hand_in', comment: 'x'.repeat(501) })).toBeUndefined();
  });
});
