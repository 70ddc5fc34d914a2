import { createReportFeature } from './module.js';
import { reportPresentation } from './presentation.js';
import { REPORT_TYPE } from './views.js';

export { createReportFeature, type ReportFeatureServices } from './module.js';
export { ReportKeyring, UnknownMasterKeyError } from './crypto.js';
export { reportCollections, rotateReportKeys, type RotationSummary } from './vault.js';
export { reportCategoryLabel, reportDeadlineCounts, reportFigures, reportRouteLabel, type ReportFigures } from './figures.js';
export { purgeExpiredReportContent, type RetentionSummary } from './retention.js';
export { reportVerbs } from './cards.js';
export { REPORT_TYPE, type ReportData, type ReportMeta, type ReportRecord } from './views.js';

/** Reports' entry in the list of workflows (src/workflows.ts). */
export const reportWorkflow = { type: REPORT_TYPE, presentation: reportPresentation, create: createReportFeature };
