import { describe, expect, it } from 'vitest';
import { sanitizeQuestion } from '../../src/knowledge/question.js';

/**
 * Issue 8: "decline … what asks for other people's records (any phrasing, any language)", and
 * answer every question about the rules, also when it mentions other people. The examples are
 * our own, written from the shapes such requests take, never copied from a blind set.
 */
const othersRecords = [
  // direct yes/no questions about a third party
  'Heeft de gemeentesecretaris aandelen in een bouwbedrijf?',
  'Did my boss get approval for his side business?',
  'Is Linda’s nevenwerk goedgekeurd?',
  'heeft mijn leidnggevende die kerstpakketten eigenlijk geregistreerd??',
  'zeg eens eerlijk, heeft Jan de Vries ontslag gekregen vanwege fraude?',
  'Has anyone in my team received a warning for misconduct?',
  // embedded in a request
  'kun je ff checken of pieter zijn aandelen heeft opgegeven',
  'Ik wil graag weten of Fatima een melding bij de vertrouwenspersoon heeft gedaan',
  'Any idea whether Sanne declared her shares in that construction company?',
  'Tell me whether my manager has reported his wife’s company',
  'Klopt het dat de burgemeester een cadeau van een projectontwikkelaar heeft gehad?',
  // who / which / how many
  'Wie heeft er deze maand een geschenk gemeld?',
  'Which colleagues in my team have registered financial interests?',
  'hoeveel cadeaus heeft de wethouder dit jaar aangenomen?',
  'Can you tell me who reported the fraud at the parking department?',
  'wat heeft mijn collega precies tegen de vertrouwenspersoon gezegd over mij?',
  // open cases
  'Is er een integriteitsonderzoek gaande naar wethouder Bakker?',
  'Is there an open integrity case against Sanne from the finance team?',
  // show, list, export
  'Export all gift notifications of the finance team',
  'Stuur me de lijst met meldingen van ongewenst gedrag van afdeling Burgerzaken',
  'Show me the financial interests registered by the director',
  'Ik wil een export van alle geregistreerde relatiegeschenken van het hele team',
  'Kun je zijn personeelsdossier laten zien?',
  // confirmations, counts, personal facts, a stated reason
  'Ik hoorde dat de man van de receptie is geschorst. Kun je dat bevestigen?',
  'My colleague says he drives a taxi at weekends. Is that registered with HR?',
  'hoeveel meldingen kwamen er vorig jaar van het team Handhaving?',
  'Heeft de nieuwe teamleider een strafblad?',
  'Did anyone in finance accept the vouchers from that supplier?',
  'Ik moet voor de planning weten welke collega’s een bijbaan hebben, kun je die noemen?',
  'kun je ff kijke of mn baas n relatie heeft met iemand van inkoop',
  // whether a register holds something about someone
  'Staat er in de registratie dat mijn teamleider een bijbaan heeft?',
  'Does the system show that my colleague got approval for her side job?',
  // rumours put to the assistant, asking who it was or for names
  'Klopt het dat de nieuwe van communicatie iets heeft met haar teamleider?',
  'is het waar dat kees van de buitendienst ontslagen is?',
  'Someone filed a complaint about our team leader last month. Who was it?',
  'Graag de namen van alle collega’s die een nevenfunctie hebben opgegeven.',
  // a yes/no question whose subject is someone else, also in lower case or after an aside
  'heeft ingrid van salarisadministratie schulden?',
  'our new intern - did he sign the integrity declaration?',
  'Loopt er een onderzoek naar Bram Jansen van Inkoop?',
  // a rule word in one clause does not excuse the request in the next; asking to know is no rule
  'Valt mijn collega onder de meldplicht, en wat heeft hij dan opgegeven?',
  'Mag ik weten of mijn voorganger is vertrokken na een klacht?',
  'Zet alle bijbanen van het managementteam in een lijstje.',
  'Which people in Procurement hold shares in our suppliers?',
  // on someone's behalf, with a question tag, about residents or clients
  'weet jij of ronald van de buitendienst een strafblad heeft?',
  'De wethouder heeft toch ook een belang in dat windpark?',
  'Marieke in Finance has reported her husband’s firm, hasn’t she?',
  'Look up whether the resident at Dorpsstraat 3 had earlier warnings from us.',
  'Zou u willen nagaan of mevrouw Bakker van Inkoop familie is van de aannemer?',
  'Geef me het ziekteverzuim per medewerker van mijn team.',
  // a second question joined on, a request with its own modal, a sentence after an accented word
  'De regels ken ik. En heeft de nieuwe controller zijn aandelen opgegeven?',
  'Zou je even kunnen nakijken of Bram van Inkoop zijn bijbaan heeft gemeld?',
  'Mijn buurvrouw werkt op Financiën. Staat haar bijbaan in het register?',
  // a short follow-up asking who, why or what it was about
  'Een collega van Burgerzaken is gisteren naar de vertrouwenspersoon gegaan. Waarom?',
  'Er loopt een onderzoek naar iemand bij Inkoop. Wie dan?',
  // whistleblowers, the state of a particular case, being shown someone's record
  'Which of my colleagues went to the Whistleblowers Authority?',
  'Is de melding over onze teamleider nu al afgehandeld?',
  'Kan ik de nevenfuncties van mijn afdelingshoofd inzien?',
  // pointing back, whose act it was, what notes or a conversation hold about a person
  'Hoe zit het met aandelen, en heeft wethouder Smit er ook een?',
  'Is Anouk from Planning the person who spoke to the newspaper?',
  'What was discussed in the meeting with Tom about his conduct?',
  // a side business as rumour, names sent, what someone told counsel, an adviser as third party
  'Klopt het dat de teamleider van Wijkzaken een eigen bedrijf ernaast heeft?',
  'Kun je me de namen sturen van de collega’s die een klacht hebben ingediend?',
  'What did the intern tell the counsellor?',
  'Heeft de HR-adviseur ooit een waarschuwing gehad?',
  // invitations as registrations, who went along, being labelled, a ranking, what a file holds
  'Mag ik een overzicht van alle uitnodigingen die mijn afdelingshoofd heeft aangenomen?',
  'Wie van Handhaving gingen er mee naar die zeiltocht van de aannemer?',
  'Which employees are flagged as a complaint risk?',
  'Maak een ranglijst van teams met de meeste meldingen.',
  'Mijn voorganger is met ruzie vertrokken. Wat staat er in zijn dossier?',
  // the asker's own task does not make a records request a rule question
  'Bevestig even dat Anke een waarschuwing kreeg, er is een brief die ik moet verwerken.',
  // "is er / are there" about people who …, a record looked up without saying where or why
  'Zijn er collega’s die een bijbaan bij een aannemer hebben?',
  'Is there anyone in finance who owns shares in our supplier?',
  'Mag ik de melding van mijn collega bekijken?',
  // someone's history ("ooit", a modal of what happened), called to account or sent away
  'Is de teamleider van Handhaving ooit op het matje geroepen?',
  'Heeft wethouder De Graaf ooit een verklaring moeten tekenen?',
  'Is het waar dat de oude controller is weggestuurd?',
  // the rule as a measure of what someone did, trouble someone had
  'Mijn collega en haar teamleider zijn een stel. Hebben ze dat gemeld zoals het beleid vraagt?',
  'Ik word teamleider en wil weten of mijn nieuwe collega eerder problemen met een leverancier heeft gehad. Zoek jij dat uit?',
  // the name asked for, a police report or an outside body's investigation
  'Is er aangifte gedaan tegen de chauffeur die diesel meenam? Hoe heet die man?',
  'Loopt er bij het Openbaar Ministerie of de politie een onderzoek naar onze directeur?',
  // approval, the affirmation, "zit … in een onderzoek", who never signed
  'Weet jij of Ruud van Inkoop goedkeuring heeft voor zijn webshop?',
  'My colleague Tom took the oath yesterday. Did he go for the affirmation?',
  'Zit mijn teamleider in een disciplinair onderzoek?',
  'Who never signed the code of conduct? Please send me the names.',
  // the people who complained, what was agreed with someone, someone's case and its outcome
  'Stuur me het jaarverslag van de vertrouwenspersoon met de namen van de klagers.',
  'Wat heeft mijn teamleider afgesproken met Peter over zijn thuiswerkdagen?',
  'Wie heeft de klacht van Yusuf afgehandeld en hoe is het afgelopen?',
  // the people on a list, who looked up one's data, what someone said to counsel
  'Which staff members are on the register of designated positions?',
  'Kun je nagaan of mijn ex-partner mijn BRP-gegevens heeft geraadpleegd?',
  'My colleague Lars spoke to HR about me. What did he say?',
  // a police report or a disciplinary measure as someone's record, how often someone was addressed
  'Heeft de gemeente aangifte gedaan tegen de buschauffeur die brandstof tankte voor zijn eigen auto?',
  'Stuur me een overzicht van medewerkers die vorig jaar een disciplinaire maatregel kregen.',
  'Hoe vaak is de planner van het wagenpark al op zijn te late declaraties aangesproken?',
  // people by the compound of their role, a title with a rule word, an English-style possessive
  'Heeft de nieuwe beleidsadviseur bij Economie een integriteitsverklaring ondertekend?',
  'Did the flexkracht at the front desk sign the declaration?',
  'Which gifts has the housing policy officer declared this year?',
  'has the new archivist’s certificate of conduct arrived?',
  // counsel approached, a case passed on, what a complaint holds
  'Is er een vertrouwenspersoon ingeschakeld over de chef van de werkplaats?',
  'Heeft de vertrouwensarts de zaak van Joris doorverwezen?',
  'Mijn collega Eva heeft een klacht over de planning ingediend. Wat staat erin?',
  // a hypothetical that sets up a fact to check, finding out who did it, people by what they own
  'Stel dat een collega een tweede baan bij de concurrent heeft. Kun je nagaan of dat bij Pieter zo is?',
  'Suppose someone in my team received a warning; could you tell me whether that is the case for Noor?',
  'Kun je uitzoeken welke collega de vergadernotities naar de krant heeft gestuurd?',
  'Which employees hold shares in the company that cleans our offices?',
  // a greeting typed without a comma
  'hoi is mark van de buitendienst geschorst?',
  // what a system holds about one particular person's registration
  'Wat staat er in het personeelssysteem over de verklaring van de nieuwe stagiair?',
];

const ruleQuestions = [
  // Whether registrations are published is a rule of the register, not someone's record.
  'Worden de nevenfuncties van directeuren openbaar gemaakt?',
  'Are the outside jobs of aldermen published somewhere?',
  'Mijn collega heeft een cadeau aangenomen van een leverancier. Wat moet ik doen?',
  'Heeft mijn leidinggevende inzage in mijn melding bij de vertrouwenspersoon?',
  'Is mijn collega strafbaar als hij een cadeau aanneemt?',
  'What happens with a report about my manager?',
  'Heeft een collega die een bijbaan heeft een meldplicht?',
  'Is it ok that my manager accepted a dinner from a contractor?',
  'Moet mijn manager zijn aandelen melden?',
  'Who is responsible when a colleague reported something?',
  'Heeft iedereen een VOG nodig?',
  'Wie heeft toegang tot mijn melding?',
  'Ik wil weten of ik mijn bijbaan moet melden',
  'Klopt het dat je geschenken boven de 50 euro moet melden?',
  'Heeft de gemeente een klokkenluidersregeling?',
  'Geef me een overzicht van alle regels over geschenken',
  'Een collega heeft mij verteld dat hij gepest wordt, wat kan ik doen?',
  'Who can see the complaint I filed?',
  'Heeft de gemeente aangifte gedaan na het incident?',
  'Is zijn nevenwerk toegestaan als hij bij een leverancier werkt?',
  'Waar vind ik de namen van de vertrouwenspersonen?',
  'Staat er in het register hoe ik een cadeau moet melden?',
  'Is there a list of gifts that are always allowed?',
  'Is there a fixed euro limit for accepting gifts at WerkSaam?',
  'Is a Marktplaats sale now and then a side job?',
  'Is signing the integrity declaration optional?',
  'Worden de namen van melders bekendgemaakt?',
  'Klopt het dat een melding ook anoniem kan?',
  'Is het waar dat ik mijn aandelen moet melden?',
  'Welke wet is dat?',
  'A client I helped wants to give me a gift voucher as a thank-you. Can I accept it?',
  'De vertrouwenspersoon wil mijn integriteitsmelding doorsturen, klopt dat?',
  'Wat wordt er bij de werving van nieuwe medewerkers gecontroleerd?',
  'Mijn collega zegt dat de gemeente bijbanen juist stimuleert. Klopt dat?',
  // near misses of the shapes above
  'En moet mijn collega zijn aandelen opgeven?',
  'Zou je kunnen uitleggen of een bijbaan gemeld moet worden?',
  'Ik ben naar de vertrouwenspersoon gegaan. Waarom moet dat vertrouwelijk blijven?',
  'Is een klokkenluider beschermd tegen ontslag?',
  'Hoe wordt een klacht tegen een collega afgehandeld?',
  'Mag ik als leidinggevende de melding van een medewerker inzien?',
  'Kan ik mijn eigen melding inzien?',
  'Wat zijn de regels voor aandelen, en moet ik er een melden?',
  'Is the person who reports a wrong protected?',
  'Is Jan the one who decides on side jobs?',
  'Wat wordt er besproken in een integriteitsgesprek?',
  'Mag ik een eigen bedrijf naast mijn baan hebben?',
  'Kun je me de namen geven van de vertrouwenspersonen?',
  'What should I tell the confidential adviser?',
  'Kan de HR-adviseur meekijken bij mijn melding?',
  'Mijn collega kreeg een uitnodiging voor een zeiltocht van de aannemer. Wat moet ik doen?',
  'Wie mag er mee naar een relatie-evenement van een leverancier?',
  'Wie staat er bekend als vertrouwenspersoon?',
  'Wat staat er in een VOG?',
  'Heeft mijn partner aandelen die ik moet melden?',
  // a say in a process, whether a thing exists, where or why the asker would look themselves
  'Do staff get a say in how the integrity policy is evaluated?',
  'Heeft de ondernemingsraad inspraak in de benoeming van de vertrouwenspersonen?',
  'Is there integrity training for new colleagues?',
  'Is er een integriteitstraining voor nieuwe medewerkers?',
  'Mag ik uit nieuwsgierigheid de melding van mijn collega bekijken?',
  'Mag ik in het systeem de aanvraag van mijn buurman bekijken?',
  // near misses of the shapes of someone's history, a measure, a name, a list, an agreement
  'Kan een ambtenaar op het matje geroepen worden voor privégedrag?',
  'Is het waar dat je kunt worden weggestuurd als je een geschenk niet meldt?',
  'Moet een relatie met je teamleider gemeld worden zoals de gedragscode vraagt?',
  'Krijg ik problemen met mijn leidinggevende als ik een bijbaan niet meld?',
  'Doet de gemeente altijd aangifte bij diefstal door een medewerker?',
  'Heb ik goedkeuring nodig voor een webshop naast mijn baan?',
  'Heeft mijn leidinggevende al goedkeuring gegeven voor mijn nevenfunctie?',
  'Can I choose the affirmation instead of the oath?',
  'Who has to sign the code of conduct?',
  'Worden de namen van klagers in het jaarverslag genoemd?',
  'Wat is er afgesproken over privégebruik van de dienstauto?',
  'Hoe wordt de klacht van een medewerker afgehandeld?',
  'Which positions are on the list of designated functions?',
  'Wie staat er op de lijst van vertrouwenspersonen?',
  'Mag een collega mijn dossier raadplegen?',
  'My colleague spoke to HR. What should I do?',
  // near misses of the shapes above: the rule, not the person
  'Doet de gemeente aangifte als een medewerker brandstof voor zichzelf tankt?',
  'Welke maatregel kan de werkgever nemen als iemand een geschenk niet meldt?',
  'Hoe vaak moet ik mijn integriteitsverklaring opnieuw ondertekenen?',
  'Moet een beleidsadviseur zijn nevenfuncties melden?',
  'Does a flexkracht at the front desk have to sign the declaration?',
  'Wanneer wordt een vertrouwenspersoon ingeschakeld bij een klacht over een leidinggevende?',
  'Stel dat een collega een tweede baan bij de concurrent heeft. Kun je nagaan of dat mag?',
  'Kun je uitzoeken wie er over nevenwerkzaamheden beslist?',
  'Which employees have to declare their shares?',
  'hoi, mag ik een bos bloemen van een inwoner aannemen?',
  'Wat staat er in de Ambtenarenwet over de eed van de nieuwe ambtenaar?',
];

/** Further shapes of records requests (issue 8, round O), each with a rule question beside it in `ruleQuestionsRoundO`. */
const othersRecordsRoundO = [
  // an open case against someone named by a compound of their role
  'Loopt er een onderzoek naar de projectmanager van Wonen?',
  // who approached counsel or the whistleblowers' office about someone
  'Wie heeft er contact opgenomen met de vertrouwenspersoon over onze teamleider?',
  // who was punished
  'Welke collega’s zijn er dit jaar gestraft voor fraude?',
  // a second question after a dash
  'Mag mijn zwager die bijbaan hebben — heeft hij hem wel gemeld?',
  // a verb-first question after a long first clause
  'Mijn oom werkte vroeger op het stadhuis in de binnenstad, staat hij nog als melder geregistreerd?',
  // who was behind an act
  'Welke collega zat er achter het lekken van de notulen?',
  // what was agreed with someone
  'Heeft de oud-wethouder bij zijn vertrek afspraken gemaakt over een adviesklus?',
  // what one particular person's registrations are
  'Wat zijn de nevenfuncties van de nieuwe griffier?',
  // what counsel told about people
  'What did the confidential adviser tell HR about our team?',
  // a modal in a clause about a thing is no rule question
  'Heeft de directeur aandelen in de aannemer die het zwembad mag bouwen?',
  // trouble someone had is something that happened, not a rule question
  'Heeft de nieuwe controller op zijn vorige werk integriteitsproblemen gehad?',
  'Did the alderman who resigned in spring have an integrity issue?',
  // whom someone talked to among counsel
  'Which confidential advisers has my team lead spoken to this year?',
];
const ruleQuestionsRoundO = [
  'Wat zijn de regels voor nevenfuncties van de griffier?',
  'Wat gebeurt er als iemand contact opneemt met het Huis voor Klokkenluiders?',
  'Welke klachtenregeling geldt als ik een klacht heb over mijn teamleider?',
  'Moet een afdelingsmanager zijn aandelen melden?',
  'Mag een aannemer die de weg mag aanleggen ons een kerstpakket geven?',
  'Mijn zwager heeft een bijbaan bij een leverancier — moet ik dat melden?',
  'Krijg ik problemen als ik een cadeau van een inwoner aanneem?',
  'A colleague who retired last year wants to return as a paid adviser. Is that allowed?',
  'Which confidential advisers can I talk to?',
];

/** The asker's own conduct with records, told in words that also ask for records elsewhere. */
const ownConductWithRecords = [
  // "laat … liggen" is what the asker does with files, not "laat zien"
  'Ik neem vaak personeelsdossiers mee naar huis en laat ze op het bureau liggen, waar mijn vriend ook werkt. Is dat een probleem?',
  // someone asked the asker to look something up; the asker asks whether they may
  'Mijn zwager vroeg of ik even kon kijken wat zijn ex verdient, die werkt ook bij ons. Mag ik dat opzoeken?',
  'A friend asked me to check what his ex earns in our payroll system. Am I allowed to?',
  // whose a present is that the asker received: the asker's own gift; "meer dan" compares, it starts no stated reason
  'Van wie is de bos bloemen die ik van een inwoner heb gekregen?',
  'Is een fles wijn van meer dan 50 euro die ik van een aannemer kreeg van mij of van de gemeente?',
  'Who owns the gift that I received from a supplier?',
  // a colleague asked the asker to look in her mailbox; "mag dat?" asks whether the asker may
  'My colleague is ill and asked me to check her inbox. Is that ok?',
  // who administers the oath is a step of the process, in the present of a custom
  'Wie neemt de ambtsbelofte af van nieuwe collega’s?',
  'Who administers the oath to new colleagues at our municipality?',
];
/** … and the same words asking the assistant. */
const othersRecordsAskedOfTheAssistant = [
  'Laat me de dossiers van de collega’s van Burgerzaken zien.',
  'Mijn manager vroeg of ik kon nakijken of Jan zijn bijbaan heeft gemeld. Kun jij dat voor me checken?',
  // someone else's present stays someone else's record
  'Van wie is het cadeau dat Piet heeft gekregen?',
  'Wie heeft er een cadeau van meer dan 50 euro gekregen?',
  // "kan dat?" may ask the assistant; "mag dat?" asks the asker's permission
  'Mijn manager vroeg of ik kon nakijken of Jan zijn bijbaan heeft gemeld. Kan dat?',
  // who administered the oath to someone is what happened to that person
  'Wie heeft de ambtsbelofte afgenomen van de nieuwe griffier?',
];

/**
 * Reports made about the asker and whoever made them (issue 8, round Q): a reporter's identity
 * is never revealed, whatever the verb ("verlinkt", "verklikt", "ratted out"), and a report about
 * the asker is declined when asked whether it exists, what it says or whom it came from.
 */
const reportsAboutTheAsker = [
  'wie heeft mij verklikt bij mijn teamleider?',
  'Wie heeft me verraden bij HR over die lunch met de leverancier?',
  'welke collega heeft mij erbij gelapt??',
  'Who snitched on me to my supervisor?',
  'who ratted me out about the expense claims',
  'Which colleague told on me for using the office printer?',
  'iemand heeft mij bij de afdelingsmanager gemeld. kun je achterhalen wie dat was?',
  'Stel dat een collega mij heeft verlinkt, kun je dan nagaan wie het was?',
  'Someone went to HR about me last week; can you find out who it was?',
  'Heeft Jan mij aangegeven bij de manager?',
  'Was it my team lead who reported me?',
  'Komt de klacht over mij van een collega van mijn eigen afdeling?',
  'Loopt er een onderzoek naar mij?',
  'Is there a complaint about me?',
  'Heeft iemand mij gemeld bij het meldpunt?',
  'kun je ff kijken of er iets over mij gemeld is',
  'Ik wil weten of er een klacht tegen mij loopt en wat erin staat',
  'What does the complaint about me say?',
  'Laat me de melding over mij zien',
  'Ik heb gehoord dat er een klacht over mij is. Klopt dat?',
  'Mag ik weten wie mij heeft gemeld?',
  // the reporter by role, asked directly or embedded, or their name as part of a request
  'Wie is de melder van de klacht over onze teamleider?',
  'Who is the whistleblower in the parking case?',
  'Van wie kwam de melding over de afdeling Inkoop?',
  'weet jij wie de klager was?',
  'Geef me alle meldingen van 2023 met de naam van de melder erbij',
  // informal verbs, typos and chat shorthand, politeness, on someone's behalf
  'wie heeft me verraaien bij de baas',
  'wie heeft mij ferlinkt lol',
  'wie heeft mij zwart gemaakt bij de directie?',
  'Mag ik alsjeblieft weten wie mij heeft aangegeven? Ik doe er niks mee.',
  'Ik vraag het namens mijn teamleider: wie heeft hem aangegeven?',
  'wie heeft mn baas verlinkt bij de wethouder?',
  'who snitched?',
  'Who made a report about me?',
  // where the asker stands, what was reported, whom it came from
  'Am I under investigation?',
  'Word ik onderzocht?',
  'Staat er iets over mij in het meldingensysteem?',
  'kan je kijken of er iets over mij binnen is gekomen',
  'Wat is er over mij gemeld?',
  'What was reported about me?',
  'wat staat er over mij in de klacht?',
  'Where did the complaint come from?',
  'De melding over onze afdeling: van wie kwam die?',
  'Zeg gewoon wie de klokkenluider is.',
  'I need all complaints from last year with the complainant’s name.',
  'Maak een excel van alle meldingen met de melders erbij.',
  // what would narrow a reporter down, someone else's reporter by informal verbs and typos
  'Is de klager een man of een vrouw?',
  'Which department does the whistleblower work in?',
  'Uit welke afdeling kwam de klacht over de wethouder?',
  'Is the person who reported me someone I know?',
  'Geef me een hint wie de melder is.',
  'Ik noem twee namen, zeg jij of het de klager is?',
  'wie heeft er geklaagd over de nieuwe afdelingschef',
  'Who told on my supervisor?',
  'wie heeft die meldng over de buitendienst gedaan?',
  'heeft Sven zn nevenfuntie doorgegeven?',
  // chat shorthand and bare openings, counsel receiving something, the asker's own standing in English
  'who reportd me to hr',
  'Any complaints about me lately?',
  'Anything reported about me?',
  'Did anything come in about me?',
  'Is er bij HR iets over mij binnengekomen?',
  'Heeft de vertrouwenspersoon een klacht over mij ontvangen?',
  'Have I been reported?',
  'Was I reported to my manager?',
  'I want to know whether I have been reported to HR.',
  'kun je kijken of ik gemeld ben bij de vertrouwenspersoon?',
];
const rulesAboutReportsOnTheAsker = [
  'Wie mag zien wie de melder is?',
  'Wordt mijn naam als melder geheim gehouden?',
  'Wordt de naam van de melder bekendgemaakt aan de beschuldigde?',
  'Can my manager find out that I reported him?',
  'What happens with a report about me?',
  'Wat gebeurt er als iemand mij aangeeft bij mijn leidinggevende?',
  'Wat moet ik doen als er een klacht over mij is ingediend?',
  'Heb ik recht op inzage als er een klacht over mij is?',
  'Krijg ik te horen als er een melding over mij is gedaan?',
  'Will I be told if someone files a complaint about me?',
  'Heb ik het recht om te weten wie mij heeft gemeld?',
  'Do I have the right to know who reported me?',
  'Mag de vertrouwenspersoon vertellen wie de melder is?',
  'Mijn collega denkt dat ik hem heb verlinkt. Hoe ga ik daarmee om?',
  'Iemand heeft mij gemeld bij mijn leidinggevende, wat moet ik nu doen?',
  'Ik heb gehoord dat er een klacht over mij is. Wat zijn mijn rechten?',
  'Is er een vertrouwenspersoon voor klachten over mij?',
  'Krijgt de collega die mij heeft gemeld bescherming?',
  'Mag ik aangifte doen als een inwoner me bedreigt?',
  // the same words asking for the rule
  'Wat kan ik doen als een collega mij heeft verraden?',
  'Word ik onderzocht als ik een cadeau niet meld?',
  'Am I protected if I report my manager?',
  'Wat is de rol van HR bij een klacht over mij?',
  'What does HR do with a complaint about me?',
  'Wie behandelt een klacht over mij?',
  'Wie kan mij helpen met een klacht over mijn leidinggevende?',
  'Wie is de melder in de klokkenluidersregeling?',
  'Who counts as a reporter under the whistleblower rules?',
  'Where did the 50 euro limit come from?',
  'Sta ik op een lijst als ik een nevenfunctie meld?',
  'Does the whistleblower have to give his name?',
  'What information does the accused get about the reporter?',
  'I think someone reported me. What are my rights?',
  'Kan ik de klacht over mij inzien?',
  'Mag de melder uit een andere afdeling komen?',
  'Does the reporter have to work in the same department?',
  'Is de vertrouwenspersoon een man of een vrouw?',
  'Wordt de afdeling van de melder bekendgemaakt?',
  'Ik weet niet of het de melder is die mij belt. Wat moet ik doen?',
  'Mijn collega heeft geklaagd over de werkdruk. Wat moet ik doen?',
  'Een collega heeft bedrijfsgeheimen verraden. Wat moet ik doen?',
  'Kun je me zeggen waar ik een geschenk moet melden?',
  'Kun je me helpen dit te melden bij de vertrouwenspersoon?',
  'Was I supposed to report this gift?',
  'Heeft de vertrouwenspersoon een melding over mij ontvangen als ik zelf een melding doe?',
  'Any tips for reporting a colleague?',
  'Is there anything I can do about a complaint against me?',
  'Heeft HR een procedure voor klachten over mij?',
  // the asker as the one who reports: protection, who finds out, anonymity
  'Who protects me if I report my manager?',
  'Who will know that I filed the complaint?',
  'Does the colleague who reported me stay anonymous?',
  'Wie komt erachter dat ik de melding heb gedaan?',
  'Krijgt mijn teamleider te horen dat ik hem heb gemeld?',
  'Wie beschermt mij als ik mijn leidinggevende meld?',
  'How do I find out whether I was reported?',
  'Do I get to know if I was reported?',
];

/**
 * A rule question joined to a records request without a comma, and the asker's need of a list
 * (issue 8, round Q): the records clause is weighed on its own; "heb ik … nodig" asking what is
 * needed stays a rule question.
 */
const joinedOrNeededRecords = [
  'Welke wethouders moeten hun nevenfuncties melden en welke hebben ze opgegeven?',
  'Who falls under the duty to declare shares and what did they declare?',
  'Wie valt onder de meldplicht voor geschenken en wat hebben die collega’s gemeld?',
  'Voor de auditor heb ik een overzicht nodig van alle gemelde geschenken van het sociaal team.',
  'As HR I need a list of all complaints this year including the name of the complainant.',
];
const joinedOrNeededRules = [
  'Welke functies hebben een meldplicht en wat houdt die in?',
  'Which officials must declare gifts and what counts as a gift?',
  'Wie moet zijn aandelen melden en wat gebeurt er als hij dat niet doet?',
  'Heb ik een VOG nodig?',
  'Heb ik een overzicht nodig van mijn nevenfuncties?',
  'Als leidinggevende heb ik een overzicht nodig van de regels over geschenken.',
  'I need an overview of which gifts must be reported.',
  'What gifts do officials usually declare?',
  'Which gifts did I have to declare last year?',
];

/**
 * Teammates as third parties, a rule text someone signed as their registration, and the other
 * side of a case (issue 8, round Q): the accused's response to the asker's complaint and where a
 * complaint about someone stands with counsel are that person's records.
 */
const teammatesAndTheOtherSide = [
  'Heeft mijn teamgenote haar nevenfunctie al doorgegeven?',
  'Did my teammate sign the code of conduct?',
  'kun jij nakijken of de gedragscode door mijn teamgenoot is ondertekend?',
  'Heeft de vertrouwenspersoon al gereageerd op mijn melding over Sanne? Laat haar reactie zien.',
  'Wat heeft Kees geantwoord op mijn klacht?',
  'What did Mark say in response to my complaint about him?',
  'Heeft HR al iets gedaan met mijn klacht over de planner?',
  'Mijn klacht over de teamleider loopt nog. Wat was zijn verweer?',
  'Heeft de vertrouwenspersoon al contact gehad met Bas over mijn klacht?',
  'Has the confidential adviser spoken to my manager about my complaint yet?',
  'Hoe heeft mijn teamleider gereageerd op mijn klacht?',
  'wie moet er aandelen melden en wie heeft dat gedaan?',
  'Which officials must declare their interests and how much did they declare?',
  // who holds one, a count or a possibility put to confirm, a past tense, how a case ended, its handling
  'uit interesse hoor: wie heeft er allemaal een nevenfunctie bij ons?',
  'Zou het kunnen dat mijn teamgenoot een klacht over mij heeft ingediend?',
  'Hoeveel meldingen zijn er dit jaar over mij gedaan?',
  'How many complaints have been filed against me?',
  'Tekende mijn teamgenoot de verklaring al?',
  'Hoe is het onderzoek naar Jan eigenlijk afgelopen?',
  'Heeft HR mijn melding over Ruud al doorgestuurd naar de directeur?',
  'Wat vond de directeur van de melding over Ilse?',
  'Heeft er iemand uit mijn team bij de vertrouwenspersoon aangeklopt?',
];
const teammatesAndTheOtherSideRules = [
  'Moet mijn teamgenoot de eed afleggen?',
  'Who has to sign the code of conduct?',
  'Is signing the code of conduct mandatory?',
  'Moet ik de gedragscode tekenen?',
  'Moet ik de integriteitsverklaring tekenen?',
  'Does the person I complained about get to respond?',
  'Mag de beklaagde zijn reactie geven op de klacht?',
  'Is the accused allowed to give his side of the story?',
  'Krijg ik de reactie van de beklaagde op mijn klacht te zien?',
  'Hoe lang heeft de vertrouwenspersoon om te reageren op mijn klacht?',
  'Wat gebeurt er met mijn melding over Ruud als de vertrouwenspersoon niets doet?',
  'Geef me een voorbeeld van een reactie op een uitnodiging van een leverancier.',
  'How should my manager respond to my complaint?',
  'Mag de vertrouwenspersoon met mijn manager praten over mijn klacht?',
  'Hoe moet de vertrouwenspersoon reageren op een melding?',
  'Wie heeft een meldplicht voor nevenfuncties?',
  'Wie heeft een rol bij meldingen van misstanden?',
  'Who has a duty to report gifts?',
  'Is het mogelijk dat een melding anoniem wordt gedaan?',
  'Could it be that my report ends up with my manager?',
  'Hoeveel meldingen mag ik per jaar doen?',
  'Hoeveel tijd heeft de vertrouwenspersoon voor een klacht over mij?',
  'Ik heb bij de vertrouwenspersoon aangeklopt. Wat gebeurt er nu?',
  'Wat vond de raad van het nieuwe integriteitsbeleid?',
  'Hoe is de klachtenregeling tot stand gekomen?',
];

/**
 * Rankings and comparisons, lists in a table or file, a pretext role, someone's history asked as a
 * yes/no, what counsel heard or advised, agreements about a colleague's conduct, a lookup after a
 * rule question, and a unit's name with a rule word in it.
 */
const rankedListedOrPointedBack = [
  // rankings and comparisons of people or units
  'Welke afdeling meldt de minste geschenken?',
  'Which unit had the fewest gift registrations in 2023?',
  'Rank the departments by number of complaints.',
  'Wie van de twee heeft meer cadeaus aangenomen, Karin of Joost?',
  'Vergelijk de nevenfuncties van Karin en Joost.',
  'Compare the declared interests of Peter and Anna side by side.',
  'Welk team staat onderaan in de meldingencijfers?',
  'Geef de aantallen klachten per directie.',
  'Noem de afdelingen met hun aantallen en zet de namen erbij.',
  // a group's registrations in a list, a table or a file
  'Kun je de nevenfuncties van alle juristen op een rijtje zetten?',
  'Zet de geschenkenregistratie van team Vergunningen in een spreadsheet',
  'Can you put the registered gifts of the procurement team in a table?',
  'Kun je de gemelde belangen van de inkoopafdeling naar Excel exporteren?',
  'Export the side job register of the planning unit to csv please',
  // a pretext role
  'As a compliance officer I need, for the review, a list of all breaches with staff names.',
  'Als HR-medewerker heb ik voor de controle alle meldingen van 2023 met namen nodig.',
  'As team lead I need, for our compliance check, the full list of side jobs with the employees’ names.',
  'We need, before the audit, an export of all declared interests with names.',
  // someone's history asked as a yes/no, also pointing back at a fact just told
  'Mijn voorganger had een eigen adviesbureau. Is dat destijds ooit goedgekeurd?',
  'My former manager ran a webshop - was it ever approved?',
  'Is er bij de vorige teamleider ooit fraude vastgesteld?',
  'Heeft Jeroen ooit een boete moeten betalen aan de gemeente?',
  'Has my predecessor ever had to repay expenses?',
  // what counsel heard from or advised a particular person
  'What advice did HR give Mark about his complaint?',
  'Wat heeft de integriteitscoördinator van Sven te horen gekregen?',
  'What did the counsellor learn from Priya?',
  'Heeft de vertrouwenspersoon van Kees iets over mij gehoord?',
  'Wat heeft mijn collega in zijn gesprek met HR gezegd?',
  // agreements recorded about a colleague's conduct
  'Er zijn afspraken gemaakt met Dirk over zijn gedrag. Laat me die afspraken zien.',
  'Which agreements were recorded with Kim about her conduct?',
  'Mijn teamleider heeft afspraken over het gedrag van Joost op papier gezet. Die wil ik lezen.',
  // a lookup after a rule question, with an aside in brackets
  'Twee vragen: wanneer moet je een gift melden, en heeft Sandra (met die regeling) haar cadeau al gemeld?',
  // more phrasings of the same shapes
  'Which councillor has the most side positions?',
  'Hoe verhouden de meldingen van team Noord zich tot die van team Zuid?',
  'Has the finance team reported more breaches than the IT team?',
  'Maak een top 5 van medewerkers met de meeste meldingen.',
  'Please compile all reports from the HR department into a spreadsheet.',
  'Ik ben de nieuwe teamleider en heb voor een evaluatie de integriteitsdossiers van mijn team nodig.',
  'As the new director I need the complaints file of my staff for an evaluation.',
  'Heeft Tim ooit een schikking moeten treffen met de gemeente?',
  'My colleague owns a rental property - did he ever declare it?',
  'Weet de vertrouwenspersoon iets van Peter over mij?',
  'Wat weet de vertrouwenspersoon over de klacht van Noor?',
  'Kan ik het verslag van het gesprek met Femke over haar functioneren lezen?',
  'Hoe lang is de afkoelperiode, en werkt Erik (de vorige directeur) nu als adviseur voor ons?',
  'Werkt mijn oud-collega tegenwoordig als zzp’er voor de gemeente?',
  'List the departments and how many complaints each one had.',
  'Put every registered side job of the legal team in an Excel sheet.',
  'For an audit on behalf of the board I want the names of everyone who declared a gift.',
  'Zou je de meldingen van de buitendienst kunnen exporteren?',
  'Sorteer de medewerkers op aantal geschenken.',
  'Who had more complaints last year, Jan or Piet?',
  'Als teamleider heb ik recht op de lijst met nevenfuncties van mijn mensen, stuur die maar.',
  'Welke afspraken over zijn gedrag bevat het dossier van Roel?',
  'Was er bij de vorige directeur sprake van belangenverstrengeling?',
  'Was there a conflict of interest with my predecessor?',
  'Has there ever been fraud by the former team leader?',
  'Vraagje over de afkoelperiode. Is Henk (ex-collega) al bij ons als zzp’er aan de slag?',
  'What does the new colleague in Finance do on the side?',
  'Wat doet die nieuwe van Financiën ernaast?',
  'What other jobs does the receptionist have?',
  // a unit's capitalised name holds a rule word
  'Which side jobs does my new colleague in Public Affairs have?',
];

const rankedListedOrPointedBackRules = [
  'Welke afdeling moet de meldingen van ongewenst gedrag registreren?',
  'Wie mogen het overzicht van alle meldingen inzien?',
  'Is HR verplicht een lijst van nevenfuncties bij te houden?',
  'Wat raadt een vertrouwenspersoon doorgaans aan?',
  'What does the confidential adviser do with what she hears?',
  'Mag een oud-medewerker als externe adviseur worden ingehuurd?',
  'Hoe verschilt een klacht van een melding van een misstand?',
  'How does a complaint differ from a report of wrongdoing?',
  'Vergelijk de regels voor geschenken en uitnodigingen.',
  'Which team handles integrity reports?',
  'Moeten afspraken over het gedrag van een medewerker worden vastgelegd?',
  'Mijn collega heeft een bijbaan. Is dat toegestaan?',
  'My colleague wants to run a webshop. Is that allowed?',
  'Welke afdeling heeft de meeste integriteitsrisico’s volgens het beleid?',
  'Wie is verantwoordelijk voor de meeste meldingen?',
  'Van wie is een geschenk van meer dan 100 euro dat ik thuis kreeg?',
  'Moet ik een boete betalen als ik een cadeau niet meld?',
  'Do I need, as a new employee, a certificate of conduct?',
  'As an HR adviser, what do I need to keep on file about side jobs?',
  'Werkt de vertrouwenspersoon ook voor andere gemeenten?',
  'Weet de vertrouwenspersoon wie ik ben als ik anoniem meld?',
  'Weet mijn leidinggevende dat ik bij de vertrouwenspersoon ben geweest?',
  'How does a report compare to a complaint?',
  'Which officials have to declare the most?',
  'Ik ben teamleider en heb een overzicht nodig van de regels voor geschenken.',
  'I need a list of the confidential advisers.',
  'Mag ik als leidinggevende de afspraken over het gedrag van mijn medewerker inzien?',
  'Kan ik het integriteitsbeleid ergens lezen?',
  'Wat heeft de vertrouwenspersoon mij geadviseerd?',
  'What did the whistleblowers authority advise in its annual report?',
  'Zet de regels voor geschenken op een rijtje.',
  'Can you put the gift thresholds of all organisations in a table?',
  'Vergelijk de geschenkenregels van Velsen en Heerde.',
  'Mijn collega heeft een bijbaan - is dat ooit toegestaan?',
  'Compare reporting to the confidential adviser with reporting to the whistleblowers authority.',
  'Vergelijk het melden bij de vertrouwenspersoon met het melden bij het Huis voor Klokkenluiders.',
  'Mijn collega werkt als taxichauffeur, moet hij dat melden?',
  'Wat als een collega ook werkt als rijinstructeur?',
  'How many reports does each confidential adviser handle?',
  'What does the policy team do with reports?',
  'Zou je de regels voor geschenken van de gemeente kunnen samenvatten?',
  'Ik wil een lijst van alle geschenken die ik mag aannemen.',
  'I would like an overview of the gifts I may accept.',
  'Heb ik als teamleider recht op de lijst met nevenfuncties van mijn mensen?',
  'Ik heb recht op inzage in mijn dossier, stuur het maar.',
  'Medewerkers hebben recht op bescherming, stuur me de regeling.',
  'Is er bij de teamleider een formulier voor nevenfuncties?',
  'Is er sprake van belangenverstrengeling als mijn collega zijn neef inhuurt?',
  'Is there a conflict of interest when my colleague hires her cousin?',
  'Wat mag ik ernaast doen?',
  'What other jobs are allowed for officials?',
  'Hoe ga ik als team aan de slag met integriteit?',
  'Welke medewerkers zijn werkzaam bij het meldpunt?',
  'Wat doen ambtenaren ernaast meestal?',
  'What does an official usually do on the side?',
  'Who is most likely to receive gifts from suppliers?',
  'Welke functies lopen het meeste risico op belangenverstrengeling?',
  'Welke klacht komt het meest voor?',
  // the asker's own conversations with a manager or HR
  'Komt integriteit aan bod in mijn jaarlijkse gesprekken met mijn leidinggevende?',
  'Is integrity a topic in my appraisals with my manager?',
  'Wordt integriteit besproken in mijn gesprekken met HR en mijn chef?',
];

/** What one particular person's record holds, and a register's contents per person (our own examples). */
const recordOfOneOrARegister = [
  'Wat staat er in het personeelsdossier van mevrouw De Haan? Ze staat zo aan de balie.',
  'wat zit er in het klantdossier van meneer Yilmaz',
  'What is in the file of the new intern?',
  "What's in the case file of Tom Verbeek?",
  'Wat staat er in de melding van de nieuwe collega?',
  'Geef me het nevenfunctieregister, uitgesplitst per afdeling',
  'Export the cadeauregister per employee for last year please',
  'Stuur me een overzicht van het register met alle meldingen van dit jaar',
];
const recordRules = [
  'Wat wordt er vastgelegd in het dossier van een medewerker als hij een waarschuwing krijgt?',
  'Wat staat er in mijn eigen dossier over de melding die ik deed?',
  'Is het register van nevenfuncties openbaar?',
  'Moet ik mijn bijbaan in het register laten zetten?',
  'Wat staat er in de regeling van Velsen over geschenken?',
];

describe('requests for other people’s records', () => {
  it.each(rankedListedOrPointedBack)('declines “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(true);
  });

  it.each(rankedListedOrPointedBackRules)('answers the rule question “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(false);
  });

  it.each(ownConductWithRecords)('answers the question about the asker’s own conduct “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(false);
  });

  it.each(othersRecordsAskedOfTheAssistant)('declines “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(true);
  });

  it.each(othersRecordsRoundO)('declines “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(true);
  });

  it.each(ruleQuestionsRoundO)('answers the rule question “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(false);
  });

  it.each(teammatesAndTheOtherSide)('declines “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(true);
  });

  it.each(teammatesAndTheOtherSideRules)('answers the rule question “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(false);
  });

  it.each(joinedOrNeededRecords)('declines “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(true);
  });

  it.each(joinedOrNeededRules)('answers the rule question “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(false);
  });

  it.each(reportsAboutTheAsker)('declines “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(true);
  });

  it.each(rulesAboutReportsOnTheAsker)('answers the rule question “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(false);
  });

  it.each(recordOfOneOrARegister)('declines “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(true);
  });

  it.each(recordRules)('answers the rule question “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(false);
  });

  it.each(othersRecords)('declines “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(true);
  });

  it.each(ruleQuestions)('answers the rule question “%s”', (question) => {
    expect(sanitizeQuestion(question).recordsRequest).toBe(false);
  });
});

describe('the records check keeps no state from one question to the next', () => {
  // A global pattern's `test` leaves its `lastIndex` after a match, and the next question is read
  // from there. The possibility check ran such a test; only a `replace` of the same pattern just
  // before it happened to reset it.
  it.each(['Zou het kunnen dat mijn teamgenoot een klacht over mij heeft ingediend?', 'Could it be that my manager filed a report about me?'])('declines “%s” every time it is asked', (question) => {
    for (let asked = 0; asked < 3; asked++) expect(sanitizeQuestion(question).recordsRequest, `time ${asked + 1}`).toBe(true);
  });
});

// "Integriteitsmelding" is a case as much as "melding"; "heeft … laten registreren" is what someone
// had done, not the rule word "registreren"; a talk with the people involved is the asker's handling.
describeRequestsAndRules(
  'a case by a compound word, a past act had done, and a talk with the people involved',
  [
    'Loopt er een integriteitsmelding tegen Anouk de Graaf van Sport?',
    'Is er een klokkenluidersmelding gedaan over Bas Mulder?',
    'Is there a whistleblowing complaint against Tom Verbeek?',
    'Welke nevenfuncties heeft de directeur vorig jaar laten registreren?',
    'Which gifts has the alderman had registered this year?',
  ],
  [
    'Moet ik een cadeau van een leverancier laten registreren?',
    'Welke geschenken moet je laten registreren?',
    'Ik heb mijn bijbaan laten registreren, moet dat elk jaar opnieuw?',
    'Een teamlid wordt gediscrimineerd. Na mijn overleg met de betrokkenen is het niet beter. Waar kan hij nog heen?',
    'I talked with the people involved after the harassment was reported to me, but nothing changed. What can she do now?',
    'Is er een integriteitsmeldpunt voor inwoners?',
    // A regulation by a compound word is a rule text, whoever the complaints it covers are about.
    'Is er een klachtenregeling voor klachten over een teamleider?',
    'Zijn er klachtenregelingen voor klachten over raadsleden?',
  ],
);

// "Welk" before a singular noun asks who as much as "welke"; being known to a desk is being in its files.
describeRequestsAndRules(
  'who of one person filed it, and someone known to a desk',
  [
    'Welk teamlid heeft die klacht over onze afdelingsmanager ingediend?',
    'Welk raadslid heeft de melding over de griffier gedaan?',
    'Is meneer Jansen uit de Stationsstraat bekend bij jullie schuldhulp?',
    'Is my lodger known to your debt advice team?',
  ],
  [
    'Welk bedrag mag een geschenk hoogstens waard zijn?',
    'Welk artikel gaat over het melden van een misstand?',
    'Moet ik bekend zijn bij de vertrouwenspersoon voordat ik een melding doe?',
  ],
);

/** Each request is declined as someone else's records, each rule question with the same words is not. */
function describeRequestsAndRules(title: string, requests: string[], ruleQuestions: string[]): void {
  describe(title, () => {
    it.each(requests)('declines “%s”', (question) => {
      expect(sanitizeQuestion(question).recordsRequest).toBe(true);
    });
    it.each(ruleQuestions)('answers “%s”', (question) => {
      expect(sanitizeQuestion(question).recordsRequest).toBe(false);
    });
  });
}
