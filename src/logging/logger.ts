import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * What may be logged of an error: its class (under a key the `*.name` redaction leaves alone),
 * a driver or HTTP code, and a few stack frames. Never the message: messages quote input
 * (validation errors, driver errors with values, URLs).
 */
const STACK_FRAME = /^at (?:[\w$.<>[\] ]{1,120} \()?(?:file:\/\/|node:|\/)[^()\s]{1,300}\)?$/;

export function errorFields(error: unknown): { errorClass: string; code?: string | number; frames?: string } {
  if (!(error instanceof Error)) return { errorClass: typeof error };
  const errorClass = /^[A-Za-z0-9_$.]{1,80}$/.test(error.name) ? error.name : 'Error';
  const rawCode = (error as { code?: unknown }).code;
  const code = typeof rawCode === 'number' || (typeof rawCode === 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(rawCode)) ? rawCode : undefined;
  // Only lines shaped like frames (function name and a file or node: location) are kept, so a
  // message line that merely starts with "at" cannot slip through.
  const frames = (error.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => STACK_FRAME.test(line))
    .slice(0, 6)
    .join('\n');
  return { errorClass, ...(code !== undefined ? { code } : {}), ...(frames ? { frames } : {}) };
}

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
