/** A question about gifts starts with a question word; a report of receipt does not. */
const QUESTION_START =
  /^\s*(mag|mogen|moet|moeten|kan|kun|kunnen|wat|hoe|hoeveel|wanneer|waarom|wie|welke|waar|is het|zijn|als|wanneer|stel|may|can|could|should|must|what|how|when|why|who|which|where|is it|am i|do i|does|are|if)\b/i;
const RECEIPT_NL =
  /\b(heb|hebben|kreeg|kregen|ontving|ontvingen)\b.*\b(gekregen|ontvangen|aangeboden|gegeven|toegestuurd|thuisgestuurd|bezorgd)\b|\bik\s+(kreeg|ontving)\b|\b(is|werd|zijn|werden)\s+(bij\s+mij\s+)?(thuis\s+)?(bezorgd|afgeleverd|langsgebracht)\b|\b(cadeau|geschenk|gift|relatiegeschenk|kerstpakket|uitnodiging)\s+(melden|doorgeven)\b/i;
const RECEIPT_EN =
  /\bi\s+(have\s+|'ve\s+|just\s+)?(received|got|been\s+given|been\s+offered|was\s+given|was\s+offered|was\s+sent)\b|\b(was|got|were)\s+delivered\s+to\s+my\s+home\b|\breport\s+(a|my|the)\s+gift\b/i;

/** "ik heb een kerstpakket gekregen van de aannemer" offers the form; "mag ik een cadeau aannemen?" is a question. */
export function isGiftReport(text: string): boolean {
  if (QUESTION_START.test(text)) return false;
  return RECEIPT_NL.test(text) || RECEIPT_EN.test(text);
}
