import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startFerretDb, type RunningFerretDb } from '../../scripts/lib/ferretdb.js';
import type { GiftRecord } from '../../src/gifts/index.js';
import { cardInvoke, decideGift, giftData, referenceOf, submitGift } from '../gifts/support.js';
import { ConnectorServer } from '../support/connector.js';
import { demoUsers, startTestBot, visibleText, type TestBot } from '../support/bot.js';
import { actionInvoke, expectNoExceptionText, invokeText, postRaw, watchHealth } from '../support/edge.js';

/**
 * The third-party probe of issue 7's "Done when", as a test: the bot in local mode on a FerretDB
 * of its own (so the database can be stopped and started again), a stand-in Bot Connector for
 * the real conversations and another one standing for an attacker's URL.
 */
const NOT_SAVED = 'kan nu niet worden opgeslagen, probeer het zo opnieuw';

let dataDir: string;
let port: number;
let database: RunningFerretDb | undefined;
let bot: TestBot;
let attacker: ConnectorServer;
const lines: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'integriteit-probe-'));
  port = await freePort();
  database = await startFerretDb({ port, dataDir, detached: false });
  bot = await startTestBot({ env: { MONGODB_URI: database.uri, LOG_LEVEL: 'info' }, logLines: lines, now: new Date('2026-03-10T10:00:00+01:00') });
  attacker = await new ConnectorServer().start();
  for (const user of [demoUsers.manager, demoUsers.employee]) await bot.send(bot.message('help', user));
});
afterAll(async () => {
  await bot?.close();
  await attacker?.stop();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the probe of issue 7', () => {
  it('a forged aadObjectId does not redirect the manager’s card: it reaches the manager’s real conversation', async () => {
    const forged = await bot.post({
      ...bot.message('help'),
      serviceUrl: attacker.url,
      conversation: { id: 'a:attacker', conversationType: 'personal' } as Activity['conversation'],
      from: { id: '29:attacker', aadObjectId: { $regex: '^0000' } } as unknown as Activity['from'],
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('Ongeldige activity');

    const before = bot.connector.sentTo(bot.conversationOf(demoUsers.manager)).length;
    const submitted = await submitGift(bot, demoUsers.employee, giftData({ valueEur: '75', description: 'Probe' }, bot.clock.now));
    expect(submitted.status).toBe(200);
    const reference = referenceOf(submitted.body.value);
    await bot.connector.waitFor(() => bot.connector.sentTo(bot.conversationOf(demoUsers.manager)).length > before);
    expect(JSON.stringify(bot.connector.sentTo(bot.conversationOf(demoUsers.manager)).at(-1))).toContain(reference);
    expect(attacker.calls).toHaveLength(0);
  });

  it('a 520 KB message is answered within 5 s and /healthz answers within 1 s meanwhile', async () => {
    const watcher = watchHealth(bot, 25);
    const started = Date.now();
    const replies = await bot.send(bot.message('heb '.repeat(130_000)));
    const elapsed = Date.now() - started;
    const health = await watcher.stop();
    expect(elapsed).toBeLessThan(5000);
    expect(visibleText(replies)).toContain('Je bericht is te lang');
    expect(health.length).toBeGreaterThan(0);
    expect(Math.max(...health)).toBeLessThan(1000);
  });

  it('unknown invokes are answered with a 200 and text', async () => {
    for (const activity of [actionInvoke(bot, 'no.such.verb'), { ...actionInvoke(bot, 'x'), name: 'no/such/invoke' }, actionInvoke(bot, 'gift.submit', giftData(), 'Action.Submit')]) {
      const response = await bot.invoke(activity);
      expect(response.status).toBe(200);
      expect(invokeText(response.body)).toContain('ken ik niet');
    }
  });

  it('malformed activities are answered with a 4xx and a fixed text', async () => {
    const valid = bot.message('help') as Record<string, unknown>;
    for (const body of [{ ...valid, locale: { a: 1 } }, { ...valid, serviceUrl: 1 }, { ...valid, type: undefined }, { ...valid, from: { id: 'x', aadObjectId: 12 } }]) {
      const { status, text } = await postRaw(bot, JSON.stringify(body));
      expect(status).toBe(400);
      expect(text).toContain('Ongeldige activity');
      expectNoExceptionText(text);
    }
    const form = await postRaw(bot, 'type=message', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    expect(form.text).toContain('JSON');
  });
});

describe('while the database is down', () => {
  let pending: GiftRecord;

  beforeAll(async () => {
    const submitted = await submitGift(bot, demoUsers.employee, giftData({ valueEur: '80', description: 'Voor de storing' }, bot.clock.now));
    pending = (await bot.app.database.db.collection<GiftRecord>('workflowRecords').findOne({ reference: referenceOf(submitted.body.value) }))!;
    await database!.stop();
    database = undefined;
    lines.length = 0;
  });

  it('a gift submission gets a 200 saying in Dutch that it cannot be saved now and to try again', async () => {
    const response = await submitGift(bot, demoUsers.employee, giftData({ description: 'Tijdens de storing' }, bot.clock.now));
    expect(response.status).toBe(200);
    const text = invokeText(response.body);
    expect(text).toContain(NOT_SAVED);
    expectNoExceptionText(text);
  });

  it('a decision gets a 200 with the same text', async () => {
    const response = await decideGift(bot, demoUsers.manager, pending._id, 'hand_in');
    expect(response.status).toBe(200);
    expect(invokeText(response.body)).toContain(NOT_SAVED);
  });

  it('a message and an unknown invoke get text, not a 5xx', async () => {
    const replies = await bot.send(bot.message('help'));
    expect(visibleText(replies)).toContain('Probeer het zo opnieuw');
    const unknown = await bot.invoke(cardInvoke(bot, demoUsers.employee, 'no.such.verb', {}));
    expect(unknown.status).toBe(200);
    expect(invokeText(unknown.body).length).toBeGreaterThan(20);
  });

  it('liveness stays up, readiness says the database is down, and the logs name the error class', async () => {
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(503);
    const failures = lines.map((line) => JSON.parse(line)).filter((entry) => entry.event === 'turn.database_unavailable');
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expect(failure.err.errorClass).toMatch(/^Mongo\w+Error$/);
  });

  it('after the database is back, the same submission is saved once and the earlier record is intact', async () => {
    database = await startFerretDb({ port, dataDir, detached: false });
    const form = giftData({ description: 'Na de storing' }, bot.clock.now);
    let response = await submitGift(bot, demoUsers.employee, form);
    // The driver may need one more round to rediscover the server.
    for (let attempt = 0; attempt < 10 && !JSON.stringify(response.body).includes('-G-2026-'); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      response = await submitGift(bot, demoUsers.employee, form);
    }
    expect(response.status).toBe(200);
    referenceOf(response.body.value);
    const records = bot.app.database.db.collection<GiftRecord>('workflowRecords');
    expect(await records.countDocuments({ 'data.form.description': 'Na de storing' })).toBe(1);
    expect(await records.countDocuments({ 'data.form.description': 'Tijdens de storing' })).toBe(0);
    expect((await records.findOne({ _id: pending._id }))?.state).toBe('awaiting_decision');
  });
});
