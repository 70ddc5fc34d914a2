import { financeWorkflow, type FinanceFeatureServices } from './finance/index.js';
import { giftWorkflow, type GiftFeatureServices } from './gifts/index.js';
import { reportWorkflow, type ReportFeatureServices } from './reports/index.js';
import { sideJobWorkflow, type SideJobFeatureServices } from './sidejobs/index.js';
import type { RecordPresentation, WorkflowFeature } from './workflow/index.js';

export type WorkflowFeatureServices = GiftFeatureServices & SideJobFeatureServices & FinanceFeatureServices & ReportFeatureServices;

/** A notification workflow as the list names it: its type and presentation, and how to build it. */
export interface WorkflowEntry {
  type: string;
  presentation: RecordPresentation;
  create(services: WorkflowFeatureServices): WorkflowFeature;
}

/**
 * The one list of notification workflows. Each is a folder under src/ with its definition,
 * form, cards and presentation; adding a workflow is a new folder plus one line here.
 */
export const workflowList: readonly WorkflowEntry[] = [giftWorkflow, sideJobWorkflow, financeWorkflow, reportWorkflow];

export function createWorkflowFeatures(services: WorkflowFeatureServices): WorkflowFeature[] {
  return workflowList.map((entry) => entry.create(services));
}

/** How each record type is listed, for the records CLI (which runs without the bot). */
export const recordPresentations: ReadonlyMap<string, RecordPresentation> = new Map(workflowList.map((entry) => [entry.type, entry.presentation]));

/** The registers of these record types, as buttons in the digest and the yearly report card. */
export function registerLinks(types: readonly string[]): { type: string; title: RecordPresentation['registerTitle'] }[] {
  return types.flatMap((type) => {
    const presentation = recordPresentations.get(type);
    return presentation ? [{ type, title: presentation.registerTitle }] : [];
  });
}
