import type { Activity } from 'botbuilder';
import { expect } from 'vitest';
import type { TestBot } from './bot.js';

/** What an exception's text looks like in a response body: error class names, parser messages, stack frames. */
export const EXCEPTION_TEXT =
  /(TypeError|ReferenceError|SyntaxError|RangeError|Mongo\w*Error|ZodError|Unexpected token|Cannot read|is not a function|is not defined|undefined is not|\bat [\w.<>]+ \(|node_modules|\.[jt]s:\d+|ECONNREFUSED)/;

export function expectNoExceptionText(body: string): void {
  expect(body, body.slice(0, 300)).not.toMatch(EXCEPTION_TEXT);
}

/** Posts any body with any content type to the bot's endpoint and returns status and text. */
export async function postRaw(bot: TestBot, body: string, contentType = 'application/json'): Promise<{ status: number; text: string }> {
  const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, text: await response.text() };
}

/** An invoke of an Adaptive Card action (Action.Execute unless another type is given). */
export function actionInvoke(bot: TestBot, verb: unknown, data: unknown = {}, type = 'Action.Execute', locale = 'nl-NL'): Partial<Activity> {
  return {
    ...bot.message(''),
    locale,
    text: undefined,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type, verb, data }, trigger: 'manual' },
  };
}

/** The text an invoke response shows the user, whatever its kind (message, card, task, compose extension). */
export function invokeText(body: unknown): string {
  return JSON.stringify(body ?? '');
}

/** Every stored conversation reference, keyed by user, for before/after comparisons. */
export async function storedReferences(bot: TestBot): Promise<Record<string, { serviceUrl: string; conversationId: string }>> {
  const documents = await bot.app.database.db.collection<{ _id: unknown; serviceUrl: string; conversationId: string }>('conversationReferences').find({}).toArray();
  return Object.fromEntries(documents.map((document) => [JSON.stringify(document._id), { serviceUrl: document.serviceUrl, conversationId: document.conversationId }]));
}

/**
 * Polls `/healthz` until stopped; `stop()` returns each answer's latency in ms (Infinity for a
 * failed or non-200 answer), so a test can check the process kept answering meanwhile.
 */
export function watchHealth(bot: TestBot, intervalMs = 50): { stop(): Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      const response = await fetch(`${bot.url}/healthz`).catch(() => undefined);
      await response?.text();
      latencies.push(response?.status === 200 ? Date.now() - started : Number.POSITIVE_INFINITY);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return latencies;
    },
  };
}
