import { createFinanceFeature } from './module.js';
import { financePresentation } from './presentation.js';
import { FINANCE_TYPE } from './views.js';

export { createFinanceFeature, type FinanceFeatureServices } from './module.js';
export { financeVerbs } from './cards.js';
export { FINANCE_TYPE, financeDecisionOf, type FinanceData, type FinanceRecord } from './views.js';
export { loadAllFinanceSettings, type FinanceSettings } from './settings.js';
export { runYearlyFinancialInterestReminder, type FinanceReminderServices } from './reminder.js';

/** Financial interests' entry in the list of workflows (src/workflows.ts). */
export const financeWorkflow = { type: FINANCE_TYPE, presentation: financePresentation, create: createFinanceFeature };
