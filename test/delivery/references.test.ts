import type { CommandStartedEvent } from 'mongodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/logging/logger.js';
import { connectDatabase, ensureCollections, type Database } from '../../src/storage/database.js';
import { createAdapter } from '../../src/teams/bot.js';
import { ConversationReferences, conversationReferencesCollection, REFERENCE_CHECK_INTERVAL_MS } from '../../src/teams/conversationReferences.js';
import { TeamsTransport } from '../../src/teams/transport.js';
import { ConnectorServer } from '../support/connector.js';
import { testDatabaseName, testMongoUri } from '../support/database.js';

/**
 * The transport reads a person's conversation reference through this process's copy: a burst of
 * cards to one person reads it once, yet a chat stored by another instance is used after the
 * copy's expiry, and at once when Teams says the chat this process knew is gone.
 */
const person = 'd0000000-0000-4000-8000-000000000001';
let database: Database;
let connector: ConnectorServer;
let clock = Date.parse('2026-03-10T09:00:00Z');
const commands: CommandStartedEvent[] = [];
const referenceReads = () => commands.filter((event) => event.commandName === 'find' && event.command.find === conversationReferencesCollection.name).length;

beforeAll(async () => {
  database = await connectDatabase({ uri: testMongoUri(), dbName: testDatabaseName(), monitorCommands: true });
  await ensureCollections(database.db, [conversationReferencesCollection]);
  database.client.on('commandStarted', (event) => commands.push(event));
});
afterAll(async () => {
  await database?.db.dropDatabase().catch(() => undefined);
  await database?.close();
});
beforeEach(async () => {
  connector = await new ConnectorServer().start();
  commands.length = 0;
});
afterEach(async () => connector?.stop());

/** What another instance does when the person writes from a new chat: it stores that chat. */
async function storedElsewhere(conversationId: string): Promise<void> {
  await new ConversationReferences(database.db).remember(person, {
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: conversationId, conversationType: 'personal', isGroup: false, name: '' },
    bot: { id: '28:bot', name: 'Integriteitsassistent' },
    user: { id: `29:${person}`, name: '', aadObjectId: person },
  });
}

function transportWith(references: ConversationReferences): TeamsTransport {
  return new TeamsTransport({ adapter: createAdapter(loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv)), botAppId: '', references, tenantsOf: async () => [], logger: createLogger('silent') });
}

describe('conversation references on the delivery path', () => {
  it('reads a person’s reference once for a burst of cards, and goes to the chat stored elsewhere once the copy expired', async () => {
    await storedElsewhere('chat-1');
    const references = new ConversationReferences(database.db, { now: () => clock });
    const transport = transportWith(references);
    commands.length = 0;
    for (let index = 0; index < 5; index += 1) expect((await transport.send(person, { kind: 'text', text: `kaart ${index}` })).ok).toBe(true);
    expect(connector.sentTo('chat-1')).toHaveLength(5);
    expect(referenceReads()).toBe(1);

    // Another instance stores a new chat: within the interval this process still uses its copy…
    await storedElsewhere('chat-2');
    await transport.send(person, { kind: 'text', text: 'nog binnen de minuut' });
    expect(connector.sentTo('chat-1')).toHaveLength(6);
    // …and after it, the stored one.
    clock += REFERENCE_CHECK_INTERVAL_MS * 1.5 + 1;
    await transport.send(person, { kind: 'text', text: 'na de minuut' });
    expect(connector.sentTo('chat-2').map((activity) => activity.text)).toEqual(['na de minuut']);
  });

  it('reads the stored reference again when Teams says the chat it used is gone, and sends and updates there', async () => {
    await storedElsewhere('chat-old');
    const references = new ConversationReferences(database.db, { now: () => clock });
    const transport = transportWith(references);
    const first = await transport.send(person, { kind: 'text', text: 'eerste' });
    expect(first.ok).toBe(true);

    // The person removed and added the app; another instance stored the new chat. The old one refuses.
    await storedElsewhere('chat-new');
    connector.script = ({ method, conversationId }) => (method === 'POST' && conversationId === 'chat-old' ? { status: 403 } : undefined);
    const second = await transport.send(person, { kind: 'text', text: 'tweede' });
    expect(second).toMatchObject({ ok: true, message: { conversationId: 'chat-new' } });
    expect(connector.sentTo('chat-new').map((activity) => activity.text)).toEqual(['tweede']);
    expect(connector.created).toEqual([]);

    // A chat that is gone while nothing newer is stored stays a failure the worker reports (no loop, no new chat).
    connector.script = ({ method, conversationId }) => (method === 'POST' && conversationId === 'chat-new' ? { status: 403 } : undefined);
    expect(await transport.send(person, { kind: 'text', text: 'derde' })).toMatchObject({ ok: false, permanent: true, status: 403 });
    expect(connector.refused.filter((refusal) => refusal.path.includes('chat-new'))).toHaveLength(1);
  });
});
