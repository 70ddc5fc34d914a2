import { randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import { notSavedNow, parseForm, type FormErrors, type FormSpec, type FormValues } from '../cards/forms.js';
import type { Localized } from '../i18n/index.js';
import { errorFields, type Logger } from '../logging/logger.js';
import type { WorkflowEngine } from './engine.js';
import type { CardRequest, Reply } from './module.js';
import type { WorkflowDefinition } from './types.js';

/** What a form card needs to be drawn again: the same formId, and what was typed with its messages. */
export interface FormCardState<TField extends string> {
  formId: string;
  values?: FormValues<TField>;
  errors?: FormErrors<TField>;
  /** A message above the form, e.g. why nothing was saved. */
  banner?: Localized;
}

export interface FormSubmission<TField extends string, TValue, TData> {
  engine: WorkflowEngine;
  definition: WorkflowDefinition<TData>;
  request: CardRequest;
  spec: FormSpec<TField, TValue>;
  formCard(state: FormCardState<TField>): AdaptiveCard;
  /** The record's data from the valid form, e.g. with the advice the rules give (or sealed content stored first). */
  toData(value: TValue): TData | Promise<TData>;
  logger: Logger;
}

/**
 * The one way a notification form becomes a record, for every workflow. Bad input never loses
 * what the user typed: a wrong field comes back with a Dutch message at that field, a form that
 * did not come from our card is refused with nothing echoed, and when the database cannot take
 * it right now the form comes back with the values kept. A double click makes one record.
 */
export async function submitForm<TField extends string, TValue, TData>(submission: FormSubmission<TField, TValue, TData>): Promise<Reply> {
  const { engine, definition, request, spec, logger } = submission;
  const card = (state: FormCardState<TField>): Reply => ({ kind: 'card', card: submission.formCard(state) });
  const parsed = parseForm(request.data, spec);
  if (parsed.kind === 'rejected') {
    logger.warn({ event: `${definition.type}.submission_rejected` }, 'form data did not come from our card');
    return card({ formId: randomUUID(), banner: parsed.reason });
  }
  if (parsed.kind === 'invalid') {
    logger.info({ event: `${definition.type}.submission_invalid`, fields: Object.keys(parsed.errors) }, 'form needs corrections');
    return card({ formId: parsed.formId, values: parsed.values, errors: parsed.errors });
  }
  const { requester } = request;
  try {
    const { record, created } = await engine.submit(definition, {
      orgId: requester.organisation.id,
      owner: requester.aadObjectId,
      ownerLang: requester.lang,
      data: await submission.toData(parsed.value),
      clientKey: parsed.formId,
      ...(request.card ? { ownerCard: request.card } : {}),
    });
    logger.info({ event: `${definition.type}.submitted`, recordId: record._id, created }, 'notification submitted');
    const viewer = await engine.viewer(definition, record, requester.aadObjectId, requester.lang);
    if (!viewer) throw new Error('the owner cannot see their own record');
    return { kind: 'card', card: await definition.presenter.card(record, viewer, 'acted') };
  } catch (error) {
    logger.error({ event: `${definition.type}.submission_failed`, err: errorFields(error) }, 'could not store the notification');
    return card({ formId: parsed.formId, values: parsed.values, banner: notSavedNow });
  }
}
