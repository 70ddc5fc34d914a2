import type { VocabularyMatch } from './themes.js';

/**
 * Whether a question is for the integrity assistant. Recall first: a wrongly declined real
 * question costs more than an honest "this is what the rules say nearby". Declined are only
 * requests for other people's records (decided earlier, in question.ts), questions about
 * another employer's affairs, and questions that are clearly about something else (pay,
 * leave, IT help, facilities, chit-chat) or about nothing the policies touch.
 */
export type ScopeReason =
  /** A clear integrity word, or several weaker ones, of a theme. */
  | 'theme'
  /** The policy text itself matches the question well (the lexical rule). */
  | 'lexical'
  /** One weaker integrity word in a question asking permission or describing a situation. */
  | 'weak-theme'
  | 'records'
  | 'other-employer'
  | 'off-topic'
  | 'no-evidence'
  | 'empty';

export interface ScopeDecision {
  inScope: boolean;
  reason: ScopeReason;
  /** 'direct' when the match is clear; 'weak' answers say honestly that they may not fit. */
  confidence: 'direct' | 'weak';
}

export interface ScopeInput {
  vocabulary: VocabularyMatch;
  lexical: { inScope: boolean; strong: boolean; bestShare: number };
  permission: boolean;
  /** "Wie moet ik bellen", "where can I go": asks whom to turn to rather than whether something is allowed. */
  asksWhom: boolean;
  /** "Hoe stel ik … in", "how do I …": a how-to question. */
  howTo: boolean;
  otherEmployer: boolean;
  /** Subject words in the question; a described situation has several. */
  words: number;
}

/** A described situation ("mijn broer vraagt een vergunning aan die bij mij terechtkomt") has at least this many subject words. */
const SCENARIO_WORDS = 5;
/** ... and one of the best passages matches at least this share of the question's words. */
const WEAK_THEME_SHARE = 0.3;

export function decideScope(input: ScopeInput): ScopeDecision {
  const { vocabulary, lexical, permission } = input;
  const top = vocabulary.themes[0]?.confidence ?? 0;
  const strongTheme = vocabulary.themes.some((hit) => hit.strongCues > 0 && !hit.whomOnly);
  if (input.otherEmployer) return { inScope: false, reason: 'other-employer', confidence: 'weak' };
  // "Cadeau-idee voor de verjaardag van mijn moeder": a phrase that places the subject outside
  // work outweighs the integrity word in it, unless the policy text itself matches closely.
  if (vocabulary.decisiveOffTopics.length > 0 && !lexical.strong) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // An off-topic subject wins over weaker integrity words ("wachtwoord kwijt", "recept voor de
  // teamlunch"), not over a clear one, a typed policy term, or a permission question with several.
  // "Wie moet ik bellen" after a broken laptop asks for the helpdesk, not for a rule.
  if (vocabulary.offTopics.length > 0 && !strongTheme && !lexical.strong && !(permission && !input.asksWhom && top >= 0.75)) {
    return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  }
  // A how-to question ("how do I connect my phone") with only weaker words is a request for
  // practical help elsewhere, not an integrity question.
  if (input.howTo && !permission && !strongTheme && !lexical.strong && !lexical.inScope) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  if (top >= 0.75) return { inScope: true, reason: 'theme', confidence: strongTheme || lexical.inScope || (permission && lexical.bestShare >= WEAK_THEME_SHARE) ? 'direct' : 'weak' };
  if (lexical.inScope) return { inScope: true, reason: 'lexical', confidence: lexical.strong || top > 0 ? 'direct' : 'weak' };
  // One weaker word is enough only when the text found also shares some of the question.
  if (top >= 0.5 && (permission || input.words >= SCENARIO_WORDS) && lexical.bestShare >= WEAK_THEME_SHARE) return { inScope: true, reason: 'weak-theme', confidence: 'weak' };
  return { inScope: false, reason: 'no-evidence', confidence: 'weak' };
}

/**
 * A question asking permission or what to do: "mag ik", "is het ok als", "kan ik", "moet ik",
 * "can I", "am I allowed". `folded` is the question after `fold`.
 */
const PERMISSION_FRAMED =
  /\b(krijg ik (?:daar )?problemen|kom ik in de problemen|mag ik|mag je|mag dat|mag het|mogen wij|mogen we|moet ik|moet je|hoef ik|kan ik|kun ik|kan dat|kan het|is het (?:ok|oke|goed|erg|toegestaan|verboden|een probleem|gepast|slim|verstandig|netjes)|is dat (?:ok|oke|goed|erg|toegestaan|verboden)|is het wel|wat moet ik doen|wat kan ik doen|wat doe ik|hoe zit het met|(?:zijn|gelden|bestaan) (?:er|daar)(?: \w+){0,3} regels|is er een regel|are there (?:any )?rules|is there a rule|may i|can i|could i|am i allowed|is it ok|is it okay|is it allowed|is that ok|is that allowed|should i|do i have to|do i need to|must i|what should i do|what can i do|will i get in trouble|can i get in trouble)\b/;

export function isPermissionFramed(folded: string): boolean {
  return PERMISSION_FRAMED.test(folded);
}

const HOW_TO = /\b(hoe (?:kan|moet|doe|stel|zet|krijg|verbind|koppel|installeer|reset|reserveer|vraag|regel|maak|boek|kom|zie|vind|open|gebruik|activeer|download) (?:ik|je)|how (?:do|can|should|would) (?:i|we)|how to)\b/;

/** A how-to question: "hoe stel ik dit in", "how do I …". `folded` is the question after `fold`. */
export function isHowTo(folded: string): boolean {
  return HOW_TO.test(folded);
}
