import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { layoutOptions, type LayoutSpec } from '../graph/layouts.ts';
import { spreadOverlaps } from '../graph/spread-overlaps.ts';

/** What a layout needs of the elements: structure only, no labels or classes. */
export interface LayoutInput {
  readonly nodes: readonly {
    readonly id: string;
    readonly parent?: string;
    readonly layer?: number;
  }[];
  readonly edges: readonly {
    readonly id: string;
    readonly source: string;
    readonly target: string;
    readonly flowReversed?: boolean;
  }[];
}

export type Positions = Record<string, { x: number; y: number }>;

export interface LayoutResult {
  readonly positions: Positions;
  /** Time the layout itself took, in ms. */
  readonly layoutMs: number;
}

let registered = false;

/** Nodes are laid out as if all were this size, matching the stylesheet's usual node. */
const NODE_SIZE = 28;

/**
 * Lays out a graph on a headless cytoscape instance and returns the position of every non-group
 * node (group positions follow from their members). Runs in the layout worker, and in Node for
 * tests and measurements.
 */
export function computeLayout(input: LayoutInput, spec: LayoutSpec): LayoutResult {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  const started = performance.now();
  const ids = new Set(input.nodes.map((n) => n.id));
  const hierarchy = spec.name === 'hierarchy';
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [
      { selector: 'node', style: { width: NODE_SIZE, height: NODE_SIZE } },
      { selector: ':parent', style: { padding: '12px' } },
    ],
    elements: [
      ...input.nodes.map((n) => ({
        group: 'nodes' as const,
        data: {
          id: n.id,
          layer: n.layer,
          ...(n.parent && ids.has(n.parent) ? { parent: n.parent } : {}),
        },
      })),
      ...input.edges
        .filter((e) => ids.has(e.source) && ids.has(e.target))
        .map((e) => ({
          group: 'edges' as const,
          data:
            hierarchy && e.flowReversed
              ? { id: e.id, source: e.target, target: e.source }
              : { id: e.id, source: e.source, target: e.target },
        })),
    ],
  });
  cy.layout(layoutOptions(spec) as unknown as cytoscape.LayoutOptions).run();
  const positions: Positions = {};
  cy.nodes().forEach((node) => {
    if (node.isParent()) return;
    const { x, y } = node.position();
    positions[node.id()] = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  });
  cy.destroy();
  return { positions: spreadOverlaps(positions), layoutMs: performance.now() - started };
}
