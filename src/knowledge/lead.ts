import { ALTERNATIVE_WEIGHT, type AnalyzedQuery, type Analyzer } from './text.js';
import type { Citation, Lang } from './types.js';
import { rememberPerText } from './memo.js';

/**
 * The first sentences of an answer: the rule's outcome for "mag ik / moet ik / can I"
 * questions ("Nee.", "Alleen met toestemming.", "Ja, onder voorwaarden.") followed by the
 * sentence of the policy that says so, quoted and cited. The outcome is read from that
 * sentence's own wording (verboden, alleen met toestemming, mag, moet …); where the wording
 * says nothing clear, the lead only quotes the sentence. A quoted sentence never starts with a
 * word that refers back ("daar", "deze", "als daar"): such a sentence brings the one before it.
 */

export type Outcome = 'no' | 'onlyWithPermission' | 'inPrinciple' | 'yesConditional' | 'yesLimited' | 'yes' | 'must' | 'discuss';

const OUTCOME_TEXT: Record<Outcome, Record<Lang, string>> = {
  no: { nl: 'Nee.', en: 'No.' },
  onlyWithPermission: { nl: 'Alleen met toestemming.', en: 'Only with permission.' },
  inPrinciple: { nl: 'In principe niet.', en: 'In principle, no.' },
  yesConditional: { nl: 'Ja, onder voorwaarden.', en: 'Yes, under conditions.' },
  yesLimited: { nl: 'Ja, maar beperkt.', en: 'Yes, but within limits.' },
  yes: { nl: 'Ja.', en: 'Yes.' },
  must: { nl: 'Ja, dat moet.', en: 'Yes, you must.' },
  discuss: { nl: 'Dat beslis je niet alleen: overleg het eerst.', en: 'Not on your own: discuss it first.' },
};

/** The kind of question: asking permission ("mag ik"), a duty ("moet ik"), or neither. */
export type QuestionKind = 'permission' | 'obligation' | 'other';

const OBLIGATION_QUESTION = /\b(moet ik|moeten wij|moeten we|hoef ik|ben ik verplicht|is het verplicht|dien ik|do i have to|do i need to|must i|am i required|am i obliged|is it mandatory|should i)\b/;
const PERMISSION_QUESTION =
  /\b(krijg ik (?:daar )?problemen|kom ik in de problemen|is het erg|mag ik|mag je|mag dat|mag het|mogen wij|mogen we|kan ik|kun ik|kan dat|kan het|is het (?:ok|oke|goed|toegestaan|erg|een probleem|verboden)|is dat (?:ok|oke|goed|toegestaan)|may i|can i|could i|am i allowed|is it ok|is it okay|is it allowed|is that ok|will i get in trouble|can i get in trouble)\b/;

/** "Bij wie kan ik …", "waar moet ik …", "who can I …": a question word before the modal asks something else than leave. */
const ASKS_SOMETHING_ELSE = /\b(bij wie|naar wie|met wie|wie|waar|wanneer|hoe|welke|welk|wat|hoeveel|who|whom|where|when|how|which|what)\b\s+(kan|kun|kunnen|mag|mogen|moet|moeten|hoef|can|may|must|should|do|does)\b/;

export function questionKind(folded: string): QuestionKind {
  if (ASKS_SOMETHING_ELSE.test(folded)) return 'other';
  if (OBLIGATION_QUESTION.test(folded)) return 'obligation';
  if (PERMISSION_QUESTION.test(folded)) return 'permission';
  return 'other';
}

/** Words that refer back to something earlier: a sentence starting with one is not a lead. */
const REFERS_BACK =
  /^(daar|daarbij|daarom|daarvoor|daarmee|daarnaast|daarna|daarentegen|deze|dit|dat|die|dergelijke|zo'n|zo’n|zulke|hiermee|hierin|hiervoor|hierbij|hierop|hiertoe|hij|zij|ze|hun|ook|tevens|bovendien|vervolgens|verder|echter|maar|en|of|als daar|indien dit|in dat geval|in dergelijke)\b/i;

const PROHIBITION = /\b(niet toegestaan|verboden|mag\b.{0,50}\b(geen|niet)\b|mogen\b.{0,50}\b(geen|niet)\b|niet\b.{0,30}\b(aan te nemen|accepteren|aannemen)|(neemt|doet|verzendt|geeft|lekt|gebruikt)\b.{0,60}\b(geen|niet)\b)/;
const EXCEPTION = /\b(tenzij|zonder toestemming|behalve|uitzondering)\b/;
const ONLY_WITH_PERMISSION = /\b(alleen|uitsluitend)\b.{0,80}\b(toestemming|met goedkeuring)\b|\bmet toestemming van\b/;
const IN_PRINCIPLE_NOT = /\bin principe niet\b/;
const EXCEPTION_ELSEWHERE = /\b(uitzondering|niet van toepassing|hoeven geen|hoeft geen|hoeven niet|hoeft niet|niet verplicht|behalve|daarentegen)\b/i;
const ALLOWED_BUT = /\b(mag|mogen|kan|kunnen|is toegestaan)\b[^.;]{0,40}\b(maar|mits|zolang)\b/;
const LIMITED = /\bbeperkt\b/;
const DISCUSS = /\b(overleg\w*|bespre\w*|afstem\w*|afstemming)\b.{0,80}\b(manager|leidinggevende)\b|\b(manager|leidinggevende)\b.{0,80}\b(overleg\w*|bespre\w*|afstem\w*)\b/;
const POSITIVE = /\b(mag|mogen|kan de werknemer|kunnen|is toegestaan|behouden|gestimuleerd|mogelijk)\b/;
const CONDITION = /\b(als|indien|wanneer|mits|zolang|maar|voor zover)\b/;
const DUTY = /\b(moet|moeten|dient|dienen|verplicht|vereist|meldt|melden|opgave te doen|gehouden)\b/;

/** What a policy sentence says about doing something, read from its wording. */
export function outcomeOf(sentence: string, kind: QuestionKind): Outcome | undefined {
  const text = sentence.toLowerCase();
  // "Moet ik …?" is answered by a duty, never by a prohibition or a permission.
  if (kind === 'obligation') return DUTY.test(text) && !PROHIBITION.test(text) ? 'must' : undefined;
  if (IN_PRINCIPLE_NOT.test(text)) return 'inPrinciple';
  // "je mening geven mag natuurlijk, maar laat je niet …": allowed, with a condition.
  if (ALLOWED_BUT.test(text)) return 'yesConditional';
  if (ONLY_WITH_PERMISSION.test(text)) return 'onlyWithPermission';
  if (PROHIBITION.test(text)) return EXCEPTION.test(text) ? 'inPrinciple' : 'no';
  if (LIMITED.test(text)) return 'yesLimited';
  if (DISCUSS.test(text)) return 'discuss';
  if (POSITIVE.test(text)) return CONDITION.test(text) ? 'yesConditional' : 'yes';
  if (kind === 'permission' && DUTY.test(text)) return 'yesConditional';
  return undefined;
}

export interface LeadSentence {
  /** The sentence (with the one before it when it refers back). */
  sentence: string;
  /** Index of the citation it comes from. */
  index: number;
  outcome?: Outcome;
}

/** How rare (telling) a word is in the library: its idf. */
export type TermWeight = (stem: string) => number;

/**
 * How many of the question's words a text has: 1 per word as typed, less through an
 * alternative; with `weightOf`, each word counts by its rarity relative to the question's
 * average, so "aandelen" outweighs "melden".
 */
export function overlap(text: string, analyzed: AnalyzedQuery, analyzer: Analyzer, weightOf?: TermWeight): number {
  return overlapScorer(analyzed, analyzer, weightOf)(text);
}

/**
 * `overlap` for many texts against one question: what depends on the question alone (its
 * content words, their alternatives and weights) is worked out once, not per sentence weighed.
 */
export function overlapScorer(analyzed: AnalyzedQuery, analyzer: Analyzer, weightOf?: TermWeight): (text: string) => number {
  const content = analyzed.terms.filter((term) => term.content);
  const mean = weightOf && content.length > 0 ? content.reduce((sum, term) => sum + weightOf(term.stem), 0) / content.length : 1;
  const weighted = weightOf !== undefined && mean > 0;
  const words = content.map((term) => ({
    stems: [...term.alternatives.keys()],
    hits: [...term.alternatives.values()].map((kind) => ALTERNATIVE_WEIGHT[kind]),
    weight: weighted ? weightOf(term.stem) : 1,
  }));
  return (text) => {
    const terms = analyzer.termSet(text);
    let total = 0;
    for (const { stems, hits, weight } of words) {
      let hit = 0;
      for (let a = 0; a < stems.length; a++) if (terms.has(stems[a] as string)) hit = Math.max(hit, hits[a] as number);
      // The same arithmetic as ever, so the same sentences win.
      total += weighted ? (hit * weight) / mean : hit;
    }
    return total;
  };
}

/** How many different words of the question a text has (as typed, as part of a compound or through a synonym). */
export function sharedWords(text: string, analyzed: AnalyzedQuery, analyzer: Analyzer): number {
  const terms = analyzer.termSet(text);
  return analyzed.terms.filter((term) => term.content && [...term.alternatives.keys()].some((stem) => terms.has(stem))).length;
}

/** Sentences of a quote, list items as sentences of their own. */
export function sentencesOf(text: string): string[] {
  return unitsOf(text).map((unit) => unit.sentence);
}

interface Unit {
  readonly sentence: string;
  /** The sentence ended in a colon in the text (the colon is dropped from `sentence`). */
  readonly colon?: boolean;
  /** For a list item: the line that introduces the list ("De ambtenaar is verplicht …:"). */
  readonly intro?: string;
}

const LIST_ITEM = /^\s*(?:[-•]|[a-z]\.|\d+\.)\s+/;

/** Sentences ending in . ! or ? before a capital (";" and ":" do not end a sentence here). */
function wholeSentences(line: string): string[] {
  return line
    .split(/(?<=[.!?])\s+(?=[\p{Lu}“"‘(])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** The units of a policy text, read once per text: every answer reads the sections it cites, mostly the same ones. */
const unitsOf = rememberPerText(5000, (text) => readUnits(text) as readonly Unit[]);

function readUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let intro: string | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      intro = undefined;
      continue;
    }
    const isItem = LIST_ITEM.test(line);
    for (const sentence of wholeSentences(line.replace(LIST_ITEM, ''))) {
      const clean = sentence.replace(/[;:]$/, '').trim();
      const colon = /:$/.test(sentence.trim());
      if (clean !== '') units.push(isItem && intro ? { sentence: clean, intro, colon } : { sentence: clean, colon });
    }
    if (!isItem) intro = /:\s*$/.test(line) ? line.trim() : undefined;
  }
  return units;
}

const RULE_SIGNAL =
  /€\s?\d|\d+\s?(euro|jaar|uur|maanden|weken|dagen)|\b(elke|jaarlijks|per jaar|keer per|beslist|besluit|verantwoordelijk|verplicht|niet toegestaan|toegestaan|verboden|moet|moeten|mag|mogen|toestemming|melden|meldt|vereist|voorwaarde|nooit|altijd|niet|kan|kunnen|dient)\b/i;
const MAX_LEAD_SENTENCE = 420;
/** A list's introduction longer than this makes a list item too long a lead. */
const MAX_LIST_INTRO = 160;
const OUTCOME_BONUS = 0.5;
/** A sentence about the question's clear theme outranks one this much better that is not, among this many. */
const THEME_LEAD_BONUS = 0.3;
const THEME_CANDIDATES = 4;
/** The best-ranked citation's sentences count as sharing this much at least: its section was found for the question. */
const FIRST_CITATION_FLOOR = 0.6;
/** ... and those words weigh at least this much together (rarity-weighted; an everyday word weighs little) ... */
const OUTCOME_OVERLAP = 1.2;
/** ... and at least this share of the question's words (each weighing 1 on average). */
const OUTCOME_SHARE = 0.6;

/** Whether a sentence's own words name one of the question's clear themes, only other themes, or none. */
export type SentenceTheme = (sentence: string) => 'on' | 'other' | 'none';

/** A sentence of a cited text that may lead, with what it is worth whatever the question. */
interface LeadCandidate {
  /** The sentence as it would be quoted (with its list's introduction, or the sentence it refers back to). */
  sentence: string;
  /** Its unit's place in the text. */
  position: number;
  /** It states a rule (RULE_SIGNAL). */
  signal: number;
  /** `outcomeOf` the sentence per kind of question, once asked. */
  outcomes: Partial<Record<QuestionKind, Outcome | null>>;
}

/**
 * The sentences of a cited text that may lead, in the text's order, read once per text: the cited
 * sections recur from answer to answer. Which ones, and how each reads, depends on the text alone;
 * only how well they answer is the question's.
 */
const leadCandidatesOf = rememberPerText(5000, (quote): readonly LeadCandidate[] => {
  const list: LeadCandidate[] = [];
  const units = unitsOf(quote);
  units.forEach((unit, position) => {
    let sentence = unit.sentence;
    if (unit.intro) {
      // A list item is read with the line that introduces it.
      sentence = `${unit.intro} … ${sentence}`;
    } else if (REFERS_BACK.test(sentence) || /^\p{Ll}/u.test(sentence)) {
      // It refers back, or continues the line before it ("Regeling …: volgens de …").
      const before = units[position - 1];
      if (!before || before.intro || REFERS_BACK.test(before.sentence)) return;
      sentence = `${before.sentence}${before.colon ? ':' : ''} ${sentence}`;
    }
    // A list's introduction alone ("De ambtenaar is verplicht …:") says nothing yet.
    if (unit.colon && !unit.intro && units[position + 1]?.intro) return;
    // A list item is judged by its own length: its introduction is what makes it readable.
    const own = unit.intro ? unit.sentence : sentence;
    if (sentence.length < 25 || own.length > MAX_LEAD_SENTENCE || (unit.intro?.length ?? 0) > MAX_LIST_INTRO) return;
    list.push({ sentence, position, signal: RULE_SIGNAL.test(sentence) ? 0.15 : 0, outcomes: {} });
  });
  return list;
});

/** `outcomeOf` a candidate for a kind of question, read once per sentence and kind. */
function candidateOutcome(candidate: LeadCandidate, kind: QuestionKind): Outcome | undefined {
  let outcome = candidate.outcomes[kind];
  if (outcome === undefined) {
    outcome = outcomeOf(candidate.sentence, kind) ?? null;
    candidate.outcomes[kind] = outcome;
  }
  return outcome ?? undefined;
}

/**
 * The sentence of the first citations that best answers the question: it shares the most
 * words with it, states a rule (and, for a permission or duty question, an outcome), and comes
 * from an earlier citation. A sentence that refers back brings the sentence before it.
 */
export function leadSentence(citations: Citation[], analyzed: AnalyzedQuery, analyzer: Analyzer, kind: QuestionKind, weightOf?: TermWeight, themeOf?: SentenceTheme): LeadSentence | undefined {
  let best: (LeadSentence & { score: number; shared: number }) | undefined;
  const candidates: (LeadSentence & { score: number; shared: number })[] = [];
  const overlapOf = overlapScorer(analyzed, analyzer, weightOf);
  citations.slice(0, 3).forEach((citation, index) => {
    for (const candidate of leadCandidatesOf(citation.quote)) {
      const { sentence, position } = candidate;
      const shared = overlapOf(sentence);
      // A sentence that shares no word with the question still leads when it is the first
      // citation's: the theme found that section, the question used other words.
      if (shared < 1 && index > 0) continue;
      // For "mag ik / moet ik" a sentence that says yes or no is a better lead than one that does not.
      const decides = kind !== 'other' && candidateOutcome(candidate, kind) ? OUTCOME_BONUS : 0;
      const score = Math.max(shared, index === 0 ? FIRST_CITATION_FLOOR : 0) * (1 - index * 0.15) + candidate.signal + decides - position * 0.02;
      candidates.push({ sentence, index, score, shared });
      if (!best || score > best.score) best = { sentence, index, score, shared };
    }
  });
  if (!best) return undefined;
  // "Painting classes for money" shares "geld" with the gift item of an article whose other item is
  // about side jobs: when the best sentence is about another theme than the question's clear one,
  // a close runner-up about the question's theme leads instead (one about no theme in particular,
  // "een directe melding bij het externe meldpunt is ook mogelijk", keeps the lead).
  if (themeOf && themeOf(best.sentence) === 'other') {
    const leading = candidates.sort((a, b) => b.score - a.score).slice(0, THEME_CANDIDATES);
    for (const candidate of leading) {
      if (candidate.score + THEME_LEAD_BONUS > best.score && themeOf(candidate.sentence) === 'on') {
        best = candidate;
        break;
      }
    }
  }
  // An outcome ("Nee.") only from one of the two best-ranked citations' sentences, and only when that
  // sentence is about what was asked: it shares at least two of the question's words and most
  // of its weight (rarity-weighted), not just "privé" and "gebruiken".
  const content = analyzed.terms.filter((term) => term.content).length;
  const about = sharedWords(best.sentence, analyzed, analyzer) >= 2 && best.shared >= Math.max(OUTCOME_OVERLAP, content * OUTCOME_SHARE);
  // Nor when the section names an exception elsewhere ("… hoeven geen eed af te leggen"): the
  // sentence alone would then say too much.
  const exception = EXCEPTION_ELSEWHERE.test(citations[best.index]?.quote.replace(best.sentence, '') ?? '');
  const outcome = kind !== 'other' && best.index <= 1 && about && !exception ? outcomeOf(best.sentence, kind) : undefined;
  return { sentence: best.sentence, index: best.index, outcome };
}

/** "Nee. Artikel 2 lid 1 zegt: “…” [1]" */
export function leadText(lead: LeadSentence, citation: Citation, lang: Lang): string {
  const outcome = lead.outcome ? `${OUTCOME_TEXT[lead.outcome][lang]} ` : '';
  return `${outcome}${whereItSays(citation.section, lang)}: “${lead.sentence}” [${lead.index + 1}]`;
}

/** "Artikel 6 lid 3 zegt", "Onder ‘Social media’ staat", "§ 3.2.1.5 says". */
export function whereItSays(section: string, lang: Lang): string {
  if (/^(Artikel|§|Vraag)\s/.test(section)) {
    const label = section.replace(/^(§\s*\d+(?:\.\d+)*)\s.*$/, '$1');
    return lang === 'nl' ? `${label} zegt` : `${label} says`;
  }
  const last = section.split('›').at(-1)?.trim() ?? section;
  return lang === 'nl' ? `Onder ‘${last}’ staat` : `Under ‘${last}’ it says`;
}
