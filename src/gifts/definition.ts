import type { Organisation } from '../directory/types.js';
import { organisationTiming, type HistoryEntry, type StepSpec, type WorkflowDefinition } from '../workflow/index.js';
import { giftCard, ownerDecisionText } from './cards.js';
import type { GiftDecision } from './form.js';
import { GIFT_TYPE, GiftViews, type GiftData, type GiftServices, type GiftState } from './views.js';

export const giftDecisionStates: Record<GiftDecision, GiftState> = { approve_keep: 'kept', hand_in: 'handed_in', return_to_sender: 'returned' };

/**
 * The manager decides, reminded twice, and after the organisation's deadline the record climbs
 * the manager chain and then reaches the integrity coordinator. The days are the organisation's.
 */
export function giftRoute(organisation: Organisation): StepSpec[] {
  return [
    {
      id: 'decision',
      actor: { kind: 'manager' },
      actions: ['decide'],
      ...organisationTiming(organisation.workflow),
      escalation: { upTheChain: true, roles: ['integrity_coordinator'] },
    },
  ];
}

/**
 * Gifts as a workflow definition: one step waiting for the manager, three decisions, and the
 * employee may withdraw while it waits. The integrity coordinator and HR of the same
 * organisation may decide for the manager and read the register.
 */
export function createGiftDefinition(services: GiftServices): WorkflowDefinition<GiftData> {
  const views = new GiftViews(services);
  return {
    type: GIFT_TYPE,
    referenceCode: 'G',
    closedStates: ['kept', 'handed_in', 'returned', 'withdrawn'],
    actions: {
      decide: {
        by: 'step',
        outcomes: Object.fromEntries(Object.entries(giftDecisionStates).map(([decision, state]) => [decision, { kind: 'close', state }])),
      },
      withdraw: { by: 'owner', outcomes: { withdrawn: { kind: 'close', state: 'withdrawn' } } },
    },
    route: ({ organisation }) => giftRoute(organisation),
    delegateRoles: ['integrity_coordinator', 'hr'],
    visibility: { owner: true, participants: true, roles: ['integrity_coordinator', 'hr'] },
    registerRoles: ['integrity_coordinator', 'hr'],
    presenter: {
      card: async (record, viewer, reason) => giftCard(await views.of(record, viewer.actions), viewer, reason),
      ownerNotice: async (record, entry: HistoryEntry, lang) => (entry.action === 'decide' ? ownerDecisionText(await views.of(record), lang) : undefined),
    },
  };
}
