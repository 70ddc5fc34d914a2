import { CardFactory, type Activity, type Attachment } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/adaptiveCard.js';
import type { MessageContent } from '../../delivery/types.js';

export function cardAttachment(card: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(card);
}

/** The Bot Framework activity for a domain message. */
export function messageActivity(content: MessageContent): Partial<Activity> {
  if (content.kind === 'text') return { type: 'message', text: content.text };
  return { type: 'message', ...(content.text ? { text: content.text } : {}), attachments: [cardAttachment(content.card)] };
}
