import { describe, expect, it } from 'vitest';
import { aSlice, aSliceEdge, aSliceNode, aktaSlice, NORDLYS } from '../../testing/map-fixtures.ts';
import { kleMainGroupOf, sliceToMapGraph } from './slice-to-map-graph.ts';

describe('sliceToMapGraph', () => {
  it('reads the grouping and filtering facets of each kind', () => {
    const graph = sliceToMapGraph(aktaSlice());
    const usage = graph.nodes.find((n) => n.id === 'use-aarby-esdh')!;
    expect(usage.facets).toEqual({
      criticality: 'HIGH',
      businessCritical: true,
      personalData: 'SENSITIVE_DATA',
      orgUnit: { id: 'unit-it', name: 'IT-afdelingen' },
      supplier: NORDLYS,
      kleMainGroups: ['00', '27'],
      organizationKind: null,
    });
    expect(graph.nodes.find((n) => n.id === 'sys-akta')!.facets.supplier).toEqual(NORDLYS);
    expect(graph.nodes.find((n) => n.id === 'con-aarby-esdh')!.facets.supplier).toEqual(NORDLYS);
    expect(graph.nodes.find((n) => n.id === 'org-aarby')!.facets.organizationKind).toBe(
      'MUNICIPALITY',
    );
  });

  it('keeps via edges with their hidden intermediates and the server hidden counts', () => {
    const graph = sliceToMapGraph(aktaSlice());
    expect(graph.edges.find((e) => e.type === 'VIA_HIDDEN')).toMatchObject({
      source: 'use-aarby-portal',
      target: 'use-aarby-esdh',
      via: ['rel-portal-esdh'],
      viaKinds: ['RELATION'],
    });
    expect(graph.hidden).toEqual({
      byMaxNodes: 2,
      byFilters: 1,
      byKinds: 1,
      byCriticality: 0,
      viaEdges: 0,
    });
  });

  it('drops nodes of unknown kinds with their edges and counts them as hidden', () => {
    const slice = aSlice(
      [
        aSliceNode({ id: 'sys-akta', kind: 'SYSTEM' }),
        aSliceNode({ id: 'x-1', kind: 'HOLOGRAM' as 'SYSTEM' }),
      ],
      [aSliceEdge('INSTANCE_OF', 'x-1', 'sys-akta')],
    );
    const graph = sliceToMapGraph(slice);
    expect(graph.nodes.map((n) => n.id)).toEqual(['sys-akta']);
    expect(graph.edges).toEqual([]);
    expect(graph.hidden.byKinds).toBe(1);
  });

  it('finds the KLE main group of a task number', () => {
    expect(kleMainGroupOf('27.24.00')).toBe('27');
    expect(kleMainGroupOf('27')).toBe('27');
    expect(kleMainGroupOf('x.1')).toBeNull();
  });
});
