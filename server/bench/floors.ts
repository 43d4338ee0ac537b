import type { GraphIndex } from '../analysis/graph-index.ts';
import { HUB_LABELS } from '../analysis/graph-queries.ts';
import { RELATIONSHIP_TYPES } from '../model/model-types.ts';

/**
 * The floor of the benchmark: the same questions as the analyses, answered by a bare breadth-
 * first walk over the index's typed arrays with no filters, explanations or result objects. Our
 * analyses should stay within a small factor of these (PERFORMANCE.md).
 */

/** Marks a node as seen; true when it was not seen before. */
function visit(seen: Uint8Array, node: number): boolean {
  if (seen[node]) return false;
  seen[node] = 1;
  return true;
}

/** Nodes within two hops of a start, not expanding hub labels. */
export function floorHop2(index: GraphIndex, start: number): number {
  const seen = new Uint8Array(index.nodeCount);
  seen[start] = 1;
  let frontier = [start];
  let count = 1;
  for (let hop = 0; hop < 2; hop++) {
    const next: number[] = [];
    for (const node of frontier) {
      if (node !== start && HUB_LABELS.has(index.labelAt(node))) continue;
      for (const type of RELATIONSHIP_TYPES) {
        for (const direction of ['OUT', 'IN'] as const) {
          for (const n of index.neighbours(node, type, direction)) {
            if (visit(seen, n)) next.push(n);
          }
        }
      }
    }
    count += next.length;
    frontier = next;
  }
  return count;
}

/** Usages covered by the contracts, plus the usages depending on them up to `maxDepth` relations. */
export function floorBlast(index: GraphIndex, contracts: readonly number[], maxDepth = 3): number {
  const seen = new Uint8Array(index.nodeCount);
  let frontier: number[] = [];
  for (const contract of contracts) {
    for (const usage of index.neighbours(contract, 'COVERS', 'OUT')) {
      if (visit(seen, usage)) frontier.push(usage);
    }
  }
  let count = frontier.length;
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const used of frontier) {
      for (const relation of index.neighbours(used, 'TO_USAGE', 'IN')) {
        for (const user of index.neighbours(relation, 'FROM_USAGE', 'OUT')) {
          if (visit(seen, user)) next.push(user);
        }
      }
    }
    count += next.length;
    frontier = next;
  }
  return count;
}
