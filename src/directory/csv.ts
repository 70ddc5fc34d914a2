/**
 * A small RFC 4180 reader for HR exports. Hand-written rather than a dependency because the
 * import must report the physical line a record starts on, also when quoted values span lines.
 */

export type Delimiter = ';' | ',' | '\t';

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export interface CsvParseResult {
  delimiter: Delimiter;
  records: CsvRecord[];
  /** Set when a quoted value is never closed; records up to that point are still returned. */
  unterminatedQuoteLine?: number;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** AFAS and Excel in a Dutch locale write `;`, most other tools `,`: whichever the header uses most wins. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as Delimiter] += 1;
  }
  let best: Delimiter = ',';
  for (const candidate of [';', '\t'] as const) {
    if (counts[candidate] > counts[best]) best = candidate;
  }
  return best;
}

export function parseCsv(input: string): CsvParseResult {
  const text = stripBom(input);
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteStartLine = 0;
  let i = 0;

  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };

  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line += 1;
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && field.trim() === '') {
      // Whitespace before an opening quote is dropped so `a; "b"` reads as b.
      field = '';
      quoted = true;
      quoteStartLine = line;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
    i += 1;
  }
  if (quoted) return { delimiter, records, unterminatedQuoteLine: quoteStartLine };
  if (field !== '' || fields.length > 0) endRecord();
  return { delimiter, records };
}
