export { SCHEDULE_TIME_ZONE, describeSchedule, nextOccurrence, previousOccurrence, scheduleSchema, zonedInstant, type Schedule } from './schedule.js';
export { SCHEDULES, SCHEDULE_CLAIMS, Scheduler, schedulingCollections, type ScheduleDocument, type ScheduleStatus, type ScheduledJob, type SchedulerOptions, type TickResult } from './scheduler.js';
