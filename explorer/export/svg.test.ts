import { describe, expect, it } from 'vitest';
import { escapeXml, renderSvg, type SvgNode } from './svg.ts';

const node = (overrides: Partial<SvgNode>): SvgNode => ({
  x: 0,
  y: 0,
  width: 24,
  height: 24,
  shape: 'ellipse',
  fill: '#1d4ed8',
  stroke: '#ffffff',
  strokeWidth: 1,
  dashed: false,
  opacity: 1,
  label: '',
  isGroup: false,
  ...overrides,
});

describe('renderSvg', () => {
  const svg = renderSvg({
    title: 'Kort <Aarby>',
    nodes: [
      node({ label: 'Akta ESDH\n+4' }),
      node({ x: 200, shape: 'diamond', label: 'Sag & Dokument' }),
      node({
        x: 100,
        y: 50,
        width: 300,
        height: 150,
        shape: 'round-rectangle',
        isGroup: true,
        label: 'Aarby Kommune (2)',
      }),
    ],
    edges: [
      {
        x1: 0,
        y1: 0,
        x2: 200,
        y2: 0,
        color: '#64748b',
        width: 1.5,
        dashed: true,
        arrow: true,
        opacity: 1,
      },
    ],
  });

  it('is a standalone SVG document with an escaped title', () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('<title>Kort &lt;Aarby&gt;</title>');
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it('draws shapes, dashed arrowed edges and multi-line escaped labels', () => {
    expect(svg).toContain('<ellipse cx="0" cy="0" rx="12" ry="12"');
    expect(svg).toMatch(/<polygon points="200,-12 212,0 200,12 188,0"/);
    expect(svg).toContain('stroke-dasharray="6 4" marker-end="url(#arrow)"');
    expect(svg).toContain('<tspan x="0" y="23">Akta ESDH</tspan><tspan x="0" y="35">+4</tspan>');
    expect(svg).toContain('Sag &amp; Dokument');
  });

  it('draws groups behind edges and nodes', () => {
    expect(svg.indexOf('class="group"')).toBeLessThan(svg.indexOf('<line'));
    expect(svg.indexOf('<line')).toBeLessThan(svg.indexOf('class="node"'));
  });

  it('escapes every XML special character', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });
});
