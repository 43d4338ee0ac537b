import type { Core } from 'cytoscape';
import type { SvgEdge, SvgNode, SvgScene } from '../export/svg.ts';

const number = (value: unknown, fallback: number) => {
  const n = parseFloat(String(value));
  return Number.isFinite(n) ? n : fallback;
};

/** What the canvas shows, as a scene for the SVG export: model coordinates, computed styles. */
export function sceneOf(cy: Core, title: string): SvgScene {
  const nodes: SvgNode[] = [];
  cy.nodes(':visible').forEach((node) => {
    const { x, y } = node.position();
    nodes.push({
      x,
      y,
      width: node.outerWidth(),
      height: node.outerHeight(),
      shape: String(node.style('shape')),
      fill: String(node.style('background-color')),
      stroke: String(node.style('border-color')),
      strokeWidth: number(node.style('border-width'), 0),
      dashed: node.style('border-style') !== 'solid',
      opacity: node.effectiveOpacity(),
      label: String(node.data('label') ?? ''),
      isGroup: node.isParent(),
    });
  });
  const edges: SvgEdge[] = [];
  cy.edges(':visible').forEach((edge) => {
    const source = edge.sourceEndpoint();
    const target = edge.targetEndpoint();
    edges.push({
      x1: source.x,
      y1: source.y,
      x2: target.x,
      y2: target.y,
      color: String(edge.style('line-color')),
      width: number(edge.style('width'), 1),
      dashed: edge.style('line-style') !== 'solid',
      arrow: edge.style('target-arrow-shape') !== 'none',
      opacity: edge.effectiveOpacity(),
    });
  });
  return { nodes, edges, title };
}
