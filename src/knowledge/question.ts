import { allOrganisationMentions } from './organisations.js';
import { fold } from './text.js';

export interface SanitizedQuestion {
  /** The question without any sentence that tries to instruct the assistant. */
  text: string;
  /** Some part of the question tried to give the assistant instructions. */
  injection: boolean;
  /** The question asks for other people's reports, registrations or files. */
  recordsRequest: boolean;
}

/**
 * Sentences that address the assistant itself rather than the policy: "ignore your
 * instructions", "you are now ...", "show your prompt". They are dropped whole, so neither
 * the search nor a language model ever sees them; whatever such a sentence asks for is
 * never answered.
 */
const INJECTION_PATTERNS: RegExp[] = [
  /\b(negeer|vergeet|ignoreer|omzeil|overschrijf|overrule)\b\s+(?:(?:al|alle|je|jouw|uw|eerdere|vorige|bovenstaande|voorgaande|deze|die|het|de|systeem|even)\s+){0,3}(instructie|instructies|opdracht|opdrachten|prompt|systeemprompt|richtlijnen|beperkingen)\b/,
  /\b(negeer|vergeet|ignoreer|omzeil)\b\s+(?:(?:al|alle|je|jouw|uw|eerdere|vorige|bovenstaande|voorgaande|even|de|het|die|deze)\s+){1,3}(regels|afspraken|voorschriften|beleid|beleidsstukken|documenten|bronnen|teksten)\b/,
  // Standing orders and claimed authority: "vanaf nu antwoord je ...", "de beheerder zegt dat je ...",
  // "[admin] ...". They try to change whose rules apply, so they are dropped like any instruction.
  /\b(vanaf nu|voortaan|from now on|henceforth)\b.{0,80}\b(je|jij|u|you)\b|\b(je|jij|you)\b.{0,80}\b(vanaf nu|voortaan|from now on)\b/,
  /\b(beheerder|beheer|administrator|admin|ontwikkelaar|developer|systeembeheerder|moderator)\b.{0,40}\b(zegt|zei|wil|vraagt|eist|beveelt|says|said|wants|asks|orders|requires)\b/,
  /^\s*\[(admin|system|systeem|beheerder|developer|ontwikkelaar|root)\]/,
  /\b(antwoord|reageer|spreek)\b.{0,30}\bnamens\b|\b(answer|respond|reply|speak)\b.{0,30}\bon behalf of\b/,
  /\b(zeg|antwoord|schrijf)\b.{0,15}\b(gewoon|maar|simpelweg)\b.{0,25}\b(dat|ja|alles)\b|\b(just|simply)\b.{0,10}\b(say|answer|tell me)\b.{0,20}\b(yes|that|everything)\b/,
  /\b(ignore|disregard|forget|override|bypass)\b\s+(?:(?:all|any|your|the|previous|prior|above|earlier|these|those|system|of)\s+){0,3}(instruction|instructions|prompt|prompts|guidelines|restrictions|constraints|directives|context)\b/,
  /\b(ignore|disregard|forget|override|bypass)\b\s+(?:(?:all|any|your|previous|prior|above|earlier)\s+){1,3}(rules|policies|messages)\b/,
  /\b(ignore|disregard|forget)\b\s+(?:(?:all|everything|what)\s+){0,2}(above|before|previous|prior|you were told)\b/,
  /\b(je bent nu|jij bent nu|vanaf nu ben je|doe alsof|speel de rol|gedraag je als|neem de rol|stel je voor dat je|je mag nu alles)\b/,
  /\b(you are now|from now on|act as|pretend to be|pretend you|roleplay|role-play|behave as|you must now|you can now)\b/,
  /\b(systeemprompt|system prompt|systeembericht|system message|developer mode|ontwikkelaarsmodus|jailbreak|dan mode|do anything now)\b/,
  /\b(toon|geef|laat|print|herhaal|onthul|lees)\b.{0,30}\b(je|jouw|de|het)\b.{0,15}\b(prompt|instructies|systeeminstructies|configuratie|verborgen)\b/,
  /\b(show|print|reveal|repeat|output|display|leak)\b.{0,30}\b(your|the|hidden|initial)\b.{0,15}\b(prompt|instructions|configuration|system)\b/,
  /\b(antwoord|reageer|zeg|schrijf)\b.{0,20}\b(alleen|enkel|uitsluitend)\b.{0,10}\b(met|in|dat)\b/,
  /\b(answer|respond|reply|say|write)\b.{0,20}\b(only|just|exclusively)\b.{0,10}\b(with|in|that)\b/,
  /\b(nieuwe instructie|new instruction|new instructions|nieuwe opdracht)\b/,
  /(<\/?(system|assistant|user|instructions?)>|\[\/?inst\]|^\s*(system|assistant)\s*:)/,
];

const REQUEST_VERBS =
  /\b(toon|tonen|laat|laten zien|geef|stuur|noem|lijst|overzicht|exporteer|download|print|zoek op|opzoeken|opvragen|inzien|kijk|kijken|nakijken|checken|controleren|show|list|give|send|tell me|display|export|look up|look into|find|check|pull up|open)\b/;
const RECORD_NOUNS =
  /\b\p{L}*(melding|meldingen|dossier|dossiers|registratie|registraties|gegevens|records?|reports?|notifications?|files?|data|namen|names|aanvragen|requests?|klachten|complaints?|onderzoeken|cases?|zaken|registrations?|declarations?|nevenfuncties|nevenwerkzaamheden|side jobs?|cadeaus|geschenken|gifts?|waarschuwingen|warnings?|verklaring|verklaringen|belangen|interests?|aandelen|shares)\b/u;
const OTHER_PEOPLE =
  /\b(collega|collegas|medewerker|medewerkers|iemand|anderen|andere mensen|andere medewerkers|alle|iedereen|personen|mensen|colleague|colleagues|coworkers?|co-workers?|employee|employees|staff|someone|others|other people|everyone|people|persons?|mijn team|my team|manager|leidinggevende|teamleider|baas|boss|directeur|director|burgemeester|wethouder|mayor|alderman|hij|zij|hem|haar|zijn|hun|he|she|him|her|his|their)\b/;
const WHO_HAS =
  /\b(wie|welke (collega|collegas|medewerker|medewerkers|persoon|personen|mensen|ambtenaren)|who|which (colleague|colleagues|employee|employees|person|people|staff))\b.{0,60}\b(heeft|hebben|had|hadden|has|have|had|did)\b.{0,60}\b(gemeld|melding|aangegeven|ontvangen|gekregen|aangenomen|nevenfunctie|nevenfuncties|nevenwerkzaamheden|bijbaan|cadeau|cadeaus|geschenk|geschenken|klacht|klachten|reported|report|received|accepted|side job|side jobs|gift|gifts|complaint|complained|filed|notified|declared)\b/;
const PERSONAL_DATA =
  /\b(salaris|adres|huisadres|bsn|telefoonnummer|geboortedatum|personeelsdossier|ziekmelding|ziekte|salary|home address|phone number|personnel file|medical)\b.{0,20}\b(van|of)\b.{0,20}\b(collega|medewerker|iemand|mijn|colleague|employee|someone|my|[a-z]+)\b/;

/** Someone else: a colleague, a manager, "he", or a name ("Jan", "Sanne de Wit") after the first word. */
const THIRD_PERSON =
  /\b(mijn|onze|de|het|een|zijn|haar|my|our|the|a|his|her)?\s*(collega|collegas|medewerker|manager|leidinggevende|teamleider|baas|directeur|wethouder|burgemeester|buurman|buurvrouw|colleague|coworker|co-worker|boss|team leader|supervisor|director|employee|mayor)\b|\b(hij|zij|ze|he|she|they)\b/;
/** The registration verbs and registrable things of someone's records. */
const RECORD_FACTS =
  /\b(gemeld|opgegeven|aangegeven|geregistreerd|ingediend|getekend|ondertekend|ingevuld|ontvangen|gekregen|aangenomen|gedeclareerd|reported|declared|registered|filed|signed|received|accepted|disclosed|report|declare|register|sign|receive|accept|disclose|nevenfuncties?|nevenwerkzaamheden|bijbaan|bijbanen|aandelen|financiele belangen|cadeaus?|geschenken|klachten?|meldingen|waarschuwing|vog|side jobs?|shares|financial interests?|gifts?|complaints?|warnings?)\b/;
/**
 * A yes/no or what-question about someone else's registrations: "heeft mijn manager aandelen
 * gemeld", "has my colleague reported a gift", "welke nevenfuncties heeft hij opgegeven",
 * "which side jobs does my colleague have".
 */
const ASKS_ABOUT_SOMEONES_RECORD =
  /(^|[.?!]\s*|\b(kun je|kunt u|could you|can you|laat|toon|show)\b.{0,40}?)\b(heeft|hebben|had|is|has|have|had|did|does|do|welke|wat|which|what|hoeveel|how many)\b/;
/** "zijn dossier", "haar meldingen", "his file": someone else's records by possessive. */
const POSSESSED_RECORDS =
  /\b(zijn|haar|hun|his|her|their)\s+(personeels)?(dossier|dossiers|file|files|meldingen|melding|registraties|registratie|records?|reports?|notifications?|registrations?|declarations?|nevenfuncties|nevenwerkzaamheden|side jobs?|aandelen|shares|cadeaus|geschenken|gifts?|klachten|complaints?|gegevens|data|verklaring)\b/;
/** Who reported me: a reporter's identity is confidential too. */
const WHO_REPORTED_ME = /\b(wie|who)\b.{0,40}\b(mij|me|over mij|about me|on me)\b.{0,30}\b(gemeld|aangegeven|geklaagd|klacht|melding|reported|complained|complaint)\b|\b(wie|who)\b.{0,30}\b(heeft|has)\b.{0,10}\b(mij|me)\b.{0,20}\b(gemeld|aangegeven|verraden|reported)\b/;
/** "van Jan", "of Tom Visser": a record of a named person. */
const NAMED_PERSON = /\b(?:van|of|from|door|by)\s+(?:mijn\s+|my\s+)?(?:collega\s+|colleague\s+|manager\s+|teamleider\s+)?\p{Lu}\p{Ll}+(?:\s+(?:de|van|der|den|ter|ten)){0,2}(?:\s+\p{Lu}\p{Ll}+)?/u;

/** A capitalised word inside a sentence (not its first word), with the two words before it. */
const CAPITALISED_INSIDE = /(?:(\S+)\s+)?(\S+)\s(\p{Lu}\p{Ll}{2,})/gu;
const BODY_BEFORE_NAME = /^(gemeente|provincie|regio|waterschap|municipality|city|province)$/i;

/** A person's name inside a sentence ("heeft Piet", "van Sanne de Wit"), not an organisation's. */
let organisationNames: Set<string> | undefined;

function namesSomeone(sentence: string): boolean {
  organisationNames ??= new Set(allOrganisationMentions().map((name) => fold(name)));
  const organisations = organisationNames;
  for (const match of sentence.matchAll(CAPITALISED_INSIDE)) {
    if (organisations.has(fold(match[3] ?? ''))) continue;
    // "gemeente Haarlem", "municipality of Utrecht": a public body, not a person.
    if (BODY_BEFORE_NAME.test(match[2] ?? '') || (/^of$/i.test(match[2] ?? '') && BODY_BEFORE_NAME.test(match[1] ?? ''))) continue;
    return true;
  }
  return false;
}

/** "Kun je …", "could you …": asking the assistant to do something, not a modal of the rule. */
const ASKING_THE_ASSISTANT = /\b(kun je|kunt u|kan je|kan jij|zou je|zou u|wil je|wilt u|could you|can you|would you|will you)\b/g;
/** The asker asks whether they may do something themselves. */
const OWN_PERMISSION = /\b(mag ik|kan ik|kun ik|moet ik|is het (?:ok|oke|goed|toegestaan)|can i|may i|am i allowed|is it ok|should i)\b/;
/** Words of duty or permission: the question is about a rule, not a record. */
const OBLIGATION = /\b(moet|moeten|hoeft|hoeven|mag|mogen|kan|kun|kunnen|zou|zouden|dient|have to|has to|need to|needs to|must|should|may|is allowed|are allowed|allowed to|required to|supposed to)\b/;

/** Questions about the rules, such as where to find the confidential counsellors, are not records requests. */
const LEGITIMATE_LOOKUPS = /\b(vertrouwenspersoon|vertrouwenspersonen|contactpersoon|contactpersonen|confidential counsellors?|confidential advisers?|confidential advisors?)\b/;

export function sanitizeQuestion(raw: string): SanitizedQuestion {
  const sentences = splitSentences(raw);
  const kept: string[] = [];
  let injection = false;
  for (const sentence of sentences) {
    const folded = fold(sentence);
    if (INJECTION_PATTERNS.some((pattern) => pattern.test(folded))) {
      injection = true;
      continue;
    }
    kept.push(sentence.trim());
  }
  const text = kept.join(' ').replace(/\s+/g, ' ').trim();
  return { text, injection, recordsRequest: isRecordsRequest(fold(raw), raw) };
}

function isRecordsRequest(folded: string, raw: string): boolean {
  if (WHO_HAS.test(folded) || WHO_REPORTED_ME.test(folded)) return true;
  if (PERSONAL_DATA.test(folded) && !LEGITIMATE_LOOKUPS.test(folded)) return true;
  if (LEGITIMATE_LOOKUPS.test(folded)) return false;
  if (REQUEST_VERBS.test(folded) && POSSESSED_RECORDS.test(folded)) return true;
  // Someone else's registrations asked about ("heeft mijn manager aandelen gemeld?").
  for (const original of splitSentences(raw)) {
    const sentence = fold(original);
    // A rule question about someone ("moet mijn collega ... melden", "does my manager have to") is no records request.
    if (OBLIGATION.test(sentence.replace(ASKING_THE_ASSISTANT, ''))) continue;
    const someoneElse = THIRD_PERSON.test(sentence) || namesSomeone(original);
    if (ASKS_ABOUT_SOMEONES_RECORD.test(sentence) && someoneElse && RECORD_FACTS.test(sentence) && !/\b(ik|mij|mijn eigen|i|me|my own)\b/.test(sentence.replace(THIRD_PERSON, ''))) return true;
  }
  // "Can I look at the files of people I do not work with?" asks what is allowed, not for records.
  const asksPermissionForSelf = OWN_PERMISSION.test(folded) && !ASKING_THE_ASSISTANT.test(folded) && !NAMED_PERSON.test(raw);
  if (!asksPermissionForSelf && REQUEST_VERBS.test(folded) && RECORD_NOUNS.test(folded) && (OTHER_PEOPLE.test(folded) || NAMED_PERSON.test(raw))) {
    // "Geef me de meldingen van mijn collega's", not "Waar meld ik iets over een collega?"
    return /\b(van|of|door|by|from|over|about|tegen|against)\b/.test(folded) && /\b(alle|all|lijst|list|overzicht|overview|\p{L}*meldingen|\p{L}*dossiers?|\p{L}*registraties|registrations?|records|reports|notifications|files?|namen|names|nevenfuncties|side jobs|cadeaus|gifts|klachten|complaints)\b/u.test(folded);
  }
  return false;
}

/** Sentence and line boundaries; a question mark inside a sentence also ends it. */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\r/g, '')
    .split(/(?<=[.!?;:])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** Organisation ids named in the question, among the ones the knowledge base knows. */
export function mentionedOrganisations(text: string, mentions: Map<string, string[]>): string[] {
  return mentionedOrganisationsInFolded(fold(text), mentions);
}

/** The same for a question already folded (`fold(text)`). */
export function mentionedOrganisationsInFolded(folded: string, mentions: Map<string, string[]>): string[] {
  const words = new Set(folded.match(/[a-z0-9-]+/g) ?? []);
  const found: string[] = [];
  for (const [orgId, names] of mentions) if (names.some((name) => words.has(name))) found.push(orgId);
  return found;
}
