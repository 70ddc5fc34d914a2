import type { Db } from 'mongodb';
import type { Logger } from '../logging/logger.js';
import { addMonths, dutchHolidays } from '../workflow/index.js';
import { recordsCollection } from '../workflow/store.js';
import { REPORT_VAULT } from './vault.js';
import { ReportSettingsBook } from './settings.js';
import { REPORT_TYPE, type ReportRecord } from './views.js';

/** Sealed content whose record never came (a failed or doubled submission) is removed after this. */
const ORPHAN_AFTER_MS = 24 * 60 * 60 * 1000;

export interface RetentionSummary {
  /** Closed reports whose content was deleted in this run. */
  deleted: number;
  /** Sealed content without a record, deleted. */
  orphans: number;
}

/**
 * Deletes the content of every report closed longer ago than its organisation's retention
 * period: the sealed description, the reporter's identity and the data key (which leaves every
 * sealed message in the history and audit unreadable). The record's metadata stays for the
 * yearly figures. Safe to run as often as wanted, on any number of instances.
 */
export async function purgeExpiredReportContent(db: Db, now: Date, options: { settings?: ReportSettingsBook; logger?: Logger } = {}): Promise<RetentionSummary> {
  const settings = options.settings ?? defaultBook();
  const vault = db.collection<{ _id: string; createdAt: Date }>(REPORT_VAULT);
  const closed = recordsCollection(db).find({ type: REPORT_TYPE, closedAt: { $ne: null } }, { projection: { _id: 1, orgId: 1, closedAt: 1, 'data.vaultId': 1 } });
  const expired: string[] = [];
  for await (const found of closed) {
    const record = found as ReportRecord;
    const keepUntil = addMonths(record.closedAt!, settings.of(record.orgId).retentionMonths, dutchHolidays);
    if (keepUntil <= now) expired.push(record.data.vaultId);
  }
  const deleted = expired.length > 0 ? (await vault.deleteMany({ _id: { $in: expired } })).deletedCount : 0;

  const old = (await vault.find({ createdAt: { $lt: new Date(now.getTime() - ORPHAN_AFTER_MS) } }, { projection: { _id: 1 } }).toArray()).map((document) => document._id);
  let orphans = 0;
  if (old.length > 0) {
    const used = new Set((await recordsCollection(db).find({ type: REPORT_TYPE, 'data.vaultId': { $in: old } }, { projection: { 'data.vaultId': 1 } }).toArray()).map((record) => (record as ReportRecord).data.vaultId));
    const unused = old.filter((id) => !used.has(id));
    if (unused.length > 0) orphans = (await vault.deleteMany({ _id: { $in: unused } })).deletedCount;
  }
  if (deleted + orphans > 0) options.logger?.info({ event: 'report.retention', deleted, orphans }, 'report content deleted after retention');
  return { deleted, orphans };
}

let book: ReportSettingsBook | undefined;
function defaultBook(): ReportSettingsBook {
  book ??= new ReportSettingsBook();
  return book;
}
