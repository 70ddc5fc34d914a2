import type { CollectionDefinition } from '../storage/database.js';
import { awaitingCollections } from './awaiting.js';
import { recordCollections } from './store.js';

export { WorkflowEngine, assertValidDefinition, recordCardKey, routeProblems } from './engine.js';
export type { RegisterPage, SubmitInput, WorkflowServices } from './engine.js';
export { addDuration, organisationTiming, stepClock } from './clock.js';
export { escalationTarget, resolveActors, type RoutingDirectory } from './routing.js';
export { formatReference, nextSequence, ReferenceNumbers, WORKFLOW_AUDIT, WORKFLOW_COUNTERS, WORKFLOW_RECORDS } from './store.js';
export { reconcileAwaiting, WORKFLOW_AWAITING } from './awaiting.js';

/** Every collection of the workflow engine, for the start-up `ensureCollections` call. */
export const workflowCollections: CollectionDefinition[] = [...recordCollections, ...awaitingCollections];
export * from './types.js';
export { addCalendarDays, addMonths, addWorkingDays, calendarDateIn, isoDateIn, dutchHolidays, easterSunday, holidaysOf, isWorkingDay, yearIn, type HolidayCalendar } from './workingDays.js';
export { invalidAction, recordNotFound, parseActionForm, performCardAction, type ActionChoice, type ActionTexts, type ParsedAction } from './actions.js';
export { choiceCondition, conditionMatches, rangeCondition } from './conditions.js';
export { recipientResolver, startButton, type SealedAddresses, type CardHandler, type CardRequest, type FeatureServices, type PresenterServices, type RecordPresentation, type Reply, type Requester, type WorkflowFeature, type WorkflowModule } from './module.js';
export { submitForm, type FormCardState, type FormSubmission } from './submission.js';
export { namesOnRecord } from './names.js';
export { historyBlocks, listOfNames, reachabilityBlocks, reasonBanner, staleNotice, whereItIs, type HistoryLine, type StepPlace } from './recordCards.js';
export { awaitingCard, myRecordsCard, recordVerbs, registerCard, REGISTER_PAGE_SIZE, type RegisterCardOptions } from './lists.js';
export { reachabilityLines, reachabilityNotice, reachableAssignees, type NameOf } from './reachability.js';
