import { SIDE_JOB_TYPE } from './chain.js';
import { createSideJobFeature } from './module.js';
import { sideJobPresentation } from './presentation.js';

export { createSideJobFeature, type SideJobFeatureServices } from './module.js';
export { SIDE_JOB_TYPE, approvedStates } from './chain.js';
export { sideJobVerbs } from './cards.js';
export { loadAllSideJobRules, assessSideJob, type SideJobRules, type SideJobAssessment } from './rules.js';
export { sideJobDecisionOf, type SideJobData, type SideJobRecord } from './views.js';
export {
  askSideJobReconfirmationAfterFunctionChange,
  runYearlySideJobReconfirmation,
  type FunctionChange,
  type ReconfirmationServices,
} from './reconfirmation.js';
export { publicRegisterCsv, publicRegisterHtml, publicRegisterJson, publicSideJobRegister, type PublicSideJob, type PublicSideJobRegister } from './publicRegister.js';

/** Side jobs' entry in the list of workflows (src/workflows.ts). */
export const sideJobWorkflow = { type: SIDE_JOB_TYPE, presentation: sideJobPresentation, create: createSideJobFeature };
