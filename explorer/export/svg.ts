/**
 * A graph as a standalone SVG document, drawn from what the canvas shows (positions, sizes,
 * colours, labels). Cytoscape renders to a canvas only, so vector export is done here.
 */

export interface SvgNode {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly shape: string;
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly dashed: boolean;
  readonly opacity: number;
  readonly label: string;
  /** A compound group: drawn behind, label on top. */
  readonly isGroup: boolean;
}

export interface SvgEdge {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly color: string;
  readonly width: number;
  readonly dashed: boolean;
  readonly arrow: boolean;
  readonly opacity: number;
}

export interface SvgScene {
  readonly nodes: readonly SvgNode[];
  readonly edges: readonly SvgEdge[];
  readonly title: string;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const round = (n: number) => Math.round(n * 10) / 10;

function polygon(sides: number, node: SvgNode, rotation = -Math.PI / 2): string {
  const points: string[] = [];
  for (let i = 0; i < sides; i++) {
    const angle = rotation + (i * 2 * Math.PI) / sides;
    points.push(
      `${round(node.x + (node.width / 2) * Math.cos(angle))},${round(node.y + (node.height / 2) * Math.sin(angle))}`,
    );
  }
  return points.join(' ');
}

function shapeElement(node: SvgNode, paint: string): string {
  const { x, y, width: w, height: h } = node;
  switch (node.shape) {
    case 'ellipse':
      return `<ellipse cx="${round(x)}" cy="${round(y)}" rx="${round(w / 2)}" ry="${round(h / 2)}"${paint}/>`;
    case 'diamond':
      return `<polygon points="${polygon(4, node)}"${paint}/>`;
    case 'triangle':
    case 'round-triangle':
      return `<polygon points="${polygon(3, node)}"${paint}/>`;
    case 'pentagon':
    case 'round-pentagon':
      return `<polygon points="${polygon(5, node)}"${paint}/>`;
    case 'hexagon':
    case 'round-hexagon':
      return `<polygon points="${polygon(6, node, 0)}"${paint}/>`;
    case 'octagon':
    case 'round-octagon':
      return `<polygon points="${polygon(8, node, Math.PI / 8)}"${paint}/>`;
    default: {
      const radius = node.shape.startsWith('round') || node.isGroup ? Math.min(8, w / 4, h / 4) : 0;
      return `<rect x="${round(x - w / 2)}" y="${round(y - h / 2)}" width="${round(w)}" height="${round(h)}" rx="${round(radius)}"${paint}/>`;
    }
  }
}

function label(node: SvgNode): string {
  if (!node.label) return '';
  const lines = node.label.split('\n');
  const top = node.isGroup
    ? node.y - node.height / 2 - 4 - (lines.length - 1) * 12
    : node.y + node.height / 2 + 11;
  const weight = node.isGroup ? ' font-weight="bold"' : '';
  const spans = lines
    .map(
      (line, i) =>
        `<tspan x="${round(node.x)}" y="${round(top + i * 12)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<text text-anchor="middle" font-size="10"${weight} fill="#1f2937">${spans}</text>`;
}

/** The SVG document of a scene, fitted to its content with a margin. */
export function renderSvg(scene: SvgScene): string {
  const margin = 40;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of scene.nodes) {
    minX = Math.min(minX, n.x - n.width / 2 - 60);
    maxX = Math.max(maxX, n.x + n.width / 2 + 60);
    minY = Math.min(minY, n.y - n.height / 2 - 30);
    maxY = Math.max(maxY, n.y + n.height / 2 + 30);
  }
  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, 100, 100];
  const width = round(maxX - minX + 2 * margin);
  const height = round(maxY - minY + 2 * margin);
  const viewBox = `${round(minX - margin)} ${round(minY - margin)} ${width} ${height}`;
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${viewBox}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(scene.title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="context-stroke"/></marker></defs>`,
    `<rect x="${round(minX - margin)}" y="${round(minY - margin)}" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  const paintOf = (n: SvgNode) =>
    ` fill="${escapeXml(n.fill)}" stroke="${escapeXml(n.stroke)}" stroke-width="${round(n.strokeWidth)}"${n.dashed ? ' stroke-dasharray="5 3"' : ''}${n.opacity < 1 ? ` opacity="${round(n.opacity)}"` : ''}`;
  for (const n of scene.nodes.filter((n) => n.isGroup)) {
    parts.push(`<g class="group">${shapeElement(n, paintOf(n))}${label(n)}</g>`);
  }
  for (const e of scene.edges) {
    parts.push(
      `<line x1="${round(e.x1)}" y1="${round(e.y1)}" x2="${round(e.x2)}" y2="${round(e.y2)}" stroke="${escapeXml(e.color)}" stroke-width="${round(e.width)}"${e.dashed ? ' stroke-dasharray="6 4"' : ''}${e.arrow ? ' marker-end="url(#arrow)"' : ''}${e.opacity < 1 ? ` opacity="${round(e.opacity)}"` : ''}/>`,
    );
  }
  for (const n of scene.nodes.filter((n) => !n.isGroup)) {
    parts.push(`<g class="node">${shapeElement(n, paintOf(n))}${label(n)}</g>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}
