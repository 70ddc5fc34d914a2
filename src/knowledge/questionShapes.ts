/**
 * What a question asks, read from its shape: permission or a duty, a way or a place, a task for the
 * assistant, an idea, a fact, another desk's service, the employer's side, private life. Each is a
 * plain predicate on the folded question (`fold` in `text.ts`); `decideScope` in `scope.ts` weighs
 * them against the themes' evidence. `readQuestionShapes` reads them all once per question (for `kb.ts`);
 * the predicates follow it, one per shape.
 */

/** What a question asks, read from its shape alone; `decideScope` in `scope.ts` weighs it against the evidence. */
export interface QuestionShapes {
  /** "Hoe stel ik … in", "how do I …": a how-to question. */
  howTo: boolean;
  /** Asks when, how long or how much (see `isLogistics`). */
  logistics: boolean;
  /** About family, friends or pets with nothing of work in it (see `isPrivateLifeOnly`). */
  privateLife: boolean;
  /** Asks the assistant to make, write or plan something (see `isTaskRequest`). */
  task: boolean;
  /** Names someone the asker meets through work: a supplier, contractor, resident, client or colleague (see `namesAWorkParty`). */
  workParty: boolean;
  /** Asks the assistant's opinion of public figures, sport or the news (see `asksOpinionOnOthers`). */
  opinion: boolean;
  /** Names integrity itself, or uses the word in another sense (see `integrityNamed`). */
  integrity: IntegrityNamed;
  /** "Wat moet ik doen", "what should I do": asks what to do, which may be for practical help. */
  whatToDo: boolean;
  /** Asks whether a rule applies all the same ("moet ik het toch melden?", see `asksDespite`). */
  despite: boolean;
  /** Names the employer, its people, clients, suppliers or cases (see `namesEmployerSide`). */
  employerSide: boolean;
  /** Asks when, what to spend, where to book or for ideas, with no outsider and no permission in it (see `asksToPlan`). */
  planning: boolean;
  /** Asks how to sign oneself up for something ("hoe meld ik me aan", see `asksToSignUp`). */
  signUp: boolean;
  /** Its only permission framing is the "kan ik" of "hoe kan ik" (see `asksOnlyAWay`). */
  wayOnly: boolean;
  /** Asks to be given something through work ("kan ik via het werk een nieuw scherm aanvragen", see `asksForAProvision`). */
  provision: boolean;
  /** Asks which present to give or buy, not whether one may be accepted (see `asksForAGiftIdea`). */
  giftIdea: boolean;
  /** Asks for another desk's service: a replacement, a resident's or relative's errand, a vacancy (see `asksAnotherDesk`). */
  otherDesk: boolean;
  /** Asks a fact about the council or the municipality (its seats, parties, aldermen, mayor or inhabitants) or when a place opens (see `asksACivicFact`). */
  civicFact: boolean;
  /** Asks everyday help with no integrity subject in it: advice on investing, a text to write, a place to pick, another desk's casework (see `asksEverydayHelp`). */
  everyday: boolean;
  /** Its only permission framing is the "kan ik" of "waar kan ik me inschrijven" (see `asksOnlyWhereToSignUp`). */
  signUpOnly: boolean;
  /** Asks whether the rules themselves exist in a language (see `asksForTheRulesInALanguage`). */
  rulesInALanguage: boolean;
  /** Standing surety for, or a loan from or to, someone the asker deals with at work (see `asksAboutAMoneyTieAtWork`). */
  moneyTie: boolean;
  /** Asks for know-how or a worked aid with no integrity subject in it: how best to do something, tips, ideas, a checklist (see `asksForKnowHow`). */
  knowHow: boolean;
  /** Asks what happens in a film, series or book, with nobody of work in it (see `asksAboutFiction`). */
  fiction: boolean;
  /** A facilities errand about work things: a broken one, where they are ordered, a pass that also works elsewhere (see `asksFacilityErrand`). */
  facilityErrand: boolean;
  /** A resident's or client's own matter passed on: what they may or must do under their own scheme (see `asksForAClientsOwnMatter`). */
  clientsMatter: boolean;
  /** Advice for the asker's own life or tools: the best tool, selling or holding investments, tips for a skill, a usual tip (see `asksForPersonalAdvice`). */
  personalAdvice: boolean;
  /** Asks the layout of a text the asker is to write (see `asksForATextLayout`). */
  textLayout: boolean;
  /** Asks how a framework of casework or law works for a case, with the asker's own conduct nowhere at stake (see `asksHowAFrameworkWorks`). */
  framework: boolean;
}

/**
 * Every shape of a question, read once. `folded` is the question after `fold`; `namesAnEmployer` says
 * whether it names an employer of the library, asked only of a question about private life.
 */
export function readQuestionShapes(folded: string, namesAnEmployer: () => boolean): QuestionShapes {
  return {
    howTo: isHowTo(folded),
    logistics: isLogistics(folded),
    privateLife: isPrivateLifeOnly(folded, namesAnEmployer) || isACouplesOwnMatter(folded),
    task: isTaskRequest(folded),
    opinion: asksOpinionOnOthers(folded),
    workParty: namesAWorkParty(folded),
    integrity: integrityNamed(folded),
    despite: asksDespite(folded),
    whatToDo: asksWhatToDo(folded),
    employerSide: namesEmployerSide(folded),
    planning: asksToPlan(folded),
    signUp: asksToSignUp(folded),
    wayOnly: asksOnlyAWay(folded),
    provision: asksForAProvision(folded),
    giftIdea: asksForAGiftIdea(folded),
    otherDesk: asksAnotherDesk(folded),
    civicFact: asksACivicFact(folded),
    everyday: asksEverydayHelp(folded),
    signUpOnly: asksOnlyWhereToSignUp(folded),
    moneyTie: asksAboutAMoneyTieAtWork(folded),
    rulesInALanguage: asksForTheRulesInALanguage(folded),
    knowHow: asksForKnowHow(folded),
    fiction: asksAboutFiction(folded),
    facilityErrand: asksFacilityErrand(folded),
    clientsMatter: asksForAClientsOwnMatter(folded),
    personalAdvice: asksForPersonalAdvice(folded),
    textLayout: asksForATextLayout(folded),
    framework: asksHowAFrameworkWorks(folded),
  };
}

/**
 * A question asking permission or what to do: "mag ik", "is het ok als", "kan ik", "moet ik",
 * "can I", "am I allowed". `folded` is the question after `fold`.
 */
const PERMISSION_FRAMED =
  /\b(krijg ik (?:daar )?problemen|kom ik in de problemen|mag ik|mag je|mag dat|mag het|mag zoiets|mogen wij|mogen we|moet ik|moet je|hoef ik|kan ik|kun ik|kan dat|kan het|is het (?:ok|oke|goed|erg|toegestaan|verboden|een probleem|gepast|slim|verstandig|netjes)|is (?:dat|zoiets) (?:ok|oke|goed|erg|toegestaan|verboden|een probleem|gepast|slim|verstandig|netjes)|is het wel|(?:geldt|gelden) (?:dat|dit|het|die|deze|zo'?n) (?:\w+ )?(?:ook )?(?:voor mij|voor ons)|(?:does|do) (?:that|this|it|these|those|the) (?:\w+ )?(?:also )?apply to (?:me|us)|vind (?:je|jij|u) het (?:\w+ )?(?:ok|oke|goed|gepast|integer|netjes|erg|verstandig|een probleem) (?:om|als|dat)|wat moet ik doen|wat kan ik doen|wat doe ik|hoe (?:ga|moet) ik (?:daar|hier|er) ?mee om(?:gaan)?|hoe (?:ga|moet) ik om met|wat zijn de regels|what are the rules|how (?:do|should) i (?:deal|handle|cope) with|hoe zit (?:het|dat|dit) met|(?:zijn|gelden|bestaan) (?:er|daar)(?: \w+){0,3} regels|is er een regel|staat er (?:iets|wat) (?:over )?in (?:het|de|ons|onze) (?:beleid|gedragscode|regels|regeling|integriteitsbeleid)|wat zegt (?:het|de|ons|onze) (?:beleid|gedragscode|regeling|integriteitsbeleid)|what does (?:the|our) (?:policy|code|code of conduct) say|are there (?:any )?rules|is there a rule|may i|can i|could i|am i allowed|may we|can we|are we allowed|should we|do we have to|is it ok|is it okay|is it allowed|(?:is|would) (?:it|that|this) (?:be )?a problem|is that ok|is that okay|is this ok|is this okay|is that allowed|(?:dat|dit|het) doet iedereen(?: toch| ook)?|iedereen doet (?:dat|dit|het)|everybody does (?:it|that)|everyone does (?:it|that)|should i|do i have to|do i need to|must i|am i supposed to|what should i do|moeten we|moeten wij|what can i do|will i get in trouble|can i get in trouble)\b/;

export function isPermissionFramed(folded: string): boolean {
  return PERMISSION_FRAMED.test(folded);
}

/**
 * Permission or a duty asked for someone else: "mag hij die houden?", "moet zij het melden?", "is
 * she allowed to". Kept apart from `isPermissionFramed`: it is no question about the asker's own
 * conduct, so it does not bring a family member's question back into scope (`isPrivateLifeOnly`).
 */
const PERMISSION_FOR_ANOTHER =
  /\b(?:mag|mogen|moet|moeten|hoeft|hoeven) (?:ze|zij|hij)\b|\b(?:is|are) (?:he|she|they) allowed\b|\b(?:may|can|should|must) (?:he|she|they)\b|\b(?:does|do) (?:he|she|they) (?:have|need) to\b/;

/** Whether the question asks what someone else may or must do. `folded` is the question after `fold`. */
export function asksPermissionForAnother(folded: string): boolean {
  return PERMISSION_FOR_ANOTHER.test(folded);
}

/** "Hoe kan ik", "hoe kun ik": the "kan ik" of a way. */
const A_WAY = /\bhoe (?:kan|kun) ik\b/g;

/**
 * Permission framed only by the "kan ik" of "hoe kan ik": asks for a way ("hoe kan ik een bericht
 * inplannen"), which beside an off-topic subject is no permission question; a step of an integrity
 * process is ("hoe kan ik het cadeau melden als het formulier een foutmelding geeft"). `folded` is
 * the question after `fold`.
 */
export function asksOnlyAWay(folded: string): boolean {
  return PERMISSION_FRAMED.test(folded) && !PERMISSION_FRAMED.test(folded.replace(A_WAY, ' ')) && !PROCESS_STEP.test(folded);
}

/**
 * Asking to be given something through work: "kan ik via het werk een nieuw scherm aanvragen", "could I
 * get an extra monitor through work". Beside an off-topic subject (a chair, a bike scheme, a screen) and
 * with no clear integrity word it is a question for the facilities desk or HR, not a permission question.
 */
const PROVISION =
  /\b(?:kan|kun) (?:ik|je|we|wij) (?:\p{L}+ ){0,4}?via (?:de gemeente|het werk|mijn werk|de zaak|mijn werkgever|de werkgever|de organisatie|hr|p&o)\b(?: [\p{L}-]+){0,5}? (?:krijgen|kopen|aanvragen|bestellen|leasen|vergoed)\b|\b(?:can|could|may) (?:i|we) (?:get|have|order|request) (?:\p{L}+ ){0,4}?(?:for (?:my|our) home office|for working from home|through work|via work|from work|from the (?:municipality|council|employer))\b/u;

/** Whether the question asks to be given something through work. `folded` is the question after `fold`. */
export function asksForAProvision(folded: string): boolean {
  return PROVISION.test(folded);
}

const HOW_TO = /\b(hoe (?:kan|moet|doe|voer|motiveer|begeleid|coach|stel|zet|krijg|verbind|koppel|installeer|reset|reserveer|vraag|regel|maak|boek|kom|zie|vind|open|gebruik|activeer|download|bestel|verschuif|verplaats|blokkeer|verwijder|wijzig|verander|herstel|print|scan|strijk|kook|bak|sla|log|schrijf|dien|hou|houd|vul) (?:ik|je)|how (?:do|can|should|would) (?:i|we)|how to)\b/;
/** A how-to about a step of an integrity process is a process question: "hoe vraag ik toestemming". */
// Dutch splits some of these verbs: "hoe vraag ik dat aan", "hoe meld ik het aan", "hoe geef ik dat op".
const PROCESS_STEP = /\b(toestemming|goedkeuring|melden|meld|melding|aanvragen|permission|approval|report|declare|register)\b|\b(?:vraag|meld|geef)(?: \p{L}+){0,3} (?:aan|op)\b/u;

const INTEGRITY_ITSELF = /\b(integriteit|integriteitsbeleid|integrity)\b/;
/** The word as a word ("the difference between 'integrity' and …", a translation) or a check of data ("verify the integrity of an export"). */
const INTEGRITY_IN_ANOTHER_SENSE = /\b(?:difference|verschil|translat\p{L}*|vertal\p{L}*|spell\p{L}*|spelling|synonym\p{L}*|synoniem\p{L}*)\b.{0,30}\bintegri|\b(?:verify|verifying|check|checking|checksums?|validate|controleer|controleren|verifieer|verifiëren)\b.{0,30}\bintegri/u;

export type IntegrityNamed = 'itself' | 'another-sense' | 'no';

/**
 * Whether the question names integrity itself ("naar integriteit gekeken", "what does integrity
 * mean here") or uses the word in another sense. `folded` is the question after `fold`.
 */
export function integrityNamed(folded: string): IntegrityNamed {
  if (!INTEGRITY_ITSELF.test(folded)) return 'no';
  return INTEGRITY_IN_ANOTHER_SENSE.test(folded) ? 'another-sense' : 'itself';
}

const WHAT_TO_DO = /\b(wat (?:moet|kan|zal) ik (?:nu |dan |daar |hier )?(?:aan )?doen|wat nu|what (?:should|can|do) i do|what now|hoe (?:ga|moet) ik (?:daar|hier|er) ?mee om(?:gaan)?|how (?:do|should) i (?:deal|handle|cope) with)\b/;

/** Asks what to do. `folded` is the question after `fold`. */
export function asksWhatToDo(folded: string): boolean {
  return WHAT_TO_DO.test(folded);
}

/** "Toch", "alsnog", "anyway", "still": whether a rule applies all the same. */
const DESPITE = /\b(toch|alsnog|anyway|still|nevertheless|even so|all the same)\b/;

/** Asks whether something applies all the same. `folded` is the question after `fold`. */
export function asksDespite(folded: string): boolean {
  return DESPITE.test(folded);
}

/** The employer's side: the employer, its people and officials, clients and suppliers, the workplace, its cases, systems and decisions. */
const EMPLOYER_SIDE =
  /\b(werkgever\p{L}*|leidinggevende\p{L}*|manager|baas|teamleider|directeur|collega\p{L}*|wethouder\p{L}*|raadslid|raadsleden|burgemeester|gemeentesecretaris|griffier|alderman|mayor|councillor\p{L}*|hr|p&o|personeelszaken|gemeente\p{L}*|organisatie|afdeling\p{L}*|mijn team|ons team|werk|werk\p{L}+|van de zaak|op kantoor|leverancier\p{L}*|aannemer\p{L}*|inwoner\p{L}*|burger\p{L}*|klant\p{L}*|client\p{L}*|balie|\p{L}*aanvraag|\p{L}*vergunning\p{L}*|aanbested\p{L}*|offerte\p{L}*|besluit|\p{L}*dossier\p{L}*|(?:het|ons|in het) systeem|dienst\p{L}*|ambt\p{L}*|employer|municipal|(?:the|our|in the) system|boss|supervisor|colleague\p{L}*|at work|from work|for work|my work|work (?:laptop|phone|car|van|email|account)|company (?:laptop|phone|car|van|card)|the office|working hours|municipality|council|department|supplier\p{L}*|contractor\p{L}*|resident\p{L}*|customer\p{L}*|permit\p{L}*|tender\p{L}*|application)\b/u;

/** A school named: "de basisschool", "op school", "high school". */
const SCHOOL = /\b(?:\p{L}*school|scholen|klas|klasgenot\p{L}*|schoolplein|school|classmates?)\b/u;
/** A school's staff, whose "directeur" is the school's, not the asker's employer. */
const SCHOOL_STAFF = /\b(?:juf|juffrouw|meester|leerkracht\p{L}*|mentor|directeur|directrice|rector|conrector|teacher|headteacher|head teacher|principal)\b/gu;

/** Whether the question names the employer's side. `folded` is the question after `fold`. */
export function namesEmployerSide(folded: string): boolean {
  // "Bij de juf of bij de directeur?" about a child's school names no one of the asker's work;
  // "als ze werken in hun schuur" is the neighbours' work, not the asker's; "bij de politie of bij de
  // gemeente?" is a resident's choice of authority, not the asker's employer.
  // "Hoe werkt dat met de kilometerheffing?" asks how something functions, which names no work.
  const own = folded.replace(SOMEONE_ELSES_WORK, ' ').replace(AUTHORITY_CHOICE, ' ').replace(HOW_IT_WORKS, ' ');
  return EMPLOYER_SIDE.test(SCHOOL.test(own) ? own.replace(SCHOOL_STAFF, ' ') : own);
}

/**
 * The police or the municipality as the authorities a resident chooses between ("bel ik de politie of
 * de gemeente?", "the council or the police"): the municipality as a public service.
 */
const AUTHORITY_CHOICE =
  /\b(?:politie|police|wijkagent)\b(?:\s+[\p{L}']+){0,8}?\s+(?:of|or)\s+(?:[\p{L}']+\s+){0,5}?(?:gemeente|municipality|council)\b|\b(?:gemeente|municipality|council)\b(?:\s+[\p{L}']+){0,3}?\s+(?:of|or)\s+(?:[\p{L}']+\s+){0,3}?(?:politie|police|wijkagent)\b/gu;

/** "Hoe werkt dat", "zo werkt het", "how does that work": how something functions, no work of the asker's. */
const HOW_IT_WORKS = /\b(?:hoe|zo|zoals) (?:werkt|werken) (?:dat|het|dit|zoiets|t|die|deze)\b|\bhow (?:does|do) (?:that|it|this|these|those) work\b/g;
/** "Als ze werken", "hij werkt thuis", "she works nights": someone else working, which names no employer by itself. */
const SOMEONE_ELSES_WORK = /\b(?:hij|zij|ze|he|she|they) (?:\p{L}+ )?(?:werkt|werken|werkte|works|worked|working)\b/gu;

/** A how-to question: "hoe stel ik dit in", "how do I …". `folded` is the question after `fold`. */
export function isHowTo(folded: string): boolean {
  return HOW_TO.test(folded) && !PROCESS_STEP.test(folded);
}

/** People and animals of one's private life ("mijn zoon", "my 16-year-old", "onze kat", "een vriend van me", "mijn beste vriendin", "de auto van een vriend"; relatives by marriage, step- and grandchildren too: "mijn zwager", "my in-laws"). */
const PRIVATE_LIFE =
  /\b(?:a|an|een) \d+[- ]?(?:jarige|year[- ]old)\b|\b(?:een|a) (?:vriend|vriendin|kennis|friend) (?:van (?:me|mij)|of mine)\b|\b(?:van|of) (?:een|a) (?:vriend|vriendin|friend)\b|\b(?:mijn|mn|mijn eigen|onze|ons|my|our)\s+(?:\d+[- ]?(?:jarige|year[- ]old)\s+)?(?:(?:beste|oudste|jongste|kleine|lieve|goede|best|oldest|eldest|youngest|little|dear|good)\s+)?(familie|schoonfamilie|schoonzus|schoonzussen|schoonzusje|zwager|zwagers|schoonbroer|schoonzoon|schoondochter|stiefvader|stiefmoeder|stiefzoon|stiefdochter|kleinkind|kleinkinderen|kleinzoon|kleindochter|petekind|peetkind|in-laws|sister-in-law|brother-in-law|mother-in-law|father-in-law|son-in-law|daughter-in-law|stepfather|stepmother|stepson|stepdaughter|grandchild|grandchildren|grandson|granddaughter|godchild|dochter|dochters|zoon|zoons|zonen|kind|kinderen|kids|tiener|puber|moeder|vader|ma|pa|mama|papa|schoonmoeder|schoonvader|schoonouders|ouders|oma|opa|broer|broertje|zus|zusje|zussen|neef|nicht|tante|oom|buurman|buurvrouw|buren|kat|katten|poes|hond|honden|huisdier|vriend|vriendin|vrienden|vriendje|daughter|daughters|son|sons|kid|kids|children|child|teenager|teen|mother|mom|mum|father|dad|parents|grandma|grandmother|grandpa|grandfather|brother|sister|aunt|uncle|cousin|neighbour|neighbours|neighbor|neighbors|cat|dog|pet|friend|friends|\d+[- ]year[- ]old)\b/;
/** Anything of work: the job, colleagues, the employer, its clients, suppliers and decisions, or an integrity subject named ("de schijn van belangenverstrengeling als mijn zwager meedingt"). */
const WORK_CONTEXT =
  /\b(werk|werkgever|werkplek|werktijd|werkuren|op het werk|mijn baan|mijn functie|functie|collega\p{L}*|gemeente\p{L}*|afdeling\p{L}*|organisatie|leidinggevende\p{L}*|manager\p{L}*|baas|directeur|teamleider|leverancier\p{L}*|aannemer\p{L}*|opdrachtnemer\p{L}*|bieder\p{L}*|inwoner\p{L}*|klant\p{L}*|client\p{L}*|\p{L}*aanvraag|\p{L}*vergunning\p{L}*|\p{L}*subsidie\p{L}*|\p{L}*overleg\p{L}*|\p{L}*zaak|\p{L}*dossier\p{L}*|systeem|system|opdracht\p{L}*|aanbested\p{L}*|offerte\p{L}*|sollicit\p{L}*|kandida\p{L}*|candidate\p{L}*|applicant\p{L}*|werving\p{L}*|recruit\p{L}*|hiring|in dienst|dienst|ambt\p{L}*|bij ons|kantoor|raad|raadslid|wethouder\p{L}*|burgemeester|mijn team|ons team|nevenfunctie\p{L}*|nevenwerk\p{L}*|melden|gemeld|melding|advies|advice|contract|contracts|bid|bidding|inschrijving|werkt hier|werken hier|hier werkt|works here|work here|hetzelfde team|dezelfde afdeling|mijn afdeling|the same team|the same department|work|at work|job at the|my job|employer|colleague\p{L}*|council|municipality|office|supplier\p{L}*|contractor\p{L}*|bidder\p{L}*|resident\p{L}*|permit\p{L}*|tender\p{L}*|department|my boss|my team|apply for|report|declare|belangenverstrengel\p{L}*|belangenconflict\p{L}*|conflicts? of interest|meeding\p{L}*|meedingt|integriteit\p{L}*|integrity)\b/u;
/**
 * Work that is not the asker's: "(ze) werkt niet bij de gemeente", "has nothing to do with work",
 * "is he allowed to work" (the son's job, not the asker's).
 */
const NOT_THE_ASKERS_WORK =
  /\b(?:werkt|werken|works?) (?:niet|nooit|not|never) (?:bij|voor|op|at|for|in) (?:de |het |the |onze |our )?\p{L}+|\b(?:doesn't|doesnt|does not|don't|dont|do not) work (?:at|for|in) (?:the |our )?\p{L}+|\b(?:geen collega|not a colleague)\b|\b(?:niets|niks) met (?:mijn |het )?werk te maken\b|\bnothing to do with (?:my )?work\b|\b(?:he|she|they)\b(?: \p{L}+){0,3} (?:to )?work\b(?! (?:here|at|for|with|in)\b)/gu;
/** Someone of one's private life working for an employer other than ours ("werkt bij een bank", "works for an insurer"). */
const WORKS_ELSEWHERE =
  /\b(?:werkt|werken|werkte|works|worked) (?:al \p{L}+ )?(?:bij|voor|at|for) (?:de |het |een |the |a |an )?(?!(?:gemeente\p{L}*|ons|onze|jullie|our|us|you|municipality|council|mij|me)\b)\p{L}+/u;
/** The asker, our organisation or its people. */
const OUR_SIDE =
  /\b(?:ik|mij|me|we|wij|ons|onze|i|our|us|gemeente\p{L}*|municipality|council|collega\p{L}*|colleague\p{L}*|leidinggevende\p{L}*|manager|baas|boss|wethouder\p{L}*|burgemeester|afdeling\p{L}*|department)\b/u;
/** The asker or their team in the question ("wil mij een etentje aanbieden"). */
const ASKER = /\b(ik|i|we|wij|mij|me)\b/;

/**
 * A question about family, friends or pets with nothing of work in it: "mijn zoon wil een
 * bijbaantje als vakkenvuller", "wat is een leuk cadeau voor mn vader", "onze kat pest de hond".
 * Not when the asker asks about their own conduct ("mijn partner heeft aandelen, moet ik dat
 * melden?"), nor when it names an employer of the library (`namesAnEmployer`, asked only then). `folded` is the
 * question after `fold`.
 */
export function isPrivateLifeOnly(folded: string, namesAnEmployer: () => boolean): boolean {
  if (!PRIVATE_LIFE.test(folded) || namesAnEmployer()) return false;
  // "Mijn buurvrouw werkt bij een bank en krijgt kerstpakketten van klanten": the clients are her
  // employer's, when neither the asker nor anyone of our side is in the question.
  const elsewhere = WORKS_ELSEWHERE.test(folded) && !OUR_SIDE.test(folded);
  if (!elsewhere && WORK_CONTEXT.test(folded.replace(NOT_THE_ASKERS_WORK, ' '))) return false;
  // "Is het ok als ik naar huis bel omdat mijn kind ziek is?": the asker's own conduct at stake
  // ("hoe kan ik mn kids …" asks for a way, "hoeveel moet ik betalen" for a sum, not for permission).
  return !(isPermissionFramed(folded.replace(A_WAY_OR_A_SUM, ' ')) && ASKER.test(folded));
}

/**
 * "Hoe kan ik", "hoeveel … moet ik betalen", "how much do I have to pay": a way or a sum; "wat kan ik
 * ertegen doen" a remedy, "moet ik er iets over zeggen?" a word to a relative, "wat voor cadeau kan ik
 * kopen" an idea: none asks a permission.
 */
const A_WAY_OR_A_SUM = /\bhoe (?:kan|kun) ik\b|\bwat (?:kan|kun|moet) (?:ik|we|wij) (?:er |daar |hier )?(?:\p{L}+ )?(?:daartegen|ertegen|hiertegen|tegen|daaraan|eraan|hieraan|aan) doen\b|\bwhat can (?:i|we) do about\b|\b(?:moet|kan|zal) ik (?:daar |er |hier |het )?(?:iets |wat )?(?:van |over )?(?:zeggen|vertellen)(?: tegen (?:hem|haar|hen))?\s*\?|\bwat voor (?:\p{L}+ ){0,2}?(?:kan|kun|moet|zal) (?:ik|we|wij)\b|\bhoeveel (?:\p{L}+ ){0,3}?(?:moet|moeten) (?:ik|we|wij)(?: \p{L}+)? (?:betalen|kwijt)\b|\bhow much (?:\p{L}+ ){0,3}?(?:do|will|would|must|should) (?:i|we) (?:have to |need to )?pay\b/gu;

/**
 * Asking the assistant to produce something ("kun je een contentkalender maken", "write me a poem");
 * an opening verb is a command, not the asker's own habit ("ik schrijf altijd …").
 */
const TASK_REQUEST =
  /\b(?:(?:kun|kan|wil|zou) (?:je|jij|u)|kunt u|wilt u|(?:can|could|would|will) you|please|help (?:me|mij|ons|us))\b(?: [\p{L}\d][\p{L}\d-]*){0,8}? (maken|schrijven|opstellen|vertalen|samenvatten|nakijken|corrigeren|proeflezen|proofread|bedenken|verzinnen|plannen|prioriteren|organiseren|reserveren|boeken|sturen|mailen|regelen|zoeken|opzoeken|uitrekenen|berekenen|omzetten|herschrijven|uitwerken|formuleren|write|draft|make|create|translate|summari[sz]e|suggest|recommend|plan|prioriti[sz]e|organi[sz]e|book|send|email|calculate|come up with|rewrite|convert|turn)\b|^(?:(?!(?:ik|i|we|wij)\b)\p{L}+ ){0,2}(?:schrijf|maak|vertaal|stuur|mail|bedenk|verzin|plan|boek|write|draft|translate|summari[sz]e|suggest|recommend|send|email)\b/u;
/** What would make such a request about the rules after all ("kun je de regels samenvatten"). */
const ABOUT_THE_RULES =
  /\b(regel|regels|regeling|beleid|gedragscode|code|integriteit\p{L}*|integer|mag|mogen|toegestaan|verboden|melden|melding|meldplicht|rules?|policy|code of conduct|integrity|allowed|report)\b/u;

/** Where a request starts to say what the text should hold ("een mail waarin ik vraag of ik thuis mag werken"). */
const CONTENT_OF_THE_TASK = /\b(?:waarin|waarmee|in which|asking (?:whether|if)|om te vragen)\b/;
/** After the request's verb, a colon or a quotation mark starts the text to work on ("translate into English: …"). */
const TEXT_TO_WORK_ON = /:|["“”„«»]/;

/**
 * A question about words themselves: "het verschil tussen X en Y in het Engels", "hoe zeg je X in
 * het Nederlands", "the Dutch word for X". A language job, whatever the words are.
 */
const ABOUT_WORDS =
  /\b(?:verschil tussen|difference between|hoe zeg je|how do you say)\b.{0,60}\b(?:in het (?:engels|nederlands|duits|frans)|in (?:english|dutch|german|french))\b|\b(?:engelse|nederlandse) (?:vertaling|woord|term)\b|\b(?:english|dutch) (?:word|term|translation) (?:for|of)\b/;

const LANGUAGE = '(?:engels|nederlands|duits|frans|pools|spaans|turks|arabisch|italiaans|portugees|roemeens|bulgaars|oekraiens|russisch|english|dutch|german|french|polish|spanish|turkish|arabic|italian|portuguese|romanian|bulgarian|ukrainian|russian)';
/**
 * A translation into a language ("vertaal deze termen in het Turks", "translate … into
 * Spanish"): a language job, of rule words too when they are named as words ("het woord …"); not the
 * rules themselves ("translate the rules on gifts"), "vertaald" (whether a text exists in a language)
 * or a permission question ("mag ik stukken laten vertalen").
 */
const TRANSLATION = new RegExp(`\\b(?:vertalen|vertaal|vertaling|translate|translation)\\b.{0,80}?\\b(?:naar|in|into|to) (?:het )?${LANGUAGE}\\b|\\b(?:naar|in|into) (?:het )?${LANGUAGE}\\b.{0,20}?\\b(?:vertalen|vertaal|translate)\\b`);
/** Words named as words ("het woord …", "de termen …", "the words …"): translating them is a language job even when they are rule words. */
const WORDS_AS_WORDS = /\b(?:het woord|de woorden|de term|de termen|deze woorden|deze termen|the word|the words|the term|the terms|these words|these terms)\b/;
/**
 * Where a saying comes from ("waar komt het gezegde … vandaan", "the origin of the proverb …"):
 * a question about words. Its meaning is not: "wat betekent de uitdrukking 'schijn van
 * belangenverstrengeling'" may ask what the rules mean.
 */
const ORIGIN_OF_A_SAYING =
  /\b(?:uitdrukking|gezegde|spreekwoord|zegswijze|expression|saying|idiom|proverb)\b.{0,80}\b(?:vandaan|come from|comes from|originate\p{L}*)\b|\b(?:herkomst|oorsprong|origins?|etymolog\p{L}*) (?:van|of) (?:de|het|die|dat|the|this|that) (?:uitdrukking|gezegde|spreekwoord|zegswijze|expression|saying|idiom|proverb)\b/u;

/** The rules themselves as a text ("de gedragscode", "the integrity rules", "our policy"). */
const THE_RULES_AS_A_TEXT =
  /\b(?:gedragscode|integriteitsbeleid|integriteitsregels|integriteitscode|regels|regeling|beleid|code of conduct|integrity (?:rules|policy|code)|rules|policy)\b/;
/** A text in a language: translated, a translation or version in it, available in it. */
const IN_A_LANGUAGE = new RegExp(
  `\\b(?:vertaald|vertaling|translated|translation|versie|version)\\b.{0,60}?\\b(?:naar|in|into) (?:het )?${LANGUAGE}\\b|\\b(?:naar|in|into) (?:het )?${LANGUAGE}\\b.{0,20}?\\b(?:vertaald|translated)\\b|\\b(?:engelse|duitse|franse|poolse|spaanse|turkse|arabische|english|german|french|polish|spanish|turkish|arabic) (?:vertaling|versie|translation|version)\\b|\\b(?:beschikbaar|verkrijgbaar|te krijgen|available) in (?:het )?${LANGUAGE}\\b`,
);

/**
 * Asks whether the rules themselves exist in a language ("is de gedragscode naar het Engels vertaald",
 * "an English translation of the code of conduct"): a question about the policies as documents, not a
 * translation job (words named as words still are). `folded` is the question after `fold`.
 */
export function asksForTheRulesInALanguage(folded: string): boolean {
  return IN_A_LANGUAGE.test(folded) && THE_RULES_AS_A_TEXT.test(folded) && !WORDS_AS_WORDS.test(folded);
}

/**
 * A text asked of the assistant without a verb of making it: "heb je een passende zin voor …", "weet je een
 * leuk gedichtje", "do you have a nice line for the card". The same job as "kun je een tekst schrijven".
 */
const TEXT_ASKED =
  /\b(?:heb|hebt|weet) (?:je|jij|u) (?:nog |misschien )?(?:een |wat )?(?:mooie?|leuke?|goede?|passende?|korte?|originele?|gepaste?|warme?|feestelijke?|nette?) (?:tekst\p{L}*|zin\p{L}*|gedicht\p{L}*|versje\p{L}*|quote|woorden|speech|toespraak|openingszin|slotzin|felicitatie\p{L}*)\b|\b(?:do you have|have you got|got|any) (?:a |an |some )?(?:nice|good|fitting|short|warm|festive|suitable) (?:text|line|lines|poem|quote|words|wording|speech|message)\b/u;

/** A job for the assistant other than explaining the rules. `folded` is the question after `fold`. */
export function isTaskRequest(folded: string): boolean {
  if (TEXT_ASKED.test(folded) && !ABOUT_THE_RULES.test(folded)) return true;
  if (ABOUT_WORDS.test(folded) && !asksForTheRulesInALanguage(folded)) return true;
  if (TRANSLATION.test(folded) && !isPermissionFramed(folded) && (WORDS_AS_WORDS.test(folded) || !ABOUT_THE_RULES.test(folded))) return true;
  if (ORIGIN_OF_A_SAYING.test(folded) && !ABOUT_THE_RULES.test(folded)) return true;
  const request = TASK_REQUEST.exec(folded);
  if (!request) return false;
  // A rule word in what the text should say is the task's content, not a question about the rules.
  const verbEnd = request.index + request[0].length;
  const cut = folded.slice(verbEnd).search(TEXT_TO_WORK_ON);
  const asked = cut < 0 ? folded : folded.slice(0, verbEnd + cut);
  return !ABOUT_THE_RULES.test(asked.split(CONTENT_OF_THE_TASK)[0]!);
}

/** Asking for ideas ("wat is een leuk …", "what's a nice …"), the custom ("hoe regelen we dat"), an amount to spend, where to book it or how to sign up. */
const PLANNING_ASK =
  /\bwat (?:is|zijn) (?:een )?(?:leuke?|goede?|originele?)\b|\bhoe (?:regelen|doen) (?:we|wij) (?:dat|het)\b|\bhow do we (?:usually |normally )?(?:do|arrange|handle) (?:that|it|this)\b|\bwhat(?:s| is| are) (?:a )?(?:nice|good|fun)\b|\b(tips?|idee|ideeen|ideetjes|budget|bijdragen|bijdrage|inleggen|per persoon|suggesties?|suggestions?|ideas?|normaal bedrag|gebruikelijk bedrag|redelijk bedrag|hoeveel (?:geld|euro)|how much (?:money|should|do)|usual amount|kostenplaats\p{L}*|cost cent(?:re|er)s?|aanmelden|inschrijven|opgeven|sign up|register for|uitgedeeld|uitdelen|handed out)\b/u;
/** Someone outside the organisation who gives, pays or invites. */
const OUTSIDER =
  /\b(leverancier\p{L}*|aannemer\p{L}*|inwoner\p{L}*|burger\p{L}*|klant\p{L}*|client\p{L}*|relatie\p{L}*|zakenrelatie\p{L}*|bedrijf|bedrijven|extern\p{L}*|opdrachtnemer\p{L}*|supplier\p{L}*|contractor\p{L}*|vendor\p{L}*|resident\p{L}*|customer\p{L}*|business partner\p{L}*|compan(?:y|ies)|external)\b/u;
/** A colleague, or someone from outside the organisation the asker deals with at work. */
const COLLEAGUE = /\b(?:collega\p{L}*|teamgeno\p{L}*|colleague\p{L}*|coworkers?|co-workers?|teammates?)\b/u;

/** Whether the question names a supplier, contractor, resident, client or colleague. `folded` is the question after `fold`. */
export function namesAWorkParty(folded: string): boolean {
  return OUTSIDER.test(folded) || COLLEAGUE.test(folded);
}

/** Whether something may be done or accepted. */
const ALLOWED = /\b(mag|mogen|mocht|toegestaan|verboden|aannemen|accepteren|melden|allowed|may|permitted|accept|report)\b/;

/**
 * Asks when, what to spend, where to book or for ideas ("wat is een normaal bedrag", "heb je tips",
 * "op welke kostenplaats"), with nobody from outside in it and without asking whether something
 * may be done. `folded` is the question after `fold`.
 */
export function asksToPlan(folded: string): boolean {
  return (LOGISTICS.test(folded) || PLANNING_ASK.test(folded)) && !OUTSIDER.test(folded) && !ALLOWED.test(folded);
}

/** Which present to give or buy ("welke cadeaus geef je …", "wat voor kado koop ik"), or a nice one for someone ("a nice present for my sister"). */
const GIFT_IDEA =
  /\b(?:welk|welke|wat voor(?: een)?|what|which)\s+(?:\p{L}+\s+)?(?:cadeau\p{L}*|kado\p{L}*|geschenk\p{L}*|presentje\p{L}*|gifts?|presents?)\b(?:\s+\p{L}+){0,4}?\s+(?:geven|kopen|geef|koop|geeft|koopt|give|buy|get)\b|\b(?:leuke?|goede?|originele?|mooie?|good|nice|great|lovely|original)\s+(?:\p{L}+\s+)?(?:cadeau\p{L}*|kado\p{L}*|geschenk\p{L}*|gift|present)\s+(?:voor|for)\b/u;
/**
 * What makes a present a question for the rules: whether it may be accepted, kept or must be reported,
 * whether it is proper, one received or offered, or one for an official or politician (who may not
 * take it).
 */
const GIFT_RULE =
  /\b(mag|mogen|mocht|toegestaan|verboden|aannemen|accepteren|houden|melden|registreren|aangeven|gepast|ongepast|passend|netjes|regels?|regeling|beleid|gedragscode|kreeg|gekregen|gaf|gegeven|ontvangen|ontving|biedt|bood|aangeboden|wethouder\p{L}*|burgemeester|raadslid|raadsleden|ambtenaar|ambtenaren|bestuurder\p{L}*|allowed|may|permitted|accept|keep|report|register|declare|appropriate|inappropriate|proper|acceptable|rules?|policy|code|received|got|gave|given|offered|offers|alderm[ae]n|mayor|councillors?|officials?|civil servants?)\b/u;

/**
 * Asks which present to give or buy ("wat voor kado koop ik voor …", "a nice present for my
 * brother"), with nobody from outside in it and no rule, permission or present received. `folded` is the
 * question after `fold`.
 */
export function asksForAGiftIdea(folded: string): boolean {
  return (GIFT_IDEA.test(folded) || (A_PRESENT.test(folded) && A_SHOP_TIP.test(folded))) && !OUTSIDER.test(folded) && !GIFT_RULE.test(folded);
}

/** A present named ("een cadeaubon", "a gift"). */
const A_PRESENT = /\b(?:cadeau\p{L}*|kado\p{L}*|geschenk\p{L}*|presentje\p{L}*|gifts?|presents?|gift cards?|gift vouchers?)\b/u;
/** A shop asked for ("wat is een leuke winkel", "a good shop for", "waar koop ik"): where to buy the present. */
const A_SHOP_TIP =
  /\b(?:leuke?|goede?|originele?|nice|good|great)\s+(?:\p{L}+\s+)?(?:winkel\p{L}*|zaak|zaakje|webshop|shop|store|boutique)\b|\bwaar (?:koop|haal|bestel) ik\b|\bwhere (?:can|do|should) i (?:buy|get|order)\b/u;

/**
 * Another organisation's own rules, named by whose they are rather than by name: "de regels bij
 * haar werkgever", "their own internal rules", "hoe is dat bij hen geregeld".
 */
const THEIR_RULES =
  /\b(?:regels|regeling|beleid|gedragscode|rules|policy|policies|code of conduct)\b (?:(?:bij|van|of|at|for) )(?:haar|zijn|hun|her|his|their) (?:werkgever|baas|bedrijf|organisatie|zaak|employer|company|organi[sz]ation|firm|workplace|work)\b|\b(?:hun|their) (?:(?:eigen|interne|own|internal) )+(?:regels|regeling|beleid|gedragscode|rules|policy|policies|code of conduct)\b|\bhoe (?:dat|het) bij (?:hen|hun|haar|hem) (?:is )?geregeld\b|\bhow (?:that|it) is (?:done|arranged|handled|regulated) (?:at|by) (?:their|her|his|them)\b/;
/**
 * The rules of another kind of public body or employer, named by its kind: "het integriteitsbeleid
 * van de politie", "the code of conduct of another municipality".
 */
const RULES_OF_A_BODY =
  /\b\p{L}*(?:beleid|regels|regeling|gedragscode|policy|policies|rules|code of conduct)\s+(?:van|bij|of|at|for)\s+(?:de|het|een|the|an?)\s+(?:(?:andere|other)\s+(?:gemeente|municipality|werkgever|employer|organisatie|organi[sz]ation)|another\s+(?:municipality|employer|organi[sz]ation)|politie|police|provincie|province|belastingdienst|tax office|tax authorities|defensie|army|ministerie|ministry|waterschap|water board|rijksoverheid|central government|uwv|bank|ziekenhuis|hospital|school|universiteit|university)\b/u;
/** Our own rules beside theirs ("hun eigen regels of de onze?") make it a question about ours. */
const OUR_RULES_TOO = /\b(?:de onze|die van ons|ours|onze regels|ons beleid|onze gedragscode|our rules|our policy|our code)\b/;

/** Asks about another organisation's own rules, by whose or by its kind. `folded` is the question after `fold`. */
export function asksTheirRules(folded: string): boolean {
  return (THEIR_RULES.test(folded) || RULES_OF_A_BODY.test(folded)) && !OUR_RULES_TOO.test(folded);
}

/** Someone who works at another employer ("mijn zwager werkt bij een andere gemeente", "he works for another council"). */
const WORKS_AT_ANOTHER_EMPLOYER =
  /\b(?:werkt|works)\s+(?:\p{L}+\s+){0,2}?(?:bij|voor|at|for)\s+(?:een andere|een ander|another|a different|an other)\s+(?:gemeente|werkgever|organisatie|bedrijf|municipality|council|employer|organi[sz]ation|company)\b/u;
/** The asker in the question, or their own job: their own conduct or work may be at stake ("gevolgen voor mijn functie hier"). */
const ASKER_NAMED = /\b(?:ik|i|we|wij|mij|me|ons|us|hier|here)\b|\b(?:mijn|my) (?:functie|werk|baan|positie|team|afdeling|job|position|role|work)\b/;

/**
 * A case at another employer told about someone else, with the asker nowhere in it and no rule asked
 * ("mijn zwager werkt bij een andere gemeente en is daar ontslagen, hoe gaat zo'n procedure verder?"),
 * or a case in the news with nobody of ours in it: their employer's affair. Not "mijn broer werkt bij
 * een andere gemeente en vraagt me …" (the asker is in it), "een collega kwam in de krant" nor "geldt de
 * meldplicht dan ook?". `folded` is the question after `fold`.
 */
export function asksAboutAnotherEmployersCase(folded: string): boolean {
  if (ABOUT_THE_RULES.test(folded) || isPermissionFramed(folded)) return false;
  if (WORKS_AT_ANOTHER_EMPLOYER.test(folded)) return !ASKER_NAMED.test(folded);
  // "Ik las in de krant dat een bank een boete kreeg, hoe hoog zijn die meestal?": a case in the news
  // with nobody of ours in it; the asker who read it is only the source.
  return IN_THE_NEWS.test(folded) && !ASKER_NAMED.test(folded.replace(READ_IT, ' ')) && !namesEmployerSide(folded);
}

/** A case in the news ("het stond in de krant", "in the news"). */
const IN_THE_NEWS = /\b(?:in de krant|in het nieuws|op het nieuws|in het journaal|in the news|in the paper|on the news|krantenbericht\p{L}*|nieuwsbericht\p{L}*|news report)\b/u;
/** The asker as the one who read or heard it ("ik las", "in het nieuws zag ik", "I read"). */
const READ_IT = /\b(?:ik|i)\s+(?:las|lees|zag|hoorde|heb (?:gelezen|gezien|gehoord)|read|saw|heard|have (?:read|seen|heard))\b|\b(?:las|lees|zag|hoorde) ik\b/g;

/**
 * Asking for a replacement, who pays to repair or replace something or where to hand it in ("hoe krijg
 * ik een nieuwe", "will my employer repair it", "vergoedt de gemeente de reparatie", "waar lever ik
 * die in"): a question for the facilities or IT desk.
 */
const REPLACEMENT =
  /\b(?:waar|hoe|bij wie) (?:lever|leveren|breng|brengen) (?:ik|we|wij|je)\b(?:\s+\p{L}+){0,4}?\s+(?:in|terug)\b|\bwhere (?:do|can|should) (?:i|we) (?:hand in|return|drop off|bring back)\b|\bhoe (?:vraag|krijg|bestel) ik (?:een )?(?:nieuwe?|vervang\p{L}*)(?: (?:aan|exemplaar|telefoon|werktelefoon|laptop|werklaptop|pas|pasje|toegangspas|oplader|scherm|sleutel|headset))?\s*(?:[?.!,]|$)|\b(?:een )?nieuwe? (?:telefoon|werktelefoon|laptop|toegangspas|pas|oplader)\b(?:\s+\p{L}+){0,3}?\s+(?:aanvragen|krijgen|bestellen)\b|\b(?:replace|repair|fix|vervangt|vervangen|repareert|repareren)\s+(?:it|them|hem|het|die|dat|deze)?\s*(?:for free|free of charge|gratis|kosteloos)\b|\b(?:get|request|order) a (?:replacement|new one|(?:new|replacement) (?:phone|laptop|badge|pass|charger))\b|\b(?:does|will|would) (?:the municipality|the council|my employer|the employer|work|they) (?:replace|repair|fix|pay for)\b|\b(?:vervangt|vergoedt|repareert|betaalt) (?:de gemeente|mijn werkgever|de werkgever|de zaak|het werk)\b/u;
/** What makes such a question one for the rules: reporting the loss, a data breach, confidential data on it, permission or the rules. */
const REPLACEMENT_RULE =
  /\b(melden|meld|melding|gemeld|datalek|vertrouwelijk\p{L}*|geheim\p{L}*|gegevens|persoonsgegevens|toestemming|mag|mogen|toegestaan|verboden|regels?|beleid|gedragscode|report|reported|data breach|confidential|secret|personal data|permission|allowed|may|rules?|policy)\b/u;

/**
 * A resident, client or relative who asks the asker how, where or when they can get something done
 * ("een inwoner vraagt me waar hij zijn paspoort ophaalt", "my mother asks how she can renew her
 * passport"): their errand at another desk.
 */
const SOMEONE_ELSES_ERRAND =
  /\b(?:client\p{L}*|inwoner\p{L}*|burger\p{L}*|klant\p{L}*|aanvrager\p{L}*|bewoner\p{L}*|buurman|buurvrouw|buren|moeder|vader|ouders|oma|opa|broer|zus|zwager|schoonzus|vriend|vriendin|kennis|resident\p{L}*|customer\p{L}*|applicant\p{L}*|neighbou?rs?|mother|father|parents|brother|sister|friend)\s+(?:\p{L}+\s+){0,2}?(?:vraagt|vroeg|wil weten|asks|asked|wants to know)\s+(?:(?:me|mij|ons|us)\s+)?(?:hoe|how|waar|where|wanneer|when)\b/u;
/**
 * Whether the employer has jobs for others ("heeft de gemeente stageplekken voor studenten", "does the
 * council offer internships"): a question for recruitment.
 */
const VACANCIES =
  /\b(?:heeft|hebben|biedt|bieden)\s+(?:de gemeente|jullie|de organisatie|onze gemeente|onze organisatie|het bedrijf)\s+(?:\p{L}+\s+){0,2}?(?:vakantiewerk|vakantiebaan\p{L}*|vakantiebaantje\p{L}*|bijbaan\p{L}*|bijbaantje\p{L}*|stageplek\p{L}*|stageplaats\p{L}*|stages?|vacatures?|banen|zomerbaan\p{L}*)\b|\b(?:does|do) (?:the municipality|the council|you|the organi[sz]ation|your organi[sz]ation) (?:have|offer)\s+(?:any\s+)?(?:summer jobs?|holiday jobs?|student jobs?|internships?|vacancies|jobs)\b/u;
/**
 * What makes such a question one for the rules: a report, a rule, permission, a complaint or a colleague,
 * something offered in return, someone the asker knows, the asker's own handling of the case, or how to
 * deal with it ("hoe ga ik daarmee om", "what do I do" through `asksWhatToDo`).
 */
const DESK_RULE =
  /\b(melden|meld|melding|gemeld|datalek|toestemming|mag|mogen|toegestaan|verboden|regels?|beleid|gedragscode|klacht\p{L}*|collega\p{L}*|complaints?|colleagues?|geld|cadeau\p{L}*|geschenk\p{L}*|kado\p{L}*|biedt me|bood me|geeft me|aangeboden|voorrang|sneller|kent|ken|behandel|beoordeel|report|reported|data breach|permission|allowed|may|rules?|policy|money|gifts?|presents?|offers? me|offered me|gives me|priority|faster|speed up|knows|know|handle|assess)\b|\b(?:hoe ga ik|how do i (?:handle|deal)|wat zeg ik|what do i say|wat doe ik)\b/u;

/**
 * How to apply for a permit, or whether someone needs one ("hoe vraag ik een parkeervergunning aan",
 * "moet de buurman voor zijn schuur een vergunning hebben"): the permits desk's service.
 */
const PERMIT_ERRAND =
  /\bhoe (?:vraag|krijg|verleng|regel) ik (?:een |mijn |de )?\p{L}*vergunning\p{L}*\b|\b(?:heeft|hebben|heb|moet|moeten) (?:hij|zij|ze|ik|je|mijn \p{L}+) (?:daar |hier |daarvoor |hiervoor )?(?:wel |ook |eigenlijk )?(?:een |geen )?\p{L}*vergunning\p{L}* (?:voor )?(?:nodig|hebben|aanvragen)\b|\bhow (?:do|can) i (?:apply for|get|renew) (?:a |my )?(?:\p{L}+ )?permit\b|\b(?:does|do) (?:he|she|they|i) need a (?:\p{L}+ )?permit\b/u;
/** The asker works on such applications or knows the applicant through work ("ik werk bij vergunningen", "mijn afdeling"). */
const ASKER_HANDLES_IT = /\b(?:ik werk|werk ik|mijn afdeling|ons team|zelf|i work|my department|my team|myself)\b|\bafdeling\b|\bwerk\s*[?.!]*\s*$/;

/**
 * Asks for another desk's service: a replacement or who pays for a repair, a resident's, client's or
 * relative's errand, or whether the employer has jobs for others, with no rule, report, permission or
 * favour in it. `folded` is the question after `fold`.
 */
export function asksAnotherDesk(folded: string): boolean {
  // "Do I have to pay" beside a replacement asks who pays, not permission. A permit for an integrity
  // subject ("een vergunning voor mijn nevenfunctie") is the asker's own matter, not the permits desk's.
  const replacement = REPLACEMENT.test(folded) && !REPLACEMENT_RULE.test(folded) && !OUTSIDER.test(folded);
  const errand = (SOMEONE_ELSES_ERRAND.test(folded) || VACANCIES.test(folded) || (PERMIT_ERRAND.test(folded) && !ASKER_HANDLES_IT.test(folded) && !INTEGRITY_SUBJECT.test(folded))) && !DESK_RULE.test(folded) && !isPermissionFramed(folded) && !asksWhatToDo(folded);
  return replacement || errand;
}

/**
 * How many, which or who of the council or the municipality (its seats, parties, aldermen, mayor,
 * inhabitants), or how its bodies differ or what they do ("het verschil tussen de raad en het college").
 */
const CIVIC_FACT =
  /\b(?:verschil tussen|difference between)\s+(?:de |het |the )?(?:gemeenteraad|raad|college|burgemeester|wethouders?|council|city council|mayor|aldermen|alderman|executive)\b|\b(?:wat doet|wat doen|what does|what do)\s+(?:de |het |een |a |the )?(?:gemeenteraad|college van b(?:&|en )w|griffie|griffier|city council|council|aldermen|alderman|town clerk)\b|\b(?:hoeveel|welke|wie (?:is|zijn|was|waren|zit|zitten|wordt|worden)|how many|which|who (?:is|are|was|were|will be))\s+(?:\p{L}+\s+){0,3}?(?:raadsleden|raadszetels|zetels|partij|partijen|fracties?|wethouders?|inwoners|burgemeester|gemeenteraad|het college|council members?|councillors?|councilors?|seats|party|parties|aldermen|alderman|inhabitants|mayor)\b/u;
/** When a place opens or closes, or whether it is open ("hoe laat gaat het zwembad dicht", "what time does the library open", "openingstijden", "of de kantine vrijdag open is"). */
const OPENING_HOURS =
  /\b(?:hoe laat|tot hoe laat|vanaf hoe laat|wanneer|what time|until when|when)\b(?:\s+[\p{L}'-]+){0,8}?\s+(?:open|opent|openen|dicht|sluit|sluiten|gesloten|opens|close|closes|closed)\b|\b(?:openingstijden|openingsuren|opening hours|opening times)\b|\b(?:of|whether|if) (?:[\p{L}'-]+ ){1,6}?(?:open|dicht|gesloten|closed) (?:is|zijn|gaat|blijft|will be)\b|\bis (?:the |de |het )?[\p{L}'-]+ (?:[\p{L}'-]+ )?(?:open|closed|dicht|gesloten) (?:on|today|tomorrow|this|vandaag|morgen|op)\b/u;
/** A process, not a place, that opens or closes ("wanneer wordt het onderzoek naar mij gesloten", "when does the tender close"). */
const A_PROCESS_CLOSES =
  /\b(?:\p{L}*onderzoek\p{L}*|\p{L}*melding\p{L}*|zaak|dossier\p{L}*|procedure\p{L}*|aanbested\p{L}*|inschrijving\p{L}*|termijn\p{L}*|klacht\p{L}*|vacature\p{L}*|investigations?|cases?|procedures?|reports?|files?|complaints?|tenders?|window|deadline|vacanc\p{L}*)\b/u;
/** What makes such a question one for the rules or their roles: a rule, a duty, membership, a role in a process, a tender, a registration. */
const CIVIC_RULE =
  /\b(verantwoordelijk\p{L}*|bevoegd\p{L}*|lid|leden|lidmaatschap|member|members|membership|may|must|should|beslist|beslissen|gaat over|gaan over|toezicht|aanspreekpunt|aanbested\p{L}*|offerte\p{L}*|opdracht\p{L}*|inschrijv\p{L}*|leverancier\p{L}*|nevenfunctie\p{L}*|nevenwerk\p{L}*|belang\p{L}*|eed|belofte|vog|geschenk\p{L}*|cadeau\p{L}*|responsible|decides?|in charge|oversees?|tenders?|bids?|bidders?|suppliers?|side jobs?|interests?|oath|gifts?)\b/u;

/**
 * Asks a fact about the council or the municipality ("hoeveel zetels heeft …", "which party has the
 * most aldermen", "wie is de burgemeester") or when a place opens, with no rule, permission, role in a
 * process or registration in it. `folded` is the question after `fold`.
 */
export function asksACivicFact(folded: string): boolean {
  const openingHours = OPENING_HOURS.test(folded) && !A_PROCESS_CLOSES.test(folded);
  return (CIVIC_FACT.test(folded) || openingHours) && !ABOUT_THE_RULES.test(folded) && !CIVIC_RULE.test(folded) && !isPermissionFramed(folded);
}

/**
 * Signing oneself up: "hoe kan ik me aanmelden", "hoe schrijf ik me in", "how do I sign up" (the
 * reflexive "me": the asker joins something, rather than notifying something to the employer).
 */
const SIGN_UP =
  /\bhoe\b.{0,20}\b(?:me|mij|mezelf) (?:\p{L}+ )?(?:aanmelden|inschrijven|opgeven)\b|\b(?:ik|we|wij) (?:wil|willen|ga|gaan) (?:me|mij|ons) (?:\p{L}+ )?(?:aanmelden|inschrijven|opgeven) (?:als|voor|bij)\b|\bhoe (?:meld|schrijf|geef) (?:ik|je) (?:me|mij|je)\b.{0,30}\b(?:aan|in|op)\b|\bwaar (?:kan|moet) (?:ik|je) (?:me|mij|je) (?:\p{L}+ )?(?:aanmelden|inschrijven|opgeven)\b|\bhow (?:do|can) (?:i|we) (?:sign up|register|enrol|enroll|join)\b|\bhow to (?:sign up|register|enrol|enroll)\b|\bwhere (?:can|do|should) (?:i|we) (?:sign up|register|enrol|enroll)\b/u;

/** Where to sign oneself up ("waar kan ik me inschrijven", "where can I sign up"). */
const WHERE_TO_SIGN_UP = /\bwaar (?:kan|moet) (?:ik|je) (?:me|mij|je) (?:\p{L}+ )?(?:aanmelden|inschrijven|opgeven)\b|\bwhere (?:can|do|should) (?:i|we) (?:sign up|register|enrol|enroll)\b/gu;

/** The only permission framing is the modal of where to sign up. `folded` is the question after `fold`. */
export function asksOnlyWhereToSignUp(folded: string): boolean {
  return PERMISSION_FRAMED.test(folded) && !PERMISSION_FRAMED.test(folded.replace(WHERE_TO_SIGN_UP, ' '));
}

/** Asks how to sign oneself up. `folded` is the question after `fold`. */
export function asksToSignUp(folded: string): boolean {
  // Signing up for an integrity training or session is a step of the policies' own instruments.
  return SIGN_UP.test(folded) && !/\bintegrit\p{L}*|\p{L}+integriteit\p{L}*/u.test(folded);
}

/** When, how long, how much: "tot wanneer kan ik", "how many weeks", "wat kost me dat". */
const LOGISTICS =
  /\b(wanneer|tot wanneer|hoe laat|hoe lang|hoeveel (?:weken|dagen|uur|verlof|vakantie)|wat kost|when (?:is|are|will|do|does|can)|what time|how long|how many (?:weeks|days|hours)|how much (?:does|do|will))\b/;

/** A question when, how long or how much. `folded` is the question after `fold`. */
export function isLogistics(folded: string): boolean {
  return LOGISTICS.test(folded);
}

/**
 * Asking the assistant's view ("vind je het integer dat", "wat vind je van", "is het integer als",
 * "what do you think of", "is it ethical that") of people in public life, sport or the news (a
 * celebrity, a footballer, a minister, a sports association, "in het nieuws"), with neither the asker
 * nor anyone of their work in it: "vind je het integer als ik …" and "is het integer dat mijn collega
 * …" stay questions about conduct at work.
 */
const OPINION_ASK =
  /\b(?:vind (?:je|jij|u)|vindt u|wat vind(?:t)? (?:je|jij|u)|(?:je|jouw|uw) mening|wat denk (?:je|jij|u) (?:van|over)|hoe kijk (?:je|jij|u) (?:aan )?tegen|(?:je|jouw|uw) oordeel|(?:is|was) (?:het|dat|dit) (?:wel |nog |echt )?(?:integer|ethisch|fatsoenlijk|netjes|correct|kunnen|oke|ok) (?:als|dat|van|wat)|what do you think|how do you feel about|do you reckon|what's your (?:view|opinion|take)|your opinion|do you (?:think|find|consider)|(?:is|was) (?:it|that|this) (?:really )?(?:ethical|decent|ok|okay|right|fair) (?:that|for|when|of))\b/;
/** People and bodies of public life, sport and the news. */
const PUBLIC_LIFE =
  /\b(?:nieuws|journaal|krant(?:en)?|talkshow|affaire|\p{L}*affaire|schandaal|\p{L}*schandaal|rel|ophef|bner|bn-er|bekende nederlander|celebrity|celebrities|beroemdhe\p{L}*|influencer\p{L}*|youtuber\p{L}*|artiest\p{L}*|zanger\p{L}*|zangeres|popster\p{L}*|acteur|actrice|\p{L}*voetballer\p{L}*|voetbal\p{L}*|sporter\p{L}*|topsporter\p{L}*|atleet|wielrenner\p{L}*|sportbond\p{L}*|\p{L}*bond|knvb|fifa|uefa|ioc|olympisch\p{L}*|minister\p{L}*|kamerlid|kamerleden|politic\p{L}*|premier|president|koning\p{L}*|prins\p{L}*|royals?|topman|topvrouw|ceo|news|newspaper|scandal|affair|famous|footballer\p{L}*|football|athletes?|sports? (?:body|association|federation)|politicians?|ministers?|celebrit\p{L}*|singer|actor|actress|pop star|tv presenter|presentator\p{L}*)\b/u;
/** The asker, their own work or people in a job like theirs ("een medewerker die met de krant praat"). */
const ASKER_OR_OWN_WORK = /\b(?:ik|mij|me|mijn|we|wij|ons|onze|i|my|our|us|\p{L}*medewerker\p{L}*|werknemer\p{L}*|ambtena\p{L}*|employees?|staff|civil servants?|public servants?|officials?)\b/u;

/** Asks the assistant's opinion of people in public life or the news. `folded` is the question after `fold`. */
export function asksOpinionOnOthers(folded: string): boolean {
  return OPINION_ASK.test(folded) && PUBLIC_LIFE.test(folded) && !ASKER_OR_OWN_WORK.test(folded);
}

/**
 * Words of an integrity subject: the rules, permission, a report, a gift, a side job, a conflict of
 * interest, misconduct, secrecy, a supplier or inside knowledge. Any of them keeps an everyday-looking
 * question (`asksEverydayHelp`) a question for the rules.
 */
const INTEGRITY_SUBJECT =
  /\b(integriteit\p{L}*|integer|integrity|misstand\p{L}*|wrongdoing|schending\p{L}*|fraude\p{L}*|fraud\p{L}*|omkop\p{L}*|steekpenning\p{L}*|smeergeld|bribe\p{L}*|corrupt\p{L}*|klokkenluid\p{L}*|whistleblow\p{L}*|vertrouwens\p{L}*|bedreig\p{L}*|threat\p{L}*|geweld\p{L}*|violen\p{L}*|politie|police|aangifte|confidential advis\p{L}*|\p{L}*cadeau\p{L}*|\p{L}*kado\p{L}*|\p{L}*geschenk\p{L}*|gifts?|presents?|\p{L}*nevenfunctie\p{L}*|bijverdien\p{L}*|\p{L}*eed|belofte|journalist\p{L}*|pers|press|media|krant\p{L}*|relatie\p{L}*|gaf|gave|gegeven|given|kreeg|kregen|gekregen|received|nevenwerk\p{L}*|bijbaan\p{L}*|side (?:jobs?|activit\p{L}*)|belangen\p{L}*|(?:financieel|financiele|persoonlijk|persoonlijke|eigen|zakelijk|zakelijke) belang|interests?|conflict of interest|ongewenst\p{L}*|intimidatie\p{L}*|harass\p{L}*|\p{L}*pest\p{L}*|klacht\p{L}*|complain\p{L}*|bully|clash\p{L}*|botst|botsen|combineren|combine|(?:my|mijn) (?:job|baan|functie|werk)\p{L}*|discrimin\p{L}*|agressie\p{L}*|dilemma\p{L}*|datalek\p{L}*|data breach|vertrouwelijk\p{L}*|confidential\p{L}*|geheim\p{L}*|secrets?|voorkennis|before (?:it\W?s |it is |it was |the news is )?(?:been )?(?:announced|made public|public)|(?:voordat|voor) (?:het|dat|dit) (?:bekend|openbaar)|insider\p{L}*|koersgevoelig\p{L}*|privacy|persoonsgegevens|personal data|melden|meld|melding\p{L}*|meldplicht|report|reported|declare|toestemming|permission|regels?|regeling|beleid|gedragscode|rules?|policy|code of conduct|mag|mogen|mocht|toegestaan|verboden|allowed|may|leverancier\p{L}*|aannemer\p{L}*|opdrachtnemer\p{L}*|aanbested\p{L}*|offerte\p{L}*|supplier\p{L}*|contractor\p{L}*|vendor\p{L}*|tender\p{L}*|diefstal|stelen|steelt|gestolen|theft|steal\p{L}*|stole\p{L}*|betaalt|betaald|pays?|paid|aangeboden|biedt|bood|offer\p{L}*|uitnodig\p{L}*|invit\p{L}*|trakteert|subsidie\p{L}*|grant)\b/u;
/** Job titles that name the policies without asking about them ("a policy advisor", "beleidsadviseur" needs nothing). */
const POLICY_JOB_TITLE = /\bpolicy (?:advis[eo]rs?|officers?|makers?|analysts?|adviser)\b/g;
/** Quoted text is the content to work on, not the question ("'vertrouwelijk'" as a label in a mail program). */
const QUOTED = /'[^']*'|"[^"]*"|[“„][^”]*”|‘[^’]*’/g;

/**
 * Investment or market advice for oneself: which shares to buy, whether now is a good time to buy a
 * house or to invest, whether it is too late to get in or a good idea. Not inside knowledge, a supplier's shares or whether one may own them (the guard).
 */
const MARKET_ADVICE =
  /\b(?:verschil tussen|difference between)\s+(?:een |an? |the )?(?:aandeel|aandelen|obligatie\p{L}*|fonds\p{L}*|spaarrekening|deposito|etf|shares?|stocks?|bonds?|funds?|savings account)\b|\b(?:welke|which|what)\s+(?:\p{L}+\s+)?(?:aandelen|fondsen|beleggingsfondsen|crypto\p{L}*|shares|stocks|funds|etfs?)\b(?:\s+[\p{L}']+){0,5}?\s+(?:interessant|goed|goede|kopen|aanraden|aan te raden|raad (?:je|jij|u) aan|raadt u aan|beste|good|buy|recommend\p{L}*|best|worth)\b|\b(?:is (?:het|dit|nu)|is (?:it|now|this))\s+(?:\p{L}+\s+){0,3}?(?:slim|verstandig|handig|een goed moment|een goede tijd|smart|wise|a good (?:time|moment|idea))\b.{0,60}?\b(?:aandelen|beleggen|huis|woning|appartement|shares|stocks|invest\p{L}*|house|home|flat|apartment|crypto|bitcoin)\b|\b(?:aandelen|beleggen|huis|woning|appartement|shares|stocks|house|home|flat|apartment|crypto|bitcoin)\b.{0,60}?\b(?:goed moment|goede tijd|juiste moment|good time|right time|good moment|wachten tot|wait for the market|wait until)\b|\b(?:goed moment|goede tijd|juiste moment|good time|right time|good moment)\b.{0,40}?\b(?:aandelen|beleggen|fondsen|huis|woning|appartement|shares|stocks|funds|invest\p{L}*|house|home|flat|apartment|crypto|bitcoin)\b|\b(?:te laat|too late)\b.{0,40}?\b(?:crypto\p{L}*|bitcoin|ethereum|aandelen|beleggen|instappen|shares|stocks|invest\p{L}*)\b|\b(?:crypto\p{L}*|bitcoin|ethereum|aandelen|beleggen|shares|stocks|invest\p{L}*)\b.{0,80}?\b(?:goed idee|slim idee|good idea|smart move|worth it)\b/u;

/** A text to write or improve: a speech, a post, a letter, a poem. */
const TEXT_GENRE =
  /\b(?:speech\p{L}*|\p{L}*speech|toespraak\p{L}*|\p{L}*toespraak|toost|afscheidswoord\p{L}*|praatje|gedicht\p{L}*|\p{L}*gedicht|linkedin[- ]?(?:post|bericht|berichtje|update)|linkedinpost|vacaturetekst\p{L}*|sollicitatiebrief\p{L}*|motivatiebrief\p{L}*|cv|nieuwsbrief\p{L}*|toast|poem|cover letter|job ad|vacancy text|newsletter|post announcing)\b/u;
/** Asking for that text or help with it: ideas, tips, to write or improve it, its secret. */
const TEXT_HELP =
  /\b(?:ideeen|ideetjes|idee|tips?|ideas?|suggesties?|suggestions?|hulp bij|help (?:me|with)|verbeteren|improve|schrijven|schrijf|write|opzetje|inspiratie|inspiration|het geheim van|the secret (?:of|to)|hoe (?:schrijf|begin|maak) ik|how do i (?:write|start)|voorbeeld|example)\b/;
/** A sentence or text of one's own to improve ("kun je deze zin verbeteren", "improve this sentence"). */
const IMPROVE_A_TEXT =
  /\b(?:deze|die|mijn|onze|this|my|our)\s+(?:zin|zinnen|tekst|alinea|formulering|sentence|sentences|paragraph|text|wording)\b.{0,30}?\b(?:verbeteren|verbeter|mooier|beter|vloeiender|improve|polish|corrigeren|correct|herschrijven|rewrite)\b|\b(?:verbeter|herschrijf|corrigeer|improve|polish|rewrite|correct)\s+(?:deze|die|mijn|this|my)\s+(?:zin|zinnen|tekst|alinea|sentence|sentences|paragraph|text)\b/;
/** "Het geheim van een sterke …": the knack of something, no secret. */
const THE_KNACK = /\b(?:het geheim|the secret) (?:van|voor|of|to) (?:een |a |an )?(?:goede?|good|great|sterke?|strong)\b/g;
/** The same pattern for `test`, which on a global pattern would carry `lastIndex` from one question to the next. */
const A_KNACK = new RegExp(THE_KNACK.source);

/** "Waar kan ik", "where can I": the "kan ik" of a place. */
const A_PLACE = /\b(?:waar|where) (?:kan|kun|can|could) (?:ik|i)\b/g;
/** A word for something ("een ander woord voor iemand die …", "a word for people who …", "hoe noem je iemand die"). */
const WORD_FOR =
  /\b(?:woord|term|benaming|synoniem|word|synonym)\s+(?:voor|for)\s+(?:iemand|iets|mensen|een|het|de|someone|something|somebody|people|a|an|the)\b|\bhoe noem (?:je|jij|u|we) (?:iemand|iets|mensen|zo'?n)\b|\bwhat do you call (?:someone|somebody|people|a person)\b/;

/** Probation and the contract after it: a matter for HR. */
const PROBATION = /\b(?:proeftijd|probation\p{L}*)\b/u;
const CONTRACT_AFTER = /\b(?:contract\p{L}*|verleng\p{L}*|automatisch|vaste aanstelling|aanstelling|renew\p{L}*|extension|extended|automatically|permanent)\b/u;
/** Courses or trainings on offer to follow ("zijn er trainingen die ik kan volgen", "which courses can I take"). */
const TRAININGS_ON_OFFER =
  /\b(?:zijn er|is er|welke|which|are there|any)\s+(?:\p{L}+\s+){0,2}?(?:trainingen|training|cursussen|cursus|opleidingen|opleiding|workshops?|courses?|trainings)\b(?:\s+[\p{L}']+){0,6}?\s+(?:volgen|doen|follow|take|attend|aanraden|recommend\p{L}*)\b/u;
/** Tips for holding or preparing a job interview. */
const INTERVIEW_TIPS =
  /\b(?:tips?|advies|advice|suggesties|suggestions)\b.{0,40}\b(?:sollicitatiegesprek\p{L}*|job interview\p{L}*|interview\p{L}*)\b|\b(?:sollicitatiegesprek\p{L}*|job interview\p{L}*)\b.{0,40}\b(?:tips?|advies|advice)\b|\bhoe (?:bereid ik|voer ik) (?:me )?(?:een |het )?sollicitatiegesprek\b|\bhow (?:do|should) i (?:prepare for|conduct|run) (?:a |the )?(?:job )?interview\b/u;
/** Someone the asker knows among the candidates, or screening: an integrity side of recruiting. */
const KNOWS_A_CANDIDATE = /\b(?:ken|kent|kende|know|knows|knew|familie|family|vriend\p{L}*|friend\p{L}*|relative\p{L}*|neef|nicht|zwager|vog|screening\p{L}*|antecedent\p{L}*)\b/u;

/** Which place, club or organisation to pick ("welke lunchroom is leuk", "which club has a good youth section", "welke organisaties zoeken nog vrijwilligers"). */
const PLACE_KIND =
  '(?:vereniging\\p{L}*|club\\p{L}*|\\p{L}*club|lunchroom\\p{L}*|restaurant\\p{L}*|\\p{L}*restaurant|eetcafe\\p{L}*|cafe|cafes|kroeg\\p{L}*|bar|bars|hotel\\p{L}*|winkel\\p{L}*|\\p{L}*winkel|sportschool\\p{L}*|camping\\p{L}*|strand\\p{L}*|organisaties|instanties|pubs?|shops?|gyms?|organi[sz]ations?|venues?|locatie\\p{L}*)';
const RECOMMENDATION = new RegExp(
  `\\b(?:welke|welk|which|what|waar|where)\\s+(?:\\p{L}+\\s+){0,2}?${PLACE_KIND}\\b(?:\\s+[\\p{L}'-]+){0,8}?\\s+(?:leuke?|goede?|gezellige?|lekker\\p{L}*|beste|aanrader\\p{L}*|aanraden|aan te raden|nice|good|best|great|recommend\\p{L}*|zoeken|zoekt|looking)\\b|\\b(?:waar|where)\\s+(?:kan ik|vind ik|can i|do i|could i)\\s+(?:\\p{L}+\\s+){0,2}?(?:vrijwilligerswerk|volunteer work|volunteering|een (?:sport)?club|een vereniging|a (?:sports )?club)\\b`,
  'u',
);

/** Tickets or places still to be had ("zijn er nog kaartjes", "where can I buy tickets"). */
const TICKETS =
  /\b(?:zijn er|is er|are there|any)\s+(?:nog\s+|still\s+)?(?:kaartjes|kaarten|tickets)\b(?!\s+(?:van|from)\b)|\b(?:zijn er|is er) nog (?:een )?(?:plek|plekken|plaats|plaatsen)\b|\bare there (?:still )?(?:any )?(?:seats|spots|places) left\b|\b(?:waar|hoe|where|how)\s+(?:\p{L}+\s+){0,3}?(?:kaartjes|tickets)\s+(?:kopen|bestellen|krijgen|buy|get|order)\b/u;

/** A how-to in a named program ("hoe zet ik in Outlook …", "how do I … in Excel"). */
const IN_A_PROGRAM = /\b(?:in|met|via|with|using|from)\s+(?:outlook|teams|excel|word|sharepoint|onedrive|powerpoint|the app|de app)\b/;
/** A label a program puts on a message ("een mail op vertrouwelijk zetten", "mark it as private"). */
const A_LABEL = /\b(?:op|als|as|to) (?:vertrouwelijk|confidential|prive|private|persoonlijk|personal)\b/g;
/** What a mail program how-to may still be about: personal or sensitive data, a breach. */
const SENSITIVE_DATA = /\b(prive\p{L}*|private|personal|eigen (?:mail|account|adres)|doorstur\p{L}*|forward\p{L}*|extern\p{L}*|persoonsgegevens|personal data|bsn|burgerservicenummer|datalek\p{L}*|data breach|privacy|medische|medical|gevoelig\p{L}*|sensitive|vertrouwelijk\p{L}*|confidential\p{L}*|geheim\p{L}*|secret\p{L}*)\b/u;

/** Sending a resident or client on to another desk ("naar X of naar Y sturen", "waar verwijs ik hem naar"). */
const REFER_ON =
  /\b(?:moet|kan|zal) ik\b(?:\s+[\p{L}-]+){0,8}?\s+naar\s+(?:[\p{L}-]+\s+){0,3}?(?:of|or)\s+(?:naar\s+)?(?:[\p{L}-]+\s+){0,3}?(?:sturen|verwijzen|doorsturen|doorverwijzen)\b|\bwaar (?:verwijs|stuur) ik (?:hem|haar|hen|die|deze|de|een|ze|zo'?n)\b|\bwhere (?:do|should|can) i (?:refer|send|direct) (?:him|her|them|the|this|a)\b/u;
/** Which channel something goes through ("via welke app gaat dat", "which app do I use"). */
const WHICH_CHANNEL = /\bvia (?:welke|welk) (?:app|website|site|formulier|kanaal|link|loket|portaal)\b|\b(?:which|what) (?:app|website|form|channel|portal) (?:do|does|can|should|is)\b/;
/** The social domain's casework and schemes. */
const SOCIAL_CASEWORK = /\b(?:wmo\p{L}*|keukentafelgesprek\p{L}*|participatiewet|bijstand\p{L}*|bijzondere bijstand|uitkering\p{L}*|schuldhulp\p{L}*|schuldsanering|kwijtschelding\p{L}*|kredietbank|begeleidingsplan\p{L}*|re-?integratie\p{L}*|trajectplan\p{L}*|indicatie\p{L}*|pgb|jeugdhulp|huishoudelijke hulp|wsw\p{L}*|beschut werk|sociale werkvoorziening|detacher\p{L}*|gedetacheerde)\b/u;
/** What is asked of such a case: how it is done, what comes first, what differs. */
const CASEWORK_ASK =
  /\b(?:hoe (?:neem|verwerk|registreer|leg|pak|begin|organiseer|plan) ik|(?:moet|hoef) ik\b(?:\s+[\p{L}-]+){0,8}?\s+(?:altijd|eerst|standaard|zelf)|verschil tussen|difference between|how do i (?:record|process|register|handle))\b/u;
/** A relative's, resident's or client's question to the asker about the cost, place or way of something. */
const THEIR_QUESTION =
  /\b(?:inwoner\p{L}*|client\p{L}*|klant\p{L}*|burger\p{L}*|bewoner\p{L}*|aanvrager\p{L}*|resident\p{L}*|customer\p{L}*)\s+(?:[\p{L}-]+\s+){0,4}?(?:vraagt|vroeg|asks|asked)\s+(?:[\p{L}-]+\s+){0,3}?(?:wat|hoeveel|what|how much)\b/u;
/** Someone the asker is close to, or the asker asked to act themselves ("of ik …"): no errand of another desk. */
const CLOSE_OR_ME = /\b(?:tante|oom|neef|nicht|broer|zus|zwager|schoonzus|moeder|vader|ouders|buurman|buurvrouw|buren|vriend\p{L}*|familie\p{L}*|partner|aunt|uncle|cousin|nephew|niece|brother|sister|mother|father|parents|neighbou?rs?|friends?|family|of ik|whether i|if i)\b/u;
/** A report that is a step of social casework ("een Wmo-melding"), not a report of misconduct. */
const CASEWORK_REPORT = /\b(?:wmo|zorg)[- ]?melding\p{L}*/gu;
/** One's manager: a report to them is no channel question. */
const BOSS = /\b(?:leidinggevende\p{L}*|manager\p{L}*|baas|boss)\b/u;
/** A resident's permit for works at their own home ("vergunning voor een container voor de deur", "a permit for a dormer"). */
const HOME_WORKS_PERMIT =
  /\b(?:\p{L}*vergunning\p{L}*|permits?)\b.{0,60}?\b(?:\p{L}*container\p{L}*|dakkapel\p{L}*|aanbouw|uitbouw|verbouw\p{L}*|schuur|carport|steiger\p{L}*|bomen? kappen|kapvergunning|zonnepanelen|schutting|dormer|extension|skip|scaffold\p{L}*|renovation|shed)\b|\b(?:\p{L}*container\p{L}*|dakkapel\p{L}*|aanbouw|uitbouw|verbouw\p{L}*|carport|steiger\p{L}*|dormer|skip|scaffold\p{L}*)\b.{0,60}?\b(?:\p{L}*vergunning\p{L}*|permits?)\b|\b(?:hoe|waar) (?:vraag|krijg|regel|verleng) ik (?:een |mijn )?(?:nieuwe )?\p{L}*vergunning\p{L}*\b(?:\s+\p{L}+){0,1}\s+(?:aan|voor mijn|voor ons)\b|\bhow (?:do|can) i (?:apply for|get|renew) (?:a|my) (?:\p{L}+ )?permit for my\b/u;
/** A permit the asker handles, or one at their own desk. */
const OWN_DESK = /\b(?:werk|werkt|werkzaam|work|works|afdeling\p{L}*|team|collega\p{L}*|behandel\p{L}*|beoordeel\p{L}*|voorrang|sneller|department|colleague\p{L}*|handle|assess|priority|faster)\b/u;

/** A child's side job ("my son wants a side job"). */
const A_CHILDS_JOB = /\b(?:side jobs?|bijbaan\p{L}*|bijbaantje\p{L}*)\b/gu;
/** Doing business with someone ("een bedrijf waar wij zaken mee doen"). */
const DOING_BUSINESS = /\b(?:zaken (?:mee )?doen|zaken mee doet|do business|does business|klant\p{L}*|opdracht\p{L}*)\b/u;
/** A secret as a private matter ("iemand die geen geheim kan bewaren"). */
const A_SECRET = /\b(?:geheim|geheimen|secret|secrets)\b/g;
/** How many hours a child may work ("hoeveel uur mag een 15-jarige werken", "how many hours can a teenager work"). */
const MINOR_WORK_HOURS =
  /\bhoeveel uur (?:per week )?(?:mag|kan|mogen) (?:een|mijn) (?:\d+[- ]?jarige|kind|scholier|tiener|puber)\b|\bhow many hours (?:a week )?(?:can|may) (?:a|my) (?:\d+[- ]?year[- ]old|child|kid|teenager|teen|pupil)\b/;

/**
 * Everyday help with no integrity subject in it: investment advice for oneself, a text to write or
 * improve, a word for something, probation, courses and interview tips, a place or club to pick,
 * tickets, a program's how-to, a resident's or client's case at another desk or in the social domain,
 * and the working hours of a child. Each is declined only when no word of an integrity subject, no
 * permission and nobody from outside is in it. `folded` is the question after `fold`.
 */
export function asksEverydayHelp(folded: string): boolean {
  const unquoted = folded.replace(QUOTED, ' ');
  const asked = unquoted.replace(POLICY_JOB_TITLE, ' ').replace(THE_KNACK, ' ');
  const subject = INTEGRITY_SUBJECT.test(asked);
  // A child's own side job is theirs; a supplier or a report in it is not.
  if (MINOR_WORK_HOURS.test(folded)) return !INTEGRITY_SUBJECT.test(folded.replace(A_CHILDS_JOB, ' '));
  if (MARKET_ADVICE.test(folded)) return !INTEGRITY_SUBJECT.test(folded) && !OUTSIDER.test(folded) && !DOING_BUSINESS.test(folded) && !namesEmployerSide(folded);
  // "Moet ik …" of a case, a probation or a resident's permit asks for a desk's practice, not a permission:
  // only a word of an integrity subject (a "mag ik" among them) keeps these for the rules.
  const casework = asked.replace(CASEWORK_REPORT, ' ');
  if ((REFER_ON.test(casework) || (SOCIAL_CASEWORK.test(casework) && CASEWORK_ASK.test(casework)) || THEIR_QUESTION.test(casework)) && !INTEGRITY_SUBJECT.test(casework) && !DESK_RULE.test(casework) && !CLOSE_OR_ME.test(casework) && !BOSS.test(casework) && !asksWhatToDo(casework)) return true;
  const channel = asked.replace(/\bmelden\b/g, ' ');
  if (WHICH_CHANNEL.test(asked) && !INTEGRITY_SUBJECT.test(channel) && !DESK_RULE.test(channel) && !BOSS.test(asked)) return true;
  if (HOME_WORKS_PERMIT.test(asked) && !OWN_DESK.test(asked) && !subject) return true;
  if (PROBATION.test(asked) && CONTRACT_AFTER.test(asked) && !subject) return true;
  // "Welke cursussen kan ik volgen" asks what is on offer, not permission.
  if (TRAININGS_ON_OFFER.test(asked) && !subject) return true;
  // "Hoe kan ik" and "waar kan ik" ask for a way or a place, not permission.
  const permission = isPermissionFramed(asked.replace(A_WAY, ' ').replace(A_PLACE, ' '));
  // A word for something is a language job whatever it describes ("iemand die geen geheim kan bewaren").
  // Not a word for an integrity subject ("iemand die steekpenningen aanneemt"); a secret someone cannot keep is private life.
  if (WORD_FOR.test(asked) && !ABOUT_THE_RULES.test(asked) && !permission && !INTEGRITY_SUBJECT.test(asked.replace(A_SECRET, ' ')) && !namesEmployerSide(asked)) return true;
  // A label the program sets ("op vertrouwelijk zetten") is the program's, not a secret to keep.
  const labelled = asked.replace(A_LABEL, ' ');
  if (HOW_TO.test(folded) && IN_A_PROGRAM.test(folded) && !PROCESS_STEP.test(folded) && !permission && !INTEGRITY_SUBJECT.test(labelled) && !SENSITIVE_DATA.test(labelled)) return true;
  if (subject || permission) return false;
  if ((TEXT_GENRE.test(asked) && (TEXT_HELP.test(asked) || A_KNACK.test(unquoted))) || IMPROVE_A_TEXT.test(folded)) return true;
  if (INTERVIEW_TIPS.test(asked) && !KNOWS_A_CANDIDATE.test(asked) && !CLOSE_OR_ME.test(asked)) return true;
  return RECOMMENDATION.test(asked) || TICKETS.test(asked);
}

/** Standing surety, a guarantee or a loan ("borg staan", "garant staan", "een lening", "co-sign", "lend"). */
const SURETY_OR_LOAN =
  /\b(?:borg (?:\p{L}+ )?sta\p{L}*|borgsta\p{L}*|borgstelling\p{L}*|garant (?:\p{L}+ )?sta\p{L}*|lening(?:en)?|lenen|leent|leende|geleend|surety|guarantor|co-?sign\p{L}*|loans?|lend|lends|lending|lent)\b/u;
/** Someone the asker deals with at work: a resident, client, entrepreneur, applicant, supplier or contractor. */
const WORK_OUTSIDER =
  /\b(?:inwoner\p{L}*|client\p{L}*|klant\p{L}*|ondernemer\p{L}*|aanvrager\p{L}*|leverancier\p{L}*|aannemer\p{L}*|residents?|clients?|customers?|entrepreneurs?|applicants?|suppliers?|contractors?)\b/u;

/**
 * Surety or a loan between the asker and someone they deal with at work ("een inwoner vraagt of ik
 * borg wil staan", "an entrepreneur wants me to stand surety"): a private tie with an outsider, however
 * much it sounds like a relative's bank errand (a relative's surety names no resident or client).
 * `folded` is the question after `fold`.
 */
export function asksAboutAMoneyTieAtWork(folded: string): boolean {
  return SURETY_OR_LOAN.test(folded) && WORK_OUTSIDER.test(folded);
}

/**
 * How best to do something ("hoe plan ik de diensten het slimst", "hoe kan ik haar het beste steunen", "what's the
 * best way to", "how do I best"), tips, ideas or a recommendation asked of the assistant ("heb je tips voor",
 * "any … ideas", "ken je een goeie …", "can you recommend"), which of two fun plans is nicer, or questions to ask
 * in an interview: a request for know-how, which for running a team or one's own life is a manager's or a
 * coach's matter, not the integrity rules'.
 */
const HOW_BEST =
  /\bhoe \p{L}+ (?:ik|je|we|wij)\b(?: [\p{L}'-]+){0,8}? (?:het )?(?:best|beste|handigst|handigste|slimst|slimste|verstandigst|makkelijkst|snelst|netjes|verantwoord|tactvol|effectief)\b|\bwat is (?:de|een) (?:beste|slimste|handigste|slimme|handige) (?:manier|aanpak)\b|\bwhat(?:'s| is) (?:the|a) (?:best|smartest|smart|good|easiest) (?:way|approach)\b|\bhow (?:do|can|should|would) (?:i|we) best\b|\bhow best to\b|\b(?:heb je|heb jij|hebt u|heeft u|any|got any|do you have(?: any)?|geef (?:me |mij |ons )?(?:wat|een paar)|een paar)\s+(?:[\p{L}-]+\s+){0,2}?(?:tips|tip|ideeen|ideetjes|suggesties|ideas|suggestions|advice|pointers)\b|^(?:tips|ideeen|ideas|suggesties)\b|\bken (?:je|jij|u) (?:een|nog) (?:goeie|goede|leuke|fijne|mooie|toffe|good|nice)\b|\b(?:can|could) you recommend\b|\b(?:kun|kan|kunt) (?:je|jij|u) (?:me |mij )?(?:een|iets) (?:\p{L}+ ){0,3}?aanraden\b|\bwat is (?:leuker|gezelliger|mooier|lekkerder|grappiger)\b|\bwhich (?:one )?is (?:more fun|nicer|cooler|funnier)\b|\bwelke vragen (?:kan|kun|moet|zal) ik\b|\bwhat questions (?:can|could|should) i\b/u;
/**
 * A worked aid asked of the assistant: "geef eens een voorbeeldzin", "give me a checklist", "geef me
 * een stappenplan". A job of writing, like `isTaskRequest`'s, however its subject sounds.
 */
const WORK_AID =
  /\b(?:geef|give)\s+(?:(?:eens|even|ff|me|mij|ons|us|maar)\s+){0,2}(?:een|a|an|some)\s+(?:\p{L}+\s+)?(?:voorbeeldzin\p{L}*|voorbeeldtekst\p{L}*|checklist\p{L}*|stappenplan\p{L}*|opzet|opzetje|template|sjabloon|draaiboek|planning|to-?do-?lijst\p{L}*|example sentences?|sample sentences?|checklists?|step-by-step plan|templates?|outline|to-?do list)\b/u;
/** The modals of such an ask ("hoe kan ik", "welke vragen kan ik", "waar kan ik"): a way, not permission. */
const THE_ASKS_OWN_MODAL = /\bhoe (?:kan|kun) (?:ik|je|we)\b|\bwelke vragen (?:kan|kun|moet|zal) ik\b|\b(?:waar|where) (?:kan|kun|can|could) (?:ik|i)\b|\bhow (?:can|could) (?:i|we)\b/g;
/** Someone's own love life ("haar relatie is voorbij", "his relationship ended"): no relationship at work. */
const ONES_LOVE_LIFE = /\b(?:haar|zijn|hun|mijn|her|his|their|my) (?:relatie|relationship|huwelijk|marriage)\b(?! (?:met|tussen|with|between)\b)/g;
/**
 * What makes such an ask one for the rules after all, beyond `INTEGRITY_SUBJECT` and `ABOUT_THE_RULES`:
 * addressing conduct, impartiality, screening, declarations, social media, passwords, dealing with a situation.
 */
const CONDUCT_AT_STAKE =
  /\b(?:aanspre\p{L}*|aanspreek\p{L}*|spreek (?:\p{L}+ ){1,6}?aan|gedrag\p{L}*|behaviou?r\p{L}*|conduct|misdra\p{L}*|overtre\p{L}*|schijn|partijdig\p{L}*|onpartijdig\p{L}*|objectie\p{L}*|neutra\p{L}*|onafhankelijk\p{L}*|impartial\p{L}*|vog|strafblad|screening\p{L}*|antecedent\p{L}*|declar\p{L}*|uren schrijven|urenregistratie|social media|sociale media|facebook\p{L}*|instagram|insta|linkedin|twitter|tiktok|posten|gepost|wachtwoord\p{L}*|password\p{L}*|omgaan|om met|deal with|handle|cope with|weiger\p{L}*|refuse|decline|nee zeggen|say no)\b/u;

/** Someone the asker knows or is related to ("een kandidaat die ik persoonlijk ken", "the applicant is my nephew"): the stuff of a conflict of interest. */
const PERSONAL_TIE =
  /\b(?:ik|i|we) (?:\p{L}+ ){0,2}?(?:ken|kende|kennen|know|knew)\b|\b(?:persoonlijk|personally)\b|\b(?:familie\p{L}*|family|relative\p{L}*|neef|nicht|zwager|schoonzus|schoonbroer|nephew|niece|cousin|in-laws?|(?:mijn|my) (?:vriend|vriendin|friend|broer|zus|brother|sister|partner|man|vrouw|wife|husband))\b/u;

/** Whether a know-how or worked-aid ask holds an integrity subject, a personal tie, a permission or a question what to do. */
function knowHowForTheRules(folded: string): boolean {
  const asked = folded.replace(ONES_LOVE_LIFE, ' ').replace(POLICY_JOB_TITLE, ' ');
  return INTEGRITY_SUBJECT.test(asked) || ABOUT_THE_RULES.test(asked) || CONDUCT_AT_STAKE.test(asked) || PERSONAL_TIE.test(asked) || isPermissionFramed(asked.replace(THE_ASKS_OWN_MODAL, ' ')) || asksWhatToDo(asked);
}

/**
 * Asks for know-how (how best to do something, tips, ideas, a recommendation) or a worked aid (an example
 * sentence, a checklist) with no integrity subject, permission or question what to do in it: "hoe bouw ik zijn
 * uren verantwoord op na een burn-out", "heb je tips om minder te vergaderen", "give me a checklist
 * for the move". Not "hoe kan ik het beste een cadeau weigeren", "tips om de schijn van belangenverstrengeling te
 * vermijden" or "geef een voorbeeld van een dilemma". `folded` is the question after `fold`.
 */
export function asksForKnowHow(folded: string): boolean {
  return (HOW_BEST.test(folded) || WORK_AID.test(folded)) && !knowHowForTheRules(folded);
}

/** A film, series, book or game, or a streaming service ("in die netflix serie", "in the movie", "in a novel"). */
const FICTION =
  /\b(?:in|uit|from) (?:die|de|een|het|deze|dat|this|that|the|a) (?:[\p{L}-]+ )?(?:\p{L}*serie|\p{L}*series|\p{L}*film|movie|boek|book|roman|novel|documentaire|documentary|soap|game|cartoon|musical)\b|\b(?:netflix|videoland|disney\+?|hbo|prime video)[- ]?(?:serie|series|film|show|movie)\b/u;

/**
 * What happens in a film, series or book, asked with neither the asker nor anyone of work in it ("in die serie
 * legt een agent een eed af op zijn penning, bestaat dat echt?"): fiction and the world it shows, however much an
 * oath or a bribe in it sounds like our rules. Not "in die serie nam een ambtenaar geld aan, mag ik …", nor
 * "geldt dat bij ons ook?". `folded` is the question after `fold`.
 */
export function asksAboutFiction(folded: string): boolean {
  return FICTION.test(folded) && !ASKER_NAMED.test(folded) && !ASKER_OR_OWN_WORK.test(folded) && !namesEmployerSide(folded) && !isPermissionFramed(folded) && !ABOUT_THE_RULES.test(folded);
}

/** A thing that broke or does not work ("kapot", "een lekke band", "gescheurd", "laadt niet", "broken", "a flat tyre"). */
const DEFECT =
  /\b(?:kapot\p{L}*|stuk|lek|lekke|lekt|gescheurd|gebroken|gebarsten|defect\p{L}*|beschadigd|doet het niet|werkt niet|laadt niet|start niet|broken|broke|flat|torn|cracked|damaged|not working|(?:doesn't|doesnt|won't|wont) (?:work|start|charge))\b/u;
/** Where it goes, who fixes it or how a new one is had ("waar lever ik die in", "wie repareert", "where do I take it"). */
const FIX_ASK =
  /\b(?:waar|bij wie|naar wie|hoe|where|who|how)\b(?:\s+[\p{L}']+){0,6}?\s+(?:heen|naartoe|brengen|breng|inleveren|lever|terecht|repareren|repareert|maken|gemaakt|vervangen|vervangt|nieuwe?|take|bring|drop|repair\p{L}*|fix\p{L}*|replace\p{L}*|new one|a new)\b/u;
/** Which supplier or shop work things are ordered from ("via welke leverancier bestellen we", "where do we order"). */
const ORDER_CHANNEL =
  /\b(?:via|bij|van) (?:welke|welk) (?:leverancier|winkel|webshop|bedrijf|firma|zaak)\b(?:\s+\p{L}+){0,1}\s+(?:bestel|bestellen|bestelt|koop|kopen|koopt|haal|halen|krijg|krijgen)\b|\bwaar (?:bestel|bestellen|koop|kopen|haal|halen) (?:ik|we|wij|je)\b|\b(?:which|what) (?:supplier|shop|store|vendor|company) do (?:we|i|you) (?:order|buy|get)\b|\bwhere do (?:we|i) (?:order|buy|get)\b/u;
/** How often a new one may be had ("om de hoeveel jaar krijg ik een nieuwe jas", "how often do I get new boots"). */
const HOW_OFTEN_A_NEW_ONE =
  /\bhoe vaak (?:heb|krijg|kan|kun) (?:ik|je|we)\b(?:\s+\p{L}+){0,3}?\s+(?:een )?nieuwe?\b|\bhow often (?:am i entitled to|do i get|can i get|do we get|can we get|are we entitled to) (?:a )?new\b/u;
/** Whether a pass, permit or card also works elsewhere ("geldt mijn pasje ook in het stadskantoor", "does my badge also work in …"). */
const PASS_ALSO_VALID =
  /\b(?:kan|kun) (?:ik|je|we) (?:met|with) (?:mijn|mn|de|onze|ons|het) \p{L}*(?:pas|pasje|vergunning|kaart|kaartje|abonnement|badge)\b(?:\s+\p{L}+){0,4}?\s+ook\b|\b(?:geldt|werkt) (?:mijn|mn|de|onze|het) \p{L}*(?:pas|pasje|vergunning|kaart|kaartje|abonnement|badge) (?:\p{L}+ ){0,3}?ook\b|\bcan (?:i|we) (?:also )?use (?:my|our|the) (?:\p{L}+ )?(?:pass|permit|badge|card)\b(?:\s+\p{L}+){0,2}?\s+(?:at|in|for)\b|\b(?:does|will) (?:my|our|the) (?:\p{L}+ )?(?:pass|permit|badge|card) (?:also )?(?:work|count|apply) (?:at|in|for)\b/u;
/** A pass or tool put to private use, for others or outside work: no longer a facilities question. */
const PRIVATE_USE = /\b(?:prive\p{L}*|eigen (?:auto|gebruik|bedrijf)|thuis|weekend\p{L}*|vrije tijd|vakantie|familie|partner|vrienden|kinderen|private\p{L}*|personal|home|weekends?|holiday|family|friends?|kids|children)\b/u;

/**
 * A facilities errand about work things: where a broken one goes or how a new one is had, which
 * supplier work things are ordered from and how often a new one is due, whether a pass or permit also
 * works at another site ("de bakfiets van de buitendienst heeft een kapotte ketting, wie maakt die?", "via welke
 * winkel bestellen we werkkleding?", "does my badge also work in the other building?"). However much a
 * work bike, a supplier or a permit sounds like the rules on property and procurement, it is for the
 * facilities desk; not when something of an integrity subject (a report, permission, a gift, theft),
 * private use, a colleague or a relative is in it. `folded` is the question after `fold`.
 */
export function asksFacilityErrand(folded: string): boolean {
  const broken = DEFECT.test(folded) && FIX_ASK.test(folded);
  const ordered = ORDER_CHANNEL.test(folded) || HOW_OFTEN_A_NEW_ONE.test(folded);
  const pass = PASS_ALSO_VALID.test(folded);
  if (!broken && !ordered && !pass) return false;
  // The supplier of a channel question is where things are ordered, not a party to the rules.
  const rest = folded.replace(new RegExp(ORDER_CHANNEL.source, 'gu'), ' ');
  return !INTEGRITY_SUBJECT.test(rest) && !PRIVATE_USE.test(folded) && !COLLEAGUE.test(folded) && !CLOSE_OR_ME.test(folded);
}

/** A resident, client or applicant: someone the asker serves. */
const CLIENT = /\b(?:klant\p{L}*|client\p{L}*|inwoner\p{L}*|burger|burgers|bewoner\p{L}*|aanvrager\p{L}*|uitkeringsgerechtigde\p{L}*|residents?|customers?|clients?|applicants?|claimants?)\b/u;
/**
 * What they themselves may, must or can do, or which form they use ("vraagt of hij … mag", "welk formulier
 * moet hij gebruiken", "asks whether she can keep her benefit").
 */
const THEIR_OWN_STEP =
  /\b(?:mag|mogen|moet|moeten|kan|kunnen|hoeft|hoeven) (?:hij|zij|ze)\b|\b(?:of|whether|if) (?:hij|zij|ze|he|she|they)\b(?:\s+[\p{L}-]+){0,8}?\s+(?:mag|mogen|moet|moeten|kan|kunnen|hoeft|may|can|must|should|is allowed|are allowed|has to|have to|needs to|need to)\b|\b(?:may|can|should|must) (?:he|she|they)\b|\b(?:is|are) (?:he|she|they) allowed\b|\b(?:does|do) (?:he|she|they) (?:have|need) to\b/u;
/** The asker put to the question ("vraagt me", "asks me", "een klant van mij") is only who was asked. */
const ASKED_OF_ME = /\b(?:vraagt|vroeg|vragen|asks|asked|ask) (?:me|mij)\b|\b(?:van|of) (?:mij|me|mine)\b/g;
/** The asker or our side in the question: their own conduct may be at stake. */
const ASKER_OR_OURS = /\b(?:ik|mij|me|mijn|we|wij|ons|onze|i|my|our|us)\b/;
/** Our staff as the other party ("een klacht over een handhaver", "about an officer"): their conduct is ours. */
const OUR_STAFF =
  /\b(?:collega\p{L}*|\p{L}*medewerk\p{L}*|ambtena\p{L}*|handhaver\p{L}*|boa|boas|consulent\p{L}*|behandelaar\p{L}*|leidinggevende\p{L}*|manager\p{L}*|teamleider\p{L}*|wethouder\p{L}*|burgemeester|raadsle\p{L}*|colleagues?|employees?|staff|officials?|officers?|caseworkers?|alderm[ae]n|mayor|councillors?)\b/u;
/** What would make their step one of our rules: a gift, money or favour to us, a tie, a threat, misconduct. */
const TOWARDS_US =
  /\b(?:\p{L}*cadeau\p{L}*|\p{L}*kado\p{L}*|\p{L}*geschenk\p{L}*|fooi|bedankje|presentje|geld|contant|betalen|aanbied\p{L}*|aangeboden|voorrang|sneller|omkop\p{L}*|smeergeld|steekpenning\p{L}*|kent|familie|bedreig\p{L}*|agressi\p{L}*|geweld|discrimin\p{L}*|intimid\p{L}*|scheld\p{L}*|uitgescholden|vertrouwelijk\p{L}*|geheim\p{L}*|opnemen|opname|filmen|gifts?|presents?|tip|money|cash|pay|offer\p{L}*|priority|faster|speed up|bribe\p{L}*|knows|family|threat\p{L}*|aggress\p{L}*|violen\p{L}*|harass\p{L}*|confidential|secret|record|film)\b/u;

/**
 * A resident's or client's own matter passed on by the asker: what they may, must or can do under
 * their own scheme, or which form they use ("een cliënt wil weten of hij met zijn bijstand ook
 * oppaswerk mag doen", "een inwoner is ontevreden over de wachttijd aan de balie, welk formulier moet hij
 * gebruiken?", "a client asks whether she can keep her benefit if she volunteers"). Their side job or
 * complaint is a matter of their own scheme, not of the asker's integrity; not when the asker or our side
 * is in it, our staff are the other party, or a gift, money, favour, tie or threat towards us is.
 * `folded` is the question after `fold`.
 */
export function asksForAClientsOwnMatter(folded: string): boolean {
  if (!CLIENT.test(folded) || !THEIR_OWN_STEP.test(folded)) return false;
  const rest = folded.replace(ASKED_OF_ME, ' ');
  return !ASKER_OR_OURS.test(rest) && !OUR_STAFF.test(folded) && !TOWARDS_US.test(folded) && !isPermissionFramed(rest);
}

/**
 * The assistant asked to pick a tool or product ("welke planningstool is het fijnst", "which app works best",
 * "wat vind jij beter, X of Y") by a superlative or a preference.
 */
const BEST_PICK =
  /\b(?:welke|welk)\b(?:\s+[\p{L}.'-]+){0,4}?\s+(?:is|werkt|zijn|werken)\s+(?:het\s+)?(?:handigst\p{L}*|best\p{L}*|makkelijkst\p{L}*|fijnst\p{L}*|snelst\p{L}*|goedkoopst\p{L}*|geschiktst\p{L}*)\b|\b(?:which|what)\b(?:\s+[\p{L}.'-]+){1,4}?\s+(?:is|works|are|would be)\s+(?:the\s+)?(?:best|easiest|handiest|fastest|cheapest|most (?:useful|suitable|convenient))\b|\bwat vind (?:je|jij|u) (?:beter|handiger|fijner|mooier)\b|\bwhich (?:one )?(?:would you|do you) (?:recommend|prefer|suggest)\b/u;
/** Whether to sell, buy or hold one's own investments ("should I sell or keep my fund?", "zou jij verkopen?"). */
const MARKET_TIMING =
  /\b(?:would|should) (?:you|i) (?:\p{L}+ )?(?:sell|buy|hold)\b|\b(?:sell|verkopen|verkoop)\b(?:\s+\p{L}+){0,2}?\s+(?:or|of)\s+(?:hold|keep|wait|houden|aanhouden|vasthouden|wachten)\b|\bzou (?:jij|je|u) (?:\p{L}+ ){0,3}?(?:verkopen|bijkopen|aanhouden)\b/u;
/** Tips for a skill of one's own ("tips om een nette foto te maken", "any tips for a good photo", "heb je tips"). */
const TIPS_FOR_A_SKILL = /\b(?:tips?|tipjes|handige tips)\s+(?:om|voor|hoe|over|to|for|on|how)\b|\b(?:heb je|heeft u|iemand|any|got any)\s+(?:\p{L}+\s+)?tips\b/u;
/** How much one usually gives or tips ("hoeveel fooi is gebruikelijk in Italië", "how much do you tip"): a custom, no gift received. */
const USUAL_AMOUNT_TO_GIVE =
  /\bhoeveel (?:\p{L}+ ){0,2}?(?:geef|geeft|geven) (?:je|jij|men|mensen|ik|we)\b|\b(?:hoeveel|welk bedrag|wat voor bedrag)(?: \p{L}+){0,2}? fooi\b|\bfooi (?:geven|geef)\b.{0,40}\b(?:hoeveel|normaal|gebruikelijk)\b|\b(?:should|do) (?:i|you|we) tip\b|\bhow much (?:\p{L}+ ){0,2}?(?:do|should|would) (?:you|i|we|people) (?:usually |normally )?(?:tip|give)\b|\bhow much (?:to )?tip\b/u;

/**
 * Advice for the asker's own life or tools: which tool or product is best, whether to sell or hold
 * one's investments, tips for a skill, how much one usually tips or gives. However much a side project,
 * shares or a profile photo sounds like the rules on side jobs, interests or social media, it is no
 * question about conduct at work; not when a word of an integrity subject, a permission, a colleague,
 * one's manager, anyone of work from outside, someone the asker knows or a relative is in it.
 * `folded` is the question after `fold`.
 */
export function asksForPersonalAdvice(folded: string): boolean {
  const market = MARKET_TIMING.test(folded) && !OUTSIDER.test(folded) && !DOING_BUSINESS.test(folded) && !namesEmployerSide(folded);
  const advice = BEST_PICK.test(folded) || TIPS_FOR_A_SKILL.test(folded) || (USUAL_AMOUNT_TO_GIVE.test(folded) && !GIFT_RULE.test(folded) && !namesEmployerSide(folded));
  if (!market && !advice) return false;
  // "Tips voor een gesprek met een kandidaat die ik ken": a tie with someone at work is a question for the rules.
  return !INTEGRITY_SUBJECT.test(folded) && !isPermissionFramed(folded) && !COLLEAGUE.test(folded) && !BOSS.test(folded) && !OUTSIDER.test(folded) && !KNOWS_A_CANDIDATE.test(folded) && !CLOSE_OR_ME.test(folded);
}

/** The layout of a text to write ("een logische indeling voor een memo", "suggest a structure for that document"). */
const LAYOUT_FOR_A_TEXT =
  /\b(?:opbouw|structuur|indeling|opzet|opzetje|sjabloon|template|format|outline|layout|structure)\s+(?:voor|for|van|of)\s+(?:een|a|an|dat|die|deze|dit|that|this|the|het|de|ons|onze|our|my|mijn)\b/u;
/** Rules as the kind of text to write ("een gedragscode voor code reviews"): the task's genre, not a question about ours. */
const RULES_AS_A_GENRE = /\b(?:gedragscode|code of conduct|\p{L}*beleid\p{L}*|regels|rules|policy|policies)\b/gu;

/**
 * Asks for the layout of a text the asker is to write: a memo, a proposal, their team's own code for
 * a work practice ("een handige indeling voor een collegenota", "can you suggest a structure for
 * our code of conduct for code reviews?"). A writing job, even when the text is a code or a policy; not
 * when an integrity subject (a report, a gift, integrity itself) is its content, or a permission is asked.
 * `folded` is the question after `fold`.
 */
export function asksForATextLayout(folded: string): boolean {
  if (!LAYOUT_FOR_A_TEXT.test(folded)) return false;
  return !INTEGRITY_SUBJECT.test(folded.replace(RULES_AS_A_GENRE, ' ')) && !isPermissionFramed(folded);
}

/** The asker and their partner as a couple ("mijn vriendin en ik", "my partner and I"). */
const A_COUPLE =
  /\b(?:mijn|mn|my)\s+(?:\p{L}+\s+)?(?:partner|vriend|vriendin|man|vrouw|echtgeno\p{L}*|verloofde|husband|wife|boyfriend|girlfriend|fianc\p{L}*|spouse)\s+(?:en|and)\s+(?:ik|i|me)\b/u;

/**
 * A couple's own affairs with nothing of work in it ("mijn vriendin en ik willen gaan samenwonen, wat
 * is het verschil met trouwen?", "my partner and I want to rent a flat together"): private life, however much a
 * partner sounds like the rules on relationships ("what should we arrange first" is the couple's
 * practice); not when work or an integrity subject, a "mag" or "melden" among them, is in it ("mijn man
 * en ik verhuren een kamer, is dat een nevenfunctie?"). `folded` is the question after `fold`.
 */
export function isACouplesOwnMatter(folded: string): boolean {
  if (!A_COUPLE.test(folded)) return false;
  return !WORK_CONTEXT.test(folded.replace(NOT_THE_ASKERS_WORK, ' ')) && !INTEGRITY_SUBJECT.test(folded);
}

/**
 * How a framework of casework or law works for a case: its time limit ("binnen welke termijn", "hoeveel
 * dagen van tevoren", "how long do we have to"), its steps ("wat zijn de stappen"), how something is
 * counted or settled ("hoe verreken ik", "telt dat mee", "verrekend worden"), whether one of its terms
 * applies to someone in a case ("geldt die vrijlating ook voor hem"), or which route a complaint or case
 * takes ("loopt dat via … of via …").
 */
const HOW_A_FRAMEWORK_WORKS =
  /\b(?:binnen|na|in) (?:welke|hoeveel) (?:termijn|tijd|dagen|weken|maanden)\b|\bhoeveel (?:dagen|weken|uur|uren|maanden|jaar) (?:van tevoren|voor|na|moet|moeten|mag|mogen|heeft|hebben)\b|\bhoe (?:lang|snel) (?:moet|moeten|mag|mogen|heeft|hebben|duurt|is de)\b|\b(?:welke|de \p{L}+|wat zijn de(?: \p{L}+)?) stappen\b|\bverreken\p{L}*|\bteller? (?:\p{L}+ ){0,2}?mee\b|\bmeetellen\b|\bloopt (?:dat|dit|het|die|deze|zo'?n)(?: \p{L}+){0,2}? via\b|\b(?:geldt|gelden)\b(?: [\p{L}%\d]+){0,5}? (?:ook )?voor (?:hem|haar|hen|die|deze|een|zo'?n)\b|\b(?:does|do) (?:[\p{L}%\d]+ ){0,4}?(?:also )?apply to (?:him|her|them|a|an|the|such)\b|\b(?:within|in) (?:what|which|how many) (?:time|period|term|days|weeks|months)\b|\bhow (?:long|soon|quickly) (?:do|does|must|should|have) (?:we|i|they|the)\b|\bwhat are the (?:\p{L}+ )?steps\b|\b(?:offset|deduct\p{L}*) (?:against|from)\b|\b(?:does|do) (?:that|this|it) (?:go|run) (?:through|via)\b/u;
/**
 * The asker's own conduct at stake: something offered or given to them, a tie of theirs, pressure or a
 * threat on them, or whether they may do something ("mag ik", "can I").
 */
const OWN_STAKE =
  /\b(?:mag ik|mogen we|mogen wij|kan ik|kun ik|may i|can i|am i allowed|are we allowed)\b|\b(?:aan mij|aan me|(?:biedt|bood|geeft|gaf|stuurt|stuurde) (?:me|mij)|me (?:aangeboden|gegeven)|kreeg ik|heb ik (?:\p{L}+ ){0,3}?gekregen|(?:offers?|offered|gives?|gave|sends?|sent) (?:me|us)|i (?:got|received))\b|\b(?:bedreig\p{L}*|threat\p{L}*|onder druk|druk (?:op|uit)|pressure\p{L}*|wil dat ik|wants me to|(?:mijn|my) (?:eigen )?(?:bijbaan|nevenfunctie|nevenwerk\p{L}*|side job|business))\b/u;

/**
 * Asks how a framework of casework or law works for a case — a time limit, its steps, how something
 * is counted or settled, which route a complaint takes — with the asker's own conduct nowhere at stake.
 * Casework borrows the rules' words ("een gift van zijn moeder", "een klacht over het team", "opgelegde
 * geheimhouding", "bijverdiensten"): beside a decisive phrase of such a framework (an act, a reporting
 * code, a reckoning term) they describe the case, not the asker's integrity, however many there are
 * (see `decideScope`). Not when something is offered to the asker, a tie or a threat of theirs, pressure
 * on them or their own permission is in it. `folded` is the question after `fold`.
 */
export function asksHowAFrameworkWorks(folded: string): boolean {
  return HOW_A_FRAMEWORK_WORKS.test(folded) && !OWN_STAKE.test(folded) && !PERSONAL_TIE.test(folded);
}
