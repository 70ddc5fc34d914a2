import { z } from 'zod';
import { policySourceSchema } from '../cards/citations.js';
import { loadOrganisationDataFiles, organisationsDirectory } from '../directory/organisations.js';
import { roleSchema } from '../directory/types.js';
import { localizedSchema } from '../i18n/index.js';

export const FINANCIAL_INTERESTS_FILE = 'financial-interests.json';

/**
 * An organisation's settings for financial interests (`src/organisations/<id>/financial-interests.json`):
 * the duty with its sections, what someone in an undesignated function is told, who receives
 * the notices (directory roles, so an HR export keeps it current) and the reminder month.
 */
export const financeSettingsSchema = z
  .object({
    orgId: z.string().regex(/^[a-z0-9-]{2,40}$/),
    duty: z.object({ text: localizedSchema(), sources: z.array(policySourceSchema).min(1) }).strict(),
    notDesignated: localizedSchema(),
    recipientRoles: z.array(roleSchema).min(1).default(['integrity_coordinator']),
    /** 1-12: the month in which designated people are reminded of the duty. */
    reminderMonth: z.number().int().min(1).max(12).default(1),
  })
  .strict();

export type FinanceSettings = z.infer<typeof financeSettingsSchema>;

export function loadAllFinanceSettings(directory: string = organisationsDirectory()): Map<string, FinanceSettings> {
  return loadOrganisationDataFiles(FINANCIAL_INTERESTS_FILE, financeSettingsSchema, directory);
}
