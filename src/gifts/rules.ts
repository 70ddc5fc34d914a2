import { z } from 'zod';
import { policySourceSchema, type PolicySource } from '../cards/citations.js';
import { loadOrganisationDataFile, loadOrganisationDataFiles, organisationsDirectory } from '../directory/organisations.js';
import { localizedSchema, type Localized } from '../i18n/index.js';
import { choiceCondition, conditionMatches, rangeCondition } from '../workflow/conditions.js';
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

const localized = localizedSchema();

/** A rule's condition on the form (see src/workflow/conditions.ts): every listed field must match. */
const conditionSchema = z
  .object({
    deliveredAtHome: z.enum(yesNo),
    negotiationsOngoing: z.enum(yesNo),
    expectsSomethingInReturn: z.enum(yesNo),
    giverRelation: choiceCondition(giverRelations),
    kind: choiceCondition(giftKinds),
    valueEur: rangeCondition,
  })
  .partial()
  .strict();

export type GiftCondition = z.infer<typeof conditionSchema>;

const sourceSchema = policySourceSchema;

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
export type GiftSource = PolicySource;

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

/** The first matching rule decides; the schema guarantees the last one always matches. */
export function assessGift(rules: GiftRules, form: GiftForm): GiftAssessment {
  const rule = rules.rules.find((candidate) => conditionMatches(candidate.when, form)) ?? rules.rules.at(-1)!;
  return { ruleId: rule.id, outcome: rule.outcome, advice: rule.advice, nextSteps: rule.nextSteps, sources: rule.sources };
}
