import { GRAPH_MODEL, type RelationshipFieldDef } from '../model/graph-model.ts';
import type { NodeRecord, PropertyValue } from '../model/landscape.ts';
import type { Label, RelationshipType } from '../model/model-types.ts';
import { importError, quote, type ImportIssue, type Origin } from './import-issue.ts';

/** One record read from the input, before it is checked against the rest and the store. */
export interface StagedNode {
  readonly label: Label;
  readonly id: string;
  /** Every property of the label (absent ones null). */
  readonly record: Record<string, PropertyValue>;
  readonly origin: Origin;
  /**
   * A placeholder for an entity the input only names (an organisation in a Kitos reference, an
   * interface data type): created when missing, never written over a stored one.
   */
  readonly stub: boolean;
  /**
   * Relationship fields the source states completely for this record (a CSV column, a Kitos
   * field): stored relationships of these fields that the import does not repeat are removed.
   */
  readonly ownedFields: readonly RelationshipFieldDef[];
  /**
   * Properties the source does not carry (a CSV column left out, a municipality code Kitos does
   * not know): a stored record keeps its values for them.
   */
  readonly keepStored?: readonly string[];
  /** False once an error rejected the record. */
  valid: boolean;
  /**
   * The record's municipality (its `municipalityId`; null for shared records), kept beside the
   * record because reading it from records of many shapes was a hot spot of national imports.
   * Set by `ImportStaging.addNode`.
   */
  municipality?: string | null;
}

/** One relationship read from the input, with the record whose row states it. */
export interface StagedEdge {
  readonly type: RelationshipType;
  readonly from: string;
  readonly fromLabel: Label;
  readonly to: string;
  readonly toLabel: Label;
  readonly owner: StagedNode;
  /** The end that is named by reference (the other end is the owner). */
  readonly referenced: 'from' | 'to';
  /** The column or Kitos field the reference is in, for issues. */
  readonly column: string;
}

const PROPERTY_NAMES = new Map(
  GRAPH_MODEL.labels.map((l) => [l.name as Label, l.properties.map((p) => p.name)]),
);

/**
 * Every property of the label, taken from `values`, absent ones null. Texts are made well formed:
 * JSON can escape a lone surrogate ("\ud800"), which UTF-8 storage cannot hold and keeps as
 * U+FFFD, so a record left with one would differ from what is stored on every re-import.
 */
export function completeRecord(
  label: Label,
  values: Readonly<Record<string, PropertyValue | undefined>>,
): Record<string, PropertyValue> {
  const record: Record<string, PropertyValue> = {};
  for (const name of PROPERTY_NAMES.get(label) ?? []) {
    const value = values[name] ?? null;
    record[name] = typeof value === 'string' ? value.toWellFormed() : value;
  }
  return record;
}

function sameRecord(a: NodeRecord | Record<string, PropertyValue>, b: typeof a): boolean {
  for (const key of Object.keys(a)) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * Collects what the parsers read: records by id and the relationships they state. Duplicate ids
 * are reported here; a stub gives way to a full record of the same id, and of two stubs the one
 * with the higher rank (a municipality over a supplier) is kept.
 */
export class ImportStaging {
  readonly nodes = new Map<string, StagedNode>();
  readonly edges: StagedEdge[] = [];
  readonly #stubRanks = new Map<string, number>();

  constructor(readonly issues: ImportIssue[]) {}

  /**
   * Adds a record; returns the node that now holds the id (the new one, or the earlier one when
   * the new one repeats it exactly), or undefined when the new one is a rejected duplicate.
   */
  addNode(node: StagedNode, stubRank = 0): StagedNode | undefined {
    const municipality = node.record.municipalityId;
    node.municipality = typeof municipality === 'string' ? municipality : null;
    const existing = this.nodes.get(node.id);
    if (!existing) {
      this.nodes.set(node.id, node);
      if (node.stub) this.#stubRanks.set(node.id, stubRank);
      return node;
    }
    if (node.stub) {
      if (existing.stub && existing.label === node.label) {
        if (stubRank > (this.#stubRanks.get(node.id) ?? 0)) {
          Object.assign(existing.record, node.record);
          this.#stubRanks.set(node.id, stubRank);
        }
        return existing;
      }
      if (existing.label === node.label) return existing;
    } else if (existing.stub && existing.label === node.label) {
      this.nodes.set(node.id, node);
      this.#stubRanks.delete(node.id);
      this.#retarget(existing, node);
      return node;
    } else if (existing.label === node.label && sameRecord(existing.record, node.record)) {
      // The same record twice, e.g. in overlapping pages of a Kitos download.
      return existing;
    }
    const where = `${existing.origin.file}:${existing.origin.line}`;
    const what = existing.label === node.label ? '' : ` as ${existing.label}`;
    this.reject(
      node,
      importError(
        node.origin,
        'DUPLICATE_ID',
        `id ${quote(node.id)} is already defined${what} at ${where}`,
        'id',
      ),
    );
    return undefined;
  }

  /** Edges owned by a stub that a full record replaced now belong to the full record. */
  #retarget(from: StagedNode, to: StagedNode): void {
    for (let i = 0; i < this.edges.length; i++) {
      const edge = this.edges[i]!;
      if (edge.owner === from) this.edges[i] = { ...edge, owner: to };
    }
  }

  /**
   * States relationships from `owner` through `field` to each id (duplicates ignored). Call it
   * once per record and field: the write plan relies on staged relationships being distinct.
   */
  relate(
    owner: StagedNode,
    field: RelationshipFieldDef,
    ids: readonly string[],
    column: string,
  ): void {
    const type = field.type as RelationshipType;
    const target = field.target as Label;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (i > 0 && ids.indexOf(id) < i) continue;
      this.edges.push(
        field.direction === 'OUT'
          ? {
              type,
              from: owner.id,
              fromLabel: owner.label,
              to: id,
              toLabel: target,
              owner,
              referenced: 'to',
              column,
            }
          : {
              type,
              from: id,
              fromLabel: target,
              to: owner.id,
              toLabel: owner.label,
              owner,
              referenced: 'from',
              column,
            },
      );
    }
  }

  /** Rejects a record with an error issue. */
  reject(node: StagedNode, issue: ImportIssue): void {
    node.valid = false;
    this.issues.push(issue);
  }
}

const FIELDS = new Map(GRAPH_MODEL.relationshipFields.map((f) => [`${f.owner}.${f.field}`, f]));

/** The model's relationship field `Label.field`; throws on a name the model does not have. */
export function relationshipField(label: Label, field: string): RelationshipFieldDef {
  const def = FIELDS.get(`${label}.${field}`);
  if (!def) throw new Error(`Model: ${label} has no relationship field ${field}`);
  return def;
}
