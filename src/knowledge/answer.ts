import { ASKS_WHOM, describeContacts, routeToPerson } from './contacts.js';
import { decideGift, giftLead } from './giftAdvice.js';
import { leadSentence, leadText, overlapScorer, questionKind, sentencesOf, type LeadSentence, type SentenceTheme, type TermWeight } from './lead.js';
import { rememberPerText } from './memo.js';
import { BACKGROUND, NATIONAL, organisationContacts, organisationName } from './organisations.js';
import type { ScopeDecision, ScopeReason } from './scope.js';
import { fold, type AnalyzedQuery, type Analyzer, type Lang } from './text.js';
import type { ThemeCatalogue, ThemeHit } from './themes.js';
import type { AnswerContext, AnswerTopic, Citation, CitedArticle, ContactRole, KnowledgeAnswer, Question, RetrievedPassage, ShownQuote } from './types.js';

/** Citations in the message's citation entity and behind the articles toggle. */
export const MAX_CITATIONS = 4;
/** Quotes shown in the answer itself. */
export const MAX_SHOWN_QUOTES = 2;
/** Passages scoring below this share of the best one add noise rather than support. */
const RELATIVE_CUTOFF = 0.45;
/** A quote in the answer is shortened to about this length around what matters; the citation keeps the whole text. */
const MAX_SHOWN_QUOTE = 320;

/** Another paragraph of a long section joins the quote when it shares this much of the question (rarity-weighted). */
const RELEVANT_PARAGRAPH = 1;
/** Sections up to this length are quoted whole, so a citation carries its context. */
const MAX_WHOLE_SECTION = 1500;

/** Looks up the complete text of a section; the knowledge base's `section` fits. */
export type SectionLookup = (documentId: string, section: string) => Citation | undefined;

export interface CitationGroup {
  citation: Citation;
  passages: RetrievedPassage[];
}

/**
 * The passages an answer cites, best first: at most MAX_CITATIONS, none far below the best
 * unless it governs the question's theme, passages of the same section merged into one
 * citation, and a short section quoted whole.
 */
export function selectCitations(passages: RetrievedPassage[], lookup?: SectionLookup, relevance?: (text: string) => number): CitationGroup[] {
  const first = passages[0];
  if (!first) return [];
  const groups: CitationGroup[] = [];
  for (const passage of passages) {
    // Far below the best one is noise, unless it is a section that governs the question's theme.
    if (passage.score < first.score * RELATIVE_CUTOFF && !passage.governs) continue;
    const existing = groups.find((group) => group.citation.documentId === passage.documentId && group.citation.section === passage.section);
    if (existing) {
      existing.passages.push(passage);
      continue;
    }
    const group = { citation: { documentId: passage.documentId, title: passage.title, section: passage.section, quote: passage.text }, passages: [passage] };
    if (groups.length < MAX_CITATIONS) {
      groups.push(group);
      continue;
    }
    // The asker's own rule that governs the question is cited before a second text of the
    // national law or the council answers, which every organisation shares: the employee is
    // bound by their own article (its procedure, who decides); one shared text still frames it.
    if (!passage.governs || isShared(passage)) continue;
    const shared = groups.flatMap((cited, index) => (isShared(cited.passages[0] as RetrievedPassage) ? [index] : []));
    if (shared.length >= 2) groups.splice(shared.at(-1) as number, 1, group);
  }
  for (const group of groups) {
    const whole = lookup?.(group.citation.documentId, group.citation.section);
    if (whole && whole.section === group.citation.section && whole.quote.length <= MAX_WHOLE_SECTION) {
      group.citation.quote = whole.quote;
    } else if (whole && whole.section === group.citation.section && relevance) {
      group.citation.quote = relevantParagraphs(whole.quote, group.passages, relevance);
    } else if (group.passages.length > 1) {
      // Quote merged paragraphs in the order the document has them.
      const ordered = [...group.passages].sort((a, b) => documentOrder(a) - documentOrder(b));
      group.citation.quote = ordered.map((passage) => passage.text).join('\n\n');
    }
  }
  return groups;
}

function isShared(passage: RetrievedPassage): boolean {
  return passage.organisation === NATIONAL || passage.organisation === BACKGROUND;
}

/**
 * A long section quoted as its retrieved paragraphs plus the other paragraphs that match the
 * question (a rule is often stated a paragraph after the one that matched best), in the
 * document's order, within MAX_WHOLE_SECTION where the retrieved ones leave room.
 */
function relevantParagraphs(section: string, passages: RetrievedPassage[], relevance: (text: string) => number): string {
  const paragraphs = section.split('\n\n');
  const retrieved = new Set(passages.map((passage) => passage.text));
  const keep = new Set<number>();
  let length = 0;
  paragraphs.forEach((paragraph, index) => {
    if (retrieved.has(paragraph) || retrieved.has(paragraph.replace(/^\d+[a-z]?\.\s/, ''))) {
      keep.add(index);
      length += paragraph.length;
    }
  });
  if (keep.size === 0) return passages.map((passage) => passage.text).join('\n\n');
  const others = paragraphs
    .map((paragraph, index) => ({ index, score: keep.has(index) ? 0 : relevance(paragraph), length: paragraph.length }))
    .filter((entry) => entry.score >= RELEVANT_PARAGRAPH)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  for (const entry of others) {
    if (length + entry.length > MAX_WHOLE_SECTION) continue;
    keep.add(entry.index);
    length += entry.length;
  }
  return [...keep].sort((a, b) => a - b).map((index) => paragraphs[index]).join('\n\n');
}

function documentOrder(passage: RetrievedPassage): number {
  return passage.order;
}

/** What the knowledge base found for a question, as the answer needs it. */
export interface AnswerMaterial {
  analyzed: AnalyzedQuery;
  passages: RetrievedPassage[];
  /** The themes the question is about, best first. */
  themes: ThemeHit[];
  scope: ScopeDecision;
  /** The contact roles the answer should name (see `contactRolesFor`). */
  contactRoles: ContactRole[];
}

export interface AnswerTools {
  analyzer: Analyzer;
  /** How telling a word is (its idf), so the lead prefers the sentence about the question's subject. */
  weightOf: TermWeight;
  lookup: SectionLookup;
  catalogue: ThemeCatalogue;
  /** The themes a policy sentence's own words clearly name (indexes into the catalogue). */
  sentenceThemes?: (text: string) => readonly number[];
}

/**
 * The extractive answer: a short lead that answers the question (the gift rules' outcome, the
 * rule's outcome with its sentence, the people to turn to), at most two short quotes, and the
 * route to a person; the cited sections are the citations. A weak match says so first.
 */
export function buildAnswer(question: Question, material: AnswerMaterial, tools: AnswerTools, context: AnswerContext = {}): KnowledgeAnswer {
  const { analyzed, themes, scope } = material;
  const lang = question.lang;
  const groups = selectCitations(material.passages, tools.lookup, overlapScorer(analyzed, tools.analyzer, tools.weightOf));
  const citations = groups.map((group) => group.citation);
  const labels = new Map<Citation, string>(groups.map((group) => [group.citation, displayLabel(group)]));
  // A section of many passages (a list of regulations) is shown by its best-matching passage.
  const bestPassage = new Map<Citation, string>(groups.filter((group) => group.citation.quote.includes('\n\n')).map((group) => [group.citation, group.passages[0]?.text ?? group.citation.quote]));
  const folded = fold(question.text);
  const kind = questionKind(folded);
  const topTheme = themes[0] ? tools.catalogue.themes[themes[0].theme] : undefined;
  /** Puts a section among the citations (first when `first`), returning its [n]. */
  const cite = (documentId: string, section: string, first = false): string | undefined => {
    let at = citations.findIndex((citation) => citation.documentId === documentId && citation.section === section);
    if (at < 0) {
      const found = tools.lookup(documentId, section);
      if (!found) return undefined;
      if (first) citations.unshift(found);
      else citations.push(found);
      labels.set(found, found.section);
      if (citations.length > MAX_CITATIONS) citations.splice(MAX_CITATIONS);
      at = citations.indexOf(found);
      if (at < 0) return undefined;
    } else if (first && at > 0) {
      citations.unshift(...citations.splice(at, 1));
      at = 0;
    }
    return `[${at + 1}]`;
  };

  const leadParts: string[] = [];
  let leadQuote: LeadSentence | undefined;
  // Asked whom to turn to and the directory knows them: the people are the answer.
  const contacts = contactSentence(question, material, tools, context, cite);
  const contactLine = contacts?.text;
  const contactsFirst = contacts !== undefined && contacts.people && (topTheme?.id === 'contacts' || ASKS_WHOM.test(folded));
  if (contactsFirst && contactLine) {
    leadParts.push(contactLine);
  } else if (scope.confidence === 'weak') {
    const subject = topTheme ? topTheme.label[lang] : lang === 'nl' ? 'dit onderwerp' : 'this subject';
    leadParts.push(
      lang === 'nl'
        ? `Ik weet niet zeker of dit je vraag beantwoordt; dit zeggen de regels van ${organisationName(question.orgId, lang)} over ${subject}.`
        : `I am not sure this answers your question; this is what the rules of ${organisationName(question.orgId, lang)} say about ${subject}.`,
    );
  } else {
    // Asking whether it is allowed, or what to do with it: the gift rules decide when they can.
    const aboutGifts = themes.some((hit) => tools.catalogue.themes[hit.theme]?.id === 'gifts' && hit.confidence >= 0.75);
    const gift = aboutGifts && (kind !== 'other' || WHAT_TO_DO.test(folded)) ? decideGift(question.orgId, question.text) : undefined;
    if (gift) {
      // The rule's sources first, in the rule's order; their numbers are read after every move.
      for (const source of [...gift.sources].reverse()) cite(source.documentId, source.section, true);
      const markers = gift.sources.map((source) => cite(source.documentId, source.section)).filter(Boolean);
      leadParts.push(giftLead(gift, lang, [...new Set(markers)].join('')));
    } else if (citations.length > 0) {
      const clear = new Set(themes.filter((hit) => hit.confidence >= 0.75 && !hit.whomOnly).map((hit) => hit.theme));
      const sentenceThemes = tools.sentenceThemes;
      const themeOf: SentenceTheme | undefined =
        sentenceThemes && clear.size > 0
          ? (sentence) => {
              // Whom to turn to ("het externe meldpunt") is no subject of its own.
              const named = sentenceThemes(sentence).filter((theme) => !tools.catalogue.themes[theme]?.whomOnly);
              return named.some((theme) => clear.has(theme)) ? 'on' : named.length > 0 ? 'other' : 'none';
            }
          : undefined;
      leadQuote = leadSentence(citations, analyzed, tools.analyzer, kind, tools.weightOf, themeOf);
      if (leadQuote) leadParts.push(leadText(leadQuote, citations[leadQuote.index] as Citation, lang));
    }
  }

  if (contactLine && !contactsFirst) leadParts.push(contactLine);

  const quotes = shownQuotes(citations, labels, bestPassage, analyzed, tools, leadQuote);
  const fallback = organisationContacts(question.orgId, lang);
  const route = routeToPerson(context.contacts, fallback, lang);
  const closing =
    lang === 'nl'
      ? `Twijfel je of dit op jouw situatie van toepassing is? Bespreek het met ${route}.`
      : `Not sure whether this applies to your situation? Discuss it with ${route}.`;
  const languageNote = lang === 'en' ? 'The rules are in Dutch; they are quoted as written.' : undefined;
  const lead = leadParts.join(' ');
  const text = [lead, languageNote, ...quotes.map((quote) => `${markdownQuote(quote.text)} — ${quote.label} [${quote.citation}]`), closing].filter(Boolean).join('\n\n');
  return {
    answer: text,
    citations,
    outOfScope: false,
    mode: 'extractive',
    lang,
    topic: topicOf(topTheme?.id) ?? classifyTopic(analyzed, citations),
    view: { lead, quotes, languageNote, closing, framing: scope.confidence, ...(contacts?.people ? { contacts: contactLine } : {}) },
    articles: citedArticles(citations, tools.lookup),
  };
}

/** Whole articles behind the citations can be long; beyond this the cited text itself is shown. */
const MAX_ARTICLE = 3000;
const LID_OF_ARTICLE = /^(Artikel \d+[a-z]?) lid \d+[a-z]?$/;

/**
 * The full texts behind the citations: for a cited lid its whole article (once, when several
 * leden of it are cited), else the cited section as quoted.
 */
export function citedArticles(citations: Citation[], lookup?: SectionLookup): CitedArticle[] {
  const articles: CitedArticle[] = [];
  citations.forEach((citation, index) => {
    const article = LID_OF_ARTICLE.exec(citation.section)?.[1];
    const whole = article ? lookup?.(citation.documentId, article) : undefined;
    const useWhole = whole !== undefined && whole.quote.length <= MAX_ARTICLE;
    const label = useWhole ? (article as string) : citation.section;
    const existing = articles.find((entry) => entry.label === label && entry.title === citation.title);
    if (existing) {
      existing.citations.push(index + 1);
      return;
    }
    articles.push({ citations: [index + 1], label, title: citation.title, text: useWhole ? (whole as Citation).quote : citation.quote });
  });
  return articles;
}

/**
 * The people to turn to, when the question asks for them: from the directory (names and how to
 * reach them) and the routes outside the organisation the policy names, each cited.
 */
function contactSentence(
  question: Question,
  material: AnswerMaterial,
  tools: AnswerTools,
  context: AnswerContext,
  cite: (documentId: string, section: string, first?: boolean) => string | undefined,
): { text: string; people: boolean } | undefined {
  const lang = question.lang;
  // The manager is in every closing line; in the lead only when the question is about them.
  const roles = material.contactRoles.filter((role) => role !== 'manager' || asksForManager(question.text));
  const described = context.contacts ? describeContacts(context.contacts, roles, lang) : [];
  const theme = material.themes.filter((hit) => hit.confidence >= 0.75).map((hit) => tools.catalogue.themes[hit.theme]).find((candidate) => candidate?.contacts && candidate.contacts.length > 0);
  const external = theme?.external?.[question.orgId] ?? [];
  const parts: string[] = [];
  if (described.length > 0) {
    const joined = described.length === 1 ? described[0] : `${described.slice(0, -1).join('; ')} ${lang === 'nl' ? 'of' : 'or'} ${described.at(-1)}`;
    parts.push(lang === 'nl' ? `Je kunt terecht bij ${joined}.` : `You can turn to ${joined}.`);
  }
  if (described.length > 0 || roles.length > 0) {
    const routes = external.flatMap((route) => {
      const marker = cite(route.doc, route.section);
      return marker ? [`${route.label[lang]} ${marker}`] : [];
    });
    if (routes.length > 0) parts.push(lang === 'nl' ? `Buiten de organisatie kun je ook terecht bij ${routes.join(lang === 'nl' ? ' en ' : ' and ')}.` : `Outside the organisation you can also turn to ${routes.join(' and ')}.`);
  }
  return parts.length > 0 ? { text: parts.join(' '), people: described.length > 0 } : undefined;
}

function asksForManager(text: string): boolean {
  return /\b(leidinggevende|manager|teamleider|baas|boss|supervisor)\b/i.test(text);
}

/** "Wat moet ik ermee?", "wat nu?", "what should I do with it?" */
const WHAT_TO_DO = /\b(wat (?:moet|kan|doe|mag) ik(?: er)?(?: mee| ermee)?(?: doen)?|wat nu|what (?:should|do|can|must) i do|what now)\b/;

/** At most two short quotes; the lead's own sentence is not repeated where the quote has more. */
function shownQuotes(citations: Citation[], labels: Map<Citation, string>, bestPassage: Map<Citation, string>, analyzed: AnalyzedQuery, tools: AnswerTools, lead: LeadSentence | undefined): ShownQuote[] {
  const quotes: ShownQuote[] = [];
  citations.forEach((citation, index) => {
    if (quotes.length >= MAX_SHOWN_QUOTES) return;
    const skip = lead && lead.index === index ? lead.sentence : undefined;
    const text = shortQuote(bestPassage.get(citation) ?? citation.quote, analyzed, tools.analyzer, skip, tools.weightOf);
    if (text === '') return;
    quotes.push({ citation: index + 1, label: labels.get(citation) ?? citation.section, text });
  });
  return quotes;
}

/**
 * A quote shortened around its best-matching sentences (a list keeps its introduction and its
 * best items), with … where text is left out; `skip` (the lead's sentence) is left out when the
 * quote has more to say, and the quote is dropped when it has nothing else.
 */
export function shortQuote(quote: string, analyzed: AnalyzedQuery, analyzer: Analyzer, skip?: string, weightOf?: TermWeight): string {
  const { isList, units, bare } = quoteUnitsOf(quote);
  const skipped = new Set<number>();
  if (skip) units.forEach((_, index) => skip.includes(bare[index] as string) && skipped.add(index));
  if (skipped.size === units.length) return '';
  const whole = units.filter((_, index) => !skipped.has(index)).join(isList ? '\n' : ' ');
  if (skipped.size === 0 && whole.length <= MAX_SHOWN_QUOTE) return quote.trim();
  const overlapOf = overlapScorer(analyzed, analyzer, weightOf);
  const relevance = units.map((unit) => overlapOf(unit));
  const chosen = new Set<number>();
  let length = 0;
  // A list keeps its introduction ("… de volgende regelingen:"), not a first item.
  const introduced = isList && !skipped.has(0) && !ITEM.test(units[0] ?? '');
  if (introduced) {
    chosen.add(0);
    length += (units[0] ?? '').length;
  }
  const order = units.map((_, index) => index).sort((a, b) => (relevance[b] ?? 0) - (relevance[a] ?? 0) || a - b);
  for (const index of order) {
    if (skipped.has(index) || chosen.has(index)) continue;
    const size = (units[index] ?? '').length + 1;
    const enough = chosen.size > (introduced ? 1 : 0);
    if (enough && (length + size > MAX_SHOWN_QUOTE || (relevance[index] ?? 0) === 0)) continue;
    chosen.add(index);
    length += size;
    if (length >= MAX_SHOWN_QUOTE) break;
  }
  const ordered = [...chosen].sort((a, b) => a - b);
  const parts: string[] = [];
  ordered.forEach((index, position) => {
    const previous = ordered[position - 1];
    if ((position === 0 && index > 0) || (previous !== undefined && index > previous + 1)) parts.push('…');
    parts.push(units[index] ?? '');
  });
  if ((ordered.at(-1) ?? 0) < units.length - 1) parts.push('…');
  return parts.join(isList ? '\n' : ' ').replace(/ … /g, ' … ').trim();
}

const ITEM = /^\s*(?:[-•]|[a-z]\.|\d+\.)\s/;

interface QuoteUnits {
  /** The quote is a list: its units are its lines. */
  isList: boolean;
  /** Its lines or sentences, as shown. */
  units: readonly string[];
  /** The same without a list item's marker, to compare with the lead's sentence. */
  bare: readonly string[];
}

/** What `shortQuote` cuts each text into, per text: the quoted sections recur from answer to answer. */
const quoteUnitsOf = rememberPerText(5000, (quote): QuoteUnits => {
  const isList = /\n\s*(?:[-•]|[a-z]\.|\d+\.)\s/.test(quote);
  const units = isList ? quote.split('\n').filter((line) => line.trim() !== '') : sentencesOfParagraphs(quote);
  return { isList, units, bare: units.map((unit) => unit.replace(ITEM, '').trim()) };
});

function sentencesOfParagraphs(text: string): string[] {
  return text.split(/\n{2,}/).flatMap((paragraph) => sentencesOf(paragraph));
}

/**
 * A quote in Markdown: “…” around the text, and list items as a Markdown list that keeps the
 * quote marks: the opening one starts the first line's text (after its item marker), the
 * closing one ends the last item's text, so no mark dangles on a line of its own.
 */
export function markdownQuote(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const rendered = lines.map((line) => {
    const numbered = /^\s*(\d+\.)\s+(.*)$/.exec(line);
    // A numbered item stays a numbered Markdown item with its own number.
    if (numbered) return { marker: `${numbered[1]} `, text: numbered[2] ?? '' };
    const item = /^\s*(?:[-•]\s+|([a-z]\.)\s+)(.*)$/.exec(line);
    // Other items become bullets; a letter ("a.") stays part of the text, as written.
    if (item) return { marker: '- ', text: item[1] ? `${item[1]} ${item[2]}` : (item[2] ?? '') };
    return { marker: '', text: line.trim() };
  });
  const first = rendered[0];
  const last = rendered[rendered.length - 1];
  if (!first || !last) return '“”';
  first.text = `“${first.text}`;
  last.text = `${last.text}”`;
  return rendered.map((line) => `${line.marker}${line.text}`).join('\n');
}

export type DeclineReason = 'scope' | 'records';

export function declineAnswer(question: Question, reason: DeclineReason, why: ScopeReason = reason === 'records' ? 'records' : 'no-evidence'): KnowledgeAnswer {
  return { answer: declineText(question.orgId, question.lang, reason), citations: [], outOfScope: true, mode: 'extractive', lang: question.lang, declineReason: why };
}

export function declineText(orgId: string, lang: Lang, reason: DeclineReason): string {
  const contacts = organisationContacts(orgId, lang);
  if (reason === 'records') {
    return lang === 'nl'
      ? `Gegevens over meldingen, registraties of dossiers van andere mensen kan ik niet geven: die zijn vertrouwelijk. Ik beantwoord vragen over de integriteitsregels zelf. Heb je een zorg over iemand, bespreek die dan met ${contacts}.`
      : `I cannot share reports, registrations or files about other people: they are confidential. I answer questions about the integrity rules themselves. If you have a concern about someone, discuss it with ${contacts}.`;
  }
  const name = organisationName(orgId, lang);
  return lang === 'nl'
    ? `Daarover vind ik niets in de integriteitsregels van ${name}. Ik beantwoord vragen over integriteit op het werk, zoals geschenken en uitnodigingen, nevenwerkzaamheden, vertrouwelijke informatie en het melden van een vermoeden van een misstand. Voor andere vragen, of als je twijfelt, kun je terecht bij ${contacts}.`
    : `I could not find anything about that in the integrity rules of ${name}. I answer questions about integrity at work, such as gifts and invitations, side jobs, confidential information and reporting suspected wrongdoing. For other questions, or if in doubt, please contact ${contacts}.`;
}

/** The label, with the heading's title when the label is only a number ("Artikel 5 lid 2", "Vraag 11"). */
export function displayLabel(group: CitationGroup): string {
  const label = group.citation.section;
  const heading = group.passages[0]?.headingPath.at(-1);
  if (!heading || group.passages[0]?.headingPath.length === 1) return label;
  const title = heading.replace(/^(?:artikel\s+)?§?\s*\d+(?:\.\s?\d+)*\.?\s*/i, '').trim();
  if (title === '' || label.toLowerCase().includes(title.toLowerCase())) return label;
  return `${label} (${title.length > 90 ? `${title.slice(0, 87).replace(/\s+\S*$/, '')}…` : title})`;
}


const TOPIC_STEMS: Record<AnswerTopic, RegExp> = {
  gifts: /^(geschenk|cadeau|gift|relatiegeschenk|kerstpakket|attentie|uitnod|diner|etentj|lunch|borrel|excursie|evenement|kaartj|cadeaubon|waardebon|fles|wijn|bloem|taart|gunst|fooi|presentj|giften)/,
  sidejobs: /^(nevenwerkzam|nevenfunctie|nevenactiviteit|nevenbetrek|bijban|bijverdienst|neveninkomst|nevenwerk|vrijwilligerswerk|zzp)/,
  reporting: /^(klokkenluider|klokkenluid|misstand|integriteitsschend|schend|fraude|corruptie|omkop|meldpunt|vermoed|melder)/,
};

const THEME_TOPICS: Record<string, AnswerTopic> = { gifts: 'gifts', sidejobs: 'sidejobs', reporting: 'reporting', unwanted_behaviour: 'reporting' };

/** The next step a theme leads to (gift form, side-job notification, report). */
function topicOf(themeId: string | undefined): AnswerTopic | undefined {
  return themeId ? THEME_TOPICS[themeId] : undefined;
}

/** Which next step the bot can offer: judged from the question's own words, then from the cited sections. */
export function classifyTopic(analyzed: AnalyzedQuery, citations: Citation[]): AnswerTopic | undefined {
  const stems = analyzed.terms.filter((term) => term.content).map((term) => term.stem);
  for (const topic of ['gifts', 'sidejobs', 'reporting'] as AnswerTopic[]) {
    if (stems.some((stem) => TOPIC_STEMS[topic].test(stem))) return topic;
  }
  const first = citations[0];
  if (!first) return undefined;
  const label = first.section.toLowerCase();
  // Article labels ("Artikel 5 lid 2") do not name their subject, so the quoted rule decides.
  if (/geschenk|gift|uitnodiging/.test(label) || /geschenk|gunst|relatiegeschenk/i.test(first.quote)) return 'gifts';
  if (/neven/.test(label)) return 'sidejobs';
  if (/misstand|klokkenluid/.test(label)) return 'reporting';
  return undefined;
}
