import { describe } from 'vitest';
import { itAnswersWithTheirThemes, itDeclines, type ThemedQuestions } from './fixtures/everydayQuestions.js';

/**
 * Situations told in everyday words, without the policy's terms: money slipped across the counter to
 * be helped sooner, a thank-you for a supplier, fear of what speaking up costs, a route outside the
 * organisation, what may happen to a colleague who cheats on hours, news one knows before it is out,
 * a candidate one knows privately, jokes about where a colleague comes from, a colleague who keeps quiet about damage. Each must be answered, with
 * the theme that governs it; the near misses with the same everyday words stay declined. Our own
 * wordings, never copied from an evaluation set.
 */
const answered: ThemedQuestions[] = [
  {
    theme: 'gifts',
    questions: [
      'Een meneer schoof een briefje van twintig over de balie zodat zijn rijbewijs sneller klaar zou zijn. Mag zoiets?',
      'Een oude dame stak me na het huisbezoek een envelop met 50 euro toe, wat doe ik daarmee?',
      'A man at the desk slipped me a tenner so his application would go quicker. What now?',
      'Can I pay a little extra so our supplier delivers sooner, or is that a problem?',
      'We want to send the cleaning firm something as a thank-you for this year, how much is fine?',
    ],
  },
  {
    theme: 'reporting',
    questions: [
      'Als ik aankaart dat mijn afdelingshoofd offertes van zijn neef voortrekt, wordt dat dan tegen me gebruikt?',
      'I am scared it will be used against me if I say my team lead fiddles the books. Am I protected?',
      'Can I go to someone outside the organisation instead of my own manager with what I saw in procurement?',
      'Een collega heeft de werkbus beschadigd en zegt er niks over. Moet ik dat doorgeven?',
    ],
  },
  {
    theme: 'sanctions',
    questions: [
      'A teammate keeps logging more hours than he works. What happens to him if it comes out?',
      'Mijn collega schrijft al maanden te veel kilometers op. Wat staat hem te wachten als het uitkomt?',
    ],
  },
  {
    theme: 'financial_interests',
    questions: ['I heard where the new business park will be before it is announced; may I buy a plot near it?'],
  },
  {
    theme: 'confidentiality',
    questions: [
      'Op het werk is besloten dat niemand het mag weten. Mag ik het thuis vertellen aan mijn man?',
      'We were told to keep the merger under wraps. What am I allowed to say to friends?',
    ],
  },
  {
    theme: 'unwanted_behaviour',
    questions: [
      'Two guys in my unit keep poking fun at how the new intern talks and where his parents are from. What should I do?',
      'In de teamapp worden steeds grappen gemaakt over waar een collega vandaan komt. Wat wordt er van mij verwacht?',
    ],
  },
  {
    theme: 'relationships',
    questions: [
      'Next week I interview an applicant I know from my tennis club. Any tips?',
      'Die sollicitant ken ik van de hockeyclub, moet ik uit de commissie stappen?',
    ],
  },
];

const declined: string[] = [
  'Kun je een vriendelijke mail opstellen om mijn team te bedanken voor de extra uren?',
  'Waar kan ik rond het stadhuis snel een broodje halen?',
  'Gaat de aanvraag van een paspoort sneller als ik het online doe?',
];

describe('everyday wordings of integrity situations', () => {
  itAnswersWithTheirThemes('velsen', answered);
  itDeclines('velsen', declined);
});
