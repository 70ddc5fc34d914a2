import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GiftRecord } from '../../src/gifts/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { GraphAppInstaller } from '../../src/teams/graph.js';
import { TeamsTransport } from '../../src/teams/transport.js';
import { startTestBot, visibleText, type TestBot, type TestUser } from '../support/bot.js';
import { cardInvoke, cardText, decideGift, demoUsers, giftData, referenceOf, submitGift } from '../gifts/support.js';
import { sideJobData } from '../sidejobs/support.js';
import { sideJobVerbs } from '../../src/sidejobs/index.js';
import { UNDELIVERED } from '../../src/delivery/index.js';

const VELSEN_TENANT = 'c7e5a9d1-4f2b-4e8c-b6a3-2d1f0e9c3303';
const alex = { ...demoUsers.employee, tenantId: VELSEN_TENANT };
const megan = { ...demoUsers.manager, tenantId: VELSEN_TENANT };
const isaiah = { ...demoUsers.seniorManager, tenantId: VELSEN_TENANT };

let bot: TestBot;
const start = new Date('2026-03-10T10:00:00+01:00');

beforeAll(async () => {
  bot = await startTestBot({ now: start, env: { UNREACHABLE_ESCALATE_AFTER_MINUTES: '30' } });
  // Only Alex ever wrote to the bot: nobody else has a stored conversation.
  await bot.send(bot.message('help', alex));
});
afterAll(async () => bot?.close());
afterEach(() => {
  bot.connector.script = undefined;
});

const records = () => bot.app.database.db.collection<GiftRecord>('workflowRecords');
const createdFor = (user: TestUser) => bot.connector.created.filter((created) => created.members[0]?.id === user.aadObjectId);
const textsTo = (conversationId: string) => bot.connector.sentTo(conversationId).map((activity) => activity.text ?? cardText(activity.attachments?.[0]?.content));

async function submit(description: string) {
  const response = await submitGift(bot, alex, giftData({ description, valueEur: '75' }, bot.clock.now), `card-${description.replace(/\W+/g, "-")}`);
  await bot.settle();
  return (await records().findOne({ reference: referenceOf(response.body.value) }))!;
}

describe('reaching someone who never opened the bot', () => {
  it('opens a personal chat through the Bot Connector with their Entra id and tenant, and delivers the card there', async () => {
    const record = await submit('Eerste keer');
    const [created] = createdFor(megan);
    expect(created).toMatchObject({ tenantId: VELSEN_TENANT });
    const cards = bot.connector.sentTo(created!.id);
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0]!.attachments![0]!.content)).toContain(`Cadeaumelding van ${alex.name}`);
    expect(cardText(cards[0]!.attachments![0]!.content)).toContain(record.reference);

    // The chat is remembered: the next card goes there without creating another.
    await submit('Tweede keer');
    expect(createdFor(megan)).toHaveLength(1);
    expect(bot.connector.sentTo(created!.id)).toHaveLength(2);

    // Megan decides from that chat; Alex is told.
    const decided = await decideGift(bot, { ...megan }, record._id, 'hand_in');
    expect(cardText(decided.body.value)).toContain('Besluit: Inleveren bij de organisatie, door Megan Bowen');
    await bot.settle();
    expect(textsTo(bot.conversationOf(alex)).some((text) => text.includes(`Megan Bowen heeft besloten over je cadeaumelding ${record.reference}`))).toBe(true);
  });
});

describe('what waits for you', () => {
  it('is said at once in the welcome and in help, with a button that lists it', async () => {
    const waiting = await records().countDocuments({ assignees: megan.aadObjectId, closedAt: null });
    expect(waiting).toBe(1);
    const welcome = await bot.send({ ...bot.message('', megan), text: undefined, type: 'installationUpdate', action: 'add' });
    expect(visibleText(welcome)).toContain('Er wacht 1 melding op jouw besluit of advies.');
    expect(visibleText(welcome)).toContain('Wacht op mij (1)');
    const help = await bot.send(bot.message('help', megan));
    expect(visibleText(help)).toContain('Er wacht 1 melding op jouw besluit of advies.');
    const button = help[0]!.attachments![0]!.content.actions[0];
    expect(button).toMatchObject({ type: 'Action.Submit', data: { verb: 'records.awaiting' } });
    const list = await bot.send({ ...bot.message('', megan), text: undefined, value: button.data });
    expect(visibleText(list)).toContain('Wacht op jou');
    expect(visibleText(list)).toContain('Tweede keer');
    // Someone with nothing waiting is not bothered with it.
    expect(visibleText(await bot.send(bot.message('help', alex)))).not.toContain('Er wacht');
  });
});

describe('someone who cannot be reached', () => {
  it('tells the employee who and what happens now, alerts the integrity coordinator, and escalates after the delay', async () => {
    // Megan's chat is gone and Teams refuses a new one: the app is blocked for her.
    await bot.app.database.db.collection<{ _id: string }>('conversationReferences').deleteOne({ _id: megan.aadObjectId });
    const refuseMegan = (request: { method: string; path: string; body: any }) =>
      request.method === 'POST' && request.path === '/v3/conversations' && request.body.members?.[0]?.id === megan.aadObjectId ? { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } } : undefined;
    bot.connector.script = refuseMegan;
    bot.clock.now = new Date('2026-03-11T09:00:00+01:00');
    const record = await submit('Niet bereikbaar');

    const stored = (await records().findOne({ _id: record._id }))!;
    expect(stored.step!.unreachable).toMatchObject([{ aadObjectId: megan.aadObjectId, reason: 'http_403', escalated: false, escalateAt: new Date('2026-03-11T09:30:00+01:00') }]);
    const undelivered = bot.app.database.db.collection(UNDELIVERED);
    expect(await undelivered.findOne({ 'message.recordId': record._id, 'message.to': megan.aadObjectId, 'message.purpose': 'assigned' })).toMatchObject({ status: 'undeliverable', lastError: '403' });

    // The employee is told at once, in a message and on the status card.
    const told = textsTo(bot.conversationOf(alex));
    expect(told.some((text) => text.includes(`Megan Bowen is via Teams niet bereikbaar voor je melding ${record.reference}`) && text.includes('11 maart 2026 om 09:30'))).toBe(true);
    const statusCard = bot.connector.updatesIn(bot.conversationOf(alex)).filter((update) => update.activityId === 'card-Niet-bereikbaar').at(-1);
    expect(cardText(statusCard?.activity.attachments?.[0]?.content)).toContain('Megan Bowen is via Teams niet bereikbaar. Reageert Megan Bowen niet, dan gaat je melding op 11 maart 2026 om 09:30 door naar de volgende in de lijn.');

    // The integrity coordinator (Adele) hears about it, once.
    const adeleChats = bot.connector.created.filter((created) => created.members[0]?.id === demoUsers.hr.aadObjectId);
    const alerts = adeleChats.flatMap((created) => textsTo(created.id)).filter((text) => text.includes('kan Megan Bowen niet bereiken'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('de app geblokkeerd');

    // Before the delay nothing moves; after it the deadline run passes the step to Isaiah.
    bot.clock.now = new Date('2026-03-11T09:29:00+01:00');
    await bot.app.scheduler.runNow('workflow.deadlines', bot.clock.now);
    await bot.settle();
    expect((await records().findOne({ _id: record._id }))!.assignees).toEqual([megan.aadObjectId]);
    bot.clock.now = new Date('2026-03-11T09:31:00+01:00');
    await bot.app.scheduler.runNow('workflow.deadlines', bot.clock.now);
    await bot.settle();
    const escalated = (await records().findOne({ _id: record._id }))!;
    expect(escalated.assignees).toEqual([megan.aadObjectId, isaiah.aadObjectId]);
    expect(escalated.step!.unreachable![0]!.escalated).toBe(true);
    const isaiahCards = createdFor(isaiah).flatMap((created) => bot.connector.sentTo(created.id));
    expect(isaiahCards.map((activity) => cardText(activity.attachments?.[0]?.content)).some((text) => text.includes(record.reference) && text.includes('doorgezet'))).toBe(true);
    expect(textsTo(bot.conversationOf(alex)).some((text) => text.includes(`Je melding ${record.reference} is doorgezet naar Isaiah Langer, omdat Megan Bowen niet bereikbaar was.`))).toBe(true);
    const lastStatus = bot.connector.updatesIn(bot.conversationOf(alex)).filter((update) => update.activityId === 'card-Niet-bereikbaar').at(-1);
    expect(cardText(lastStatus?.activity.attachments?.[0]?.content)).toContain('Status: wacht op besluit van Isaiah Langer.');

    // Isaiah decides; the audit keeps every step.
    const decided = await decideGift(bot, isaiah, record._id, 'approve_keep');
    expect(cardText(decided.body.value)).toContain('door Isaiah Langer');
    const actions = (await bot.app.services.workflows.engine.auditTrail(record._id)).map((entry) => entry.action);
    expect(actions).toEqual(['submitted', 'unreachable', 'escalated', 'decide']);
  });
});

describe('someone who cannot be reached, for a side job', () => {
  it('shows the owner of a side-job notification the same status lines as for a gift', async () => {
    // Megan still cannot be reached (her chat is gone and Teams refuses a new one).
    await bot.app.database.db.collection<{ _id: string }>('conversationReferences').deleteOne({ _id: megan.aadObjectId });
    bot.connector.script = (request) =>
      request.method === 'POST' && request.path === '/v3/conversations' && request.body.members?.[0]?.id === megan.aadObjectId ? { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } } : undefined;
    const response = await bot.invoke(cardInvoke(bot, alex, sideJobVerbs.submit, sideJobData(), 'card-sidejob'));
    expect(response.status).toBe(200);
    await bot.settle();
    const ownerCard = bot.connector.updatesIn(bot.conversationOf(alex)).filter((update) => update.activityId === 'card-sidejob').at(-1);
    expect(cardText(ownerCard?.activity.attachments?.[0]?.content)).toMatch(/Megan Bowen is via Teams niet bereikbaar\. Reageert Megan Bowen niet, dan gaat je melding op .+ door naar de volgende in de lijn\./);
    // The step records whom it could not reach, so the deadline run can pass it on.
    const record = await records().findOne({ type: 'sidejob', owner: alex.aadObjectId });
    expect(record?.step?.unreachable?.[0]).toMatchObject({ aadObjectId: megan.aadObjectId, escalated: false });
  });
});

describe('installing the app through Microsoft Graph', () => {
  let graph: Server;
  let graphUrl = '';
  const graphCalls: { path: string; auth?: string; body: string }[] = [];

  beforeAll(async () => {
    graph = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        graphCalls.push({ path: req.url ?? '', ...(req.headers.authorization ? { auth: req.headers.authorization } : {}), body });
        res.setHeader('content-type', 'application/json');
        if (req.url?.endsWith('/oauth2/v2.0/token')) return void res.end(JSON.stringify({ access_token: 'local-token', expires_in: 3600 }));
        if (req.url?.includes('/teamwork/installedApps')) {
          res.statusCode = 201;
          return void res.end('{}');
        }
        res.statusCode = 404;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => graph.listen(0, '127.0.0.1', () => resolve()));
    graphUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => graph.close(() => resolve())));

  it('installs the app for the person when the chat cannot be opened yet, then opens it', async () => {
    const sanne = 'c3000000-0000-4000-8000-000000000002';
    let installed = false;
    bot.connector.script = (request) => (request.method === 'POST' && request.path === '/v3/conversations' && request.body.members?.[0]?.id === sanne && !installed ? { status: 403 } : undefined);
    const logger = createLogger('silent');
    const installer = new GraphAppInstaller({ clientId: 'app-id', clientSecret: 'secret', teamsAppId: 'catalog-app-id', graphBaseUrl: `${graphUrl}/v1.0`, authorityUrl: graphUrl, logger });
    const install = installer.install.bind(installer);
    installer.install = async (...args) => {
      const outcome = await install(...args);
      installed = outcome === 'installed';
      return outcome;
    };
    const transport = new TeamsTransport({ adapter: bot.app.bot.adapter, botAppId: '', references: bot.app.bot.references, tenantsOf: async () => [VELSEN_TENANT], installer, logger });
    const result = await transport.send(sanne, { kind: 'text', text: 'Hallo Sanne' });
    expect(result.ok).toBe(true);
    expect(graphCalls.map((call) => call.path)).toEqual([`/${VELSEN_TENANT}/oauth2/v2.0/token`, `/v1.0/users/${sanne}/teamwork/installedApps`]);
    expect(graphCalls[0]!.body).toContain('scope=https%3A%2F%2Fgraph.microsoft.com%2F.default');
    expect(graphCalls[1]!.auth).toBe('Bearer local-token');
    expect(JSON.parse(graphCalls[1]!.body)).toEqual({ 'teamsApp@odata.bind': `${graphUrl}/v1.0/appCatalogs/teamsApps/catalog-app-id` });
    const [created] = bot.connector.created.filter((entry) => entry.members[0]?.id === sanne);
    expect(bot.connector.sentTo(created!.id).map((activity) => activity.text)).toEqual(['Hallo Sanne']);
  });
});
