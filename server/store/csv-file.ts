import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Quotes a value for a CSV cell: nulls become empty cells, quotes are doubled. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes rows to a CSV file with a header row, streaming so large tables stay cheap. */
export async function writeCsvFile(
  path: string,
  columns: readonly string[],
  rows: Iterable<object>,
): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (line: string) => {
    if (!out.write(line + '\n')) await once(out, 'drain');
  };
  await write(columns.join(','));
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    await write(columns.map((c) => cell(values[c])).join(','));
  }
  out.end();
  await once(out, 'finish');
}
