import type { Collection, Db } from 'mongodb';
import type { Outbox, OutgoingMessage } from '../delivery/types.js';
import type { Language, Organisation, Person, Role } from '../directory/types.js';
import type { Logger } from '../logging/logger.js';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from '../storage/database.js';
import { digestCards, type RegisterLink } from './card.js';
import { DEFAULT_DIGEST, buildDigest, type DigestData } from './digest.js';
import type { Period } from './figures.js';

export const DIGEST_RUNS = 'digestRuns';
/** The reason of a digest's outbox views: `digest:<part>`. */
export const DIGEST_VIEW = /^digest:(\d{1,3})$/;

/** One digest sent: its period and figures, kept so the next one starts where this one ended. */
export interface DigestRun {
  /** `<orgId>:<to ISO>`: one run per organisation and period end, also with several instances. */
  _id: string;
  orgId: string;
  from: Date;
  to: Date;
  digest: DigestData;
  recipients: string[];
  createdAt: Date;
  schemaVersion: number;
}

export const digestCollections: CollectionDefinition[] = [{ name: DIGEST_RUNS, indexes: [{ key: { orgId: 1, to: -1 }, name: 'org_to' }] }];

const WEEK_MS = 7 * 24 * 60 * 60_000;

function runs(db: Db): Collection<DigestRun> {
  return db.collection<DigestRun>(DIGEST_RUNS);
}

export interface DigestServices {
  db: Db;
  directory: { peopleWithRole(orgId: string, role: Role): Promise<Person[]>; person(aadObjectId: string): Promise<Person | undefined> };
  outbox: Outbox;
  logger: Logger;
}

/** Since the last digest sent for the organisation, or the last seven days when none was. */
export async function nextDigestPeriod(db: Db, orgId: string, now: Date): Promise<Period> {
  const last = await runs(db).find({ orgId, to: { $lte: now } }).sort({ to: -1 }).limit(1).next();
  return { from: last?.to ?? new Date(now.getTime() - WEEK_MS), to: now };
}

export async function digestFor(services: Pick<DigestServices, 'db' | 'directory'>, organisation: Organisation, now: Date): Promise<DigestData> {
  const period = await nextDigestPeriod(services.db, organisation.id, now);
  return buildDigest({ db: services.db, organisation, period, nameOf: async (id) => (await services.directory.person(id))?.name });
}

/**
 * Builds the digest for the period since the last one and leaves it in the outbox for every
 * holder of the organisation's digest roles: as views of the stored run, drawn in each reader's
 * language when delivered, one per card part. A repeated run for the same moment sends nothing twice.
 */
export async function sendDigest(services: DigestServices, organisation: Organisation, now: Date, lang: Language = organisation.defaultLanguage): Promise<string> {
  const settings = organisation.digest ?? DEFAULT_DIGEST;
  const digest = await digestFor(services, organisation, now);
  const recipients = [...new Set((await Promise.all(settings.recipientRoles.map((role) => services.directory.peopleWithRole(organisation.id, role)))).flat().map((person) => person.aadObjectId))];
  const run: DigestRun = { _id: `${organisation.id}:${now.toISOString()}`, orgId: organisation.id, from: digest.from, to: digest.to, digest, recipients, createdAt: now, schemaVersion: SCHEMA_VERSION };
  try {
    await runs(services.db).insertOne(run);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const parts = digestCards(digest, lang, []).length;
  const messages: OutgoingMessage[] = recipients.flatMap((to) =>
    Array.from({ length: parts }, (_, part) => ({
      mode: 'send' as const,
      to,
      key: `digest:${run._id}:${part}:${to}`,
      purpose: 'digest',
      orgId: organisation.id,
      recordId: run._id,
      view: { recordId: run._id, reason: `digest:${part}`, atVersion: 0 },
    })),
  );
  await services.outbox.enqueue(messages);
  services.logger.info({ event: 'digest.sent', orgId: organisation.id, recipients: recipients.length, parts }, 'digest left in the outbox');
  return `${recipients.length} ontvangers, ${parts} ${parts === 1 ? 'kaart' : 'kaarten'}`;
}

/** Draws one part of a stored digest for a recipient when it is delivered. */
export async function renderDigest(db: Db, runId: string, reason: string, to: string, lang: Language, registers: readonly RegisterLink[]) {
  const part = Number(DIGEST_VIEW.exec(reason)?.[1] ?? -1);
  const run = await runs(db).findOne({ _id: runId });
  if (!run || !run.recipients.includes(to.trim().toLowerCase())) return undefined;
  const cards = digestCards(run.digest, lang, registers);
  const card = cards[Math.min(part, cards.length - 1)];
  // A language whose digest needs fewer parts: the surplus parts are not sent.
  return card && part < cards.length ? { kind: 'card' as const, card } : undefined;
}
