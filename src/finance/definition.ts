import type { Organisation } from '../directory/types.js';
import { organisationTiming, type StepSpec, type WorkflowDefinition } from '../workflow/index.js';
import { financeCard, financeOwnerNotice } from './cards.js';
import type { FinanceSettings } from './settings.js';
import { FINANCE_TYPE, FinanceViews, type FinanceData, type FinanceServices } from './views.js';

/** One step: the holders of the organisation's recipient roles register it, reminded twice, flagged when overdue. */
export function financeRoute(organisation: Organisation): StepSpec[] {
  return [
    {
      id: 'registration',
      actor: { kind: 'chosen' },
      actions: ['decide'],
      ...organisationTiming(organisation.workflow),
      // Nobody holding a recipient role: the integrity coordinator, else HR.
      escalation: { upTheChain: false, roles: ['integrity_coordinator', 'hr'] },
    },
  ];
}

/**
 * Financial interests as a workflow definition (Ambtenarenwet art. 5 lid 1 onder d, 8 lid 2
 * onder b): a designated employee's notice goes to everyone holding one of the organisation's
 * recipient roles, who record that it is noted or which measures were agreed.
 */
export function createFinanceDefinition(services: FinanceServices, settings: ReadonlyMap<string, FinanceSettings>): WorkflowDefinition<FinanceData> {
  const views = new FinanceViews(services);
  return {
    type: FINANCE_TYPE,
    referenceCode: 'F',
    closedStates: ['noted', 'measures_agreed'],
    actions: {
      decide: { by: 'step', outcomes: { noted: { kind: 'close', state: 'noted' }, measures_agreed: { kind: 'close', state: 'measures_agreed' } } },
    },
    route: ({ organisation }) => financeRoute(organisation),
    async chooseActors(record) {
      const roles = settings.get(record.orgId)?.recipientRoles ?? ['integrity_coordinator'];
      const holders = await Promise.all(roles.map((role) => services.directory.peopleWithRole(record.orgId, role)));
      return holders.flat().map((person) => person.aadObjectId);
    },
    delegateRoles: [],
    visibility: { owner: true, participants: true, roles: ['integrity_coordinator', 'hr'] },
    registerRoles: ['integrity_coordinator', 'hr'],
    presenter: {
      card: async (record, viewer, reason, feedback) => financeCard(await views.of(record, viewer.actions), viewer, reason, feedback),
      ownerNotice: async (record, entry, lang) => (entry.action === 'decide' ? financeOwnerNotice(await views.of(record), lang) : undefined),
    },
  };
}
