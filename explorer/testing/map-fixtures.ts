import type { RawGraphSlice, RawSliceEdge, RawSliceNode } from '../api/map-operations.ts';
import {
  NO_FACETS,
  NOTHING_HIDDEN,
  type MapEdge,
  type MapGraph,
  type MapNode,
} from '../graph/map-graph.ts';

/**
 * A small named landscape for the explorer's tests (test code only): Aarby Kommune uses Akta
 * ESDH ("use-aarby-esdh") under contract "con-aarby-esdh" from Nordlys Data; its Borgerportal
 * ("use-aarby-portal") uses the ESDH through relation "rel-portal-esdh".
 */

export function aSliceNode(
  overrides: Partial<RawSliceNode> & Pick<RawSliceNode, 'id' | 'kind'>,
): RawSliceNode {
  return {
    name: overrides.id,
    municipalityId: null,
    depth: 1,
    isStart: false,
    hub: false,
    lifecycle: null,
    hiddenNeighbours: 0,
    entity: null,
    ...overrides,
  };
}

export function aSliceEdge(
  type: string,
  source: string,
  target: string,
  via: string[] = [],
): RawSliceEdge {
  return {
    id: `${type}:${source}:${target}`,
    source,
    target,
    type,
    directed: true,
    via: via.length > 0 ? via : null,
    viaKinds: via.length > 0 ? via.map(() => 'RELATION') : null,
  };
}

export function aSlice(
  nodes: RawSliceNode[],
  edges: RawSliceEdge[],
  overrides: Partial<RawGraphSlice> = {},
): RawGraphSlice {
  return {
    truncated: false,
    viaSearchLimited: false,
    hidden: { byMaxNodes: 0, byFilters: 0, byKinds: 0, viaEdges: 0, perKind: [] },
    nodes,
    edges,
    ...overrides,
  };
}

export function aMapNode(overrides: Partial<MapNode> & Pick<MapNode, 'id' | 'kind'>): MapNode {
  return {
    name: overrides.id,
    municipalityId: null,
    depth: 1,
    isStart: false,
    hub: false,
    lifecycle: null,
    hiddenNeighbours: 0,
    facets: NO_FACETS,
    ...overrides,
  };
}

export function aMapEdge(type: MapEdge['type'], source: string, target: string): MapEdge {
  return {
    id: `${type}:${source}:${target}`,
    source,
    target,
    type,
    directed: true,
    via: [],
    viaKinds: [],
  };
}

export function aMapGraph(nodes: MapNode[], edges: MapEdge[]): MapGraph {
  return { nodes, edges, truncated: false, viaSearchLimited: false, hidden: NOTHING_HIDDEN };
}

export const AARBY = 'org-aarby';
export const NORDLYS = { id: 'org-nordlys', name: 'Nordlys Data A/S' };

/** Akta ESDH's neighbourhood in Aarby, as the server answers it. */
export function aktaSlice(): RawGraphSlice {
  return aSlice(
    [
      aSliceNode({
        id: 'sys-akta',
        kind: 'SYSTEM',
        name: 'Akta ESDH',
        depth: 0,
        isStart: true,
        entity: { __typename: 'System', rightsHolder: NORDLYS, tasks: [{ number: '27.24.00' }] },
      }),
      aSliceNode({
        id: 'use-aarby-esdh',
        kind: 'USAGE',
        name: 'Akta ESDH',
        municipalityId: AARBY,
        lifecycle: 'OPERATIONAL',
        hiddenNeighbours: 4,
        entity: {
          __typename: 'Usage',
          criticality: 'HIGH',
          businessCritical: true,
          personalData: 'SENSITIVE_DATA',
          responsibleUnit: { id: 'unit-it', name: 'IT-afdelingen' },
          mainContract: { supplier: NORDLYS },
          system: { tasks: [{ number: '27.24.00' }, { number: '00.01.05' }] },
        },
      }),
      aSliceNode({
        id: 'use-aarby-portal',
        kind: 'USAGE',
        name: 'Borgerportal',
        municipalityId: AARBY,
        lifecycle: 'PHASING_OUT',
        depth: 2,
        entity: {
          __typename: 'Usage',
          criticality: 'LOW',
          personalData: 'NONE',
          responsibleUnit: null,
          mainContract: null,
          system: { tasks: [] },
        },
      }),
      aSliceNode({
        id: 'con-aarby-esdh',
        kind: 'CONTRACT',
        name: 'ESDH-kontrakt',
        municipalityId: AARBY,
        depth: 2,
        entity: { __typename: 'Contract', supplier: NORDLYS },
      }),
      aSliceNode({
        id: AARBY,
        kind: 'ORGANIZATION',
        name: 'Aarby Kommune',
        hub: true,
        depth: 2,
        entity: { __typename: 'Organization', orgKind: 'MUNICIPALITY' },
      }),
    ],
    [
      aSliceEdge('INSTANCE_OF', 'use-aarby-esdh', 'sys-akta'),
      aSliceEdge('COVERS', 'con-aarby-esdh', 'use-aarby-esdh'),
      aSliceEdge('BELONGS_TO', 'use-aarby-esdh', AARBY),
      aSliceEdge('VIA_HIDDEN', 'use-aarby-portal', 'use-aarby-esdh', ['rel-portal-esdh']),
    ],
    { hidden: { byMaxNodes: 2, byFilters: 1, byKinds: 1, viaEdges: 0, perKind: [] } },
  );
}
