import { z } from 'zod';

/** Roles an organisation assigns to people; `decision_body:<name>` names a body such as the college. */
export const roleSchema = z.union([
  z.enum(['hr', 'integrity_coordinator', 'vertrouwenspersoon_ongewenst_gedrag', 'vertrouwenspersoon_integriteit']),
  z.string().regex(/^decision_body:[a-z0-9_-]{2,40}$/, 'decision_body:<name> with lower-case letters, digits, _ or -'),
]);
export type Role = z.infer<typeof roleSchema>;

export const languageSchema = z.enum(['nl', 'en']);
export type Language = z.infer<typeof languageSchema>;

export interface Person {
  /** Teams / Entra object id: the identity every authorisation decision is made on. */
  aadObjectId: string;
  orgId: string;
  upn: string;
  name: string;
  department: string;
  function: string;
  managerAadObjectId?: string;
  roles: Role[];
  /** Designated functions whose side jobs are made public (Ambtenarenwet art. 8 lid 2). */
  publishSideJobs: boolean;
  /** Designated functions that must report financial interests (Ambtenarenwet art. 8 lid 1 onder c). */
  reportsFinancialInterests: boolean;
}

/** A body that decides on notifications, e.g. the college van B&W or a dagelijks bestuur. */
export interface DecisionBody {
  /** Used in the role `decision_body:<id>`. */
  id: string;
  name: string;
}

export type OrganisationKind = 'gemeente' | 'gemeenschappelijke_regeling';

export interface WorkflowSettings {
  /** Working days an open notification waits before its decider is reminded. */
  reminderAfterWorkingDays: number;
  /** Working days before the second reminder; between the first reminder and the escalation. */
  secondReminderAfterWorkingDays: number;
  /** Working days before it is escalated up the manager chain; always after the reminder. */
  escalateAfterWorkingDays: number;
}

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** HR's weekly digest: when, to whom, and what counts as waiting too long. */
export interface DigestSettings {
  day: Weekday;
  /** HH:MM, Europe/Amsterdam. */
  time: string;
  /** Holders of these roles receive it in their personal chat. */
  recipientRoles: Role[];
  /** Side-job and financial-interest requests open longer than this are listed as waiting. */
  waitingLongerThanDays: number;
  /** Reports whose Wbk deadline is this close count as near their deadline. */
  wbkNearDays: number;
}

/** Managers' integrity reminders: how often integrity goes on the team meeting, and when the reminder comes. */
export interface IntegrityMeetingSettings {
  cadence: 'quarterly' | 'half_yearly' | 'yearly';
  /** The month (1-12) of the first reminder of the year; the others follow at the cadence. */
  firstMonth: number;
  /** Day of the month of the reminder (1-28). */
  day: number;
  /** HH:MM, Europe/Amsterdam. */
  time: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** Entra tenant ids whose users belong to this organisation unless the directory says otherwise. */
  tenantIds: string[];
  defaultLanguage: Language;
  /** Ids of the policy documents that are this organisation's own. */
  policyDocumentIds: string[];
  decisionBodies: DecisionBody[];
  /** Starts every case reference (e.g. VEL-2025-0042); unique across organisations. */
  referencePrefix: string;
  workflow: WorkflowSettings;
  /** How answers name the organisation inside a sentence, e.g. "de gemeente Velsen". */
  answerName: Record<Language, string>;
  /** Who can help when the assistant cannot, as the organisation's own policy names them. */
  whoCanHelp: Record<Language, string>;
  /** Words in a question that name this organisation (its id always counts). */
  mentions: string[];
  /** HR's weekly digest; none is sent without it. */
  digest?: DigestSettings;
  /** Managers' reminders to discuss integrity in their team; none without it. */
  integrityMeetings?: IntegrityMeetingSettings;
}

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (24-hour clock)');
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const text = (max: number) => z.string().trim().min(1).max(max);

/** The shape of `src/organisations/<id>/organisation.json`; unknown keys are rejected to catch typos. */
export const organisationSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/, 'lower-case letters, digits and - (2-40)'),
    name: text(120),
    kind: z.enum(['gemeente', 'gemeenschappelijke_regeling']),
    tenantIds: z.array(z.string().regex(guid, 'a lower-case GUID')),
    defaultLanguage: languageSchema,
    policyDocumentIds: z.array(z.string().regex(/^[a-z0-9-]{2,80}$/, 'lower-case letters, digits and -')).min(1),
    decisionBodies: z
      .array(
        z.object({ id: z.string().regex(/^[a-z0-9_-]{2,40}$/, 'lower-case letters, digits, _ or -'), name: text(120) }).strict(),
      )
      .min(1),
    referencePrefix: z.string().regex(/^[A-Z]{2,5}$/, '2-5 capital letters'),
    workflow: z
      .object({
        reminderAfterWorkingDays: z.number().int().min(1).max(60),
        secondReminderAfterWorkingDays: z.number().int().min(1).max(120),
        escalateAfterWorkingDays: z.number().int().min(1).max(120),
      })
      .strict()
      .refine((w) => w.escalateAfterWorkingDays > w.secondReminderAfterWorkingDays && w.secondReminderAfterWorkingDays > w.reminderAfterWorkingDays, {
        message: 'reminderAfterWorkingDays < secondReminderAfterWorkingDays < escalateAfterWorkingDays',
      }),
    answerName: z.object({ nl: text(120), en: text(120) }).strict(),
    whoCanHelp: z.object({ nl: text(500), en: text(500) }).strict(),
    mentions: z.array(z.string().trim().toLowerCase().min(3).max(60)),
    digest: z
      .object({
        day: z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
        time: clockTime,
        recipientRoles: z.array(roleSchema).min(1),
        waitingLongerThanDays: z.number().int().min(1).max(365),
        wbkNearDays: z.number().int().min(1).max(90),
      })
      .strict()
      .optional(),
    integrityMeetings: z
      .object({
        cadence: z.enum(['quarterly', 'half_yearly', 'yearly']),
        firstMonth: z.number().int().min(1).max(12),
        day: z.number().int().min(1).max(28),
        time: clockTime,
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((org, ctx) => {
    const ids = org.decisionBodies.map((body) => body.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['decisionBodies'], message: 'decision body ids must be unique' });
    }
  });

// Fails to compile when the schema and the interface drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const organisationSchemaMatches: Same<z.infer<typeof organisationSchema>, Organisation> = true;
void organisationSchemaMatches;

export interface ImportError {
  /** Line in the file (the header is line 1); 0 for problems with the file or organisation as a whole. */
  line: number;
  /** Dutch, without the line prefix, e.g. "managerAadObjectId 'x' bestaat niet in dit bestand of in de directory". */
  message: string;
}

export interface ImportReport {
  ok: boolean;
  /** The first errors (at most MAX_LISTED_ERRORS), in line order. */
  errors: ImportError[];
  /** All errors found, listed or not. */
  errorCount: number;
  added: number;
  updated: number;
  unchanged: number;
  /** People of the organisation missing from the file: kept as inactive, never deleted. */
  deactivated: number;
  /**
   * Active people whose function the import changed, so that whoever ran it can follow up (side
   * jobs are reconfirmed) without the directory knowing of those features. Empty for a dry run.
   */
  functionChanges: { aadObjectId: string; orgId: string; from: string; to: string }[];
  /** Dutch, several lines: the outcome or every error, ready to print. */
  summary: string;
}
