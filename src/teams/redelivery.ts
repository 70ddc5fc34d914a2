import type { TurnContext } from 'botbuilder';
import type { HandledActivities } from '../storage/handledActivities.js';
import { inboundOf } from './inbound.js';

const CLAIMED = Symbol('redeliveryClaim');

/**
 * Claims an inbound activity once, across every instance, for the handlers whose effect a
 * redelivery would repeat. Teams redelivers an activity whose answer did not arrive in time; most
 * turns only read and answer (a knowledge answer, help, a list, a form), and their second answer
 * is the same answer, so they claim nothing and write nothing. What would repeat an effect claims
 * first: a language-model answer (a second paid call and a second message). Card actions are
 * idempotent in the domain instead (a record per formId, a claimed version per change), and the
 * welcome has a claim of its own per conversation.
 *
 * The claim is a unique insert of `conversationId|activityId`; a turn that fails after claiming
 * releases it (`releaseIfClaimed`), so Teams' retry is handled rather than dropped.
 */
export class RedeliveryGuard {
  constructor(private readonly handled: HandledActivities) {}

  /** True for the first delivery of this activity (and for an activity without an id); false for a redelivery. */
  async firstDelivery(context: TurnContext): Promise<boolean> {
    const inbound = inboundOf(context);
    if (!inbound?.id) return true;
    if (context.turnState.get(CLAIMED)) return true;
    if (!(await this.handled.claim(inbound.conversation.id, inbound.id))) return false;
    context.turnState.set(CLAIMED, true);
    return true;
  }

  /** Lets a redelivery of a turn that failed after its claim be handled. */
  async releaseIfClaimed(context: TurnContext): Promise<void> {
    const inbound = inboundOf(context);
    if (!inbound?.id || !context.turnState.get(CLAIMED)) return;
    await this.handled.release(inbound.conversation.id, inbound.id);
  }
}
