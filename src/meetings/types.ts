/** One manager's reminder for one period, and whether (and when) integrity was discussed. */
export interface MeetingReminder {
  /** `<orgId>:<period>:<manager>`: one reminder per manager per period, also with several instances. */
  _id: string;
  orgId: string;
  /** e.g. `2026-01` for the period that starts with the January reminder. */
  period: string;
  manager: string;
  dilemmaId: string;
  remindedAt: Date;
  /** The day the team discussed it (YYYY-MM-DD), as the manager entered it. */
  discussedOn: string | null;
  discussedAt: Date | null;
  schemaVersion: number;
}

/** The card verb of the reminder's button. */
export const meetingVerbs = { discussed: 'meeting.discussed' } as const;
