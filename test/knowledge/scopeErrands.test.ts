import { describeScopeShapes, type ScopeShape } from './fixtures/scopeShapes.js';

/**
 * Issue 8, shapes of everyday errands and advice that borrow integrity words: a broken work thing, a
 * client's own scheme, a tip to give, an opinion on one's own savings, the layout of a text to write.
 * Each declined shape has near misses with the same words that ask about the asker's conduct at work
 * and must stay answered. Our own examples, written from the shapes, never copied from an evaluation set.
 */

const shapes: ScopeShape[] = [
  {
    name: 'a facilities errand about work things: a broken one, where they are ordered, a pass that also works elsewhere',
    decline: [
      'De bedrijfsauto start niet meer, wie kan hem repareren?',
      'mn werklaptop is kapot, waar breng ik die naartoe?',
      'My work phone charger broke, who can I ask for a new one?',
      'Bij welke winkel halen we de werkkleding voor de groendienst?',
      'Which supplier do we order the safety boots from?',
      'Hoe vaak krijg ik een nieuwe werkjas?',
      'Werkt mijn toegangspas ook in het gebouw aan de overkant?',
      'Can I also use my parking permit at the depot?',
    ],
    answer: [
      'Mijn werklaptop is kapot en er stonden vertrouwelijke dossiers op, moet ik dat melden?',
      'De dienstauto is beschadigd doordat ik hem privé gebruikte, waar moet ik heen?',
      'Via welke leverancier bestellen we? Mijn zwager heeft een bedrijf dat ook werkkleding levert.',
      'Mag ik met mijn toegangspas ook mijn partner mee naar binnen nemen in het weekend?',
      'Can I use my parking permit from work for my private car at the weekend?',
      'Een collega heeft de dienstauto beschadigd en zegt niks. Moet ik dat melden?',
    ],
  },
  {
    name: 'a resident’s or client’s own matter under their own scheme, not the asker’s conduct',
    decline: [
      'Een inwoner vraagt of hij met zijn uitkering vrijwilligerswerk mag doen, hoe zit dat?',
      'Een aanvrager wil bezwaar maken tegen de beslissing, welk formulier moet hij invullen?',
      'A client asks whether she can keep her benefit if she starts a small business.',
    ],
    answer: [
      'Een inwoner vraagt of hij mij een doos bonbons mag geven als dank. Mag dat?',
      'Een cliënt zegt dat een collega hem uitschold en wil daarover klagen, waar moet hij heen?',
      'A resident asks whether he may give me some cash to get his permit faster. What do I do?',
      'Een cliënt vraagt of hij bij mij thuis langs mag komen om zijn papieren te bespreken.',
      'Een klant vraagt of zijn dochter bij ons stage mag lopen, kan ik dat regelen?',
    ],
  },
  {
    name: 'advice for the asker’s own life or tools: the best tool, selling or holding investments, tips for a skill, a usual tip',
    decline: [
      'Voor mijn side project zoek ik een editor, welke is het handigst voor Python?',
      'Which laptop would be the best for my freelance photo editing at home?',
      'Mijn aandelen Shell staan flink in de min, zou jij nu verkopen?',
      'My index fund is up 20% this year. Sell or hold?',
      'Heb je tips om mijn LinkedIn-profiel wat professioneler te maken?',
      'Any tips for taking a good headshot with my phone?',
      'Hoeveel fooi geef je in Amerika bij een taxi?',
      'How much do you usually tip a hairdresser in the Netherlands?',
    ],
    answer: [
      'Ik heb aandelen in een leverancier van de gemeente. Zou jij ze nu verkopen, of moet ik dat melden?',
      'Should I sell my shares in the construction firm now that I assess their permit?',
      'Heb je tips hoe ik een collega aanspreek die steeds cadeautjes van klanten aanneemt?',
      'Any tips on what I may post on LinkedIn about my work?',
      'Een inwoner gaf me fooi aan de balie. Hoeveel fooi mag ik houden?',
      'Hoeveel mag ik een leverancier geven als bedankje met kerst?',
      'Welke vertrouwenspersoon is het best om naartoe te gaan met een klacht over mijn leidinggevende?',
    ],
  },
  {
    name: 'the layout of a text the asker is to write, also of their team’s own code for a work practice',
    decline: [
      'Welke indeling past bij een collegenota?',
      'Kun je een opzet voor een projectplan geven?',
      'Can you suggest an outline for our team’s code of conduct for using the shared drive?',
      'Could you give me a template for the minutes of our weekly meeting?',
    ],
    answer: [
      'Welke opbouw past bij een melding bij de vertrouwenspersoon?',
      'Could you propose a structure for an integrity session with my team?',
      'Mag ik een opzet voor een beleidsnotitie met een oud-collega bij een adviesbureau delen?',
    ],
  },
  {
    name: 'a couple’s own affairs with nothing of work in it',
    decline: [
      'Mijn vriendin en ik gaan samenwonen. Is een samenlevingscontract slimmer dan trouwen?',
      'My husband and I want to buy a house together, what should we arrange first?',
    ],
    answer: [
      'Mijn partner en ik werken allebei op de afdeling Financiën. Is dat een probleem?',
      'Mijn man en ik verhuren een kamer via Airbnb. Is dat een nevenfunctie?',
      'My wife and I own shares in a construction company that bids on our tenders.',
      'Mijn vriend en ik starten samen een bedrijfje. Moet ik dat melden?',
    ],
  },
  {
    name: 'ideas or a budget for a treat the team gives its own colleagues',
    decline: [
      'We willen een attentie voor het team na de verhuizing, ideeën tot een euro of 5 per persoon?',
      'Any ideas for a treat for the team after the audit? Budget about 8 euros each.',
    ],
    answer: [
      'Een leverancier wil een attentie voor het team sturen, mag dat?',
      'De aannemer biedt een traktatie voor het team aan na de oplevering. Mogen we dat aannemen?',
    ],
  },
];

describeScopeShapes('everyday errands and advice that borrow integrity words are declined, the near misses answered', shapes);
