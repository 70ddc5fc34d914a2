import { annualFigures, annualSummaryCard } from '../annualReport/index.js';
import { localize } from '../i18n/index.js';
import { yearIn } from '../workflow/workingDays.js';
import type { BotApplication, FeatureContext } from './context.js';
import { resolveCaller } from './caller.js';
import { cardAttachment } from './cards/attachment.js';

export const ANNUAL_REPORT_PATTERN = /^\s*(jaarverantwoording|jaarverslag integriteit|annual report)(?:\s+(\d{4}))?(?:\s*[.!?])?\s*$/i;
const READERS = ['hr', 'integrity_coordinator'];

/** HR asks for the yearly accountability figures in Teams and gets the summary card (last year unless a year is named). */
export function registerAnnualReport(app: BotApplication, feature: FeatureContext): void {
  app.message(ANNUAL_REPORT_PATTERN, async (context) => {
    const who = await resolveCaller(context, feature.directory, feature.config.DEFAULT_ORG);
    const person = who.aadObjectId ? await feature.directory.person(who.aadObjectId) : undefined;
    const organisation = person ? await feature.directory.organisation(person.orgId) : undefined;
    if (!person || !organisation || !person.roles.some((role) => READERS.includes(role))) {
      feature.logger.warn({ event: 'annual_report.refused' }, 'annual report refused');
      await context.sendActivity(localize({ nl: 'De jaarverantwoording is alleen beschikbaar voor P&O en de integriteitscoördinator.', en: 'The annual report is only available to HR and the integrity coordinator.' }, who.lang));
      return;
    }
    const named = ANNUAL_REPORT_PATTERN.exec(context.activity.text ?? '')?.[2];
    const year = named ? Number(named) : yearIn(feature.now()) - 1;
    const figures = await annualFigures(feature.database.db, organisation, year, feature.now());
    await context.sendActivity({ attachments: [cardAttachment(annualSummaryCard(figures))] });
  });
}
