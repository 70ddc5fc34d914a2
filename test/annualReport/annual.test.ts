import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualCsv, annualFigures, annualHtml, annualMarkdown, writeAnnualReport, type AnnualFigures } from '../../src/annualReport/index.js';
import { exportRecords } from '../../src/cli/records.js';
import { startTestBot, visibleText, type TestBot } from '../support/bot.js';
import { decideGift, demoUsers, giftData, referenceOf, submitGift } from '../gifts/support.js';
import { execute, lynne, submitReport } from '../reports/support.js';
import { reportVerbs } from '../../src/reports/index.js';

const VELSEN_TENANT = 'c7e5a9d1-4f2b-4e8c-b6a3-2d1f0e9c3303';
const alex = { ...demoUsers.employee, tenantId: VELSEN_TENANT };
const megan = { ...demoUsers.manager, tenantId: VELSEN_TENANT };
const adele = { ...demoUsers.hr, tenantId: VELSEN_TENANT };
const day = 24 * 60 * 60_000;

let bot: TestBot;
let figures: AnnualFigures;
const references: string[] = [];

function record(type: string, createdAt: Date, fields: Record<string, unknown> = {}) {
  const id = randomUUID();
  return { _id: id, schemaVersion: 1, type, orgId: 'velsen', year: createdAt.getUTCFullYear(), sequence: 0, reference: `VEL-X-${id.slice(0, 8)}`, idempotencyKey: id, owner: alex.aadObjectId, ownerLang: 'nl', state: 'awaiting_decision', assignees: [], version: 1, data: {}, route: [], step: null, participants: [], history: [], nextDueAt: null, createdAt, updatedAt: createdAt, closedAt: null, ...fields };
}
const entry = (action: string, at: Date, fields: Record<string, string> = {}) => ({ step: null, action, outcome: action, actor: demoUsers.hr.aadObjectId, at, fields });

beforeAll(async () => {
  bot = await startTestBot({ now: new Date('2025-05-06T10:00:00+02:00') });
  for (const user of [alex, megan, adele]) await bot.send(bot.message('help', user));
  const gift = async (kind: string, decision?: string) => {
    const response = await submitGift(bot, alex, giftData({ kind, valueEur: '30' }, bot.clock.now));
    const reference = referenceOf(response.body.value);
    references.push(reference);
    if (decision) {
      const stored = (await bot.app.database.db.collection('workflowRecords').findOne({ reference }))!;
      await decideGift(bot, megan, String(stored._id), decision);
    }
  };
  // 2025: three gifts. 2026: six gifts (five hospitality), decisions of three kinds.
  for (const kind of ['gift', 'gift', 'invitation']) await gift(kind, 'approve_keep');
  bot.clock.now = new Date('2026-02-10T10:00:00+01:00');
  for (const decision of ['approve_keep', 'approve_keep', 'hand_in', 'hand_in', 'return_to_sender']) await gift('hospitality', decision);
  await gift('money_or_voucher');
  await bot.settle();
  const in2026 = (month: number) => new Date(Date.UTC(2026, month, 5, 9));
  await bot.app.database.db.collection('workflowRecords').insertMany([
    ...Array.from({ length: 6 }, (_, index) => record('sidejob', in2026(index), { state: 'approved', closedAt: in2026(index + 1) })),
    ...Array.from({ length: 2 }, () => record('sidejob', in2026(2), { state: 'approved_with_conditions', closedAt: in2026(3), history: [entry('decide', in2026(3), { conditions: 'Niet in werktijd' })] })),
    record('sidejob', in2026(4), { state: 'refused', closedAt: in2026(5) }),
    ...Array.from({ length: 5 }, () => record('finance', in2026(1), { state: 'noted', closedAt: in2026(2) })),
  ] as never[]);
  // Reports through the real flow: six about unwanted behaviour in April, five acknowledged within
  // a week (one after ten days), four answered two months later; two suspected wrongdoings in July.
  bot.clock.now = in2026(3);
  const unwanted = [];
  for (let index = 0; index < 6; index += 1) unwanted.push((await submitReport(bot, alex)).record);
  bot.clock.now = new Date(in2026(3).getTime() + 3 * day);
  for (const report of unwanted.slice(0, 5)) await execute(bot, lynne, reportVerbs.acknowledge, { reportId: report._id });
  bot.clock.now = new Date(in2026(3).getTime() + 10 * day);
  await execute(bot, lynne, reportVerbs.acknowledge, { reportId: unwanted[5]!._id });
  bot.clock.now = new Date(in2026(3).getTime() + 60 * day);
  for (const report of unwanted.slice(0, 4)) await execute(bot, lynne, reportVerbs.feedback, { reportId: report._id, feedback: 'We hebben gesproken.' });
  bot.clock.now = in2026(6);
  for (let index = 0; index < 2; index += 1) await submitReport(bot, alex, { category: 'suspected_wrongdoing', subcategory: 'fraud', recipient: 'integrity_coordinator', managerInvolved: 'no' });
  await bot.settle();
  figures = await annualFigures(bot.app.database.db, { id: 'velsen', name: 'Gemeente Velsen' }, 2026, new Date('2027-01-05T10:00:00Z'));
});
afterAll(async () => bot?.close());

describe('the yearly accountability report (Ambtenarenwet art. 4(4))', () => {
  it('agrees with the gift register', async () => {
    const rows = (await exportRecords(bot.app.database.db, { orgId: 'velsen', type: 'gift', json: true })).map((line) => JSON.parse(line) as { createdAt: string; state: string; kind: string });
    const of = (year: string) => rows.filter((row) => row.createdAt.startsWith(year));
    expect(figures.current.gifts.total).toBe(of('2026').length);
    expect(figures.previous.gifts.total).toBe(of('2025').length);
    for (const tally of figures.current.gifts.byOutcome) expect(tally.count, tally.key).toBe(of('2026').filter((row) => row.state === tally.key).length);
    for (const tally of figures.current.gifts.byKind) expect(tally.count, tally.key).toBe(of('2026').filter((row) => row.kind === tally.key).length);
    expect(figures.current.gifts.byKind).toEqual([{ key: 'hospitality', count: 5 }, { key: 'money_or_voucher', count: 1 }]);
  });

  it('counts side jobs, financial interests, reports with their Wbk terms, and meeting coverage', () => {
    expect(figures.current.sideJobs).toEqual({ new: 9, approved: 8, refused: 1, withConditions: 2, open: 0 });
    expect(figures.current.financialInterests.notices).toBe(5);
    expect(figures.current.reports.total).toBe(8);
    expect(figures.current.reports.byCategory).toEqual([{ key: 'unwanted_behaviour', count: 6 }, { key: 'suspected_wrongdoing', count: 2 }]);
    expect(figures.current.reports.byRoute).toEqual([{ key: 'vertrouwenspersoon_ongewenst_gedrag', count: 6 }, { key: 'integrity_coordinator', count: 2 }]);
    expect(figures.current.reports.acknowledgedWithin7Days).toEqual({ part: 5, base: 8 });
    expect(figures.current.reports.answeredWithin3Months).toEqual({ part: 4, base: 8 });
  });

  it('publishes no names, no references and no number under 5, in Markdown, HTML and CSV', () => {
    for (const output of [annualMarkdown(figures), annualHtml(figures), annualCsv(figures)]) {
      for (const name of ['Alex Wilber', 'Megan Bowen', 'Adele Vance']) expect(output).not.toContain(name);
      for (const reference of references) expect(output).not.toContain(reference);
      expect(output.replace(/&lt;/g, '<')).toContain('< 5');
    }
    const markdown = annualMarkdown(figures);
    expect(markdown).toContain('| Gastvrijheid | 5 | 0 | hoger |');
    expect(markdown).toContain('| Geld of waardebon | < 5 | 0 | — |');
    expect(markdown).toContain('| Vermoeden van een misstand | < 5 | 0 | — |');
    expect(markdown).toContain('| Vertrouwenspersoon ongewenst gedrag |');
    // The total (8) is published, so the one category shown next to a hidden one is hidden as well.
    expect(markdown).toContain('| Totaal | 8 | 0 | hoger |');
    expect(markdown).toContain('| Ongewenst gedrag | ≥ 5 | 0 | — |');
    expect(markdown).toContain('| Binnen 7 dagen ontvangst bevestigd | 63% | — |');
    expect(markdown).toContain('| waarvan met voorwaarden | < 5 | 0 | — |');
    // No table cell, CSV field or chart label shows a number from 1 to 4.
    expect(markdown).not.toMatch(/\|\s*[1-4]\s*\|/);
    expect(annualCsv(figures)).not.toMatch(/;[1-4](;|\n)/);
    expect(annualHtml(figures)).not.toMatch(/>[1-4]</);
  });

  it('writes the files, with SVG charts inline in the HTML and beside the Markdown', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'jaarverantwoording-'));
    try {
      const files = writeAnnualReport(figures, folder);
      expect(path.basename(files.html)).toBe('jaarverantwoording-velsen-2026.html');
      const html = readFileSync(files.html, 'utf8');
      expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(4);
      expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
      expect(readFileSync(files.markdown, 'utf8')).toContain('![Nevenwerkzaamheden](jaarverantwoording-velsen-2026-sidejobs.svg)');
      expect(files.charts.map((file) => path.basename(file))).toContain('jaarverantwoording-velsen-2026-sidejobs.svg');
      expect(readFileSync(files.csv, 'utf8').split('\n')[0]).toBe('onderdeel;regel;2026;2025');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives HR a summary card in Teams, and nobody else', async () => {
    bot.clock.now = new Date('2027-01-05T10:00:00+01:00');
    const card = visibleText(await bot.send(bot.message('jaarverantwoording', adele)));
    expect(card).toContain('Jaarverantwoording integriteit 2026 — Gemeente Velsen');
    expect(card).toContain('Geschenken en uitnodigingen: 6 (2025: < 5)');
    expect(card).toContain('Ontvangst binnen 7 dagen bevestigd: 63%');
    expect(visibleText(await bot.send(bot.message('jaarverantwoording 2026', alex)))).toContain('alleen beschikbaar voor P&O');
  });
});
