import type { GraphIndex } from '../analysis/graph-index.ts';
import { HUB_LABELS } from '../analysis/graph-queries.ts';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../model/model-types.ts';

/**
 * The floor of the benchmark: the same questions as the analyses, answered by a bare breadth-
 * first walk over the index's typed arrays with no filters, explanations or result objects. Our
 * analyses should stay within a small factor of these (PERFORMANCE.md). The walks read the
 * neighbour views with indexed loops: `for...of` over them took 1.26 (2-hop) and 1.37 (blast
 * radius) times as long.
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

  /** Whether this walk has seen a node. */
  seen(node: number): boolean {
    return this.#stamps[node] === this.#walk;
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

/**
 * Whether the last walk over this index reached a node: what a floor read, for the tests that
 * check it reads at least what the analysis answers with.
 */
export function reachedByLastWalk(index: GraphIndex, node: number): boolean {
  return VISITS.get(index)?.seen(node) ?? false;
}

/**
 * The subgraph a 2-hop neighbourhood draws: the nodes within two hops of a start, not expanding
 * hub labels, and the edges between them (each reached node's outgoing relationships to another
 * reached node, as the analysis finds the edges it draws). Returns nodes plus edges.
 */
export function floorHop2(index: GraphIndex, start: number): number {
  const seen = startWalk(index);
  seen.visit(start);
  const reached = [start];
  let frontier = [start];
  for (let hop = 0; hop < 2; hop++) {
    const next: number[] = [];
    for (const node of frontier) {
      if (node !== start && HUB_LABELS.has(index.labelAt(node))) continue;
      for (const type of RELATIONSHIP_TYPES) {
        for (const direction of ['OUT', 'IN'] as const) {
          const ns = index.neighbours(node, type, direction);
          for (let i = 0; i < ns.length; i++) if (seen.visit(ns[i]!)) next.push(ns[i]!);
        }
      }
    }
    reached.push(...next);
    frontier = next;
  }
  let edges = 0;
  for (const node of reached) {
    for (const type of RELATIONSHIP_TYPES) {
      const ns = index.neighbours(node, type, 'OUT');
      for (let i = 0; i < ns.length; i++) if (seen.seen(ns[i]!)) edges++;
    }
  }
  return reached.length + edges;
}

/**
 * The subgraph a blast radius reads (DOMAIN.md): the ending contracts with the usages they cover,
 * the relations they govern and the registrations whose main contract they are; each hit usage's
 * covering contracts and registrations and its main contract; the usages depending on the hit
 * ones up to `maxDepth` relations, with the relations and the interfaces they go through; and
 * each hit or dependent usage's org units, its system and their KLE tasks. Bare: no dates (so
 * dependents are followed from every hit usage, not only the LOST ones), no scope, no paths.
 * Returns the number of nodes reached.
 */
export function floorBlast(index: GraphIndex, contracts: readonly number[], maxDepth = 3): number {
  const seen = startWalk(index);
  let count = 0;
  const reach = (node: number): boolean => {
    if (!seen.visit(node)) return false;
    count++;
    return true;
  };
  const reachAll = (node: number, type: RelationshipType, direction: 'OUT' | 'IN') => {
    const ns = index.neighbours(node, type, direction);
    for (let i = 0; i < ns.length; i++) reach(ns[i]!);
  };
  const hit: number[] = [];
  for (const contract of contracts) {
    reach(contract);
    const covered = index.neighbours(contract, 'COVERS', 'OUT');
    for (let i = 0; i < covered.length; i++) if (reach(covered[i]!)) hit.push(covered[i]!);
    reachAll(contract, 'GOVERNS', 'OUT');
    reachAll(contract, 'MAIN_CONTRACT', 'IN');
  }
  for (const usage of hit) {
    reachAll(usage, 'COVERS', 'IN');
    reachAll(usage, 'MAIN_CONTRACT', 'OUT');
  }
  const affected = [...hit];
  let frontier = hit;
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const used of frontier) {
      const relations = index.neighbours(used, 'TO_USAGE', 'IN');
      for (let i = 0; i < relations.length; i++) {
        reach(relations[i]!);
        reachAll(relations[i]!, 'VIA', 'OUT');
        const users = index.neighbours(relations[i]!, 'FROM_USAGE', 'OUT');
        for (let j = 0; j < users.length; j++) if (reach(users[j]!)) next.push(users[j]!);
      }
    }
    affected.push(...next);
    frontier = next;
  }
  for (const usage of affected) {
    reachAll(usage, 'USED_BY', 'OUT');
    reachAll(usage, 'RESPONSIBLE', 'OUT');
    reachAll(usage, 'OPTS_OUT_TASK', 'OUT');
    reachAll(usage, 'ADDS_TASK', 'OUT');
    const systems = index.neighbours(usage, 'INSTANCE_OF', 'OUT');
    for (let i = 0; i < systems.length; i++) {
      if (reach(systems[i]!)) reachAll(systems[i]!, 'SUPPORTS', 'OUT');
    }
  }
  return count;
}
