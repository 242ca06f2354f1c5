/**
 * Minimal RFC 4180 CSV reader for operator-supplied files (hardware token seed lists).
 * Reports malformed records instead of throwing so one bad row cannot hide the rest.
 */

export type CsvRecord =
  | { line: number; fields: string[] }
  | { line: number; error: string };

/**
 * Splits `text` into records. Handles a UTF-8 BOM, CRLF/LF/CR line ends, quoted fields
 * containing commas, quotes (`""`) and newlines, and whitespace around quoted fields.
 * `line` is the 1-based physical line where the record starts. Blank (or whitespace-only)
 * lines are skipped.
 * Unquoted fields are returned verbatim (not trimmed) — trimming is the caller's policy.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let wasQuoted = false; // current field opened with a quote
  let afterQuote = false; // closing quote seen; only whitespace may follow before a delimiter
  let error: string | null = null;
  let line = 1;
  let recordLine = 1;

  const endField = (): void => {
    fields.push(field);
    field = '';
    wasQuoted = false;
    afterQuote = false;
  };
  const endRecord = (): void => {
    const blank = fields.length === 0 && field.trim() === '' && !wasQuoted;
    if (error !== null) records.push({ line: recordLine, error });
    else if (!blank) {
      endField();
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    wasQuoted = false;
    afterQuote = false;
    error = null;
  };

  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (inQuotes) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        inQuotes = false;
        afterQuote = true;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === ',') {
      endField();
    } else if (ch === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else if (ch === '"') {
      // Only a field that is empty so far (bar leading blanks) may open a quote.
      if (!wasQuoted && field.trim() === '') {
        field = '';
        inQuotes = true;
        wasQuoted = true;
      } else {
        error ??= 'unexpected quote inside a field (quote the whole field and double inner quotes)';
      }
    } else if (afterQuote) {
      if (ch !== ' ' && ch !== '\t') error ??= 'unexpected text after a closing quote';
    } else {
      field += ch;
    }
  }
  if (inQuotes) {
    records.push({ line: recordLine, error: 'unterminated quoted field (the rest of the file was read into it)' });
  } else {
    endRecord();
  }
  return records;
}
