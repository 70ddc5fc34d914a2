import type { Activity, Attachment } from 'botbuilder';
import type { AnswerTopic, KnowledgeAnswer, Lang } from './types.js';

/** What the bot routes on when someone presses the next-step button. */
export type NextStepAction = 'gift.start' | 'sidejob.start' | 'report.start';

const NEXT_STEPS: Record<AnswerTopic, { action: NextStepAction; prompt: Record<Lang, string>; button: Record<Lang, string> }> = {
  gifts: {
    action: 'gift.start',
    prompt: { nl: 'Heb je een geschenk of uitnodiging gekregen? Je kunt het hier melden.', en: 'Did you receive a gift or an invitation? You can report it here.' },
    button: { nl: 'Geschenk of uitnodiging melden', en: 'Report a gift or invitation' },
  },
  sidejobs: {
    action: 'sidejob.start',
    prompt: { nl: 'Wil je nevenwerkzaamheden melden? Dat kan hier.', en: 'Do you want to report a side job? You can do that here.' },
    button: { nl: 'Nevenwerkzaamheden melden', en: 'Report a side job' },
  },
  reporting: {
    action: 'report.start',
    prompt: {
      nl: 'Wil je een vermoeden van een misstand melden? Dat kan hier, vertrouwelijk.',
      en: 'Do you want to report suspected wrongdoing? You can do that here, confidentially.',
    },
    button: { nl: 'Vermoeden van een misstand melden', en: 'Report suspected wrongdoing' },
  },
};

/** Teams' limits for citation entities. */
const MAX_CITATIONS = 20;
const MAX_NAME = 80;
const MAX_ABSTRACT = 160;
const MAX_KEYWORD = 28;

export interface CitationEntity {
  type: 'https://schema.org/Message';
  '@type': 'Message';
  '@context': 'https://schema.org';
  '@id': '';
  additionalType?: ['AIGeneratedContent'];
  citation: {
    '@type': 'Claim';
    position: number;
    appearance: { '@type': 'DigitalDocument'; name: string; abstract: string; keywords?: string[] };
  }[];
}

/**
 * The Teams message for an answer: the text with its [n] markers, the citation entity Teams
 * renders them from (labelled AI-generated only when a language model wrote the text), the
 * feedback buttons, and for gift, side-job and reporting questions a button for the next step.
 */
export function toAnswerActivity(answer: KnowledgeAnswer, lang: Lang): Partial<Activity> {
  const entity: CitationEntity = {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    citation: answer.citations.slice(0, MAX_CITATIONS).map((citation, index) => ({
      '@type': 'Claim',
      position: index + 1,
      appearance: {
        '@type': 'DigitalDocument',
        name: truncate(`${citation.section} – ${citation.title}`, MAX_NAME),
        abstract: truncate(citation.quote.replace(/\s+/g, ' '), MAX_ABSTRACT),
        keywords: [truncate(citation.section, MAX_KEYWORD)],
      },
    })),
  };
  if (answer.mode === 'llm') entity.additionalType = ['AIGeneratedContent'];
  const activity: Partial<Activity> = {
    type: 'message',
    // Teams reads message text as Markdown, where a single line break is not shown.
    text: answer.answer.replace(/\n/g, '\n\n').replace(/\n{3,}/g, '\n\n'),
    textFormat: 'markdown',
    entities: [entity as unknown as NonNullable<Activity['entities']>[number]],
    channelData: { feedbackLoop: { type: 'default' } },
  };
  if (answer.topic && !answer.outOfScope) activity.attachments = [nextStepCard(answer.topic, lang)];
  return activity;
}

function nextStepCard(topic: AnswerTopic, lang: Lang): Attachment {
  const step = NEXT_STEPS[topic];
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [{ type: 'TextBlock', text: step.prompt[lang], wrap: true }],
      actions: [{ type: 'Action.Submit', title: step.button[lang], data: { verb: step.action } }],
    },
  };
}

function truncate(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  return `${clean.slice(0, max - 1).trimEnd()}…`;
}
