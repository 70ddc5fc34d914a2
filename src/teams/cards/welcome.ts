import type { Language } from '../../i18n/index.js';
import { adaptiveCard, taskButton, type AdaptiveCard, type CardAction, type CardElement } from '../../cards/adaptiveCard.js';
import { recordVerbs } from '../../workflow/index.js';

/** The main tasks, in the order the manifest's command list shows them. */
export const taskVerbs = {
  question: 'question.start',
  gift: 'gift.start',
  sideJob: 'sidejob.start',
  report: 'report.start',
  myRecords: 'records.mine',
  help: 'help.show',
} as const;

const taskTitles: Record<keyof typeof taskVerbs, Record<Language, string>> = {
  question: { nl: 'Vraag stellen', en: 'Ask a question' },
  gift: { nl: 'Cadeau melden', en: 'Report a gift' },
  sideJob: { nl: 'Nevenwerkzaamheid melden', en: 'Report a side job' },
  report: { nl: 'Melding doen', en: 'Make a report' },
  myRecords: { nl: 'Mijn meldingen', en: 'My notifications' },
  help: { nl: 'Help', en: 'Help' },
};

function taskButtons(lang: Language, tasks: (keyof typeof taskVerbs)[]): CardAction[] {
  return tasks.map((task) => taskButton(taskTitles[task][lang], taskVerbs[task]));
}

/** What waits for the person (decisions, advice): said first, with the button that lists it. */
function awaitingBlock(count: number, lang: Language): { body: CardElement[]; actions: CardAction[] } {
  if (count <= 0) return { body: [], actions: [] };
  const nl = lang === 'nl';
  const text = nl
    ? count === 1 ? 'Er wacht 1 melding op jouw besluit of advies.' : `Er wachten ${count} meldingen op jouw besluit of advies.`
    : count === 1 ? '1 notification is waiting for your decision or advice.' : `${count} notifications are waiting for your decision or advice.`;
  return {
    body: [{ type: 'TextBlock', id: 'awaiting', text, wrap: true, weight: 'Bolder', color: 'Attention' }],
    actions: [{ type: 'Action.Submit', title: nl ? `Wacht op mij (${count})` : `Waiting for me (${count})`, data: { verb: recordVerbs.awaiting }, style: 'positive' }],
  };
}

export function welcomeCard(lang: Language, organisationName: string | undefined, awaiting = 0): AdaptiveCard {
  const nl = lang === 'nl';
  const who = organisationName ? (nl ? ` van ${organisationName}` : ` for ${organisationName}`) : '';
  const waiting = awaitingBlock(awaiting, lang);
  return adaptiveCard(
    [
      { type: 'TextBlock', text: nl ? `Welkom bij de Integriteitsassistent${who}` : `Welcome to the Integrity Assistant${who}`, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      ...waiting.body,
      {
        type: 'TextBlock',
        wrap: true,
        text: nl
          ? 'Ik beantwoord je vragen over integriteit met de regels van je eigen organisatie, met bronvermelding. Ik help je een cadeau of nevenwerkzaamheid te melden, en ik breng een melding van een vermoeden van een misstand of ongewenst gedrag vertrouwelijk bij de juiste persoon.'
          : 'I answer your integrity questions from your own organisation’s rules, with sources. I help you report a gift or a side job, and I bring a report of suspected wrongdoing or unwanted behaviour confidentially to the right person.',
      },
      {
        type: 'TextBlock',
        wrap: true,
        isSubtle: true,
        text: nl ? 'Typ gewoon je vraag, bijvoorbeeld: "Mag ik een kerstpakket van een leverancier houden?"' : 'Just type your question, for example: "May I keep a Christmas hamper from a supplier?"',
      },
    ],
    [...waiting.actions, ...taskButtons(lang, ['question', 'gift', 'sideJob', 'report', 'myRecords', 'help'])],
  );
}

export function helpCard(lang: Language, awaiting = 0): AdaptiveCard {
  const nl = lang === 'nl';
  const waiting = awaitingBlock(awaiting, lang);
  const line = (command: string, nlText: string, enText: string) => `- **${command}**: ${nl ? nlText : enText}`;
  return adaptiveCard(
    [
      { type: 'TextBlock', text: nl ? 'Wat kan ik voor je doen?' : 'What can I do for you?', weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      ...waiting.body,
      {
        type: 'TextBlock',
        wrap: true,
        text: [
          line(nl ? 'vraag stellen' : 'ask a question', 'typ een vraag over integriteit; ik antwoord met de artikelen uit jullie beleid.', 'type a question about integrity; I answer with the articles of your policy.'),
          line('cadeau melden', 'meld een geschenk, uitnodiging of gunst; je krijgt direct advies en je leidinggevende beslist.', 'report a gift, invitation or favour; you get advice at once and your manager decides.'),
          line('nevenwerkzaamheid melden', 'meld een nevenfunctie of bijbaan; je krijgt direct een eerste beoordeling en ziet wie beslist.', 'report a side job; you get a first assessment at once and see who decides.'),
          line('financieel belang melden', 'voor aangewezen functies: meld een financieel belang.', 'for designated positions: report a financial interest.'),
          line('melding doen', 'meld vertrouwelijk een vermoeden van een misstand of ongewenst gedrag.', 'confidentially report suspected wrongdoing or unwanted behaviour.'),
          line('mijn meldingen', 'bekijk je meldingen en hun status.', 'see your notifications and their status.'),
          line('openstaand', 'voor leidinggevenden: wat wacht op jouw besluit.', 'for managers: what awaits your decision.'),
          line(nl ? 'cadeauregister, register nevenwerkzaamheden, register financiële belangen' : 'gift register, side-job register, financial interests register', 'voor P&O en de integriteitscoördinator: de registers van je organisatie.', 'for HR and the integrity coordinator: your organisation’s registers.'),
        ].join('\n'),
      },
      {
        type: 'TextBlock',
        wrap: true,
        isSubtle: true,
        text: nl
          ? 'Je berichten worden niet gelogd. Meldingen zijn alleen zichtbaar voor wie ze moet behandelen.'
          : 'Your messages are not logged. Reports are visible only to the people who handle them.',
      },
    ],
    [...waiting.actions, ...taskButtons(lang, ['question', 'gift', 'sideJob', 'report', 'myRecords'])],
  );
}

export function organisationChoiceCard(lang: Language, organisations: { id: string; name: string }[]): AdaptiveCard {
  const nl = lang === 'nl';
  return adaptiveCard(
    [
      {
        type: 'TextBlock',
        wrap: true,
        text: nl
          ? 'Ik weet nog niet bij welke organisatie je werkt. Kies je organisatie, dan gebruik ik voortaan haar regels.'
          : 'I do not know yet which organisation you work for. Choose it and I will use its rules from now on.',
      },
    ],
    organisations.map((org) => taskButton(org.name, 'organisation.choose', { orgId: org.id })),
  );
}
