/**
 * Free text that says "this is happening to me" or "I suspect this", as opposed to a question
 * about it. Narrow on purpose: "ik word gepest, wat kan ik doen?" is a question and gets the
 * policy answer (which offers the intake as its next step); "ik word gepest door mijn
 * leidinggevende" is a statement and gets the intake card straight away.
 */
const QUESTION =
  /\?|^\s*(mag|mogen|moet|moeten|kan|kun|kunnen|wat|hoe|hoeveel|wanneer|waarom|wie|welke|waar|is het|zijn er|stel|may|can|could|should|must|what|how|when|why|who|which|where|is it|is there|do i|does|are there|if)\b|\b(wat|hoe|waar|bij wie|wie)\s+(kan|kun|moet|mag|doe|meld)\b|\b(what|how|where|who)\s+(can|should|do|must)\b/i;

const UNWANTED_NL =
  /\bik\s+(word|werd|ben|voel\s+me)\s+(\w+\s+){0,3}(gepest|geïntimideerd|geintimideerd|gediscrimineerd|bedreigd|lastiggevallen|lastig\s+gevallen|uitgescholden|geslagen|aangerand|betast|buitengesloten|gekleineerd|vernederd|geïntimideerd)\b|\b(pest|intimideert|discrimineert|bedreigt|kleineert|betast|slaat|scheldt|intimideren|pesten|bedreigen)\s+(mij|me)\b|\bvalt\s+(mij|me)\s+lastig\b/i;
const WRONGDOING_NL =
  /\bik\s+(denk|vermoed|geloof|weet|zie|merk|heb\s+gezien|heb\s+het\s+vermoeden|heb\s+het\s+idee)\b.*\b(gefraudeerd|fraude|fraudeert|frauderen|corruptie|corrupt|omgekocht|omkoping|steekpenningen|smeergeld|belangenverstrengeling|verduisterd|verduistert|verduistering|gestolen|steelt|diefstal|misbruik|gesjoemeld|sjoemelt|vriendjespolitiek|misstand|integriteitsschending)\b|\bik\s+heb\s+een\s+vermoeden\s+van\b|\ber\s+wordt\s+(gefraudeerd|gestolen|gesjoemeld|verduisterd)\b/i;
const WANT_TO_REPORT_NL = /\bik\s+wil\s+(graag\s+)?(een\s+)?(misstand|fraude|integriteitsschending|ongewenst\s+gedrag|intimidatie|pesterij|pesten|discriminatie|diefstal|corruptie|melding)\s+(melden|aankaarten|doen|rapporteren)\b/i;
const STATEMENT_EN =
  /\bi\s*(am|'m|was|have\s+been|'ve\s+been)\s+(being\s+)?(bullied|harassed|intimidated|discriminated\s+against|threatened|sexually\s+harassed|assaulted)\b|\bi\s+(suspect|think|believe)\b.*\b(fraud|corruption|bribery|embezzl\w*|theft|stealing|misconduct|wrongdoing|conflict\s+of\s+interest)\b|\bi\s+want\s+to\s+report\s+(fraud|wrongdoing|bullying|harassment|misconduct|unwanted\s+behaviou?r|discrimination)\b/i;

export function isReportStatement(text: string): boolean {
  if (text.length > 500 || QUESTION.test(text)) return false;
  return UNWANTED_NL.test(text) || WRONGDOING_NL.test(text) || WANT_TO_REPORT_NL.test(text) || STATEMENT_EN.test(text);
}
