import { GRAPH_MODEL, type PropertyDef, type RelationshipFieldDef } from '../model/graph-model.ts';
import type { PropertyValue } from '../model/landscape.ts';
import type { Label } from '../model/model-types.ts';
import { HEADER_ALIASES, normalizeName } from './aliases.ts';
import { CellFailure, parseProcurementPlan } from './cell-values.ts';

/** A column holding one property of the label. */
export interface CsvPropertyColumn {
  readonly kind: 'property';
  readonly name: string;
  readonly property: PropertyDef;
}

/** A column holding the id (or ids) an outgoing relationship field points to. */
export interface CsvRelationshipColumn {
  readonly kind: 'relationship';
  readonly name: string;
  readonly field: RelationshipFieldDef;
}

/**
 * A column the importer reads but the export never writes: one cell filling several properties,
 * as a Kitos grid combines them ("Genanskaffelsesplan" `2027 | Q2` for the plan's year and
 * quarter). Beside the properties' own columns, a cell that disagrees with them is an error.
 */
export interface CsvCombinedColumn {
  readonly kind: 'combined';
  readonly name: string;
  /** The properties the cell fills, in the order `convert` gives their values. */
  readonly properties: readonly string[];
  /** A non-empty cell's values (null: the cell leaves that property open), or why it is bad. */
  readonly convert: (text: string) => readonly PropertyValue[] | CellFailure;
}

export type CsvColumn = CsvPropertyColumn | CsvRelationshipColumn | CsvCombinedColumn;

/** The canonical CSV file of one label: its name and columns, all derived from the model. */
export interface CsvKind {
  readonly label: Label;
  /** `usages.csv`, `org-units.csv`, ...: the label in kebab case, plural. */
  readonly file: string;
  /** The canonical columns: what the export writes, in this order. */
  readonly columns: readonly (CsvPropertyColumn | CsvRelationshipColumn)[];
  /** Columns only the importer reads. */
  readonly combinedColumns: readonly CsvCombinedColumn[];
  /** Normalized canonical name or alias → column. */
  readonly lookup: ReadonlyMap<string, CsvColumn>;
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * The column of a relationship field: `systemId` for a single one, `usedByIds` for a list, with
 * a plural field's `s` dropped (`tasks` → `taskIds`, `covers` → `coverIds`).
 */
export function relationshipColumnName(field: RelationshipFieldDef): string {
  if (!field.list) return `${field.field}Id`;
  const singular = field.field.endsWith('s') ? field.field.slice(0, -1) : field.field;
  return `${singular}Ids`;
}

/** The combined columns per label, named in the model's words. */
const COMBINED_COLUMNS: Partial<Record<Label, readonly CsvCombinedColumn[]>> = {
  Contract: [
    {
      kind: 'combined',
      name: 'procurementPlan',
      properties: ['procurementPlanYear', 'procurementPlanQuarter'],
      convert: (text) => {
        const plan = parseProcurementPlan(text);
        return plan.ok ? plan.value : new CellFailure(plan.code, plan.message);
      },
    },
  ],
};

function buildKind(label: (typeof GRAPH_MODEL.labels)[number]): CsvKind {
  const columns: (CsvPropertyColumn | CsvRelationshipColumn)[] = label.properties.map(
    (property) => ({
      kind: 'property' as const,
      name: property.name,
      property,
    }),
  );
  for (const field of GRAPH_MODEL.relationshipFields) {
    if (field.owner !== label.name || field.direction !== 'OUT') continue;
    columns.push({ kind: 'relationship', name: relationshipColumnName(field), field });
  }
  const combinedColumns = COMBINED_COLUMNS[label.name as Label] ?? [];
  const lookup = new Map<string, CsvColumn>();
  const aliases = HEADER_ALIASES[label.name as Label] ?? {};
  for (const column of [...columns, ...combinedColumns]) {
    lookup.set(normalizeName(column.name), column);
    for (const alias of aliases[column.name] ?? []) lookup.set(normalizeName(alias), column);
  }
  return {
    label: label.name as Label,
    file: `${kebab(label.name)}s.csv`,
    columns,
    combinedColumns,
    lookup,
  };
}

/** Every canonical CSV kind, in model order (shared catalogue first, then local labels). */
export const CSV_KINDS: readonly CsvKind[] = GRAPH_MODEL.labels.map(buildKind);

const BY_FILE = new Map(CSV_KINDS.map((k) => [k.file, k]));

/** The kind a file name names (`usages.csv`, `Usages.CSV`, `kommune/usages.csv`), if any. */
export function kindForFileName(name: string): CsvKind | undefined {
  const base = name.split(/[/\\]/).pop()!.toLowerCase();
  return BY_FILE.get(base.endsWith('.txt') ? base.replace(/\.txt$/, '.csv') : base);
}

/**
 * The kind whose columns a header matches best: the most known columns, the id column among
 * them, and at least one more. Required columns may be missing (the parser then says which).
 * Undefined when no kind fits.
 */
export function kindForHeader(headers: readonly string[]): CsvKind | undefined {
  const names = headers.map(normalizeName);
  let best: { kind: CsvKind; score: number } | undefined;
  for (const kind of CSV_KINDS) {
    const matched = new Set<CsvColumn>();
    for (const name of names) {
      const column = kind.lookup.get(name);
      if (column) matched.add(column);
    }
    if (matched.size < 2 || ![...matched].some((c) => c.name === 'id')) continue;
    // More matches win; among equals, the kind whose columns the header covers best.
    const score = matched.size + matched.size / kind.columns.length;
    if (!best || score > best.score) best = { kind, score };
  }
  return best?.kind;
}

/** A short line per kind for `overblik import --help` and the docs (import-only columns last). */
export function describeCsvKinds(): string {
  return CSV_KINDS.map((kind) => {
    const columns = kind.columns.map((c) =>
      c.kind === 'property' && c.property.required ? `${c.name}*` : c.name,
    );
    const combined = kind.combinedColumns.map(
      (c) => `${c.name} (import only: ${c.properties.join(' + ')})`,
    );
    return `  ${kind.file.padEnd(28)} ${[...columns, ...combined].join(', ')}`;
  }).join('\n');
}
