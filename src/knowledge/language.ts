export type Lang = 'nl' | 'en';

/**
 * Which language a question is written in, Dutch or English, from its own words: a Dutch
 * Teams client sends English questions too, and an English one Dutch. Small and
 * deterministic: function words and a few spelling patterns that only one of the two
 * languages has. Words both languages share ("is", "in", "of", "op", "an") do not count.
 */
const ENGLISH_WORDS = new Set([
  'the', 'a', 'an', 'and', 'are', 'am', 'i', 'im', 'ive', 'id', 'ill', 'me', 'my', 'mine', 'you', 'your', 'yours', 'we', 'our', 'us', 'they',
  'their', 'them', 'he', 'his', 'him', 'she', 'her', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'what', 'who', 'whom',
  'whose', 'which', 'when', 'where', 'why', 'how', 'can', 'cant', 'cannot', 'could', 'may', 'might', 'must', 'should', 'would', 'will',
  'wont', 'shall', 'do', 'does', 'did', 'dont', 'doesnt', 'didnt', 'have', 'has', 'havent', 'be', 'been', 'being', 'were',
  'isnt', 'arent', 'to', 'for', 'from', 'with', 'about', 'at', 'by', 'on', 'if', 'or', 'not', 'no', 'yes', 'any', 'some', 'all', 'get',
  'got', 'allowed', 'okay', 'please', 'tell', 'know', 'need', 'want', 'rules', 'rule', 'work', 'job', 'colleague', 'colleagues', 'boss',
  'just', 'also', 'still', 'really', 'should', 'so', 'than', 'then', 'because', 'after', 'before', 'into', 'out', 'up', 'down',
  'off', 'over', 'again', 'too', 'very', 'much', 'many', 'someone', 'something', 'anyone', 'anything', 'myself', 'yourself',
]);

const DUTCH_WORDS = new Set([
  'de', 'het', 'een', 'en', 'ik', 'mij', 'me', 'mijn', 'mn', 'je', 'jij', 'jou', 'jouw', 'u', 'uw', 'wij', 'we', 'ons', 'onze', 'jullie',
  'zij', 'ze', 'hij', 'hem', 'haar', 'hun', 'wat', 'wie', 'hoe', 'waar', 'wanneer', 'welke', 'welk', 'waarom', 'mag', 'mogen', 'moet',
  'moeten', 'kan', 'kun', 'kunt', 'kunnen', 'wil', 'wilt', 'willen', 'zou', 'zouden', 'van', 'voor', 'met', 'over', 'bij', 'naar', 'aan',
  'niet', 'geen', 'wel', 'ook', 'nog', 'dat', 'die', 'dit', 'deze', 'er', 'zijn', 'ben', 'bent', 'heb', 'hebt', 'heeft', 'hebben', 'word',
  'wordt', 'worden', 'als', 'dan', 'om', 'te', 'tot', 'door', 'mee', 'krijg', 'krijgen', 'collega', 'collegas', 'werk', 'baas', 'regels',
  'oké', 'oke', 'ff', 'even', 'eigenlijk', 'gewoon', 'toch', 'maar', 'omdat', 'zonder', 'tijdens', 'na', 'iets', 'iemand', 'mogelijk',
  'graag', 'nu', 'ja', 'nee', 'hé', 'hoi', 'zo', 'al', 'waarin', 'waarop', 'daar', 'hier', 'dus', 'want', 'doe', 'doen', 'gaat', 'ga',
  'op', 'uit', 'heel', 'zal', 'zullen', 'gemeente', 'leidinggevende', 'melden',
]);

/** Letter patterns only one language uses: Dutch "ij", "oe", "sch", "aa"; English "th", "wh", "ing". */
const DUTCH_SPELLING = /ij|oe[^s]|sch|aa|uu|ui/;
const ENGLISH_SPELLING = /th|wh|ing$|tion$|ould$|ght/;

/** Lower-case words without accents or apostrophes ("don't" is "dont"). */
function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['’‘`]/g, '')
      .match(/[a-z0-9]+/g) ?? []
  );
}

/** The language of a text, or undefined when its words do not tell (then use the client's). */
export function detectLanguageOf(text: string): Lang | undefined {
  let english = 0;
  let dutch = 0;
  for (const word of words(text)) {
    const inEnglish = ENGLISH_WORDS.has(word);
    const inDutch = DUTCH_WORDS.has(word);
    if (inEnglish && !inDutch) english += 1;
    else if (inDutch && !inEnglish) dutch += 1;
    else if (!inEnglish && !inDutch && word.length >= 4) {
      if (DUTCH_SPELLING.test(word)) dutch += 0.25;
      if (ENGLISH_SPELLING.test(word)) english += 0.25;
    }
  }
  if (english === 0 && dutch === 0) return undefined;
  if (english > dutch) return 'en';
  if (dutch > english) return 'nl';
  return undefined;
}

/** The language of a text, falling back to `fallback` (the client's or organisation's) when unclear. */
export function detectLanguage(text: string, fallback: Lang = 'nl'): Lang {
  return detectLanguageOf(text) ?? fallback;
}
