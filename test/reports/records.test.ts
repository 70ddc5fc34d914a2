import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRecords } from '../../src/cli/records.js';
import { purgeExpiredReportContent, reportFigures, reportVerbs } from '../../src/reports/index.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { testMongoUri } from '../support/database.js';

const run = promisify(execFile);
import { adele, alex, execute, lynne, press, say, submitReport } from './support.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ now: new Date('2026-03-10T10:00:00+01:00') });
  for (const user of [alex, lynne, adele]) await bot.send(bot.message('help', user));
});
afterAll(async () => bot?.close());

const METADATA = ['id', 'reference', 'category', 'subcategory', 'route', 'identity', 'contactOnly', 'state', 'createdAt', 'acknowledgementDueAt', 'acknowledgedAt', 'feedbackDueAt', 'feedbackAt', 'closedAt', 'overdue'];

describe('the register and the records command', () => {
  it('print metadata only: ids, category, route, dates and state, never content or who reported', async () => {
    const named = await submitReport(bot, alex, { description: 'Inhoud-3141 die niemand anders mag zien', identity: 'named' });
    await submitReport(bot, alex, { description: 'Inhoud-2718 ook geheim', category: 'suspected_wrongdoing', subcategory: 'fraud', recipient: 'integrity_coordinator' });
    await execute(bot, lynne, reportVerbs.acknowledge, { reportId: named.record._id });
    // The command itself: npm run records -- --org velsen --type report --json
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/records.ts', '--org', 'velsen', '--type', 'report', '--json'], {
      env: { ...process.env, MONGODB_URI: testMongoUri(), MONGODB_DB: bot.app.database.db.databaseName, LOG_LEVEL: 'silent' },
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual([...METADATA].sort());
    expect(rows[0]).toMatchObject({ reference: named.reference, category: 'unwanted_behaviour', route: 'vertrouwenspersoon_ongewenst_gedrag', state: 'awaiting_feedback', acknowledgedAt: '2026-03-10T09:00:00.000Z', overdue: false });
    expect(rows[1]).toMatchObject({ category: 'suspected_wrongdoing', route: 'integrity_coordinator', state: 'awaiting_acknowledgement' });
    const table = (await exportRecords(bot.app.database.db, { orgId: 'velsen', type: 'report', json: false })).join('\n');
    for (const output of [lines.join('\n'), table]) {
      expect(output).not.toMatch(/Inhoud-|Alex|alexw|rp-[0-9a-f]/);
      expect(output).not.toContain(alex.aadObjectId);
    }
    expect(table).toContain(named.reference);
    // The register in Teams: the integrity coordinator (also the recipient of the second) sees the rows, not the text.
    const register = await say(bot, adele, 'meldingenregister');
    expect(register).toContain(named.reference);
    expect(register).toContain('Ontvangst bevestigd: op tijd, 10 maart 2026');
    expect(register).not.toMatch(/Inhoud-3141|Alex Wilber/);
  }, 90_000);
});

describe('retention', () => {
  it('deletes a closed case’s content after the organisation’s period and keeps the metadata for the figures', async () => {
    bot.clock.now = new Date('2026-04-01T10:00:00+02:00');
    const closed = await submitReport(bot, alex, { description: 'Bewaartermijn-1618 loopt af' });
    const open = await submitReport(bot, alex, { description: 'Nog open-1414' });
    await execute(bot, lynne, reportVerbs.acknowledge, { reportId: closed.record._id });
    await execute(bot, lynne, reportVerbs.message, { reportId: closed.record._id, message: 'Bericht-1732 dat verdwijnt' });
    await execute(bot, lynne, reportVerbs.feedback, { reportId: closed.record._id, feedback: 'Klaar' });
    await execute(bot, lynne, reportVerbs.close, { reportId: closed.record._id, closingNote: '' });
    await bot.settle();
    const vault = bot.app.database.db.collection('reportVault');
    // Content whose record never came (a submission that failed half-way) is cleared after a day.
    await vault.insertOne({ _id: 'orphan-1' as never, orgId: 'velsen', keyId: 'x', wrappedKey: 'x', content: 'x', createdAt: new Date('2026-03-01T00:00:00Z'), schemaVersion: 1 });
    const before = await vault.countDocuments();

    // Velsen keeps content 24 months after closing.
    expect(await purgeExpiredReportContent(bot.app.database.db, new Date('2028-03-31T10:00:00+02:00'))).toEqual({ deleted: 0, orphans: 1 });
    expect(await vault.countDocuments()).toBe(before - 1);
    expect(await purgeExpiredReportContent(bot.app.database.db, new Date('2028-04-01T10:00:00+02:00'))).toEqual({ deleted: 1, orphans: 0 });
    expect(await vault.countDocuments({ _id: closed.record.data.vaultId as never })).toBe(0);
    expect(await vault.countDocuments({ _id: open.record.data.vaultId as never })).toBe(1);

    const stored = (await bot.app.database.db.collection('workflowRecords').findOne({ _id: closed.record._id as never }))!;
    expect(stored.data.meta).toEqual(closed.record.data.meta);
    expect(stored.history.map((entry: { action: string }) => entry.action)).toEqual(['acknowledge', 'message', 'feedback', 'close']);
    const forReporter = await press(bot, alex, { verb: 'records.open', recordId: closed.record._id });
    expect(forReporter).toContain('De inhoud van deze melding is verwijderd na de bewaartermijn');
    expect(forReporter).not.toContain('Bericht-1732');
    const forRecipient = await press(bot, lynne, { verb: 'records.open', recordId: closed.record._id });
    expect(forRecipient).not.toMatch(/Bewaartermijn-1618|Alex Wilber/);
    const figures = await reportFigures(bot.app.database.db, 'velsen', new Date('2026-04-01T00:00:00+02:00'), new Date('2026-05-01T00:00:00+02:00'), new Date('2028-04-02T00:00:00+02:00'));
    expect(figures).toMatchObject({ total: 2, closed: 1, acknowledgedWithin7Days: 1, answeredWithin3Months: 1 });
  });
});
