import type { TurnContext } from 'botbuilder';
import type { Directory, Organisation, Person } from '../directory/index.js';
import { languageOf, type Language } from '../i18n/index.js';
import type { Requester } from '../workflow/index.js';
import { identityOf } from './inbound.js';

/**
 * Who is acting in this turn, established on the server from the Teams identity of the
 * activity (never from card data): every authorisation decision starts here.
 */
export interface Caller {
  aadObjectId: string | undefined;
  tenantId: string | undefined;
  lang: Language;
  orgId: string | undefined;
  organisation: Organisation | undefined;
  person: Person | undefined;
}

/** The sender's Teams identity as validated at the edge (see inbound.ts). */
export function teamsIdentity(context: TurnContext): { aadObjectId?: string; tenantId?: string } {
  const { aadObjectId, tenantId } = identityOf(context);
  return { aadObjectId, tenantId };
}

export async function resolveCaller(context: TurnContext, directory: Directory, defaultOrg: string | undefined): Promise<Caller> {
  const identity = identityOf(context);
  const person = identity.aadObjectId ? await directory.person(identity.aadObjectId) : undefined;
  const orgId = person?.orgId ?? (await directory.resolveOrganisation({ aadObjectId: identity.aadObjectId, tenantId: identity.tenantId }, defaultOrg));
  const organisation = orgId ? await directory.organisation(orgId) : undefined;
  return {
    aadObjectId: identity.aadObjectId,
    tenantId: identity.tenantId,
    lang: languageOf(identity.locale, organisation?.defaultLanguage ?? 'nl'),
    orgId: organisation?.id,
    organisation,
    person,
  };
}

/** The caller as the domain needs them: known identity and organisation, or undefined. */
export function requesterOf(caller: Caller): Requester | undefined {
  if (!caller.aadObjectId || !caller.organisation) return undefined;
  return { aadObjectId: caller.aadObjectId, lang: caller.lang, organisation: caller.organisation, person: caller.person };
}
