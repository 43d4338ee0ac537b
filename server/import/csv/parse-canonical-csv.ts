import { z } from 'zod';
import type { RelationshipFieldDef } from '../../model/graph-model.ts';
import type { PropertyValue } from '../../model/landscape.ts';
import { normalizeName } from '../aliases.ts';
import { CellFailure, ID_LIST_SEPARATORS, cellConverter } from '../cell-values.ts';
import {
  CSV_KINDS,
  kindForFileName,
  kindForHeader,
  type CsvColumn,
  type CsvKind,
} from '../csv-format.ts';
import {
  importError,
  importWarning,
  quote,
  type ImportIssueCode,
  type Origin,
} from '../import-issue.ts';
import {
  completeRecord,
  relationshipField,
  type ImportStaging,
  type StagedNode,
} from '../staging.ts';
import { detectDelimiter, readCsvRecords } from './read-csv-records.ts';
import { noteTaskReferences, splitKleNumberLists } from './resolve-kle-numbers.ts';

/** What one CSV file held. */
export interface CsvParseResult {
  readonly kind: CsvKind | undefined;
  /** Data rows read (valid or not). */
  readonly rows: number;
}

/** A header cell bound to its column, with the name as the file spells it (for messages). */
interface BoundColumn {
  readonly column: CsvColumn;
  readonly index: number;
  readonly header: string;
}

/** A converted row: the label's property values and the id lists of its relationship columns. */
interface ConvertedRow {
  readonly values: Record<string, PropertyValue>;
  readonly ids: (readonly string[])[];
}

function listSplitter(delimiter: string): RegExp {
  // A `;` file cannot use `;` inside a cell without quoting, so its lists use `|`.
  return delimiter === ';' ? /\|/ : ID_LIST_SEPARATORS;
}

function idList(text: string, splitter: RegExp, single: boolean): readonly string[] | CellFailure {
  if (text === '') return [];
  // Most cells hold one id: no split, no arrays to throw away.
  if (!splitter.test(text)) {
    const id = text.trim();
    return id === '' ? [] : [id];
  }
  const ids: string[] = [];
  for (const part of text.split(splitter)) {
    const id = part.trim();
    if (id !== '') ids.push(id);
  }
  if (single && ids.length > 1) {
    return new CellFailure('BAD_VALUE', `expects one id, got ${ids.length}: ${quote(text)}`);
  }
  return ids;
}

/**
 * The zod schema of a file's rows: the cells in, the complete record (model order, absent
 * columns null) and the id lists out. Cells are converted by the compiled converters of
 * cell-values.ts in one transform per row (a zod schema per cell cost ~4 µs a row, which a
 * national import of 211k rows notices); each bad cell becomes a zod issue at its column with
 * the import issue code as a parameter.
 */
function rowSchema(kind: CsvKind, bound: readonly BoundColumn[], delimiter: string) {
  const splitter = listSplitter(delimiter);
  const index = new Map(bound.map((b) => [b.column.name, b.index]));
  // Every property of the label in model order, so the converted values are the complete record.
  const properties = kind.columns.flatMap((column) =>
    column.kind === 'property'
      ? [
          {
            name: column.name,
            index: index.get(column.name) ?? -1,
            convert: cellConverter(column.property),
          },
        ]
      : [],
  );
  const relationships = bound.flatMap(({ column, index: at }) =>
    column.kind === 'relationship'
      ? [
          {
            index: at,
            single: !column.field.list,
            name: column.name,
            // KLE tasks may be named by number, several as Kitos lists them ("27.24.00, 27.24.03").
            tasks: column.field.target === 'Task',
          },
        ]
      : [],
  );
  const combined = bound.flatMap(({ column, index: at }) =>
    column.kind === 'combined' ? [{ column, index: at }] : [],
  );
  const headerOf = new Map(bound.map((b) => [b.column.name, b.header]));
  const fail = (ctx: z.RefinementCtx, name: string, input: unknown, failure: CellFailure) =>
    ctx.issues.push({
      code: 'custom',
      message: failure.message,
      input,
      path: [name],
      params: { importCode: failure.code },
    });
  // z.custom rather than z.array(z.string()): the cells are strings by construction, and the
  // array schema allocates a result per cell.
  return z
    .custom<readonly string[]>((cells) => Array.isArray(cells), 'expected the cells of a row')
    .transform((cells, ctx): ConvertedRow => {
      const values: Record<string, PropertyValue> = {};
      for (const { name, index: at, convert } of properties) {
        if (at < 0) {
          values[name] = null;
          continue;
        }
        const value = convert(cells[at] ?? '');
        if (value instanceof CellFailure) {
          fail(ctx, name, cells[at], value);
          values[name] = null;
        } else {
          values[name] = value;
        }
      }
      for (const { column, index: at } of combined) {
        const text = cells[at] ?? '';
        if (text.trim() === '') continue;
        const parts = column.convert(text);
        if (parts instanceof CellFailure) {
          fail(ctx, column.name, text, parts);
          continue;
        }
        column.properties.forEach((property, i) => {
          const value = parts[i] ?? null;
          const own = values[property] ?? null;
          if (value === null) return;
          if (own === null) values[property] = value;
          else if (own !== value) {
            fail(
              ctx,
              column.name,
              text,
              new CellFailure(
                'BAD_VALUE',
                `${quote(text)} gives ${property} ${String(value)}, but column ` +
                  `"${headerOf.get(property) ?? property}" says ${String(own)}`,
              ),
            );
          }
        });
      }
      const ids: (readonly string[])[] = [];
      for (const { index: at, single, name, tasks } of relationships) {
        const list = idList(cells[at] ?? '', splitter, single);
        if (list instanceof CellFailure) {
          fail(ctx, name, cells[at], list);
          ids.push([]);
        } else {
          ids.push(tasks ? splitKleNumberLists(list) : list);
        }
      }
      return { values, ids };
    });
}

/** Binds header cells to the kind's columns; reports unknown, duplicate and missing columns. */
function bindHeader(
  file: string,
  header: readonly string[],
  kind: CsvKind,
  staging: ImportStaging,
) {
  const at: Origin = { file, line: 1 };
  const bound: BoundColumn[] = [];
  const seen = new Map<CsvColumn, string>();
  let fatal = false;
  header.forEach((cell, index) => {
    const name = cell.replace(/^\uFEFF/, '').trim();
    if (name === '') return;
    const column = kind.lookup.get(normalizeName(name));
    if (!column) {
      staging.issues.push(
        importWarning(at, 'UNKNOWN_COLUMN', `not a column of ${kind.file}; ignored`, name),
      );
      return;
    }
    const earlier = seen.get(column);
    if (earlier !== undefined) {
      staging.issues.push(
        importError(
          at,
          'DUPLICATE_COLUMN',
          `means the same as column "${earlier}" (${column.name})`,
          name,
        ),
      );
      fatal = true;
      return;
    }
    seen.set(column, name);
    bound.push({ column, index, header: name });
  });
  for (const column of kind.columns) {
    if (column.kind !== 'property' || !column.property.required || seen.has(column)) continue;
    staging.issues.push(
      importError(
        at,
        'MISSING_COLUMN',
        `required column is missing from the header of ${kind.file}`,
        column.name,
      ),
    );
    fatal = true;
  }
  return { bound, fatal };
}

/** The fields of a kind's file that a header states, and whether the organisation link is derived. */
function ownership(kind: CsvKind, bound: readonly BoundColumn[]) {
  const owned: RelationshipFieldDef[] = [];
  for (const { column } of bound) if (column.kind === 'relationship') owned.push(column.field);
  // A local record's file without organizationId still links each record to its municipality.
  const derivesOrganization =
    kind.columns.some((c) => c.name === 'municipalityId') &&
    kind.columns.some((c) => c.kind === 'relationship' && c.field.field === 'organization') &&
    !owned.some((f) => f.field === 'organization');
  if (derivesOrganization) owned.push(relationshipField(kind.label, 'organization'));
  const present = new Set<string>();
  for (const { column } of bound) {
    if (column.kind === 'combined') for (const p of column.properties) present.add(p);
    else present.add(column.name);
  }
  const keepStored = kind.columns
    .filter((c) => c.kind === 'property' && !present.has(c.name))
    .map((c) => c.name);
  return { owned, derivesOrganization, keepStored };
}

/**
 * Parses one canonical CSV file into the staging area: one record per row, its relationship
 * columns as relationships. Every problem is an issue naming the line, the column and the value;
 * a row with an error is rejected, a file with a broken header is rejected whole, and a quoting
 * error ends the file there.
 */
export function parseCanonicalCsv(
  file: string,
  text: string,
  staging: ImportStaging,
): CsvParseResult {
  const delimiter = detectDelimiter(text);
  const { records, error } = readCsvRecords(text, delimiter);
  if (error) {
    const unclosed = error.code === 'CSV_QUOTE_NOT_CLOSED';
    staging.issues.push(
      importError(
        { file, line: error.line },
        'BROKEN_CSV',
        (unclosed
          ? 'a quoted field opened on this line is never closed'
          : `broken quoting: ${error.message}`) +
          '; the rest of the file was not read (quote fields that contain the delimiter, and double quotes inside them)',
      ),
    );
  }
  const header = records[0];
  if (!header) {
    if (!error)
      staging.issues.push(
        importError({ file, line: 1 }, 'EMPTY_FILE', 'the file has no header row'),
      );
    return { kind: undefined, rows: 0 };
  }
  const rows = records.length - 1;
  const kind = kindForFileName(file) ?? kindForHeader(header.fields);
  if (!kind) {
    staging.issues.push(
      importError(
        { file, line: 1 },
        'UNKNOWN_KIND',
        'cannot tell what this file holds from its name or header; name it one of ' +
          CSV_KINDS.map((k) => k.file).join(', '),
      ),
    );
    return { kind: undefined, rows };
  }
  const { bound, fatal } = bindHeader(file, header.fields, kind, staging);
  if (fatal) return { kind, rows };
  if (rows === 0 && !error) {
    staging.issues.push(importWarning({ file, line: 1 }, 'EMPTY_FILE', 'the file has no rows'));
  }
  const schema = rowSchema(kind, bound, delimiter);
  const headerOf = new Map(bound.map((b) => [b.column.name, b.header]));
  const relationshipColumns = bound.filter((b) => b.column.kind === 'relationship');
  const { owned, derivesOrganization, keepStored } = ownership(kind, bound);
  const organization = derivesOrganization ? relationshipField(kind.label, 'organization') : null;
  const width = header.fields.length;
  const idIndex = bound.find((b) => b.column.name === 'id')!.index;

  for (let r = 1; r < records.length; r++) {
    const { fields, line } = records[r]!;
    const origin = { file, line };
    if (
      fields.length !== width &&
      !(fields.length > width && fields.slice(width).every((c) => c === ''))
    ) {
      staging.issues.push(
        importError(
          origin,
          'BROKEN_CSV',
          `the row has ${fields.length} fields but the header has ${width}; check the quoting and the delimiter (${JSON.stringify(delimiter)})`,
        ),
      );
      continue;
    }
    const parsed = schema.safeParse(fields);
    const id = (fields[idIndex] ?? '').trim();
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? '');
        const code =
          (issue as { params?: { importCode?: ImportIssueCode } }).params?.importCode ??
          'BAD_VALUE';
        staging.issues.push(importError(origin, code, issue.message, headerOf.get(name) ?? name));
      }
      // Keep the id known as rejected, so references to it say so rather than "unknown".
      if (id !== '' && !staging.nodes.has(id)) {
        staging.addNode({
          label: kind.label,
          id,
          record: completeRecord(kind.label, { id }),
          origin,
          stub: false,
          ownedFields: [],
          valid: false,
        });
      }
      continue;
    }
    const { values, ids } = parsed.data;
    const node: StagedNode = {
      label: kind.label,
      id,
      record: values,
      origin,
      stub: false,
      ownedFields: owned,
      ...(keepStored.length > 0 ? { keepStored } : {}),
      valid: true,
    };
    if (staging.addNode(node) !== node) continue;
    relationshipColumns.forEach(({ column, header: name }, i) => {
      const list = ids[i]!;
      if (list.length > 0 && column.kind === 'relationship') {
        staging.relate(node, column.field, list, name);
        if (column.field.target === 'Task') noteTaskReferences(staging, list);
      }
    });
    if (organization && typeof node.record.municipalityId === 'string') {
      staging.relate(node, organization, [node.record.municipalityId], 'municipalityId');
    }
  }
  return { kind, rows };
}
