import type { Landscape, PropertyValue } from '../model/landscape.ts';
import { CSV_KINDS, type CsvKind } from '../import/csv-format.ts';

/** Quotes a cell when it holds the delimiter, a quote or a line break. */
function cell(value: PropertyValue | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Outgoing ids per `TYPE>From>To` and from-id, for the relationship columns. */
function outgoingIndex(landscape: Landscape): Map<string, Map<string, string[]>> {
  const index = new Map<string, Map<string, string[]>>();
  for (const [type, rows] of landscape.relationships) {
    for (const r of rows) {
      const key = `${type}>${r.fromLabel}>${r.toLabel}`;
      let byFrom = index.get(key);
      if (!byFrom) index.set(key, (byFrom = new Map<string, string[]>()));
      const list = byFrom.get(r.from);
      if (list) list.push(r.to);
      else byFrom.set(r.from, [r.to]);
    }
  }
  return index;
}

/**
 * One canonical CSV file: UTF-8, comma-separated, a header of the canonical column names, ISO
 * dates, lists of ids separated by `;`. Exactly what the importer reads back unchanged.
 */
export function writeCanonicalCsv(
  kind: CsvKind,
  landscape: Landscape,
  index = outgoingIndex(landscape),
): string {
  const rows = landscape.nodes.get(kind.label) ?? [];
  const lines: string[] = [kind.columns.map((c) => c.name).join(',')];
  const lookups = kind.columns.map((c) =>
    c.kind === 'relationship'
      ? index.get(`${c.field.type}>${c.field.owner}>${c.field.target}`)
      : undefined,
  );
  for (const row of rows) {
    const cells = kind.columns.map((column, i) => {
      if (column.kind === 'property') return cell(row[column.property.name]);
      return cell(lookups[i]?.get(row.id)?.join(';') ?? null);
    });
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

/** Every non-empty kind of a landscape as canonical CSV: file name → content. */
export function writeCanonicalCsvFiles(landscape: Landscape): Map<string, string> {
  const index = outgoingIndex(landscape);
  const files = new Map<string, string>();
  for (const kind of CSV_KINDS) {
    if ((landscape.nodes.get(kind.label)?.length ?? 0) === 0) continue;
    files.set(kind.file, writeCanonicalCsv(kind, landscape, index));
  }
  return files;
}
