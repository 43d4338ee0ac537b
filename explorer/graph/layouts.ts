import type { LayoutName } from '../state/url-state.ts';
import type { GraphElements } from './elements.ts';

/**
 * Layout choices as serialisable specs (they cross to the layout worker), and the cytoscape
 * options each one becomes there. PERFORMANCE.md pitfall 8: fcose at default quality takes ~32 s
 * for 5k elements and ~0.64 s in draft quality, so large graphs get draft quality; concentric
 * and breadth-first stay cheap at any size.
 */

/**
 * Above this many elements (nodes + edges) the force layout runs in draft quality. Measured in
 * Node on generated slices: default quality takes ~0.6 s at 1k elements and draft ~0.1 s, and
 * the first frame must come within 1 s, so draft starts well below 1k.
 */
export const DRAFT_ABOVE_ELEMENTS = 600;

export interface LayoutSpec {
  readonly name: LayoutName;
  /** Nodes + edges, which decides the force layout's quality. */
  readonly elementCount: number;
  /** Roots of the hierarchical layout (its top row); empty lets cytoscape choose sources. */
  readonly roots: readonly string[];
  /** Non-group nodes. */
  readonly nodeCount: number;
  /** Most nodes sharing one layer, and how many layers there are (from the nodes' `layer`). */
  readonly widestLayer: number;
  readonly layers: number;
}

/** Room per node in a row of the hierarchical layout: a label of ~24 characters fits. */
const COLUMN_WIDTH = 150;
const ROW_HEIGHT = 110;

export const LAYOUT_TERMS: Readonly<Record<LayoutName, { label: string; help: string }>> = {
  force: { label: 'Kraftbaseret', help: 'Hurtigt overblik; grupper holdes samlet' },
  hierarchy: { label: 'Hierarkisk', help: 'Dataflow oppefra og ned: bruger → relation → udbyder' },
  concentric: { label: 'Koncentrisk', help: 'Fokus i midten, afstand i ringe udad' },
};

/** The spec for laying out these elements with a named layout. */
export function layoutSpec(name: LayoutName, elements: GraphElements): LayoutSpec {
  const members = elements.nodes.filter((n) => n.data.kind !== 'GROUP');
  const roots = members.filter((n) => n.data.layer === 0).map((n) => n.data.id);
  const perLayer = new Map<number, number>();
  for (const n of members) {
    const layer = n.data.layer ?? 0;
    perLayer.set(layer, (perLayer.get(layer) ?? 0) + 1);
  }
  return {
    name,
    elementCount: elements.nodes.length + elements.edges.length,
    roots,
    nodeCount: members.length,
    widestLayer: Math.max(1, ...perLayer.values()),
    layers: Math.max(1, perLayer.size),
  };
}

/**
 * The area the hierarchical layout spreads over. A headless instance has no viewport, so without
 * this breadth-first would squeeze every row into nothing.
 */
function hierarchyBox(spec: LayoutSpec): { x1: number; y1: number; w: number; h: number } {
  const side = Math.ceil(Math.sqrt(spec.nodeCount));
  const columns = Math.min(Math.max(spec.widestLayer, side), 60);
  const rows = Math.max(spec.layers, Math.ceil(spec.nodeCount / columns));
  return { x1: 0, y1: 0, w: columns * COLUMN_WIDTH, h: rows * ROW_HEIGHT };
}

/** The minimal node interface the option callbacks use (a cytoscape node satisfies it). */
interface LayoutNode {
  data(key: string): unknown;
}

/** Cytoscape layout options for a spec: no animation, fit to the view. */
export function layoutOptions(spec: LayoutSpec): Record<string, unknown> {
  const common = { animate: false, fit: true, padding: 30 };
  switch (spec.name) {
    case 'hierarchy':
      return {
        ...common,
        name: 'breadthfirst',
        directed: true,
        ...(spec.roots.length > 0
          ? { roots: spec.roots.map((id) => `#${cssId(id)}`).join(',') }
          : {}),
        boundingBox: hierarchyBox(spec),
        spacingFactor: 1,
        avoidOverlap: true,
        nodeDimensionsIncludeLabels: false,
      };
    case 'concentric': {
      return {
        ...common,
        name: 'concentric',
        // Layer 0 (focus, ending contracts) in the centre, each further layer one ring out.
        concentric: (node: LayoutNode) => 100 - Number(node.data('layer') ?? 50),
        levelWidth: () => 1,
        minNodeSpacing: spec.elementCount < 300 ? 50 : 12,
        avoidOverlap: spec.elementCount < 3000,
        startAngle: (3 / 2) * Math.PI,
      };
    }
    default: {
      const draft = spec.elementCount > DRAFT_ABOVE_ELEMENTS;
      return {
        ...common,
        name: 'fcose',
        quality: draft ? 'draft' : 'default',
        randomize: true,
        nodeDimensionsIncludeLabels: false,
        uniformNodeDimensions: true,
        packComponents: false,
        // Small graphs get room for their labels; large ones need compactness more.
        nodeRepulsion: () => (spec.elementCount < 300 ? 12000 : 6000),
        idealEdgeLength: () => (spec.elementCount < 300 ? 120 : 70),
        edgeElasticity: () => 0.45,
        nestingFactor: 0.1,
        gravity: 0.3,
        numIter: draft ? 1000 : 2500,
        // The spectral step's sample: 10 instead of 25 takes ~25% off a 5k-element draft layout.
        sampleSize: draft ? 10 : 25,
        tile: true,
      };
    }
  }
}

/** Escapes an id for a cytoscape selector (`#id`): ids are UUIDs or kebab names, but be safe. */
export function cssId(id: string): string {
  return id.replace(/([^\w-])/g, '\\$1');
}
