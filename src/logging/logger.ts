import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Privacy rule for every caller: log ids, counts, states and durations,
 * never message text, card inputs, names or e-mail addresses. The redact list is a safety net
 * for mistakes, not the mechanism.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'integriteitsassistent' },
      redact: {
        paths: [
          'text',
          '*.text',
          'value',
          '*.value',
          'name',
          '*.name',
          'upn',
          '*.upn',
          'email',
          '*.email',
          'from.name',
          'recipient.name',
          'req.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
