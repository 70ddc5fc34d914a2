import type { Db } from 'mongodb';
import { recordsCollection } from '../workflow/store.js';
import { isoDateIn } from '../workflow/workingDays.js';
import { approvedStates, SIDE_JOB_TYPE } from './chain.js';
import { isCurrent, type SideJobRecord } from './views.js';

/** Today's date on the office's calendar. */
export const isoDay = (now: Date) => isoDateIn(now);

/**
 * Approved, current side jobs of an organisation by owner, oldest first. A side job whose change
 * was approved since is no longer current: the newer record replaces it.
 */
export async function currentSideJobs(db: Db, orgId: string, now: Date, owner?: string): Promise<Map<string, SideJobRecord[]>> {
  const approved = (await recordsCollection(db)
    .find({ orgId, type: SIDE_JOB_TYPE, state: { $in: [...approvedStates] }, ...(owner ? { owner } : {}) })
    .sort({ createdAt: 1 })
    .toArray()) as SideJobRecord[];
  const replaced = new Set(approved.flatMap((record) => (record.data.replaces ? [record.data.replaces] : [])));
  const today = isoDay(now);
  const byOwner = new Map<string, SideJobRecord[]>();
  for (const record of approved) {
    if (replaced.has(record._id) || !isCurrent(record, today)) continue;
    byOwner.set(record.owner, [...(byOwner.get(record.owner) ?? []), record]);
  }
  return byOwner;
}

