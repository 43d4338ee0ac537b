import type { EdgeType, EntityKind, ImpactStatus } from '../domain/model.ts';

/**
 * Graph elements as plain data: the shape cytoscape's `add()` takes, without importing
 * cytoscape, so every transform stays a pure, testable function. Classes are a list here and
 * become cytoscape's space-separated string only in the canvas.
 */

export interface GraphNodeData {
  readonly id: string;
  /** Text drawn on the node (may hold a line break). */
  readonly label: string;
  /** An entity kind, or GROUP for a compound/collapsed group node. */
  readonly kind: EntityKind | 'GROUP';
  /** Full name (tables, tooltips, SVG titles). */
  readonly name: string;
  /** The compound group node this node sits in. */
  readonly parent?: string;
  /** Layers for concentric and hierarchical layouts: 0 is the centre / top. */
  readonly layer?: number;
  readonly status?: ImpactStatus;
  /** For a collapsed group: how many nodes it stands for. */
  readonly count?: number;
  readonly [key: string]: unknown;
}

export interface GraphEdgeData {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: EdgeType | 'USES' | 'AGGREGATE' | 'IN_MUNICIPALITY';
  readonly label: string;
  /** Reverse this edge when laying out top-down data flow (the arrow stays as drawn). */
  readonly flowReversed?: boolean;
  /** For aggregated edges of a collapsed group: how many edges it stands for. */
  readonly count?: number;
  readonly [key: string]: unknown;
}

export interface GraphNode {
  readonly group: 'nodes';
  readonly data: GraphNodeData;
  readonly classes: readonly string[];
  /** A precomputed position, used by the `preset` layout. */
  readonly position?: { readonly x: number; readonly y: number };
}

export interface GraphEdge {
  readonly group: 'edges';
  readonly data: GraphEdgeData;
  readonly classes: readonly string[];
}

export type GraphElement = GraphNode | GraphEdge;

/** Nodes then edges, the order cytoscape needs when adding both at once. */
export interface GraphElements {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export const EMPTY_ELEMENTS: GraphElements = { nodes: [], edges: [] };

/** Element count as PERFORMANCE.md counts it: nodes plus edges. */
export function elementCount(elements: GraphElements): number {
  return elements.nodes.length + elements.edges.length;
}

/** Shortens a label to `max` characters with an ellipsis, so long Kitos names do not sprawl. */
export function shortLabel(text: string, max = 28): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Kebab-case class of a code: `ORG_UNIT` → `org-unit`. */
export function classOf(code: string): string {
  return code.toLowerCase().replace(/_/g, '-');
}
