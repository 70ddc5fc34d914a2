export { WorkflowEngine, assertValidDefinition, openStates, transitionsFrom } from './engine.js';
export type { RegisterPage, SubmitInput, TransitionInput, WorkflowServices } from './engine.js';
export { escalationTarget, firstDecider, type RoutingDirectory } from './routing.js';
export { formatReference, isPendingReference, nextSequence, workflowCollections, WORKFLOW_AUDIT, WORKFLOW_COUNTERS, WORKFLOW_RECORDS } from './store.js';
export type * from './types.js';
export { addWorkingDays, calendarDateIn, dutchHolidays, easterSunday, holidaysOf, isWorkingDay, yearIn, type HolidayCalendar } from './workingDays.js';
