import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for reports, with Node's crypto only: AES-256-GCM everywhere (authenticated,
 * so a changed ciphertext is refused rather than decrypted into garbage), a fresh 96-bit IV per
 * seal, and an associated-data label that binds each ciphertext to its place (which report,
 * which field), so a ciphertext copied into another report or field does not open.
 *
 * Keys: the master key from the environment never encrypts content. Two keys are derived from
 * it with HKDF: one that wraps the per-report data keys (and the pseudonym secret), and a short
 * key id stored next to everything it wraps, so a rotation knows what is still to be re-wrapped
 * and the process knows which of its keys opens what.
 */

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The format of a sealed value; a later format gets a new prefix and old values stay readable. */
const FORMAT = 'v1';

export interface MasterKey {
  /** 16 hex characters derived from the key: safe to store, says nothing about the key. */
  id: string;
  wrappingKey: Buffer;
}

export function masterKeyFrom(base64: string): MasterKey {
  const raw = Buffer.from(base64.trim(), 'base64');
  if (raw.length !== 32) throw new Error('a reports master key must be 32 bytes, base64-encoded');
  const derive = (info: string, length: number) => Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), `integriteitsassistent/reports/${info}`, length));
  return { id: derive('key-id/v1', 8).toString('hex'), wrappingKey: derive('wrap/v1', 32) };
}

/** A data key (or the pseudonym secret) wrapped by a master key, with that key's id. */
export interface WrappedKey {
  keyId: string;
  wrapped: string;
}

export class UnknownMasterKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`no master key with id ${keyId} is configured (REPORTS_MASTER_KEY / REPORTS_PREVIOUS_MASTER_KEY)`);
    this.name = 'UnknownMasterKeyError';
  }
}

/**
 * The master keys this process holds: the current one wraps new keys; the previous one (only
 * during a rotation) still unwraps what it wrapped until `reports:rotate-key` re-wrapped it.
 */
export class ReportKeyring {
  readonly current: MasterKey;
  readonly previous: MasterKey | undefined;

  constructor(current: string, previous?: string) {
    this.current = masterKeyFrom(current);
    this.previous = previous ? masterKeyFrom(previous) : undefined;
  }

  /** The keyring from the configuration; undefined when no master key is set (reports are then unavailable). */
  static fromConfig(config: { REPORTS_MASTER_KEY?: string | undefined; REPORTS_PREVIOUS_MASTER_KEY?: string | undefined }): ReportKeyring | undefined {
    return config.REPORTS_MASTER_KEY ? new ReportKeyring(config.REPORTS_MASTER_KEY, config.REPORTS_PREVIOUS_MASTER_KEY) : undefined;
  }

  wrap(key: Buffer, context: string): WrappedKey {
    return { keyId: this.current.id, wrapped: seal(this.current.wrappingKey, key.toString('base64'), `key:${context}`) };
  }

  unwrap(wrapped: WrappedKey, context: string): Buffer {
    const master = [this.current, this.previous].find((candidate) => candidate?.id === wrapped.keyId);
    if (!master) throw new UnknownMasterKeyError(wrapped.keyId);
    return Buffer.from(open(master.wrappingKey, wrapped.wrapped, `key:${context}`), 'base64');
  }
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** `v1.<base64url(iv | tag | ciphertext)>`: one string, so it fits any document field. */
export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${FORMAT}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
}

/** Throws when the value was changed, sealed for another place, or with another key. */
export function open(key: Buffer, sealed: string, context: string): string {
  if (!isSealed(sealed)) throw new Error('not a sealed value');
  const bytes = Buffer.from(sealed.slice(FORMAT.length + 1), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value too short');
  const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${FORMAT}.`);
}
