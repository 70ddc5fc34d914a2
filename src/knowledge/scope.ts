import type { ThemeHit, VocabularyMatch } from './themes.js';
import type { QuestionShapes } from './questionShapes.js';

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

/**
 * The evidence a question brings (its theme words, how well the policy text matches it, whether it
 * asks permission or whom to turn to, another employer, how many subject words) and what it asks,
 * read from its shape (`QuestionShapes`).
 */
export interface ScopeInput extends QuestionShapes {
  vocabulary: VocabularyMatch;
  lexical: { inScope: boolean; strong: boolean; bestShare: number };
  permission: boolean;
  /** "Wie moet ik bellen", "where can I go": asks whom to turn to rather than whether something is allowed. */
  asksWhom: boolean;
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
  // Several clear integrity words (two themes, or two words of one) outweigh an off-topic subject;
  // one does not: "Outlook geeft een conflict", "de kraan lekt", "the VPN investigation".
  const clearEvidence = severalClearWords(vocabulary, (hit) => hit.strongCues);
  // Against a decisive phrase only words that are not themselves off-topic count ("solliciteren"),
  // each word once however many themes it names ("boete" is a word of four).
  const clearBeyondOffTopic = severalDistinctClearWords(vocabulary);
  // A clear word that is not also a word of the off-topic subject ("foutmelding" has a melding).
  const clearWordBeyondOffTopic = vocabulary.themes.some((hit) => hit.clearAt.length > 0 && !hit.whomOnly);
  if (input.otherEmployer) return { inScope: false, reason: 'other-employer', confidence: 'weak' };
  // "Mijn zoon wil een bijbaantje", "write a content calendar for our campaign": an integrity
  // word in someone's private life, or in a job for the assistant, is no integrity question.
  if (input.privateLife || input.task) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Vind je het integer dat die popster …", "what do you think of the scandal at the football
  // association": an opinion on people in the news is no question about the asker's work.
  if (input.opinion && !input.employerSide) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Ik heb een bijbaan als fotograaf, moet ik btw afdragen?", "hoe doe ik aangifte bij de politie
  // van mijn gestolen fiets?": a question for the tax office, the police or one's neighbours, however
  // many integrity words describe the situation, unless the employer's side is in it ("moet ik het
  // ook bij mijn werkgever melden", "een inwoner bedreigde me, kan ik aangifte doen?").
  // "Een cliënt wil dat ik borg sta voor zijn huur. Mag dat?": surety or a loan with someone
  // the asker deals with at work is a private tie with an outsider, not a relative's bank errand.
  if (input.moneyTie && permission) return { inScope: true, reason: 'theme', confidence: top >= 0.75 ? 'direct' : 'weak' };
  if (vocabulary.elsewhereOffTopics.length > 0 && !input.employerSide) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Wanneer is de kerstborrel?", "tips voor een cadeautje voor de lootjes?": planning an occasion
  // among colleagues is for its organisers, however many gift or secrecy words describe it; not
  // when a supplier pays or the asker asks whether something may be accepted.
  if (vocabulary.occasionOffTopics.length > 0 && input.planning) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Wat voor cadeau koop ik voor mijn buurvrouw?", "a nice present for my brother": an idea for a present
  // the asker gives is for a shop, however many gift words it has; not one received or offered, nor
  // whether one may be accepted, kept or reported.
  if (input.giftIdea) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Mijn laptop is gevallen, hoe krijg ik een nieuwe?", "een inwoner vraagt me hoe hij zijn
  // parkeervergunning verlengt", "heeft de gemeente stageplekken?": a service of another desk
  // (facilities, IT, the desk for residents, recruitment), whatever property, theft or tax words
  // describe it; not when something is to be reported or a rule or permission is asked (see `asksAnotherDesk`).
  if (input.otherDesk) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "De bakfiets van de buitendienst heeft een kapotte ketting, wie maakt die?", "via welke winkel bestellen we
  // werkkleding?", "werkt mijn toegangspas ook in het andere gebouw?": a facilities errand about work
  // things, however much a work bike, a supplier or a permit sounds like the rules (see `asksFacilityErrand`).
  if (input.facilityErrand) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Een cliënt wil weten of hij met zijn bijstand ook oppaswerk mag doen": a resident's or client's own
  // matter under their own scheme, not the asker's conduct (see `asksForAClientsOwnMatter`).
  if (input.clientsMatter) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Welke app is het handigst voor mijn side project?", "would you sell my index fund now?", "tips voor
  // een nette profielfoto?", "hoeveel fooi geef je in Spanje?": advice for the asker's own life or tools,
  // whatever side-job, share or social-media word is in it (see `asksForPersonalAdvice`).
  // "Welke indeling past bij een collegenota?": the layout of a text to write (see `asksForATextLayout`).
  if (input.personalAdvice || input.textLayout) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Hoeveel zetels heeft de grootste partij?", "who is the mayor?", "hoe laat sluit het zwembad?": a
  // fact about the council or a place is for the municipality's website, however much an alderman or
  // the council sounds like our rules.
  if (input.civicFact) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Welke aandelen zijn nu interessant?", "kun je deze zin verbeteren", "welk restaurant is leuk voor
  // ons team?", "waar verwijs ik een inwoner met schulden naar?": everyday help or another desk's
  // casework, however many gift, share or secrecy words describe it; not when a word of an integrity
  // subject, a permission or someone from outside is in it (see `asksEverydayHelp`).
  if (input.everyday) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Hoe plan ik de diensten van mijn team het slimst?", "heb je tips om minder te vergaderen?", "any side hustle
  // ideas?", "give me a checklist for the office move": know-how for running a team or one's own life,
  // however many words of a theme describe it; not with an integrity subject, a permission or what to do in it
  // (see `asksForKnowHow`), nor beside two different clear integrity words.
  // A colleague or a supplier beside a clear integrity word is the asker's conduct at work all the same
  // ("hoe spreek ik een collega het beste aan die steeds spullen mee naar huis neemt?").
  if (input.knowHow && !clearBeyondOffTopic && !(strongTheme && input.workParty)) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "In die film legt een agent een eed af op zijn penning, bestaat dat?": fiction and the world it shows, however much
  // an oath or a bribe in it sounds like our rules.
  if (input.fiction) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Is de gedragscode ook naar het Engels vertaald?": the rules as documents, however much the
  // translation sounds like a language job.
  if (input.rulesInALanguage && (lexical.inScope || top > 0)) return { inScope: true, reason: lexical.inScope ? 'lexical' : 'theme', confidence: 'weak' };
  // "Cadeau-idee voor de verjaardag van mijn moeder": a phrase that places the subject outside
  // work outweighs the integrity word in it, unless the policy text itself matches closely and
  // the question asks permission.
  // "Dat heeft niks met mijn werk te maken. Moet ik het toch melden?" doubts that phrase: a duty
  // question about an integrity subject (a clear word, or two weaker ones) all the same.
  // "Een leverancier nodigt me uit in een leuk restaurant, mag ik daarop ingaan?", "my colleague wants
  // to use my password, is that ok?": someone of work (a supplier, a colleague) offering or asking
  // something, with a clear integrity word and a permission asked, puts the subject back at work.
  // "Moet die gift aan de bijstandsklant verrekend worden?", "binnen welke termijn handelen we een
  // klacht van een inwoner af?": asked how a framework of casework or law works for a case (its time
  // limit, steps, reckoning or route), its decisive phrase outweighs every integrity word, which there
  // describes the case, not the asker's conduct (see `asksHowAFrameworkWorks`).
  if (vocabulary.decisiveOffTopics.length > 0 && input.framework) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  if (vocabulary.decisiveOffTopics.length > 0 && !clearBeyondOffTopic && !(lexical.strong && permission) && !(permission && input.despite && (strongTheme || top >= 0.75)) && !(permission && strongTheme && input.workParty)) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Hoe schrijf ik me in bij de hardloopclub?": how to join something is for its organisers, unless
  // the asker asks whether it may be done or the employer's side is in it.
  // "Waar kan ik me inschrijven" asks where, not whether it may: its "kan ik" is no permission.
  if (input.signUp && !(permission && !input.signUpOnly) && !input.employerSide && input.integrity !== 'itself') return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Wordt er bij sollicitaties naar integriteit gekeken?": a question that names integrity itself
  // is about the policies, whatever else it names (its technical senses are decisive phrases above).
  if (input.integrity === 'itself' && (lexical.inScope || top > 0)) return { inScope: true, reason: lexical.inScope ? 'lexical' : 'theme', confidence: 'weak' };
  // "How do I check the integrity of a zip file": the word in another sense is no integrity question.
  if (input.integrity === 'another-sense' && !clearBeyondOffTopic) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // An off-topic subject wins over weaker integrity words ("wachtwoord kwijt", "recept voor de
  // teamlunch"), not over a clear one, a typed policy term, or a permission question with several.
  // "Wie moet ik bellen" after a broken laptop asks for the helpdesk, not for a rule, and "wat moet
  // ik doen" after it asks for a fix, unless a clear integrity word (not one of the subject's own,
  // like the "melding" in "foutmelding") says otherwise.
  // "Hoe kan ik een bericht inplannen" asks for a way with the tool, not for permission.
  // "Kan ik via het werk een nieuw scherm aanvragen?" asks for a provision, not for permission,
  // unless a clear integrity word says what for ("… voor mijn bijbaan").
  const permissionBesideOffTopic = permission && !input.wayOnly && !(input.provision && !clearWordBeyondOffTopic);
  if (vocabulary.offTopics.length > 0 && !clearEvidence && !lexical.strong && !(permissionBesideOffTopic && !input.asksWhom && !(input.whatToDo && !clearWordBeyondOffTopic) && top >= 0.75)) {
    return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  }
  // A how-to question ("how do I connect my phone") with only weaker words is a request for
  // practical help elsewhere, not an integrity question.
  if (input.howTo && !permission && !clearEvidence && !lexical.strong && !(strongTheme && lexical.inScope)) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "Wanneer loopt mijn contract af", "how many weeks of maternity leave": when, how long or how
  // much of an off-topic subject is a question for HR or the helpdesk, whatever else it names.
  if (input.logistics && vocabulary.offTopics.length > 0 && !lexical.strong) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  // "How do I get my hacked Instagram back": how to do something about an off-topic subject.
  if (input.howTo && vocabulary.offTopics.length > 0 && !permissionBesideOffTopic && !lexical.strong) return { inScope: false, reason: 'off-topic', confidence: 'weak' };
  if (top >= 0.75) return { inScope: true, reason: 'theme', confidence: strongTheme || lexical.inScope || (permission && lexical.bestShare >= WEAK_THEME_SHARE) ? 'direct' : 'weak' };
  if (lexical.inScope) return { inScope: true, reason: 'lexical', confidence: lexical.strong || top > 0 ? 'direct' : 'weak' };
  // One weaker word is enough only when the text found also shares some of the question.
  if (top >= 0.5 && (permission || input.words >= SCENARIO_WORDS) && lexical.bestShare >= WEAK_THEME_SHARE) return { inScope: true, reason: 'weak-theme', confidence: 'weak' };
  return { inScope: false, reason: 'no-evidence', confidence: 'weak' };
}

/** Two different clear words that are not off-topic words, of any themes (words of whom to turn to aside). */
function severalDistinctClearWords(vocabulary: VocabularyMatch): boolean {
  return new Set(vocabulary.themes.filter((hit) => !hit.whomOnly).flatMap((hit) => hit.clearAt)).size >= 2;
}

/** Two themes with a clear word, or two clear words of one theme (words of whom to turn to aside). */
function severalClearWords(vocabulary: VocabularyMatch, cues: (hit: ThemeHit) => number): boolean {
  const hits = vocabulary.themes.filter((hit) => cues(hit) > 0 && !hit.whomOnly);
  return hits.length >= 2 || hits.some((hit) => cues(hit) >= 2);
}

