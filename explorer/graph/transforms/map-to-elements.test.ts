import { describe, expect, it } from 'vitest';
import { aktaSlice, AARBY } from '../../testing/map-fixtures.ts';
import { groupOf, mapToElements } from './map-to-elements.ts';
import { sliceToMapGraph } from './slice-to-map-graph.ts';

const graph = sliceToMapGraph(aktaSlice());
const names = {
  municipalities: new Map([[AARBY, 'Aarby Kommune']]),
  kleMainGroups: new Map([['27', 'Arbejdsmarked']]),
};

describe('mapToElements', () => {
  it('classes nodes by kind, role and lifecycle and counts hidden neighbours in the label', () => {
    const { nodes } = mapToElements(graph);
    const akta = nodes.find((n) => n.data.id === 'sys-akta')!;
    expect(akta.classes).toEqual(['system', 'start']);
    const usage = nodes.find((n) => n.data.id === 'use-aarby-esdh')!;
    expect(usage.classes).toEqual(['usage', 'lifecycle-operational', 'has-hidden']);
    expect(usage.data.label).toBe('Akta ESDH\n+4');
    expect(nodes.find((n) => n.data.id === 'use-aarby-portal')!.classes).toContain(
      'lifecycle-phasing-out',
    );
    expect(nodes.find((n) => n.data.id === AARBY)!.classes).toContain('hub');
  });

  it('draws via edges dashed with the kinds they pass through', () => {
    const via = mapToElements(graph).edges.find((e) => e.data.type === 'VIA_HIDDEN')!;
    expect(via.classes).toEqual(['via-hidden', 'via']);
    expect(via.data.label).toBe('via relation');
  });

  it('reverses relations pointing at their user for the data-flow layout only', () => {
    const flipped = mapToElements({
      ...graph,
      edges: [
        {
          id: 'f',
          source: 'rel-1',
          target: 'use-aarby-portal',
          type: 'FROM_USAGE',
          directed: true,
          via: [],
          viaKinds: [],
        },
      ],
    }).edges[0]!;
    expect(flipped.data).toMatchObject({
      source: 'rel-1',
      target: 'use-aarby-portal',
      flowReversed: true,
    });
  });

  it('groups by municipality, with the municipality itself in its own group', () => {
    const { nodes } = mapToElements(graph, 'municipality', names);
    const group = nodes.find((n) => n.data.kind === 'GROUP')!;
    expect(group.data).toMatchObject({
      id: `group:municipality:${AARBY}`,
      label: 'Aarby Kommune (4)',
      count: 4,
    });
    expect(nodes.find((n) => n.data.id === AARBY)!.data.parent).toBe(group.data.id);
    expect(nodes.find((n) => n.data.id === 'sys-akta')!.data.parent).toBeUndefined();
  });

  it.each([
    ['supplier', 'use-aarby-esdh', 'Nordlys Data A/S'],
    ['orgUnit', 'use-aarby-esdh', 'IT-afdelingen'],
    ['kle', 'sys-akta', 'KLE 27 Arbejdsmarked'],
    ['kle', 'use-aarby-esdh', 'KLE 00'],
  ] as const)('groups by %s: %s falls in "%s"', (grouping, id, name) => {
    expect(
      groupOf(
        graph.nodes.find((n) => n.id === id)!,
        grouping,
        names,
      )?.name,
    ).toBe(name);
  });
});
