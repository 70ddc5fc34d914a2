import { loadOrganisationFiles, type Organisation } from '../directory/index.js';
import type { Lang } from './language.js';

/** Scopes that are not an organisation: they apply to every organisation. */
export const NATIONAL = 'national';
export const BACKGROUND = 'background';

/**
 * How answers name an organisation and whom they point to is organisation data
 * (`src/organisations/<id>/organisation.json`), read from the files so the knowledge base
 * stays usable without a database (the `ask` CLI, the evaluation).
 */
let profiles: Map<string, Organisation> | undefined;

function profile(orgId: string): Organisation | undefined {
  profiles ??= new Map(loadOrganisationFiles().map((organisation) => [organisation.id, organisation]));
  return profiles.get(orgId);
}

export function organisationName(orgId: string, lang: Lang): string {
  const known = profile(orgId)?.answerName[lang];
  if (known) return known;
  return lang === 'nl' ? `je organisatie (${orgId})` : `your organisation (${orgId})`;
}

export function organisationContacts(orgId: string, lang: Lang): string {
  return (
    profile(orgId)?.whoCanHelp[lang] ??
    (lang === 'nl' ? 'P&O of HR, of de vertrouwenspersoon van je organisatie' : 'HR (P&O) or the confidential counsellor of your organisation')
  );
}

/** The words that name an organisation in a question: its id and the names in its data. */
export function organisationMentions(orgId: string): string[] {
  return [...new Set([orgId.toLowerCase(), ...(profile(orgId)?.mentions ?? [])])];
}

/** Every word that names some organisation, for telling where a question points from what it asks. */
export function allOrganisationMentions(): string[] {
  profile('');
  return [...profiles!.values()].flatMap((organisation) => organisationMentions(organisation.id));
}
