import { GRAPH_MODEL, type PropertyDef } from '../model/graph-model.ts';
import type { NodeRecord, PropertyValue } from '../model/landscape.ts';
import type { Label } from '../model/model-types.ts';

/**
 * How `readGraph` moves every node record out of the database at start-up. A driver converts a
 * row of columns value by value (Kùzu: ~0.4 µs a value, plus a Date object per date), which made
 * reading the national landscape's records cost a second; one text per node, read in JavaScript,
 * costs a third of that and leaves far less garbage. The database packs each node as
 *
 *   nulls SEP text(p1) SEP text(p2) ... SEP text(pk)
 *
 * over the label's {@link PackedLayout.texts} in model order, where SEP is {@link PACK_SEPARATOR},
 * `text` is the value as text (strings as they are, dates `YYYY-MM-DD`, integers in decimal,
 * booleans `true`/`True`) and a null is the empty text. An empty text is a null for every type
 * but string; a string property's own bit in `nulls` (a decimal integer; one bit per string
 * property but the id, in order) says whether it is null.
 * Floats would be rounded as text, so they travel beside the text as a list of numbers. A value
 * that contains SEP makes its row split into too many fields; such a row is read again exactly.
 */
export const PACK_SEPARATOR = '\u001f';

/** The most string properties one label may have: the null bits must fit a double exactly. */
const MAX_NULL_BITS = 52;

/** Which properties of a label travel as text and which as numbers. */
export interface PackedLayout {
  /** Every property but the floats, in model order; text field i + 1 of a packed row. */
  readonly texts: readonly PropertyDef[];
  /** Float properties, in model order, as the list of numbers beside each row. */
  readonly floats: readonly PropertyDef[];
  /** Per text property, its bit in the row's null bits (strings but the id), or 0. */
  readonly nullBits: readonly number[];
}

const LAYOUTS = new Map<Label, PackedLayout>();

/** The packed layout of a label, derived from the model. */
export function packedLayout(label: Label): PackedLayout {
  let layout = LAYOUTS.get(label);
  if (layout) return layout;
  const def = GRAPH_MODEL.labels.find((l) => l.name === label);
  if (!def) throw new Error(`Unknown label "${label}"`);
  const texts = def.properties.filter((p) => p.type !== 'float');
  let bit = 0;
  // The id is the key of every store and never null, so it needs no bit.
  const nullBits = texts.map((p) => (p.type === 'string' && p.name !== 'id' ? 2 ** bit++ : 0));
  if (bit > MAX_NULL_BITS) {
    throw new Error(`${label} has ${bit} string properties; a packed row holds ${MAX_NULL_BITS}`);
  }
  layout = { texts, floats: def.properties.filter((p) => p.type === 'float'), nullBits };
  LAYOUTS.set(label, layout);
  return layout;
}

/**
 * The records of one label from its packed rows (and float lists, when the label has floats), in
 * order. A row that does not hold exactly the layout's fields yields undefined: read it again.
 *
 * The rows are read in place rather than split: a field is sliced out only when it is a new text.
 * An enum value is the model's own string, and a value equal to the one in the row before (rows
 * come in the order they were written, so a municipality's nodes follow each other) is that same
 * string. That saves most of the strings splitting would make (about two million for the
 * national landscape), their memory, and the garbage collector's time copying them.
 */
export function unpackNodes(
  label: Label,
  rows: readonly string[],
  floats: readonly (readonly (number | null)[])[] | null,
): (NodeRecord | undefined)[] {
  const { texts, nullBits, floats: floatProperties } = packedLayout(label);
  const def = GRAPH_MODEL.labels.find((l) => l.name === label)!;
  // Cloning a template made by JSON.parse gives every record of a label the same fast shape with
  // all properties in the object; adding them one by one turns labels with many properties
  // (Contract) into dictionary-mode objects three times the size.
  const template = JSON.parse(
    JSON.stringify(Object.fromEntries(def.properties.map((p) => [p.name, null]))),
  ) as Record<string, PropertyValue>;
  const names = texts.map((p) => p.name);
  const kinds = texts.map((p) => p.type);
  const enums = texts.map((p) => p.enumValues ?? null);
  const previous: (string | null)[] = texts.map(() => null);
  const floatNames = floatProperties.map((p) => p.name);
  const records: (NodeRecord | undefined)[] = new Array<NodeRecord | undefined>(rows.length);
  rows: for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let end = row.indexOf(PACK_SEPARATOR);
    if (end === -1) continue;
    const nulls = readInteger(row, 0, end);
    const record = { ...template };
    for (let i = 0; i < names.length; i++) {
      const start = end + 1;
      end = row.indexOf(PACK_SEPARATOR, start);
      if (end === -1) {
        if (i < names.length - 1) continue rows;
        end = row.length;
      } else if (i === names.length - 1) {
        continue rows;
      }
      const length = end - start;
      const kind = kinds[i];
      if (kind === 'string') {
        if (nullBits[i]! !== 0 && Math.floor(nulls / nullBits[i]!) % 2 === 1) continue;
      } else if (length === 0) {
        continue;
      } else if (kind === 'int') {
        record[names[i]!] = readInteger(row, start, end);
        continue;
      } else if (kind === 'boolean') {
        const c = row.charCodeAt(start);
        record[names[i]!] = c === 116 || c === 84; // 't' or 'T'
        continue;
      }
      record[names[i]!] = textAt(row, start, length, enums[i]!, previous, i);
    }
    if (floats !== null) {
      const values = floats[r]!;
      for (let i = 0; i < floatNames.length; i++) record[floatNames[i]!] = values[i] ?? null;
    }
    records[r] = record as NodeRecord;
  }
  return records;
}

/** The text at row[start, start + length): an enum value, the column's last text, or a slice. */
function textAt(
  row: string,
  start: number,
  length: number,
  enumValues: readonly string[] | null,
  previous: (string | null)[],
  column: number,
): string {
  if (enumValues !== null) {
    for (const value of enumValues) {
      if (value.length === length && row.startsWith(value, start)) return value;
    }
  }
  const last = previous[column];
  if (
    last !== null &&
    last !== undefined &&
    last.length === length &&
    row.startsWith(last, start)
  ) {
    return last;
  }
  const text = ownText(row, start, length);
  previous[column] = text;
  return text;
}

/**
 * V8 copies a slice shorter than this; a longer one is a view that keeps its whole string alive.
 */
const SHORTEST_VIEW = 13;

/**
 * The text at row[start, start + length) as a string of its own. A longer slice would be a view
 * into the row, and a record's views kept its whole packed row alive: nationally every row (30 MB)
 * and 344,000 views (10 MB) stayed in memory beside the index's live 100 MB. A JSON round trip
 * copies the text exactly (escapes included) in two native steps.
 */
function ownText(row: string, start: number, length: number): string {
  const slice = row.slice(start, start + length);
  return length < SHORTEST_VIEW ? slice : (JSON.parse(JSON.stringify(slice)) as string);
}

/** The decimal integer at row[start, end) without making a string of it. */
export function readInteger(row: string, start: number, end: number): number {
  let i = start;
  const negative = row.charCodeAt(i) === 45; // '-'
  if (negative) i++;
  // Fifteen digits always fit a double exactly; longer numbers are left to Number's rounding.
  if (end - i > 15 || i === end) return Number(row.slice(start, end));
  let value = 0;
  for (; i < end; i++) {
    const digit = row.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number(row.slice(start, end));
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}
