import { containsPhrase, followedBy, maybe, slot, wordSet, wordsOf, type Phrase } from '../text/phrases.js';

/**
 * Does a chat message report receiving a gift ("ik heb een kerstpakket gekregen van de
 * aannemer"), as opposed to asking about gifts ("mag ik een cadeau aannemen?")? Then the bot
 * offers the gift form.
 *
 * Written as a scan over words (src/text/phrases.ts) instead of one regular expression: the earlier pattern
 * (`heb … .* … gekregen`) backtracked quadratically and blocked the process for 100 s on a
 * 520 KB message. Every step here is linear in the text, and the length is checked first.
 */

/** Longer text is not a short report of a gift; it is left to the question handler. */
export const MAX_GIFT_REPORT_LENGTH = 1000;

/** A question starts with a question word; a report of receipt does not. Anchored, one pass. */
const QUESTION_START =
  /^\s*(mag|mogen|moet|moeten|kan|kun|kunnen|wat|hoe|hoeveel|wanneer|waarom|wie|welke|waar|is het|zijn|als|stel|may|can|could|should|must|what|how|when|why|who|which|where|is it|am i|do i|does|are|if)\b/i;

const HAVE_OR_RECEIVED_NL = wordSet('heb', 'hebben', 'kreeg', 'kregen', 'ontving', 'ontvingen');
const PARTICIPLE_NL = wordSet('gekregen', 'ontvangen', 'aangeboden', 'gegeven', 'toegestuurd', 'thuisgestuurd', 'bezorgd');

const PHRASES: readonly Phrase[] = [
  // ik kreeg / ik ontving
  [slot('ik'), slot('kreeg', 'ontving')],
  // is (bij mij) (thuis) bezorgd
  [slot('is', 'werd', 'zijn', 'werden'), maybe('bij'), maybe('mij'), maybe('thuis'), slot('bezorgd', 'afgeleverd', 'langsgebracht')],
  // cadeau melden
  [slot('cadeau', 'geschenk', 'gift', 'relatiegeschenk', 'kerstpakket', 'uitnodiging'), slot('melden', 'doorgeven')],
  // i (have | 've | just) received / got / was given ...
  [slot('i', "i've", 'i’ve'), maybe('have', 'just'), slot('received', 'got')],
  [slot('i', "i've", 'i’ve'), maybe('have', 'just'), slot('been'), slot('given', 'offered')],
  [slot('i'), slot('was'), slot('given', 'offered', 'sent')],
  // was / got / were delivered to my home
  [slot('was', 'got', 'were'), slot('delivered'), slot('to'), slot('my'), slot('home')],
  // report a / my / the gift
  [slot('report'), slot('a', 'my', 'the'), slot('gift')],
];

/** "ik heb een kerstpakket gekregen van de aannemer" offers the form; "mag ik een cadeau aannemen?" is a question. */
export function isGiftReport(text: string): boolean {
  if (text.length > MAX_GIFT_REPORT_LENGTH) return false;
  if (QUESTION_START.test(text)) return false;
  const tokens = wordsOf(text);
  // "heb … gekregen": a form of hebben/krijgen with a participle anywhere after it.
  return followedBy(tokens, HAVE_OR_RECEIVED_NL, PARTICIPLE_NL) || containsPhrase(tokens, PHRASES);
}
