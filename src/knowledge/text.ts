import { stemmer as dutchStemmer } from '@orama/stemmers/dutch';
import { stopwords as dutchStopwords } from '@orama/stopwords/dutch';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { allOrganisationMentions } from './organisations.js';
import synonymsData from './synonyms.json' with { type: 'json' };
import { rememberPerText } from './memo.js';

import type { Lang } from './language.js';

export type { Lang };
export { detectLanguage } from './language.js';

interface Vocabulary {
  groups: string[][];
  english: Record<string, string>;
  domain: string[];
  weakDomain: string[];
  lemmas: Record<string, string>;
}

const vocabulary = synonymsData as Vocabulary;

/**
 * Question words, modal verbs and fillers that the general Dutch list keeps but that carry
 * no meaning for finding a policy passage.
 */
const EXTRA_DUTCH_STOPWORDS = [
  'mag', 'mogen', 'moet', 'moeten', 'kan', 'kun', 'kunnen', 'wil', 'willen', 'zou', 'zouden', 'welke', 'welk',
  'wanneer', 'waar', 'waarom', 'hoe', 'wie', 'wat', 'hoeveel', 'jij', 'jou', 'jouw', 'we', 'wij', 'onze', 'jullie',
  'graag', 'even', 'eigenlijk', 'precies', 'gewoon', 'weer', 'dus', 'nou', 'hé', 'hallo', 'hoi', 'beste', 'bedankt',
  'dank', 'alsjeblieft', 'svp', 'vraag', 'vragen', 'weten', 'zeggen', 'vertel', 'vertellen', 'uitleggen', 'leg',
  'iemand', 'iets', 'ergens', 'erg', 'heel', 'zeer', 'mijn', 'mij', 'ik', 'je', 'u', 'uw', 'zij', 'hun', 'hen',
  'ze', 'deze', 'dit', 'dat', 'die', 'daar', 'hier', 'er', 'al', 'ook', 'nog', 'wel', 'niet', 'geen', 'dan',
  'als', 'of', 'om', 'te', 'tot', 'bij', 'naar', 'voor', 'door', 'over', 'onder', 'met', 'zonder', 'uit', 'in',
  'op', 'aan', 'van', 'het', 'de', 'een', 'en', 'is', 'zijn', 'ben', 'bent', 'was', 'waren', 'wordt', 'worden',
  'heb', 'hebt', 'heeft', 'hebben', 'had', 'doe', 'doen', 'doet', 'gaan', 'gaat', 'ga', 'zo', 'toch', 'nu', 'ja',
  'nee', 'oké', 'ok', 'regel', 'regels', 'staat', 'staan', 'precies', 'soms', 'altijd', 'nooit',
  'dag', 'dagen', 'vaak', 'keer', 'naast', 'terecht', 'soort', 'manier', 'ooit', 'mee', 'eens', 'wel', 'zien',
  'mogelijk', 'welk', 'zoals', 'bijvoorbeeld', 'eigen', 'iedereen', 'echt', 'nodig', 'belangrijk', 'gebeurt',
  'gebeuren', 'gebeurd', 'krijg', 'ander', 'andere', 'zit', 'zitten', 'laat', 'begint', 'beginnen', 'duurt',
  'duren', 'lang', 'volgende', 'vorige', 'eerste', 'laatste', 'kun', 'kunt', 'moeten', 'mogen', 'direct', 'laten',
];

const EXTRA_ENGLISH_STOPWORDS = [
  'can', 'could', 'may', 'might', 'must', 'should', 'would', 'will', 'shall', 'do', 'does', 'did', 'i', 'me', 'my',
  'we', 'our', 'you', 'your', 'what', 'which', 'who', 'whom', 'when', 'where', 'why', 'how', 'is', 'are', 'am',
  'be', 'the', 'a', 'an', 'of', 'to', 'for', 'from', 'in', 'on', 'at', 'by', 'with', 'about', 'if', 'it', 'this',
  'that', 'there', 'get', 'got', 'allowed', 'okay', 'ok', 'please', 'tell', 'know', 'need', 'want', 'rules', 'rule',
  'happens', 'happen', 'happened', 'does', 'any', 'some', 'there', 'say', 'says',
];

/**
 * Chat shorthand written out, so that a question typed the way people chat meets the same words
 * as one written out ("mag ik ff in t systeem kijken", "kheb mn laptop van de zaak"). After the
 * apostrophes are gone: "m'n" is "mn", "'t" is "t". Only forms that are no Dutch or English
 * word of their own, and never inside an abbreviation, an address or a compound ("n.v.t.", "t-shirt").
 */
const INFORMAL_DUTCH_WORDS: Record<string, string> = {
  mn: 'mijn',
  zn: 'zijn',
  t: 'het',
  n: 'een',
  k: 'ik',
  tis: 'het is',
  ff: 'even',
  effe: 'even',
  gwn: 'gewoon',
  eig: 'eigenlijk',
  idd: 'inderdaad',
  wrm: 'waarom',
  wnr: 'wanneer',
  mss: 'misschien',
  msch: 'misschien',
  ipv: 'in plaats van',
  vd: 'van de',
  vh: 'van het',
  evt: 'eventueel',
  kheb: 'ik heb',
  kben: 'ik ben',
  kzit: 'ik zit',
  kweet: 'ik weet',
  kwil: 'ik wil',
  kmoet: 'ik moet',
  kmag: 'ik mag',
  kkan: 'ik kan',
  kga: 'ik ga',
  kwerk: 'ik werk',
  kkrijg: 'ik krijg',
  kdenk: 'ik denk',
  kvind: 'ik vind',
  kzou: 'ik zou',
  khad: 'ik had',
};
/** Text with a character beyond ASCII (see `fold`); defined before STOPWORDS, which folds its words. */
const NON_ASCII = /[^\x00-\x7f]/;
const INFORMAL_DUTCH = new RegExp(String.raw`(?<![\p{L}\d./@&_-])(?:${Object.keys(INFORMAL_DUTCH_WORDS).join('|')})(?![\p{L}\d./@&_-])`, 'gu');

export const STOPWORDS = new Set(
  [...dutchStopwords, ...englishStopwords, ...EXTRA_DUTCH_STOPWORDS, ...EXTRA_ENGLISH_STOPWORDS].map((word) => fold(word)),
);

/** Organisation names locate a question; they say nothing about its subject. */
let scopeWords: Set<string> | undefined;
function isScopeWord(word: string): boolean {
  scopeWords ??= new Set(['gemeente', 'gemeenten', ...allOrganisationMentions()].map((mention) => fold(mention)));
  return scopeWords.has(word);
}

/** Lower case, accents folded, symbols the policies use spelled out. */
export function fold(text: string): string {
  // Every question is folded a dozen times (per sentence, per clause). Plain ASCII, most of them,
  // has no accent and no euro sign, and NFKD leaves it as it is; a pattern that needs a character
  // the text lacks would replace nothing. So those steps are skipped where they could not change it.
  let folded = NON_ASCII.test(text)
    ? text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/€/g, ' euro ')
    : text.toLowerCase();
  if (folded.includes('e-mail')) folded = folded.replace(/\be-mail/g, 'email');
  if (folded.includes('&')) folded = folded.replace(/\bp\s?&\s?o\b/g, 'penoafdeling');
  return folded.replace(/['’‘`´]/g, '').replace(INFORMAL_DUTCH, (word) => INFORMAL_DUTCH_WORDS[word] ?? word);
}

/**
 * Words of a text. A hyphenated compound ("ex-werknemer") stays one word, which the
 * analyser splits into its parts; "e-mail" and the like are folded to one word already.
 */
export function tokenize(text: string): string[] {
  return fold(text).match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? [];
}

function undouble(stem: string): string {
  return stem.replace(/([bcdfghjklmnpqrstvwxz])\1$/, '$1');
}

/** Stems of words seen in texts and questions, bounded all the same. */
const snowball = rememberPerText(200_000, (word) => undouble(dutchStemmer(word)));

/**
 * A Dutch analyser around the Snowball stemmer that also brings inflected verb forms
 * ("neemt", "gemeld", "ingehuurd"), plurals in -s, linking-s variants and compounds
 * ("relatiegeschenken" also counts as "geschenk") back to words the corpus uses. The lexicon
 * is the corpus's own vocabulary plus the synonym list, so it adapts to imported documents.
 */
export class Analyzer {
  private readonly lexicon = new Set<string>();
  /** Stems of the documents themselves, without the synonym list's words. */
  private readonly corpus = new Set<string>();
  /** Words of the synonym list: the only ones a compound may start with to be split off. */
  private readonly vocabularyStems = new Set<string>();
  /** Every word as written in the texts and the synonym list, for cheap compound splitting. */
  private readonly surface = new Set<string>();
  private readonly stemCache = new Map<string, string>();
  private readonly partsCache = new Map<string, CompoundPart[]>();
  private readonly lemmas: Map<string, string>;

  constructor(texts: Iterable<string>) {
    this.lemmas = new Map(Object.entries(vocabulary.lemmas).map(([form, lemma]) => [fold(form), fold(lemma)]));
    const add = (word: string, target: Set<string>) => {
      for (const piece of word.includes('-') ? [word.replace(/-/g, ''), ...word.split('-')] : [word]) {
        if (piece.length < 2 || STOPWORDS.has(piece) || /^\d+$/.test(piece)) continue;
        this.surface.add(piece);
        target.add(snowball(this.lemmas.get(piece) ?? piece));
      }
    };
    // The sets only answer membership, so each distinct word needs adding once.
    const words = new Set<string>();
    for (const text of texts) for (const word of tokenize(text)) words.add(word);
    for (const word of words) {
      add(word, this.lexicon);
      add(word, this.corpus);
    }
    const listed = [...vocabulary.groups.flat(), ...vocabulary.domain, ...vocabulary.weakDomain];
    for (const phrase of listed) {
      for (const word of tokenize(phrase)) {
        add(word, this.lexicon);
        add(word, this.vocabularyStems);
      }
    }
  }

  /** Whether the word is an irregular verb form the lemma list brings back to its infinitive ("geef", "gaf"). */
  hasLemma(word: string): boolean {
    return this.lemmas.has(word);
  }

  /** A word the texts or the synonym list use (as written, or by its stem). */
  knows(word: string): boolean {
    return this.surface.has(word) || this.lexicon.has(this.stem(word));
  }

  stem(word: string): string {
    const cached = this.stemCache.get(word);
    if (cached !== undefined) return cached;
    const result = this.computeStem(word.replace(/-/g, ''));
    this.stemCache.set(word, result);
    return result;
  }

  private computeStem(word: string): string {
    const lemma = this.lemmas.get(word);
    if (lemma) return snowball(lemma);
    const base = snowball(word);
    if (/^\d+$/.test(word) || word.length < 5) return base;
    const diminutive = this.diminutiveBase(word, base);
    if (diminutive !== undefined) return diminutive;
    const candidates: string[] = [];
    if (word.endsWith('t')) {
      const root = word.slice(0, -1);
      const last = root.slice(-1);
      const voiced = last === 'f' ? `${root.slice(0, -1)}v` : last === 's' ? `${root.slice(0, -1)}z` : root;
      const shortVowel = root.replace(/([aeou])\1([^aeiou])$/, '$1$2');
      candidates.push(`${root}en`, `${voiced}en`, `${shortVowel}en`, `${root}${last}en`, root);
    }
    if (word.endsWith('s') && !word.endsWith('ss')) candidates.push(word.slice(0, -1));
    // Snowball strips "-baar" ("openbaar" becomes "open"); the verb keeps the meaning.
    if (/baar(heid)?$/.test(word)) candidates.push(word.replace(/baar(heid)?$/, 'baren'));
    const participle = /^(aan|af|in|op|uit|mee|toe|voor|door|terug|na|om|bij|over|weg|vast|neer|samen|tegen|los|vrij)?ge([a-z]{3,})$/.exec(word);
    if (participle && word.length >= 6) {
      const prefix = participle[1] ?? '';
      const rest = participle[2] ?? '';
      const root = rest.replace(/[dt]$/, '');
      const shortRoot = root.replace(/([aeou])\1([^aeiou]+)$/, '$1$2');
      candidates.push(`${prefix}${rest}`, `${prefix}${rest}en`, `${prefix}${root}en`, `${prefix}${shortRoot}en`, `${prefix}${root}`);
    }
    for (const candidate of candidates) {
      const stem = snowball(candidate);
      if (stem !== base && stem.length >= 3 && this.lexicon.has(stem)) return stem;
    }
    if (!this.corpus.has(base) && word.length >= 10) {
      // Compounds are spelled with and without a linking s ("bekrachtigings-" / "bekrachtiging-").
      for (let i = 4; i < word.length - 3; i++) {
        const variant = word[i] === 's' ? word.slice(0, i) + word.slice(i + 1) : `${word.slice(0, i)}s${word.slice(i)}`;
        const stem = snowball(variant);
        if (this.corpus.has(stem)) return stem;
      }
    }
    return base;
  }

  /**
   * The stem of a diminutive's base word ("pakketje" → pakket, "cadeautjes" → cadeau,
   * "balletje" → bal, "raampje" → raam), when the lexicon knows it and not the diminutive itself.
   */
  private diminutiveBase(word: string, base: string): string | undefined {
    const match = /(?:etje|tje|pje|je)s?$/.exec(word);
    if (!match || this.corpus.has(base)) return undefined;
    const root = word.replace(/s$/, '');
    const candidates: string[] = [];
    for (const suffix of ['je', 'tje', 'etje', 'pje']) {
      if (root.endsWith(suffix) && root.length - suffix.length >= 3) candidates.push(root.slice(0, -suffix.length));
    }
    for (const candidate of candidates) {
      for (const form of [candidate, undouble(candidate)]) {
        const stem = snowball(form);
        if (stem.length >= 3 && this.lexicon.has(stem)) return stem;
      }
    }
    return undefined;
  }

  /**
   * Known words inside a compound, so a search for "geschenk" also finds "relatiegeschenken":
   * the head (last part) carries most of the meaning, a modifier less.
   */
  compoundParts(word: string): CompoundPart[] {
    const cached = this.partsCache.get(word);
    if (cached) return cached;
    const parts: CompoundPart[] = [];
    const whole = this.stem(word);
    const push = (stem: string, role: CompoundPart['role']) => {
      if (stem !== whole && stem.length >= 2 && !parts.some((part) => part.stem === stem)) parts.push({ stem, role });
    };
    if (word.includes('-')) {
      const pieces = word.split('-').filter((piece) => piece.length >= 2 && !STOPWORDS.has(piece));
      pieces.forEach((piece, index) => push(this.stem(piece), index === pieces.length - 1 ? 'head' : 'modifier'));
    } else if (word.length >= 7 && !/\d/.test(word)) {
      for (let i = 3; i <= word.length - 4; i++) {
        const head = word.slice(i);
        // Only a word the texts or the synonym list spell out can be a head: a cheap set lookup.
        if (!this.surface.has(head) && !this.surface.has(head.replace(/(en|s|e|n)$/, ''))) continue;
        const headStem = this.stem(head);
        const knownHead = (headStem.length >= 4 && this.lexicon.has(headStem)) || this.vocabularyStems.has(headStem);
        if (headStem.length >= 3 && headStem !== whole && knownHead && !STOPWORDS.has(head)) {
          push(headStem, 'head');
          const modifier = word.slice(0, i).replace(/(s|e|en)$/, '');
          const modifierStem = this.stem(modifier);
          if (modifier.length >= 4 && this.lexicon.has(modifierStem) && !STOPWORDS.has(modifier)) push(modifierStem, 'modifier');
          break;
        }
      }
      if (parts.length === 0) {
        // Without a known head only a listed integrity word may be split off the front ("cadeau-").
        for (let i = word.length - 3; i >= 5; i--) {
          const modifier = word.slice(0, i);
          if (!this.surface.has(modifier)) continue;
          const modifierStem = snowball(modifier);
          if (this.vocabularyStems.has(modifierStem)) {
            push(modifierStem, 'modifier');
            break;
          }
        }
      }
    }
    this.partsCache.set(word, parts);
    return parts;
  }

  /**
   * The index terms of a text of the library as a set, remembered: every answer weighs the
   * sentences and paragraphs of the sections it cites against the question, mostly the same
   * policy texts again and again.
   */
  termSet(text: string): ReadonlySet<string> {
    return this.termSetOnce(text);
  }

  private readonly termSetOnce = rememberPerText(MAX_TERM_SETS, (text): ReadonlySet<string> => new Set(this.indexTerms(text)));


  /** Index terms of a passage: stems of its content words plus their compound parts. */
  indexTerms(text: string): string[] {
    const terms: string[] = [];
    for (const word of tokenize(text)) {
      const wordTerms = this.wordTerms(word);
      if (wordTerms) for (const term of wordTerms) terms.push(term);
    }
    return terms;
  }

  /**
   * Index terms of one word of `tokenize`: its stem and the stems of its compound parts, or
   * null for a stop word. This is the search library's `processTerm`.
   */
  wordTerms(word: string): string[] | null {
    if (word.length < 2 || STOPWORDS.has(word)) return null;
    const parts = this.compoundParts(word);
    if (parts.length === 0) return [this.stem(word)];
    const terms = [this.stem(word)];
    for (const part of parts) terms.push(part.stem);
    return terms;
  }
}

/** Texts whose term sets `termSet` remembers. */
const MAX_TERM_SETS = 20_000;

export interface CompoundPart {
  stem: string;
  role: 'head' | 'modifier';
}

/** How an alternative relates to the word the user typed. */
export type AlternativeKind = 'self' | 'head' | 'modifier' | 'synonym';

/** Search weight of each kind of alternative. */
export const ALTERNATIVE_WEIGHT: Record<AlternativeKind, number> = { self: 1, head: 0.6, modifier: 0.4, synonym: 0.5 };
/** How much of a question word a passage covers when it has the alternative instead of the word. */
export const COVERAGE_CREDIT: Record<AlternativeKind, number> = { self: 1, head: 0.6, modifier: 0.4, synonym: 0.8 };

export interface QueryTerm {
  /** The stem as typed (after translation to Dutch). */
  stem: string;
  /** Stems that count as a match for this term, and how each relates to it. */
  alternatives: Map<string, AlternativeKind>;
  /** A subject-bearing word: a number or an organisation name is not. */
  content: boolean;
  /** An integrity-policy word: finding it is evidence the question is in scope ('weak' only with more evidence). */
  domain: 'strong' | 'weak' | undefined;
  /** The word belongs to a synonym group of a clear integrity term ("fles wijn" is about gifts). */
  strongGroup: boolean;
}

export interface AnalyzedQuery {
  lang: Lang;
  terms: QueryTerm[];
  /** The question in Dutch words, after translating English terms. */
  dutchText: string;
}

interface PhraseEntry {
  tokens: string[];
  target: string;
}

const englishPhrases: PhraseEntry[] = Object.entries(vocabulary.english)
  .map(([phrase, target]) => ({ tokens: tokenize(phrase), target }))
  .filter((entry) => entry.tokens.length > 0)
  .sort((a, b) => b.tokens.length - a.tokens.length);
/**
 * The same phrases by their first word, longest first as above: a word is compared with the
 * phrases it can start, not with the whole list.
 */
const englishPhrasesByFirst = new Map<string, PhraseEntry[]>();
for (const entry of englishPhrases) {
  const first = entry.tokens[0] as string;
  const list = englishPhrasesByFirst.get(first);
  if (list) list.push(entry);
  else englishPhrasesByFirst.set(first, [entry]);
}

/** Replaces English words and phrases by the Dutch terms the policies use. */
export function translateToDutch(text: string): string {
  const tokens = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const entry = englishPhrasesByFirst.get(tokens[i] as string)?.find((candidate) => candidate.tokens.every((token, k) => tokens[i + k] === token));
    if (entry) {
      out.push(entry.target);
      i += entry.tokens.length;
    } else {
      const token = tokens[i] ?? '';
      if (!ENGLISH_FALSE_FRIENDS.has(token)) out.push(token);
      i++;
    }
  }
  return out.join(' ');
}

/** English words that are Dutch policy words of another meaning: an English "integer" is a number, not honest. */
const ENGLISH_FALSE_FRIENDS = new Set(['integer', 'integers']);

interface Group {
  phrases: string[][];
  /** Its one-word members (these are what a question word is expanded to). */
  singles: string[];
  /** Its phrases of several words, which only trigger the group. */
  multi: string[][];
  /** The group holds a clear integrity word, so every word of it points at that subject. */
  strong: boolean;
}

export class QueryAnalyzer {
  private readonly groups: Group[];
  private readonly strongStems = new Set<string>();
  private readonly weakStems = new Set<string>();
  private readonly strongPhrases: string[][] = [];
  /** Group numbers by the stem of a one-word member, and the groups' phrases by their first word. */
  private readonly groupsBySingle = new Map<string, number[]>();
  private readonly phrasesByFirst = new Map<string, { group: number; tokens: string[] }[]>();

  constructor(private readonly analyzer: Analyzer) {
    // Phrases keep their function words ("uit dienst"), matched as typed; single words are stemmed.
    const phrase = (text: string) => {
      const tokens = tokenize(text);
      if (tokens.length === 1) return STOPWORDS.has(tokens[0] as string) ? [] : [analyzer.stem(tokens[0] as string)];
      return tokens.map((t) => (STOPWORDS.has(t) ? t : analyzer.stem(t)));
    };
    for (const entry of vocabulary.domain.map(phrase)) {
      if (entry.length === 1) this.strongStems.add(entry[0] as string);
      else if (entry.length > 1) this.strongPhrases.push(entry);
    }
    this.groups = vocabulary.groups.map((group) => {
      const phrases = group.map(phrase).filter((p) => p.length > 0);
      const head = phrases[0] ?? [];
      const strong = head.length === 1 ? this.strongStems.has(head[0] as string) : this.strongPhrases.some((p) => p.join(' ') === head.join(' '));
      return {
        phrases,
        strong,
        singles: phrases.filter((entry) => entry.length === 1).map((entry) => entry[0] as string),
        multi: phrases.filter((entry) => entry.length > 1),
      };
    });
    this.groups.forEach((group, g) => {
      for (const stem of group.singles) {
        const groups = this.groupsBySingle.get(stem) ?? [];
        if (!groups.includes(g)) groups.push(g);
        this.groupsBySingle.set(stem, groups);
      }
      for (const tokens of group.multi) {
        const phrases = this.phrasesByFirst.get(tokens[0] as string) ?? [];
        phrases.push({ group: g, tokens });
        this.phrasesByFirst.set(tokens[0] as string, phrases);
      }
    });
    for (const entry of vocabulary.weakDomain.map(phrase)) for (const stem of entry) if (!this.strongStems.has(stem)) this.weakStems.add(stem);
    // Every other word of a synonym group is an integrity word too, but only a weak one.
    for (const group of this.groups) {
      for (const entry of group.phrases) if (entry.length === 1 && !this.strongStems.has(entry[0] as string)) this.weakStems.add(entry[0] as string);
    }
  }

  /**
   * The synonym groups a question can trigger, in list order: those with a one-word member among
   * the question's own stems, or a phrase in its word sequence. The others (most of the list)
   * cannot, so a question is checked against these only.
   */
  private candidateGroups(own: Set<string>[], sequence: string[]): number[] {
    const found = new Set<number>();
    for (const stems of own) for (const stem of stems) for (const g of this.groupsBySingle.get(stem) ?? NO_GROUPS) found.add(g);
    for (const token of sequence) {
      for (const phrase of this.phrasesByFirst.get(token) ?? NO_PHRASES) {
        if (!found.has(phrase.group) && containsSequence(sequence, phrase.tokens)) found.add(phrase.group);
      }
    }
    return [...found].sort((a, b) => a - b);
  }

  analyze(text: string, lang: Lang): AnalyzedQuery {
    const dutchText = lang === 'en' ? translateToDutch(text) : text;
    const words = tokenize(dutchText).filter((word) => word.length >= 2 || /^\d$/.test(word));
    const stems = words.map((word) => (STOPWORDS.has(word) ? '' : this.analyzer.stem(word)));
    // Phrases of the synonym list match on the words of hyphenated compounds too.
    // A loop rather than flatMap, which built an array per word of every question.
    const sequence: string[] = [];
    for (const word of words) {
      if (STOPWORDS.has(word)) sequence.push(word);
      else if (word.includes('-')) for (const piece of word.split('-')) sequence.push(STOPWORDS.has(piece) ? piece : this.analyzer.stem(piece));
      else sequence.push(this.analyzer.stem(word));
    }
    const terms: QueryTerm[] = [];
    const seen = new Set<string>();
    words.forEach((word, index) => {
      const stem = stems[index] ?? '';
      if (stem === '' || seen.has(stem)) return;
      seen.add(stem);
      const numeric = /^\d+$/.test(word);
      const alternatives = new Map<string, AlternativeKind>([[stem, 'self']]);
      if (!numeric) {
        for (const part of this.analyzer.compoundParts(word)) if (!alternatives.has(part.stem)) alternatives.set(part.stem, part.role);
      }
      terms.push({ stem, alternatives, content: !numeric && !isScopeWord(word), domain: undefined, strongGroup: false });
    });
    // A group is triggered by a word of the question itself (or a part of a compound), never
    // by another group's synonym, so meanings do not drift from group to group.
    const own = terms.map((term) => new Set(term.alternatives.keys()));
    for (const g of this.candidateGroups(own, sequence)) {
      const group = this.groups[g] as Group;
      const singles = group.singles;
      terms.forEach((term, index) => {
        const originals = own[index] as Set<string>;
        const byWord = singles.some((stem) => originals.has(stem));
        const byPhrase = !byWord && group.multi.some((entry) => entry.some((stem) => term.alternatives.has(stem)) && containsSequence(sequence, entry));
        if (!byWord && !byPhrase) return;
        // Only the word itself (or a phrase) makes it evidence for the group's subject: the head
        // of a compound is not enough ("appeltaart" is no gift, "kerstborrel" no invitation).
        if (group.strong && (byPhrase || singles.includes(term.stem))) term.strongGroup = true;
        for (const member of singles) if (!term.alternatives.has(member)) term.alternatives.set(member, 'synonym');
      });
    }
    terms.forEach((term, index) => {
      const originals = [...(own[index] as Set<string>)];
      if (originals.some((stem) => this.strongStems.has(stem))) term.domain = 'strong';
      else if (originals.some((stem) => this.weakStems.has(stem))) term.domain = 'weak';
    });
    for (const entry of this.strongPhrases) {
      if (!containsSequence(sequence, entry)) continue;
      for (const term of terms) if (entry.some((stem) => term.alternatives.has(stem))) term.domain = 'strong';
    }
    return { lang, terms, dutchText };
  }
}

const NO_GROUPS: readonly number[] = [];
const NO_PHRASES: readonly { group: number; tokens: string[] }[] = [];

function containsSequence(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}
