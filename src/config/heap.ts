import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what is live before it collects again. Left to itself, a
 * process that allocates fast (every turn parses an activity, builds cards, decodes documents)
 * is allowed up to about four times its live heap: with some 75 MB live, the bot's resident
 * memory climbed to 260–420 MB under load, although nothing was retained. A bounded growth keeps
 * it near what is live, at the price of more frequent collections of the old generation: at 25 %
 * the bench (`npm run bench`, memory) measured 219 MB and no loss of throughput. Not a cap: the
 * heap still grows with what is live (a larger corpus, more organisations), so nothing fails for
 * lack of room.
 *
 * Read by V8 each time it sets the next collection's limit, so setting it at start-up, before
 * the first full collection, applies it to the whole run. 0 leaves V8's own heuristic.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
