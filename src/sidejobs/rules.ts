import { z } from 'zod';
import { policySourceSchema, type PolicySource } from '../cards/citations.js';
import { yesNo } from '../cards/forms.js';
import { loadOrganisationDataFiles, organisationsDirectory } from '../directory/organisations.js';
import { localizedSchema, type Localized } from '../i18n/index.js';
import { choiceCondition, conditionMatches, rangeCondition } from '../workflow/conditions.js';
import { chainShapeProblems, chainStepSchema } from './chain.js';
import { relationsToEmployer, type SideJobForm } from './form.js';

export const SIDE_JOB_RULES_FILE = 'sidejob-rules.json';

const localized = localizedSchema();

/** A text with the sections it rests on; the card quotes them. */
const citedText = z.object({ text: localized, sources: z.array(policySourceSchema).min(1) }).strict();

/** When a concern applies (see src/workflow/conditions.ts): every listed answer must match. */
const conditionSchema = z
  .object({
    relationToEmployer: choiceCondition(relationsToEmployer),
    paid: z.enum(yesNo),
    duringWorkingHours: z.enum(yesNo),
    withinRegion: z.enum(yesNo),
    hoursPerWeek: rangeCondition,
  })
  .partial()
  .strict()
  .refine((condition) => Object.keys(condition).length > 0, 'a concern needs a condition');

const concernSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{2,60}$/, 'lower-case letters, digits, _ or -'),
    when: conditionSchema,
    /** What may conflict and why, written to the employee. */
    text: localized,
    sources: z.array(policySourceSchema).min(1),
  })
  .strict();

/**
 * An organisation's side-job rules (`src/organisations/<id>/sidejob-rules.json`): which duty
 * applies, what raises a possible conflict, who decides (the chain of steps), what publication
 * means for designated functions, and the month of the yearly reconfirmation.
 */
export const sideJobRulesSchema = z
  .object({
    orgId: z.string().regex(/^[a-z0-9-]{2,40}$/),
    /** The duty to report (Ambtenarenwet art. 8 lid 2 onder a, and the organisation's own article). */
    duty: citedText,
    /** Said to people whose function is designated for publication (the directory's publishSideJobs). */
    publication: citedText,
    /** Every concern whose condition matches is named; none means no conflict is apparent. */
    concerns: z.array(concernSchema),
    noConcerns: localized,
    /** Who decides, as the first assessment says it, with the sections that say so. */
    decider: citedText,
    chain: z.array(chainStepSchema).min(1).max(6),
    /** 1-12: the month in which everyone with an approved side job is asked whether it is still current. */
    reconfirmationMonth: z.number().int().min(1).max(12),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = file.concerns.map((concern) => concern.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['concerns'], message: 'concern ids must be unique' });
    for (const problem of chainShapeProblems(file.chain)) ctx.addIssue({ code: 'custom', path: ['chain'], message: problem });
  });

export type SideJobRules = z.infer<typeof sideJobRulesSchema>;

export interface CitedText {
  text: Localized;
  sources: PolicySource[];
}

export interface SideJobConcern extends CitedText {
  id: string;
}

/** The first assessment, given at once and kept on the record: later rule changes do not rewrite it. */
export interface SideJobAssessment {
  outcome: 'no_concerns' | 'possible_conflict';
  duty: CitedText;
  concerns: SideJobConcern[];
  noConcerns: Localized;
  /** Only for designated functions. */
  publication?: CitedText;
  decider: CitedText;
}

export function loadAllSideJobRules(directory: string = organisationsDirectory()): Map<string, SideJobRules> {
  return loadOrganisationDataFiles(SIDE_JOB_RULES_FILE, sideJobRulesSchema, directory);
}

export function assessSideJob(rules: SideJobRules, form: SideJobForm, designatedForPublication: boolean): SideJobAssessment {
  const concerns = rules.concerns.filter((concern) => conditionMatches(concern.when, form)).map(({ id, text, sources }) => ({ id, text, sources }));
  return {
    outcome: concerns.length > 0 ? 'possible_conflict' : 'no_concerns',
    duty: rules.duty,
    concerns,
    noConcerns: rules.noConcerns,
    ...(designatedForPublication ? { publication: rules.publication } : {}),
    decider: rules.decider,
  };
}

/** Every section an assessment cites, in order, once each. */
export function assessmentSources(assessment: SideJobAssessment): PolicySource[] {
  const all = [...assessment.duty.sources, ...assessment.concerns.flatMap((concern) => concern.sources), ...assessment.decider.sources, ...(assessment.publication?.sources ?? [])];
  const seen = new Set<string>();
  return all.filter((source) => {
    const key = `${source.documentId}|${source.section}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
