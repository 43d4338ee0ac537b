import { describe, expect, it } from 'vitest';
import { esdhImpact } from '../../testing/impact-fixtures.ts';
import { blastRadiusToElements, markPath } from './blast-radius-to-elements.ts';

describe('blastRadiusToElements', () => {
  const elements = blastRadiusToElements(esdhImpact());

  it('lays what ends, what it hits and what depends on that out in layers, coloured by status', () => {
    expect(elements.nodes.map((n) => [n.data.id, n.data.status, n.data.layer])).toEqual([
      ['con-esdh', 'ENDING', 0],
      ['use-esdh', 'LOST', 1],
      ['use-oko', 'DEGRADED', 1],
      ['use-portal', 'DEPENDENT', 2],
      ['use-bi', 'DEPENDENT', 3],
    ]);
    expect(elements.nodes[1]!.classes).toEqual(['usage', 'status-lost']);
  });

  it('shows the decide-by date on the ending contract', () => {
    expect(elements.nodes[0]!.data.label).toBe('ESDH-kontrakt 2019\nbeslut senest 30. jun. 2025');
  });

  it('links covered usages to the contract and dependents to what they use', () => {
    expect(elements.edges.map((e) => [e.data.type, e.data.source, e.data.target])).toEqual([
      ['USES', 'use-portal', 'use-esdh'],
      ['USES', 'use-bi', 'use-portal'],
      ['COVERS', 'con-esdh', 'use-esdh'],
      ['COVERS', 'con-esdh', 'use-oko'],
    ]);
    expect(elements.edges[0]!.data.flowReversed).toBe(true);
  });

  it('adds usages on a path that a list limit left out', () => {
    const cut = { ...esdhImpact(), dependentUsages: esdhImpact().dependentUsages.slice(1) };
    const ids = blastRadiusToElements(cut).nodes.map((n) => n.data.id);
    expect(ids).toContain('use-portal');
  });
});

describe('markPath', () => {
  it('highlights the path and fades everything else', () => {
    const elements = blastRadiusToElements(esdhImpact());
    const marked = markPath(elements, [
      'use-bi',
      'rel-bi-portal',
      'use-portal',
      'rel-portal-esdh',
      'use-esdh',
      'con-esdh',
    ]);
    const onPath = (classes: readonly string[]) => classes.includes('on-path');
    expect(marked.nodes.filter((n) => onPath(n.classes)).map((n) => n.data.id)).toEqual([
      'con-esdh',
      'use-esdh',
      'use-portal',
      'use-bi',
    ]);
    expect(marked.nodes.find((n) => n.data.id === 'use-oko')!.classes).toContain('faded');
    expect(marked.edges.filter((e) => onPath(e.classes)).map((e) => e.data.id)).toEqual([
      'USES:use-portal:use-esdh',
      'USES:use-bi:use-portal',
      'COVERS:con-esdh:use-esdh',
    ]);
  });

  it('changes nothing without a path', () => {
    const elements = blastRadiusToElements(esdhImpact());
    expect(markPath(elements, [])).toBe(elements);
  });
});
