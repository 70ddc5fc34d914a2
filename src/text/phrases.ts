/**
 * Recognising a few phrases in a chat message by scanning its words, for the free-text intents
 * ("ik heb een kerstpakket gekregen", "ik word gepest"). Every step is linear in the text: a
 * regular expression with a gap (`heb .* gekregen`) backtracks quadratically on long input.
 */

/** Words, with an inner apostrophe kept ("i've"); letters of any script. Linear: the apostrophe separates the repeats. */
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export const wordSet = (...list: string[]): ReadonlySet<string> => new Set(list);

/** One position in a phrase: any of these words, or (optional) none. */
export interface Slot {
  words: ReadonlySet<string>;
  optional?: boolean;
}
export type Phrase = readonly Slot[];
export const slot = (...list: string[]): Slot => ({ words: wordSet(...list) });
export const maybe = (...list: string[]): Slot => ({ words: wordSet(...list), optional: true });

/** Whether any of the phrases occurs in the words (each a run of consecutive words). */
export function containsPhrase(tokens: readonly string[], phrases: readonly Phrase[]): boolean {
  return phrases.some((phrase) => tokens.some((_, start) => matchesAt(tokens, start, phrase)));
}

/** A word of `first`, and after it (anywhere, or within `within` words) a word of `then`. */
export function followedBy(tokens: readonly string[], first: ReadonlySet<string>, then: ReadonlySet<string>, within = Infinity): boolean {
  let lastFirst = -Infinity;
  for (const [index, token] of tokens.entries()) {
    if (index - lastFirst <= within && then.has(token)) return true;
    if (first.has(token)) lastFirst = index;
  }
  return false;
}

/** Whether the phrase matches the words from `start` on; optional slots may be skipped (a few, so constant work). */
function matchesAt(tokens: readonly string[], start: number, phrase: Phrase, slotIndex = 0): boolean {
  if (slotIndex === phrase.length) return true;
  const current = phrase[slotIndex]!;
  const token = tokens[start];
  if (token !== undefined && current.words.has(token) && matchesAt(tokens, start + 1, phrase, slotIndex + 1)) return true;
  return current.optional === true && matchesAt(tokens, start, phrase, slotIndex + 1);
}
