import { containsPhrase, followedBy, maybe, slot, wordSet, wordsOf, type Phrase } from '../text/phrases.js';

/**
 * Free text that says "this is happening to me" or "I suspect this", as opposed to a question
 * about it. Narrow on purpose: "ik word gepest, wat kan ik doen?" is a question and gets the
 * policy answer (which offers the intake as its next step); "ik word gepest door mijn
 * leidinggevende" is a statement and gets the intake card straight away. A scan over words
 * (linear in the text), after a length check.
 */
export const MAX_REPORT_STATEMENT_LENGTH = 500;

/** A question: a question mark, or a question word first. Anchored, one pass. */
const QUESTION_START =
  /^\s*(mag|mogen|moet|moeten|kan|kun|kunnen|wat|hoe|hoeveel|wanneer|waarom|wie|welke|waar|is het|zijn er|stel|may|can|could|should|must|what|how|when|why|who|which|where|is it|is there|do i|does|are there|if)\b/i;

/** "… wat kan ik doen", "bij wie meld ik …", "what should I do": a question without a question mark. */
const QUESTION_PHRASES: readonly Phrase[] = [
  [slot('wat', 'hoe', 'waar', 'wie'), slot('kan', 'kun', 'moet', 'mag', 'doe', 'meld')],
  [slot('bij'), slot('wie')],
  [slot('what', 'how', 'where', 'who'), slot('can', 'should', 'do', 'must')],
];

const VICTIM_NL = wordSet('gepest', 'geïntimideerd', 'geintimideerd', 'gediscrimineerd', 'bedreigd', 'lastiggevallen', 'uitgescholden', 'geslagen', 'aangerand', 'betast', 'buitengesloten', 'gekleineerd', 'vernederd');
const DOING_TO_ME_NL = wordSet('pest', 'pesten', 'intimideert', 'intimideren', 'discrimineert', 'bedreigt', 'bedreigen', 'kleineert', 'betast', 'slaat', 'scheldt');
const SUSPECT_NL = wordSet('denk', 'vermoed', 'geloof', 'weet', 'zie', 'merk', 'vermoeden', 'idee', 'gezien');
const WRONGDOING_NL = wordSet(
  'gefraudeerd', 'fraude', 'fraudeert', 'frauderen', 'corruptie', 'corrupt', 'omgekocht', 'omkoping', 'steekpenningen', 'smeergeld', 'belangenverstrengeling',
  'verduisterd', 'verduistert', 'verduistering', 'gestolen', 'steelt', 'diefstal', 'misbruik', 'gesjoemeld', 'sjoemelt', 'vriendjespolitiek', 'misstand', 'integriteitsschending',
);
const VICTIM_EN = wordSet('bullied', 'harassed', 'intimidated', 'discriminated', 'threatened', 'assaulted');
const SUSPECT_EN = wordSet('suspect', 'think', 'believe');
const WRONGDOING_EN = wordSet('fraud', 'corruption', 'bribery', 'embezzlement', 'embezzling', 'theft', 'stealing', 'misconduct', 'wrongdoing');

const STATEMENTS: readonly Phrase[] = [
  // ik word (al weken) gepest / ik voel me geïntimideerd
  [slot('ik'), slot('word', 'werd', 'ben', 'voel'), maybe('me', 'al', 'steeds', 'vaak'), maybe('al', 'weken', 'maanden', 'jaren', 'steeds', 'vaak'), maybe('weken', 'maanden', 'jaren'), { words: VICTIM_NL }],
  [slot('ik'), slot('word', 'werd', 'ben'), maybe('al', 'steeds'), slot('lastig'), slot('gevallen')],
  // (mijn leidinggevende) intimideert me / pest mij
  [{ words: DOING_TO_ME_NL }, slot('mij', 'me')],
  [slot('valt'), slot('mij', 'me'), slot('lastig')],
  // er wordt gefraudeerd
  [slot('er'), slot('wordt', 'werd'), maybe('hier', 'steeds'), slot('gefraudeerd', 'gestolen', 'gesjoemeld', 'verduisterd')],
  // ik wil (graag) (een) misstand / ongewenst gedrag melden
  [slot('ik'), slot('wil'), maybe('graag'), maybe('een'), slot('misstand', 'fraude', 'integriteitsschending', 'intimidatie', 'pesterij', 'pesten', 'discriminatie', 'diefstal', 'corruptie', 'melding'), slot('melden', 'aankaarten', 'doen', 'rapporteren')],
  [slot('ik'), slot('wil'), maybe('graag'), slot('ongewenst'), slot('gedrag'), slot('melden')],
  // I am (being) bullied / I've been harassed
  [slot('i', "i'm", 'i’m', "i've", 'i’ve'), maybe('am', 'was', 'have'), maybe('been', 'being'), maybe('being', 'sexually'), maybe('sexually'), { words: VICTIM_EN }],
  [slot('i'), slot('want'), slot('to'), slot('report'), maybe('a', 'some'), slot('fraud', 'wrongdoing', 'bullying', 'harassment', 'misconduct', 'discrimination', 'unwanted')],
];

export function isReportStatement(text: string): boolean {
  if (text.length > MAX_REPORT_STATEMENT_LENGTH || text.includes('?') || QUESTION_START.test(text)) return false;
  const tokens = wordsOf(text);
  if (containsPhrase(tokens, QUESTION_PHRASES)) return false;
  if (containsPhrase(tokens, STATEMENTS)) return true;
  // "ik denk / vermoed dat … fraude …", "I suspect … fraud": a suspicion, then a kind of wrongdoing after it.
  return (tokens.includes('ik') && followedBy(tokens, SUSPECT_NL, WRONGDOING_NL)) || (tokens.includes('i') && followedBy(tokens, SUSPECT_EN, WRONGDOING_EN));
}
