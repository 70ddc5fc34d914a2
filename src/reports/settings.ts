import { z } from 'zod';
import { policySourceSchema } from '../cards/citations.js';
import { loadOrganisationDataFiles, organisationsDirectory } from '../directory/organisations.js';
import { localizedSchema } from '../i18n/index.js';
import { roleSchema } from '../directory/types.js';
import { recipientRoutes, reportCategories, type RecipientRoute, type ReportCategory } from './form.js';

/**
 * How reports work in one organisation, from `src/organisations/<id>/reports.json`: which routes
 * its policy offers per subject, the articles that say so, the external routes, the reminder
 * days before the Wbk deadlines, and how long a closed case's content is kept. The Wbk deadlines
 * themselves (7 days, 3 months) are the law's, the same for everyone, and live in the definition.
 */
const localized = localizedSchema(1500);

const routeList = z
  .array(z.enum(recipientRoutes))
  .min(1)
  .refine((routes) => new Set(routes).size === routes.length, 'each route once');

const daysBefore = (max: number) =>
  z
    .array(z.number().int().min(1).max(max))
    .max(3)
    .refine((days) => new Set(days).size === days.length, 'each day once');

export const reportSettingsSchema = z
  .object({
    orgId: z.string().regex(/^[a-z0-9-]{2,40}$/),
    /** The recipients the organisation's policy offers for each subject, in the order shown. */
    routes: z.object({ unwanted_behaviour: routeList, suspected_wrongdoing: routeList, integrity_advice: routeList }).strict(),
    /** How the organisation's own texts put it, in a sentence or two, above the quotes. */
    summary: localized,
    /** The articles the intake card quotes. */
    sources: z.array(policySourceSchema).min(1).max(4),
    /** Routes outside the organisation, with when they apply. */
    external: z
      .array(z.object({ name: localized, when: localized, categories: z.array(z.enum(reportCategories)).min(1), url: z.string().url().optional() }).strict())
      .max(4),
    clocks: z
      .object({
        /** Reminders to the recipient, this many days before the acknowledgement is due (7 days after the report). */
        acknowledgementRemindersDaysBefore: daysBefore(6),
        /** Reminders this many days before feedback is due (3 months after the acknowledgement). */
        feedbackRemindersDaysBefore: daysBefore(60),
        /** After the feedback the case stays open for follow-up; the recipient is reminded to close it after this many months. */
        followUpMonths: z.number().int().min(1).max(24),
      })
      .strict(),
    /** A closed case's content (description, messages, who reported) is deleted this many months after closing. */
    retentionMonths: z.number().int().min(1).max(120),
    /** Roles the recipient may add as a deputy (besides their own manager). */
    deputyRoles: z.array(roleSchema).max(6),
  })
  .strict();

export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export const REPORT_SETTINGS_FILE = 'reports.json';

/**
 * For an organisation without a file of its own: the routes the law and the common model
 * regulations give, and the national article on protecting reporters.
 */
export function defaultReportSettings(orgId: string): ReportSettings {
  return {
    orgId,
    routes: {
      unwanted_behaviour: ['manager', 'next_higher_manager', 'vertrouwenspersoon_ongewenst_gedrag'],
      suspected_wrongdoing: ['manager', 'next_higher_manager', 'vertrouwenspersoon_integriteit', 'integrity_coordinator'],
      integrity_advice: ['manager', 'vertrouwenspersoon_integriteit', 'integrity_coordinator'],
    },
    summary: {
      nl: 'Je kunt een melding doen bij je leidinggevende. Past dat niet, dan kun je terecht bij de naast hogere leidinggevende of een vertrouwenspersoon. Wie te goeder trouw een vermoeden van een misstand meldt, mag daar in zijn positie niet op worden benadeeld.',
      en: 'You can report to your manager. If that does not fit, you can go to the next-higher manager or a confidential counsellor. Anyone who reports a suspected wrongdoing in good faith may not be disadvantaged for it.',
    },
    sources: [{ documentId: 'ambtenarenwet-2017', section: 'Artikel 5 lid 2' }],
    external: [
      {
        name: { nl: 'Huis voor Klokkenluiders', en: 'Dutch Whistleblowers Authority (Huis voor Klokkenluiders)' },
        when: { nl: 'voor een vermoeden van een misstand; je mag er ook rechtstreeks melden.', en: 'for suspected wrongdoing; you may also report there directly.' },
        categories: ['suspected_wrongdoing'],
        url: 'https://www.huisvoorklokkenluiders.nl',
      },
    ],
    clocks: { acknowledgementRemindersDaysBefore: [2], feedbackRemindersDaysBefore: [14, 3], followUpMonths: 6 },
    retentionMonths: 24,
    deputyRoles: ['vertrouwenspersoon_ongewenst_gedrag', 'vertrouwenspersoon_integriteit', 'integrity_coordinator'],
  };
}

/** Every organisation's settings, validated at start-up: a broken file stops the bot. */
export class ReportSettingsBook {
  private readonly settings: Map<string, ReportSettings>;

  constructor(directory: string = organisationsDirectory()) {
    this.settings = loadOrganisationDataFiles(REPORT_SETTINGS_FILE, reportSettingsSchema, directory);
  }

  of(orgId: string): ReportSettings {
    return this.settings.get(orgId) ?? defaultReportSettings(orgId);
  }

  routesFor(orgId: string, category: ReportCategory): readonly RecipientRoute[] {
    return this.of(orgId).routes[category];
  }
}
