import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giftVerbs } from '../../src/gifts/cards.js';
import { MAX_MESSAGE_TEXT_LENGTH } from '../../src/teams/inbound.js';
import { MAX_QUESTION_LENGTH } from '../../src/teams/questions.js';
import { demoUsers, startTestBot, visibleText, type TestBot } from '../support/bot.js';
import { cardInvoke, giftData } from '../gifts/support.js';
import { watchHealth } from '../support/edge.js';

/**
 * Issue 7, defect 2: a regular expression on user text must never block the process. Every
 * pattern that sees user text is found by watching the real turns (any RegExp run on a string
 * that contains a marker typed by the "user"), then each one is run against 500 KB inputs built
 * to make backtracking patterns explode: repeated words, a word followed by long whitespace.
 *
 * The knowledge base's own patterns (src/knowledge, issue 8) only ever see a question of at most
 * MAX_QUESTION_LENGTH characters, because the length is checked first; that is tested here, and
 * they are timed on input of that length. Several of them have bounded gaps (`.{0,60}`) that are
 * linear but cost tens of milliseconds on 500 KB, so the 500 KB bound applies to every pattern
 * that can see longer text: routing, commands, intents and forms.
 */
const MARKER = 'qzxmarker';
const SIZE = 500 * 1024;
const BOUND_MS = 50;

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => bot?.close());

interface SeenPattern {
  pattern: RegExp;
  /** Run from src/knowledge (the question pipeline), which only receives bounded questions. */
  knowledge: boolean;
  longestInput: number;
}

/** The RegExps that ran on text containing the marker while `work` ran. */
async function patternsSeeing(work: () => Promise<void>): Promise<SeenPattern[]> {
  const seen = new Map<string, SeenPattern>();
  const original = RegExp.prototype.exec;
  RegExp.prototype.exec = function exec(this: RegExp, input: string) {
    if (typeof input === 'string' && input.includes(MARKER)) {
      const key = `${this.source}/${this.flags}`;
      const entry = seen.get(key) ?? { pattern: new RegExp(this.source, this.flags.replace(/[gy]/g, '')), knowledge: false, longestInput: 0 };
      entry.knowledge ||= (new Error().stack ?? '').includes('/src/knowledge/');
      entry.longestInput = Math.max(entry.longestInput, input.length);
      seen.set(key, entry);
    }
    return original.call(this, input);
  };
  try {
    await work();
  } finally {
    RegExp.prototype.exec = original;
  }
  return [...seen.values()];
}

/** Inputs that make a backtracking pattern take quadratic or worse time, from the pattern's own words. */
function adversarialInputs(pattern: RegExp, size: number): string[] {
  const literal = pattern.source.replace(/\\[a-zA-Z]/g, ' ').replace(/\\u[0-9a-fA-F]{4}/g, ' ');
  const words = [...new Set(literal.match(/\p{L}{2,}/gu) ?? [])].slice(0, 40);
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const inputs = [fill('a'), fill(' '), fill('1'), fill('. '), fill('\n'), `${fill(' ')}#`, fill('ab ')];
  for (const word of words) inputs.push(fill(`${word} `), `${word}${fill(' ')}#`, `${fill(`${word}`)}#`);
  for (let index = 0; index + 1 < words.length; index += 1) inputs.push(fill(`${words[index]} ${words[index + 1]} `));
  return inputs;
}

function slowestRun(pattern: RegExp, inputs: string[]): { ms: number; input: string } {
  let worst = { ms: 0, input: '' };
  for (const input of inputs) {
    // A slow run is repeated and the best of three counts: a busy machine can pause one run, a
    // backtracking pattern is slow every time.
    const time = () => {
      const started = performance.now();
      pattern.test(input);
      return performance.now() - started;
    };
    let ms = time();
    if (ms > BOUND_MS) ms = Math.min(ms, time(), time());
    if (ms > worst.ms) worst = { ms, input: `${JSON.stringify(input.slice(0, 24))}… (${input.length} chars)` };
  }
  return worst;
}

function slowPatterns(patterns: SeenPattern[], size: number): string[] {
  const slow: string[] = [];
  for (const { pattern } of patterns) {
    const worst = slowestRun(pattern, adversarialInputs(pattern, size));
    if (worst.ms > BOUND_MS) slow.push(`${pattern} took ${worst.ms.toFixed(0)} ms on ${worst.input}`);
  }
  return slow;
}

describe('patterns that see user text', () => {
  it('answers a 520 KB message within 5 s while /healthz keeps answering within 1 s', async () => {
    const text = 'heb '.repeat(130_000);
    const watcher = watchHealth(bot);
    const started = Date.now();
    const replies = await bot.send(bot.message(text));
    const elapsed = Date.now() - started;
    const health = await watcher.stop();
    expect(elapsed).toBeLessThan(5000);
    expect(visibleText(replies)).toContain('te lang');
    expect(Math.max(...health)).toBeLessThan(1000);
  });

  it('lets no knowledge-base pattern see a question longer than it accepts', async () => {
    const patterns = await patternsSeeing(async () => {
      await bot.send(bot.message(`Mag ik ${MARKER} ${'een cadeau aannemen van wie heeft je '.repeat(100)}`.slice(0, MAX_MESSAGE_TEXT_LENGTH)));
      await bot.send(bot.message(`Mag ik een cadeau aannemen? ${MARKER}`));
    });
    const knowledge = patterns.filter((seen) => seen.knowledge);
    expect(knowledge.length).toBeGreaterThan(0);
    for (const seen of knowledge) expect(seen.longestInput, String(seen.pattern)).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
  });

  // Last: its timing loops block this process (the bot's too) for seconds, which idle keep-alive
  // connections of the tests before it would not survive.
  it('are each linear: under 50 ms on 500 KB adversarial inputs (and the knowledge base’s on the longest question)', async () => {
    const patterns = await patternsSeeing(async () => {
      for (const text of [MARKER, `help ${MARKER}`, `ik heb ${MARKER} gekregen`, `${MARKER} melden`, `mag ik een ${MARKER} aannemen?`, `I received ${MARKER}`]) {
        await bot.send(bot.message(text));
        await bot.send(bot.message(text, { ...demoUsers.employee, locale: 'en-US' }));
      }
      const fields = Object.fromEntries(Object.keys(giftData()).map((key) => [key, `${MARKER} 12,50`]));
      await bot.invoke(cardInvoke(bot, demoUsers.employee, giftVerbs.submit, { ...fields, formId: giftData().formId }));
      await bot.invoke(cardInvoke(bot, demoUsers.employee, giftVerbs.submit, giftData({ description: MARKER, giver: MARKER, valueEur: `${MARKER}`, remark: MARKER })));
    });
    const routing = patterns.filter((seen) => !seen.knowledge);
    const knowledge = patterns.filter((seen) => seen.knowledge);
    // The routes' own patterns must have been seen, or this test watches nothing.
    expect(routing.map((seen) => seen.pattern.source).join('\n')).toContain('cadeau melden');
    expect(routing.length).toBeGreaterThan(5);
    expect(knowledge.length).toBeGreaterThan(0);
    expect(slowPatterns(routing, SIZE)).toEqual([]);
    expect(slowPatterns(knowledge, MAX_QUESTION_LENGTH)).toEqual([]);
  });
});
