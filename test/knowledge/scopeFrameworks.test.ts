import { describeScopeShapes, type ScopeShape } from './fixtures/scopeShapes.js';

/**
 * Issue 8, the casework and legal frameworks of municipal work that are not the integrity rules: a
 * client's benefit and what counts against it, objections and complaints under administrative law,
 * council procedure, the reporting code for domestic violence. Their questions borrow the rules' words
 * (a gift, a complaint, secrecy, a report, side earnings); each has near misses with the same
 * frameworks that ask about the asker's own conduct and must stay answered. Our own examples, written
 * from the frameworks, never copied from an evaluation set.
 */

const frameworks: ScopeShape[] = [
  {
    name: 'a client’s benefit and what counts against it',
    decline: [
      'Een uitkeringsgerechtigde erft 4.000 euro van een oom. Hoe verreken ik dat met haar bijstand?',
      'Telt een schenking van een vriend mee voor de vermogensgrens van een bijstandsgerechtigde?',
      'Hoe hoog is de inkomstenvrijlating voor een alleenstaande ouder die parttime gaat werken?',
      'Does the earnings disregard also apply to a claimant who does paid babysitting?',
      'Wat is de beslagvrije voet van een cliënt met een uitkering en twee kinderen?',
    ],
    answer: [
      'Een bijstandsgerechtigde die ik begeleid wil me een bos bloemen en een cadeaubon geven. Mag ik die aannemen?',
      'De bijstandsaanvraag van mijn schoonzus is bij mij terechtgekomen. Mag ik die zelf afhandelen?',
      'Ik wil naast mijn werk als klantmanager betaald budgetcoach worden voor mensen met een uitkering. Moet ik dat melden?',
      'Een cliënt bedreigde me aan de balie omdat zijn uitkering wordt gekort. Bij wie kan ik terecht?',
    ],
  },
  {
    name: 'objections, appeals and residents’ complaints under administrative law',
    decline: [
      'Binnen welke termijn moet een inwoner bezwaar maken tegen een besluit volgens de Awb?',
      'Hoe lang hebben we om een klacht van een burger over de balie af te handelen onder de Algemene wet bestuursrecht?',
      'Hoeveel weken heeft de gemeente om een Woo-verzoek te beantwoorden, en mogen we dat verdagen?',
      'A resident says his complaint about our service desk went to the ombudsman. How long do we have to respond?',
      'Een jongere is het oneens met het proces-verbaal van de handhaver en wil klagen. Loopt dat via de gemeente of via de officier van justitie?',
    ],
    answer: [
      'Ik behandel een bezwaarschrift van mijn buurman tegen een besluit van ons. Mag ik dat gewoon doen?',
      'Een inwoner diende een klacht in over hoe een collega hem intimideerde aan de balie. Waar kan ik dat melden?',
      'Een aanvrager wil me 200 euro geven als ik zijn bezwaarschrift voorrang geef. Mag ik dat aannemen?',
      'Een journalist heeft een Woo-verzoek gedaan en vraagt of ik hem de stukken alvast informeel wil mailen. Mag dat?',
      'Is de beslistermijn voor een vergunning een reden om een aanvraag van mijn zwager toch zelf te behandelen?',
    ],
  },
  {
    name: 'council procedure',
    decline: [
      'Hoe lang heeft de raad om geheimhouding te bekrachtigen die het college op een raadsvoorstel heeft gelegd?',
      'Hoeveel dagen voor de vergadering moeten de raadsstukken bij de fracties zijn?',
    ],
    answer: [
      'Een raadslid vraagt mij om de geheime bijlage van een raadsvoorstel alvast door te sturen naar zijn partijgenoot. Mag dat?',
      'De wethouder zet me onder druk om een negatief advies over een subsidie voor zijn vereniging aan te passen. Wat moet ik doen?',
    ],
  },
  {
    name: 'a text for an official asked of the assistant',
    decline: [
      'De burgemeester bezoekt morgen een echtpaar dat 60 jaar getrouwd is. Heb je een passende tekst voor op de kaart?',
      'Our alderman opens the new library on Friday. Do you have a nice line to end her speech with?',
    ],
    answer: [
      'De wethouder wil dat ik een tekst schrijf die zijn eigen bedrijf aanprijst. Mag ik dat weigeren?',
      'Een inwoner stuurde me een kaart met een cadeaubon erin als dank. Mag ik die houden?',
    ],
  },
  {
    name: 'the reporting code for domestic violence and child abuse',
    decline: [
      'Welke stappen kent de meldcode kindermishandeling, en wanneer moet ik Veilig Thuis bellen?',
      'How long do we have to follow up a domestic violence referral from the police?',
    ],
    answer: [
      'Een vader van een gezin dat ik begeleid heeft me bedreigd. Bij wie kan ik binnen de organisatie terecht?',
      'Mag ik bij een etentje met vrienden iets uit een jeugdzorgdossier delen, zonder namen?',
      'Een journalist vraagt me naar het dossier van een gezin dat ik in de jeugdhulp begeleid. Mag ik iets vertellen als hij mijn naam niet noemt?',
    ],
  },
];

describeScopeShapes('casework and legal frameworks other than the integrity rules are declined, the near misses answered', frameworks);
