import { describe, expect, it } from 'vitest';
import { blastRadius } from '../analysis/blast-radius.ts';
import { GraphIndex } from '../analysis/graph-index.ts';
import { HUB_LABELS } from '../analysis/graph-queries.ts';
import { neighbourhood, VIA_HIDDEN } from '../analysis/neighbourhood.ts';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../model/model-types.ts';
import { generateLandscape } from '../../seed/generate-landscape.ts';
import { floorBlast, floorHop2, reachedByLastWalk } from './floors.ts';

const AS_OF = '2026-01-01';
const index = GraphIndex.fromLandscape(
  generateLandscape({ scale: 'small', seed: 1, referenceDate: AS_OF }),
);

/** The same walks written the plain way, with a Set per walk. */
function plainHop2(start: number): number {
  const seen = new Set([start]);
  let frontier = [start];
  for (let hop = 0; hop < 2; hop++) {
    const next: number[] = [];
    for (const node of frontier) {
      if (node !== start && HUB_LABELS.has(index.labelAt(node))) continue;
      for (const type of RELATIONSHIP_TYPES) {
        for (const direction of ['OUT', 'IN'] as const) {
          for (const n of index.neighbours(node, type, direction)) {
            if (seen.has(n)) continue;
            seen.add(n);
            next.push(n);
          }
        }
      }
    }
    frontier = next;
  }
  let edges = 0;
  for (const node of seen) {
    for (const type of RELATIONSHIP_TYPES) {
      for (const n of index.neighbours(node, type, 'OUT')) if (seen.has(n)) edges++;
    }
  }
  return seen.size + edges;
}

function plainBlast(contracts: readonly number[]): number {
  const seen = new Set<number>(contracts);
  const all = (node: number, type: RelationshipType, direction: 'OUT' | 'IN') => [
    ...index.neighbours(node, type, direction),
  ];
  const hit = new Set(contracts.flatMap((c) => all(c, 'COVERS', 'OUT')));
  for (const c of contracts) {
    for (const n of [...all(c, 'GOVERNS', 'OUT'), ...all(c, 'MAIN_CONTRACT', 'IN')]) seen.add(n);
  }
  for (const u of hit) {
    seen.add(u);
    for (const n of [...all(u, 'COVERS', 'IN'), ...all(u, 'MAIN_CONTRACT', 'OUT')]) seen.add(n);
  }
  const affected = [...hit];
  let frontier = [...hit];
  for (let depth = 0; depth < 3; depth++) {
    const next: number[] = [];
    for (const used of frontier) {
      for (const relation of all(used, 'TO_USAGE', 'IN')) {
        seen.add(relation);
        for (const via of all(relation, 'VIA', 'OUT')) seen.add(via);
        for (const user of all(relation, 'FROM_USAGE', 'OUT')) {
          if (seen.has(user)) continue;
          seen.add(user);
          next.push(user);
        }
      }
    }
    affected.push(...next);
    frontier = next;
  }
  for (const u of affected) {
    for (const type of ['USED_BY', 'RESPONSIBLE', 'OPTS_OUT_TASK', 'ADDS_TASK'] as const) {
      for (const n of all(u, type, 'OUT')) seen.add(n);
    }
    for (const system of all(u, 'INSTANCE_OF', 'OUT')) {
      seen.add(system);
      for (const task of all(system, 'SUPPORTS', 'OUT')) seen.add(task);
    }
  }
  return seen.size;
}

const node = (id: string) => index.indexOf(id)!;

describe('floors', () => {
  const systems = [...index.nodesOf('System')].slice(0, 40);
  const contracts = [...index.nodesOf('Contract')];
  const suppliers = [...index.nodesOf('Organization')].filter(
    (o) => index.degree(o, 'SUPPLIED_BY', 'IN') > 0,
  );

  it('reach what a plain walk reaches, walk after walk on the same marks', () => {
    const counts = systems.map((s) => floorHop2(index, s));
    expect(counts).toEqual(systems.map(plainHop2));
    expect(systems.map((s) => floorHop2(index, s))).toEqual(counts);
    expect(counts.some((n) => n > 1)).toBe(true);

    const groups = [contracts.slice(0, 5), contracts.slice(5, 30), contracts];
    const blasts = groups.map((g) => floorBlast(index, g));
    expect(blasts).toEqual(groups.map(plainBlast));
    expect(groups.map((g) => floorBlast(index, g))).toEqual(blasts);
    expect(blasts[2]).toBeGreaterThan(0);
  });

  it('read at least the nodes and edges a 2-hop neighbourhood draws', () => {
    let drawn = 0;
    for (const system of systems) {
      const slice = neighbourhood(index, { ids: [index.idAt(system)], depth: 2, maxNodes: 5000 });
      const floor = floorHop2(index, system);
      const missed = slice.nodes.filter((n) => !reachedByLastWalk(index, node(n.id)));
      expect(missed).toEqual([]);
      const direct = slice.edges.filter((e) => e.type !== VIA_HIDDEN);
      expect(floor).toBeGreaterThanOrEqual(slice.nodes.length + direct.length);
      drawn += slice.nodes.length;
    }
    expect(drawn).toBeGreaterThan(systems.length);
  });

  it('read at least every node a supplier’s blast radius names', () => {
    let named = 0;
    for (const supplier of suppliers.slice(0, 30)) {
      const answer = blastRadius(index, {
        supplierId: index.idAt(supplier),
        asOf: AS_OF,
        limit: 1000,
      });
      floorBlast(index, [...index.neighbours(supplier, 'SUPPLIED_BY', 'IN')]);
      // Every id anywhere in the answer, paths included, but the supplier asked about and the
      // municipalities (a record's field, not a node reached over a relationship).
      const ids = new Set<string>();
      JSON.stringify(answer, (key, value: unknown) => {
        const named = typeof value === 'string' && key !== 'municipalityId';
        if (named && index.indexOf(value) !== undefined) ids.add(value);
        return value;
      });
      ids.delete(index.idAt(supplier));
      expect([...ids].filter((id) => !reachedByLastWalk(index, node(id)))).toEqual([]);
      named += ids.size;
    }
    expect(named).toBeGreaterThan(100);
  });
});
