import { z } from 'zod';
import { roleSchema, type WorkflowSettings } from '../directory/types.js';
import { localizedSchema } from '../i18n/index.js';
import { CHANGES_REQUESTED, organisationTiming, type ActionSpec, type StepSpec } from '../workflow/index.js';

export const SIDE_JOB_TYPE = 'sidejob';

/** A side job that may be done: with or without conditions. */
export const approvedStates = ['approved', 'approved_with_conditions'] as const;
export const sideJobClosedStates = [...approvedStates, 'refused', 'withdrawn', 'ended'] as const;
export type SideJobClosedState = (typeof sideJobClosedStates)[number];

/**
 * What people can do with a side-job notification. A step advises (and hands it on), decides,
 * refers it to the next step when in doubt (Heerde's college), or returns it for changes; the
 * employee resubmits, withdraws while it is open, and later confirms each year that an approved
 * side job is still current, changed (a new request) or ended.
 */
export const sideJobActions = {
  advise: { by: 'step', outcomes: { positive: { kind: 'next' }, positive_with_conditions: { kind: 'next' }, negative: { kind: 'next' } } },
  decide: {
    by: 'step',
    outcomes: { approved: { kind: 'close', state: 'approved' }, approved_with_conditions: { kind: 'close', state: 'approved_with_conditions' }, refused: { kind: 'close', state: 'refused' } },
  },
  refer: { by: 'step', outcomes: { referred: { kind: 'next' } } },
  return: { by: 'step', outcomes: { changes_requested: { kind: 'return' } } },
  resubmit: { by: 'owner', outcomes: { resubmitted: { kind: 'resume' } }, states: [CHANGES_REQUESTED] },
  withdraw: { by: 'owner', outcomes: { withdrawn: { kind: 'close', state: 'withdrawn' } } },
  reconfirm: { by: 'owner', states: approvedStates, outcomes: { still_current: { kind: 'stay' }, changed: { kind: 'stay' }, ended: { kind: 'close', state: 'ended' } } },
} as const satisfies Record<string, ActionSpec>;

export const stepActions = ['advise', 'decide', 'refer', 'return'] as const;
export type StepAction = (typeof stepActions)[number];

const managerActors = ['manager', 'next_higher_manager'] as const;

/**
 * One step of an organisation's chain as its data file writes it. The actor is the owner's
 * manager (or the one above), or a directory role: `hr`, `integrity_coordinator`,
 * `decision_body:<id>` (the people who represent that body). Days default to the
 * organisation's workflow settings.
 */
export const chainStepSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/, 'lower-case letters, digits and _'),
    /** What the employee reads as where their request is, e.g. "Advies van je leidinggevende". */
    label: localizedSchema(120),
    actor: z.union([z.enum(managerActors), roleSchema]),
    actions: z.array(z.enum(stepActions)).min(1),
    deadlineWorkingDays: z.number().int().min(1).max(120).optional(),
    escalation: z.object({ upTheChain: z.boolean(), roles: z.array(roleSchema) }).strict().optional(),
  })
  .strict();

export type ChainStep = z.infer<typeof chainStepSchema>;

/** What a chain must be, beyond each step's shape: it ends in a decision and each step does one kind of thing. */
export function chainShapeProblems(chain: readonly ChainStep[]): string[] {
  const problems: string[] = [];
  const last = chain.at(-1);
  if (last && !last.actions.includes('decide')) problems.push(`the last step (${last.id}) must decide`);
  chain.forEach((step, index) => {
    const isLast = index === chain.length - 1;
    if (step.actions.includes('advise') && step.actions.includes('decide')) problems.push(`step ${step.id}: a step advises or decides, not both`);
    if (step.actions.includes('advise') && isLast) problems.push(`step ${step.id}: advice needs a later step that decides`);
    if (step.actions.includes('refer') && (isLast || !step.actions.includes('decide'))) problems.push(`step ${step.id}: only a deciding step with a step after it can refer`);
    if (!step.actions.includes('advise') && !step.actions.includes('decide')) problems.push(`step ${step.id}: must advise or decide`);
  });
  return problems;
}

/** The engine's steps for a chain, with the organisation's reminder and escalation days. */
export function sideJobRoute(chain: readonly ChainStep[], days: WorkflowSettings): StepSpec[] {
  return chain.map((step): StepSpec => {
    const byManager = step.actor === 'manager' || step.actor === 'next_higher_manager';
    return {
      id: step.id,
      actor: step.actor === 'manager' || step.actor === 'next_higher_manager' ? { kind: step.actor } : { kind: 'role', role: step.actor },
      actions: step.actions,
      ...organisationTiming(days, step.deadlineWorkingDays),
      // A manager who does not act is passed over for the next one up, then HR; a body or HR is only reminded and flagged.
      escalation: step.escalation ?? (byManager ? { upTheChain: true, roles: ['hr'] } : { upTheChain: false, roles: [] }),
    };
  });
}
