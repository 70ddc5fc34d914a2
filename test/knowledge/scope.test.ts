import { describeScopeShapes, type ScopeShape } from './fixtures/scopeShapes.js';

/**
 * Issue 8: "Decline only what is clearly not about integrity at work", and answer everything that
 * touches an integrity theme. Each shape below declines a question whose integrity word is used
 * in another sense; each near miss beside it must stay answered. Our own examples, written from
 * the shapes, never copied from an evaluation set.
 */

const shapes: ScopeShape[] = [
  {
    name: 'integrity in another sense than the policies’ (a check of data, the word as a word)',
    decline: ['How can I check the integrity of a zip file after downloading it?', 'Wat is het verschil tussen integriteit en integraliteit? Ik vertaal een nota.'],
    answer: ['Kijken jullie bij een sollicitatie ook naar iemands integriteit?', 'Wat bedoelt onze gemeente precies met integriteit als ik een beoordelingsgesprek heb?'],
  },
  {
    name: 'a text for the assistant to write whose content mentions a rule word',
    decline: ['Kun je een berichtje opstellen waarin ik vraag of ik morgen eerder weg mag?', 'Could you draft an email asking whether I may swap my day off?'],
    answer: ['Kun je uitleggen of ik een etentje van een leverancier mag aannemen?'],
  },
  {
    name: 'HR budgets and courses',
    decline: ['Wat kan ik allemaal doen met mijn persoonlijk ontwikkelbudget?'],
    answer: ['Mag ik een cursus van een leverancier aannemen die zij betalen?'],
  },
  {
    name: 'family, friends or pets with nothing of work in it',
    decline: ['Mijn dochter wil een bijbaantje bij de bakker, hoeveel uur mag ze werken?', 'What is a nice gift for my dad, he turns 60?', 'onze hond pest de kat van de buren, tips?'],
    answer: ['Mijn partner heeft aandelen in een aannemer, moet ik dat melden?', 'Mijn broer vraagt een vergunning aan bij mijn afdeling. Wat nu?', 'Is het ok als ik even naar huis bel omdat mijn zoon ziek is?', 'Mijn dochter solliciteert bij onze gemeente. Moet zij een VOG aanleveren?'],
  },
  {
    name: 'a job for the assistant',
    decline: ['Kun je een uitnodiging voor de teamlunch schrijven?', 'Could you draft a social media post about our new library?'],
    answer: ['Kun je de regels over geschenken samenvatten?', 'Can you tell me whether I may post about my work on LinkedIn?'],
  },
  {
    name: 'a practical how-to',
    decline: ['Hoe blokkeer ik spam van een webshop in mijn werkmail?', 'How do I check whether a cell is an integer in Excel?'],
    answer: ['Hoe vraag ik toestemming voor een nevenfunctie?', 'Hoe meld ik een geschenk van een leverancier?', 'Ik wil in de weekenden als fietsenmaker gaan werken. Hoe vraag ik dat aan?'],
  },
  {
    name: 'when or how much of an off-topic subject',
    decline: ['Hoeveel vakantiedagen krijg ik als ik met pensioen ga?', 'When is my salary paid if I leave in March?'],
    answer: ['Wanneer moet ik een geschenk melden?', 'Hoeveel mag een relatiegeschenk waard zijn?'],
  },
  {
    name: 'one’s own work: services, schemes and systems',
    decline: ['Hoe verwerk ik een Wmo-aanvraag in het zaaksysteem?', 'Our backup reports a data integrity error, how do I fix it?', 'Het dak van de loods lekt, wie moet ik bellen?'],
    answer: ['Een inwoner biedt me geld om zijn Wmo-aanvraag sneller te behandelen. Wat moet ik doen?', 'Mijn collega lekt informatie naar de krant, wat moet ik doen?'],
  },
  {
    name: 'an off-topic subject with one integrity word in another sense',
    decline: ['Outlook geeft een conflict met mijn afspraak bij de fysio, hoe los ik dat op?', 'Er lekt water uit de koelkast op de derde verdieping.'],
    answer: ['Mag ik mijn werklaptop gebruiken voor mijn bijbaan?', 'Ik ben ziek maar wil mijn vrijwilligerswerk bij de voetbalclub blijven doen. Moet ik dat melden?'],
  },
  {
    name: 'leave, notice periods and working hours',
    decline: ['Mijn partner bevalt in mei; hoeveel partnerverlof krijg ik dan?', 'What is my notice period if I quit next month?', 'Hoeveel uur per week mag ik volgens de Arbeidstijdenwet overwerken?'],
    answer: [
      'Mag ik tijdens mijn opzegtermijn al voor de nieuwe werkgever werken?',
      'Mag ik mijn vakantiedagen gebruiken voor mijn nevenfunctie?',
      'Ik werk tijdens mijn partnerverlof een paar uur voor mijn eigen bedrijf. Moet ik dat melden?',
      'Een collega schreef in zijn motivatiebrief dat hij een diploma heeft dat hij niet heeft. Moet ik dat melden?',
    ],
  },
  {
    name: 'pension, inheritance tax and claiming travel costs',
    decline: ['Mijn opa liet me aandelen na; hoeveel erfbelasting moet ik betalen?', 'hoe dien ik de declaratie voor mijn treinkaartje naar een symposium in?'],
    answer: [
      'Ik wil met vervroegd pensioen en daarna als adviseur voor de gemeente werken. Mag dat?',
      'Mag ik kilometers declareren die ik niet gereden heb?',
      'Ik heb aandelen via mijn ABP-pensioen, moet ik die melden?',
    ],
  },
  {
    name: 'language, programming, presentations, elections and company results',
    decline: [
      'Wat is het verschil tussen een integer en een float in Python?',
      'Is the word integrity spelled with one or two t’s in correct Dutch?',
      'Heb je tips voor een presentatie aan het MT over ons project?',
      'Which party won the most seats in the council elections?',
      'My laptop keeps freezing when I share my screen in Teams, any fix?',
    ],
    answer: [
      'Ik heb aandelen in een bedrijf waarvan de jaarcijfers binnenkort uitkomen. Mag ik die verkopen?',
      'Mag ik een PowerPoint van de gemeente gebruiken voor mijn bijbaan?',
      'Mijn vrouw heeft een zetel in de gemeenteraad, moet ik dat melden?',
      'Ik geef in mijn vrije tijd Python-les aan kinderen, moet ik dat melden?',
    ],
  },
  {
    name: 'a friend’s affairs, someone who does not work here, a child’s own job',
    decline: [
      'Een vriendin van me wil een webshop beginnen, hoe kiest ze een goede naam?',
      'Mijn zus (werkt niet bij de gemeente) gaf me een boekenbon voor mijn verjaardag. Hoe bedank ik haar?',
      'My 15-year-old daughter found a job at a snack bar. How many evenings is she allowed to work?',
    ],
    answer: ['Een vriend van me is aannemer en wil mij een etentje aanbieden. Mag dat?', 'Mijn buurman werkt niet bij de gemeente maar vraagt of ik zijn vergunning kan versnellen.', 'My son wants to work for a supplier of our department, is that a problem?'],
  },
  {
    name: 'health screening',
    decline: ['Ik ben uitgenodigd voor het bevolkingsonderzoek borstkanker. Hoe lang duurt zo’n afspraak?'],
    answer: [
      'Wordt er bij sollicitanten voor een vertrouwensfunctie een screening gedaan?',
      'Mag ik de printer van de gemeente gebruiken voor flyers van mijn voetbalclub?',
      'Een leverancier bood me een abonnement op Netflix aan. Mag dat?',
      'Een collega lekt vertrouwelijke stukken over de verbouwing, moet ik dat bij facilitaire zaken melden?',
      'Moet ik de inkomsten uit mijn bijbaan bij mijn werkgever melden als ze al in mijn belastingaangifte staan?',
    ],
  },
  {
    name: 'nothing, when an off-topic word stands beside a real integrity question',
    decline: [],
    answer: [
      'During my notice period a supplier offered me a job. Do I need to report that?',
      'Een collega in de selectiecommissie bij een interne sollicitatie kent de kandidaat privé. Wat moet ik doen?',
      'Mag ik een verrassingsfeest voor mijn team laten betalen door een leverancier?',
      'Mijn zwager werkt bij facilitaire zaken en krijgt opdrachten van mijn afdeling. Moet ik iets melden?',
      'Een aannemer biedt aan om gratis irrigatie aan te leggen in mijn tuin. Mag dat?',
      'Ik heb geërfd en moet erfbelasting betalen; mag ik daarvoor een lening van een leverancier aannemen?',
      'De Arbeidstijdenwet wordt bij ons structureel overtreden door de teamleider en niemand durft het te melden.',
      'Een collega declareert zijn treinkaartjes dubbel.',
      'A supplier paid for my train ticket to the conference.',
      'Een collega gebruikt zijn werk-pc om Python-scripts voor zijn bijbaan te schrijven.',
      'Tijdens mijn geboorteverlof heb ik klussen gedaan voor een aannemer van de gemeente.',
      'Een leverancier betaalde het verrassingsfeest van onze afdeling.',
      'My colleague extended his contract with a supplier he owns shares in.',
    ],
  },
  {
    name: 'a phrase placing the subject outside work, unless the asker asks whether a rule applies all the same',
    decline: ['Ik speel in een band, dat heeft niks met mijn werk te maken. Weet jij een goede oefenruimte?'],
    answer: ['Ik geef bijles aan scholieren, dat heeft niets met mijn werk te maken. Moet ik het toch melden?'],
  },
  {
    name: 'a screen, messages or a claim in another sense than information security, harassment or expense fraud',
    decline: ['Mijn scherm flikkert steeds, is dat een probleem?', 'My phone keeps sending me update notifications, how do I turn them off?', 'Hoe kan ik mijn treinkaartje declareren?'],
    answer: [
      'Ik laat mijn scherm open als ik even naar de printer loop. Is dat een probleem?',
      'A colleague keeps sending me nasty messages. Who can help me?',
      'I booked a hotel for a work trip but stayed with friends. Can I still claim the hotel?',
    ],
  },
  {
    name: 'a question for the tax office, the police or one’s neighbours, unless the employer’s side is in it',
    decline: [
      'Ik verkoop zelfgemaakte kaarsen op markten. Moet ik daar btw over betalen?',
      'I do bookkeeping for a few small firms in the evening. Which costs can I deduct on my income tax?',
      'Iemand heeft mijn scooter bij de bioscoop meegenomen. Hoe doe ik aangifte bij de politie?',
      'Mijn buurman heeft een hond die de hele dag blaft. Wat kan ik doen?',
      'Onze buren zetten hun auto steeds op onze oprit, wie kan ik bellen?',
    ],
    answer: [
      'Ik verkoop zelfgemaakte kaarsen op markten. Moet ik dat bij mijn leidinggevende melden?',
      'I do bookkeeping for a few small firms in the evening. Do I have to tell my manager?',
      'Een collega neemt geld uit de kas mee. Moet ik aangifte doen bij de politie?',
      'Mijn laptop van het werk is uit de auto gestolen. Moet ik aangifte doen bij de politie?',
      'Mijn buurman vraagt een vergunning aan voor een schutting en ik behandel die aanvraag. Mag dat?',
      'Een aannemer wil gratis een nieuwe oprit bij mij thuis aanleggen. Mag dat?',
    ],
  },
  {
    name: 'a fix for an IT problem, where the only integrity words are the problem’s own',
    decline: ['Mijn laptop geeft een blauw scherm sinds gisteren, wat moet ik doen?', 'Op mijn laptop verschijnt steeds een zwart scherm met een foutmelding, wat kan ik doen?'],
    answer: ['Mijn collega kijkt op zijn laptop in dossiers van bekenden, wat moet ik doen?', 'Ik heb per ongeluk een dossier naar de verkeerde ontvanger gemaild, wat moet ik doen?'],
  },
  {
    name: 'a present colleagues buy together, a venue for a party',
    decline: ['We leggen in voor een cadeau voor Ans die vertrekt; hoeveel geven jullie meestal?', 'I’m throwing a farewell party for my team lead and want to keep it a secret. Any nice venues?'],
    answer: ['Een leverancier wil meebetalen aan het cadeau voor mijn collega die vertrekt. Mag dat?', 'A supplier offered to host our team’s farewell party at their venue. Can we accept?'],
  },
  {
    name: 'a text for the assistant to write or rework, with a hyphenated word in the request',
    decline: ['Kun je een LinkedIn-bericht voor me schrijven over mijn promotie bij de gemeente?', 'Kun je deze notities van een huisbezoek omzetten in een net verslag voor het dossier?'],
    answer: ['Kun je uitleggen wat ik wel en niet op LinkedIn mag zetten over mijn werk?'],
  },
  {
    name: 'the wifi password, the onboarding schedule',
    decline: ['Wat is het wachtwoord van de wifi in de raadszaal?', 'What is the onboarding schedule for new staff at the town hall and when do I get a phone?'],
    answer: ['Mag ik het wachtwoord van de gastenwifi aan een bezoeker geven?', 'Is integrity part of the onboarding programme?'],
  },
  {
    name: 'residents’ schemes and processing times',
    decline: ['Hoeveel bijstand krijgt een alleenstaande ouder met twee kinderen in 2025?', 'Een aannemer vraagt hoe lang de behandeling van zijn omgevingsvergunning nog duurt. Wat zeg ik tegen hem?'],
    answer: ['Mijn broer vraagt bijstand aan en ik behandel zijn aanvraag. Mag dat?', 'Een inwoner vraagt of ik zijn vergunning sneller kan behandelen als hij me een fles wijn geeft. Wat moet ik hem vertellen?'],
  },
  {
    name: 'another organisation judged as a company or employer',
    decline: ['Is Philips een integer bedrijf om bij te solliciteren?'],
    answer: ['Is Velsen een integere werkgever?'],
  },
  {
    name: 'travel allowances and what agencies pay, beside a supplier’s offer',
    decline: ['Hoe hoog is de vergoeding voor een dienstreis met de auto, en mag ik eerste klas met de trein?', 'Welke detacheerders in de regio betalen het meest per uur?'],
    answer: ['Een leverancier biedt me een upgrade naar eerste klas aan. Mag dat?', 'Mag ik na mijn vertrek als zzp’er per uur werken voor de gemeente?'],
  },
  {
    name: 'proofreading for the asker',
    decline: ['Could you proofread the invitation for our team day?'],
    answer: ['Kun je nakijken of ik mijn bijbaan moet melden?'],
  },
  {
    name: 'another employer’s policy named in the possessive',
    decline: ['What does Unilever’s code of conduct say about gifts?'],
    answer: ['What is Velsen’s policy on gifts?', 'What is the Council’s policy on gifts?'],
  },
  {
    name: 'rent, a stolen bike and a child’s school: questions for the landlord, the police or the school',
    decline: [
      'Mijn verhuurder wil de huur verhogen terwijl de schimmel nog niet weg is. Is dat wel integer van hem?',
      'My bike was stolen at the station, where do I report the theft?',
      'Mijn dochter wordt op de middelbare school buitengesloten door klasgenoten. Moet ik dat bij de mentor of de directeur melden?',
    ],
    answer: [
      'Een woningcorporatie die bij ons een vergunning aanvraagt biedt me korting op de huur. Mag dat?',
      'Mijn dienstfiets is gestolen bij het station. Moet ik aangifte doen?',
      'Een collega pest mij op het werk. Moet ik dat bij de directeur melden?',
    ],
  },
  {
    name: 'tax boxes, partial retirement schemes, days working from home, football and starting a business',
    decline: [
      'Ik heb aandelen in mijn eigen bv. Hoe geef ik die op in box 2?',
      'Kan ik via de generatieregeling minder gaan werken en met behoud van pensioen eerder stoppen?',
      'Hoeveel dagen per week mag ik thuiswerken?',
      'Speelt Ajax dit weekend thuis of uit? Dan plan ik mijn weekenddienst.',
      'Wat moet er in een ondernemingsplan als mijn partner een eigen bedrijf wil starten?',
    ],
    answer: [
      'Ik heb aandelen in een bouwbedrijf dat voor de gemeente werkt. Moet ik die melden?',
      'Mag ik na mijn pensioen als adviseur voor de gemeente werken?',
      'Mag ik thuiswerken met vertrouwelijke dossiers op mijn eigen laptop?',
      'How many days a week may I work from home, and can I take confidential files with me?',
      'Ik wil naast mijn baan een eigen bedrijf beginnen. Moet ik dat melden?',
    ],
  },
  {
    name: 'a button in a program, a form to fill in, a text to translate after a colon',
    decline: [
      'Hoe geef ik in Teams een chat de markering geheim? De knop zie ik nergens.',
      'Hoe vul ik een declaratieformulier in voor mijn dienstreis naar een leverancier?',
      'Translate into Dutch please: “Confidential documents may not be forwarded.”',
    ],
    answer: [
      'Ik heb per ongeluk een vertrouwelijke mail naar de verkeerde persoon gestuurd. Wat nu?',
      'Mag ik kilometers declareren die ik niet gereden heb?',
      'Can you translate the rules on gifts into English?',
    ],
  },
  {
    name: 'planning an occasion among colleagues: when, what to spend, where to book, ideas',
    decline: [
      'Wanneer is de nieuwjaarsborrel en kan ik me nog opgeven?',
      'Bij de secret santa van ons team: wat is een normaal bedrag voor een cadeautje?',
      'Onze afdelingschef is straks 40 jaar in dienst. Heb je ideeën voor een leuk cadeau van ons allemaal?',
      'We plannen een geheim afscheidsfeest voor een collega. Heb je tips?',
      'On which cost centre do I book the drinks for our team outing?',
    ],
    answer: [
      'Een leverancier biedt aan de drankjes op onze nieuwjaarsborrel te betalen. Mag dat?',
      'Ik kreeg van een aannemer een kerstpakket. Wat moet ik doen?',
      'Mag ik voor mijn jubileum een cadeau van een inwoner aannemen?',
      'Wanneer moet ik een uitnodiging voor het kerstdiner van een leverancier melden?',
    ],
  },
  {
    name: 'a certificate of conduct a child applies for, for a job of their own',
    decline: ['Mijn zoon van 17 gaat vakken vullen bij de supermarkt en moet daarvoor een VOG aanvragen. Wat kost dat?'],
    answer: ['Mijn zoon wil bij mijn afdeling een subsidie aanvragen. Mag ik die behandelen?'],
  },
  {
    name: 'another organisation’s own rules, named by whose they are or by its kind; applying here is screening',
    decline: [
      'Mijn broer is boa bij een andere gemeente en kreeg een fles wijn. Wat zegt de gedragscode bij zijn werkgever?',
      'Our cleaning contractor asks what their own staff may accept under their internal rules. Do you know?',
      'Hoe streng is de gedragscode van de belastingdienst? Ik wil daar misschien solliciteren.',
    ],
    answer: [
      'Kijkt de gemeente naar mijn getuigschriften als ik solliciteer?',
      'Does my role count as a position of trust?',
      'Gelden voor ingehuurde krachten hun eigen regels of de onze als ze een geschenk krijgen?',
      'Mijn broer werkt bij een aannemer die offertes bij mijn afdeling indient. Moet ik dat melden?',
    ],
  },
  {
    name: 'nothing, when expenses are claimed for what never happened',
    decline: ['Hoe declareer ik de reiskosten voor een cursus?'],
    answer: ['A colleague files expense claims for dinners that never took place. What are the rules on that?', 'Mijn teamleider declareert taxiritten die nooit hebben plaatsgevonden. Wat is de regel daarover?'],
  },
  {
    name: 'a letter to write when the asker says "help me"',
    decline: ['Help me een motivatiebrief schrijven voor een baan bij een woningcorporatie'],
    answer: ['Help me begrijpen of ik een cadeaubon van een aannemer mag houden'],
  },
  {
    name: 'a question about words themselves',
    decline: ['Hoe zeg je “aanbesteding” in het Engels?', 'What is the Dutch word for conflict of interest?'],
    answer: ['Mag ik in het Engels op LinkedIn schrijven over mijn werk?'],
  },
  {
    name: 'signing oneself up for a club or a cause',
    decline: ['Ik wil bij de hardloopclub, hoe schrijf ik me in?', 'Waar kan ik me inschrijven voor de personeelsvoetbal?', 'Where can I sign up for the staff running event?'],
    answer: ['Ik wil penningmeester worden bij de hardloopclub, moet ik dat melden?'],
  },
  {
    name: 'planning drinks or a present among colleagues',
    decline: ['Wanneer is de teamborrel en moet ik me opgeven?', 'Onze collega gaat met pensioen; wat is een leuk cadeau van ongeveer 20 euro?', 'When are the Friday drinks this month?'],
    answer: ['Een leverancier biedt ons team een borrel aan, mogen we dat aannemen?'],
  },
  {
    name: 'private errands for a garage, a bank, a library or the health service',
    decline: ['Mijn auto moet door de apk, ken je een goede garage?', 'Mijn pinpas is weg, hoe zet ik mijn bankapp op slot?', 'Mijn webshop levert niet, hoe krijg ik mijn geld terug?'],
    answer: ['Mag ik de dienstauto bij de garage van mijn zwager laten onderhouden?'],
  },
  {
    name: 'staff benefits and carrying over leave',
    decline: ['Hoe vraag ik de fietsregeling aan?', 'Krijg ik een internetvergoeding als ik thuiswerk?', 'Kan ik mijn vakantiedagen meenemen of vervallen ze?'],
    answer: ['Mag ik de fiets van de zaak ook privé gebruiken?', 'Mag ik mijn laptop van het werk meenemen op vakantie?'],
  },
  {
    name: 'the news, which is not what is new (a new job stays a question about leaving) nor the asker making the news',
    decline: ['Wat is het laatste nieuws over de verkiezingen?', 'Wat was er gisteren op het nieuws over de verkiezingen?'],
    answer: [
      'Ik begin binnenkort aan een nieuwe baan bij een leverancier van de gemeente, waar moet ik op letten?',
      // The asker in the news is conduct in private life that may reflect on the employer.
      'Ik ben met mijn muziekband in de krant gekomen. Moet ik dat aan mijn leidinggevende doorgeven?',
      'I made the news with a protest in my village. Should I tell my manager?',
    ],
  },
  {
    name: 'sport, not a board seat beside the job or a habit put to the assistant',
    decline: ['Who won the football match last night?'],
    answer: ['The local football club wants me as treasurer on their board, is that okay with my job here?', 'Ik schrijf altijd een paar kilometer extra op mijn declaratie, dat doet iedereen toch?'],
  },
  {
    name: 'a phone call at home, not a private call from one’s desk; favouring, grey areas and a colleague’s password are integrity questions',
    decline: ['Mijn privételefoon is gestolen, hoe zet ik mijn bankapp op slot?'],
    answer: [
      'Mijn moeder belt, mag ik haar even terugbellen vanaf mijn bureau?',
      'Een oud-klasgenoot doet mee aan onze aanbesteding. Mag ik hem een beetje voortrekken?',
      'Wat doe ik als iets niet in de regels staat, een grijs gebied?',
      'Mijn collega vraagt of ik met haar wachtwoord in haar mailbox wil kijken. Mag dat?',
    ],
  },
  {
    name: 'a technical problem with a form or a portal, whatever the form is about',
    decline: ['Hoe print ik het formulier voor de eed dubbelzijdig?', 'The side job form won’t open on my laptop, how do I fix it?'],
    answer: [
      'Het formulier voor nevenwerkzaamheden is weg, hoe meld ik nu mijn bijbaan?',
      'De pdf van het formulier nevenwerkzaamheden opent niet, waar kan ik mijn bijbaan anders melden?',
      'Ik kan niet inloggen op het meldpunt integriteit, hoe meld ik nu een vermoeden van fraude?',
    ],
  },
  {
    name: 'one’s own money, bank and investments, not shares or a house bought with what the job tells',
    decline: ['Iemand heeft met mijn creditcard online fraude gepleegd, hoe krijg ik mijn geld terug?', 'Mijn aandelen Philips zijn flink gedaald, is het slim om bij te kopen?'],
    answer: [
      'Mag ik mijn kennis van een nieuw bestemmingsplan gebruiken om een huis te kopen?',
      'Moet ik mijn aandelen in een aannemer die voor ons werkt melden?',
      'Is het slim om mijn bijbaan als fotograaf te melden?',
      'Ik krijg van een zorgverzekeraar waarmee we een contract sluiten een korting aangeboden. Mag ik die aannemen?',
    ],
  },
  {
    name: 'films, not the oath one takes here or the news about oneself',
    decline: ['Which movie has that famous courtroom oath scene?'],
    answer: [
      'Moet ik bij mijn nieuwe baan hier een eed of belofte afleggen?',
      'In de krant staat dat ik iets gelekt zou hebben, wat moet ik doen?',
      'Mag ik in de documentaire over onze gemeente vertellen over mijn werk?',
      'Can I accept tickets to the movie premiere from a supplier?',
    ],
  },
  {
    name: 'a neighbour’s noise, not when the employer’s people or work are in it',
    decline: ['Mijn buren draaien elke nacht harde muziek, wat kan ik doen?'],
    answer: ['Mijn kind wordt op school gepest door het kind van mijn leidinggevende, wat nu?', 'Mijn buren hebben geluidsoverlast van de gemeentewerf, mag ik als ambtenaar hun klacht zelf behandelen?'],
  },
  {
    name: 'a present to pick for one’s own family, not a present a supplier gives them',
    decline: ['Wat is een goed cadeau voor mijn vriendin? Ze houdt van koken.', 'Any ideas for a nice gift for my dad, he turns 70?'],
    answer: ['Een leverancier van ons stuurde een cadeau voor mijn vrouw naar ons huis. Moet ik dat melden?'],
  },
  {
    name: 'a neighbour’s affairs at home, not a neighbour looked up in the employer’s system',
    decline: ['My neighbour’s alarm system goes off every night, what can I do about it?'],
    answer: ['Would it be a problem to check my neighbour’s address in the system for a birthday card?', 'Mag ik het dossier van mijn buurman in het systeem bekijken?', 'Is it a problem if I read my neighbour’s case file in the system?'],
  },
  {
    name: 'a best friend, in-laws or a friend’s things with nothing of work in it, not when work or a case is in it',
    decline: ['Mijn beste vriend trouwt volgende maand, hoeveel geld stop je dan in de envelop?', 'Wat kost het om de caravan van een vriend te verzekeren?', 'Mijn schoonfamilie komt logeren, welke musea zijn leuk in de regio?'],
    answer: [
      'Mijn beste vriend doet mee aan een aanbesteding van mijn afdeling. Moet ik dat melden?',
      'Ik krijg korting bij de zaak van een vriend omdat ik bij de gemeente werk, mag dat?',
      'Mijn familie heeft een bouwbedrijf. Mag ik meebeslissen over hun offerte?',
      'My best friend applied for a permit that I have to assess. What should I do?',
      'Mijn goede vriend is wethouder geworden. Is dat een probleem?',
    ],
  },
  {
    name: 'a neighbour’s tree or dog and one’s own internet provider, not when a permit, the employer or a supplier is in it',
    decline: [
      'De hond van de buurvrouw blaft de hele dag, wat kan ik doen?',
      'Mijn buurman snoeit zijn boom niet, de takken hangen over de schutting. Wat nu?',
      'Mijn internetprovider rekent te veel, waar kan ik klagen?',
      'How do I cancel my contract with my internet provider?',
    ],
    answer: [
      'De boom van mijn buurman staat op een perceel waarvoor ik de kapvergunning moet beoordelen. Mag dat?',
      'Mijn internetprovider biedt alle gemeenteambtenaren korting aan. Mag ik die aannemen?',
      'My internet provider is also a supplier of ours and sent me a present. May I keep it?',
    ],
  },
  {
    name: 'ideas for a colleague’s leaving present, not a leaving present from a contractor or supplier',
    decline: ['Wat is een leuk afscheidscadeautje voor een collega die met pensioen gaat?', 'Any ideas for a farewell gift for our secretary?'],
    answer: [
      'Ik kreeg een afscheidscadeautje van een leverancier, mag ik dat houden?',
      'Mag ik als afscheidscadeau een weekendje weg aannemen van de aannemer?',
      'A supplier gave me a farewell gift when I left the project. Should I report it?',
    ],
  },
  {
    name: 'how to order office things, not ordering for oneself through the employer',
    decline: ['Hoe bestel ik nieuwe visitekaartjes?', 'Hoe bestel ik een nieuwe bureaustoel via het intranet?'],
    answer: ['Hoe bestel ik iets voor mezelf via de leverancier van de gemeente zonder dat het belangenverstrengeling is?', 'Hoe bestel ik privé iets en laat ik het bezorgen op kantoor?'],
  },
  {
    name: 'how to schedule a post with a tool ("hoe kan ik" asks a way), not posting about work or a step of a process',
    decline: ['Hoe kan ik in Outlook een mail later laten versturen?', 'How do I schedule a post on Facebook?'],
    answer: [
      'Mag ik onder werktijd een LinkedIn-bericht over mijn bijbaan inplannen?',
      'Hoe kan ik een bericht over mijn werk op LinkedIn inplannen zonder vertrouwelijke informatie te delen?',
      'Hoe kan ik een etentje met een leverancier beleefd afslaan?',
      'Hoe kan ik een cadeau van een leverancier melden als het formulier een foutmelding geeft?',
    ],
  },
  {
    name: 'days out in the school holidays, not a side job or a supplier’s offer in them',
    decline: ['Waar kunnen we met de kleinkinderen heen in de meivakantie als het regent?', 'Any ideas for days out with kids during half-term?'],
    answer: [
      'Mag ik in de zomervakantie een bijbaantje als strandwacht nemen?',
      'Een leverancier biedt mij in de meivakantie een gratis vakantiehuisje aan. Mag dat?',
      'Can I take my work laptop abroad during the school holidays?',
    ],
  },
  {
    name: 'taking out a loan for oneself, not a loan a contractor offers or one given to a colleague',
    decline: ['Ik wil een lening afsluiten voor een nieuwe auto, waar moet ik op letten?', 'Is it smart to take out a loan for a new kitchen?'],
    answer: [
      'Mag ik een collega een persoonlijke lening geven?',
      'Een aannemer biedt mij een persoonlijke lening aan tegen lage rente, mag dat?',
      'A contractor offered me a personal loan at a low rate. Can I accept it?',
    ],
  },
  {
    name: 'dating tips and household chores, not a date with a colleague or a resident, nor chores in working hours',
    decline: ['Heb je tips voor een eerste date? Ik ben zenuwachtig.', 'We keep arguing about the household chores at home, how do we split them?'],
    answer: [
      'I had a first date with a colleague from my team. Do I need to tell my manager?',
      'Ik had een eerste date met een inwoner wiens aanvraag ik behandel. Moet ik dat melden?',
      'Mag ik onder werktijd huishoudelijke klusjes doen als ik thuiswerk?',
      'Can I do household chores during working hours when I work from home?',
      'Moet ik het inkomen van iemand in mijn huishouden melden als financieel belang?',
    ],
  },
  {
    name: 'which wine goes with a dish, not a bottle of wine from a supplier',
    decline: ['Welke wijn past het best bij een stoofpot?', 'Which wine goes well with cheese?'],
    answer: ['Mag ik de fles wijn houden die een leverancier me gaf, past dat binnen de regels?', 'Welke wijn mag ik van een aannemer aannemen?'],
  },
  {
    name: 'a cohabitation agreement or prenup, not when a supplier, an alderman or one’s manager is the partner',
    decline: ['We gaan trouwen, hebben we huwelijkse voorwaarden nodig?', 'Do we need a cohabitation agreement if we buy a house together?'],
    answer: [
      'Mijn partner werkt bij een leverancier van ons. Moet ik ons samenlevingscontract melden?',
      'Mijn vriend en ik gaan samenwonen, hij is wethouder. Moeten we een samenlevingscontract melden?',
      'Mag ik met mijn leidinggevende een samenlevingscontract sluiten en in hetzelfde team blijven?',
    ],
  },
  {
    name: 'the team’s custom for a birthday, not a supplier’s cake or a contractor’s flowers for it, nor whether the pot may pay',
    decline: ['Hoe doen we dat meestal met gebak als er iemand jarig is in het team?', 'How do we usually handle a birthday in the team, cake or not?'],
    answer: [
      'Hoe regelen we het als een leverancier taart brengt voor een jarige collega?',
      'Hoe regelen we het met cadeaus voor een jarige collega, mag dat uit de pot?',
      'Een jarige collega kreeg bloemen van een aannemer. Hoe regelen we dat?',
      'Hoe regelen we dat met de eed als iemand op de afdeling begint?',
    ],
  },
  {
    name: 'a family member’s own plans, not what a colleague may keep or must report',
    decline: ['Mijn dochter wil een bijbaantje bij de bakker, mag ze dat met 14?'],
    answer: [
      'Mijn collega van Burgerzaken heeft van een dankbare aanvrager een doos bonbons gekregen na zijn rijbewijsaanvraag. Mag hij die houden?',
      'A colleague at the front desk got a bottle of wine from a resident after renewing his driving licence. Is she allowed to keep it?',
    ],
  },
  {
    name: '“hoe zit dat met” leave or a bike scheme, not with a side job',
    decline: ['hoe zit dat met mijn vakantiedagen als ik ziek ben?', 'hoe zit dat met de fietsregeling?'],
    answer: ['Hoe zit dat met bijverdienen? Ik wil in de snackbar van mijn broer gaan helpen.'],
  },
  {
    name: 'the police for one’s own bike or car, not the employer going to the police over theft at work',
    decline: ['Mijn fiets is gestolen bij het station, moet ik naar de politie?', 'Mijn auto is opengebroken, moet ik naar de politie?'],
    answer: ['Een collega haalt geld uit de fooienpot van de balie. Gaat de gemeente dan naar de politie?'],
  },
  {
    name: 'a neighbour’s dog while she works (her work is not the asker’s), not a neighbour who works for us',
    decline: ['Er is steeds geluidsoverlast van de buren als ze werken in hun schuur, kan ik dat ergens melden?'],
    answer: ['Mijn buurvrouw werkt bij onze gemeente en vraagt of ik haar vergunning wil versnellen, mag dat?'],
  },
  {
    name: 'a remedy against a neighbour, a word to a friend or a present for one’s mother, not the same about work',
    decline: [
      'Mijn buurvrouw zet haar vuilnisbakken steeds voor mijn deur, wat kan ik daartegen doen?',
      'Mijn zus leent steeds geld van onze ouders zonder het terug te geven. Moet ik daar iets van zeggen?',
      'Wat voor cadeautje kan ik voor mijn moeder kopen?',
    ],
    answer: [
      'Mijn buurman vraagt steeds of ik zijn vergunning voorrang wil geven, wat kan ik daartegen doen?',
      'Mijn beste vriend werkt bij een leverancier en vertelt me over een aanbesteding. Moet ik daar iets van zeggen?',
      'Wat voor cadeau mag ik van mijn vriendin aannemen als zij bij een leverancier van ons werkt?',
    ],
  },
  {
    name: 'an idea or everyone’s share for a colleague’s present, not a supplier who chips in',
    decline: [
      'Voor het afscheidscadeau van een collega hebben we een budget, heeft iemand een idee?',
      'Voor de verjaardag van een collega kopen we een cadeau, wat is een normale bijdrage per persoon?',
    ],
    answer: ['Een leverancier wil bijdragen aan het afscheidscadeau van een collega, mag dat?'],
  },
  {
    name: 'signing up as a volunteer, not whether volunteering must be reported',
    decline: ['Ik wil me opgeven als vrijwilliger voor de collecte van het Rode Kruis, wanneer begint die?', 'Ik wil me aanmelden als vrijwilliger bij de hardloopwedstrijd in mei, hoe doe ik dat?'],
    answer: ['Ik wil me aanmelden als vrijwilliger bij de voedselbank, moet ik dat melden?'],
  },
  {
    name: 'a screen or a chair to be had through work, not one for a side job or used privately',
    decline: [
      'Mijn beeldscherm thuis flikkert, kan ik via het werk een nieuw scherm aanvragen?',
      'Can I get an office chair for my home office?',
      'My laptop screen is too small, could I get an extra monitor through work?',
      'Mijn monitor op kantoor flikkert, wie moet ik bellen?',
    ],
    answer: ['Kan ik via de gemeente een bureaustoel kopen voor mijn bijbaan?', 'Mag ik mijn monitor van de zaak thuis privé gebruiken?'],
  },
  {
    name: 'allowances, a partner’s pension and investment advice, not an applicant’s allowance, a partner at the pension fund or shares in a contractor',
    decline: [
      'Gaat mijn zorgtoeslag omlaag als ik in het weekend ga bijklussen?',
      'Wordt mijn vrouw na ons huwelijk automatisch aangemeld voor het nabestaandenpensioen?',
      'We would like to put our holiday money aside for ten years, what is the best way to invest that?',
      'Kan ik beter sparen of beleggen met mijn vakantiegeld?',
    ],
    answer: [
      'Een inwoner vraagt of ik zijn huurtoeslag-aanvraag sneller kan behandelen, mag dat?',
      'Mijn partner werkt bij het pensioenfonds dat onze gemeente gebruikt, moet ik dat melden?',
      'Is it ok to invest in a company that bids on our tenders?',
      'Kan ik beter niet beleggen in een bouwbedrijf dat voor onze gemeente werkt?',
    ],
  },
  {
    name: 'wine with a stew, not a stew and wine from a supplier',
    decline: ['Welke wijn drink je bij stoofvlees?', 'Mijn schoonouders komen eten, ik maak stoofvlees; welke wijn past erbij?'],
    answer: ['Een leverancier stuurt me een stoofpot en een fles wijn als bedankje, mag ik dat aannemen?'],
  },
  {
    name: 'signing up for the staff barbecue or a language course through work, not a contractor who pays for them',
    decline: [
      'Vanaf wanneer kan ik me inschrijven voor de personeelsbarbecue in juni?',
      'Who organises the team barbecue and where do I sign up?',
      'Ik wil mijn Engels bijspijkeren met een taalcursus; vraag ik die aan bij HR of bij mijn teamleider?',
    ],
    answer: [
      'Een leverancier sponsort onze personeelsbarbecue, mag dat?',
      'A contractor offered to pay for our team barbecue, can we accept?',
      'Mag ik een taalcursus aannemen die een leverancier betaalt?',
    ],
  },
  {
    name: 'a relative looking for an internship anywhere, not one at our department or with our contractor',
    decline: ['Mijn neef zoekt voor zijn hbo-studie techniek een stage, welke installatiebedrijven nemen stagiairs aan?'],
    answer: [
      'Mijn dochter wil stage lopen op mijn afdeling, mag dat?',
      'Mijn zoon wil bij ons stage lopen, moet ik dat melden?',
      'Mijn zoon zoekt een stage bij een aannemer waar wij mee werken, mag ik hem helpen?',
    ],
  },
  {
    name: 'the doctors’ oath, not our own oath beside it',
    decline: ['Wat staat er eigenlijk in de hippocratische eed?', 'What does the Hippocratic oath say?'],
    answer: [
      'Moet ik als nieuwe ambtenaar een ambtseed afleggen, net zoals de hippocratische eed van artsen?',
      'Lijkt onze ambtseed op de hippocratische eed van artsen, en wat beloof ik dan precies?',
    ],
  },
  {
    name: 'facts about the council and the municipality, not a civil servant’s own political activity, a role in a process or the rules for councillors',
    decline: [
      'Hoeveel zetels heeft de grootste partij in onze gemeenteraad?',
      'Which party won the most seats in the council?',
      'Welke partij levert de meeste wethouders?',
      'How many aldermen does our town have?',
      'Wat is het verschil tussen de burgemeester en een wethouder?',
      'Wie zitten er in het college van burgemeester en wethouders?',
      'Hoeveel inwoners telt onze gemeente nu?',
      'How many inhabitants does the town have these days?',
    ],
    answer: [
      'Mag ik als ambtenaar flyeren voor mijn partij bij de laatste verkiezingen?',
      'Hoeveel vertrouwenspersonen heeft onze gemeente?',
      // An amount asked of a present from a resident is a gift rule, however close "hoeveel" and "inwoner" stand.
      'Tot hoeveel euro mag een bedankje van een inwoner waard zijn voordat ik er iets mee moet?',
      'How much may a thank-you present from a resident be worth before I have to report it?',
      'Welke wethouder is verantwoordelijk voor het integriteitsbeleid?',
      'Welke partijen mogen inschrijven op een meervoudig onderhandse aanbesteding?',
      'Wie neemt de eed af bij nieuwe raadsleden?',
      'Wat is het verschil tussen de gedragscode voor raadsleden en die voor ambtenaren?',
      'Wie in het college gaat over integriteit van ambtenaren?',
      'Mag ik als raadslid ook in een fractie van een andere gemeente zitten?',
    ],
  },
  {
    name: 'a relative’s debts, surety and loans, not a loan or surety offered by a contractor',
    decline: [
      'Mijn zwager wil dat ik borg sta voor zijn lening. Is dat verstandig?',
      'My sister borrowed money from me; what interest rate should I ask?',
      'Mijn schoonvader wil dat ik borg sta voor de lening voor zijn nieuwe auto. Hoe ga ik daarmee om?',
      'A friend of mine who runs a company wants me to co-sign his loan. How do I deal with that?',
      'Mijn broer wil dat ik borg sta voor de huur van zijn appartement. Mag dat?',
      // Debt counselling is a service, not a loan.
      'Hoe verwijs ik een inwoner met schulden door naar de schuldhulpverlening?',
    ],
    answer: [
      'Een aannemer biedt aan borg te staan voor mijn huurwoning. Mag ik dat aannemen?',
      'A supplier offers me a loan at a low interest rate. Is that allowed?',
      // Surety or a loan with someone the asker deals with at work is a private tie with an outsider.
      'Een cliënt die ik begeleid wil dat ik borg sta voor zijn nieuwe huurcontract. Mag dat?',
      'Een klant van ons loket vraagt me borg te staan voor een lening en belooft er iets tegenover. Hoe ga ik daarmee om?',
      'A client I advise on municipal loans wants me to stand surety for his shop. What are the rules?',
      'A supplier we buy from offered me an interest-free loan for my kitchen. Is that allowed?',
      'Ik krijg van een ondernemer uit mijn wijk een renteloze lening aangeboden. Mag ik die aannemen?',
      // Money lent by one's own manager is a private tie inside the hierarchy.
      'Mijn leidinggevende heeft me 500 euro geleend voor een nieuwe wasmachine. Is dat een probleem?',
      'My manager lent me money for my rent last month. Should I report that?',
    ],
  },
  {
    name: 'traffic and police fines in private life, not one with the employer’s car',
    decline: ['Mijn zoon kreeg een bekeuring op zijn scooter, hoe kan ik die betalen?', 'I got a parking fine in town last weekend. Can I still object?'],
    answer: ['Ik kreeg een bekeuring met de dienstauto tijdens een werkbezoek. Moet ik die zelf betalen?'],
  },
  {
    name: 'scams, energy suppliers and a free certificate of conduct for volunteering, not a VOG for one’s own job',
    decline: ['Iemand belde namens mijn bank en ik ben opgelicht. Waar meld ik dat?', 'Mijn energiebedrijf rekent ineens veel meer, waar kan ik klagen?', 'My energy bill doubled overnight. Who can I complain to?', 'Is de VOG gratis voor vrijwilligers bij de voetbalclub?', 'Welk energiebedrijf is het goedkoopst voor een rijtjeshuis?', 'Which energy supplier has the best fixed rate?', 'Mijn energiemaatschappij stuurt een veel te hoge eindafrekening, wat kan ik doen?'],
    answer: ['Moet ik een VOG aanvragen als ik intern overstap naar een andere afdeling?', 'Ik werk bij inkoop en mijn broer werkt bij het energiebedrijf dat onze aanbesteding doet. Moet ik dat melden?',
      // The company is what the shares are in: a financial interest, not a supplier's errand.
      'Moet ik mijn aandelenpakket in een energiemaatschappij opgeven?',
      'I own shares in an energy provider. Do I have to declare them?',
    ],
  },
  {
    name: 'contract hours and training hours, not fewer hours for a side job or an integrity training',
    decline: ['Ik wil mijn contracturen verhogen naar 32, bij wie moet ik zijn?', 'How many training hours do I get per year?', 'Hoeveel uur scholing mag ik per jaar onder werktijd volgen?', 'Hoeveel medewerkers hebben vorig jaar een integriteitstraining gevolgd?'],
    answer: [
      'Mag ik minder uren werken zodat ik mijn nevenfunctie kan uitbreiden?',
      'How many hours of integrity training do new employees have to follow?',
      // A count of hours is the training's measure, not a count of people's records.
      'Hoeveel uur integriteitstraining krijgt een nieuwe collega in het eerste jaar?',
    ],
  },
  {
    name: 'opening hours, sports halls, gyms and the tides, not a supplier’s gym membership, a sports club’s board or when a report or tender closes',
    decline: ['Hoe laat gaat de sporthal op zaterdag open?', 'Why are the tides higher in spring?', 'What time does the recycling centre close on Saturdays?', 'Tot hoe laat is het gemeentehuis open voor inwoners op donderdag?'],
    answer: [
      'A supplier gave me a free gym membership. Can I keep it?',
      'Ik zit als vrijwilliger in het bestuur van de sportschool waar de gemeente subsidie aan geeft. Mag dat?',
      'Wanneer sluit de aanbesteding en mag ik een bieder dan nog tips geven?',
      'Wanneer wordt een melding van een misstand gesloten?',
      'When is the whistleblowing window closed for a report about last year?',
      'Wanneer wordt het onderzoek naar mij gesloten?',
      'When will my complaint file be closed?',
    ],
  },
  {
    name: 'an idea for a present to give, not a present received, offered, for an official or whether it is proper',
    decline: [
      'Welk cadeau kan ik mijn buurvrouw geven als dank voor het oppassen?',
      'What’s a nice present for my brother who turns 50?',
      // Where to buy a present one gives is a shop tip.
      'Waar koop ik een leuk cadeau voor mijn zus die gaat trouwen?',
      'Where can I buy a gift card for my nephew?',
    ],
    answer: [
      'Welk cadeau mag ik van een leverancier aannemen?',
      'Wat voor cadeau kan ik een inwoner geven als bedankje voor zijn hulp?',
      'Is een fles wijn een goed cadeau voor de wethouder die afscheid neemt, of is dat niet gepast?',
      'Een aannemer gaf me een mooi cadeau voor mijn verjaardag. Wat nu?',
      'Een leverancier gaf me een cadeaubon van een leuke winkel. Mag ik die houden?',
    ],
  },
  {
    name: 'a translation into a language or where a saying comes from, not having documents translated or what a rule’s phrase means',
    decline: [
      'Kun je de woorden nevenfunctie en geschenk naar het Turks vertalen voor een nieuwe collega?',
      'Waar komt het gezegde ‘wiens brood men eet’ eigenlijk vandaan?',
      'What is the origin of the saying about gifts making slaves?',
      'What is the English translation of the word gedragscode?',
      'Kun je dit recept naar het Engels vertalen?',
      'Is deze film ook naar het Nederlands vertaald?',
    ],
    answer: [
      'Mag ik vertrouwelijke stukken naar het Engels laten vertalen door een extern bureau?',
      'Wat betekent de uitdrukking ‘de schijn van belangenverstrengeling’?',
      // Whether the rules themselves exist in a language asks about the policies as documents.
      'Bestaat er een Poolse versie van onze integriteitsregels voor nieuwe collega’s?',
      'Is the code of conduct available in English?',
      'Where can I read the rules? Do you have an English version of the integrity policy?',
    ],
  },
  {
    name: 'a replacement, who pays for a repair or where to hand something in, not a loss to report, a private repair to claim, a supplier’s offer or a gift one may not keep',
    decline: [
      'Mijn laptop van de zaak is gevallen en doet niks meer. Hoe vraag ik een nieuwe aan?',
      'My work laptop’s keyboard broke. Will my employer repair it or do I pay myself?',
      'Ik heb nog een oude telefoon van het werk in de kast, waar lever ik die in?',
      'Ik ben mijn toegangspas kwijt. Hoe vraag ik een nieuwe aan?',
      'My work laptop was stolen from the train. How do I get a replacement?',
    ],
    answer: [
      'Mijn werktelefoon is gestolen met vertrouwelijke mails erop. Moet ik dat als datalek melden?',
      'Mag ik mijn kapotte werktelefoon privé laten repareren en de kosten declareren?',
      'Een leverancier biedt aan mijn telefoon gratis te repareren. Mag dat?',
      'Mijn werklaptop is uit mijn auto gestolen. Hoe vraag ik een nieuwe aan en bij wie meld ik de diefstal?',
      'Moet ik mijn laptop inleveren als ik uit dienst ga?',
      'Hoe krijg ik een nieuwe kans na een officiële waarschuwing?',
      'Mijn VOG is verlopen. Hoe vraag ik een nieuwe aan via mijn werkgever?',
      'Where do I hand in a gift I am not allowed to keep?',
      // "Lever ik … in" next to a "niet" is no web shop that fails to deliver.
      'Ik kreeg een fles wijn die ik niet mag aannemen. Waar lever ik die in?',
      'I need a replacement for a colleague who leaks confidential information. What should I do?',
      'Ik heb per ongeluk vertrouwelijke stukken op mijn oude werklaptop laten staan. Waar lever ik die in?',
    ],
  },
  {
    name: 'a resident’s or relative’s errand and jobs for others, not a favour offered, a report or a complaint about a colleague',
    decline: ['Een inwoner vraagt me hoe hij zijn parkeervergunning kan verlengen. Weet jij dat?', 'Heeft de gemeente stageplekken voor mbo-studenten?', 'Does the council offer summer jobs for students?'],
    answer: [
      'Een inwoner vraagt me hoe hij zijn aanvraag sneller behandeld kan krijgen en biedt me 50 euro. Wat moet ik doen?',
      'Een collega vraagt me hoe hij een nevenfunctie kan melden. Weet jij dat?',
      'Een cliënt vraagt me waar hij een klacht over mijn collega kan indienen. Bij wie moet hij zijn?',
      'Mijn neef wil vakantiewerk doen bij ons, moet ik dat melden?',
      'Een inwoner vraagt me hoe hij zijn vergunning kan krijgen en zegt dat hij mijn zwager kent. Hoe ga ik daarmee om?',
      'Mijn buurman vraagt me hoe hij zijn bezwaar tegen de bouw kan indienen. Ik behandel dat dossier zelf. Wat nu?',
      'A resident asked me how she can speed up her permit if she gives me a present. What do I do?',
    ],
  },
  {
    name: 'the police or the municipality as a resident’s choice, not a colleague’s theft or a threat at the desk',
    decline: ['De hond van de buren blaft de hele nacht. Bel ik de politie of de gemeente?'],
    answer: [
      'Een collega steelt materiaal van de werf. Moet ik naar de politie of naar de gemeente?',
      'Een inwoner bedreigt me aan de balie. Doe ik aangifte bij de politie of regelt de gemeente dat?',
      'When a colleague takes money out of the till, will the municipality call in the police?',
    ],
  },
  {
    name: 'a case at another employer or in the news told about someone else, not one in which the asker, our people or our rules are at stake',
    decline: [
      'Mijn zwager werkt bij een andere gemeente en is daar op staande voet ontslagen. Hoe gaat zo’n procedure verder?',
      'I read in the paper that a hospital director was fired for expenses fraud. How common is that?',
      'In het nieuws zag ik dat een bank een boete kreeg voor witwassen. Hoe hoog zijn zulke boetes meestal?',
    ],
    answer: [
      'Mijn broer werkt bij een andere gemeente en vraagt me om informatie over een aanbesteding van ons. Wat nu?',
      'Mijn partner werkt bij een andere gemeente als inkoper. Geldt de meldplicht dan ook?',
      'My husband works for another municipality that buys from the supplier I manage. Do I have to report that?',
      'Mijn vrouw is bij een andere gemeente op non-actief gezet. Raakt dat ook mijn functie hier?',
      'Een collega kwam in de krant met fraude. Wat gebeurt er nu met hem?',
      'In de krant stond dat onze wethouder cadeaus aannam. Hoe zit dat?',
      'Er stond een stuk in de krant over een aannemer die steekpenningen betaalde aan ambtenaren. Hoe voorkomen wij dat?',
    ],
  },
  {
    name: 'office equipment, wifi, weekend work and deliveries as practical matters, not their private use, public networks, private time or a gift at home',
    decline: [
      'De printer op het werk doet het niet, wie moet ik bellen?',
      'De openbare wifi in de bibliotheek werkt niet, hoe kom ik online?',
      'Als ik in het weekend werk, krijg ik dan toeslag?',
      'Mijn bestelling is nog steeds niet thuis bezorgd, hoe krijg ik mijn geld terug?',
      'Is er gratis wifi in het gemeentehuis voor bezoekers?',
      'Ik ga zaterdag uit in het uitgaansleven van de stad, tips voor kroegen?',
      'Where can I take guitar lessons in the evening?',
      'Ik neem pianoles op dinsdag, kan ik mijn werktijden aanpassen?',
      'Hoeveel volle uren werk ik per week als ik 32 uur heb?',
      'My online order was delivered to my home but it is damaged, how do I return it?',
    ],
    answer: [
      'Mag ik posters voor mijn sportclub printen op kantoor?',
      'Mag ik met mijn werklaptop op de openbare wifi van een hotel werken?',
      'Als ik in het weekend in de kroeg de fout in ga, heeft dat gevolgen voor mijn werk?',
      'Een aannemer heeft een pakket naar mijn huisadres gestuurd, mag ik het houden?',
      'Ik zit met mijn werklaptop in de trein en wil inloggen op de gratis wifi, mag dat?',
      'I want to teach piano lessons at weekends for money. Is that allowed?',
    ],
  },
  {
    name: 'an opinion on people in public life, sport or the news, not on the asker’s own conduct or our side',
    decline: [
      'Wat vind je ervan dat een minister een dure reis van een lobbyclub aannam?',
      'What do you think of the bribery scandal at the football federation?',
      'Is it ethical that a famous singer promotes a betting site?',
      'Is het integer als een bekende Nederlander een cadeau krijgt van een bedrijf?',
      'Hoe kijk jij aan tegen de ophef rond die zanger die geld aannam van een sponsor?',
    ],
    answer: [
      'Vind je het integer als ik een fles wijn van een leverancier aanneem?',
      'Is het integer dat mijn collega zijn zwager een opdracht gunt?',
      'Een journalist belde me over de affaire rond onze wethouder. Mag ik iets zeggen?',
      'Ik speel in mijn vrije tijd profvoetbal, is dat een nevenfunctie die ik moet melden?',
      'Wat vind je van een wethouder die in het nieuws kwam met een nevenfunctie bij een aannemer?',
      'Vind je het gepast om kaartjes voor een interland van de voetbalbond aan te nemen van een leverancier?',
      'Is het integer dat een beleidsmedewerker in het nieuws kritiek geeft op een wethouder?',
    ],
  },
  {
    name: 'a neighbour or relative and the customs of their own employer, not their dealings with the asker or with us',
    decline: ['Mijn buurvrouw werkt bij een bank en krijgt kerstpakketten van klanten, is dat normaal daar?', 'My neighbour works for a bank and gets gifts from clients, is that allowed there?'],
    answer: [
      'Mijn zwager werkt bij een aannemer en biedt mij een etentje aan. Mag ik dat aannemen?',
      'Mijn buurman werkt bij de gemeente en krijgt cadeaus van aannemers, wat moet ik doen?',
      'Mijn broer werkt bij een leverancier van ons en wil een offerte indienen, moet ik dat melden?',
      'Mijn zwager werkt bij de brandweer en mag daar geen tweede baan hebben. Geldt dat ook voor mij?',
    ],
  },
  {
    name: 'how to hold a management conversation, not one about an integrity matter',
    decline: ['Hoe voer ik een functioneringsgesprek met iemand die steeds zijn deadlines mist?', 'Hoe voer ik een gesprek met een medewerker die vaak ziek is?', 'Hoe motiveer ik een medewerker die zijn werk niet afkrijgt?'],
    answer: [
      'Hoe voer ik een gesprek met een collega die mij steeds seksueel getinte opmerkingen maakt?',
      'Hoe voer ik een integriteitsgesprek met een medewerker die een cadeau heeft aangenomen?',
      'Hoe begeleid ik een medewerker die een melding van een misstand wil doen?',
      'Hoe coach ik een medewerker die een nevenfunctie wil bij een leverancier?',
      'Een teamgenoot is elke ochtend een uur te laat maar zet toch volle uren op zijn urenbriefje. Moet ik dat melden?',
    ],
  },
  {
    name: 'ideas and a budget for a colleague’s baby or wedding, not a supplier’s present',
    decline: ['Welk kraamcadeau is leuk voor een collega, budget 15 euro?', 'We are collecting for a teammate’s newborn; what could we buy for under 30 euros?'],
    answer: ['Een leverancier wil een kraamcadeau sturen voor mijn baby, mag ik dat aannemen?', 'Mijn collega is net moeder geworden. Mag ik namens haar een kraamcadeau van een leverancier aannemen?'],
  },
  {
    name: 'advice on investing or buying a home for oneself, not shares in a supplier, inside knowledge or whether they may be owned',
    decline: [
      'Welke fondsen zijn volgens jou nu het beste om in te stappen?',
      'Is het verstandig om nu een appartement te kopen of wacht ik beter een jaar?',
      'Would now be a good time to put my savings in stocks?',
      'Wat is eigenlijk het verschil tussen een obligatie en een spaarrekening?',
    ],
    answer: [
      'Is het slim om aandelen te kopen in de aannemer die net onze aanbesteding won?',
      'Is het verstandig om aandelen te houden in een bedrijf waar wij zaken mee doen?',
      'Ik weet via mijn werk dat een bedrijf wordt overgenomen. Is dit een goed moment om aandelen te kopen?',
      'Which shares may I not hold as a buyer for the municipality?',
      'Is now a good time to sell my shares in a supplier we work with?',
      'Wat is het verschil tussen aandelen die ik moet melden en aandelen die ik mag houden?',
    ],
  },
  {
    name: 'a text to write or improve and a word for something, not what a text may say',
    decline: [
      'Kun je deze alinea verbeteren: "Graag ontvang ik van u de formulieren retour"',
      'Heb je ideeën voor een toespraakje op de nieuwjaarsborrel?',
      'Draft a job ad for our new policy officer, please.',
      'Wat is het geheim van een sterke motivatiebrief?',
      'Is er een ander woord voor iemand die altijd roddelt?',
    ],
    answer: [
      'Mag ik in mijn afscheidsspeech iets vertellen over de fraudezaak op onze afdeling?',
      'Tips voor een LinkedIn-post over mijn werk zonder vertrouwelijke informatie te delen?',
      'Ik schrijf een toespraak voor een leverancier die ons een diner aanbiedt. Mag ik dat diner aannemen?',
      'Welk woord gebruikt de gedragscode voor een geschenk van een relatie?',
      'Is er een woord voor iemand die smeergeld aanneemt?',
    ],
  },
  {
    name: 'probation, courses and interview tips as matters for HR, not integrity training, a candidate one knows or a side job during probation',
    decline: [
      'Krijg ik na mijn proeftijd vanzelf een vaste aanstelling of moet ik dat aanvragen?',
      'Welke cursussen in timemanagement kan ik dit jaar volgen?',
      'Heb je tips voor een sollicitatiegesprek met een stille kandidaat?',
    ],
    answer: [
      'Mag ik tijdens mijn proeftijd al een nevenfunctie beginnen?',
      'Zijn er integriteitstrainingen die ik moet volgen?',
      'Welke training over omgaan met dilemma’s kan ik volgen?',
      'Tips voor een sollicitatiegesprek met een kandidaat die ik persoonlijk ken?',
      'Any advice for a job interview when the applicant is my nephew?',
      'Leg ik na mijn proeftijd automatisch de ambtseed af of moet ik die aanvragen?',
    ],
  },
  {
    name: 'a place, club or tickets to pick and a program’s how-to, not a supplier’s treat, a side job at a club or sensitive data in a mail',
    decline: [
      'Welk eetcafé in Driehuis is gezellig voor een teamlunch?',
      'Which club in town has a good swimming course for kids?',
      'Zijn er nog plekken voor de teamdag in juni?',
      'Hoe markeer ik in Outlook een bericht als persoonlijk?',
      'Hoe laat vertrekt de veerpont naar de overkant op zondag?',
      'Where can I find a sports club for my evenings around here?',
      'Is er nog een plek vrij bij de workshop fotografie?',
    ],
    answer: [
      'Een leverancier nodigt ons team uit voor een lunch in een restaurant naar keuze. Welk restaurant kiezen we, en mag dat?',
      'Welke vereniging waar ik penningmeester ben moet ik als nevenfunctie melden?',
      'Waar kan ik terecht als ik op mijn afdeling gepest word?',
      'Where can I find volunteer work that does not clash with my job at the council?',
      'Zijn er nog kaartjes van de leverancier over, mag ik er een meenemen?',
      'Zijn er nog kaartjes over die een zakenrelatie ons gaf?',
      'Ik heb in Outlook een mail met persoonsgegevens naar de verkeerde inwoner gestuurd. Moet ik dat melden?',
    ],
  },
  {
    name: 'another desk’s casework and a resident’s own permit, not a favour, a colleague or a permit one handles',
    decline: [
      'Stuur ik een inwoner met een vraag over bijzondere bijstand naar het Sociaal Loket of naar Schuldhulp?',
      'Een inwoner vraagt aan de telefoon hoeveel een uittreksel kost. Weet jij dat?',
      'Via welke website kan een bewoner een kapotte lantaarnpaal doorgeven?',
      'Heb ik een vergunning nodig voor een steiger voor mijn huis tijdens het schilderen?',
      'Moet ik bij een Wmo-melding altijd zelf eerst het huisbezoek plannen?',
      'Hoe vraag ik een kapvergunning aan voor de boom in mijn tuin?',
      'Onze buren willen een aanbouw; is daar een omgevingsvergunning voor vereist?',
    ],
    answer: [
      'Een inwoner biedt me geld als ik zijn aanvraag naar een snellere collega doorstuur. Wat moet ik doen?',
      'Via welke app meld ik een vermoeden van fraude door een collega?',
      'Mijn buurman vraagt een vergunning aan voor een dakkapel en ik behandel die aanvragen. Mag dat?',
      'Hoe vraag ik een vergunning aan voor mijn nevenfunctie als marktkoopman?',
      'Moet ik een inwoner die me bedreigt naar de politie of naar mijn leidinggevende sturen?',
      'Waar verwijs ik een journalist naar die me belt over een lopende zaak?',
      'Moet ik de Wmo-aanvraag van mijn oom altijd eerst aan mijn teamleider voorleggen?',
      'Een inwoner vraagt wat een uittreksel kost en of ik hem voorrang wil geven als hij iets extra betaalt.',
      'Via welk formulier geef ik een kerstgeschenk van een aannemer door?',
      'Een inwoner vraagt wat ik van zijn aanvraag vind en wil me een cadeau geven. Mag ik dat aannemen?',
    ],
  },
  {
    name: 'a partner in the same team is about relationships at work, not private life',
    decline: ['Mijn vriendin zoekt een nieuwe baan, weet jij een goede vacaturesite?'],
    answer: [
      'Mijn vriend gaat op dezelfde afdeling werken als ik. Zijn daar regels voor?',
      'My girlfriend is joining the same team as me next month. Is that a problem?',
      'Mijn teamgenoot heeft haar wachtwoord vergeten en wil even met mijn wachtwoord inloggen, mag ik dat toestaan?',
      'May I let a colleague use my password while I am on holiday?',
    ],
  },
  {
    name: 'everyday words for estimates, the post and pet names, not an estimate of one’s own costs or a post office’s hours',
    decline: ['Hoe kan ik de kosten van mijn verbouwing het beste schatten?', 'Hoe schat ik mijn jaarinkomen in voor de belastingaangifte?', 'Hoe laat gaat de postkamer van het postkantoor open?'],
    answer: [
      'Mijn dochter maakt een werkstuk over de gemeente. Mag ik haar wat interne documenten laten lezen?',
      'May I drop my private parcels in the mail room at work so they go out with the office post?',
      'Mijn buskaartjes voor de dienstreis zijn weg. Kan ik een geschat bedrag declareren?',
      'Een teamgenoot noemt me lieverd en zit steeds aan me. Bij wie kan ik terecht?',
      'A colleague calls me sweetie all the time. What can I do?',
    ],
  },
  {
    name: 'where the rules are found or whether one received them, and a meal offered by someone at a firm we hire, not logging in to the intranet, a cleaning rota or a restaurant tip',
    decline: ['Hoe log ik in op intranet?', 'Waar vind ik het rooster van de schoonmaak?', 'Wat is een leuk restaurant om mijn vriendin mee uit eten te nemen?'],
    answer: [
      'Ik heb bij mijn start de gedragscode nooit ontvangen. Hoort dat zo?',
      'Is there a staff handbook in which the integrity rules are written down?',
      'Waar vind ik de regels over nevenwerk op intranet?',
      'A former colleague now at a firm we hire wants to take me out to dinner. Is that okay?',
    ],
  },
  {
    name: 'a market stall while off sick and a stay offered in someone’s holiday home, not calling in sick or a market tip',
    decline: ['Bij wie meld ik me ziek als mijn leidinggevende op vakantie is?', 'Welke markt in de regio heeft de beste kraam met kaas?'],
    answer: [
      'Ik meld me ziek maar sta zaterdag wel met mijn marktkraam, mag dat?',
      'I called in sick but still worked at my market stall. Is that a problem?',
      'A client offered to let me stay for free in his cabin. Must I report it?',
      'Een aanvrager biedt me aan gratis te logeren in zijn vakantiehuis. Moet ik dat melden?',
    ],
  },
  {
    name: 'looking up how someone’s application stands for a friend or neighbour, not a parcel’s status',
    decline: ['How do I check the status of my parcel?'],
    answer: [
      'Mijn buurman vraagt of ik de status van zijn bouwaanvraag kan opzoeken. Mag dat?',
      'My cousin asked me to check his application for a benefit in our system. Can I?',
    ],
  },
  {
    name: 'coaching a club beside the job and seeking sponsors among the municipality’s contractors, not who coaches a team',
    decline: ['Wie is de trainer van de hockeyclub in Velsen?', 'Welke trainer van de eredivisie heeft de meeste titels?', 'Who is the coach of the national team?'],
    answer: [
      'Ik ben trainer van de voetbalclub en wil bij aannemers van de gemeente om sponsorgeld vragen. Kan dat?',
      'As a coach of the local rugby team I want to ask our suppliers for sponsorship. Is that okay?',
      'A colleague keeps calling me sweetie. What can I do?',
    ],
  },
  {
    name: 'applying for one’s own permit or whether someone needs one, not a permit the asker handles; signing up for an integrity training stays answered',
    decline: ['Hoe verleng ik mijn parkeervergunning voor de binnenstad?', 'Mijn zus wil een schuur bouwen, heeft ze daar een vergunning voor nodig?', 'Does my neighbour need a permit for a fence?'],
    answer: [
      'Mijn buurman vraagt een omgevingsvergunning aan en ik behandel die zelf. Mag ik dat?',
      'Heeft mijn buurman een vergunning nodig? Ik werk zelf bij vergunningen en hij vraagt me om hulp.',
      'Waar kan ik me aanmelden voor de integriteitstraining?',
      'Hoe meld ik me aan voor de integriteitstraining?',
    ],
  },
  {
    name: 'a decisive everyday phrase beside a supplier’s offer or a colleague’s request with a permission asked, not the phrase alone',
    decline: ['Ik kan niet inloggen op mijn laptop, wat moet ik doen?', 'I cannot log in to my laptop. Who do I call?', 'Wat is een leuk restaurant voor mijn verjaardag?'],
    answer: [
      'Een aannemer nodigt me uit in een leuk restaurant om de opdracht te vieren. Mag ik mee?',
      'My teammate cannot log in and asks to borrow my password for the afternoon. Is that allowed?',
    ],
  },
  {
    name: 'know-how for running a team or one’s own life (how best, tips, ideas, a recommendation, a checklist), not with an integrity subject, a permission or what to do',
    decline: [
      'Hoe plan ik de vakanties van mijn team het slimst zodat er altijd genoeg mensen zijn?',
      'Hoe kan ik een nieuwe collega het beste inwerken in de eerste week?',
      'Hoe vertel ik mijn team het beste dat de afdeling verhuist naar een ander gebouw?',
      'Heb je tips om een lange vergadering korter te maken?',
      'Any ideas for a fun team-building activity on a rainy day?',
      'Ken je een goede podcast over leidinggeven?',
      'Can you recommend an app to keep track of my team’s tasks?',
      'What’s the best way to motivate an employee who has lost interest in his work?',
      'Geef me een stappenplan voor het opzetten van een nieuw project met drie teams.',
      'Give me a checklist for onboarding a new hire?',
      'Mijn teamlid zit in een scheiding; haar relatie is voorbij. Hoe kan ik haar het beste ondersteunen?',
      'Welke vragen kan ik een sollicitant voorleggen over samenwerken?',
    ],
    answer: [
      'Hoe kan ik het beste een cadeau van een leverancier weigeren zonder hem te beledigen?',
      'Heb je tips om de schijn van belangenverstrengeling te vermijden als mijn zwager meedingt?',
      'Hoe spreek ik een collega het beste aan die steeds printpapier mee naar huis neemt?',
      // A colleague beside a clear integrity word: the asker's conduct at work, however the ask for tips is put.
      'Heb je tips hoe ik een collega benader die de dienstauto voor boodschappen gebruikt?',
      'Geef eens een voorbeeld van een integriteitsdilemma voor in het werkoverleg.',
      'Give me a checklist for accepting gifts from suppliers?',
      'Hoe kan ik het beste omgaan met een inwoner die me steeds een envelopje wil geven?',
      'Welke vragen mag ik een sollicitant stellen over zijn nevenwerkzaamheden?',
      'Welke vragen kan ik een sollicitant voorleggen over zijn VOG en referenties?',
      'Hoe meld ik het beste een vermoeden van fraude bij een collega?',
      'Any tips for posting about my work on LinkedIn without breaking the rules?',
      'Mijn medewerker heeft een relatie met haar teamleider. Hoe pak ik dat het beste aan?',
      'Hoe bespreek ik integriteit het beste in mijn team?',
      'Welke vragen kan ik stellen als ik de kandidaat ken van mijn sportclub?',
      'Any tips for interviewing an applicant I know personally?',
      // A relative among the candidates is a conflict of interest at work, not private life.
      'Ideeën voor een gesprek met een kandidaat die mijn nicht is?',
      'Any tips for interviewing a candidate who is my cousin?',
    ],
  },
  {
    name: 'fiction, a tip to give, whether a place is open, when to get into crypto, and the tax office asked how something works',
    decline: [
      'In die detectiveserie koopt een minister een rechter om, gebeurt dat echt zo?',
      'In the movie the witnesses swear on a bible. Is that how courts do it?',
      'Hoeveel fooi geef je bij een taxi in Spanje?',
      'How much should I tip at a restaurant in the US?',
      'Weet jij of de sporthal zaterdag open is?',
      'Is the canteen open on Monday?',
      'Is het te laat om nog in bitcoin te stappen?',
      'Thinking of buying some tech stocks, good idea or not?',
      'Ik verkoop gebreide mutsen via een webshop, moet ik inkomstenbelasting betalen? Hoe werkt dat?',
    ],
    answer: [
      'In die serie nam een ambtenaar geld aan van een aannemer. Mag ik een envelop van een aannemer aannemen?',
      'Ik zag in een film een klokkenluider. Hoe werkt dat bij onze gemeente, bij wie meld ik een misstand?',
      'Een inwoner wil me een fooi geven omdat ik hem goed heb geholpen. Mag ik die houden?',
      'Ik werk in de kantine en klanten geven me soms een fooi. Moet ik dat melden?',
      'Is het te laat om mijn aandelen in een leverancier nog te melden?',
      'I own shares in a company we buy from; is it a good idea to sell them before the tender?',
      'Ik heb een bijbaan als fotograaf. Moet ik dat bij mijn werkgever melden? Hoe werkt dat?',
      'Blijft mijn melding open tot het onderzoek klaar is?',
    ],
  },
];

describeScopeShapes('what is declined as not about integrity at work, and what stays answered', shapes);
