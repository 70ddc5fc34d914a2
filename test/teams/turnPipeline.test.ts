import { MemoryStorage, TestAdapter, TurnContext, type StoreItems } from 'botbuilder';
import type { CommandStartedEvent } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OnDemandTurnState } from '../../src/teams/botState.js';
import { cardInvoke, decideGift, giftData, submitGift } from '../gifts/support.js';
import { demoUsers, startTestBot, visibleText, type TestBot, type TestUser } from '../support/bot.js';
import { FakeOpenAI } from '../support/openai.js';

/**
 * What a turn costs in database round trips, counted with the driver's command monitoring (the
 * same counts `npm run bench` reports). A question that changes nothing writes nothing; a gift
 * notification stays within eight round trips.
 */
describe('database round trips per turn', () => {
  let bot: TestBot;
  const commands: CommandStartedEvent[] = [];
  const names = () => commands.map((event) => `${event.commandName} ${String(event.command[event.commandName])}`).sort();
  const counted = async (turn: () => Promise<unknown>): Promise<string[]> => {
    commands.length = 0;
    await turn();
    return names();
  };
  /**
   * Commands that select by anything but one `_id`: FerretDB's SQLite handler reads every document
   * of the collection for them, so their cost grows with the collection (the bench's `scans`).
   */
  const scans = () =>
    commands
      .filter((event) => ['find', 'update', 'delete', 'findAndModify', 'count'].includes(event.commandName))
      .flatMap((event) => {
        const command = event.command as Record<string, unknown>;
        const statements = (command.updates ?? command.deletes) as Array<{ q: Record<string, unknown> }> | undefined;
        return (statements?.map((statement) => statement.q) ?? [(command.filter ?? command.query ?? {}) as Record<string, unknown>]).map((filter) => ({ name: event.commandName, filter }));
      })
      .filter(({ filter }) => Object.keys(filter).join() !== '_id' || typeof filter._id === 'object')
      .map(({ name, filter }) => `${name} {${Object.keys(filter).join(',')}}`);
  const question = (user: TestUser = demoUsers.employee) => bot.send(bot.message('Mag ik een cadeaubon van 25 euro van een inwoner houden?', user));

  beforeAll(async () => {
    bot = await startTestBot({ monitorCommands: true });
    // Proactive delivery happens outside the turn; stopped, so only the turn's own commands are seen.
    await bot.app.delivery.stop();
    bot.app.database.client.on('commandStarted', (event) => commands.push(event));
    for (const user of [demoUsers.employee, demoUsers.manager]) await bot.send(bot.message('help', user));
  });
  afterAll(async () => bot?.close());

  it('a question from someone who talked to the bot a moment ago reads and writes nothing; help only counts what waits for them', async () => {
    expect(visibleText(await question())).toContain('Artikel 5');
    expect(await counted(() => question())).toEqual([]);
    // Help says what waits for the person (issue 11): their document of what may wait, by `_id`; nothing written.
    expect(await counted(() => bot.send(bot.message('help')))).toEqual(['find workflowAwaiting']);
    expect(scans()).toEqual([]);
  });

  it('a first turn reads the person (by _id) and their reference, and stores the reference once', async () => {
    const newcomer: TestUser = { aadObjectId: 'c3000000-0000-4000-8000-000000000002', name: 'Sanne de Wit' };
    expect(await counted(() => question(newcomer))).toEqual(['find conversationReferences', 'find people', 'update conversationReferences']);
    expect(scans()).toEqual([]);
    expect(await counted(() => question(newcomer))).toEqual([]);
  });

  it('help for someone something waits for reads each such record by _id, and counts it', async () => {
    await submitGift(bot, demoUsers.employee, giftData({ description: 'Boek' }, bot.clock.now));
    const waiting = await bot.app.database.db.collection('workflowRecords').countDocuments({ assignees: demoUsers.manager.aadObjectId, closedAt: null });
    expect(waiting).toBeGreaterThan(0);
    let answer: unknown;
    const trips = await counted(async () => (answer = await bot.send(bot.message('help', demoUsers.manager))));
    expect(JSON.stringify(answer)).toContain(waiting === 1 ? 'Er wacht 1 melding' : `Er wachten ${waiting} meldingen`);
    expect(trips).toEqual(['find workflowAwaiting', ...Array<string>(waiting).fill('find workflowRecords')]);
    expect(scans()).toEqual([]);
  });

  it('a gift notification: claim, reference number, the clicked card, outbox, what waits for the manager and record, within eight round trips', async () => {
    await submitGift(bot, demoUsers.employee, giftData({}, bot.clock.now));
    const trips = await counted(async () => expect((await submitGift(bot, demoUsers.employee, giftData({}, bot.clock.now))).status).toBe(200));
    // The number after the one this instance drew last claimed, the series' head (by `_id`) moved on: no query over all numbers.
    // The manager's document of what may wait for them is claimed and written by `_id`; this
    // instance wrote it last (the first notification), so it is not read again. The card the
    // employee clicked is remembered at once (`deliveries`), not through the outbox.
    expect(trips).toEqual([
      'findAndModify workflowAwaiting',
      'insert deliveries',
      'insert outbox',
      'insert workflowAudit',
      'insert workflowCounters',
      'insert workflowRecords',
      'insert writeClaims',
      'update workflowCounterHeads',
    ]);
    expect(trips.length).toBeLessThanOrEqual(8);
    expect(scans()).toEqual([]);
  });

  it('a decision: the record, the claimed version, the outbox and the change', async () => {
    const response = await submitGift(bot, demoUsers.employee, giftData({ description: 'Fles wijn' }, bot.clock.now));
    const record = await bot.app.database.db.collection<{ _id: string }>('workflowRecords').findOne({ 'data.form.description': 'Fles wijn' });
    expect(response.status).toBe(200);
    const trips = await counted(() => decideGift(bot, demoUsers.manager, record!._id, 'approve_keep'));
    expect(trips).toEqual(['find workflowRecords', 'insert outbox', 'insert workflowAudit', 'update workflowRecords']);
    expect(scans()).toEqual([]);
  });

  it('a card action claims nothing per activity: the same click again gets the current card and writes nothing new', async () => {
    const form = giftData({ description: 'Bos bloemen' }, bot.clock.now);
    const click = cardInvoke(bot, demoUsers.employee, 'gift.submit', form);
    await bot.invoke(click);
    const again = await counted(() => bot.invoke({ ...click }));
    expect(again.filter((name) => name.startsWith('insert') || name.startsWith('update'))).toEqual(['insert workflowAudit']); // the claim that is refused
  });
});

describe('redelivery of a model answer', () => {
  const openai = new FakeOpenAI();
  let bot: TestBot;

  beforeAll(async () => {
    const endpoint = await openai.start();
    openai.reply = 'Een cadeaubon van 25 euro mag je niet houden; meld hem bij je leidinggevende [1].';
    bot = await startTestBot({ env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: endpoint } });
  });
  afterAll(async () => {
    await bot?.close();
    await openai.stop();
  });

  it('asks the model once and answers once when Teams delivers the same question again', async () => {
    const activity = bot.message('Mag ik een cadeaubon van 25 euro van een inwoner houden?');
    const first = await bot.send(activity);
    const again = await bot.send(activity);
    expect(visibleText(first)).toContain('cadeaubon');
    expect(again).toHaveLength(0);
    expect(openai.requests).toHaveLength(1);
    // A different question is a different activity: answered.
    expect(await bot.send(bot.message('Mag ik een etentje van een leverancier aannemen?'))).not.toHaveLength(0);
  });
});

describe('turn state on demand', () => {
  class CountingStorage extends MemoryStorage {
    reads = 0;
    writes = 0;
    override async read(keys: string[]): Promise<StoreItems> {
      this.reads += 1;
      return super.read(keys);
    }
    override async write(changes: StoreItems): Promise<void> {
      this.writes += 1;
      return super.write(changes);
    }
  }
  const context = () =>
    new TurnContext(new TestAdapter(), {
      type: 'message',
      text: 'hallo',
      channelId: 'msteams',
      conversation: { id: 'c1' } as never,
      from: { id: 'u1', name: 'Test' },
      recipient: { id: 'bot', name: 'Bot' },
    });

  it('neither reads nor writes storage for a turn that keeps no state', async () => {
    const storage = new CountingStorage();
    const state = new OnDemandTurnState(() => false);
    await state.load(context(), storage);
    state.temp.input = 'anything';
    await state.save(context(), storage);
    expect([storage.reads, storage.writes]).toEqual([0, 0]);
  });

  it('fails loudly when such a turn changes conversation state, instead of overwriting what is stored', async () => {
    const state = new OnDemandTurnState<{ count?: number }>(() => false);
    await state.load(context(), new CountingStorage());
    state.conversation.count = 1;
    await expect(state.save(context(), new CountingStorage())).rejects.toThrow(/keeps no state/);
  });

  it('reads and writes as teams-ai does for an activity that keeps state, and skips an unchanged write', async () => {
    const storage = new CountingStorage();
    const first = new OnDemandTurnState<{ count?: number }>(() => true);
    await first.load(context(), storage);
    first.conversation.count = 1;
    await first.save(context(), storage);
    const second = new OnDemandTurnState<{ count?: number }>(() => true);
    await second.load(context(), storage);
    expect(second.conversation.count).toBe(1);
    await second.save(context(), storage);
    expect([storage.reads, storage.writes]).toEqual([2, 1]);
  });
});
