import type { Db } from 'mongodb';
import { adaptiveCard, taskButton } from '../cards/adaptiveCard.js';
import { heading, paragraph } from '../cards/blocks.js';
import { enqueueOnce } from '../delivery/once.js';
import type { Outbox } from '../delivery/types.js';
import type { Person } from '../directory/types.js';
import { localize, type Language } from '../i18n/index.js';
import type { Logger } from '../logging/logger.js';
import { calendarDateIn } from '../workflow/workingDays.js';
import { financeVerbs } from './cards.js';
import type { FinanceSettings } from './settings.js';

export interface FinanceReminderServices {
  db: Db;
  directory: {
    designatedPeople(orgId: string, designation: 'reportsFinancialInterests'): Promise<Person[]>;
    organisation(orgId: string): Promise<{ defaultLanguage: Language } | undefined>;
  };
  outbox: Outbox;
  logger: Logger;
  settings: ReadonlyMap<string, FinanceSettings>;
}

/**
 * The yearly reminder: in each organisation's configured month, everyone in a designated function
 * is reminded of the duty, with the button that opens the form. Call it as often as you like (the
 * periodic job does); each person is reminded once per year.
 */
export async function runYearlyFinancialInterestReminder(services: FinanceReminderServices, now: Date): Promise<{ reminded: number }> {
  const { year, month } = calendarDateIn(now, 'Europe/Amsterdam');
  let reminded = 0;
  for (const [orgId, settings] of services.settings) {
    if (settings.reminderMonth !== month) continue;
    const lang = (await services.directory.organisation(orgId))?.defaultLanguage ?? 'nl';
    for (const person of await services.directory.designatedPeople(orgId, 'reportsFinancialInterests')) {
      const key = `finance-reminder:${orgId}:${year}:${person.aadObjectId}`;
      const card = adaptiveCard(
        [
          heading(localize({ nl: 'Jaarlijkse herinnering: financiële belangen', en: 'Yearly reminder: financial interests' }, lang)),
          paragraph(localize(settings.duty.text, lang)),
          paragraph(
            localize(
              {
                nl: 'Heb je financiële belangen die je werk kunnen raken en die je nog niet meldde, of is er iets veranderd? Meld het dan hieronder. Is er niets veranderd, dan hoef je niets te doen.',
                en: 'Do you have financial interests that can affect your work and that you have not reported yet, or has anything changed? Then report it below. If nothing has changed, you need not do anything.',
              },
              lang,
            ),
          ),
        ],
        [taskButton(localize({ nl: 'Financieel belang melden', en: 'Report a financial interest' }, lang), financeVerbs.start)],
      );
      const sent = await enqueueOnce(services.db, services.outbox, key, [{ mode: 'send', to: person.aadObjectId, key, purpose: 'finance_reminder', content: { kind: 'card', card }, orgId }], now, { purpose: 'finance_reminder' });
      if (sent) reminded += 1;
    }
  }
  if (reminded > 0) services.logger.info({ event: 'finance.reminder.sent', reminded }, 'financial interest reminders queued');
  return { reminded };
}
