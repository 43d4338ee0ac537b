import type { Landscape, NodeRecord } from '../model/landscape.ts';
import type { Label, RelationshipType } from '../model/model-types.ts';

/** A landscape as JSON: what `overblik export --format json` writes. */
export interface LandscapeJson {
  readonly nodes: readonly { readonly label: Label; readonly properties: NodeRecord }[];
  readonly relationships: readonly {
    readonly type: RelationshipType;
    readonly from: string;
    readonly to: string;
  }[];
}

/** The landscape (or slice) as plain JSON: every node with its label and properties, every edge. */
export function landscapeToJson(landscape: Landscape): LandscapeJson {
  const nodes: { label: Label; properties: NodeRecord }[] = [];
  for (const [label, rows] of landscape.nodes) {
    for (const properties of rows) nodes.push({ label, properties });
  }
  const relationships: { type: RelationshipType; from: string; to: string }[] = [];
  for (const [type, rows] of landscape.relationships) {
    for (const r of rows) relationships.push({ type, from: r.from, to: r.to });
  }
  return { nodes, relationships };
}
