/**
 * Reads CSV text as the embedded database writes it (RFC 4180: fields with commas, quotes or line
 * breaks are quoted, quotes doubled) and calls `onRow` per record. An unquoted empty field is
 * null, a quoted empty field `""` is the empty string: that is how Kùzu tells them apart.
 *
 * Lines without a quote, nearly all of them, take a split-based fast path: the index build reads
 * about a million rows this way at start-up.
 */
export function parseCsvRows(text: string, onRow: (fields: (string | null)[]) => void): void {
  let i = 0;
  const end = text.length;
  // Where the next quote is, found once and kept while lines pass it: searching from every line
  // would scan to the end of a quote-free file each time.
  let quote = text.indexOf('"');
  while (i < end) {
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd === -1) lineEnd = end;
    if (quote !== -1 && quote < i) quote = text.indexOf('"', i);
    if (quote === -1 || quote > lineEnd) {
      const line =
        text.charCodeAt(lineEnd - 1) === 13 ? text.slice(i, lineEnd - 1) : text.slice(i, lineEnd);
      onRow(line.split(',').map((f) => (f === '' ? null : f)));
      i = lineEnd + 1;
      continue;
    }
    i = parseQuotedRecord(text, i, onRow);
  }
}

/** The careful path for a record with quotes; returns where the next record starts. */
function parseQuotedRecord(
  text: string,
  start: number,
  onRow: (fields: (string | null)[]) => void,
): number {
  const fields: (string | null)[] = [];
  let i = start;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) throw new Error(`Unterminated quoted field at offset ${i}`);
        value += text.slice(from, close);
        if (text[close + 1] === '"') {
          value += '"';
          from = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      fields.push(value);
    } else {
      let stop = i;
      while (
        stop < text.length &&
        text[stop] !== ',' &&
        text[stop] !== '\n' &&
        text[stop] !== '\r'
      ) {
        stop++;
      }
      fields.push(stop === i ? null : text.slice(i, stop));
      i = stop;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r') i++;
    onRow(fields);
    return i + 1;
  }
}
