import { citedArticles, markdownQuote, type AnswerTopic, type CitedArticle, type KnowledgeAnswer, type Lang } from '../knowledge/index.js';

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

const SHOW_ARTICLES: Record<Lang, string> = { nl: 'Toon de artikelen', en: 'Show the articles' };
const ARTICLES_IN_DUTCH: Record<Lang, string> = { nl: '', en: ' (in Dutch)' };
/** The id of the folded-away container with the full articles. */
export const ARTICLES_ID = 'articles';

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

/** An Adaptive Card as plain JSON (validated in the tests against what Teams renders). */
export interface AnswerCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
}

/**
 * The message for an answer as plain data: a Bot Framework message activity sent as it is.
 * Teams' shapes (citation entities, the feedback loop, the card) live here at the edge; the
 * knowledge domain only produces the `KnowledgeAnswer`.
 */
export interface AnswerMessage {
  type: 'message';
  text: string;
  textFormat: 'markdown';
  entities: (CitationEntity & { type: string })[];
  channelData: { feedbackLoop: { type: 'default' } };
  attachments?: { contentType: 'application/vnd.microsoft.card.adaptive'; content: AnswerCard }[];
}

/**
 * The Teams message for an answer: the text (a short lead, at most two short quotes, the route
 * to a person) with its [n] markers, the citation entity Teams renders them from (labelled
 * AI-generated only when a language model wrote the text), the feedback buttons, and one card
 * with the full articles folded away behind "Toon de artikelen" (Action.ToggleVisibility) and,
 * for gift, side-job and reporting questions, the button for the next step.
 */
export function toAnswerActivity(answer: KnowledgeAnswer, lang: Lang): AnswerMessage {
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
        abstract: truncate(collapseWhitespace(citation.quote, MAX_ABSTRACT), MAX_ABSTRACT),
        keywords: [truncate(citation.section, MAX_KEYWORD)],
      },
    })),
  };
  if (answer.mode === 'llm') entity.additionalType = ['AIGeneratedContent'];
  const message: AnswerMessage = {
    type: 'message',
    // Teams reads message text as Markdown, where a single line break is not shown: every run
    // of line breaks becomes one paragraph break.
    text: answer.answer.replace(/\n+/g, '\n\n'),
    textFormat: 'markdown',
    entities: [entity],
    channelData: { feedbackLoop: { type: 'default' } },
  };
  const card = answerCard(answer, lang);
  if (card) message.attachments = [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }];
  return message;
}

/** The articles toggle and the next step, or nothing for a declined question. */
export function answerCard(answer: KnowledgeAnswer, lang: Lang): AnswerCard | undefined {
  if (answer.outOfScope) return undefined;
  const body: Record<string, unknown>[] = [];
  const actions: Record<string, unknown>[] = [];
  const articles: CitedArticle[] = answer.articles ?? citedArticles(answer.citations);
  if (articles.length > 0) {
    body.push({
      type: 'Container',
      id: ARTICLES_ID,
      isVisible: false,
      items: articles.flatMap((article, index) => [
        {
          type: 'TextBlock',
          text: `${article.citations.map((n) => `[${n}]`).join('')} ${article.label} – ${article.title}${ARTICLES_IN_DUTCH[lang]}`,
          weight: 'Bolder',
          wrap: true,
          ...(index > 0 ? { separator: true, spacing: 'Medium' } : {}),
        },
        { type: 'TextBlock', text: markdownQuote(article.text), wrap: true },
      ]),
    });
    actions.push({ type: 'Action.ToggleVisibility', title: SHOW_ARTICLES[lang], targetElements: [ARTICLES_ID] });
  }
  if (answer.topic) {
    const step = NEXT_STEPS[answer.topic];
    body.push({ type: 'TextBlock', text: step.prompt[lang], wrap: true });
    actions.push({ type: 'Action.Submit', title: step.button[lang], data: { verb: step.action } });
  }
  if (body.length === 0) return undefined;
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, actions };
}

/**
 * The text with every run of white space as one space, as far as `truncate(…, max)` reads it:
 * a quote can be a whole article, and only its first words become the abstract.
 */
function collapseWhitespace(text: string, max: number): string {
  for (let end = max * 2; ; end *= 2) {
    if (end >= text.length) return text.replace(/\s+/g, ' ');
    const head = text.slice(0, end).replace(/\s+/g, ' ');
    // Longer than max by two after the leading space: the whole text is truncated at the same place.
    if (head.trimStart().length >= max + 2) return head;
  }
}

function truncate(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  return `${clean.slice(0, max - 1).trimEnd()}…`;
}
