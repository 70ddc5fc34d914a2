import { describe, expect, it } from 'vitest';
import { giftDecidedCard, giftDeciderCard, giftFormCard, giftOutcomeCard } from '../../src/gifts/cards.js';
import { GIFT_LIMITS } from '../../src/gifts/form.js';
import { loadAllGiftRules } from '../../src/gifts/rules.js';
import { GiftViews, type GiftRecord } from '../../src/gifts/views.js';
import { loadBuiltInKnowledgeBase } from '../../src/knowledge/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { registerCard, myRecordsCard } from '../../src/workflow/index.js';
import { recordPresentations } from '../../src/workflows.js';
import { expectValidCard } from './support.js';

const knowledge = loadBuiltInKnowledgeBase();
const views = new GiftViews({
  directory: { person: async () => undefined, organisation: async () => undefined },
  knowledge,
  logger: createLogger('silent'),
});

/** The largest notification the form allows, citing the longest sources. */
function largestRecord(decided: boolean): GiftRecord {
  const rules = loadAllGiftRules();
  const sources = [...rules.values()].flatMap((file) => file.rules.flatMap((rule) => rule.sources));
  const rule = rules.get('werksaam')!.rules[0]!;
  const at = new Date('2026-03-10T09:00:00Z');
  return {
    _id: '6c1b1f0e-1f0e-4a4a-8a8a-1b1f0e1f0e1f',
    schemaVersion: 1,
    type: 'gift',
    orgId: 'org',
    year: 2026,
    sequence: 9999,
    reference: 'ABCDE-G-2026-9999',
    idempotencyKey: 'k',
    owner: 'o',
    ownerLang: 'nl',
    assignees: decided ? [] : ['a'],
    participants: ['a'],
    state: decided ? 'kept' : 'awaiting_decision',
    version: 3,
    data: {
      form: {
        description: 'é'.repeat(GIFT_LIMITS.description),
        giver: 'g'.repeat(GIFT_LIMITS.giver),
        giverRelation: 'party_in_procurement_or_negotiation',
        kind: 'money_or_voucher',
        valueEur: 99999.99,
        receivedOn: '2026-03-01',
        deliveredAtHome: 'yes',
        negotiationsOngoing: 'yes',
        expectsSomethingInReturn: 'yes',
        remark: 'r'.repeat(GIFT_LIMITS.remark),
      },
      assessment: { ruleId: rule.id, outcome: rule.outcome, advice: rule.advice, nextSteps: rule.nextSteps, sources },
    },
    route: [],
    step: decided ? null : { id: 'decision', startedAt: at, dueAt: at, remindAt: [at], remindersSent: 0, overdue: false },
    history: decided ? [{ step: 'decision', action: 'decide', outcome: 'approve_keep', actor: 'a', at, fields: { comment: 'c'.repeat(GIFT_LIMITS.comment) } }] : [],
    nextDueAt: decided ? null : at,
    closedAt: decided ? at : null,
    createdAt: at,
    updatedAt: at,
  };
}

describe('gift cards', () => {
  it('stay valid Adaptive Cards 1.5 under 28 KB at the largest input, in both languages', async () => {
    for (const lang of ['nl', 'en'] as const) {
      expectValidCard(giftFormCard({ lang, formId: 'f', receivedRange: { min: '2025-03-10', max: '2026-03-10' } }));
      const open = await views.of(largestRecord(false), ['decide']);
      const decided = await views.of(largestRecord(true));
      for (const card of [giftOutcomeCard(open, lang), giftDeciderCard(open, lang, 'escalated'), giftDecidedCard(decided, lang), giftOutcomeCard(decided, lang)]) expectValidCard(card);
      const many = Array.from({ length: 10 }, () => decided.record);
      expectValidCard(registerCard({ lang, presentation: recordPresentations.get('gift')!, type: 'gift', organisationName: 'Org', page: 1, total: 30, records: many, names: many.map(() => 'n'.repeat(120)) }));
      expectValidCard(myRecordsCard(Array.from({ length: 20 }, () => decided.record), recordPresentations, lang));
    }
  });

  it('offers only the open decisions, the advised one highlighted', async () => {
    const open = await views.of(largestRecord(false), ['decide']);
    const card = giftDeciderCard(open, 'nl');
    expect(card.actions?.map((action) => action.title)).toEqual(['Mag houden', 'Inleveren bij de organisatie', 'Terugsturen naar de gever']);
    open.record.data.assessment.outcome = 'refuse_and_return';
    const advised = giftDeciderCard(open, 'nl').actions?.[2];
    expect(advised).toMatchObject({ title: 'Terugsturen naar de gever (advies)', style: 'positive', data: { decision: 'return_to_sender' } });
    const decided = giftDeciderCard(await views.of(largestRecord(true)), 'nl');
    expect(decided.actions).toBeUndefined();
  });
});
