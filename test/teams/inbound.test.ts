import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRecords } from '../../src/cli/records.js';
import { loadConfig } from '../../src/config/env.js';
import { REFERENCE_CHECK_INTERVAL_MS } from '../../src/teams/conversationReferences.js';
import { aadObjectIdSchema, serviceUrlPolicy } from '../../src/teams/inbound.js';
import { giftData, submitGift } from '../gifts/support.js';
import { ConnectorServer } from '../support/connector.js';
import { demoUsers, startTestBot, visibleText, type TestBot, type TestUser } from '../support/bot.js';
import { actionInvoke, expectNoExceptionText, invokeText, postRaw, storedReferences } from '../support/edge.js';

/** Issue 7: the edge parses every activity once; these are the defects the adversarial test found. */
const lines: string[] = [];
let bot: TestBot;
let attacker: ConnectorServer;

beforeAll(async () => {
  bot = await startTestBot({ env: { LOG_LEVEL: 'info' }, logLines: lines, now: new Date('2026-03-10T10:00:00+01:00') });
  attacker = await new ConnectorServer().start();
  for (const user of [demoUsers.manager, demoUsers.employee]) await bot.send(bot.message('help', user));
});
afterAll(async () => {
  await bot?.close();
  await attacker?.stop();
});

const forgedFrom = (aadObjectId: unknown): Partial<Activity> => ({
  ...bot.message('help'),
  serviceUrl: attacker.url,
  conversation: { id: 'a:attacker', conversationType: 'personal' } as Activity['conversation'],
  from: { id: '29:attacker', name: 'Mallory', aadObjectId } as unknown as Activity['from'],
});

describe('forged identities (defect 1)', () => {
  it('refuses an operator object, a number, a boolean, {} or a 100 KB string as aadObjectId, and stores nothing', async () => {
    const before = await storedReferences(bot);
    for (const forged of [{ $regex: '^0000' }, { $ne: null }, 42, true, {}, [], 'x'.repeat(100_000), '00000000-0000-0000-0000-0000000000021\u0000']) {
      const response = await bot.post(forgedFrom(forged));
      const text = await response.text();
      expect(response.status, JSON.stringify(forged).slice(0, 40)).toBe(400);
      expect(JSON.parse(text).error.fields).toEqual(['from']);
      expectNoExceptionText(text);
    }
    expect(await storedReferences(bot)).toEqual(before);
    expect(attacker.calls).toHaveLength(0);
  });

  it('still delivers the manager’s decision card to the manager’s own chat after such a message', async () => {
    await bot.post(forgedFrom({ $regex: '^0000' }));
    const before = bot.connector.sentTo(bot.conversationOf(demoUsers.manager)).length;
    const submitted = await submitGift(bot, demoUsers.employee, giftData({ valueEur: '75' }, bot.clock.now));
    expect(submitted.status).toBe(200);
    await bot.connector.waitFor(() => bot.connector.sentTo(bot.conversationOf(demoUsers.manager)).length > before);
    expect(attacker.calls).toHaveLength(0);
  });

  it('stores a reference only under the sender’s own id, lower-cased', async () => {
    const upper: TestUser = { aadObjectId: 'C3000000-0000-4000-8000-0000000000AB' };
    await bot.send(bot.message('help', upper));
    const references = await storedReferences(bot);
    expect(references[JSON.stringify(upper.aadObjectId.toLowerCase())]?.conversationId).toBe(bot.conversationOf(upper));
    expect(references[JSON.stringify(upper.aadObjectId)]).toBeUndefined();
  });

  it('repairs a reference that went wrong: with the person’s very next message, or their first after the check interval when this process just compared it', async () => {
    const references = bot.app.database.db.collection<{ _id: string; serviceUrl: string; conversationId: string }>('conversationReferences');
    const poison = (user: TestUser) => references.updateOne({ _id: user.aadObjectId }, { $set: { serviceUrl: attacker.url, conversationId: 'a:attacker' } }, { upsert: true });
    const repaired = async (user: TestUser) => (await storedReferences(bot))[JSON.stringify(user.aadObjectId)];
    const expected = (user: TestUser) => ({ serviceUrl: bot.connector.url, conversationId: bot.conversationOf(user) });

    // Poisoned before this process saw the person (an old release, another writer): the very next message.
    const stranger: TestUser = { aadObjectId: 'c3000000-0000-4000-8000-0000000000cd' };
    await poison(stranger);
    await bot.send(bot.message('help', stranger));
    expect(await repaired(stranger)).toEqual(expected(stranger));

    // Poisoned right after this process compared it: the first message once the interval has passed.
    await bot.send(bot.message('help', demoUsers.manager));
    await poison(demoUsers.manager);
    bot.clock.now = new Date(bot.clock.now.getTime() + REFERENCE_CHECK_INTERVAL_MS * 1.5 + 1);
    await bot.send(bot.message('help', demoUsers.manager));
    expect(await repaired(demoUsers.manager)).toEqual(expected(demoUsers.manager));
  });

  it('accepts the ids the Agents Playground sends: mock users with 13 digits in the last group, its bot with 14', async () => {
    const yml = readFileSync(new URL('../../.m365agentsplayground.yml', import.meta.url), 'utf8');
    const ids = [...yml.matchAll(/^\s*(?:aadObjectId|id): ([0-9a-f-]{36,38})$/gm)].map((match) => match[1]!);
    expect(ids.length).toBeGreaterThanOrEqual(7);
    for (const id of ids) expect(aadObjectIdSchema.safeParse(id).success, id).toBe(true);

    const playgroundUser: TestUser = { aadObjectId: '00000000-0000-0000-0000-0000000000029' };
    const replies = await bot.send({
      ...bot.message('help', playgroundUser),
      from: { id: 'user-id-9', name: 'Playground', aadObjectId: playgroundUser.aadObjectId },
      recipient: { id: '00000000-0000-0000-0000-00000000000011', name: 'Integriteitsassistent' },
    });
    expect(visibleText(replies)).toContain('Wat kan ik voor je doen?');
    expect((await storedReferences(bot))[JSON.stringify(playgroundUser.aadObjectId)]).toBeDefined();
  });

  it('refuses other shapes of id', () => {
    for (const id of ['', 'not-a-guid', '00000000-0000-0000-0000-000000000000000', '00000000-0000-0000-0000-00000000000', '00000000_0000_0000_0000_000000000000', ' 00000000-0000-0000-0000-000000000020']) {
      expect(aadObjectIdSchema.safeParse(id).success, id).toBe(false);
    }
  });
});

describe('service URLs', () => {
  it('in local mode accepts loopback and refuses anything else with a 403, storing nothing', async () => {
    const before = await storedReferences(bot);
    const response = await bot.post({ ...bot.message('help', { aadObjectId: 'c3000000-0000-4000-8000-0000000000ac' }), serviceUrl: 'https://attacker.example/' });
    expect(response.status).toBe(403);
    expectNoExceptionText(await response.text());
    expect(await storedReferences(bot)).toEqual(before);
  });

  it('with BOT_ID accepts only the configured origins (Teams and the Bot Framework by default)', () => {
    const production = serviceUrlPolicy(loadConfig({ BOT_ID: 'x', BOT_PASSWORD: 'y' }));
    for (const url of ['https://smba.trafficmanager.net/emea/', 'https://smba.trafficmanager.net/teams/', 'https://webchat.botframework.com/', 'https://smba.infra.gcc.teams.microsoft.com/teams']) {
      expect(production(url), url).toBe(true);
    }
    for (const url of ['http://127.0.0.1:3978/', 'http://localhost/', 'http://smba.trafficmanager.net/', 'https://smba.trafficmanager.net.attacker.example/', 'https://botframework.com.attacker.example/', 'https://attacker.example/', 'https://smba.trafficmanager.net:8443/', 'not a url']) {
      expect(production(url), url).toBe(false);
    }
    const configured = serviceUrlPolicy(loadConfig({ BOT_ID: 'x', BOT_PASSWORD: 'y', ALLOWED_SERVICE_URLS: 'https://teams.example.nl, http://127.0.0.1:4000' }));
    expect(configured('https://teams.example.nl/x/')).toBe(true);
    expect(configured('http://127.0.0.1:4000/')).toBe(true);
    expect(configured('http://127.0.0.1:4001/')).toBe(false);
    expect(configured('https://smba.trafficmanager.net/emea/')).toBe(false);
    const local = serviceUrlPolicy(loadConfig({}));
    expect(local('http://127.0.0.1:56150/_connector')).toBe(true);
    expect(local('http://localhost:1/')).toBe(true);
    expect(local('https://attacker.example/')).toBe(false);
    expect(() => loadConfig({ ALLOWED_SERVICE_URLS: 'smba.trafficmanager.net' })).toThrow(/ALLOWED_SERVICE_URLS: expected a comma-separated list of origins/);
  });
});

describe('malformed activities (defect 4)', () => {
  const valid = () => bot.message('help') as Record<string, unknown>;
  const cases: [string, () => unknown][] = [
    ['a locale object', () => ({ ...valid(), locale: { a: 1 } })],
    ['a numeric serviceUrl', () => ({ ...valid(), serviceUrl: 1 })],
    ['no type', () => ({ ...valid(), type: undefined })],
    ['a type object', () => ({ ...valid(), type: { $gt: '' } })],
    ['no conversation', () => ({ ...valid(), conversation: undefined })],
    ['a conversation id object', () => ({ ...valid(), conversation: { id: { $ne: 1 } } })],
    ['text as an object', () => ({ ...valid(), text: { toString: 1 } })],
    ['a tenant id object', () => ({ ...valid(), channelData: { tenant: { id: { $regex: '.' } } } })],
    ['deeply nested card data', () => ({ ...valid(), value: JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) })],
    ['a prototype key', () => JSON.parse(`{"type":"message","channelId":"msteams","serviceUrl":"${bot.connector.url}","from":{"id":"x"},"recipient":{"id":"b"},"conversation":{"id":"c"},"value":{"__proto__":{"admin":true}}}`)],
    ['a mention entity without the mentioned account', () => ({ ...valid(), entities: [{ type: 'mention', text: '<at>Bot</at>' }] })],
    ['a mention without text to cut it from', () => ({ ...valid(), text: undefined, entities: [{ type: 'mention', text: '<at>Bot</at>', mentioned: { id: '28:integriteitsassistent' } }] })],
    ['an array', () => [valid()]],
    ['null', () => null],
  ];
  it.each(cases)('answers %s with a 400 and a fixed text', async (_name, body) => {
    const { status, text } = await postRaw(bot, JSON.stringify(body()));
    expect(status).toBe(400);
    expect(JSON.parse(text).error.message).toContain('Ongeldige activity');
    expectNoExceptionText(text);
  });

  it('reads null in an optional field as absent, as channels write it, and answers as without it', async () => {
    const plain = await bot.send(bot.message('help', demoUsers.employee));
    const message = bot.message('help', demoUsers.employee) as Record<string, any>;
    const withNulls = {
      ...message,
      timestamp: null,
      localTimezone: null,
      textFormat: null,
      replyToId: null,
      from: { ...message.from, name: null, role: null },
      conversation: { ...message.conversation, tenantId: null, name: null },
      channelData: { ...message.channelData, tenant: null },
    };
    const answered = await bot.send(withNulls as unknown as Partial<Activity>);
    expect(visibleText(answered)).toBe(visibleText(plain));
    expect(answered.length).toBeGreaterThan(0);
  });

  it('answers a form-encoded body, broken JSON and an oversized body without echoing a parser error', async () => {
    const form = await postRaw(bot, 'type=message&text=hallo', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    expectNoExceptionText(form.text);
    const broken = await postRaw(bot, '{"type": "message", "text": "hal');
    expect(broken.status).toBe(400);
    expect(broken.text).toContain('geen geldige JSON');
    expectNoExceptionText(broken.text);
    const huge = await postRaw(bot, JSON.stringify({ ...valid(), text: 'x'.repeat(600 * 1024) }));
    expect(huge.status).toBe(413);
    expectNoExceptionText(huge.text);
  });

  it('answers a message whose serviceUrl cannot be reached without a 5xx and quickly', async () => {
    const closed = await new ConnectorServer().start();
    await closed.stop();
    const started = Date.now();
    const response = await bot.post({ ...bot.message('help', { aadObjectId: 'c3000000-0000-4000-8000-0000000000ad' }), serviceUrl: closed.url });
    expect(response.status).toBeLessThan(500);
    expectNoExceptionText(await response.text());
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('invokes without a handler (defect 3)', () => {
  it.each([
    ['an unknown verb', () => actionInvoke(bot, 'gift.teleport', { giftId: randomUUID() })],
    ['a verb that is not a string', () => actionInvoke(bot, { $ne: null })],
    ['Action.Submit data in a Universal Action invoke', () => actionInvoke(bot, 'gift.submit', giftData(), 'Action.Submit')],
    ['an unknown invoke name', () => ({ ...actionInvoke(bot, 'x'), name: 'composeExtension/fetchTask' })],
    ['an invoke without a name', () => ({ ...actionInvoke(bot, 'x'), name: undefined })],
    ['task/fetch', () => ({ ...actionInvoke(bot, 'x'), name: 'task/fetch' })],
  ])('answers %s with a 200 and a Dutch text saying what to do', async (_name, activity) => {
    const response = await bot.invoke(activity());
    expect(response.status).toBe(200);
    const text = invokeText(response.body);
    expect(text).toContain('ken ik niet');
    expect(text).toContain('Typ \\"help\\"');
    expectNoExceptionText(text);
  });

  it('answers in English for an English client', async () => {
    const response = await bot.invoke(actionInvoke(bot, 'gift.teleport', {}, 'Action.Execute', 'en-GB'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(response.body.value).toContain('I do not know this button');
  });
});

describe('logs (defect 6)', () => {
  it('stay bounded and name the error class instead of hiding it', async () => {
    lines.length = 0;
    await bot.post({ ...bot.message('help'), id: 'i'.repeat(100_000) });
    await bot.post({ ...bot.message('help'), type: 'x'.repeat(100_000) });
    await bot.post({ ...bot.message('help'), type: 'madeUpActivityType' });
    // A turn that fails: the reply cannot be delivered to a connector that is gone.
    const closed = await new ConnectorServer().start();
    await closed.stop();
    await bot.post({ ...bot.message('help', { aadObjectId: 'c3000000-0000-4000-8000-0000000000ae' }), serviceUrl: closed.url });
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.length).toBeLessThan(2048);
    expect(lines.join('')).not.toContain('iiiiiiiiii');
    expect(lines.join('')).not.toContain('madeUpActivityType');
    const failures = lines.map((line) => JSON.parse(line)).filter((entry) => entry.event === 'turn.error');
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure.err.errorClass).toMatch(/^[A-Za-z]+$/);
      expect(failure.err.errorClass).not.toBe('[redacted]');
    }
  });
});

describe('a new user’s first turns arriving together (defect 8)', () => {
  it('stores one reference per user and logs no error', async () => {
    lines.length = 0;
    const users = Array.from({ length: 6 }, (_, index): TestUser => ({ aadObjectId: `c4000000-0000-4000-8000-00000000000${index}` }));
    const responses = await Promise.all(
      users.flatMap((user) => [
        bot.post({ ...bot.message('', user), text: undefined, type: 'installationUpdate', action: 'add' }),
        bot.post({ ...bot.message('', user), text: undefined, type: 'conversationUpdate', membersAdded: [{ id: '28:integriteitsassistent', name: 'Integriteitsassistent' }] }),
      ]),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
    const references = await storedReferences(bot);
    for (const user of users) expect(references[JSON.stringify(user.aadObjectId)]).toBeDefined();
    const errors = lines.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 50);
    expect(errors).toEqual([]);
  });
});

describe('control characters (defect 5)', () => {
  it('are stripped from what a user sends, and escaped by npm run records', async () => {
    const description = 'Fles\u0000 wijn\u0007 \u001b[31mrood\u001b[0m\u009b2J\r\nregel twee';
    const submitted = await submitGift(bot, demoUsers.employee, giftData({ description, giver: 'Firma\u001b]0;titel\u0007 Jansen' }, bot.clock.now));
    expect(submitted.status).toBe(200);
    const records = bot.app.database.db.collection<{ data: { form: { description: string; giver: string } }; reference: string }>('workflowRecords');
    const stored = await records.findOne({ 'data.form.description': { $regex: '^Fles' } });
    expect(stored?.data.form.description).toBe('Fles wijn [31mrood[0m2J\nregel twee');
    expect(stored?.data.form.giver).toBe('Firma]0;titel Jansen');

    // A record stored before this cleaning existed still reaches the terminal escaped.
    await records.updateOne({ reference: stored!.reference }, { $set: { 'data.form.description': 'Oud\u001b[2J\u0007\u009b record' } });
    const table = (await exportRecords(bot.app.database.db, { orgId: 'velsen', type: 'gift', json: false })).join('\n');
    const json = (await exportRecords(bot.app.database.db, { orgId: 'velsen', type: 'gift', json: true })).join('\n');
    for (const output of [table, json]) {
      expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(output).toContain('\\u001b[2J');
    }
    expect(JSON.parse(json.split('\n').find((line) => line.includes('Oud'))!)).toMatchObject({});
  });
});
