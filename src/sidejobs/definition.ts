import type { Organisation } from '../directory/types.js';
import { routeProblems, type WorkflowDefinition } from '../workflow/index.js';
import { sideJobCard, sideJobOwnerNotice } from './cards.js';
import { SIDE_JOB_TYPE, sideJobActions, sideJobClosedStates, sideJobRoute } from './chain.js';
import type { SideJobRules } from './rules.js';
import { SideJobViews, type SideJobData, type SideJobServices } from './views.js';

/**
 * Side jobs as a workflow definition. The route is the organisation's chain (data): advice by
 * the manager or HR, a decision by the manager or a decision body's members, a referral in
 * doubt. Nobody acts for someone else's step (no delegates): a decision body decides itself.
 * HR and the integrity coordinator may read the records and the register.
 */
export function createSideJobDefinition(services: SideJobServices & { now: () => Date }, rules: ReadonlyMap<string, SideJobRules>): WorkflowDefinition<SideJobData> {
  const views = new SideJobViews(services);
  return {
    type: SIDE_JOB_TYPE,
    referenceCode: 'N',
    closedStates: sideJobClosedStates,
    actions: sideJobActions,
    route: ({ organisation }) => {
      const orgRules = rules.get(organisation.id);
      if (!orgRules) throw new Error(`no side-job rules for organisation ${organisation.id}`);
      return sideJobRoute(orgRules.chain, organisation.workflow);
    },
    delegateRoles: [],
    visibility: { owner: true, participants: true, roles: ['hr', 'integrity_coordinator'] },
    registerRoles: ['hr', 'integrity_coordinator'],
    presenter: {
      card: async (record, viewer, reason, feedback) => sideJobCard(await views.of(record, viewer.actions), viewer, reason, services.now(), feedback),
      ownerNotice: async (record, entry, lang) => {
        const view = await views.of(record);
        const named = view.entries.find((candidate) => candidate.at.getTime() === entry.at.getTime() && candidate.actor === entry.actor && candidate.action === entry.action);
        return named ? sideJobOwnerNotice(view, named, lang) : undefined;
      },
    },
  };
}

/**
 * Checked when the bot starts: every organisation's chain names only actions the definition
 * has, and only decision bodies the organisation has; a wrong chain stops the start-up.
 */
export function sideJobChainProblems(definition: WorkflowDefinition<SideJobData>, rules: ReadonlyMap<string, SideJobRules>, organisations: readonly Organisation[]): string[] {
  const problems: string[] = [];
  for (const organisation of organisations) {
    const orgRules = rules.get(organisation.id);
    if (!orgRules) continue;
    const bodies = new Set(organisation.decisionBodies.map((body) => `decision_body:${body.id}`));
    for (const step of orgRules.chain) {
      for (const role of [step.actor, ...(step.escalation?.roles ?? [])]) {
        if (role.startsWith('decision_body:') && !bodies.has(role)) problems.push(`${organisation.id}: step ${step.id} names ${role}, which organisation.json does not define`);
      }
    }
    problems.push(...routeProblems(definition, sideJobRoute(orgRules.chain, organisation.workflow)).map((problem) => `${organisation.id}: ${problem}`));
  }
  return problems;
}
