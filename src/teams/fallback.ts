import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { languageOf, localize, type Language, type Localized } from '../i18n/index.js';
import { errorFields, type Logger } from '../logging/logger.js';
import { isDatabaseUnavailable } from '../storage/database.js';
import { identityOf, MAX_MESSAGE_TEXT_LENGTH, type InboundActivity } from './inbound.js';

/**
 * The answers of last resort, so a user always reads what happened and what to do: an invoke
 * (a card button) that no handler answered or whose handler failed, a message whose turn failed,
 * a message too long to route. Teams shows a bare "something went wrong" for an invoke answered
 * with an error status or no body, so every invoke gets a 200 with text here.
 */
export const fallbackTexts = {
  unknownAction: {
    nl: 'Deze knop of actie ken ik niet (meer); misschien is de kaart verouderd. Er is niets veranderd. Typ "help" om opnieuw te beginnen.',
    en: 'I do not know this button or action (any more); the card may be out of date. Nothing has changed. Type "help" to start again.',
  },
  actionFailed: {
    nl: 'Er ging aan mijn kant iets mis bij deze actie. Er is niets veranderd; probeer het zo opnieuw.',
    en: 'Something went wrong on my side with this action. Nothing has changed; please try again in a moment.',
  },
  /** The database is out of reach: the card stays as it is, with what the user filled in. */
  actionNotSaved: {
    nl: 'Dit kan nu niet worden opgeslagen, probeer het zo opnieuw. Er is niets verloren: wat je hebt ingevuld staat nog in het formulier.',
    en: 'This cannot be saved right now, please try again shortly. Nothing is lost: what you filled in is still in the form.',
  },
  messageFailed: {
    nl: 'Sorry, er ging aan mijn kant iets mis. Je bericht is niet verloren; probeer het zo nog eens.',
    en: 'Sorry, something went wrong on my side. Your message was not lost; please try again in a moment.',
  },
  messageNotSaved: {
    nl: 'Ik kan je bericht nu niet verwerken omdat de opslag even niet bereikbaar is. Probeer het zo opnieuw.',
    en: 'I cannot process your message right now because storage is briefly unavailable. Please try again shortly.',
  },
  messageTooLong: {
    nl: `Je bericht is te lang om te verwerken (meer dan ${MAX_MESSAGE_TEXT_LENGTH.toLocaleString('nl-NL')} tekens). Stel een korte vraag of typ "help".`,
    en: `Your message is too long to process (more than ${MAX_MESSAGE_TEXT_LENGTH.toLocaleString('en-GB')} characters). Ask a short question or type "help".`,
  },
} satisfies Record<string, Localized>;

const MESSAGE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';

/** The invoke response body that shows `text` for each kind of invoke Teams sends. */
export function invokeMessageBody(invokeName: string | undefined, text: string): Record<string, unknown> {
  if (invokeName === 'task/fetch' || invokeName === 'task/submit') return { task: { type: 'message', value: text } };
  if (invokeName?.startsWith('composeExtension/')) return { composeExtension: { type: 'message', text } };
  // adaptiveCard/action and everything else: Universal Actions' message response.
  return { statusCode: 200, type: MESSAGE_RESPONSE_TYPE, value: text };
}

export function languageOfTurn(context: TurnContext): Language {
  return languageOf(identityOf(context).locale);
}

async function answerInvoke(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: invokeMessageBody(context.activity.name, text) } });
}

export function invokeAnswered(context: TurnContext): boolean {
  return Boolean(context.turnState.get(INVOKE_RESPONSE_KEY));
}

/**
 * After the handlers ran: an invoke none of them answered gets a 200 saying so, and an answer
 * without a body (teams-ai's feedback route) gets the empty object Teams expects instead of nothing.
 */
export async function answerUnhandledInvoke(context: TurnContext, logger: Logger): Promise<void> {
  if (context.activity.type !== ActivityTypes.Invoke) return;
  const answered = context.turnState.get(INVOKE_RESPONSE_KEY) as { value?: { status?: number; body?: unknown } } | undefined;
  if (answered) {
    if (answered.value && answered.value.body === undefined) answered.value.body = {};
    return;
  }
  logger.info({ event: 'invoke.unhandled' }, 'invoke without a handler answered with a message');
  await answerInvoke(context, localize(fallbackTexts.unknownAction, languageOfTurn(context)));
}

export async function answerTooLong(context: TurnContext): Promise<void> {
  await context.sendActivity(localize(fallbackTexts.messageTooLong, languageOfTurn(context)));
}

/**
 * A turn failed: log the error's class and frames (never its message, which can quote input)
 * and tell the user. Never throws: the HTTP answer must not become an error because the apology
 * could not be delivered either.
 */
export async function answerFailedTurn(context: TurnContext, error: unknown, logger: Logger): Promise<void> {
  const unavailable = isDatabaseUnavailable(error);
  logger.error({ event: unavailable ? 'turn.database_unavailable' : 'turn.error', err: errorFields(error) }, 'turn failed');
  const lang = languageOfTurn(context);
  if (context.activity.type !== ActivityTypes.Invoke && isChannelUnreachable(error)) {
    // The reply itself could not be delivered: an apology would only wait for the same retries.
    return;
  }
  try {
    if (context.activity.type === ActivityTypes.Invoke) {
      if (!invokeAnswered(context)) await answerInvoke(context, localize(unavailable ? fallbackTexts.actionNotSaved : fallbackTexts.actionFailed, lang));
    } else if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity(localize(unavailable ? fallbackTexts.messageNotSaved : fallbackTexts.messageFailed, lang));
    }
  } catch (deliveryError) {
    logger.warn({ event: 'turn.error_reply_failed', err: errorFields(deliveryError) }, 'could not tell the user about the failure');
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'REQUEST_SEND_ERROR']);

/** A failure of the Bot Connector call itself (botbuilder's REST client): the channel cannot be reached. */
function isChannelUnreachable(error: unknown): boolean {
  const candidate = error as { name?: unknown; code?: unknown; statusCode?: unknown };
  if (candidate?.name !== 'RestError') return false;
  return (typeof candidate.code === 'string' && NETWORK_CODES.has(candidate.code)) || (typeof candidate.statusCode === 'number' && candidate.statusCode >= 500);
}

/** Only for logs: the activity type as one of the known names, never a 40-character invention. */
export function activityTypeForLog(activity: Pick<InboundActivity, 'type'>): string {
  return (Object.values(ActivityTypes) as string[]).includes(activity.type) ? activity.type : 'other';
}
