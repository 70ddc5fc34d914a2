import type { ScopeDecision } from './scope.js';
import type { ThemeCatalogue, ThemeHit } from './themes.js';
import type { AnswerContext, ContactPerson, ContactRole, Lang, ResolvedContacts } from './types.js';

export type { AnswerContext, ContactPerson, ContactRole, ResolvedContacts };

/**
 * The directory as the knowledge base needs it: a plain interface, so this module knows no
 * database or Teams type. `src/directory`'s `Directory` fits it as it is.
 */
export interface ContactDirectory {
  peopleWithRole(orgId: string, role: Exclude<ContactRole, 'manager'>): Promise<ContactPerson[]>;
  /** The asker's managers, nearest first. */
  managerChain(aadObjectId: string): Promise<ContactPerson[]>;
}

/** Looks the roles up; a directory failure leaves the answer without names rather than failing it. */
export async function resolveContacts(directory: ContactDirectory, orgId: string, askerId: string | undefined, roles: ContactRole[]): Promise<ResolvedContacts> {
  const resolved: ResolvedContacts = {};
  await Promise.all(
    roles.map(async (role) => {
      try {
        const people = role === 'manager' ? (askerId ? (await directory.managerChain(askerId)).slice(0, 1) : []) : await directory.peopleWithRole(orgId, role);
        if (people.length > 0) resolved[role] = people.map(({ name, upn }) => ({ name, upn }));
      } catch {
        // Names are a help, not a condition for answering.
      }
    }),
  );
  return resolved;
}

const ROLE_NAMES: Record<ContactRole, Record<Lang, { one: string; many: string }>> = {
  vertrouwenspersoon_integriteit: { nl: { one: 'vertrouwenspersoon integriteit', many: 'vertrouwenspersonen integriteit' }, en: { one: 'confidential counsellor for integrity', many: 'confidential counsellors for integrity' } },
  vertrouwenspersoon_ongewenst_gedrag: {
    nl: { one: 'vertrouwenspersoon ongewenst gedrag', many: 'vertrouwenspersonen ongewenst gedrag' },
    en: { one: 'confidential counsellor for unwanted behaviour', many: 'confidential counsellors for unwanted behaviour' },
  },
  integrity_coordinator: { nl: { one: 'integriteitscoördinator', many: 'integriteitscoördinatoren' }, en: { one: 'integrity coordinator', many: 'integrity coordinators' } },
  hr: { nl: { one: 'HR-adviseur', many: 'HR-adviseurs' }, en: { one: 'HR adviser', many: 'HR advisers' } },
  manager: { nl: { one: 'je leidinggevende', many: 'je leidinggevenden' }, en: { one: 'your manager', many: 'your managers' } },
};

function person(p: ContactPerson): string {
  return `${p.name} (${p.upn})`;
}

function list(items: string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${items.at(-1)}`;
}

/** "de vertrouwenspersoon integriteit, Patti Fernandez (pattif@velsen.example)", per role in the order asked. */
export function describeContacts(contacts: ResolvedContacts, roles: ContactRole[], lang: Lang): string[] {
  const described: string[] = [];
  for (const role of roles) {
    const people = contacts[role];
    if (!people || people.length === 0) continue;
    const name = ROLE_NAMES[role][lang];
    const label = people.length === 1 ? name.one : name.many;
    const article = role === 'manager' ? '' : lang === 'nl' ? (people.length === 1 ? 'de ' : 'de ') : 'the ';
    described.push(`${article}${label}, ${list(people.map(person), lang)}`);
  }
  return described;
}

/**
 * The route to a person for the closing line: the asker's manager by name when the directory
 * knows them, then the organisation's other routes (without its note where to find names).
 */
export function routeToPerson(contacts: ResolvedContacts | undefined, fallback: string, lang: Lang): string {
  const manager = contacts?.manager?.[0];
  if (!manager) return fallback;
  const others = fallback
    .replace(/^(je leidinggevende|your manager),?\s*/i, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim();
  const mine = lang === 'nl' ? `je leidinggevende, ${person(manager)}` : `your manager, ${person(manager)}`;
  return others === '' ? mine : `${mine}, ${lang === 'nl' ? 'of' : 'or'} ${others}`;
}

/** A question about where to go or what to do: "bij wie kan ik terecht", "wat kan ik doen", "who do I contact". */
const ASKS_WHERE_OR_WHAT =
  /\b(wie|bij wie|naar wie|met wie|waar kan ik|waar moet ik|waar kun je|waar meld|waar ga ik|wat kan ik doen|wat moet ik doen|wat doe ik|hoe meld|who|whom|where can i|where do i|where should i|what can i do|what should i do|how do i report)\b/;
/** A question whom to turn to: "bij wie kan ik …", "wie is de …", "who do I contact". */
export const ASKS_WHOM = /\b(wie|bij wie|naar wie|met wie|waar kan ik|waar moet ik|waar kun je|waar meld|who|whom|where can i|where do i|where should i)\b/;

/**
 * The directory roles an answer names: the roles the question names ("vertrouwenspersoon",
 * "mijn leidinggevende"), or, for a question where to go with a theme that has people to turn
 * to (unwanted behaviour, wrongdoing), that theme's; and always the asker's manager, the
 * route to a person every answer ends with. `folded` is the question after `fold`.
 */
export function contactRolesFor(themes: ThemeHit[], named: ContactRole[], catalogue: ThemeCatalogue, folded: string, scope: ScopeDecision): ContactRole[] {
  const roles: ContactRole[] = [];
  const add = (role: ContactRole) => {
    if (!roles.includes(role)) roles.push(role);
  };
  const asksWhom = ASKS_WHERE_OR_WHAT.test(folded);
  const contactTheme = themes.find((hit) => catalogue.themes[hit.theme]?.id === 'contacts' && hit.confidence >= 0.75);
  if (contactTheme || (asksWhom && named.length > 0)) for (const role of named) add(role);
  const withPeople = themes.filter((hit) => hit.confidence >= 0.75).map((hit) => catalogue.themes[hit.theme]).find((theme) => theme?.contacts && theme.contacts.length > 0);
  if (withPeople && (asksWhom || withPeople.id === 'contacts') && (contactTheme || withPeople.id !== 'contacts' || named.length === 0)) {
    for (const role of withPeople.contacts ?? []) add(role);
  }
  // Every answer ends with the route to a person: the asker's own manager, by name.
  if (scope.inScope) add('manager');
  return roles;
}
