import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { giftVerbs } from '../../../src/gifts/cards.js';
import type { ConnectorServer } from '../../../test/support/connector.js';
import { cardActionActivity, conversationOf, giftForm, GIFT_REFERENCE, messageActivity, type BenchUser } from './activities.js';
import type { BenchPeople } from './people.js';

/** The demo's HR adviser and integrity coordinator: may decide on any gift in the organisation, next to the manager. */
export const SECOND_DECIDER: BenchUser = { aadObjectId: '00000000-0000-0000-0000-0000000000022' };

export interface BurstOptions {
  /** Bot instances on one database; requests alternate between them. */
  urls: string[];
  connector: ConnectorServer;
  /** A look at the shared database, to check the outcome. */
  db: Db;
  people: BenchPeople;
  submissions: number;
  doubleClicks: number;
  decisions: number;
}

export interface BurstReport {
  instances: number;
  submitted: number;
  doubleClicked: number;
  decided: number;
  /** Forms sent (each double click counts once) and records stored: equal when every form made one record. */
  forms: number;
  records: number;
  /** Double clicks whose two answers showed different reference numbers (0 when each made one record). */
  doubleClickMismatches: number;
  /** Reference numbers: unique and without gaps from 1 when `gaplessNumbers`. */
  gaplessNumbers: boolean;
  /** Races in which not exactly one decision was recorded (in history and audit). */
  decisionsWithoutOneWinner: number;
  /** Cards to managers and notices to owners that arrived other than exactly once. */
  managerCardsNotOnce: number;
  ownerNoticesNotOnce: number;
  /** Answers that were not 200 with the expected content. */
  failedAnswers: number;
  ms: number;
}

interface StoredGift {
  _id: string;
  reference: string;
  sequence: number;
  owner: string;
  assignees: string[];
  /** Everyone who was ever assigned, in order: the manager first (assignees empties once decided). */
  participants: string[];
  history: { action: string }[];
}

/**
 * Gift notifications sent to several bot instances on one database at once: a burst of
 * submissions, double clicks (the same form to two instances at the same moment) and decisions
 * by two people with a say, racing on different instances. Then, once the outbox is delivered,
 * what a user would notice: one record per form, one winner per decision, every card and notice
 * once. Used by the two-instance test and by `npm run bench -- --instances 2`.
 */
export async function giftBurst(options: BurstOptions): Promise<BurstReport> {
  const started = Date.now();
  const { urls, connector, db, people } = options;
  const serviceUrl = connector.url;
  const instance = (index: number) => urls[index % urls.length]!;
  let failedAnswers = 0;
  const post = async (url: string, activity: Record<string, unknown>): Promise<string> => {
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await response.text();
    if (response.status !== 200) failedAnswers += 1;
    return text;
  };
  const referenceIn = (text: string) => {
    const reference = GIFT_REFERENCE.exec(text)?.[0];
    if (!reference) failedAnswers += 1;
    return reference;
  };

  const needed = options.submissions + options.doubleClicks;
  if (people.employees.length < needed) throw new Error(`the burst needs ${needed} employees`);
  const submitters = people.employees.slice(0, options.submissions);
  const clickers = people.employees.slice(options.submissions, needed);
  const managers = [...new Set(people.employees.slice(0, needed).map((employee) => employee.manager))].map((aadObjectId) => ({ aadObjectId }));

  // Everyone who will receive a card has talked to the bot (that is where proactive messages go).
  await Promise.all([...managers, SECOND_DECIDER, ...submitters, ...clickers].map((user, index) => post(instance(index), messageActivity(user, serviceUrl, 'help'))));

  const now = new Date();
  const submitted = await Promise.all(submitters.map((user, index) => post(instance(index), cardActionActivity(user, serviceUrl, giftVerbs.submit, giftForm(now)))));
  submitted.forEach(referenceIn);

  let doubleClickMismatches = 0;
  await Promise.all(
    clickers.map(async (user) => {
      const click = cardActionActivity(user, serviceUrl, giftVerbs.submit, giftForm(now, randomUUID()));
      // The same activity (same form, same card) at two instances at once; a second id, as Teams gives a second click.
      const answers = await Promise.all(urls.slice(0, 2).map((url, index) => post(url, index === 0 ? click : { ...click, id: randomUUID() })));
      const [first, second] = answers.map(referenceIn);
      if (!first || first !== second) doubleClickMismatches += 1;
    }),
  );

  const gifts = db.collection<StoredGift>('workflowRecords');
  const raced = await gifts.find({ owner: { $in: submitters.map((user) => user.aadObjectId) }, type: 'gift' }).limit(options.decisions).toArray();
  await Promise.all(
    raced.map((record, index) =>
      Promise.all([
        post(instance(index), cardActionActivity({ aadObjectId: record.assignees[0]! }, serviceUrl, giftVerbs.decide, { giftId: record._id, decision: 'approve_keep' })),
        post(instance(index + 1), cardActionActivity(SECOND_DECIDER, serviceUrl, giftVerbs.decide, { giftId: record._id, decision: 'hand_in' })),
      ]),
    ),
  );

  await settle(db, connector);

  const stored = await gifts.find({ type: 'gift' }).toArray();
  const sequences = stored.map((record) => record.sequence).sort((a, b) => a - b);
  const audit = db.collection<{ recordId: string; action: string }>('workflowAudit');
  let decisionsWithoutOneWinner = 0;
  for (const record of raced) {
    const current = stored.find((candidate) => candidate._id === record._id);
    const inHistory = current?.history.filter((entry) => entry.action === 'decide').length ?? 0;
    const inAudit = await audit.countDocuments({ recordId: record._id, action: 'decide' });
    if (inHistory !== 1 || inAudit !== 1) decisionsWithoutOneWinner += 1;
  }

  const posts = connector.calls.filter((call) => call.method === 'POST');
  const postsMentioning = (conversationId: string, reference: string) => posts.filter((call) => call.conversationId === conversationId && JSON.stringify(call.activity).includes(reference)).length;
  let managerCardsNotOnce = 0;
  let ownerNoticesNotOnce = 0;
  for (const record of stored) {
    if (postsMentioning(conversationOf({ aadObjectId: record.participants[0]! }), record.reference) !== 1) managerCardsNotOnce += 1;
    const decided = record.history.some((entry) => entry.action === 'decide');
    if (decided && postsMentioning(conversationOf({ aadObjectId: record.owner }), record.reference) !== 1) ownerNoticesNotOnce += 1;
  }

  return {
    instances: urls.length,
    submitted: submitters.length,
    doubleClicked: clickers.length,
    decided: raced.length,
    forms: needed,
    records: stored.length,
    doubleClickMismatches,
    gaplessNumbers: sequences.every((sequence, index) => sequence === index + 1),
    decisionsWithoutOneWinner,
    managerCardsNotOnce,
    ownerNoticesNotOnce,
    failedAnswers,
    ms: Date.now() - started,
  };
}

/** Until no message is pending in the shared outbox and the connector has been quiet for a moment. */
async function settle(db: Db, connector: ConnectorServer, timeoutMs = 60_000): Promise<void> {
  const outbox = db.collection('outbox');
  const giveUpAt = Date.now() + timeoutMs;
  let quietSince = Date.now();
  let seen = connector.calls.length;
  while (Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (connector.calls.length !== seen) {
      seen = connector.calls.length;
      quietSince = Date.now();
    }
    if ((await outbox.countDocuments({ status: 'pending' })) === 0 && Date.now() - quietSince > 1500) return;
  }
  throw new Error('the outbox did not settle');
}
