import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { ReportKeyring, UnknownMasterKeyError, reportVerbs, rotateReportKeys, type ReportRecord } from '../../src/reports/index.js';
import { masterKeyFrom, newDataKey, open, seal } from '../../src/reports/crypto.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { testDatabaseName, testMongoUri } from '../support/database.js';
import { alex, execute, lastCardTo, lynne, press, say, submitReport } from './support.js';
import { cardText } from '../gifts/support.js';

const run = promisify(execFile);
const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');

describe('sealing', () => {
  it('opens only with the same key and the same place, and refuses any change', () => {
    const key = newDataKey();
    const sealed = seal(key, 'vertrouwelijk', 'text:r1');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('vertrouwelijk');
    expect(seal(key, 'vertrouwelijk', 'text:r1')).not.toBe(sealed);
    expect(open(key, sealed, 'text:r1')).toBe('vertrouwelijk');
    expect(() => open(key, sealed, 'text:r2')).toThrow();
    expect(() => open(newDataKey(), sealed, 'text:r1')).toThrow();
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => open(key, `v1.${bytes.toString('base64url')}`, 'text:r1')).toThrow();
  });

  it('derives a stable key id that differs per key and says nothing about it', () => {
    expect(masterKeyFrom(keyA).id).toBe(masterKeyFrom(keyA).id);
    expect(masterKeyFrom(keyA).id).not.toBe(masterKeyFrom(keyB).id);
    expect(masterKeyFrom(keyA).id).toMatch(/^[0-9a-f]{16}$/);
    expect(keyA).not.toContain(masterKeyFrom(keyA).id);
  });

  it('unwraps with the previous key during a rotation, and refuses a key it does not hold', () => {
    const dataKey = newDataKey();
    const wrapped = new ReportKeyring(keyA).wrap(dataKey, 'v1');
    expect(new ReportKeyring(keyB, keyA).unwrap(wrapped, 'v1').equals(dataKey)).toBe(true);
    expect(() => new ReportKeyring(keyB).unwrap(wrapped, 'v1')).toThrow(UnknownMasterKeyError);
  });
});

describe('REPORTS_MASTER_KEY', () => {
  it('must be 32 bytes of base64, is required in production, and is never echoed', () => {
    expect(() => loadConfig({ REPORTS_MASTER_KEY: 'c2hvcnQ=' })).toThrow(/REPORTS_MASTER_KEY: expected 32 random bytes as base64/);
    expect(() => loadConfig({ REPORTS_MASTER_KEY: 'c2hvcnQ=' })).not.toThrow(/c2hvcnQ/);
    expect(() => loadConfig({ NODE_ENV: 'production', BOT_ID: 'x', BOT_PASSWORD: 'y' })).toThrow(/REPORTS_MASTER_KEY: required when NODE_ENV=production/);
    expect(() => loadConfig({ REPORTS_MASTER_KEY: keyA, REPORTS_PREVIOUS_MASTER_KEY: keyA })).toThrow(/must differ/);
    expect(loadConfig({ REPORTS_MASTER_KEY: keyA }).REPORTS_MASTER_KEY).toBe(keyA);
  });
});

describe('key rotation', () => {
  it('keeps every report readable for its reporter and its recipient after re-wrapping under a new master key', async () => {
    const database = testDatabaseName();
    const stopWithoutDropping = async (bot: TestBot) => {
      await bot.app.stop();
      await bot.connector.stop();
    };
    const first = await startTestBot({ env: { MONGODB_DB: database, REPORTS_MASTER_KEY: keyA }, now: new Date('2026-03-10T10:00:00+01:00') });
    for (const user of [alex, lynne]) await first.send(first.message('help', user));
    const made: ReportRecord[] = [];
    for (const description of ['Eerste melding onder sleutel A', 'Tweede melding onder sleutel A']) made.push((await submitReport(first, alex, { description })).record);
    await execute(first, lynne, reportVerbs.message, { reportId: made[0]!._id, message: 'Bericht onder sleutel A' });
    await first.settle();
    await stopWithoutDropping(first);

    // Mid-rotation: the bot runs with the new key and the old one; the command re-wraps everything.
    const during = await startTestBot({ env: { MONGODB_DB: database, REPORTS_MASTER_KEY: keyB, REPORTS_PREVIOUS_MASTER_KEY: keyA } });
    const command = (env: Record<string, string>) =>
      run(process.execPath, ['--import', 'tsx', 'src/cli/reports-rotate-key.ts'], { env: { ...process.env, MONGODB_URI: testMongoUri(), MONGODB_DB: database, LOG_LEVEL: 'silent', ...env } });
    // Without the old key nothing can be re-wrapped, and the command says so.
    await expect(command({ REPORTS_MASTER_KEY: keyB, REPORTS_PREVIOUS_MASTER_KEY: '' })).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('Niet te openen: 3') });
    const { stdout } = await command({ REPORTS_MASTER_KEY: keyB, REPORTS_PREVIOUS_MASTER_KEY: keyA });
    expect(stdout).toContain('Opnieuw verpakt: 3. Al met de huidige sleutel: 0. Niet te openen: 0.');
    expect(await rotateReportKeys(during.app.database.db, new ReportKeyring(keyB, keyA))).toEqual({ rewrapped: 0, alreadyCurrent: 3, unreadable: 0 });
    expect(await during.app.database.db.collection('reportVault').countDocuments({ keyId: masterKeyFrom(keyB).id })).toBe(2);
    await stopWithoutDropping(during);

    // After: only the new key. The reporter still finds their reports (same pseudonym), both sides still read them.
    const after = await startTestBot({ env: { MONGODB_DB: database, REPORTS_MASTER_KEY: keyB } });
    try {
      for (const user of [alex, lynne]) await after.send(after.message('help', user));
      const list = await say(after, alex, 'mijn meldingen');
      for (const record of made) expect(list).toContain(record.reference);
      expect(await press(after, alex, { verb: 'records.open', recordId: made[0]!._id })).toContain('Bericht onder sleutel A');
      expect(await press(after, lynne, { verb: 'records.open', recordId: made[1]!._id })).toContain('Tweede melding onder sleutel A');
      await execute(after, lynne, reportVerbs.message, { reportId: made[1]!._id, message: 'Na de wissel' });
      await after.settle();
      expect(cardText(lastCardTo(after, alex))).toContain('Na de wissel');
    } finally {
      await after.close();
    }
  }, 120_000);
});
