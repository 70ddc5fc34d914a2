import { isRecordsRequest } from './privacy.js';
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
  return { text, injection, recordsRequest: isRecordsRequest(raw, sentences) };
}

/**
 * Sentence and line boundaries; a question mark inside a sentence also ends it, and so does an
 * emoji in chat ("hey jij weet toch alles 😉 is die …"). A title's full stop ("Mr. Visser",
 * "dhr. Jansen") or an initial's does not; a word ending in an accented letter ("Financiën.")
 * is no initial, so the start of the abbreviation is found by letters, not by `\b` (which
 * knows only ASCII letters).
 */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\r/g, '')
    .split(/(?<=[!?;:]|(?<!(?<!\p{L})(?:\p{L}|[Mm]r|[Mm]rs|[Mm]s|[Dd]r|[Dd]hr|[Mm]evr|[Mm]w|[Ii]r|[Dd]rs|[Ii]ng|[Pp]rof|[Bb]ijv|[Nn]r|[Ss]t))\.)\s+|(?<=\p{Extended_Pictographic})\s+|\n+/u)
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
