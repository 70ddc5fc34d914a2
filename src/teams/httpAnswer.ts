import type { InboundParse } from './inbound.js';

/** What `POST /api/messages` answers: a status and a JSON body. */
export interface HttpAnswer {
  status: number;
  body?: unknown;
}

/** The Bot Framework's error shape; every text is fixed here, never an exception's message. */
function errorBody(code: string, message: string, extra: Record<string, unknown> = {}): { error: Record<string, unknown> } {
  return { error: { code, message, ...extra } };
}

export const httpErrors = {
  malformed: (fields: string[]) =>
    errorBody('BadRequest', 'Ongeldige activity: dit bericht volgt het Bot Framework-formaat niet en is niet verwerkt. / Invalid activity: not processed.', { fields }),
  serviceUrlNotAllowed: () =>
    errorBody('Forbidden', 'Deze serviceUrl is geen toegestane Teams- of Bot Framework-dienst; het bericht is niet verwerkt. / This serviceUrl is not an allowed Teams or Bot Framework service.'),
  notJson: () => errorBody('UnsupportedMediaType', 'Verwacht een JSON-body (content-type: application/json). / Expected a JSON body.'),
  invalidJson: () => errorBody('BadRequest', 'De body is geen geldige JSON. / The body is not valid JSON.'),
  tooLarge: (limit: number) => errorBody('PayloadTooLarge', `De body is groter dan ${limit} bytes. / The body is larger than ${limit} bytes.`),
  unauthorized: () => errorBody('Unauthorized', 'Niet geautoriseerd: het token van dit verzoek kon niet worden gevalideerd. / Unauthorized.'),
  internal: () => errorBody('InternalError', 'Er ging aan de kant van de bot iets mis; probeer het opnieuw. / Internal error; please retry.'),
  busy: () => errorBody('ServiceUnavailable', 'De bot heeft het nu te druk; probeer het zo opnieuw. / Too busy right now; please retry.'),
  shuttingDown: () => errorBody('ServiceUnavailable', 'De bot wordt afgesloten; probeer het zo opnieuw. / Shutting down; please retry.'),
};

export function refusal(parsed: Extract<InboundParse, { ok: false }>): HttpAnswer {
  return parsed.reason === 'service_url_not_allowed'
    ? { status: 403, body: httpErrors.serviceUrlNotAllowed() }
    : { status: 400, body: httpErrors.malformed(parsed.fields) };
}

/**
 * The answer for what the adapter's turn returned (an invoke response, the expectReplies body) or
 * the status it failed with. botbuilder would write an exception's message as the body of a 401
 * or 500; such bodies are replaced by fixed texts before anything reaches the client.
 */
export function adapterAnswer(status: number, body: unknown): HttpAnswer {
  if (status === 401) return { status, body: httpErrors.unauthorized() };
  if (status >= 500) return { status: 500, body: httpErrors.internal() };
  if (status >= 400) return { status, body: httpErrors.malformed([]) };
  // As CloudAdapter writes it: an empty body is no body.
  return body ? { status, body } : { status };
}
