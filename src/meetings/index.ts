export { dilemmaFor, dilemmas, sourceFor, type Dilemma, type DilemmaSource } from './dilemmas.js';
export { INTEGRITY_MEETINGS, MEETING_VIEW, discussedReply, renderMeetingReminder, findReminder, meetingCollections, meetingCoverage, meetingPeriod, meetingSchedule, recordDiscussed, sendMeetingReminders, yearlyMeetingCoverage, type MeetingServices } from './meetings.js';
export { meetingVerbs, type MeetingReminder } from './types.js';
