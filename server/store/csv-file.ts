import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Quotes a value for a CSV cell: nulls become empty cells, quotes are doubled. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Lines are written in chunks of about this many characters: a write per line costs seconds. */
const CHUNK = 1 << 20;

/** Writes rows to a CSV file with a header row, streaming so large tables stay cheap. */
export async function writeCsvFile(
  path: string,
  columns: readonly string[],
  rows: Iterable<object>,
): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let chunk = columns.join(',') + '\n';
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    chunk += columns.map((c) => cell(values[c])).join(',') + '\n';
    if (chunk.length >= CHUNK) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
}
