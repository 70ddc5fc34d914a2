import { parseForm, type FormSpec } from '../cards/forms.js';
import type { Localized } from '../i18n/index.js';
import { localize } from '../i18n/index.js';
import type { WorkflowEngine } from './engine.js';
import type { CardRequest, Reply } from './module.js';
import type { AnyWorkflowDefinition, CardFeedback } from './types.js';

/** What a card button asks, after the feature parsed and validated its data. */
export type ParsedAction =
  /** `data` is an owner's corrected notification, for a resubmission. */
  | { kind: 'valid'; recordId: string; action: string; outcome: string; fields: Record<string, string>; data?: unknown }
  /** Well-formed but incomplete (e.g. a refusal without reasons): the card comes back with messages. */
  | { kind: 'invalid'; recordId: string; feedback: CardFeedback };

export interface ActionTexts {
  notFound: Localized;
  notAllowed: Localized;
}

export const invalidAction: Localized = { nl: 'Deze actie kan ik niet verwerken.', en: 'I cannot process this action.' };

/** Said alike for a record that does not exist and one the caller may not see: nothing is given away. */
export const recordNotFound: Localized = { nl: 'Deze melding kan ik niet vinden, of je mag hem niet zien.', en: 'I cannot find this notification, or you may not see it.' };

/** The outcome a valid set of card inputs means, with what is kept of it in history and audit. */
export interface ActionChoice {
  outcome: string;
  fields: Record<string, string>;
  data?: unknown;
}

/**
 * A card whose inputs belong to an action on a record (an advice with its reasoning, a decision
 * with conditions, a corrected notification): parsed like every form (`recordId` in place of the
 * form id), so a missing reason comes back as a message at its field with what was typed kept.
 * Undefined when the data did not come from our card.
 */
export function parseActionForm<TField extends string, TValue>(raw: unknown, spec: FormSpec<TField, TValue>, action: string, choose: (value: TValue) => ActionChoice): ParsedAction | undefined {
  const parsed = parseForm(raw, spec, 'recordId');
  switch (parsed.kind) {
    case 'rejected':
      return undefined;
    case 'invalid':
      return { kind: 'invalid', recordId: parsed.formId, feedback: { action, values: parsed.values as Record<string, string>, errors: parsed.errors as Record<string, Localized> } };
    case 'valid':
      return { kind: 'valid', recordId: parsed.formId, action, ...choose(parsed.value) };
  }
}

/**
 * The one way a card button changes a record, for every workflow: authorised by the engine from
 * the requester's identity, one winner among concurrent clicks, and an answer that is always a
 * card or a clear message — the actor's card in its new state, the same card with a message per
 * field when something is missing, or the current state when someone else was first.
 */
export async function performCardAction(engine: WorkflowEngine, definition: AnyWorkflowDefinition, request: CardRequest, parsed: ParsedAction | undefined, texts: ActionTexts): Promise<Reply> {
  const { requester } = request;
  const text = (message: Localized): Reply => ({ kind: 'text', text: localize(message, requester.lang) });
  if (!parsed) return text(invalidAction);
  if (parsed.kind === 'invalid') {
    const record = await engine.find(definition, parsed.recordId);
    const viewer = record && (await engine.viewer(definition, record, requester.aadObjectId, requester.lang));
    if (!record || !viewer) return text(texts.notFound);
    return { kind: 'card', card: await definition.presenter.card(record, viewer, 'acted', parsed.feedback) };
  }
  const result = await engine.act(definition, {
    recordId: parsed.recordId,
    actor: requester.aadObjectId,
    action: parsed.action,
    outcome: parsed.outcome,
    fields: parsed.fields,
    ...(parsed.data === undefined ? {} : { data: parsed.data }),
  });
  switch (result.kind) {
    case 'not_found':
      return text(texts.notFound);
    case 'not_allowed':
      return text(texts.notAllowed);
    case 'already_taken':
    case 'done': {
      const viewer = await engine.viewer(definition, result.record, requester.aadObjectId, requester.lang);
      if (!viewer) return text(texts.notFound);
      return { kind: 'card', card: await definition.presenter.card(result.record, viewer, result.kind === 'done' ? 'acted' : 'stale') };
    }
  }
}
