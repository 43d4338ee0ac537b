import type { RawRef } from '../../api/entity-ref.ts';
import { toEntityRef } from '../../api/entity-ref.ts';
import type { BlastRadiusResult } from '../../api/operations.ts';
import { formatDate } from '../../domain/dates.ts';
import type { EntityKind, ImpactStatus } from '../../domain/model.ts';
import { EDGE_TERMS } from '../../domain/terms.ts';
import {
  classOf,
  shortLabel,
  type GraphEdge,
  type GraphElements,
  type GraphNode,
} from '../elements.ts';

/**
 * The impact of ending contracts as a layered graph: what ends in layer 0, the usages it hits
 * (LOST or DEGRADED) in layer 1, and the usages depending on a LOST one one layer further out per
 * relation. Edges run from what ends to the usages it covers, and from each dependent to the
 * usage it uses (as the explaining paths go).
 */
export function blastRadiusToElements(result: BlastRadiusResult): GraphElements {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const addNode = (
    id: string,
    kind: EntityKind,
    name: string,
    status: ImpactStatus,
    layer: number,
    detail = '',
  ) => {
    if (nodes.has(id)) return;
    nodes.set(id, {
      group: 'nodes',
      data: {
        id,
        kind,
        name,
        status,
        layer,
        label: `${shortLabel(name)}${detail ? `\n${detail}` : ''}`,
      },
      classes: [classOf(kind), `status-${classOf(status)}`],
    });
  };
  const addEdge = (source: string, target: string, type: 'COVERS' | 'USES' | 'INSTANCE_OF') => {
    const id = `${type}:${source}:${target}`;
    if (edges.has(id) || !nodes.has(source) || !nodes.has(target)) return;
    const label = type === 'USES' ? 'bruger' : EDGE_TERMS[type];
    edges.set(id, {
      group: 'edges',
      // A dependent points at what it uses; the impact spreads the other way, so layers are
      // laid out from the ending contract outwards.
      data: { id, source, target, type, label, flowReversed: type === 'USES' },
      classes: [classOf(type), 'impact'],
    });
  };

  for (const contract of result.endingContracts) {
    const decideBy = contract.dates.decideBy.value;
    addNode(
      contract.contractId,
      'CONTRACT',
      contract.name,
      'ENDING',
      0,
      decideBy ? `beslut senest ${formatDate(decideBy)}` : '',
    );
  }
  for (const system of result.endingSystems) {
    const ref = toEntityRef(system);
    addNode(ref.id, 'SYSTEM', ref.name, 'ENDING', 0);
  }
  for (const hit of result.hitUsages) {
    addNode(hit.usageId, 'USAGE', usageName(hit.usage, hit.usageId), hit.status, 1);
  }
  for (const dependent of result.dependentUsages) {
    addNode(
      dependent.usageId,
      'USAGE',
      usageName(dependent.usage, dependent.usageId),
      'DEPENDENT',
      1 + dependent.depth,
    );
  }
  // Usages on a dependent's path that a list limit left out still explain the path: add them.
  for (const dependent of result.dependentUsages) {
    const refs = dependent.pathEntities.map(toEntityRef);
    const usages = refs.filter((r) => r.kind === 'USAGE');
    usages.forEach((usage, i) => {
      const layer = 1 + Math.max(0, dependent.depth - i);
      addNode(usage.id, 'USAGE', usage.name, i === usages.length - 1 ? 'LOST' : 'DEPENDENT', layer);
    });
    for (let i = 0; i + 1 < usages.length; i++) addEdge(usages[i]!.id, usages[i + 1]!.id, 'USES');
  }
  for (const hit of result.hitUsages) {
    for (const contractId of hit.endingContractIds) addEdge(contractId, hit.usageId, 'COVERS');
    if (hit.endingSystemId) addEdge(hit.endingSystemId, hit.usageId, 'INSTANCE_OF');
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function usageName(usage: RawRef | null, id: string): string {
  return usage ? toEntityRef(usage).name : id;
}

/**
 * Marks the elements on a path (ids in order) so the canvas highlights them and fades the rest;
 * an edge is on the path when its two ends are consecutive entities of it, skipping relations.
 */
export function markPath(elements: GraphElements, path: readonly string[]): GraphElements {
  if (path.length === 0) return elements;
  const onPath = new Set(path);
  const present = path.filter((id) => elements.nodes.some((n) => n.data.id === id));
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < present.length; i++) {
    pairs.add(`${present[i]}|${present[i + 1]}`);
    pairs.add(`${present[i + 1]}|${present[i]}`);
  }
  return {
    nodes: elements.nodes.map((n) => ({
      ...n,
      classes: [...n.classes, onPath.has(n.data.id) ? 'on-path' : 'faded'],
    })),
    edges: elements.edges.map((e) => ({
      ...e,
      classes: [...e.classes, pairs.has(`${e.data.source}|${e.data.target}`) ? 'on-path' : 'faded'],
    })),
  };
}
