import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { normaliseObjectId } from '../directory/directory.js';
import { SCHEMA_VERSION, isDuplicateKeyError, type CollectionDefinition } from '../storage/database.js';
import { UnknownMasterKeyError, newDataKey, open, seal, type ReportKeyring } from './crypto.js';

export const REPORT_VAULT = 'reportVault';
export const REPORT_SECRETS = 'reportSecrets';

export const reportCollections: CollectionDefinition[] = [
  { name: REPORT_VAULT, indexes: [{ key: { keyId: 1 }, name: 'keyId' }, { key: { createdAt: 1 }, name: 'createdAt' }] },
  { name: REPORT_SECRETS, indexes: [] },
];

/** What a report says and who made it: only ever stored sealed, readable by its recipients. */
export interface ReportContent {
  reporter: { aadObjectId: string; name: string; upn: string };
  managerInvolved: boolean;
  description?: string;
}

/**
 * One report's sealed part, apart from its workflow record. Deleting it (retention) destroys
 * the data key, and with it every message sealed under that key wherever it is stored: the
 * record's history and the insert-only audit keep only ciphertext nobody can open any more.
 */
interface VaultDocument {
  _id: string;
  orgId: string;
  keyId: string;
  wrappedKey: string;
  content: string;
  createdAt: Date;
  schemaVersion: number;
}

interface SecretDocument {
  _id: string;
  keyId: string;
  wrapped: string;
  createdAt: Date;
  schemaVersion: number;
}

/** A report opened for someone allowed to read it: its content, and sealing for its messages. */
export interface OpenedReport {
  vaultId: string;
  content: ReportContent;
  sealText(text: string): string;
  /** Undefined for a value that does not open (not from this report). */
  openText(sealed: string): string | undefined;
}

export class ReportVault {
  private readonly vault: Collection<VaultDocument>;

  constructor(
    db: Db,
    private readonly keyring: ReportKeyring,
  ) {
    this.vault = db.collection<VaultDocument>(REPORT_VAULT);
  }

  /** Seals new content under a fresh data key; the id goes on the record. */
  async store(orgId: string, content: ReportContent, now: Date): Promise<string> {
    const vaultId = randomUUID();
    const dataKey = newDataKey();
    const wrapped = this.keyring.wrap(dataKey, vaultId);
    await this.vault.insertOne({
      _id: vaultId,
      orgId,
      keyId: wrapped.keyId,
      wrappedKey: wrapped.wrapped,
      content: seal(dataKey, JSON.stringify(content), `content:${vaultId}`),
      createdAt: now,
      schemaVersion: SCHEMA_VERSION,
    });
    return vaultId;
  }

  /** Undefined once the content was deleted after the retention period. */
  async open(vaultId: string): Promise<OpenedReport | undefined> {
    const document = await this.vault.findOne({ _id: vaultId });
    if (!document) return undefined;
    const dataKey = this.keyring.unwrap({ keyId: document.keyId, wrapped: document.wrappedKey }, vaultId);
    const textContext = `text:${vaultId}`;
    return {
      vaultId,
      content: JSON.parse(open(dataKey, document.content, `content:${vaultId}`)) as ReportContent,
      sealText: (text) => seal(dataKey, text, textContext),
      openText: (sealed) => {
        try {
          return open(dataKey, sealed, textContext);
        } catch {
          return undefined;
        }
      },
    };
  }
}

/** Owner ids of reports start with this; nothing else in the product does. */
export const PSEUDONYM_PREFIX = 'rp-';
const PSEUDONYM_SECRET_ID = 'pseudonyms';

/**
 * The id a reporter's reports are filed under: an HMAC of their aadObjectId with a secret that
 * is itself stored wrapped by the master key. Without the master key nobody can tell whose
 * reports they are, nor compute the pseudonym of a given person; with it, "mijn meldingen"
 * finds a person's reports. The secret is not derived from the master key so that a rotation
 * re-wraps it and the pseudonyms (kept in the insert-only audit) never change.
 */
export class Pseudonyms {
  private readonly secrets: Collection<SecretDocument>;
  private secret: Promise<Buffer> | undefined;

  constructor(
    db: Db,
    private readonly keyring: ReportKeyring,
  ) {
    this.secrets = db.collection<SecretDocument>(REPORT_SECRETS);
  }

  async of(aadObjectId: string): Promise<string> {
    const secret = await this.load();
    return `${PSEUDONYM_PREFIX}${createHmac('sha256', secret).update(`owner:${normaliseObjectId(aadObjectId)}`).digest('hex').slice(0, 40)}`;
  }

  private load(): Promise<Buffer> {
    this.secret ??= this.loadOrCreate().catch((error: unknown) => {
      this.secret = undefined;
      throw error;
    });
    return this.secret;
  }

  private async loadOrCreate(): Promise<Buffer> {
    const stored = await this.secrets.findOne({ _id: PSEUDONYM_SECRET_ID });
    if (stored) return this.keyring.unwrap(stored, PSEUDONYM_SECRET_ID);
    const wrapped = this.keyring.wrap(randomBytes(32), PSEUDONYM_SECRET_ID);
    try {
      await this.secrets.insertOne({ _id: PSEUDONYM_SECRET_ID, ...wrapped, createdAt: new Date(), schemaVersion: SCHEMA_VERSION });
    } catch (error) {
      // Another instance created it first: everyone uses that one.
      if (!isDuplicateKeyError(error)) throw error;
    }
    return this.loadOrCreate();
  }
}

export interface RotationSummary {
  /** Keys now wrapped by the current master key that were not before. */
  rewrapped: number;
  alreadyCurrent: number;
  /** Wrapped by a master key this process does not hold: nothing was changed for them. */
  unreadable: number;
}

/**
 * Re-wraps every data key and the pseudonym secret under the current master key. The sealed
 * content itself is untouched (it is sealed with the data keys), so this is quick and safe to
 * repeat, also while the bot runs with both keys configured.
 */
export async function rotateReportKeys(db: Db, keyring: ReportKeyring): Promise<RotationSummary> {
  const summary: RotationSummary = { rewrapped: 0, alreadyCurrent: 0, unreadable: 0 };
  const current = keyring.current.id;
  const rewrap = async (wrapped: { keyId: string; wrapped: string }, context: string, write: (next: { keyId: string; wrapped: string }) => Promise<unknown>) => {
    if (wrapped.keyId === current) return void (summary.alreadyCurrent += 1);
    let key: Buffer;
    try {
      key = keyring.unwrap(wrapped, context);
    } catch (error) {
      if (!(error instanceof UnknownMasterKeyError)) throw error;
      return void (summary.unreadable += 1);
    }
    await write(keyring.wrap(key, context));
    summary.rewrapped += 1;
  };
  const vault = db.collection<VaultDocument>(REPORT_VAULT);
  for await (const document of vault.find({}, { projection: { _id: 1, keyId: 1, wrappedKey: 1 } })) {
    await rewrap({ keyId: document.keyId, wrapped: document.wrappedKey }, document._id, (next) =>
      vault.updateOne({ _id: document._id, keyId: document.keyId }, { $set: { keyId: next.keyId, wrappedKey: next.wrapped } }),
    );
  }
  const secrets = db.collection<SecretDocument>(REPORT_SECRETS);
  for await (const secret of secrets.find({})) {
    await rewrap(secret, secret._id, (next) => secrets.updateOne({ _id: secret._id, keyId: secret.keyId }, { $set: next }));
  }
  return summary;
}
