import { allOrganisationMentions } from './organisations.js';
import { fold } from './text.js';

/**
 * Whether a question asks for somebody else's records: what a named colleague, a manager, "the
 * team" or "anyone" reported, received, declared or was sanctioned for. Such questions are
 * declined in any phrasing and language, because the assistant must never confirm or deny
 * facts about another person's notifications, reports, investigations or files.
 *
 * A question about the RULES that mentions other people is not such a request: "moet mijn
 * collega zijn bijbaan melden?", "what happens when someone reports my manager?", "mijn collega
 * neemt spullen mee, wat moet ik doen?". The classifier therefore looks for the shape of a
 * records request rather than for single words:
 * - a request to show, list or export registrations of others ("export all gift registrations");
 * - a yes/no question about a third party's registration, directly or embedded ("heeft mijn
 *   manager zijn aandelen gemeld?", "kun je checken of Fatima iets heeft gemeld",
 *   "any idea whether Pieter got a sanction");
 * - a who/which/how-many question about what people registered ("wie heeft een klacht
 *   ingediend", "which colleagues have registered financial interests");
 * - an open case against someone ("is er een onderzoek naar wethouder Bakker");
 * - a report about the asker or its maker: who reported the asker, by any verb ("wie heeft mij
 *   verlinkt", "who ratted me out"), whether a report about the asker exists or what it says,
 *   who a reporter is or what would narrow them down ("is de melder een man of een vrouw");
 *   a reporter's identity is never revealed, also not to the one reported;
 * - the other side of the asker's own case: the response of the one complained about, or where
 *   counsel stands with them ("laat haar verweer zien").
 * - a ranking or comparison of people's or units' registrations ("welke afdeling meldt de minste
 *   cadeaus?", "vergelijk de bijbanen van A en B"), a group's registrations in a table or csv;
 * - what counsel heard from, knows of or advised a particular person, and agreements recorded
 *   about a colleague's conduct asked to be seen;
 * - a fact about someone just told, then whether it was registered or approved ("… — was that
 *   ever approved?").
 * A sentence with a word of rule or process (mag, moet, verplicht, regels, procedure, happens)
 * or one that asks permission for the asker is about the rules and never counts ("wie mag zien
 * wie de melder is?", "wat gebeurt er met een melding over mij?").
 *
 * Every pattern runs on one folded sentence, is linear, and bounded gaps keep it so.
 */

/**
 * A pattern at the start of a sentence, after an optional greeting typed without a comma
 * ("hey is …"), a short address or aside ("zeg eens eerlijk, heeft Jan …") and a joining word
 * ("En heeft …", "and did …": a second question added to a first).
 */
function opening(pattern: string): RegExp {
  return new RegExp(String.raw`^(?:(?:hey|hi|hoi|hallo|hee|hej|yo|zeg|ok|oke|okay|vraagje|btw) )?(?:\p{L}+(?: \p{L}+){0,5}\s*[,:;–—-] ){0,2}(?:(?:en|and|maar|but|ook|also|dus|so|verder|plus) )?` + pattern, 'u');
}

/** People other than the asker, by role or group. Folded: "collega's" is "collegas". */
const THIRD_PARTY =
  /\b(collega|collegas|collegaas|medewerker|medewerkers|ambtenaar|ambtenaren|manager|managers|leidinggevende|leidinggevenden|teamleider|teamleiders|teamlead|teamleiding|baas|chef|afdelingshoofd|hoofd van|directeur|directie|gemeentesecretaris|secretaris|griffier|burgemeester|wethouder|wethouders|raadslid|raadsleden|gemeenteraad|bestuurder|bestuurders|buurman|buurvrouw|vrouw|man|meneer|mevrouw|heer|de heer|mw|dhr|ploegbaas|voorman|uitvoerder|coordinator|consulent|consulenten|handhaver|handhavers|boa|inwoner|inwoners|bewoner|bewoners|klant|client|clienten|kandidaat|kandidaten|leden|bestuursleden|resident|residents|candidate|candidates|official|officials|members|receptioniste|adviseur|adviseurs|adviser|advisor|head of|stagiair|stagiaire|stagiairs|inhuurkracht|inhuurkrachten|voorganger|opvolger|ex|intern|trainee|receptionist|secretary|predecessor|girl|boy|new hire|contractor|iemand|anderen|iedereen|mensen|personen|afdeling|colleague|colleagues|coworker|coworkers|co-worker|co-workers|teamgenoot|teamgenote|teamgenoten|teamlid|teamleden|kamergenoot|bureaugenoot|collegaatje|teammate|teammates|team member|team members|teamie|employee|employees|staff|boss|supervisor|team leader|team lead|teamleader|woman|guy|lady|gentleman|director|mayor|alderman|aldermen|councillor|councillors|councilor|council|someone|anyone|anybody|everyone|everybody|people|department|hij|zij|ze|hem|zn|he|she|him|his|they|them|their)\b|\b(mijn|my|ons|our|het|the|de)\s+(?:\p{L}+\s+)?team\b|\b(over|about|tegen|against|van|of|with|met)\s+(haar|hem|her|him)\b|\b\p{L}*(?:medewerker|medewerkers|medewerkster|manager|managers|leider|leiders|hoofd|directeur|chef|adviseur|adviseurs|coach|coaches|consulent|consulenten|coordinator|functionaris|planner|chauffeur|monteur|jurist|controller|inspecteur|toezichthouder|handhaver|secretaresse|receptioniste|archivaris|opzichter|beheerder|boekhouder)\b|\b(?:uitzend|inhuur|flex|inval|oproep|schoonmaak)krachte?n?\b|\b(?:officer|officers|uitzendkracht|temp|temps|jobcoach|receptionist)\b/u;
/** Things kept in a register or a case file. */
/**
 * The words of RECORD_THINGS, also the things of POSSESSED_RECORD. The compounds ("integriteitsmelding",
 * "afscheidscadeau") share one leading `\p{L}*`: written once per word it made the pattern scan each
 * word's letters twenty-six times, and this one pattern runs several times on every sentence.
 */
const RECORD_WORDS = String.raw`\p{L}*(?:melding|meldingen|klacht|klachten|dossier|dossiers|onderzoek|onderzoeken|waarschuwing|waarschuwingen|cadeau|cadeaus|cadeautje|cadeautjes|geschenk|geschenken|verklaring|verklaringen|registratie|registraties|schending|schendingen|training|trainingen|maatregel|maatregelen|register|registers)|meldng|medling|meldign|klacth|neven\p{L}+|zaak|sanctie|sancties|straf|strafmaatregel|berisping|ontslag|schorsing|vog|nevenfunctie|nevenfuncties|nevenwerk|nevenwerkzaamheden|nevenwerkzaamheid|bijbaan|bijbanen|bijbaantje|aandelen|beleggingen|belang|belangen|kado|kados|kadootje|kadootjes|presentje|presentjes|giften|uitnodiging|uitnodigingen|invitations?|kerstpakket|kerstpakketten|eed|belofte|relatie|relaties|schulden|strafblad|tweede baan|nevenbaan|nevenbanen|ambtseed|ambtsbelofte|familie|familie van|affaire|neef|nicht|zwager|schoonzoon|schoondochter|nephew|niece|cousin|related|ziek|ziekte|zwanger|pregnant|sick|ill|illness|burn-?out|overspannen|politieke partij|partijlid|political party|vakbond|union member|probleemgeval|probleemgevallen|zwarte lijst|blacklist|troublemaker|nevenbetrekking|nevenbetrekkingen|loonbeslag|beslag|zwart werk|zwartwerk|uitkeringsfraude|fraude|verbonden aan|banden met|connected to|ties to|uurtarief|verdient|earns|salaris|salary|loonstrook|inhouding|ziekteverzuim\p{L}*|verzuim\p{L}*|diagnose\p{L}*|medisch\p{L}*|sick days|sick leave|diagnos\p{L}*|certificate of conduct|certificate of good conduct|disciplinair|disciplinaire|disciplinaire maatregel|gespreksverslag|gespreksverslagen|gespreksnotities|declaraties|violations?|breaches|expense claims?|employed|family|affair|relationship|relationships|debts?|criminal record|second job|reports?|notifications?|complaints?|files?|records?|investigations?|cases?|sanctions?|warnings?|disciplinary|dismissal|side jobs?|side business|outside work|outside jobs?|outside activities|side positions?|ancillary positions?|ancillary activities|other jobs?|another job|andere baan|andere banen|extra baan|extra job|ernaast|on the side|schikking|schikkingen|settlements?|schadevergoeding|schadevergoedingen|boete|boetes|damages|penalty|penalties|shares|financial interests?|investments|gifts?|declarations?|registrations?|oath|company on the side|business on the side|bedrijf ernaast|bedrijfje ernaast|eigen bedrijf|eigen bedrijfje|own company|own business|klokkenluider|klokkenluiders|whistleblower|whistleblowers|toestemming|goedkeuring|ontheffing|permission|approval|promise|affirmation|integrity statements?|melder|melders|klager|klagers|complainants?|aangifte|aangiftes|police reports?|disciplinary measures?`;
const RECORD_THINGS = new RegExp(String.raw`\b(${RECORD_WORDS})\b`, 'u');
/** What happens to a registration: it is made, received, approved, or someone is sanctioned. */
const RECORD_EVENTS =
  /\b(gemeld|meldde|meldden|opgegeven|aangegeven|geregistreerd|ingediend|gekregen|kreeg|ontvangen|aangenomen|gehad|goedgekeurd|afgewezen|afgelegd|getekend|ondertekend|ontslagen|geschorst|berispt|betrapt|aangesproken|onderzocht|gewaarschuwd|getrouwd|non-actief|reported|declared|registered|filed|received|accepted|approved|rejected|signed|fired|suspended|disciplined|investigated|warned|caught|married|came back|ingeleverd|gevolgd|gelekt|ineens weg|opeens weg|plotseling weg|zomaar weg|verdwenen|disappeared|lekte|ingehuurd|vertrokken|afgetreden|opgestapt|teruggetreden|stepped down|resigned|let go|handed in|hand in|hold|holds|owns|leaked|hired|left|completed|attended|firing|sacked|ontslaan|overlegd|meegegaan|mee geweest|ging(?:en)? (?:[a-z]+ ){0,4}?mee naar|went along|iets met|wat met|iets heeft met|wat heeft met|something going on|seeing each other|dating|op het matje|ter verantwoording geroepen|teruggefloten|weggestuurd|eruit gezet|eruit gegooid|op non-actief gezet|op straat gezet|called to account|reprimanded|sent away|kicked out|dismissed|sign|geklaagd|klaagde|klaagden|complained|verraden|doorgegeven|verlinkt|verklikt|gelapt|erbij gelapt|snitched|ratted|grassed|squealed|told on|opgevraagd|ingezien|geraadpleegd|accessed|looked up|viewed|afgesproken|agreed|afspraken gemaakt|made (?:an )?arrangements?|made a deal|gestraft|bestraft|punished|contact opgenomen|contact gezocht|reached out|got in touch|benaderd|ingeschakeld|doorgezet|doorgestuurd|doorverwezen|approached|contacted|referred|escalated|passed on|bezit|bezitten|werkt (?:[^ ]+ ){0,5}?als|werkte (?:[^ ]+ ){0,5}?als|aan de slag|works as|worked as|working as|work as|vastgesteld|geconstateerd|opgelegd|terugbetaald|terugbetalen|repaid|repay|paid back|imposed)\b/;
/** Everyday verbs that are a registration only beside one ("een melding gedaan", "bij de vertrouwenspersoon geweest"). */
const GENERIC_EVENTS = /\b(aangeklopt|langs geweest|langsgegaan|knocked on|talk to|speak to|talked to|spoke to|spoken to|spoken with|gepraat|besproken|discussed|gedaan|geweest|gegaan|gestapt|stapte|stapten|turned to|tell|say|share|mention|gesproken|gezegd|verteld|got|gotten|told|said|talked|spoke|been|went)\b/;
/** Being put down as something: "bekend als probleemgeval", "flagged as a risk". */
const LABELLED = /\b(bekend als|bekend staat|known as|flagged|gemarkeerd|gelabeld|labell?ed|aangemerkt)\b/;
/** Known to a desk ("is hij bekend bij jullie schuldhulp", "is she known to your team"): being in its files, which is a record whatever the desk. */
const KNOWN_TO_A_DESK = /\b(?:bekend bij|in beeld bij|ingeschreven bij|known to|on the books of|registered with) (?:jullie|de|het|ons|onze|your|the|you)\b/;
/** Where registrations and confidences go. */
const COUNSEL = /\b(vertrouwenspersoon|vertrouwenspersonen|meldpunt|lkog|huis voor klokkenluiders|huis van de klokkenluiders|whistleblowers authority|klachtencommissie|integriteitscoordinator|confidential counsell?ors?|confidential advis[eo]rs?|counsell?ors?|hr|penoafdeling|personeelszaken|contactpersoon|contactpersonen|vertrouwensarts|bedrijfsarts)\b/;
/** Words of rule, permission or process: the sentence asks how things work, not what someone did. */
const RULE_OR_PROCESS =
  /\b(wat als|what if|stel dat|suppose|(?:als|wanneer|indien|when|if) (?:een|iemand|je|a|an|someone|somebody|you)|(?:als|wanneer|indien|zodra|when|if|once|after) (?:ik|i|we|wij) (?:[a-z]+ ){0,4}?(?:report|melden|meld|aangeef|aangeven|klaag|klagen|complain|file|blow|dien|indien)|(?:stay|stays|remain|remains|blijft|blijven|blijf) (?:anonymous|anoniem)|anonimiteit|anonymity|nodig|need|needs|verantwoordelijk|responsible|beslist|beslissen|decides|decide|registreert|registreren|bijhouden|houdt bij|beheert|beheren|ontvangt|keeps|maintains|bevoegd|moet|moeten|moest|hoeft|hoeven|mag|mogen|mocht|kan|kunnen|can|could|dient|dienen|strafbaar|fout|erg|ok|oke|okay|goed|gepast|normaal|integer|probleem|problemen|wrong|fine|problem|trouble|legal|illegal|verplicht|verplichting|plicht|meldplicht|vrijwillig|optioneel|optional|voluntary|mandatory|compulsory|toegestaan|verboden|regel|regels|\p{L}*regeling|\p{L}*regelingen|beleid|\p{L}*reglement|\p{L}*protocol|gedragscode|integriteitsregels|code of conduct|integrity rules|\p{L}*procedure|recht|rechten|inzage|toegang|gebeurt|gebeuren|beschermd|bescherming|protected|protection|hoe werkt|verloopt|behandelt|behandeld|afgehandeld|hoort|horen|must|should|may|allowed|permitted|forbidden|required|obliged|supposed|have to|has to|had to|need to|needs to|rule|rules|policy|procedure|rights|access|happens|happen|handled|handle|handles|how it works|how does|openbaar(?! ministerie)|openbaar gemaakt|bekendgemaakt|bekend gemaakt|disclosed|gepubliceerd|publiceren|public|made public|published|publish|zeggenschap|inspraak|instemming|instemmingsrecht|adviesrecht|have a say|has a say|a say in|right of consent)\b/u;
/**
 * "Wie neemt de ambtsbelofte af van nieuwe collega's?", "who administers the oath": who performs that
 * step of the process, in the present of a custom; "wie heeft de eed afgenomen van …" asks what
 * happened to someone.
 */
const OATH_ADMINISTERED =
  /\b(?:neemt|nemen) (?:\p{L}+ ){0,5}?(?:de |het )?(?:eed|belofte|ambtseed|ambtsbelofte|eed of belofte)\b(?: \p{L}+){0,6}? af\b|\b(?:eed|belofte|ambtseed|ambtsbelofte) (?:\p{L}+ ){0,2}?afnemen\b|\b(?:takes|administers|administer) the (?:oath|affirmation)\b|\bswears in\b/u;
/**
 * "Kun je …", "could you …", "zou je voor me kunnen …": asking the assistant to do something,
 * with the modal verb of that request, not a modal of the rule.
 */
const ASKING_THE_ASSISTANT = /\b((?:zou|kun|kan|wil|wilt|kunt) (?:je|jij|u)(?: \p{L}+){0,8}? (?:kunnen|willen)|kun je|kunt u|kan je|kan jij|zou je|zou u|wil je|wilt u|could you|can you|would you|will you|can u|could u|any chance you can|mag ik (?:(?:even|ff|alsjeblieft|alstublieft|aub|misschien|toch|gewoon|eigenlijk) ){0,2}(?:weten|vragen)|may i (?:know|ask)|mocht (?:hij|zij|ze|die|he|she)|zou ik (?:\p{L}+ ){0,4}kunnen (?:krijgen|ontvangen)|you can (?:check|look|see|tell|find)|you could|u zou|je zou|(?:can|could) i (?:get|have|receive))\b/gu;
/** "Kan ik … inzien", "mag ik een overzicht", "can I see …": the asker asks to be shown something. */
const ACCESS_REQUEST = /\b(?:kan|kun|mag) ik (?:\p{L}+ ){0,8}?(?:inzien|inkijken|bekijken|opvragen|downloaden)\b|\b(?:kan|kun|mag) ik (?:een|de|het) (?:overzicht|lijst|lijstje|export|kopie)\b|\b(?:can|may|could) i (?:see|view|read|look at|access|inspect|download)\b/gu;
/**
 * "Mag ik uit nieuwsgierigheid in het systeem … bekijken?": where or why the asker would look
 * themselves is a question about their own conduct, not a request to be shown a record.
 */
const OWN_LOOKUP = /\b(?:uit nieuwsgierigheid|out of curiosity|in (?:het|de|ons|onze) (?:systeem|systemen|zaaksysteem|applicatie|administratie|basisregistratie)|in (?:the|our) (?:system|systems|database|application))\b/;
/** "Als leidinggevende", "as a manager": asking what a role may see is a rule question. */
const IN_A_ROLE = /\b(?:als|as an?|as) (?:leidinggevende|manager|teamleider|hr|hr-adviseur|direct leidinggevende|supervisor|team leader|vertrouwenspersoon|confidential advis[eo]r)\b/;
/**
 * The asker asks about their own conduct or own registration; "een cadeau dat ik heb gekregen",
 * "the gift I received" is the asker's own as well, and so are the asker's own conversations with
 * a manager or HR ("komt integriteit aan bod in mijn functioneringsgesprekken met mijn chef?").
 */
const ASKER_OWN =
  /\b(?:dat|die|wat|that|which|what) (?:ik|i) (?:\p{L}+ ){0,5}?(?:gekregen|ontvangen|kreeg|received|got|was given|have been given)\b|\b(?:that|dat) (?:i|ik) (?:have |had )?(?:reported|filed|made|complained|blew|heb (?:\p{L}+ ){0,4}?(?:gemeld|ingediend|gedaan|aangegeven|geklaagd)|had (?:\p{L}+ ){0,4}?(?:gemeld|ingediend|gedaan|aangegeven|geklaagd)|(?:\p{L}+ ){1,4}?(?:heb|had) (?:gemeld|ingediend|gedaan|aangegeven|geklaagd)|(?:\p{L}+ ){1,4}?(?:gemeld|ingediend|gedaan|aangegeven|geklaagd) (?:heb|had))\b|\b(mag ik|kan ik|kun ik|moet ik|hoef ik|mijn eigen|mijn melding|mijn meldingen|mijn \p{L}+melding|mijn \p{L}+meldingen|mijn klacht|mijn dossier|mijn nevenwerk\p{L}*|mijn nevenfunctie\p{L}*|mijn bijbaan\p{L}*|mijn aanvraag|mijn verzoek|mijn aandelen|may i|can i|should i|must i|do i|am i|my own|my report|my complaint|my file|my notification|my gift|my shares|my side job|my request|my application)\b|\b(?:mijn|my) (?:\p{L}+ ){0,2}?(?:\p{L}*gesprek|\p{L}*gesprekken|conversations?|appraisals?|performance reviews?|(?:one-on-one|1-on-1) meetings?)\b/u;

/**
 * Asking the assistant to show or hand over registrations. "Laat" only as in "laat (me) zien":
 * "ik laat de dossiers op tafel liggen" tells what the asker does with them.
 */
const SHOW_VERBS =
  /\b(ranking|ranglijst|rangorde|rangschik[a-z]*|rank|zet|zetten|op een rij|op een rijtje|overzichtje|tabel|tabelletje|spreadsheet|excel|csv|exporteren|uitdraai|lijstje|forward|doorsturen|stuur door|toon|tonen|laat (?:me|mij|ons)|laat (?:\p{L}+ ){0,5}?zien|laten zien|bekijken|kijken|kijk|inzien|geef|stuur|noem|lijst|overzicht|exporteer|export|download|print|zoek|opzoeken|opvragen|nakijken|checken|check|controleer|controleren|show|list|give me (?:a |an |the )?(?:list|overview|names|all|count|number|numbers|export)|send|display|pull up|look up|look at|find|overview|dump|table|compile|tabulate)\b/u;
/** Many registrations or a group's: "alle", "met namen", "van afdeling X", "from last year". */
const MANY_OR_OTHERS = /\b(per medewerker|per employee|per persoon|top \d+|de meeste|the most|afdelingen|departments|per afdeling|per department|alle|allemaal|all|every|iedereen|everyone|met namen|with names|van vorig jaar|from last year|dit jaar|this year|van afdeling|van team|of team|from team|per team|of the|van de|van het|from the|by the|door de)\b/;
/** "Of all organisations", "van alle gemeenten": every organisation's rules, not a group of people. */
const ALL_ORGANISATIONS = /\b(?:all|alle|every|each|elke|iedere|both|beide|the two|de twee) (?:\p{L}+ )?(?:organisations?|organizations?|organisaties|organisatie|gemeenten|gemeente|municipalities|municipality|documents?|documenten|policies|regelingen|codes)\b/u;
/** A question embedded in a request: "kun je checken of …", "ik wil weten of …", "any idea whether …". */
const EMBEDDED_QUESTION =
  /\b(checken|nagaan|nakijken|kijk\p{L}*|zien|zoek\p{L}* op|opzoeken|vertel|vertellen|zeggen|weten|weet je|weet jij|vraag me af|benieuwd|klopt het|na te gaan|na te kijken|uit te zoeken|te checken|te controleren|zoek\p{L}* uit|uitzoeken|bevestig\p{L}*|check|see|find out|look up|look into|curious|tell me|know|idea|wonder|confirm|verify|true)\b.{0,30}?\b(of|dat|wie|wat|welke|hoeveel|whether|if|that|who|what|which|how many)\b/u;
/** A yes/no question about a fact: it opens with a verb ("heeft Jan …", "did my boss …"). */
const FACT_QUESTION_OPENING = opening(String.raw`(heeft|hebben|had|hadden|is|zijn|was|waren|werd|wordt|krijgt|kreeg|staat|staan|stond|zit|zat|werkt|werkte|tekende|ondertekende|meldde|ontving|accepteerde|has|have|did|does|do|was|were|are)\b`);
/** "Heeft mijn leidnggevende …": whoever is "mine" and asked about is someone else, even misspelt. */
const SOMEONE_OF_MINE = opening(String.raw`(heeft|has|did|does|is|was|zit|zat)\s+(mijn|my|onze|our)\s+\p{L}+`);
/** "zijn personeelsdossier", "haar aandelen", "his file": a record of someone else by possessive. */
const POSSESSED_RECORD = new RegExp(String.raw`\b(zijn|haar|hun|zn|his|her|their)\s+(?:\p{L}+\s+)?(${RECORD_WORDS})\b`, 'u');
/**
 * "Moet ik weten", "I need to know", "zodat we er rekening mee kunnen houden": the asker's
 * reason for wanting the records, whose modal verbs say nothing about a rule.
 */
const STATED_REASON = /\b(?:die|dat|wat|which|that) (?:ik|i|we) (?:\p{L}+ ){0,3}?(?:moet|moeten|need to|have to|must) (?:uitleggen|verwerken|invullen|afhandelen|explain|process)\b|\bwaar (?:ik|we|wij) rekening mee (?:moet|moeten|moesten) houden\b|\b(?:moet|wil|zou) ik (?:\p{L}+ ){0,4}weten\b|\bik (?:moet|wil|zou) (?:\p{L}+ ){0,4}weten\b|\b(?:i|we) (?:need|want|would like|have) to know\b|\b(?:and |i |we )?need (?:the|those|these) details\b|,? (?:(?<!\b(?:meer|minder|hoger|lager|groter|kleiner|beter|liever|anders|eerder|later|ouder|jonger|duurder|goedkoper|langer|korter|vaker) )dan|zodat|so that|so we)\b.*$/gu;
/**
 * "Voor de audit heb ik een lijst nodig van …", "I need a list of …": the asker's need of a
 * list or an export is a request for it, not the rule word "nodig" of "heb ik een VOG nodig?"
 * (a question opening with "heb ik" asks what is needed; the pattern wants a word before it).
 * An aside may follow the need: "we need, before the review, an overview of …"; wanting or requiring a
 * list or the names is the same request.
 */
const NEED_OF_A_LIST =
  /\b(?:(?:ik|we|wij) (?:heb|hebben)|(?<=\p{L} )(?:heb|hebben) (?:ik|we|wij))(?: \p{L}+){0,3}? (?:\p{L}+ )?(?:export|lijst|lijstje|overzicht|kopie|uitdraai|dump|namen|\p{L}*dossiers?|\p{L}*registraties|\p{L}*meldingen|\p{L}*klachten|gegevens)\b(?: \p{L}+){0,12}? nodig\b|\b(?:ik|we|wij)\b(?: \p{L}+){0,4}? en (?:heb|hebben)(?: \p{L}+){0,6}? (?:\p{L}+ )?(?:export|lijst|lijstje|overzicht|kopie|uitdraai|namen|\p{L}*dossiers?|\p{L}*registraties|\p{L}*meldingen|\p{L}*klachten|gegevens)\b(?: \p{L}+){0,12}? nodig\b|\b(?:i|we) (?:really |urgently |just )?need(?:, [^,]{1,40},)? (?:a|an|the|all|every) (?:\p{L}+ )?(?:export|list|overview|copy|dump|names|printout|files?|records?|dossiers?|registrations?|reports?|complaints?|data|details)\b|\b(?:i|we) (?:really |urgently |just )?need (?:all|every)\b|\b(?:i|we) (?:want|require|would like|d like|wish to have)(?:, [^,]{1,40},)? (?:a|an|the|all|every) (?:\p{L}+ )?(?:export|list|overview|copy|dump|names|printout|files?|records?|dossiers?)\b|\b(?:ik|we|wij) (?:wil|willen|wens|wensen|zou graag|zouden graag) (?:\p{L}+ ){0,4}?(?:export|lijst|lijstje|overzicht|kopie|uitdraai|namen)\b/gu;
/**
 * Rule words that describe rather than ask: "hebben zij dat gemeld zoals de gedragscode vraagt"
 * measures someone against the rule, "problemen met integriteit gehad", "had an integrity problem"
 * is something that happened.
 */
const RULE_AS_A_MEASURE = /\b(?:problemen|probleem|problems?|trouble|issues?) (?:gehad|had|gekregen)\b|\b(?:gehad|had|have|has|kreeg|gekregen) (?:\p{L}+ ){0,2}?(?:problemen|probleem|problems?|trouble|issues?)\b|\bzoals (?:de|het|onze|ons|in de|in het) (?:\p{L}+ ){0,3}?(?:vraagt|voorschrijft|eist|wil|zegt|verlangt|vereist)\b|\bas (?:the|our) (?:\p{L}+ ){0,3}?(?:requires|asks|says|demands|prescribes)\b|\b(?:problemen|probleem|problems?|trouble) (?:met|with)\b/gu;
/**
 * "Aandelen in het bouwbedrijf dat het nieuwe centrum mag ontwikkelen": a modal verb in a clause
 * that describes a thing says what that thing may do, not what rule the asker asks about.
 */
const MODAL_OF_A_THING = /\b(?:dat|die|that|which) (?:het|de|the) (?:\p{L}+ ){0,4}?(?:mag|mogen|moet|moeten|kan|kunnen|may|must|can)\b/gu;
/**
 * "Whether my teammate signed the code of conduct", "of hij de gedragscode al heeft getekend": a
 * rule text somebody signed is a registration, not the rule asked about ("moet ik de gedragscode
 * tekenen?" keeps its "moet").
 */
const RULE_TEXT_SIGNED =
  /\b(?:signed|sign|signing|getekend|ondertekend|tekende|ondertekende|tekenen|ondertekenen) (?:the |de |het |our |onze )?(?:gedragscode|code of conduct|integriteitsregels|integrity rules)\b|\b(?:de|het|onze|the|our) (?:gedragscode|code of conduct|integriteitsregels|integrity rules)(?: \p{L}+){0,5}? (?:getekend|ondertekend|signed)\b/gu;
/** "The policy adviser", "de beleidsadviseur": a job title whose rule word names a person, not a rule. */
const TITLE_WITH_A_RULE_WORD = /\b(?:policy|beleids) ?(?:advis[eo]rs?|officers?|makers?|medewerkers?|medewerkster|adviseurs?)\b/gu;
/**
 * "The team lead's VOG", "de stagiair's verklaring": a record of someone by an English-style
 * possessive of a role (names are found by `namesSomeone`); not the employer's own.
 */
const ROLE_POSSESSED_RECORD = new RegExp(
  String.raw`\b(?!(?:it|that|what|let|there|here|who|he|she|municipality|gemeente|council|organi[sz]ation|employer|werkgever|company|city|department|team)['’])\p{L}+['’]s?\s+(?:\p{L}+\s+)?(${RECORD_WORDS})\b`,
  'u',
);
/** "Aangifte tegen de chauffeur", "a complaint against that clerk": a case against one particular person. */
const AGAINST_A_PARTICULAR_ONE =
  /\b(?:aangifte|klacht|melding|complaint|police report|report)\b(?: \p{L}+){0,2}? (?:tegen|against) (?:de|die|deze|the|that|this|mijn|my|onze|our) (?!(?:gemeente|organisatie|werkgever|municipality|organi[sz]ation|employer|regels?|rules?)\b)\p{L}+/u;
/** "Ooit", "ever": a question about someone's history. */
const EVER = /\b(ooit|weleens|wel eens|ever)\b/;
/**
 * "Wat doet hij ernaast", "what does she do on the side": one particular person ("wat doen
 * ambtenaren ernaast meestal?", "what does an official usually do on the side?" ask for a custom).
 */
const DOES_ON_THE_SIDE = /\b(?:doet|deed|does|did) (?!(?:een|an|a|iemand|someone|somebody|men|je|you|ik|i)\b)(?!.{0,40}\b(?:meestal|usually|vaak|often|gemiddeld|typically|normaal|normally|doorgaans|generally)\b).{0,40}\b(?:ernaast|on the side)\b/;
/** "Welke personen staan op de lijst …", "who is on the list": the people of a list, not its rule. */
const PEOPLE_ON_A_LIST =
  /\b(?:welke|which) (?:personen|mensen|medewerkers|collegas|ambtenaren|people|persons|employees|colleagues|staff)\b.{0,40}\b(?:staan|staat|stonden|zijn|are|is|were)\b.{0,15}\b(?:op|in|on)\b.{0,10}\b(?:lijst|lijstje|register|overzicht|list)\b|\bwie (?:staan|staat|stonden) er (?:\p{L}+ ){0,3}?(?:op|in) (?:de|het) (?:lijst|register)\b|\bwho(?:'s| is| are| was| were) (?:\p{L}+ ){0,2}?on the (?:list|register)\b/u;
/** A request to confirm or check what another sentence of the question says about someone. */
const CONFIRM_REQUEST = /\b(zoek\p{L}* (?:\p{L}+ ){0,3}uit|uitzoeken|look (?:it|that) up|(?:staat|is) (?:dat|het) (?:ergens |ook )?(?:geregistreerd|vastgelegd|gemeld|bekend)|is that (?:registered|on record|on file)|confirm|verify|bevestig\p{L}*|nakijken|checken|controleren|klopt (?:dat|het)|is (?:that|it|this) (?:true|registered|so|correct)|check (?:that|this|it)|kijk\p{L}* of dat klopt|dat nagaan)\b/u;
/** "Did anyone accept …", "does Jan have …": the base form after a question's opening verb. */
const DID_SOMEONE = opening(String.raw`(?:did|does|do|has|have)\b.{0,40}\b(accept|receive|report|declare|file|get|take|sign|have|own|hold|hand|been)\b`);
/** "What did they declare", "which gifts did she accept": "did" asks what was registered ("what do officials declare" asks for a custom). */
const WHAT_DID_THEY = /\b(?:what|which|how many|how much) (?:\p{L}+ )?did (?:\p{L}+ ){1,3}?(?:declare|report|register|receive|accept|get|file|disclose|sign|own|hold)\b/u;
/** "Wie heeft er allemaal een bijbaan", "who has a second job": the people who hold a registration. */
const WHO_HAS_ONE = new RegExp(String.raw`\bwie (?:heeft|hebben|had|hadden) (?:er )?(?:(?:allemaal|ook|nog|al|eigenlijk|hier|bij ons) ){0,2}(?:een|geen|zon) (?:\p{L}+ )?(?:${RECORD_WORDS})\b|\bwho (?:has|have|had) (?:(?:also|already|actually) )?(?:a|an|any|no) (?:\p{L}+ )?(?:${RECORD_WORDS})\b`, 'u');
/** How many registrations: counts by person, group or year; not of time ("hoeveel uur training krijgen nieuwe medewerkers", a rule's measure). */
const COUNT_OF = /\b(hoeveel|how many|hoe vaak|how often)\b(?! (?:uur|uren|dagen|weken|maanden|minuten|hours|days|weeks|months|minutes)\b)/;
/** "Bij wie", "to whom": whom one turns to, a step of a process. */
const TO_WHOM = /\b(?:bij|aan|tegenover|to|with|before) (?:wie|whom|who)\b/g;
/** "A colleague who resigned …": "who" after the person it describes asks nothing. */
const RELATIVE_WHO = /\b(?:a|an|the|that|this|my|our) (?:\p{L}+ ){0,2}?\p{L}+ who\b/gu;
/** Who did something: the person asked about is the one the answer would name. */
const WHO = /\b(wie|who|whom|whose)\b/;
/** How a case stands or who is in it. */
const OUTCOME = /\b(uitkomst|uitslag|resultaat|status|betrokken|zitten|zat|outcome|result|involved|status)\b/;
/** A question whether a register, file or system holds something. */
const IN_THE_REGISTER = opening(String.raw`(staat|staan|stond|zit|zitten|is|does|do|did|is there)\b.{0,40}\b(registratie|registraties|register|dossier|systeem|administratie|lijst|system|records?|list|file|database)\b`);
/** Who, which, how many: a question about the people behind registrations. */
const WH_OPENING = /\b(wie|welke|welk|wat|hoeveel|hoe vaak|waarom|who|whom|whose|which|what|how many|how much|how often|why)\b/;
/** "Welke collega's …", "which employees …": people picked out by what they have or did. */
const WHICH_PEOPLE =
  /\b(?:welke|which|wie van (?:de|onze|mijn)) (?:collegas|medewerkers|ambtenaren|mensen|personen|managers|leidinggevenden|wethouders|raadsleden|colleagues|employees|staff|people|officials|councillors)\b/;
/** "heeft ze", "did you": the subject right after the verb is the asker or the assistant. */
const SECOND_OR_FIRST_SUBJECT = opening(String.raw`(?:heeft|hebben|had|is|zijn|was|has|have|did|does|do|are|were)\s+(ik|je|jij|u|we|wij|men|i|you|we)\b`);
/**
 * "Is er een integriteitstraining voor nieuwe medewerkers?", "is there …": whether a thing exists,
 * not a fact about someone; but "is er iemand die …", "are there colleagues who …" ask about people.
 */
const WHETHER_IT_EXISTS = opening(
  String.raw`(?:is|zijn|was|waren|are|were) (?:er|there)\b(?!.{0,40}\b(?:iemand|anyone|someone|somebody|collegas?|medewerkers?|colleagues?|employees?|people|mensen|personen)\b.{0,25}\b(?:die|who|that|met|with)\b)`,
);
/** An open case or complaint against somebody: "is er een onderzoek naar …", "is there a case against …", also by a compound ("een integriteitsmelding over …"). */
const CASE_AGAINST =
  /\b(is er|loopt er|lopen er|zit er|zitten er|speelt er|zijn er|is there|are there|is anyone under)\b.{0,60}\b(\p{L}*onderzoek|\p{L}*onderzoeken|\p{L}*klacht|\p{L}*klachten|zaak|zaken|\p{L}*melding|\p{L}*meldingen|aangifte|investigations?|cases?|complaints?|inquiry|inquiries|police report)\b.{0,30}\b(naar|tegen|over|van|op|against|into|about|on|of)\b/u;

/** Organisation names are not people ("gemeente Heerde"). */
let organisationNames: Set<string> | undefined;
/** A capitalised word inside a sentence (not its first word), with the two words before it. */
const CAPITALISED_INSIDE = /(?:(\S+)\s+)?(\S+)\s(\p{Lu}\p{Ll}{2,}\p{L}*)/gu;
/**
 * What every match of CAPITALISED_INSIDE contains: a capital and two small letters after a space.
 * A cheap scan first, as that pattern tries its words before every character of the sentence.
 */
const A_CAPITAL_INSIDE = /\s\p{Lu}\p{Ll}{2}/u;
const BODY_BEFORE_NAME = /^(gemeente|provincie|regio|waterschap|municipality|city|province|afdeling|department|team)$/i;
const NOT_BEFORE_A_NAME = /^(a|an|the|een|de|het|op|on|via|in|at|naar|to|met|with|bij|uit)$/i;
/** "Linda's", "Pieter's": a possessive name. */
const POSSESSIVE_NAME = /\b\p{Lu}\p{Ll}+['’]s?\b/u;

/** A person's name inside a sentence ("heeft Piet", "van Sanne de Wit"), not an organisation's or a department's. */
function namesSomeone(sentence: string): boolean {
  organisationNames ??= new Set(allOrganisationMentions().map((name) => fold(name)));
  const organisations = organisationNames;
  if (POSSESSIVE_NAME.test(sentence) && !/\b(it|that|what|let|there|here|who|he|she)['’]s\b/i.test(sentence)) return true;
  if (!A_CAPITAL_INSIDE.test(sentence)) return false;
  for (const match of sentence.matchAll(CAPITALISED_INSIDE)) {
    if (organisations.has(fold(match[3] ?? ''))) continue;
    // "a Marktplaats sale", "op LinkedIn": a thing or a place after an article or preposition.
    if (NOT_BEFORE_A_NAME.test(match[2] ?? '')) continue;
    // "gemeente Haarlem", "afdeling Burgerzaken", "municipality of Utrecht": a body, not a person.
    if (BODY_BEFORE_NAME.test(match[2] ?? '') || (/^(of|van)$/i.test(match[2] ?? '') && BODY_BEFORE_NAME.test(match[1] ?? ''))) continue;
    return true;
  }
  return false;
}

/**
 * "Kun je nagaan of dat bij Marloes zo is?", "can you tell me whether that is the case for Tom?":
 * asking to check that a situation holds for someone. A hypothetical before it ("stel dat een
 * collega …") only sets up the fact to be checked; the captured rest must not ask for a rule.
 */
const CHECK_IF_SO =
  /\b(?:nagaan|nakijken|kijken|checken|controleren|zien|vertellen|zeggen|bevestigen|uitzoeken|check|see|tell me|confirm|find out|verify|look up)\b.{0,20}?\b(?:of|whether|if)\b(.{0,50}?)\b(?:zo is|zo was|het geval is|het geval was|the case|is so|was so)\b/u;

/**
 * "Kun je nagaan welke collega …", "can you find out who …": asking the assistant to find the
 * person behind an act. The captured rest must not ask for a rule ("wie er beslist").
 */
const FIND_OUT_WHO =
  /\b(?:nagaan|uitzoeken|achterhalen|uitvinden|opzoeken|find out|figure out|work out|look up|trace)\b.{0,15}?\b(?:wie|who|(?:welke|which) (?:collega|collegas|medewerker|medewerkers|persoon|personen|colleague|colleagues|employee|employees|person|people))\b(.*)$/u;

/** "Van de nieuwe inhuurkracht", "of our intern": one particular person's, by role. */
const OF_A_PARTICULAR_ONE = new RegExp(
  String.raw`\b(?:van|of|over|about) (?:de|het|the|onze|ons|mijn|our|my|die|deze|that|this) (?:(?:nieuwe|oude|vorige|new|former|previous) )?(?:${THIRD_PARTY.source})`,
  'u',
);
/** "Het personeelsdossier van mevrouw Smit", "the file of our new intern": a record of one particular person, by title or role. */
const RECORD_OF_SOMEONE = new RegExp(
  String.raw`\b(?:${RECORD_WORDS}) (?:van|of) (?:(?:de|het|the|onze|ons|mijn|our|my|die|deze|that|this) )?(?:(?:nieuwe|oude|vorige|new|former|previous) )?(?:${THIRD_PARTY.source})`,
  'u',
);
/** "Dossier van Bakker", "file on Priya": a name after the record, as typed. */
const RECORD_OF_A_NAME = /\b(?:van|of|on|over|about)\s+(\p{Lu}\p{Ll}+)/gu;

/** Whether a clause as typed names a person (not an organisation) right after "van", "of", "on". */
function recordOfANamedPerson(clause: string): boolean {
  organisationNames ??= new Set(allOrganisationMentions().map((name) => fold(name)));
  for (const match of clause.matchAll(RECORD_OF_A_NAME)) if (!organisationNames.has(fold(match[1] ?? ''))) return true;
  return false;
}
/** "Wat zijn de belangen van …", "what are the side jobs of …": what someone's registrations are. */
const WHAT_ARE_THEIR_RECORDS = new RegExp(
  String.raw`\b(?:wat|welke|what|which) (?:zijn|is|waren|was|are|were) (?:de|het|the) (?:\p{L}+ )?(?:${RECORD_WORDS}) (?:van|of) `,
  'u',
);
/** "Wat heeft … gemeld over", "what did … report about": what someone told about others. */
const WHAT_WAS_TOLD_ABOUT =
  /\b(?:wat|what) (?:did|has|have|heeft|hebben)\b.{0,60}\b(?:report|say|tell|share|write|gemeld|gezegd|verteld|gedeeld|geschreven|gerapporteerd)\b.{0,30}\b(?:about|over)\b/;
/** A law or an article is a rule text, whatever it says about people. */
const LAW = /\b(\p{L}*wet|wetboek|artikel|artikelen|law|act|article)\b/u;

/** `raw` is the question as typed, `sentences` its sentences (see `splitSentences`). */
export function isRecordsRequest(raw: string, sentences: string[]): boolean {
  const folded = fold(raw);
  // "Een vriend vroeg of ik kon kijken wat zijn vrouw verdient. Mag ik dat opzoeken?": someone
  // asked the asker to look, and the asker asks whether they may: their own conduct, as long as
  // nothing in it asks the assistant to do the looking.
  // "Hij vroeg of ik met zijn wachtwoord zijn mail wil bijhouden. Mag dat?" asks the same of the asker's conduct.
  if (ASKER_WAS_ASKED.test(folded) && (ASKER_OWN.test(folded) || MAY_THAT.test(folded)) && !folded.match(ASKING_THE_ASSISTANT)) return false;
  if (asksAboutReportsOnTheAsker(sentences) || asksForTheOtherSide(sentences)) return true;
  if (PERSONAL_DATA.test(folded) && !LEGITIMATE_LOOKUPS.test(folded)) return true;
  // "Welke personen staan op de lijst van functies met een meldplicht?" asks for names, whatever
  // rule the list serves (not "wie staat er op de lijst van vertrouwenspersonen": whom to turn to).
  if (PEOPLE_ON_A_LIST.test(folded) && !LEGITIMATE_LOOKUPS.test(folded)) return true;
  const findOut = FIND_OUT_WHO.exec(folded);
  if (findOut && !RULE_OR_PROCESS.test(findOut[1] ?? '') && !LEGITIMATE_LOOKUPS.test(folded) && !ASKER_IN_IT.test(findOut[1] ?? '')) return true;
  const check = CHECK_IF_SO.exec(folded);
  if (check && !RULE_OR_PROCESS.test(check[1] ?? '') && sentences.some((sentence) => THIRD_PARTY.test(fold(sentence)) || namesSomeone(sentence))) return true;
  // "…, en wat heeft ze dan gemeld?": each clause is weighed on its own, so a rule word in one
  // does not excuse the request in the next; "…, en heeft Jan er eentje?" points back at the
  // registration the clause before it in the sentence names.
  const clauses = sentences.flatMap((sentence) =>
    [sentence.split(CLAUSE_BREAK), VERB_FIRST_CLAUSE.test(sentence) ? sentence.split(VERB_FIRST_CLAUSE) : []].flatMap((parts) => {
      // Each clause folded once, and asked once whether it names a registration (RECORD_THINGS):
      // several checks below ask it of every clause, and of the clause before it.
      const folded = parts.map((clause) => fold(clause));
      const records = folded.map((one) => RECORD_THINGS.test(one));
      return parts.map((clause, i) => ({ clause, folded: folded[i] as string, records: records[i] as boolean, recordsBefore: i > 0 && (records[i - 1] as boolean) }));
    }),
  );
  if (clauses.some(({ clause, folded: one, records, recordsBefore }) => asksForOthersRecords(clause, one, records, recordsBefore))) return true;
  // "Welke afdeling meldt de minste geschenken?", "vergelijk de nevenfuncties van Karin en Joost":
  // a ranking or comparison of people's or units' registrations.
  if (clauses.some(({ clause, folded: one, records }) => ranksOrComparesRecords(clause, one, records))) return true;
  // "Wat heeft HR Mark geadviseerd?", "heeft de vertrouwenspersoon iets van Kees gehoord?"
  if (clauses.some(({ clause, folded: one }) => asksWhatCounselHeardOrAdvised(clause, one))) return true;
  if (asksForAgreementsAboutSomeone(sentences) || asksWhetherTheirsWasHandled(sentences) || claimsARightToOthersRecords(sentences)) return true;
  // "Was er bij de vorige directeur sprake van belangenverstrengeling?": a case at someone in particular.
  if (clauses.some(({ clause, folded: one }) => CASE_AT_SOMEONE.test(one) && !CONDITION.test(one) && !askedAsRule(withoutAsides(clause, one)))) return true;
  // "Wat staat er in het verslag over Jan?", "what was discussed in the meeting with Priya?":
  // what a report or a conversation holds about a person by name.
  if (clauses.some(({ clause, folded: one }) => WHAT_IT_HOLDS.test(one) && NOTES_OR_CONVERSATION.test(one) && (namesSomeone(clause) || CONVERSATION_WITH_NAME.test(clause)))) return true;
  // "Wat staat er in het personeelssysteem over de verklaring van de nieuwe stagiair?": what a
  // system or file holds about one particular person's registration (not what a law or policy says).
  if (clauses.some(({ clause, folded: one, records }) => WHAT_IT_HOLDS.test(one) && records && (OF_A_PARTICULAR_ONE.test(one) || namesSomeone(clause)) && !RULE_OR_PROCESS.test(one) && !LAW.test(one))) return true;
  // "Wat staat er in het personeelsdossier van meneer Visser?", "what's in the file of our new intern?": what
  // a record of one particular person holds, that person named by title, role or name right after
  // the record (not "het dossier van een medewerker", anyone's, nor a rule asked beside it).
  if (clauses.some(({ clause, folded: one, records }) => WHAT_IS_IN.test(one) && (RECORD_OF_SOMEONE.test(one) || (records && recordOfANamedPerson(clause))) && !RULE_OR_PROCESS.test(one) && !LAW.test(one))) return true;
  // "Is Jan the one who leaked the memo?": who did something, asked by naming someone (not "is
  // Jan the one who decides on side jobs?", a role).
  if (clauses.some(({ clause, folded: one }) => THE_ONE_WHO.test(one) && FACT_ABOUT_SOMEONE.test(one) && namesSomeone(clause) && !RULE_OR_PROCESS.test(one))) return true;
  // "Who was it?", "graag de namen van iedereen die …": asking who, where the question is about
  // a registration or what someone did.
  if (IDENTITY_REQUEST.test(folded) && (THIRD_PARTY.test(folded) || clauses.some(({ folded: one, records }) => records || RECORD_EVENTS.test(one)))) return true;
  // "Een collega is bij de vertrouwenspersoon geweest. Waarom?": one sentence says what happened
  // to or with someone, a short one after it asks who, why or what it was about.
  if (sentences.length > 1 && sentences.some((sentence) => FOLLOW_UP.test(fold(sentence))) && sentences.some((sentence) => tellsOfSomeone(sentence))) return true;
  // "I heard the woman at the front desk got a warning. Can you confirm?": one sentence says
  // something about someone, another asks to check it.
  return sentences.length > 1 && CONFIRM_REQUEST.test(folded) && sentences.some((sentence) => {
    const one = fold(sentence);
    // "Collega's zeggen dat zij geen eed hoeven af te leggen. Klopt dat?" checks a rule, not a person.
    if (RULE_OR_PROCESS.test(one.replace(ASKING_THE_ASSISTANT, ' ')) || CLAIM_ABOUT_THE_EMPLOYER.test(one) || (CLAIM_OF_PRIVATE_TIME.test(one) && !RECORD_THINGS.test(one) && !RECORD_EVENTS.test(one))) return false;
    return (THIRD_PARTY.test(one) || namesSomeone(sentence)) && (RECORD_THINGS.test(one) || RECORD_EVENTS.test(one) || /\b(works? as|werkt als|zegt dat|says)\b/.test(one));
  });
}

/** A short follow-up asking who, why, what it was about or what was said: "Wie dan?", "Waarom?", "weet jij waar dat over ging?", "wat heeft ze gezegd?". */
const FOLLOW_UP =
  /^(?:(?:en|and|maar|but|dus|so|hoeveel|how many|precies|exactly)\s+){0,3}(?:wie|who|welke|which|waarom|why)(?:\s+(?:dan|precies|zijn dat|waren dat|was dat|then|exactly|were they|are they|was it|ones))?\s*\??$|\bwaar (?:ging|gaat|gingen) (?:dat|het|dit|die) (?:\p{L}+ )?over\b|\bwaar (?:dat|het|dit|die) (?:\p{L}+ )?over (?:ging|gaat|gingen)\b|\bwhat (?:was|is) (?:it|that|this) (?:all )?about\b|\bwhat (?:did )?(?:she|he|they) (?:said|say|told|tell|reported|report)\b|\bwat (?:heeft|had|hebben) (?:ze|zij|hij|die) (?:\p{L}+ ){0,3}?(?:gezegd|verteld|gemeld)\b|\bwat (?:ze|zij|hij|die) (?:\p{L}+ ){0,3}?(?:zei|vertelde|meldde|heeft gezegd|heeft verteld|heeft gemeld)\b|\bwat (?:er ?in|erin) (?:staat|stond|staan)\b|\bwat (?:staat|stond|staan) (?:er ?in|erin)\s*\??\s*$|\bwhat(?:'s| is| was) in (?:it|there)\b|\bwhat (?:it|that) says\b/u;
/** A conversation or visit: with counsel it is a confidence ("een gesprek met HR"). */
const CONVERSATION = /\b(gesprek|gesprekken|afspraak|meeting|conversation|talk|appointment|bezoek|visit)\b/;

/** The asker in the sentence: "ik ben naar de vertrouwenspersoon gegaan" tells the asker's own story. */
const ASKER_IN_IT = /\b(ik|i|we|wij)\b/;

/**
 * One sentence tells what happened to or with someone else: a registration or event, or a
 * conversation with counsel, and no word of a rule ("Mijn collega kwam huilend terug van een
 * gesprek met HR.").
 */
function tellsOfSomeone(sentence: string): boolean {
  const one = fold(sentence);
  if (FOLLOW_UP.test(one) || ASKER_IN_IT.test(one) || !(THIRD_PARTY.test(one) || namesSomeone(sentence))) return false;
  const happened = RECORD_THINGS.test(one) || RECORD_EVENTS.test(one) || (COUNSEL.test(one) && (GENERIC_EVENTS.test(one) || CONVERSATION.test(one)));
  const withoutRequest = one.replace(ASKING_THE_ASSISTANT, ' ');
  return happened && !RULE_OR_PROCESS.test(withoutRequest) && !ASKER_OWN.test(withoutRequest);
}

/** "Mag dat?", "is that ok?": whether what was just said may be done (after `ASKER_WAS_ASKED`, by the asker). */
const MAY_THAT = /\bmag (?:dat|dit|het)\b|\bis (?:dat|dit|het) (?:wel )?(?:ok|oke|goed|erg|toegestaan|verboden|een probleem)\b|\bis (?:that|this|it) (?:ok|okay|allowed|a problem)\b/;
/** Someone asked the asker to do something: "hij vroeg of ik …", "ze wil dat ik …", "she asked me to …". */
const ASKER_WAS_ASKED = /\b(?:vroeg|vroegen|vraagt|vragen|wil|wilde|wou|wilden)\b (?:\p{L}+ ){0,3}?(?:of|dat) (?:ik|wij|we)\b|\b(?:asked|asks|wants|wanted) (?:me|us) (?:to|whether|if)\b/u;

/**
 * Where a clause ends: a comma before a joining word (", en wat heeft ze …"), a dash ("… — did he
 * report it?") or a joining word before a second question word without a comma ("welke functies
 * moeten geschenken melden en welke hebben ze opgegeven?": a rule question and a records request joined).
 */
const CLAUSE_BREAK = /,\s+(?=(?:en|and|of|or|maar|but)\s)|\s[–—]\s|\s+(?=(?:en|and)\s+(?:wat|wie|welke|hoeveel|what|who|which|how many|how much)\s)/u;
/**
 * A comma before a question that opens with its verb ("Mijn moeder werkte hier, staat zij nog …"):
 * that question is weighed on its own as well as within its sentence, where an aside before the
 * comma may belong to it ("could you check whether the chair, Mr X, has …").
 */
const VERB_FIRST_CLAUSE = /,\s+(?=(?:heeft|hebben|staat|staan|stond|zit|zat|is|was|werd|has|have|did|does|were)\s)/u;
/** Asking for the people behind something: their names, "who was it", "door wie"; a talk with the people involved ("na mijn overleg met de betrokkenen") is the asker's own handling, no request for them. */
const IDENTITY_REQUEST =
  /\b(?:(?:graag|geef|give|stuur|send|noem|list|lijst)\b.{0,30}\b(?:namen|names)|(?:namen|names)\b.{0,15}\b(?:geven|sturen|noemen|doorgeven|give|send|share)|(?:met|with|including)(?<!\b(?:gesprek|gesprekken|gesproken|gepraat|praten|overleg|overlegd|contact|afspraak|afspraken|talk|talks|talked|spoke|spoken|meeting|meetings|conversations?) (?:met|with)) (?:de |the )?(?:namen|names|betrokkenen|employees involved|people involved)|including the (?:employees|people|staff)|who was (?:it|that)|who did (?:it|that)|wie (?:was|is) (?:dat|het)|wie het (?:was|is)|om welke (?:medewerkers|collegas|mensen|personen) het (?:ging|gaat)|which (?:employees|colleagues|people) (?:it was|they were)|namen graag|names please|(?:the )?names of the (?:employees|people|staff|colleagues)|de namen van de (?:medewerkers|betrokkenen|collegas)|wie zijn (?:dat|het)|who are they|door wie|by whom|welke (?:ambtenaar|collega|medewerker|medewerkster|persoon|man|vrouw|manager|teamleider) (?:was|is) dat|which one was (?:it|that)|(?:zat|zit|zaten|zitten) (?:er )?achter|(?:was|were|is|are) behind|hoe heet (?:hij|zij|ze|die|dat|die \p{L}+)|wat (?:is|was) (?:zijn|haar|hun) naam|what(?:'s| is| was) (?:his|her|their) name)\b/u;
/** A rumour put to the assistant: "klopt het dat …", "is it true that …", "I heard …". */
const RUMOUR = /\b(klopt (?:het|t) dat|is (?:het|t) waar dat|is it true that|i heard|ik (?:heb )?(?:hoorde|gehoord) dat|schijnt|er gaat een gerucht|rumou?r)\b/;
/** … about someone in particular, not about the asker or people in general. */
const RUMOUR_ABOUT_ANYONE = /\b(?:dat|that) (?:ik|je|jij|we|wij|u|men|i|you|medewerkers|ambtenaren|employees|een|a|an|iedereen|everyone)\b/;
/** "Heeft mark …", "is Joke …": a yes/no question whose subject is a person other than the asker. */
const FACT_ABOUT_SOMEONE = opening(
  String.raw`(?:heeft|is|was|staat|zit|has|did|does)\s+(?!(?:ik|je|jij|u|we|wij|men|i|you|er|het|dat|dit|een|a|an|there|it|this|that|iemand|anyone|someone|somebody|iedereen|everyone|niemand|nobody|medewerkers|ambtenaren|employees|elke|iedere|ieder|every|each|any|zo|such|de|the|mijn|my|onze|our|jouw|your|integriteit|integrity)\b)(?!\p{L}+ing\b)\p{L}+`,
);
/** "… of ronald van de buitendienst …", "whether mark from finance …": a person by first name and team. */
const EMBEDDED_PERSON =
  /\b(?:of|whether|if|dat|that)\s+(?!(?:ik|je|jij|u|we|wij|men|i|you|er|het|dat|dit|een|a|an|there|it|this|that|iemand|anyone|someone|somebody|iedereen|everyone|niemand|medewerkers|ambtenaren|employees|mijn|my|onze|our|de|the|die|deze|zo|regels|rules)\b)\p{L}+\s+(?:van|vd|from|uit|at|bij)\s/u;
/** "Mijn collega zegt dat de gemeente bijbanen stimuleert": a claim about the employer or its policy. */
const CLAIM_ABOUT_THE_EMPLOYER = /\b(?:zegt|zeggen|zei|says|said|claims?)\s+(?:dat|that)\s+(?:de gemeente|de organisatie|het beleid|de regels|de code|the municipality|the organi[sz]ation|the policy|the rules|the code|je|you|we|wij|medewerkers|ambtenaren|employees|iedereen|everyone)\b/;
/**
 * "Hij zegt dat het buiten werktijd was", "she says it was her own time": a claim that the rules do not
 * reach private time, which the code of conduct answers (its private-life rules), not a fact to check
 * ("she says she got a gift in her free time" still puts a registration to the assistant).
 */
const CLAIM_OF_PRIVATE_TIME =
  /\b(?:zegt|zeggen|zei|zeiden|vindt|vinden|says|said|claims?|thinks?)\b(?:\s+(?:dat|that)\b)?\s+(?:het|dat|dit|it|that|this)\s+(?:(?:was|is|were|gebeurde|viel)\b.{0,30}?|(?:\p{L}+\s+){0,3}?)\b(?:eigen tijd|vrije tijd|privetijd|prive tijd|in (?:zijn|haar|hun) prive|buiten (?:werktijd|diensttijd|werkuren|kantoortijd|het werk)|(?:his|her|their|own) (?:own )?time|free time|off duty|off the clock|outside (?:work|working hours|office hours)|niks met (?:het |zijn |haar |hun )?werk te maken|nothing to do with (?:work|the job|his job|her job))\b/u;
/** A yes/no tag on a statement: "… wel of niet …", "ja of nee", "yes or no". */
const YES_OR_NO = /\b(?:of niet|klopt dat|klopt het|or not|is that right|right|(?:hasn't|hasnt|didn't|didnt|isn't|isnt|doesn't|doesnt|wasn't|wasnt) (?:she|he))\s*\??\s*$|\b(?:heeft|is|krijgt|kreeg|has) (?:\p{L}+ )?toch\b|\b(?:wel of niet|ja of nee|yes or no)\b/u;
/** A full name after a preposition: "the complaint file on Rachid Ouali", "het dossier van Sanne de Wit". */
const NAME_AFTER_PREPOSITION = /\b(?:on|about|of|over|van|naar|tegen|against)\s+\p{Lu}\p{Ll}+\s+(?:(?:van|de|der|den|ter|el|al)\s+)*\p{Lu}\p{Ll}+/u;
/** "Welke jobcoaches …", "which employees …": people of a group. */
const GROUP_OF_PEOPLE = /\b(?:welke|which)\s+\p{L}+(?:en|s)\b/u;
/** An open case against a person named after it: "onderzoek gestart naar Sanne de Wit". */
const AGAINST_A_NAME = /\b(?:naar|tegen|against|into)\s+(?:\p{L}+\s+)?\p{Lu}\p{Ll}/u;

/** "De melding tegen de directeur", "the complaint about my manager", "de klacht van Kim": one particular case of or against someone. */
const PARTICULAR_CASE_AGAINST =
  /\b(?:de|het|die|dat|deze|the|that|this)\s+\p{L}*(?:melding|klacht|onderzoek|zaak|complaint|investigation|case|report)\s+(?:tegen|naar|over|op|van|against|into|about|on|of|by|from)\s+(?!(?:een|a|an|iemand|someone|somebody|me|mij|mijzelf|myself)\b)\p{L}/u;
/** Where a case stands or how it ended. */
const CASE_STATUS =
  /\b(al (?:afgehandeld|afgerond|klaar|gesloten|beslist)|nog (?:steeds )?(?:bezig|open|lopend)|wat kwam (?:er ?)?uit|eruit (?:kwam|gekomen)|hoe is (?:het|dat|die) afgelopen|hoe (?:is|zijn) (?:[a-z]+ ){1,6}?afgelopen|uitkomst|afloop|outcome|been (?:handled|resolved|closed|settled)|already (?:handled|resolved|closed)|still (?:open|running|ongoing)|how did (?:it|that) end)\b/;

/** Someone's personal data: salary, address, medical or personnel file. */
const PERSONAL_DATA =
  /\b(salaris|adres|huisadres|bsn|telefoonnummer|geboortedatum|personeelsdossier|ziekmelding|ziekte|salary|home address|phone number|personnel file|medical)\b.{0,20}\b(van|of)\b.{0,20}\b(collega|medewerker|iemand|mijn|colleague|employee|someone|my|[a-z]+)\b/;

/**
 * Reports made about the asker, and whoever made them. A reporter's identity is never revealed,
 * and a report about the asker holds other people's words and names, so "wie heeft mij verklikt",
 * "is er een klacht over mij" and "wie is de melder" are declined however they are phrased;
 * "wat gebeurt er met een melding over mij" and "wie mag zien wie de melder is" ask for the rule.
 */
/** Where a piece of a sentence ends for these checks: a comma, semicolon or dash. */
const PIECE_BREAK = /\s*[,;]\s+|\s[–—-]\s/u;
/** Words that may stand between the asker and the reporting verb, but no word that starts a clause of its own. */
const SAME_CLAUSE_GAP = String.raw`(?: (?!(?:of|dat|wie|wat|welke|hoe|waarom|wanneer|waar|die|als|te|om|whether|if|that|who|what|how|why|when|where|to)\b)\p{L}+){0,8}?`;
/** The asker as the one reported, by a formal or an informal verb: "mij verlinkt", "me aangegeven", "who ratted me out". */
const REPORTED_ME = new RegExp(
  String.raw`\b(?:mij|me|mezelf|mijzelf)${SAME_CLAUSE_GAP} (?:geme[lt]d|gemelt|aangegeve[n]?|aangemeld|[fv]erl[iy]nk[td]+|[fv]erkl[iy]c?k[td]+|[fv]erraa?[ij]?d?e?n|[fv]erraaid|gelapt|verlakt|aangeklaagd|beschuldigd|zwartgemaakt|zwart gemaakt|belasterd|gerapporteerd|gesignaleerd|doorgegeven|genoemd|verlinken|verklikken|aangeven|melden)\b` +
    String.raw`|\bover (?:mij|me|mezelf|mijzelf)${SAME_CLAUSE_GAP} (?:geklaagd|gemeld|ingediend|gedaan|verteld|gezegd|gerapporteerd|geroddeld|klagen|melden|binnengekomen|gekomen|geregistreerd|vastgelegd|genoteerd|opgeschreven|geschreven)\b` +
    String.raw`|\b(?:reported|reportd|reproted|reporting|flagged|accused|shopped|snitched on|snitch on|snitching on|ratted on|ratted|rat on|told on|tell on|informed on|complained about|complaining about|blew the whistle on|turned|dobbed|grassed|grassed on) me\b|\b(?:reported|said|written|filed|told|noted|recorded|logged|registered|(?:came|come|comes|coming) in) about me\b` +
    String.raw`|\bwent (?:\p{L}+ ){1,3}?about me\b`,
  'u',
);
/** "Of ik gemeld ben", "whether I was reported": the asker as the one reported, in the passive. */
const ASKER_WAS_REPORTED =
  /\b(?:of|dat) ik (?:\p{L}+ ){0,3}?(?:gemeld|aangegeven|verlinkt|verklikt|genoemd|onderzocht|beschuldigd|aangeklaagd) (?:ben|word|werd|ben geweest|zou zijn)\b|\b(?:of|dat) ik (?:ben|word|werd) (?:\p{L}+ ){0,3}?(?:gemeld|aangegeven|verlinkt|verklikt|genoemd|onderzocht|beschuldigd|aangeklaagd)\b|\b(?:if|whether|that) i (?:was|have been|had been|am being|got|am) (?:\p{L}+ )?(?:reported|flagged|named|investigated|accused)\b/u;
/** A report, complaint or case with the asker as its subject: "een klacht over mij", "a report that was filed about me". */
const RECORD_ABOUT_ME =
  /\b(?:\p{L}*(?:melding|meldingen|klacht|klachten|onderzoek|onderzoeken)|aangifte|aangiftes|dossier|rapport|rapportage|tips?|zaak|reports?|complaints?|grievances?|notifications?|investigations?|cases?|files?)\b(?: \p{L}+){0,5}? (?:over|tegen|naar|op|about|against|into|on|concerning) (?:mij|me|mezelf|mijzelf|myself)\b/u;
/** Whether there is one, asked outright: "is er …", "loopt er …", "is there …", "heeft iemand …", "did anyone …". */
const WHETHER_OPENING = String.raw`(?:(?:is|zijn|was|waren|loopt|lopen|liep|ligt|liggen|lag|staat|staan|zit|zitten|komt|kwam|kwamen) er|(?:is|are|was|were) there|(?:heeft|hebben|had|has|have|did|does) (?:er )?(?:ooit |al |ever |already )?(?:iemand|anyone|someone|somebody|anybody|anything|something|iets|een collega|a colleague|collegas|colleagues|mensen|people)|any|anything|iets|nog iets|ooit iets)\b`;
const WHETHER_ABOUT_ME = opening(
  String.raw`${WHETHER_OPENING}(?: (?:al|ook|nog|soms|misschien|eigenlijk|ooit|wel|nu|een|de|het|iets|wat|a|an|any|the|ever|already|some|anything|something)){0,3}(?: \p{L}+)? ?${RECORD_ABOUT_ME.source}` +
    // A verb of reporting says what happened, so any words may stand before it: "is er bij HR iets over mij binnengekomen".
    String.raw`|${WHETHER_OPENING}(?: \p{L}+){0,5}? ?(?:${REPORTED_ME.source})`,
);
/** "Heeft de vertrouwenspersoon een melding over mij ontvangen?": a report about the asker received by someone. */
const RECEIVED = /\b(?:ontvangen|gekregen|binnengekregen|binnengekomen|received|got|gotten)\b/;
/** What such a report holds: "wat staat erin", "what does it say", shown. */
const ITS_CONTENTS =
  /\bwat (?:staat|stond|staan|zit|zat) er ?in\b|\bwat (?:staat|stond|staan) er (?:\p{L}+ ){0,6}?in\b|\bwaar (?:gaat|ging) (?:het|die|de \p{L}+) over\b|\bwhat(?:s| is| was) in (?:it|there|the)\b|\bwhat (?:does|did) (?:\p{L}+ ){0,5}?(?:say|contain)\b|\b(?:laat (?:me|mij|\p{L}+ ){0,5}?zien|toon|stuur|geef|show|send|give me|let me see|forward)\b/u;
/** Who did it, asked in the same piece as the act: "wie heeft mij …", "welke collega …". */
const WHO_OF_IT = /\b(?:wie|who|whom|door wie|van wie|by whom|from whom|(?:welke|which) (?:\p{L}+ )?(?:collega|collegas|medewerker|medewerkers|persoon|man|vrouw|colleague|colleagues|employee|person|one))\b/u;
/** Who it was, asked in a piece of its own after the act was told: "wie dat was", "who it was", "find out who", "the name". */
const WHO_WAS_IT =
  /\b(?:wie (?:dat|het|die) (?:was|waren|is|deed|heeft gedaan|gedaan heeft)|wie het gedaan heeft|wie dat gedaan heeft|who (?:it|that|this) (?:was|is)|who did (?:it|that|this)|(?:zien|kijken|checken|nagaan|achterhalen|uitzoeken|zoeken|weten|vertellen|zeggen|find out|see|check|tell me|know) (?:wie|who)\s*\??$|(?:de|het|zijn|haar|the|his|her) (?:naam|name|identiteit|identity)\b)/u;
/** The one who reported or complained, by role. */
const THE_REPORTER = String.raw`(?:\p{L}+ )?(?:melder|melders|klager|klagers|klokkenluider|klokkenluiders|aangever|tipgever|verklikker|reporter|reporters|whistleblower|whistleblowers|complainant|complainants|informant|snitch|persoon die (?:\p{L}+ ){0,4}?(?:heeft gemeld|meldde|klaagde)|person who (?:reported|complained|filed))`;
/** The reporter asked for: "wie is de melder", "van wie kwam de klacht", "the name of the whistleblower", "met de namen van de melders". */
const WHO_IS_THE_REPORTER = new RegExp(
  String.raw`(?:^|\b(?:weten|weet|zien|checken|nagaan|achterhalen|uitzoeken|vertellen|zeggen|verklappen|zeg|vertel|noem|verklap|know|tell me|tell|say|find out|see|check|reveal)\b (?:\p{L}+ ){0,2}?)(?:(?:en|and|maar|but|dus|so) )?(?:wie|who)(?:s| is| was| zijn| waren| are| were)? (?:\p{L}+ )?(?:de|het|die|the|that) ${THE_REPORTER}\b` +
    String.raw`|\bvan wie (?:kwam|komt|kwamen|is|was) (?:de|die|het|dat|deze) (?:\p{L}+ )?(?:melding|klacht|tip|aangifte)\b|\bfrom whom (?:did|was|is|came) (?:the|that) (?:\p{L}+ )?(?:report|complaint|tip)\b` +
    String.raw`|\b(?:naam|namen|identiteit|name|names|identity|identities) (?:van|of) (?:de|het|die|the|that|alle|all) ${THE_REPORTER}\b` +
    String.raw`|\b(?:melders|klagers|reporters|complainants|whistleblowers|informants) (?:naam|namen|name|names|identity|identities)\b` +
    String.raw`|\b(?:zeg|vertel|check|checken|kijk|kijken|bevestig|bevestigen|nagaan|tell me|confirm|check|see|verify)\b (?:\p{L}+ ){0,2}?(?:(?:of|whether|if) (?:\p{L}+ ){1,2}?(?:de|the) ${THE_REPORTER} (?:is|was|zijn|waren)\b|(?:whether|if) (?:\p{L}+ ){1,2}?(?:is|was) the ${THE_REPORTER}\b)` +
    String.raw`|\b(?:met|with|including|inclusief|plus) (?:de |the |hun |their )?(?:melders?|klagers?|reporters?|complainants?|whistleblowers?)\b` +
    String.raw`|\bvan wie (?:kwam|komt|kwamen|komen|is|was) (?:die|dat|deze|dit|het|hij|ze)\s*\??$|\b(?:who|whom|where) did (?:the|that|this|it) (?:\p{L}+ )?(?:\p{L}+ )?come from\b|\bwaar (?:kwam|komt|kwamen) (?:de|die|het|dat|deze) (?:\p{L}+ )?(?:melding|klacht|tip|aangifte|meldingen|klachten) vandaan\b`,
  'u',
);
/** "Who snitched?", "wie heeft er geklikt?": who informed, by an informal verb. */
const WHO_INFORMED = opening(String.raw`(?:wie|who)\b(?: \p{L}+){0,3}? (?:snitched|ratted|grassed|squealed|geklikt|verlinkt|verklikt|gelapt|getipt)\b`);
/** A report's maker: "who made a report about me", "wie heeft de klacht over mij ingediend". */
const MADE_IT = /\b(?:made|filed|submitted|wrote|sent|lodged|raised|did|gedaan|ingediend|gemaakt|geschreven|gestuurd|ingestuurd|opgesteld)\b/;
/**
 * "Am I under investigation?", "word ik onderzocht?", "staat er iets over mij in het systeem?":
 * where the asker stands, asked outright (not "word ik onderzocht als ik …", a condition).
 */
const MY_STANDING = opening(
  String.raw`(?:(?:have i been|has my name been|was i|were we|am i|ben ik|word ik|werd ik|zit ik|sta ik|is mijn naam)\b(?: \p{L}+){0,3}? (?:under investigation|being investigated|investigated|onderzocht|onder onderzoek|in (?:een|an) (?:\p{L}*onderzoek|investigation)|on (?:a|the) (?:\p{L}+ )?(?:list|watchlist|blacklist)|op (?:een|de) (?:\p{L}+ )?(?:lijst|lijstje)|gemeld|aangegeven|genoemd|reported|flagged|named|mentioned|accused|geregistreerd|registered)\b|(?:staat|staan|stond|zit|is|zijn) er (?:\p{L}+ ){0,2}?(?:iets|wat|een|meldingen|klachten) over (?:mij|me)\b(?: \p{L}+){0,2}? (?:in|bij) (?:het|de|een) (?:\p{L}+ )?(?:\p{L}*systeem|register|registratie|administratie|\p{L}*dossier|database|vertrouwenspersoon|meldpunt|hr|penoafdeling)\b|(?:is|are) there (?:\p{L}+ ){0,2}?(?:anything|something|notes?|records?) (?:about|on) me\b(?: \p{L}+){0,2}? (?:in|with|at) (?:the|a) (?:\p{L}+ )?(?:system|register|records?|database|file|hr|confidential advis[eo]r))`,
);
/** "Over mij", "about me": the asker as the subject of something. */
const ABOUT_ME = /\b(?:over|about|tegen|against) (?:mij|me|mezelf|myself)\b/;
/** A condition makes a rule question of a fact: "word ik onderzocht als ik …". */
const CONDITION = /\b(?:als|wanneer|indien|zodra|if|when|once|after)\b/;
/** What was reported about the asker, asked with "wat", "what". */
const WHAT_OPENING = opening(String.raw`(?:wat|what|welke|which)\b`);
/** "Wie is de melder in de klokkenluidersregeling?": who counts as one under a rule text. */
const RULE_TEXT = /\b(?:\p{L}*regeling|\p{L}*regelingen|\p{L}*wet|wetgeving|gedragscode|beleid|definitie|volgens|according to|under the|law|act|policy|rules?|definition)\b/u;
/**
 * What would narrow a reporter down: "is de melder een man of een vrouw", "in welk team werkt de
 * melder", "is the reporter someone I know", "uit welke afdeling kwam de melding", a hint.
 */
const THE_REPORTER_AS_SUBJECT = new RegExp(String.raw`\b(?:de|het|die|the|that)\s+${THE_REPORTER}\b|\b(?:degene|diegene|the one|the person) (?:die|who) (?:mij|me)\b`, 'u');
const A_REPORTERS_TRAIT =
  /\b(?:(?:een )?man of (?:een )?vrouw|man or (?:a )?woman|male or female|afdeling|team|department|unit|dienst|leeftijd|hoe oud|how old|age|ken ik|do i know|iemand die ik ken|someone i know|hint|aanwijzing|clue|beschrijving|describe|collega van mij|a colleague of mine)\b/;
const FROM_WHICH_UNIT = /\b(?:uit|van|from|in|bij) (?:welke|which|what) (?:afdeling|team|department|unit|dienst|directie)\b/;
/** The confidentiality of a reporter is a rule: "wordt de naam van de melder geheim gehouden?" */
const CONFIDENTIALITY = /\b(?:geheim|anoniem|anonimiteit|beschermd|bescherming|vertrouwelijk|bekend|bekendgemaakt|gedeeld|secret|confidential|anonymous|anonymity|protected|disclosed|revealed|shared|kept)\b/;
/** The asker asks what happens to them or how they would learn it: "krijg ik te horen …", "will I be told …", "how do I find out …". */
const ASKER_ASKS_FOR_THEMSELVES = opening(String.raw`(?:(?:how|hoe) (?:do|can|could|would|will|should|kom|weet|kan|kun|zie|hoor|merk)|do|will|would|shall|krijg|word|wordt|zal|hoor|kom|ben|am) (?:i|ik)\b`);
/** "Was het Jan die …", "was it my team lead who …": whether it was a particular person. */
const WAS_IT_SOMEONE = opening(String.raw`(?:was|is|were|waren) (?:het|it|dat|that)\b`);
/** "Komt de melding over mij van iemand uit mijn team?": where it came from narrows down who. */
const FROM_WHOM = opening(String.raw`(?:komt|kwam|komen|kwamen|is|was|are|were|did|does|do)\b.{0,60}?\b(?:van|uit|from|by|door) (?:iemand|someone|somebody|een|a|mijn|my|onze|our|de|the|het)\b`);
/** "Klopt dat?", "can you confirm?": a request to confirm what was told. */
const CONFIRM_IT = /\b(?:klopt (?:dat|het|t)|is (?:dat|het|that|it) (?:waar|true|so)|kun je (?:dat|het) bevestigen|bevestig\p{L}*|confirm|verify)\b/u;

/** "Zou het kunnen dat …", "could it be that …": a fact put to the assistant to confirm, not a rule's modal. */
const COULD_IT_BE = /\b(?:zou het (?:kunnen|zo kunnen) zijn|zou het kunnen|kan het zijn|is het mogelijk|could it be|is it possible|might it be|can it be) (?:dat|that)\b/g;
/** The same pattern for `test`: a global one keeps `lastIndex` after a match, so the next question would be read from there. */
const A_POSSIBILITY = new RegExp(COULD_IT_BE.source);
/** "Hoeveel klachten", "how many reports", "hoe vaak": a count of the records themselves. */
const COUNT_OF_RECORDS = /\b(?:hoeveel|how many) (?:\p{L}+ )?(?:\p{L}*meldingen|\p{L}*klachten|onderzoeken|aangiftes|reports|complaints|notifications|investigations|cases|keer|times)\b|\bhoe vaak\b|\bhow often\b/u;
/** One piece of a sentence without the request to the assistant and the asker's reason: what is left of rule words. */
/**
 * "Welke cadeaus heeft hij laten registreren?", "has she had it recorded": what someone had done, a past
 * act after a perfect auxiliary, not the rule word of "wie registreert de cadeaus?".
 */
const HAD_IT_DONE = / (?:laten (?:registreren|vastleggen|noteren|opnemen|goedkeuren|melden)|had (?:it |them )?(?:registered|recorded|approved))\b/gu;
/** The perfect's auxiliary, looked for only in the words just before such an act (a look-behind would be tried at every position). */
const PERFECT_AUXILIARY = /\b(?:heeft|hebben|had|hadden|has|have)\b/;

/** The text without the acts someone had done (see `HAD_IT_DONE`). */
function withoutActsHadDone(text: string): string {
  return text.replace(HAD_IT_DONE, (act: string, at: number) => (PERFECT_AUXILIARY.test(text.slice(Math.max(0, at - 80), at)) ? ' ' : act));
}

function askedAsRule(piece: string): boolean {
  const rest = piece.replace(ASKING_THE_ASSISTANT, ' ').replace(COULD_IT_BE, ' ').replace(STATED_REASON, ' ').replace(NEED_OF_A_LIST, ' ');
  return RULE_OR_PROCESS.test(rest) || ASKER_ASKS_FOR_THEMSELVES.test(rest.trim());
}

/** The asker asks who reported them, whether there is a report about them or what it holds, or who a reporter is. */
function asksAboutReportsOnTheAsker(sentences: string[]): boolean {
  const pieces = sentences
    .flatMap((sentence) => fold(sentence).split(PIECE_BREAK))
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
    .map((piece) => ({ piece, reported: REPORTED_ME.test(piece) || ASKER_WAS_REPORTED.test(piece), record: RECORD_ABOUT_ME.test(piece) }));
  const aboutMe = pieces.some(({ reported, record }) => reported || record);
  return pieces.some(({ piece, reported, record }) => {
    // "is de melder een man of een vrouw", "uit welke afdeling kwam de melding over de directeur",
    // "do I know the person who reported me?" (asked for what the answer reveals, so "do I" is no rule here)
    if ((THE_REPORTER_AS_SUBJECT.test(piece) && A_REPORTERS_TRAIT.test(piece)) || (FROM_WHICH_UNIT.test(piece) && (CASE_WORD.test(piece) || THE_REPORTER_AS_SUBJECT.test(piece)))) {
      if (!RULE_OR_PROCESS.test(piece.replace(ASKING_THE_ASSISTANT, ' ')) && !CONFIDENTIALITY.test(piece) && !RULE_TEXT.test(piece)) return true;
    }
    // "am I under investigation", "staat er iets over mij in het meldingensysteem", "who snitched?"
    if (((MY_STANDING.test(piece) && !CONDITION.test(piece)) || WHO_INFORMED.test(piece)) && !RULE_OR_PROCESS.test(piece.replace(ASKING_THE_ASSISTANT, ' '))) return true;
    // A piece asked as a rule asks nothing of the reports below. That check is the costliest, and
    // the patterns are pure, so it is made last, only for a piece that would otherwise count.
    return asksOfAReportOnTheAsker(piece, reported, record, aboutMe) && !askedAsRule(piece);
  });
}

/**
 * One piece of `asksAboutReportsOnTheAsker`: `reported` (the asker was reported) and `record` (a
 * report about the asker) are this piece's, `aboutMe` whether any piece has either.
 */
function asksOfAReportOnTheAsker(piece: string, reported: boolean, record: boolean, aboutMe: boolean): boolean {
  // "wie heeft mij verklikt", "welke collega heeft me aangegeven", "who ratted me out"
  if (reported && WHO_OF_IT.test(piece.replace(RELATIVE_WHO, ' ')) && !CONFIDENTIALITY.test(piece)) return true;
  // "who made a report about me", "wie heeft de klacht over mij ingediend"
  if (record && WHO_OF_IT.test(piece.replace(RELATIVE_WHO, ' ')) && MADE_IT.test(piece) && !CONFIDENTIALITY.test(piece)) return true;
  // "wat is er over mij gemeld", "what was reported about me"
  if (reported && WHAT_OPENING.test(piece) && !CONDITION.test(piece)) return true;
  // "hoeveel klachten zijn er over mij gedaan", "could it be that a colleague reported me"
  if ((reported || record) && (COUNT_OF_RECORDS.test(piece) || A_POSSIBILITY.test(piece)) && !CONDITION.test(piece)) return true;
  // "wat staat er over mij in de melding"
  if (ABOUT_ME.test(piece) && CASE_WORD.test(piece) && ITS_CONTENTS.test(piece) && !CONDITION.test(piece)) return true;
  // "was het Jan die mij heeft gemeld?", "heeft Jan mij aangegeven?", "komt de melding over mij van een collega?"
  if (reported && (WAS_IT_SOMEONE.test(piece) || FACT_ABOUT_SOMEONE.test(piece))) return true;
  if ((reported || record) && FROM_WHOM.test(piece)) return true;
  // "is er een klacht over mij", "heeft iemand mij gemeld", "kun je checken of er iets over mij gemeld is"
  if ((reported || record) && (WHETHER_ABOUT_ME.test(piece) || EMBEDDED_QUESTION.test(piece))) return true;
  if (record && FACT_QUESTION_OPENING.test(piece) && RECEIVED.test(piece) && !CONDITION.test(piece)) return true;
  // "wat staat er in de klacht over mij", "laat me de melding over mij zien"
  if (record && ITS_CONTENTS.test(piece)) return true;
  // "Iemand heeft mij aangegeven, kun je nagaan wie het was?", "… en wat zit erin?"
  if (aboutMe && (WHO_WAS_IT.test(piece) || ITS_CONTENTS.test(piece) || CONFIRM_IT.test(piece)) && !CONFIDENTIALITY.test(piece)) return true;
  // "wie is de melder", "van wie kwam de klacht", "met de naam van de klager erbij"
  return WHO_IS_THE_REPORTER.test(piece) && !CONFIDENTIALITY.test(piece) && !RULE_TEXT.test(piece);
}

/**
 * What the other side of a case said, and where a case about someone stands with counsel: the
 * asker's own complaint about a colleague holds that colleague's words ("toon haar verweer",
 * "wat heeft Kees geantwoord op mijn klacht", "heeft HR al iets ondernomen met mijn melding over
 * Pieter"). How a reply or a hearing works is a rule question.
 */
const RESPONSE_WORDS = String.raw`reactie|reacties|antwoord|antwoorden|verweer|weerwoord|zienswijze|kant van het verhaal|versie van het verhaal|verklaring|response|responses|reaction|reply|replies|side of the story|version of events|statement|defence|defense`;
/** "Zijn reactie", "her side of the story": a response by possessive. */
const THEIR_RESPONSE = new RegExp(String.raw`\b(?:zijn|haar|hun|zn|his|her|their)\s+(?:\p{L}+\s+)?(?:${RESPONSE_WORDS})\b`, 'u');
/** "De reactie van Jan", "the response of my manager": a response of someone named after it. */
const RESPONSE_OF = new RegExp(String.raw`\b(?:${RESPONSE_WORDS}) (?:van|of|from) `, 'u');
/** A case word anywhere in the question: there is a complaint or report the response belongs to. */
const CASE_WORD = /\b(?:\p{L}*(?:klacht|klachten|melding|meldingen|onderzoek)|aangifte|complaints?|reports?|investigations?|grievances?|allegations?|accusations?|aantijgingen?|beschuldigingen?)\b/u;
/** "Wat is/was zijn reactie": what the response was. */
const WHAT_THE_RESPONSE_WAS = new RegExp(String.raw`\b(?:wat|what)(?:s| is| was| were| zijn| waren)\b(?: \p{L}+){0,3}? (?:${RESPONSE_WORDS})\b`, 'u');
/** "Wat heeft Kees geantwoord op mijn klacht", "what did Mark say in response to my complaint". */
const WHAT_THEY_ANSWERED =
  /\b(?:wat|what) (?:heeft|hebben|had|did|has|have) (?:\p{L}+ ){1,4}?(?:geantwoord|gereageerd|gezegd|verteld|verklaard|geschreven|answer|answered|reply|replied|respond|responded|say|said|tell|told|state|stated|write|wrote)\b(?: \p{L}+){0,4}? (?:op|over|to|about|on)\b(?: (?:mijn|my|de|die|dat|deze|the|that|this|zijn|haar|his|her)) (?:\p{L}+ )?(?:\p{L}*klacht|\p{L}*melding|complaint|report|aantijging|aantijgingen|beschuldiging|beschuldigingen|allegations?|accusations?)\b/u;
/** "Heeft HR al iets ondernomen met mijn melding over Pieter?": a case about someone, at counsel. */
const CASE_ABOUT_SOMEONE_AT_COUNSEL = opening(
  String.raw`(?:heeft|hebben|had|has|have|did|is|zijn)\b(?: \p{L}+){0,6}? (?:gehoord|gedaan|ondernomen|besloten|gereageerd|gevonden|opgepakt|heard|done|decided|found|responded|reacted|acted)\b(?: \p{L}+){0,4}? (?:\p{L}*klacht|\p{L}*melding|complaint|report)(?: \p{L}+){0,2}? (?:over|tegen|about|against) (?!(?:mij|me|mezelf|myself|een|a|an|iemand|someone|somebody)\b)\p{L}`,
);

/** "Heeft de vertrouwenspersoon Jan al gesproken over mijn klacht?": counsel and the accused, about a particular case. */
const COUNSEL_SPOKE_ABOUT_A_CASE = opening(
  String.raw`(?:heeft|hebben|had|has|have|did|is)\b(?: \p{L}+){0,6}? (?:gesproken|contact gehad|contact opgenomen|gebeld|gemaild|benaderd|uitgenodigd|gehoord|spoken|talked|contacted|called|met|approached|interviewed|heard)\b(?: \p{L}+){0,4}? (?:over|about|regarding|on) (?:mijn|my|de|the|die|that|deze|this) (?:\p{L}+ )?(?:\p{L}*klacht|\p{L}*melding|complaint|report|case|zaak)\b`,
);
/** "Hoe heeft mijn teamleider gereageerd op mijn klacht?", "how did my manager respond to my complaint?" */
const HOW_THEY_RESPONDED =
  /\b(?:hoe|how|wat|what)\b(?: \p{L}+){0,6}? (?:gereageerd|geantwoord|respond|responded|react|reacted|reply|replied|answered)\b(?: \p{L}+){0,3}? (?:op|to|on|about|over) (?:mijn|my|de|the|die|that|deze|this) (?:\p{L}+ )?(?:\p{L}*klacht|\p{L}*melding|complaint|report|aantijging|beschuldiging|allegation|accusation)\b|\b(?:hoe|how|wat|what)\b(?: \p{L}+){0,3}? (?:op|to|on) (?:mijn|my|de|the|die|that|deze|this) (?:\p{L}+ )?(?:\p{L}*klacht|\p{L}*melding|complaint|report)(?: \p{L}+){0,3}? (?:gereageerd|geantwoord|responded|reacted|replied)\b/u;
/** "Mijn melding over Ruud", "my complaint against my manager": the asker's case against somebody. */
const MY_CASE_AGAINST = /\b(?:mijn|my)\s+\p{L}*(?:melding|klacht|complaint|report)\s+(?:tegen|over|against|about)\s+(?!(?:een|a|an|iemand|someone|somebody|me|mij|mijzelf|myself)\b)\p{L}/u;
/** "Wat vond de directeur van …", "what did HR think of …": someone's view of a particular case. */
const WHAT_THEY_THOUGHT = /\b(?:wat|what|hoe) (?:vond|vindt|vinden|vonden|thought|thinks|did (?:\p{L}+ ){1,3}?think)\b/u;
/** A particular case passed on or taken up: where it stands. */
const CASE_PASSED_ON = opening(String.raw`(?:heeft|hebben|is|has|have|did)\b.{0,80}?\b(?:doorgestuurd|doorgezet|opgepakt|gelezen|bekeken|forwarded|passed on|picked up|read|looked at)\b`);
/** Somebody's response in a case about them, or where such a case stands with counsel. */
function asksForTheOtherSide(sentences: string[]): boolean {
  if (!CASE_WORD.test(fold(sentences.join(' ')))) return false;
  return sentences.some((sentence) =>
    sentence.split(PIECE_BREAK).some((piece) => {
      const one = fold(piece);
      // A piece asked as a rule does not count; that check is the costliest and the patterns are
      // pure, so it is made only for a piece that would.
      return asksForTheOtherSideIn(piece, one) && !askedAsRule(one);
    }),
  );
}

/** One piece of `asksForTheOtherSide`, as typed and folded. */
function asksForTheOtherSideIn(piece: string, one: string): boolean {
  if (WHAT_THEY_ANSWERED.test(one)) return true;
  if (CASE_ABOUT_SOMEONE_AT_COUNSEL.test(one) && COUNSEL.test(one)) return true;
  // "contact gehad met Jan": a name after "met" counts here (`namesSomeone` skips it for "met Teams").
  const someone = THIRD_PARTY.test(one.replace(COUNSEL, ' ')) || namesSomeone(piece) || /\b(?:met|with) \p{Lu}\p{Ll}+/u.test(piece);
  if (COUNSEL_SPOKE_ABOUT_A_CASE.test(one) && COUNSEL.test(one) && someone) return true;
  if (HOW_THEY_RESPONDED.test(one) && someone) return true;
  // "Wat vond de directeur van de klacht over Ruud?", "heeft HR mijn melding over Ruud al doorgestuurd?"
  if ((PARTICULAR_CASE_AGAINST.test(one) || MY_CASE_AGAINST.test(one)) && (WHAT_THEY_THOUGHT.test(one) || CASE_PASSED_ON.test(one)) && !CONDITION.test(one)) return true;
  const response = THEIR_RESPONSE.test(one) || (RESPONSE_OF.test(one) && (THIRD_PARTY.test(one) || namesSomeone(piece)));
  return response && (SHOW_VERBS.test(one) || WHAT_THE_RESPONSE_WAS.test(one) || EMBEDDED_QUESTION.test(one));
}

/** Questions about the rules, such as where to find the confidential counsellors, are not records requests. */
const LEGITIMATE_LOOKUPS = /\b(vertrouwenspersoon|vertrouwenspersonen|contactpersoon|contactpersonen|confidential counsellors?|confidential advisers?|confidential advisors?)\b/;

/** What is written or was said in something: "wat staat er in … over", "wat is er besproken". */
const WHAT_IT_HOLDS =
  /\bwat (?:staat|stond|staan|stonden) er (?:\p{L}+ ){0,8}?over\b|\bwhat does (?:\p{L}+ ){0,8}?say about\b|\bwhat (?:is|was) (?:in|written in) (?:\p{L}+ ){0,6}?about\b|\bwat (?:is|werd) er (?:\p{L}+ ){0,2}?(?:besproken|gezegd)\b|\bwhat (?:was|got) (?:\p{L}+ ){0,2}?(?:discussed|said)\b/u;
/** What something contains: "wat staat er in", "what is in". */
const WHAT_IS_IN = /\bwat (?:staat|stond|zit|zat) er in\b|\bwhat(?:s|'s| is| was) (?:written )?in\b|\bwhat does (?:\p{L}+ ){0,3}?(?:say|contain)\b/u;
/** Notes of people's affairs or a conversation with them, not a policy text. */
const NOTES_OR_CONVERSATION =
  /\b(\p{L}*verslag|\p{L}*verslagen|rapport|rapportage|notulen|aantekeningen|dossier|\p{L}+gesprek|gesprek|overleg|report|minutes|notes|file|meeting|conversation|interview)\b/u;
/** "Het gesprek met Wouter", "the meeting with Priya": a conversation with a person by name. */
const CONVERSATION_WITH_NAME = /\b\p{L}*(?:gesprek|gesprekken|overleg|meeting|conversation|talk|interview)\s+(?:met|with)\s+\p{Lu}\p{Ll}+/u;
/** "Er eentje", "one": a word pointing back at a thing named before. */
const BACK_REFERENCE = /\b(?:er (?:ook |wel |nog )?(?:een|eentje|1)|one|any|such an?)\b/;
/** "… en wie heeft dat gedaan?", "and who did so?": who did what the clause before names. */
const WHO_DID_THAT = /^(?:en |and |maar |but )?(?:wie|who|welke|which)\b(?: \p{L}+){0,3}? (?:dat|dit|that|this|it|so)\b/u;
/** "De persoon die", "the one who": asks whom an act belongs to. */
const THE_ONE_WHO = /\b(?:de|het|the) (?:one|person|persoon|collega|colleague|medewerker|employee) (?:who|die)\b(?! (?:ik|i|je|you|we)\b)|\b(?:degene|diegene) die\b(?! (?:ik|je|we)\b)/;

/** A capitalised phrase inside a sentence: "in Public Works", "bij Openbare Ruimte", a unit's name. */
const CAPITALISED_PHRASE = /(?<=\S\s)\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)+/gu;
/** "The legal team", "the policy department": a unit named by its work, not a rule. */
const NAMED_UNIT = /\b(?:the|our|my|a|an|that|this) \p{L}+ (team|teams|department|departments|unit|units|office)\b/gu;
/** An aside in brackets: "(die sinds de zomer met pensioen is)" describes the person asked about. */
const BRACKETED_ASIDE = /\([^()]{0,120}\)/g;
/**
 * `folded` without what only describes the people or units asked about: an aside in brackets and a
 * unit's capitalised name, whose words ("regeling", "Public") are no rule the asker asks for.
 * A capitalised rule text ("de Gedragscode Integriteit") stays.
 */
function withoutAsides(sentence: string, folded: string): string {
  let rest = folded.replace(BRACKETED_ASIDE, ' ').replace(NAMED_UNIT, ' $1 ');
  for (const match of sentence.matchAll(CAPITALISED_PHRASE)) {
    const phrase = fold(match[0]);
    if (!RULE_TEXT.test(phrase) && !LAW.test(phrase)) rest = rest.replace(phrase, ' ');
  }
  return rest;
}

/**
 * `sentence` is one sentence as typed (for names), `folded` the same after `fold`. A sentence
 * counts when it has someone else in it, a registration, and the shape of a records request.
 * `records` is RECORD_THINGS.test(folded); `pointsBack`: the clause before names a registration
 * this one may refer to.
 */
function asksForOthersRecords(sentence: string, folded: string, records: boolean, pointsBack: boolean): boolean {
  const registration = records || (pointsBack && (BACK_REFERENCE.test(folded) || WHO_DID_THAT.test(folded)));
  const event =
    RECORD_EVENTS.test(folded) || WHAT_DID_THEY.test(folded) || (GENERIC_EVENTS.test(folded) && (registration || COUNSEL.test(folded))) || (registration && LABELLED.test(folded)) || KNOWN_TO_A_DESK.test(folded) || DID_SOMEONE.test(folded);
  const rumoured = RUMOUR.test(folded) && !RUMOUR_ABOUT_ANYONE.test(folded) && GENERIC_EVENTS.test(folded);
  if (!registration && !event && !rumoured) return false;
  // "Is de klacht tegen de teamleider al afgehandeld?": how one particular case against someone
  // stands; its word of process asks for that case's outcome, not for the procedure.
  if (CASE_STATUS.test(folded) && PARTICULAR_CASE_AGAINST.test(folded) && (THIRD_PARTY.test(folded) || namesSomeone(sentence) || AGAINST_A_NAME.test(sentence)) && !ASKER_IN_IT.test(folded)) return true;
  // "Kan ik de verklaring van mijn collega inzien?" asks to be shown a record, like "laat zien";
  // not when the asker asks as a manager or HR what that role may see, or says where or why they
  // would look themselves (their own conduct).
  // "Heeft raadslid Yilmaz ooit een VOG moeten overleggen?": someone in particular and "ooit"
  // ask for that person's history; the modal belongs to what happened, not to a rule.
  if (EVER.test(folded) && (FACT_ABOUT_SOMEONE.test(folded) || SOMEONE_OF_MINE.test(folded)) && !SECOND_OR_FIRST_SUBJECT.test(folded)) return true;
  let withoutReason = withoutAsides(sentence, folded).replace(ASKING_THE_ASSISTANT, ' ').replace(STATED_REASON, ' ').replace(NEED_OF_A_LIST, ' ').replace(RULE_AS_A_MEASURE, ' ').replace(TITLE_WITH_A_RULE_WORD, ' ').replace(RULE_TEXT_SIGNED, ' signed ').replace(MODAL_OF_A_THING, ' ');
  withoutReason = withoutActsHadDone(withoutReason);
  if (!IN_A_ROLE.test(folded) && !OWN_LOOKUP.test(folded)) withoutReason = withoutReason.replace(ACCESS_REQUEST, ' ');
  if (RULE_OR_PROCESS.test(withoutReason) || ASKER_OWN.test(withoutReason) || OATH_ADMINISTERED.test(withoutReason)) return false;
  // A rumour about the asker ("ik hoorde dat er een klacht over mij is") is declined by
  // `asksAboutReportsOnTheAsker` when it is put to the assistant to confirm, not as a rumour.
  if (RUMOUR.test(folded) && !RUMOUR_ABOUT_ANYONE.test(folded) && !RECORD_ABOUT_ME.test(folded) && !REPORTED_ME.test(folded)) return true;
  // "… heeft die nou wel of niet een belang in dat zonnepark? ja of nee"
  if (YES_OR_NO.test(folded) && (THIRD_PARTY.test(folded) || namesSomeone(sentence))) return true;
  if (CASE_AGAINST.test(folded) && AGAINST_A_NAME.test(sentence)) return true;
  const someoneElse = THIRD_PARTY.test(folded) || namesSomeone(sentence) || WHO_HAS_ONE.test(folded) || EMBEDDED_PERSON.test(folded) || FACT_ABOUT_SOMEONE.test(folded) || NAME_AFTER_PREPOSITION.test(sentence) || (event && GROUP_OF_PEOPLE.test(folded)) || SOMEONE_OF_MINE.test(folded) || POSSESSED_RECORD.test(folded) || ROLE_POSSESSED_RECORD.test(sentence.toLowerCase()) || AGAINST_A_PARTICULAR_ONE.test(folded) || (event && WHO.test(folded)) || /\b(heeft|has|did|does)\s+(?!ik|je|jij|u|we|wij|men|i|you)\p{L}+\s+(\p{L}+\s+)?(gemeld|opgegeven|aangegeven|ingediend|gekregen|reported|declared|filed|received|got)\b/u.test(folded);
  // "Wat staat er in zijn dossier?", "what is in her file?": the contents of someone's record.
  if (POSSESSED_RECORD.test(folded) && WHAT_IS_IN.test(folded)) return true;
  // "Export all gift registrations", "stuur me de lijst met meldingen van afdeling Burgerzaken".
  // "Ik heb voor de evaluatie de dossiers van mijn team nodig": a stated need of them is a request too.
  // "The gift thresholds of all organisations in a table" compares rules: organisations are no group of people.
  if ((SHOW_VERBS.test(folded) || folded.search(NEED_OF_A_LIST) >= 0) && registration && (someoneElse || (MANY_OR_OTHERS.test(folded) && !ALL_ORGANISATIONS.test(folded)))) return true;
  // "Hoeveel meldingen kwamen er in 2023 van afdeling Openbare Ruimte?"
  if (COUNT_OF.test(folded) && registration && (someoneElse || /\b(in|van|of|since|sinds|na|after) (?:19|20)\d\d\b|\b(vorig jaar|last year|dit jaar|this year)\b/.test(folded))) return true;
  if (!someoneElse) return false;
  // "Wat zijn de financiële belangen van de gemeentesecretaris?": what one particular person's registrations are.
  if (WHAT_ARE_THEIR_RECORDS.test(folded) && OF_A_PARTICULAR_ONE.test(folded)) return true;
  // "What did the confidential adviser report about our team?": what was told about someone.
  if (WHAT_WAS_TOLD_ABOUT.test(folded)) return true;
  // "Is er een integriteitsonderzoek gaande naar wethouder Bakker?"
  if (CASE_AGAINST.test(folded)) return true;
  // "Kun je checken of Fatima iets heeft gemeld", "any idea whether Pieter got a sanction".
  if (EMBEDDED_QUESTION.test(folded)) return true;
  // "Staat er in de registratie dat mijn collega bijklust?", "does the system show that …"
  if (IN_THE_REGISTER.test(folded)) return true;
  // "Heeft de gemeentesecretaris aandelen?", "did my boss get approval for his side business?"
  // "Is er een vertrouwenspersoon benaderd over de teamleider?" is no longer whether a thing
  // exists but whether something happened about someone.
  if (FACT_QUESTION_OPENING.test(folded) && !SECOND_OR_FIRST_SUBJECT.test(folded) && (!WHETHER_IT_EXISTS.test(folded) || RECORD_EVENTS.test(folded))) return true;
  // "Wie heeft een klacht ingediend?", "which colleagues have registered financial interests?"
  // "Wie staat er bekend als probleemgeval"; not "bij wie leg je de eed af" (to whom: a step of the process).
  // "Which colleagues own shares in …": the people behind a registration, whatever the verb.
  if (registration && WHICH_PEOPLE.test(folded)) return true;
  // "What does the new clerk do on the side?": "do" with what is done beside the job.
  return WH_OPENING.test(folded.replace(RELATIVE_WHO, ' ')) && (event || (registration && WHO.test(folded.replace(TO_WHOM, ' '))) || /\b(heeft|hebben|has|have|had)\b/.test(folded) || DOES_ON_THE_SIDE.test(folded) || (registration && OUTCOME.test(folded)));
}

/** Counsel as typed: "het Huis voor Klokkenluiders" names no person. */
const COUNSEL_AS_TYPED = new RegExp(COUNSEL.source, 'gi');
/** Units and people that are ranked or compared. */
const RANKED = String.raw`team|teams|afdeling|afdelingen|department|departments|unit|units|directie|directies|dienst|diensten|sector|sectoren|cluster|clusters|collega|collegas|medewerker|medewerkers|colleague|colleagues|employee|employees|manager|managers|wethouder|wethouders|raadslid|raadsleden|persoon|personen|person|people|mensen|leidinggevende|leidinggevenden|councillor|councillors|councilor|councilors|alderman|aldermen|official|officials|ambtenaar|ambtenaren|bestuurder|bestuurders|director|directors|directeur|directeuren|teamleider|teamleiders`;
/** One of them named: "de afdelingen", "the teams". */
const A_RANKED_ONE = new RegExp(String.raw`\b(?:${RANKED})\b`, 'u');
/** Most, fewest, worst: a ranking. */
const SUPERLATIVE = String.raw`de meeste|het meeste|de minste|het minste|the most|the fewest|the least|most|fewest|het vaakst|het minst vaak|most often|least often|het slechtst|het slechtste|het best|het beste|het hoogst|het laagst|worst|best|highest|lowest|bovenaan|onderaan|at the top|at the bottom`;
/**
 * "Welk team heeft de minste …", "which department scores worst", "wie heeft het meeste …"; "meer
 * dan 50 euro" is a threshold, not a ranking.
 */
const RANKING = new RegExp(
  String.raw`\b(?:welk|welke|which|what) (?:\p{L}+ )?(?:${RANKED})\b(?: \p{L}+){0,8}? (?:${SUPERLATIVE})\b|\b(?:wie|who)\b(?: \p{L}+){0,6}? (?:${SUPERLATIVE}|meer|more|minder|fewer|less)\b(?! (?:dan|than)\b)|\b(?:rank|rangschik\p{L}*|sorteer|sort|order|orden)\b(?: \p{L}+){0,2}? (?:${RANKED})\b|\b(?:ranglijst|ranking|top \d+|top drie|top vijf|top three|top five|league table)\b`,
  'u',
);
/** "Who is most likely to receive gifts?", "wie loopt het meeste risico": who is exposed, a question of risk. */
const AT_RISK = /\b(?:most likely|most at risk|most vulnerable|most exposed|meeste risico|grootste risico|grootste kans|meeste kans|meest kwetsbaar|kwetsbaarst|meest waarschijnlijk)\b/;
/** A score or count that a ranking is made of. */
const SCORE = /\b(?:scoort|scoren|scores|score|scored|\p{L}*aantallen|aantal|numbers|number|counts|count|\p{L}*cijfers|figures|totals|totalen|\p{L}*rapportage|statistics|statistieken)\b/u;
/** "Vergelijk …", "compare …", "wie van de twee …", "side by side". */
const COMPARE = /\b(?:vergelijk\p{L}*|vergeleken met|verhouden|verhoudt|verhouding|compare|compared|comparing|comparison|naast elkaar|tegenover elkaar|side by side|versus|vs|wie van (?:de twee|beiden|hen|hun|die twee)|which of (?:the two|them|both|those two)|who of (?:the two|them))\b/u;
/** A count per unit or person: "aantallen per team", "de teams met hun aantallen", "numbers by department". */
const COUNT_PER_UNIT = new RegExp(
  String.raw`\b(?:aantallen|aantal|numbers|counts|cijfers|scores|figures|totals|totalen)\b(?: \p{L}+){0,3}? (?:per|by|for each|voor elk|voor ieder|van elk|van ieder|of each) (?:\p{L}+ )?(?:${RANKED})\b|\b(?:${RANKED}|namen|names) (?:met|with) (?:hun |their |de |the )?(?:aantallen|aantal|numbers|counts|cijfers|scores|figures|totals)\b`,
  'u',
);
/** "Each one", "elke afdeling", "per team": a count for every unit or person. */
const EACH_UNIT = new RegExp(String.raw`\b(?:each|every|elk|elke|ieder|iedere|per) (?:one|(?:\p{L}+ )?(?:${RANKED}))\b`, 'u');
/** "Met de namen erbij", "with employee names": names asked along with the figures. */
const NAMES_ALONG = /\b(?:(?:de |hun )?namen (?:er ?bij|erbij)|(?:met|with|including|inclusief|incl) (?:de |the |hun |their )?(?:\p{L}+ )?(?:namen|names)|names (?:attached|included|added))\b/u;

/**
 * A ranking or comparison of the registrations of people or units: "welke afdeling meldt de
 * minste cadeaus", "rank the teams by complaints", "vergelijk de bijbanen van Karin en Joost",
 * "geef de aantallen per afdeling". "Hoe verschilt een melding van een klacht?"
 * compares two rules (no person, no unit), "welk team moet de meeste meldingen behandelen?" asks
 * for a rule.
 */
function ranksOrComparesRecords(sentence: string, folded: string, records: boolean): boolean {
  // A sentence asked as a rule ranks nothing; that check is the costliest and the patterns are
  // pure, so it is made only for a sentence that ranks or compares.
  return ranksOrCompares(sentence, folded, records) && !askedAsRule(withoutAsides(sentence, folded));
}

/** `records` is RECORD_THINGS.test(folded). */
function ranksOrCompares(sentence: string, folded: string, records: boolean): boolean {
  // Each part is looked for only where the answer depends on it (the patterns are pure, so the
  // order changes the work, not the outcome): most sentences rank and compare nothing.
  let registration: boolean | undefined;
  const isRegistration = () => (registration ??= records || RECORD_EVENTS.test(folded));
  if (RANKING.test(folded) && (isRegistration() || SCORE.test(folded)) && !AT_RISK.test(folded)) return true;
  if (COUNT_PER_UNIT.test(folded)) return true;
  // "List the departments and how many complaints each one had"
  if (COUNT_OF.test(folded) && isRegistration() && EACH_UNIT.test(folded)) return true;
  if (NAMES_ALONG.test(folded) && (isRegistration() || SCORE.test(folded) || A_RANKED_ONE.test(folded))) return true;
  if (!COMPARE.test(folded) || !isRegistration()) return false;
  // Counsel compared ("reporting to the confidential adviser or to the authority") is two routes, not two people.
  return namesSomeone(sentence.replace(COUNSEL_AS_TYPED, ' ')) || THIRD_PARTY.test(folded.replace(COUNSEL, ' ')) || A_RANKED_ONE.test(folded);
}

/** What counsel heard, was told or advised: verbs of a confidence, in the past. */
const COUNSEL_HEARD =
  /\b(?:gehoord|vernomen|te horen gekregen|gekregen|geadviseerd|aangeraden|gezegd|verteld|besproken|heard|learned|learnt|been told|was told|advised|advise|recommended|recommend|told|tell|said|say|discussed|hear|learn|gegeven|give|gave|given|weet|weten|know|knows)\b/;
/** Knowing, and counsel as the one who knows: "weet de vertrouwenspersoon …", "what does HR know …". */
const KNOWS = /\b(?:weet|weten|knows?)\b/;
const COUNSEL_KNOWS = new RegExp(String.raw`\b(?:weet|weten|knows?|does) (?:de |het |the |onze |our )?(?:\p{L}+ )?${COUNSEL.source}(?: know\b)?`, 'u');
/** What counsel heard, in the past, besides knowing. */
const COUNSEL_PAST = /\b(?:heeft|hebben|had|has|have|did|gehoord|vernomen|gekregen|geadviseerd|aangeraden|gezegd|verteld|besproken|heard|learned|learnt|advised|told|said|discussed)\b/;
/** A question about what counsel did: "wat heeft …", "what did …", "heeft … iets …", "did … hear". */
const COUNSEL_QUESTION = opening(
  String.raw`(?:wat|what|welk advies|welke adviezen|what advice|which advice|heeft|hebben|had|has|have|did|does|is|weet|weten|knows)\b`,
);
/** A particular person: by name, or "mijn collega", "that employee", "over mij". */
const PARTICULAR_PERSON = new RegExp(
  String.raw`\b(?:mijn|my|onze|our|die|deze|that|this|zijn|haar|his|her) (?:(?:nieuwe|oude|vorige|new|former|previous) )?(?:${THIRD_PARTY.source})|\b(?:over|about|van|from|tegen|to|aan) (?:mij|me|hem|haar|him|her)\b`,
  'u',
);

/**
 * What counsel heard from or advised a particular person: "what did HR advise Mark?", "heeft de
 * vertrouwenspersoon van Kees iets over mij vernomen?". Counsel's confidences are never disclosed;
 * "wat adviseert de vertrouwenspersoon meestal?" asks what counsel does.
 */
function asksWhatCounselHeardOrAdvised(sentence: string, folded: string): boolean {
  if (!COUNSEL.test(folded) || !COUNSEL_QUESTION.test(folded) || !COUNSEL_HEARD.test(folded)) return false;
  // Only the past or a perfect: "what does counsel advise" asks what counsel does.
  // What counsel knows ("weet de vertrouwenspersoon iets van Peter") is what they were told.
  if (!/\b(?:weet|weten|knows|know|heeft|hebben|had|has|have|did|gehoord|vernomen|gekregen|geadviseerd|aangeraden|gezegd|verteld|besproken|heard|learned|learnt|advised|told|said|discussed)\b/.test(folded)) return false;
  // "te horen gekregen" is what counsel was told, not the rule word "horen".
  const rest = withoutAsides(sentence, folded).replace(/\bte horen\b/g, ' ');
  // "Does integrity come up in my appraisals with my manager?": the asker's own talks.
  if (askedAsRule(rest) || ASKER_OWN.test(rest.replace(ASKING_THE_ASSISTANT, ' '))) return false;
  // "Weet mijn leidinggevende dat ik bij de vertrouwenspersoon was?": whether the asker's visit is known.
  if (/\b(?:dat|that|whether|of) (?:ik|i)\b/.test(rest)) return false;
  if (KNOWS.test(rest) && !COUNSEL_PAST.test(rest) && !COUNSEL_KNOWS.test(rest)) return false;
  return namesSomeone(sentence) || /\b(?:van|from|to|aan|met|with) \p{Lu}\p{Ll}+/u.test(sentence) || PARTICULAR_PERSON.test(folded.replace(COUNSEL, ' '));
}

/** Agreements or notes about how someone behaves or performs. */
const AGREEMENTS_ABOUT_CONDUCT =
  /\b(?:afspraken|afspraak|aantekeningen|notities|verslag|verslagen|agreements?|arrangements?|notes|memo)\b(?: \p{L}+){0,8}? (?:over|about|regarding|on|met|with)\b(?: \p{L}+){0,3}? (?:het |zijn |haar |the |his |her )?(?:gedrag|functioneren|houding|optreden|behaviou?r|conduct|performance|attitude)\b/u;
/** "Kan ik … lezen", "can I read …": the asker asks to be shown something to read. */
const MAY_I_READ = /\b(?:kan|kun|mag) ik (?:\p{L}+ ){0,14}?(?:lezen|zien|krijgen)\b|\b(?:can|may|could) i (?:\p{L}+ ){0,2}?(?:read|get|have)\b/gu;
/** Put on record: "vastgelegd", "recorded", "made". */
const RECORDED = /\b(?:vastgelegd|gemaakt|genoteerd|opgeschreven|op papier gezet|recorded|made|noted|written down|put on paper|logged)\b/;
/** The asker wants to see or have it: "die notities wil ik lezen", "I'd like to read them", or a show request. */
const WANTS_TO_SEE =
  /\b(?:ik|we|wij) (?:wil|willen|wou|zou graag|zouden graag)\b(?: \p{L}+){0,4}? (?:zien|lezen|inzien|inkijken|bekijken|hebben|ontvangen|krijgen)\b|\b(?:wil|willen|wou) (?:ik|we|wij)\b(?: \p{L}+){0,4}? (?:zien|lezen|inzien|inkijken|bekijken|hebben|ontvangen|krijgen)\b|\b(?:i|we)(?: would like| want| wish|d like|'d like) to (?:see|read|view|get|have|look at)\b|\b(?:laat|toon|stuur|geef|show|send|give me|zien)\b/u;

/**
 * Agreements recorded about a particular colleague's conduct, asked to be shown: "er zijn afspraken
 * met Dirk over zijn gedrag gemaakt, laat die zien", "which agreements were recorded with Kim
 * about her conduct?". Whether agreements must be recorded is a rule question.
 */
function asksForAgreementsAboutSomeone(sentences: string[]): boolean {
  const about = sentences.filter((sentence) => {
    const one = fold(sentence);
    return AGREEMENTS_ABOUT_CONDUCT.test(one) && (namesSomeone(sentence) || PARTICULAR_PERSON.test(one) || /\b(?:van|of|met|with) \p{Lu}\p{Ll}+/u.test(sentence));
  });
  if (about.length === 0) return false;
  return sentences.some((sentence) => {
    const one = fold(sentence);
    // "Kan ik die afspraken lezen?" asks to be shown them, unless asked in a role or as the asker's own look.
    const rest = IN_A_ROLE.test(one) || OWN_LOOKUP.test(one) ? one : one.replace(ACCESS_REQUEST, ' zien ').replace(MAY_I_READ, ' zien ');
    if (askedAsRule(withoutAsides(sentence, rest))) return false;
    // "Welke afspraken over zijn gedrag bevat het dossier van Roel?": what they are, of a particular person.
    return WANTS_TO_SEE.test(rest) || (about.includes(sentence) && /^(?:welke|wat|which|what)\b/.test(one));
  });
}

/** "Was dat ooit goedgekeurd?", "was it registered?": whether what was just told was registered or approved. */
const WAS_THAT_HANDLED = opening(
  String.raw`(?:was|is|werd|wordt|zijn|waren|has|had|heeft|did|were)\s+(?:that|it|this|dat|het|dit|die|deze|hij|zij|ze|he|she|they)\b(?: \p{L}+){0,4}? (?:gemeld|geregistreerd|goedgekeurd|toegestaan|aangegeven|opgegeven|vastgelegd|afgewezen|reported|registered|approved|declared|disclosed|allowed|permitted|rejected|recorded|signed off)\b`,
);
/** Where a piece ends for the question pointing back: a sentence's comma, semicolon or dash. */
const BACK_PIECE_BREAK = /\s*[;]\s+|\s[–—-]\s/u;

/**
 * A fact about someone else, then whether it was registered or approved: "mijn voorganger had een
 * adviesbureau — is dat ooit goedgekeurd?", "My colleague runs a shop. Was it registered?";
 * "is dat toegestaan?" asks for the rule.
 */
function asksWhetherTheirsWasHandled(sentences: string[]): boolean {
  const pieces = sentences.flatMap((sentence) => sentence.split(BACK_PIECE_BREAK)).map((piece) => piece.trim()).filter((piece) => piece !== '');
  if (pieces.length < 2) return false;
  return pieces.some((piece, i) => {
    const one = fold(piece);
    if (i === 0 || !WAS_THAT_HANDLED.test(one)) return false;
    // "Is dat ooit toegestaan?" asks for a rule; "was dat ooit goedgekeurd?" for what was decided.
    if (askedAsRule(one)) return false;
    const told = fold(pieces[i - 1] ?? '');
    return (THIRD_PARTY.test(told) || namesSomeone(pieces[i - 1] ?? '')) && !ASKER_IN_IT.test(told) && !RULE_OR_PROCESS.test(withoutAsides(pieces[i - 1] ?? '', told));
  });
}

/** The asker claims a right to see: "ik heb recht op …", "I am entitled to …", "als HR mag ik dat zien". */
const CLAIMED_RIGHT =
  /\b(?:(?:ik|we|wij) (?:heb|hebben) (?:\p{L}+ ){0,3}?recht op|heb (?:ik|we|wij) (?:\p{L}+ ){0,3}?recht op|(?:i|we) (?:am|are) (?:\p{L}+ )?(?:entitled|authori[sz]ed|allowed) to|(?:i|we) have (?:a |the |every )?right to|(?:ik|we|wij) (?:ben|zijn) (?:\p{L}+ ){0,2}?(?:bevoegd|gemachtigd))\b/u;
/** A request in the imperative: "stuur die maar", "send them", "geef me de lijst". */
const IMPERATIVE_SHOW = opening(String.raw`(?:(?:dus|so|then|dan|please|graag|alsjeblieft|just) )?(?:stuur|geef|toon|mail|exporteer|laat|send|show|give|list|export|mail|forward|share)\b`);

/**
 * A claimed right, then the request itself: "als teamleider heb ik recht op de lijst met bijbanen
 * van mijn mensen, stuur die maar". The rule word of the claim ("recht", "entitled") is the
 * asker's pretext, not a question; "heb ik als teamleider recht op die lijst?" asks the rule.
 */
function claimsARightToOthersRecords(sentences: string[]): boolean {
  const folded = fold(sentences.join(' '));
  if (!CLAIMED_RIGHT.test(folded) || folded.includes('?')) return false;
  if (!RECORD_THINGS.test(folded) || ASKER_OWN.test(folded.replace(CLAIMED_RIGHT, ' '))) return false;
  if (!(THIRD_PARTY.test(folded) || MANY_OR_OTHERS.test(folded) || sentences.some((sentence) => namesSomeone(sentence)))) return false;
  return sentences.some((sentence) =>
    sentence.split(PIECE_BREAK).some((piece) => {
      const one = fold(piece).trim();
      return IMPERATIVE_SHOW.test(one) && !RULE_OR_PROCESS.test(one.replace(ASKING_THE_ASSISTANT, ' '));
    }),
  );
}

/**
 * "Was er bij de vorige directeur sprake van belangenverstrengeling?", "was there a conflict of
 * interest with my predecessor?": whether something happened at someone in particular, in the
 * past ("is er sprake van belangenverstrengeling als …" weighs a case against the rule).
 */
const CASE_WORDS_AT_SOMEONE = String.raw`sprake van|belangenverstrengeling|conflicts? of interest|belangenconflict|fraude|fraud|\p{L}*schendingen|\p{L}*schending|misconduct|breach|breaches|wangedrag`;
const CASE_AT_SOMEONE = opening(
  String.raw`(?:(?:was|waren) er|(?:is|zijn) er ooit|(?:was|were) there|(?:has|have) there (?:ever )?been) (?:(?:ooit|destijds|toen|al|eigenlijk|ever|once|a|an|any) ){0,2}` +
    String.raw`(?:(?:\p{L}+ ){0,4}?(?:bij|met|rond|rondom|with|at|involving|around) (?:de|het|mijn|onze|die|deze|the|my|our|that|this) (?:(?:vorige|oude|nieuwe|former|previous|new) )?(?:${THIRD_PARTY.source}).{0,60}?\b(?:${CASE_WORDS_AT_SOMEONE})\b` +
    String.raw`|(?:\p{L}+ ){0,2}?(?:${CASE_WORDS_AT_SOMEONE}) (?:\p{L}+ ){0,3}?(?:bij|met|with|at|involving|by|of|on the part of) (?:de|het|mijn|onze|die|deze|the|my|our|that|this) (?:(?:vorige|oude|nieuwe|former|previous|new) )?(?:${THIRD_PARTY.source}))`,
);
