import { adaptiveCard, type AdaptiveCard, type CardElement } from '../cards/adaptiveCard.js';
import type { Language, Organisation } from '../directory/types.js';
import { localize } from '../i18n/index.js';
import { formatDay as day } from '../i18n/format.js';
import { sourceFor, type Dilemma } from './dilemmas.js';
import { meetingVerbs, type MeetingReminder } from './types.js';

export interface MeetingCardView {
  reminder: MeetingReminder;
  dilemma: Dilemma;
  organisation: Organisation;
  managerName: string;
  now: Date;
  /** The quoted rule, when the knowledge base has it. */
  quote?: string;
}


const todayIn = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);

function dilemmaBlocks(view: MeetingCardView, lang: Language): CardElement[] {
  const { dilemma } = view;
  const source = sourceFor(dilemma, view.organisation.id);
  return [
    { type: 'TextBlock', text: localize({ nl: `Dilemma: ${dilemma.title}`, en: `Dilemma: ${dilemma.title}` }, lang), weight: 'Bolder', wrap: true, spacing: 'Medium' },
    { type: 'TextBlock', text: dilemma.situation, wrap: true },
    { type: 'TextBlock', text: dilemma.question, wrap: true, weight: 'Bolder' },
    {
      type: 'Container',
      style: 'emphasis',
      items: [
        { type: 'TextBlock', text: localize({ nl: `Raakt aan: ${source.section}`, en: `Touches on: ${source.section}` }, lang), wrap: true, size: 'Small', weight: 'Bolder' },
        ...(view.quote ? [{ type: 'TextBlock' as const, text: view.quote, wrap: true, size: 'Small' as const }] : []),
      ],
    },
    ...(lang === 'en' ? [{ type: 'TextBlock' as const, text: 'The dilemma is in Dutch, as it is discussed in the team.', isSubtle: true, size: 'Small' as const, wrap: true }] : []),
  ];
}

/** "Zet integriteit op je volgende teamoverleg", with the dilemma and the button to say when it was discussed. */
export function meetingReminderCard(view: MeetingCardView, lang: Language, problem?: string): AdaptiveCard {
  const today = todayIn(view.now);
  const body: CardElement[] = [
    { type: 'TextBlock', text: localize({ nl: 'Zet integriteit op je volgende teamoverleg', en: 'Put integrity on your next team meeting' }, lang), weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
    {
      type: 'TextBlock',
      wrap: true,
      text: localize(
        {
          nl: `Beste ${view.managerName}, ${view.organisation.answerName.nl} vraagt leidinggevenden integriteit regelmatig in het werkoverleg te bespreken. Hieronder staat een dilemma om het gesprek mee te openen: er is niet één goed antwoord, het gaat om het gesprek.`,
          en: `Dear ${view.managerName}, ${view.organisation.answerName.en} asks managers to discuss integrity regularly in their team meetings. Below is a dilemma to open the conversation: there is no single right answer, the conversation is what counts.`,
        },
        lang,
      ),
    },
    ...dilemmaBlocks(view, lang),
  ];
  if (problem) body.push({ type: 'TextBlock', id: 'discussedError', text: problem, wrap: true, color: 'Attention', weight: 'Bolder' });
  body.push({ type: 'Input.Date', id: 'discussedOn', label: localize({ nl: 'Besproken op', en: 'Discussed on' }, lang), value: today, max: today, isRequired: true, errorMessage: localize({ nl: 'Kies de datum van het overleg.', en: 'Choose the date of the meeting.' }, lang) });
  return adaptiveCard(body, [
    { type: 'Action.Execute', title: localize({ nl: 'Besproken op deze datum', en: 'Discussed on this date' }, lang), verb: meetingVerbs.discussed, data: { meetingId: view.reminder._id }, style: 'positive' },
  ]);
}

/** The same card once the manager said when: the date, thanks, no button. */
export function meetingDiscussedCard(view: MeetingCardView, lang: Language): AdaptiveCard {
  const on = view.reminder.discussedOn ? day(view.reminder.discussedOn, lang) : '';
  return adaptiveCard([
    { type: 'TextBlock', text: localize({ nl: 'Integriteit in het teamoverleg', en: 'Integrity in the team meeting' }, lang), weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
    { type: 'TextBlock', id: 'discussed', text: localize({ nl: `Besproken op ${on}. Dank je wel; P&O ziet het in het weekoverzicht.`, en: `Discussed on ${on}. Thank you; HR sees it in the weekly digest.` }, lang), wrap: true, color: 'Good', weight: 'Bolder' },
    ...dilemmaBlocks(view, lang),
  ]);
}
