import { describe, expect, it } from 'vitest';
import { loadOrganisationFiles } from '../../src/directory/organisations.js';
import type { GiftForm } from '../../src/gifts/form.js';
import { assessGift, giftRulesSchema, loadAllGiftRules } from '../../src/gifts/rules.js';
import { loadBuiltInKnowledgeBase } from '../../src/knowledge/index.js';

const baseForm: GiftForm = {
  description: 'Fles wijn',
  giver: 'Leverancier',
  giverRelation: 'supplier_or_contractor',
  kind: 'gift',
  valueEur: 30,
  receivedOn: '2026-03-02',
  deliveredAtHome: 'no',
  negotiationsOngoing: 'no',
  expectsSomethingInReturn: 'no',
};

const rules = loadAllGiftRules();
const knowledge = loadBuiltInKnowledgeBase();

describe('gift rules as data', () => {
  it('has a valid rules file for every organisation', () => {
    const organisations = loadOrganisationFiles().map((org) => org.id).sort();
    expect([...rules.keys()].sort()).toEqual(organisations);
  });

  it('cites only sections the knowledge base resolves to a non-empty quote', () => {
    for (const [orgId, file] of rules) {
      for (const rule of file.rules) {
        for (const source of rule.sources) {
          const found = knowledge.section(source.documentId, source.section);
          expect(found?.quote.trim().length ?? 0, `${orgId}/${rule.id}: ${source.documentId} ${source.section}`).toBeGreaterThan(20);
        }
      }
    }
  });

  it.each([
    ['velsen', { negotiationsOngoing: 'yes', valueEur: 10 }, 'negotiations-ongoing', 'refuse_and_return'],
    ['velsen', { expectsSomethingInReturn: 'yes' }, 'return-favour-expected', 'refuse_and_return'],
    ['velsen', { deliveredAtHome: 'yes', valueEur: 20 }, 'delivered-at-home', 'manager_decides'],
    ['velsen', { valueEur: 50.01 }, 'above-50', 'hand_in'],
    ['velsen', { valueEur: 50 }, 'up-to-50', 'may_keep_report'],
    ['heerde', { kind: 'hospitality' }, 'invitation', 'manager_decides'],
    ['heerde', { valueEur: 5 }, 'always-discuss', 'manager_decides'],
    ['werksaam', { negotiationsOngoing: 'yes' }, 'negotiations-ongoing', 'manager_decides'],
    ['werksaam', { expectsSomethingInReturn: 'yes' }, 'return-favour-expected', 'manager_decides'],
    ['werksaam', { valueEur: 75 }, 'above-50', 'manager_decides'],
    ['werksaam', { valueEur: 50 }, 'up-to-50', 'may_keep_report'],
    ['heemskerk', { valueEur: 1 }, 'employer-permission', 'manager_decides'],
  ] as const)('%s: %o → %s (%s)', (orgId, overrides, ruleId, outcome) => {
    const assessment = assessGift(rules.get(orgId)!, { ...baseForm, ...overrides } as GiftForm);
    expect(assessment.ruleId).toBe(ruleId);
    expect(assessment.outcome).toBe(outcome);
  });

  it('refuses a file whose last rule has a condition, or with an unknown field or operator', () => {
    const rule = { id: 'any-gift', when: { valueEur: { gt: 50 } }, outcome: 'hand_in', advice: { nl: 'a', en: 'a' }, nextSteps: { nl: 'b', en: 'b' }, sources: [{ documentId: 'doc', section: 'Artikel 1' }] };
    expect(giftRulesSchema.safeParse({ orgId: 'demo', rules: [rule] }).success).toBe(false);
    expect(giftRulesSchema.safeParse({ orgId: 'demo', rules: [{ ...rule, when: { colour: 'red' } }] }).success).toBe(false);
    expect(giftRulesSchema.safeParse({ orgId: 'demo', rules: [{ ...rule, when: { valueEur: { above: 50 } } }] }).success).toBe(false);
    expect(giftRulesSchema.safeParse({ orgId: 'demo', rules: [{ ...rule, when: {}, outcome: 'keep_quietly' }] }).success).toBe(false);
    expect(giftRulesSchema.safeParse({ orgId: 'demo', rules: [{ ...rule, when: {} }] }).success).toBe(true);
  });
});
