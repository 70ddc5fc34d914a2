import { z } from 'zod';
import themesData from './themes.json' with { type: 'json' };
import { STOPWORDS, tokenize, type Analyzer, type Lang } from './text.js';
import { rememberPerText } from './memo.js';

/**
 * The integrity themes as data (`themes.json`): what people call each situation, in Dutch and
 * English, and per organisation the sections that govern it. A question is matched against the
 * vocabulary (question → themes), and the governing sections of the asker's organisation are
 * then candidates next to the lexical search (themes → passages), so a question that never
 * uses the policy's words still reaches its article.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const localized = z.object({ nl: text(200), en: text(200) }).strict();
/**
 * An entry: a word ("cadeau"), a phrase ("fles wijn"), a word start ("kerstpakket*") or a word
 * compared only as written ("=stelen": the stemmer makes "stelen" and "stellen" one word).
 */
const entry = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .refine((value) => !/\*./.test(value.replace(/\*(?=\s|$)/g, '')), 'a * may only end a word')
  .refine((value) => !/.=/.test(value.replace(/(^|\s)=/g, '$1')), 'a = may only start a word');
const vocabulary = z.object({ strong: z.array(entry).min(1), weak: z.array(entry).default([]) }).strict();
const scopeId = z.string().regex(/^[a-z0-9-]{2,40}$/, 'an organisation id, national or background');
const sectionRef = z
  .object({
    doc: z.string().regex(/^[a-z0-9][a-z0-9-]{1,99}$/),
    section: text(200),
    /** Only the passages of that section containing this text (a long section with several subjects). */
    contains: text(120).optional(),
  })
  .strict();
const contactRole = z.enum(['vertrouwenspersoon_integriteit', 'vertrouwenspersoon_ongewenst_gedrag', 'integrity_coordinator', 'hr', 'manager']);
export type ContactRole = z.infer<typeof contactRole>;

const themeSchema = z
  .object({
    id: z.string().regex(/^[a-z_]{2,40}$/),
    label: localized,
    vocabulary: z.object({ nl: vocabulary, en: vocabulary }).strict(),
    /** Per organisation id (or 'national' / 'background'): the governing sections, most central first. */
    sections: z.record(scopeId, z.array(sectionRef).min(1)),
    /** Whom to name when someone asks where to go with this subject. */
    contacts: z.array(contactRole).optional(),
    /**
     * The theme is whom to turn to, not a subject: "bij wie moet ik me ziekmelden" names it, but
     * an off-topic subject beside it (sickness, a payslip) decides that the question is not ours.
     */
    whomOnly: z.boolean().optional(),
    /**
     * The theme is the way to act on another theme's situation (reporting it): asked what to do or
     * whom to turn to, a clear word of it brings its sections up to the situation's own.
     */
    route: z.boolean().optional(),
    /** Routes outside the organisation the policy names, per organisation, with the section that names them. */
    external: z.record(scopeId, z.array(sectionRef.extend({ label: localized }).strict()).min(1)).optional(),
  })
  .strict();

const offTopicSchema = z
  .object({
    id: z.string().regex(/^[a-z_]{2,40}$/),
    label: localized,
    vocabulary: z.object({ nl: z.array(entry).min(1), en: z.array(entry).min(1) }).strict(),
    /**
     * Phrases that make the question about this subject even beside a clear integrity word:
     * "cadeau-idee voor mijn moeder" names a gift, but nobody at work gives it.
     */
    decisive: z.object({ nl: z.array(entry), en: z.array(entry) }).strict().optional(),
    /**
     * Phrases that send the question to someone other than the employer (the tax office, the
     * police, one's neighbours): however many integrity words describe the situation (a side
     * job's income, a theft), the question is for them, unless it names the employer's side too.
     */
    elsewhere: z.object({ nl: z.array(entry), en: z.array(entry) }).strict().optional(),
    /**
     * Phrases naming an occasion among colleagues (a Christmas drink, a team outing, drawing lots
     * for presents): asked when it is, what to spend, where to book it or for ideas, the question
     * is for its organisers, however many gift or secrecy words describe it (see `decideScope`).
     * Alone they make nothing off-topic: a supplier's Christmas hamper is still a gift.
     */
    occasion: z.object({ nl: z.array(entry), en: z.array(entry) }).strict().optional(),
  })
  .strict();

export const themeCatalogueSchema = z
  .object({
    $comment: z.string().optional(),
    themes: z.array(themeSchema).min(1),
    offTopics: z.array(offTopicSchema),
    contactRoles: z.array(z.object({ role: contactRole, vocabulary: z.array(entry).min(1) }).strict()),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = [...file.themes.map((theme) => theme.id), ...file.offTopics.map((topic) => topic.id)];
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    if (duplicate) ctx.addIssue({ code: 'custom', path: ['themes'], message: `duplicate id "${duplicate}"` });
  });

export type ThemeCatalogue = z.infer<typeof themeCatalogueSchema>;
export type Theme = ThemeCatalogue['themes'][number];
export type ThemeSectionRef = z.infer<typeof sectionRef>;

let catalogue: ThemeCatalogue | undefined;

/** The validated catalogue; a malformed file stops the start-up with the path of every problem. */
export function loadThemeCatalogue(raw: unknown = themesData): ThemeCatalogue {
  if (raw === themesData && catalogue) return catalogue;
  const parsed = themeCatalogueSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`themes.json:\n${parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n')}`);
  }
  if (raw === themesData) catalogue = parsed.data;
  return parsed.data;
}

/** A long single vocabulary word or word start that an unknown word may be a typo of. */
interface TypoCandidate {
  form: string;
  prefix: boolean;
  entry: CompiledEntry;
}

/** What a matched entry counts towards. */
type Target = { kind: 'theme'; index: number; strong: boolean } | { kind: 'off'; index: number; decisive: boolean; elsewhere?: true; occasion?: true } | { kind: 'role'; role: ContactRole };

/** The language of an entry (its stemmer); contact words are listed for both. */
type EntryLang = Lang | 'both';

/** One word of an entry: its lookup keys, a word start, or a function word matched as written. */
type Piece = { prefix: string } | { keys: string[] } | { literal: string };

interface CompiledEntry {
  id: number;
  /** As written in themes.json (for explaining a match). */
  phrase: string;
  pieces: Piece[];
  target: Target;
  /** How far from its anchor word a phrase's other words may lie. */
  window: number;
  /**
   * Per piece that is no word start: the keys of which a word of the text must have one for the
   * piece to match (a function word's is `w:` and itself, a key every word has of itself).
   */
  needs: string[][];
}

export interface ThemeHit {
  /** Index into the catalogue's themes. */
  theme: number;
  /** 1 for a clear word; 0.5 / 0.75 / 0.9 for one, two, three or more weaker words. */
  confidence: number;
  strongCues: number;
  weakCues: number;
  /**
   * Where the clear words that are not also words of an off-topic subject ("solliciteren" is
   * both) are in the question: one word may be a clear word of several themes ("boete").
   */
  clearAt: number[];
  /** The theme is whom to turn to (`whomOnly` in themes.json). */
  whomOnly?: boolean;
}

export interface VocabularyMatch {
  themes: ThemeHit[];
  /** Off-topic subjects (pay, leave, IT help …) the question names. */
  offTopics: number[];
  /** Off-topic subjects named by one of their decisive phrases, which outweigh integrity words. */
  decisiveOffTopics: number[];
  /** Off-topic subjects named by a phrase that sends the question elsewhere (`elsewhere` in themes.json). */
  elsewhereOffTopics: number[];
  /** Off-topic subjects named by a phrase of an occasion among colleagues (`occasion` in themes.json). */
  occasionOffTopics: number[];
  /** Directory roles the question names ("vertrouwenspersoon", "mijn leidinggevende"). */
  roles: ContactRole[];
}

/** English words without their plural or -ing / -ed ending, good enough to match a vocabulary. */
export function englishStem(word: string): string {
  let stem = word;
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 3 && stem.endsWith('s') && !stem.endsWith('ss')) stem = stem.slice(0, -1);
  if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2);
  return stem;
}

/** Texts whose themes `passageThemes` remembers. */
const MAX_PASSAGE_THEMES = 20_000;
/** Words of questions and texts whose matches are remembered, per language. */
const MAX_WORD_MATCHES = 100_000;
/** Prefixes this long may also start inside a compound ("afscheidscadeau" has "cadeau*"). */
const INFIX_MIN = 5;
/** Unknown words this long may carry one typo ("vertrouwenspersson"). */
const TYPO_MIN = 8;
/** Shorter words are compared as written: a stemmer makes "pers" and "per" one word. */
const STEM_MIN = 5;
/** A phrase's words must lie this close together (any order). */
const PHRASE_WINDOW = 6;
/** Function words that end a phrase only when they follow its other words. */
const TRAILING_AS = new Set(['als', 'as']);
/**
 * English keeps a phrase's words together ("second home", "team meeting"); Dutch sends its verb to
 * the end ("een cadeau dat ik van een leverancier kreeg"). Wider, "a second chair for my home
 * workplace" had a second home and "the meeting room for the team" a team meeting.
 */
const ENGLISH_PHRASE_WINDOW = 3;

/** What a word of a text matches, the same wherever it stands: worked out once per word. */
interface WordMatches {
  /** Its lookup keys (see `tokenKeys`). */
  keys: string[];
  /**
   * The entries indexed by one of its keys, in key order, then those whose word start it
   * begins (see `prefixEntries`); each once. Entries of several words still need `phraseAt`.
   */
  entries: CompiledEntry[];
  /** The long single entries it is a typo of (see `typoEntries`); worked out when first asked. */
  typos?: CompiledEntry[];
}

interface TokenInfo {
  word: string;
  keys: string[];
  matches: WordMatches;
}

/**
 * Matches text against the catalogue's vocabulary: whole words as written or through their
 * stem in the text's language (so inflections and diminutives count, and in Dutch the head of
 * a compound), word starts anywhere in a compound, phrases as words close together, and one
 * typo in a long word.
 */
export class VocabularyMatcher {
  private readonly byKey = new Map<string, CompiledEntry[]>();
  private readonly byPrefix = new Map<string, CompiledEntry[]>();
  /** Long single words and word starts, for the typo check. */
  private readonly typoCandidates: TypoCandidate[] = [];
  /** The same by their first letter (a typo keeps it), in the same order. */
  private readonly typoCandidatesByFirst = new Map<string, TypoCandidate[]>();
  /** Single vocabulary words this long or longer, as written: heads of compounds the texts never spell ("bokslessen"). */
  private readonly headWords = new Set<string>();
  private entryCount = 0;

  constructor(
    readonly catalogue: ThemeCatalogue,
    private readonly analyzer: Analyzer,
  ) {
    catalogue.themes.forEach((theme, index) => {
      for (const lang of ['nl', 'en'] as const) {
        for (const phrase of theme.vocabulary[lang].strong) this.add(phrase, lang, { kind: 'theme', index, strong: true });
        for (const phrase of theme.vocabulary[lang].weak) this.add(phrase, lang, { kind: 'theme', index, strong: false });
      }
    });
    catalogue.offTopics.forEach((topic, index) => {
      for (const lang of ['nl', 'en'] as const) {
        for (const phrase of topic.vocabulary[lang]) this.add(phrase, lang, { kind: 'off', index, decisive: false });
        for (const phrase of topic.decisive?.[lang] ?? []) this.add(phrase, lang, { kind: 'off', index, decisive: true });
        for (const phrase of topic.elsewhere?.[lang] ?? []) this.add(phrase, lang, { kind: 'off', index, decisive: false, elsewhere: true });
        for (const phrase of topic.occasion?.[lang] ?? []) this.add(phrase, lang, { kind: 'off', index, decisive: false, occasion: true });
      }
    });
    for (const { role, vocabulary } of catalogue.contactRoles) for (const phrase of vocabulary) this.add(phrase, 'both', { kind: 'role', role });
    for (const candidate of this.typoCandidates) push(this.typoCandidatesByFirst, candidate.form[0] as string, candidate);
  }

  private add(phrase: string, lang: EntryLang, target: Target): void {
    const words = phrase
      .split(/\s+/)
      .map((word) => ({ prefix: word.endsWith('*'), exact: word.startsWith('='), tokens: tokenize(word.replace(/\*$/, '').replace(/^=/, '')) }))
      .flatMap(({ prefix, exact, tokens }) => tokens.map((token, i) => ({ token, exact, prefix: prefix && i === tokens.length - 1 })));
    if (words.length === 0) return;
    const pieces: Piece[] = words.map(({ token, prefix, exact }) => {
      if (prefix) return { prefix: token };
      // Function words in a phrase ("naast mijn werk") are matched as written.
      if (STOPWORDS.has(token)) return { literal: token };
      return { keys: exact ? [`w:${token}`] : this.entryKeys(token, lang) };
    });
    // A lone function word ("van", "or") would match nearly every question; a phrase of
    // them ("wat gebeurt er als") is anchored on its first word.
    if (pieces.length === 1 && 'literal' in pieces[0]!) return;
    const needs = pieces.flatMap((piece) => ('keys' in piece ? [piece.keys] : 'literal' in piece ? [[`w:${piece.literal}`]] : []));
    const entry: CompiledEntry = { id: this.entryCount++, phrase, pieces, target, window: lang === 'en' ? ENGLISH_PHRASE_WINDOW : PHRASE_WINDOW, needs };
    // Indexed by its first piece that is not a function word.
    const anchor = pieces.find((piece) => !('literal' in piece)) ?? pieces[0]!;
    if ('prefix' in anchor) push(this.byPrefix, anchor.prefix.slice(0, 3), entry);
    else if ('keys' in anchor) for (const key of anchor.keys) push(this.byKey, key, entry);
    else push(this.byKey, `w:${anchor.literal}`, entry);
    if (pieces.length === 1 && 'keys' in pieces[0]! && !words[0]!.exact && words[0]!.token.length >= STEM_MIN) this.headWords.add(words[0]!.token);
    if (pieces.length === 1) {
      const only = words[0]!;
      if (only.token.length >= TYPO_MIN - (only.prefix ? 1 : 0) && (target.kind !== 'theme' || target.strong)) {
        this.typoCandidates.push({ form: only.token, prefix: only.prefix, entry });
      }
    }
  }

  /** Keys of a vocabulary word: as written, and its stem in the entry's language. */
  private entryKeys(word: string, lang: EntryLang): string[] {
    const keys = new Set([`w:${word}`]);
    // A short Dutch word may be the head of a compound ("reis" in "studiereis").
    if (word.length < STEM_MIN) return lang === 'en' ? [...keys] : [...keys, `h:${word}`];
    if (lang !== 'en') keys.add(`n:${this.analyzer.stem(word)}`);
    if (lang !== 'nl') keys.add(`e:${englishStem(word)}`);
    return [...keys];
  }

  /**
   * What a word of a text matches in the text's language, remembered: the same words come back
   * in question after question, and looking them up (keys, word starts) was most of the match.
   */
  private wordMatches(word: string, lang: Lang): WordMatches {
    return this.matchesOf[lang](word);
  }

  private readonly matchesOf: Record<Lang, (word: string) => WordMatches> = {
    nl: rememberPerText(MAX_WORD_MATCHES, (word) => this.lookUpWord(word, 'nl')),
    en: rememberPerText(MAX_WORD_MATCHES, (word) => this.lookUpWord(word, 'en')),
  };

  private lookUpWord(word: string, lang: Lang): WordMatches {
    const keys = this.tokenKeys(word, lang);
    const entries = new Set<CompiledEntry>();
    for (const key of keys) for (const entry of this.byKey.get(key) ?? []) entries.add(entry);
    for (const entry of this.prefixEntries(word)) entries.add(entry);
    return { keys, entries: [...entries] };
  }

  /** Keys of a word of the text: as written, its stem in the text's language, and a Dutch compound's head. */
  private tokenKeys(word: string, lang: Lang): string[] {
    const set = new Set([`w:${word}`]);
    if (word.length < STEM_MIN) {
      // Compared as written only, but a short irregular verb form is its infinitive too: "ik geef
      // tennisles" gives lessons as "tennisles geven" does.
      if (lang === 'nl' && this.analyzer.hasLemma(word)) set.add(`n:${this.analyzer.stem(word)}`);
    } else if (lang === 'en') set.add(`e:${englishStem(word)}`);
    else if (!STOPWORDS.has(word)) {
      set.add(`n:${this.analyzer.stem(word)}`);
      // The head of a compound carries its meaning ("relatiegeschenken" is about a geschenk).
      let headed = false;
      for (const part of this.analyzer.compoundParts(word)) {
        if (part.role !== 'head') continue;
        headed = true;
        // A short head ("reis" in "studiereis") is compared as written, like short entries.
        set.add(part.stem.length < STEM_MIN ? `h:${part.stem}` : `n:${part.stem}`);
      }
      // A compound the texts cannot split, of a word nobody wrote down before and one of the
      // vocabulary ("bokslessen", "voetbaltrainer"): its longest vocabulary head.
      if (!headed && !this.byKey.has(`w:${word}`)) {
        const head = this.vocabularyHead(word);
        if (head) for (const key of this.entryKeys(head, 'nl')) set.add(key);
      }
    }
    return [...set];
  }

  /** The long single entries a long unknown word is a typo of, in the order they were listed. */
  private typoEntries(matches: WordMatches, word: string): CompiledEntry[] {
    if (matches.typos) return matches.typos;
    const typos: CompiledEntry[] = [];
    if (!this.analyzer.knows(word)) {
      // People mistype inside a word, rarely its first letter: "herdenking" is no "verdenking".
      for (const candidate of this.typoCandidatesByFirst.get(word[0] as string) ?? []) {
        const compared = candidate.prefix ? word.slice(0, candidate.form.length + 1) : word;
        if (withinOneEdit(compared, candidate.form) || (candidate.prefix && withinOneEdit(word.slice(0, candidate.form.length), candidate.form))) typos.push(candidate.entry);
      }
    }
    matches.typos = typos;
    return typos;
  }

  /** The longest vocabulary word that ends `word` after at least three letters of its own. */
  private vocabularyHead(word: string): string | undefined {
    for (let start = 3; start <= word.length - STEM_MIN; start++) {
      const head = word.slice(start);
      if (this.headWords.has(head)) return head;
    }
    return undefined;
  }

  private tokens(input: string, lang: Lang): TokenInfo[] {
    const out: TokenInfo[] = [];
    const token = (word: string): TokenInfo => {
      const matches = this.wordMatches(word, lang);
      return { word, keys: matches.keys, matches };
    };
    for (const word of tokenize(input)) {
      out.push(token(word));
      if (word.includes('-')) for (const part of word.split('-')) if (part.length >= 2) out.push(token(part));
    }
    return out;
  }

  /** Entries found in the text, each once, with the position of the word it was found at. */
  private found(input: string, lang: Lang, typos: boolean): { entry: CompiledEntry; at: number }[] {
    const tokens = this.tokens(input, lang);
    const hits = new Map<number, { entry: CompiledEntry; at: number }>();
    // Every key of every word of the text: a phrase one of whose words the whole text lacks cannot
    // match anywhere, so most phrases are ruled out without looking at the words around their anchor.
    let present: Set<string> | undefined;
    const possible = (entry: CompiledEntry): boolean => {
      present ??= new Set(tokens.flatMap((token) => token.keys));
      const keys = present;
      return entry.needs.every((needed) => needed.some((key) => keys.has(key)));
    };
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at] as TokenInfo;
      const { entries } = token.matches;
      for (const entry of entries) {
        if (hits.has(entry.id)) continue;
        if (entry.pieces.length === 1 || (possible(entry) && this.phraseAt(entry, tokens, at))) hits.set(entry.id, { entry, at });
      }
      // Only a word that matches nothing as it is may be a typo.
      if (entries.length === 0 && typos && token.word.length >= TYPO_MIN) {
        for (const entry of this.typoEntries(token.matches, token.word)) if (!hits.has(entry.id)) hits.set(entry.id, { entry, at });
      }
    }
    return [...hits.values()];
  }

  /** Entries whose word start begins the word, or begins a later part of a compound. */
  private *prefixEntries(word: string): Generator<CompiledEntry> {
    for (let start = 0; start + 3 <= word.length; start++) {
      if (start > 0 && start < 3) continue;
      const entries = this.byPrefix.get(word.slice(start, start + 3));
      if (!entries) continue;
      for (const entry of entries) {
        const piece = entry.pieces.find((p) => !('literal' in p));
        if (!piece || !('prefix' in piece)) continue;
        if (!word.startsWith(piece.prefix, start)) continue;
        // Inside a compound only where a word begins: "afscheidscadeau" has a cadeau,
        // "parkeervergunning" no gunning.
        if (start > 0 && (piece.prefix.length < INFIX_MIN || !this.analyzer.knows(word.slice(start).replace(/(tjes|tje|jes|je|s|en)$/, '')) && !this.analyzer.knows(word.slice(start)))) continue;
        yield entry;
      }
    }
  }

  /** Every word of a phrase is a different word of the text, within the window around its anchor word. */
  private phraseAt(entry: CompiledEntry, tokens: TokenInfo[], at: number): boolean {
    const low = Math.max(0, at - entry.window);
    const high = Math.min(tokens.length, at + entry.window + 1);
    if (entry.pieces.every((piece) => 'literal' in piece)) {
      // A phrase of function words only ("wat gebeurt er als") counts as written, in order.
      return entry.pieces.every((piece, k) => tokens[at + k]?.word === (piece as { literal: string }).literal);
    }
    const used = new Set<number>();
    const last = entry.pieces.length - 1;
    return entry.pieces.every((piece, k) => {
      // A closing "als" / "as" introduces what follows ("weekenden als fotograaf"); before the
      // phrase's other words it is a conjunction ("als ik in het weekend …").
      const from = k === last && k > 0 && 'literal' in piece && TRAILING_AS.has(piece.literal) ? Math.max(low, ...[...used].map((i) => i + 1)) : low;
      for (let i = from; i < high; i++) {
        if (used.has(i)) continue;
        const token = tokens[i] as TokenInfo;
        if ('literal' in piece ? token.word === piece.literal : 'prefix' in piece ? token.word.startsWith(piece.prefix) : piece.keys.some((key) => token.keys.includes(key))) {
          used.add(i);
          return true;
        }
      }
      return false;
    });
  }

  /** Themes, off-topic subjects and contact roles a question names. */
  match(question: string, lang: Lang): VocabularyMatch {
    return summarise(this.found(question, lang, true), this.catalogue);
  }

  /** The vocabulary entries found in a question, as written in themes.json (for diagnostics). */
  explain(question: string, lang: Lang): string[] {
    return this.found(question, lang, true).map(({ entry }) => {
      const target = entry.target;
      const owner = target.kind === 'theme' ? this.catalogue.themes[target.index]?.id : target.kind === 'off' ? `off:${this.catalogue.offTopics[target.index]?.id}` : `role:${target.role}`;
      return `${owner}:${entry.phrase}`;
    });
  }

  /**
   * The themes a policy passage is about, by a clear word of the theme: so documents without
   * listed sections (imported ones) are found through themes too. Weaker words ("beleid",
   * "integriteit") are in nearly every passage and prove nothing here.
   */
  passageThemes(passage: string): readonly number[] {
    return this.passageThemesOnce(passage);
  }

  // Every answer asks this of the sentences of the sections it cites, mostly the same policy
  // sentences again and again: each text is matched once (the vocabulary never changes).
  private readonly passageThemesOnce = rememberPerText(MAX_PASSAGE_THEMES, (passage): readonly number[] =>
    summarise(this.found(passage, 'nl', false), this.catalogue)
      .themes.filter((hit) => hit.strongCues > 0)
      .map((hit) => hit.theme),
  );
}

function summarise(found: { entry: CompiledEntry; at: number }[], catalogue: ThemeCatalogue): VocabularyMatch {
  // Cues are counted per word of the text: "melden" matching three listed forms is one cue.
  const strong = new Map<number, Set<number>>();
  const weak = new Map<number, Set<number>>();
  const offTopics = new Set<number>();
  const decisiveOffTopics = new Set<number>();
  const elsewhereOffTopics = new Set<number>();
  const occasionOffTopics = new Set<number>();
  const roles = new Set<ContactRole>();
  // An occasion's phrase alone makes nothing off-topic (a supplier's Christmas hamper is a gift):
  // it only counts when the question asks to plan it.
  const offTopicPositions = new Set(found.filter(({ entry }) => entry.target.kind === 'off' && !entry.target.occasion).map(({ at }) => at));
  for (const { entry, at } of found) {
    const target = entry.target;
    if (target.kind === 'theme') {
      const counts = target.strong ? strong : weak;
      const positions = counts.get(target.index) ?? new Set<number>();
      positions.add(at);
      counts.set(target.index, positions);
    } else if (target.kind === 'off' && target.occasion) {
      occasionOffTopics.add(target.index);
    } else if (target.kind === 'off') {
      offTopics.add(target.index);
      if (target.decisive) decisiveOffTopics.add(target.index);
      if (target.elsewhere) elsewhereOffTopics.add(target.index);
    }
    else roles.add(target.role);
  }
  const themes: ThemeHit[] = [];
  for (let index = 0; index < catalogue.themes.length; index++) {
    const strongCues = strong.get(index)?.size ?? 0;
    const weakCues = weak.get(index)?.size ?? 0;
    if (strongCues === 0 && weakCues === 0) continue;
    const confidence = strongCues > 0 ? 1 : weakCues >= 3 ? 0.9 : weakCues === 2 ? 0.75 : 0.5;
    const clearAt = [...(strong.get(index) ?? [])].filter((at) => !offTopicPositions.has(at));
    const hit: ThemeHit = { theme: index, confidence, strongCues, weakCues, clearAt };
    if (catalogue.themes[index]?.whomOnly) hit.whomOnly = true;
    themes.push(hit);
  }
  themes.sort((a, b) => b.confidence - a.confidence || b.strongCues - a.strongCues || b.weakCues - a.weakCues || a.theme - b.theme);
  return { themes, offTopics: [...offTopics], decisiveOffTopics: [...decisiveOffTopics], elsewhereOffTopics: [...elsewhereOffTopics], occasionOffTopics: [...occasionOffTopics], roles: [...roles] };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The rows of a QWERTY keyboard: a mistyped letter is one whose key neighbours the intended one. */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Letters Dutch spelling confuses by sound ("gemelt", "kontakt", "ferklaring"). */
const SOUND_ALIKE = ['dt', 'ck', 'cs', 'sz', 'fv', 'iy', 'ei', 'ou'];
const NEAR_LETTERS = new Set<string>(SOUND_ALIKE.flatMap((pair) => [pair, `${pair[1]}${pair[0]}`]));
KEY_ROWS.forEach((row, r) => {
  for (let c = 0; c < row.length; c++) {
    // Beside it on its row, and the keys it touches on the rows above and below (staggered).
    const near = [row[c - 1], row[c + 1], KEY_ROWS[r - 1]?.[c], KEY_ROWS[r - 1]?.[c + 1], KEY_ROWS[r + 1]?.[c], KEY_ROWS[r + 1]?.[c - 1]];
    for (const other of near) if (other) NEAR_LETTERS.add(`${row[c]}${other}`).add(`${other}${row[c]}`);
  }
});

/**
 * Damerau-Levenshtein distance of at most one (one insertion, deletion, substitution or swap). A
 * substitution counts only between neighbouring keys, letters that sound alike or a letter typed
 * twice: "aanraden" is a word of its own, no mistyped "aanraken", and "verhogen" no "vermogen".
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // A key pressed twice for the next one ("vertrouwenspersson") is a slip of the finger as well.
    if (a.slice(i + 1) === b.slice(i + 1)) return NEAR_LETTERS.has(`${a[i]}${b[i]}`) || a[i] === a[i - 1] || b[i] === b[i - 1];
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
