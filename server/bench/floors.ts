import type { GraphIndex } from '../analysis/graph-index.ts';
import { HUB_LABELS } from '../analysis/graph-queries.ts';
import { RELATIONSHIP_TYPES } from '../model/model-types.ts';

/**
 * The floor of the benchmark: the same questions as the analyses, answered by a bare breadth-
 * first walk over the index's typed arrays with no filters, explanations or result objects. Our
 * analyses should stay within a small factor of these (PERFORMANCE.md).
 */

/**
 * Marks of the nodes a walk has reached, kept per index and reused: each walk stamps nodes with
 * its own number, so nothing is allocated or cleared per walk (as the analyses' scratch space).
 * Allocating a node-sized array per walk cost more than the walk itself and, through the garbage
 * collector, made the floor's time move by a factor of ten between runs.
 */
class Visits {
  readonly #stamps: Uint32Array;
  #walk = 0;

  constructor(nodeCount: number) {
    this.#stamps = new Uint32Array(nodeCount);
  }

  /** Starts a walk: every node is unseen again. */
  start(): this {
    if (this.#walk === 0xffffffff) {
      this.#stamps.fill(0);
      this.#walk = 0;
    }
    this.#walk++;
    return this;
  }

  /** Marks a node as seen; true when this walk had not seen it before. */
  visit(node: number): boolean {
    if (this.#stamps[node] === this.#walk) return false;
    this.#stamps[node] = this.#walk;
    return true;
  }
}

const VISITS = new WeakMap<GraphIndex, Visits>();

function startWalk(index: GraphIndex): Visits {
  let visits = VISITS.get(index);
  if (!visits) {
    visits = new Visits(index.nodeCount);
    VISITS.set(index, visits);
  }
  return visits.start();
}

/** Nodes within two hops of a start, not expanding hub labels. */
export function floorHop2(index: GraphIndex, start: number): number {
  const seen = startWalk(index);
  seen.visit(start);
  let frontier = [start];
  let count = 1;
  for (let hop = 0; hop < 2; hop++) {
    const next: number[] = [];
    for (const node of frontier) {
      if (node !== start && HUB_LABELS.has(index.labelAt(node))) continue;
      for (const type of RELATIONSHIP_TYPES) {
        for (const direction of ['OUT', 'IN'] as const) {
          for (const n of index.neighbours(node, type, direction)) {
            if (seen.visit(n)) next.push(n);
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
  const seen = startWalk(index);
  let frontier: number[] = [];
  for (const contract of contracts) {
    for (const usage of index.neighbours(contract, 'COVERS', 'OUT')) {
      if (seen.visit(usage)) frontier.push(usage);
    }
  }
  let count = frontier.length;
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const used of frontier) {
      for (const relation of index.neighbours(used, 'TO_USAGE', 'IN')) {
        for (const user of index.neighbours(relation, 'FROM_USAGE', 'OUT')) {
          if (seen.visit(user)) next.push(user);
        }
      }
    }
    count += next.length;
    frontier = next;
  }
  return count;
}
