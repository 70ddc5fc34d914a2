import { describe, expect, it } from 'vitest';
import { ask, itAnswersWithTheirThemes, itDeclines, type ThemedQuestions } from './fixtures/everydayQuestions.js';

/**
 * The less obvious parts of the policies asked in everyday words: where the rules can be read,
 * who to go to first when in doubt, the team's talks about grey areas, whether one's own work is
 * sensitive (a vulnerable job), and a job title that holds an off-topic word ("salarisadministratie"
 * is where someone works, not a question about pay). Relatives by marriage, step- and grandchildren
 * with nothing of work in it are private life. Also: talking to someone in confidence, one's own manager in the
 * wrong, and who imposes a measure. Our own wordings, never copied from an evaluation set.
 */
const answered: ThemedQuestions[] = [
  {
    theme: 'policy_documents',
    questions: [
      'Where can I read what we are and are not allowed to do?',
      'Is there somewhere I can look up the rules myself?',
      'Waar kan ik lezen wat wel en niet mag bij ons?',
      'Ik wil de regels nog eens nalezen, waar zijn die te vinden?',
      'Is er ergens een overzicht van de regels over integriteit?',
    ],
  },
  {
    theme: 'policy_roles',
    questions: [
      'Who is the point of contact for integrity questions in my team?',
      'When in doubt about something at work, which person is the first port of call?',
      'Heeft ons team een vast aanspreekpunt voor dit soort kwesties?',
      'Bespreken we in het team ooit twijfelgevallen met de leidinggevende erbij?',
      'Is er bij ons zoiets als een dilemmasessie of moreel beraad?',
      'Do we ever get to discuss dilemmas with our manager as a team?',
    ],
  },
  {
    theme: 'screening',
    questions: [
      'Heb ik eigenlijk een gevoelige functie, ik zit alleen op de receptie?',
      'Is mijn werk op de archiefafdeling kwetsbaar werk volgens de regels?',
      'Does my job count as a sensitive role, I only answer the phones?',
      'Ik start binnenkort op de salarisadministratie en moet een VOG aanvragen, waarom?',
    ],
  },
  {
    theme: 'contacts',
    questions: [
      'Is there anyone I can speak in confidence to about remarks from my team lead?',
      'Ik wil in vertrouwen praten over mijn teamgenoot, hij kleineert mij voortdurend.',
    ],
  },
  {
    theme: 'reporting',
    questions: [
      'Wat doe ik als mijn eigen leidinggevende degene is die in de fout gaat?',
      'What if it is my own manager who is in the wrong, where do I go then?',
    ],
  },
  {
    theme: 'sanctions',
    questions: [
      'Wie legt de straf op bij iemand die de gedragscode overtreedt?',
      'When someone breaks the code, who imposes the measure in the end?',
    ],
  },
];

const declined: string[] = [
  'Mijn zwager gaat verhuizen, weet jij een goed verhuisbedrijf?',
  'Mijn schoonmoeder wordt 70, welke bloemen passen daarbij?',
  'My sister-in-law is selling her old car, how do I check its value?',
  'Which restaurant is good for dinner with my in-laws this weekend?',
  'Mijn kleindochter zoekt een stage, heb je tips voor haar cv?',
  'Op welke dag staat het salaris op mijn rekening?',
  'Hoe vraag ik een salarisgesprek aan met mijn leidinggevende?',
];

describe('everyday wordings of roles, documents and vulnerable jobs', () => {
  itAnswersWithTheirThemes('werksaam', answered);
  itDeclines('heemskerk', declined);
  // A claim that what a colleague did was in their own time asks whether the rules reach private
  // life; a fact about someone's registration put to the assistant stays a records request.
  for (const question of [
    'Mijn collega stond dronken op een feest te schreeuwen tegen de politie. Ze zegt dat het buiten werktijd was en dus niks uitmaakt. Klopt dat?',
    'My colleague posted racist jokes on Facebook. He says it was his own time, so it does not matter. Is that true?',
  ]) {
    it(`answers the claim of private time in “${question}”`, () => {
      expect(ask('heemskerk', question).outOfScope).toBe(false);
    });
  }
  for (const question of [
    'My colleague says she got a gift from a supplier in her free time. Can you confirm?',
    'Iemand van het team zegt dat zij in haar vrije tijd een nevenfunctie heeft gemeld. Klopt dat?',
  ]) {
    it(`declines the records request in “${question}”`, () => {
      expect(ask('heemskerk', question).outOfScope).toBe(true);
    });
  }
  it('cites the section on vulnerable jobs when someone asks whether their work is sensitive', () => {
    const answer = ask('werksaam', 'Mijn werk is toch geen gevoelige functie, ik plan alleen afspraken in?');
    expect(answer.citations.slice(0, 3).map((citation) => citation.section)).toContain('§ 3.2.1.2 Kwetsbare functies, handelingen en processen');
  });
  it('cites the college’s role beside enforcement when someone asks who imposes a measure', () => {
    const answer = ask('heemskerk', 'Wie legt de maatregel op als een collega zich misdraagt, mijn teamleider?');
    expect(answer.citations.map((citation) => citation.section)).toContain('Rollen en verantwoordelijkheden › College');
  });
  it('cites the team leader’s tasks when someone asks who to go to first', () => {
    const answer = ask('heemskerk', 'Who is my first point of contact when I am not sure something is allowed?');
    expect(answer.citations.slice(0, 3).map((citation) => citation.section)).toContain('Rollen en verantwoordelijkheden › Management');
  });
});
