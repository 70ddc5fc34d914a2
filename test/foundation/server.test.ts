import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, configurationVariables, loadConfig } from '../../src/config/env.js';
import { readFileSync } from 'node:fs';
import { foreignKey, LocalTokenIssuer } from '../support/botFrameworkAuth.js';
import { runBotUntilExit } from '../support/process.js';
import { demoUsers, startTestBot, visibleText, type TestBot } from '../support/bot.js';

describe('Bot Framework authentication when BOT_ID is set', () => {
  const appId = '11111111-2222-3333-4444-555555555555';
  let issuer: LocalTokenIssuer;
  let bot: TestBot;
  beforeAll(async () => {
    issuer = await new LocalTokenIssuer().start();
    bot = await startTestBot({ env: { BOT_ID: appId, BOT_PASSWORD: 'test-only-secret', BOT_OPENID_METADATA_URL: issuer.metadataUrl } });
  });
  afterAll(async () => {
    await bot?.close();
    await issuer?.stop();
  });

  const helpRequest = () => ({ ...bot.message('help'), deliveryMode: 'expectReplies' as const });

  it('accepts a request signed by the channel for this bot', async () => {
    const token = issuer.token({ audience: appId, serviceUrl: bot.connector.url });
    const response = await bot.post(helpRequest(), { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(visibleText(((await response.json()) as { activities: [] }).activities)).toContain('Wat kan ik voor je doen?');
  });

  it('refuses a request without a token and does not process it', async () => {
    const activity = helpRequest();
    const response = await bot.post(activity);
    expect(response.status).toBe(401);
    const handled = await bot.app.database.db.collection('handledActivities').countDocuments({ _id: `${activity.conversation!.id}|${activity.id}` as never });
    expect(handled).toBe(0);
  });

  it('refuses a token signed by an unknown key', async () => {
    const token = issuer.token({ audience: appId, serviceUrl: bot.connector.url, signWith: foreignKey() });
    const response = await bot.post(helpRequest(), { authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
  });

  it('answers any body without a valid token with 401, before looking at it', async () => {
    for (const body of [{ ...helpRequest(), locale: { a: 1 } }, { ...helpRequest(), from: { id: 'x', aadObjectId: { $regex: '^0000' } } }, { type: 1 }]) {
      const response = await bot.post(body as never, { authorization: 'Bearer forged.token.value' });
      expect(response.status).toBe(401);
      expect(await response.text()).toContain('Unauthorized');
    }
  });

  it('with a valid token still refuses a forged id (400) and a service URL outside the allowlist (403)', async () => {
    const token = issuer.token({ audience: appId, serviceUrl: bot.connector.url });
    const forged = await bot.post({ ...helpRequest(), from: { id: 'x', aadObjectId: { $regex: '^0000' } } } as never, { authorization: `Bearer ${token}` });
    expect(forged.status).toBe(400);
    const elsewhere = 'https://attacker.example/';
    const elsewhereToken = issuer.token({ audience: appId, serviceUrl: elsewhere });
    const redirected = await bot.post({ ...helpRequest(), serviceUrl: elsewhere }, { authorization: `Bearer ${elsewhereToken}` });
    expect(redirected.status).toBe(403);
  });

  it('refuses a token issued for another bot', async () => {
    const token = issuer.token({ audience: '99999999-0000-0000-0000-000000000000', serviceUrl: bot.connector.url });
    const response = await bot.post(helpRequest(), { authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
  });
});

describe('health and readiness', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => bot?.close());

  it('is healthy and ready while the database answers, not ready once it is gone', async () => {
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${bot.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ database: 'up' });

    // Closing the client makes every database call fail the way a lost server does.
    await bot.app.database.client.close();
    const notReady = await fetch(`${bot.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ database: 'down' });
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});

describe('configuration', () => {
  it('names every bad variable on its own line with what it expects', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', MONGODB_URI: 'http://localhost', LOG_LEVEL: 'loud', HEAP_GROWTH_PERCENT: '400', DELIVERY_LANES: '0' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const lines = (error as ConfigurationError).problems;
    expect(lines).toContain('PORT: expected a TCP port number (0-65535) (got "abc")');
    expect(lines).toContain('MONGODB_URI: expected a MongoDB connection string starting with mongodb:// or mongodb+srv:// (got "http://localhost")');
    expect(lines.some((line) => line.startsWith('LOG_LEVEL: expected one of'))).toBe(true);
    expect(lines).toContain('HEAP_GROWTH_PERCENT: expected a percentage from 0 to 300 (got "400")');
    expect(lines).toContain('DELIVERY_LANES: expected a whole number from 1 to 32 (got "0")');
  });

  it('refuses production without BOT_ID, and never echoes secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/BOT_ID: required when NODE_ENV=production/);
    try {
      loadConfig({ AZURE_OPENAI_API_KEY: 'super-secret-value' });
    } catch (error) {
      expect(String(error)).not.toContain('super-secret-value');
    }
  });

  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.MONGODB_URI).toBe('mongodb://127.0.0.1:27017');
    expect(config.MONGODB_DB).toBe('integriteit');
    expect(config.HEAP_GROWTH_PERCENT).toBe(25);
    expect(config.DELIVERY_LANES).toBe(2);
  });

  it('lists every setting in the README configuration table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of configurationVariables) expect(readme).toContain(`\`${name}\``);
  });

  it('stops the process with the error lines when started with a bad setting', async () => {
    const { code, stderr } = await runBotUntilExit({ PORT: 'not-a-port', NODE_ENV: 'production', BOT_ID: '' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('PORT: expected a TCP port number (0-65535) (got "not-a-port")');
    expect(stderr).toContain('BOT_ID: required when NODE_ENV=production');
  });
});

describe('graceful shutdown', () => {
  it('stops accepting and closes the database', async () => {
    const bot = await startTestBot();
    await bot.send(bot.message('help', demoUsers.employee));
    await bot.app.stop();
    await expect(fetch(`${bot.url}/healthz`)).rejects.toThrow();
    expect(await bot.app.database.ping()).toBe(false);
    await bot.connector.stop();
  });
});
