import { z } from 'zod';
import { loadOrganisationDataFile, loadOrganisationDataFiles } from '../directory/dataFiles.js';
import { organisationsDirectory } from '../directory/organisations.js';
import type { Localized } from '../i18n/index.js';
import { giftKinds, giverRelations, yesNo, type GiftDecision, type GiftForm } from './form.js';

/**
 * What a rule concludes. A closed list because the product acts on it (the suggested decision,
 * the label); the words shown to people come from each organisation's file.
 */
export const giftOutcomes = ['refuse_and_return', 'may_keep_report', 'hand_in', 'manager_decides'] as const;
export type GiftOutcome = (typeof giftOutcomes)[number];

/** The decision a manager is pointed to for each outcome; "manager_decides" points nowhere. */
export const suggestedDecision: Record<GiftOutcome, GiftDecision | undefined> = {
  refuse_and_return: 'return_to_sender',
  may_keep_report: 'approve_keep',
  hand_in: 'hand_in',
  manager_decides: undefined,
};

const localized = z.object({ nl: z.string().trim().min(1).max(1000), en: z.string().trim().min(1).max(1000) }).strict();

const choiceCondition = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.object({ in: z.array(z.enum(values)).min(1) }).strict()]);

const amountCondition = z
  .object({ gt: z.number(), gte: z.number(), lt: z.number(), lte: z.number() })
  .partial()
  .strict()
  .refine((bounds) => Object.keys(bounds).length > 0, 'give at least one of gt, gte, lt, lte');

/**
 * A rule's condition: every listed form field must match (AND). Yes/no fields and choices
 * compare by value (`"negotiationsOngoing": "yes"`, `"kind": { "in": [...] }`); the amount by
 * bounds (`"valueEur": { "gt": 50 }`). An empty condition always matches.
 */
const conditionSchema = z
  .object({
    deliveredAtHome: z.enum(yesNo),
    negotiationsOngoing: z.enum(yesNo),
    expectsSomethingInReturn: z.enum(yesNo),
    giverRelation: choiceCondition(giverRelations),
    kind: choiceCondition(giftKinds),
    valueEur: amountCondition,
  })
  .partial()
  .strict();

export type GiftCondition = z.infer<typeof conditionSchema>;

const sourceSchema = z
  .object({
    documentId: z.string().regex(/^[a-z0-9-]{2,80}$/),
    /** A section label as the knowledge base cites it, e.g. "Artikel 5 lid 2". */
    section: z.string().trim().min(1).max(200),
  })
  .strict();

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{2,60}$/, 'lower-case letters, digits, _ or -'),
    when: conditionSchema,
    outcome: z.enum(giftOutcomes),
    /** What the employee should do, in plain language. */
    advice: localized,
    /** What happens next after reporting. */
    nextSteps: localized,
    sources: z.array(sourceSchema).min(1),
  })
  .strict();

export const giftRulesSchema = z
  .object({
    orgId: z.string().regex(/^[a-z0-9-]{2,40}$/),
    /** Checked in order; the first rule whose condition matches decides. */
    rules: z.array(ruleSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = file.rules.map((rule) => rule.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['rules'], message: 'rule ids must be unique' });
    const last = file.rules.at(-1);
    if (last && Object.keys(last.when).length > 0) {
      ctx.addIssue({ code: 'custom', path: ['rules', file.rules.length - 1, 'when'], message: 'the last rule must have an empty condition so every gift gets advice' });
    }
  });

export type GiftRules = z.infer<typeof giftRulesSchema>;
export type GiftRule = GiftRules['rules'][number];
export type GiftSource = z.infer<typeof sourceSchema>;

/** The advice given at submission, kept on the record: later rule changes do not rewrite history. */
export interface GiftAssessment {
  ruleId: string;
  outcome: GiftOutcome;
  advice: Localized;
  nextSteps: Localized;
  sources: GiftSource[];
}

export const GIFT_RULES_FILE = 'gift-rules.json';

export function loadGiftRulesFile(file: string, expectedOrgId?: string): GiftRules {
  return loadOrganisationDataFile(file, giftRulesSchema, expectedOrgId);
}

/** Every organisation's rules, validated; a bad file stops the start-up rather than give wrong advice later. */
export function loadAllGiftRules(directory: string = organisationsDirectory()): Map<string, GiftRules> {
  return loadOrganisationDataFiles(GIFT_RULES_FILE, giftRulesSchema, directory);
}

export function conditionMatches(condition: GiftCondition, form: GiftForm): boolean {
  for (const [field, expected] of Object.entries(condition) as [keyof GiftCondition, unknown][]) {
    if (field === 'valueEur') {
      const bounds = expected as { gt?: number; gte?: number; lt?: number; lte?: number };
      const value = form.valueEur;
      if (bounds.gt !== undefined && !(value > bounds.gt)) return false;
      if (bounds.gte !== undefined && !(value >= bounds.gte)) return false;
      if (bounds.lt !== undefined && !(value < bounds.lt)) return false;
      if (bounds.lte !== undefined && !(value <= bounds.lte)) return false;
      continue;
    }
    const actual = form[field];
    if (typeof expected === 'string' ? actual !== expected : !(expected as { in: string[] }).in.includes(actual)) return false;
  }
  return true;
}

/** The first matching rule decides; the schema guarantees the last one always matches. */
export function assessGift(rules: GiftRules, form: GiftForm): GiftAssessment {
  const rule = rules.rules.find((candidate) => conditionMatches(candidate.when, form)) ?? rules.rules.at(-1)!;
  return { ruleId: rule.id, outcome: rule.outcome, advice: rule.advice, nextSteps: rule.nextSteps, sources: rule.sources };
}
