import { GRAPH_MODEL } from './graph-model.ts';
import type { Label, NodeByLabel, RelationshipType } from './model-types.ts';

/** A property value as the stores hold it (dates as ISO `YYYY-MM-DD` strings). */
export type PropertyValue = string | number | boolean | null;

/** One node's properties, with every property of its label present (absent ones as null). */
export type NodeRecord = { readonly id: string } & Readonly<Record<string, PropertyValue>>;

/** One relationship, with the labels of its ends (a relationship type may join several pairs). */
export interface RelationshipRecord {
  readonly from: string;
  readonly to: string;
  readonly fromLabel: Label;
  readonly toLabel: Label;
}

/** A whole landscape (or a slice of one) in memory: what the seed generator and importers build. */
export interface Landscape {
  readonly nodes: ReadonlyMap<Label, readonly NodeRecord[]>;
  readonly relationships: ReadonlyMap<RelationshipType, readonly RelationshipRecord[]>;
}

/** Input for one node: required properties must be given, nullable ones may be left out. */
export type NodeInput<L extends Label> = {
  [K in keyof NodeByLabel[L] as null extends NodeByLabel[L][K] ? never : K]: NodeByLabel[L][K];
} & {
  [K in keyof NodeByLabel[L] as null extends NodeByLabel[L][K] ? K : never]?: NodeByLabel[L][K];
};

const LABEL_DEFS = new Map(GRAPH_MODEL.labels.map((l) => [l.name, l]));
const PAIRS = new Map(
  GRAPH_MODEL.relationshipTypes.map((r) => [
    r.name,
    new Set(r.pairs.map((p) => `${p.from}>${p.to}`)),
  ]),
);

/**
 * Collects nodes and relationships and checks them against the model as they come: unknown labels,
 * duplicate ids, enum values outside their set, relationships between labels the model does not
 * join, and relationships to ids not added yet all throw at once, naming the offending value.
 */
export class LandscapeBuilder {
  readonly #nodes = new Map<Label, NodeRecord[]>();
  readonly #relationships = new Map<RelationshipType, RelationshipRecord[]>();
  readonly #labelOf = new Map<string, Label>();
  readonly #relationshipKeys = new Set<string>();

  /** Adds one node; nullable properties left out are stored as null. Returns the id. */
  node<L extends Label>(label: L, input: NodeInput<L>): string {
    const def = LABEL_DEFS.get(label);
    if (!def) throw new Error(`Unknown label "${label}"`);
    const values = input as unknown as Record<string, PropertyValue | undefined>;
    const id = values.id;
    if (typeof id !== 'string' || id === '') throw new Error(`${label} without an id`);
    if (this.#labelOf.has(id)) throw new Error(`Duplicate id "${id}" (${label})`);
    const record: Record<string, PropertyValue> = {};
    for (const property of def.properties) {
      const value = values[property.name] ?? null;
      if (value === null && property.required) {
        throw new Error(`${label} "${id}" has no ${property.name}`);
      }
      if (value !== null && property.enumValues && !property.enumValues.includes(String(value))) {
        throw new Error(`${label} "${id}" has unknown ${property.name} "${String(value)}"`);
      }
      record[property.name] = value;
    }
    this.#labelOf.set(id, label);
    const list = this.#nodes.get(label) ?? [];
    list.push(record as NodeRecord);
    this.#nodes.set(label, list);
    return id;
  }

  /** Adds one relationship between two added nodes; adding the same one twice keeps one. */
  relate(type: RelationshipType, from: string, to: string): void {
    const fromLabel = this.#labelOf.get(from);
    const toLabel = this.#labelOf.get(to);
    if (!fromLabel) throw new Error(`${type}: unknown from-id "${from}"`);
    if (!toLabel) throw new Error(`${type}: unknown to-id "${to}"`);
    if (!PAIRS.get(type)?.has(`${fromLabel}>${toLabel}`)) {
      throw new Error(`${type} cannot join ${fromLabel} "${from}" to ${toLabel} "${to}"`);
    }
    const key = `${type}|${from}|${to}`;
    if (this.#relationshipKeys.has(key)) return;
    this.#relationshipKeys.add(key);
    const list = this.#relationships.get(type) ?? [];
    list.push({ from, to, fromLabel, toLabel });
    this.#relationships.set(type, list);
  }

  /** The label of an added id, if any. */
  labelOf(id: string): Label | undefined {
    return this.#labelOf.get(id);
  }

  build(): Landscape {
    return { nodes: this.#nodes, relationships: this.#relationships };
  }
}

/** Node counts per label and relationship counts per type of a landscape. */
export function countLandscape(landscape: Landscape): {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
} {
  return {
    nodes: Object.fromEntries([...landscape.nodes].map(([label, rows]) => [label, rows.length])),
    relationships: Object.fromEntries(
      [...landscape.relationships].map(([type, rows]) => [type, rows.length]),
    ),
  };
}
