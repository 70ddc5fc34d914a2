/**
 * Control characters in user text. C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F) carry no
 * meaning in a notification, but stored and later printed they can drive an administrator's
 * terminal (ANSI escape sequences, BEL, cursor movement). So every text input is cleaned where it
 * enters (the Teams edge, the CSV import), and command-line output escapes whatever remains.
 */

// Every pattern here is a single character class: linear on any input.
const CONTROLS_EXCEPT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const LINE_BREAKS = /\r\n?/g;
const SINGLE_LINE_BREAKERS = /[\n\t]/g;
const ALL_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export interface StripOptions {
  /** Keep newlines and tabs (multi-line fields, chat messages); otherwise they become spaces. */
  multiline: boolean;
}

/** Removes control characters; Windows and old Mac line breaks become `\n`. */
export function stripControls(text: string, options: StripOptions): string {
  const kept = text.replace(LINE_BREAKS, '\n').replace(CONTROLS_EXCEPT_NEWLINE_AND_TAB, '');
  return options.multiline ? kept : kept.replace(SINGLE_LINE_BREAKERS, ' ');
}

export function hasControls(text: string): boolean {
  return ANY_CONTROL.test(text);
}

/**
 * For terminal output: every control character, newline and tab included, is shown as a visible
 * escape (`\n`, `\t`, `\u001b`), so a value can neither run commands in the terminal nor break
 * the layout of a table.
 */
export function escapeControls(text: string): string {
  return text.replace(ALL_CONTROLS, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\t') return '\\t';
    if (char === '\r') return '\\r';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * JSON.stringify escapes C0 but not DEL or C1 characters; this escapes those too, keeping the
 * result valid JSON that parses back to the same value.
 */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
