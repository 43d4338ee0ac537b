import { describe, expect, it } from 'vitest';
import { GraphIndex } from '../analysis/graph-index.ts';
import { HUB_LABELS } from '../analysis/graph-queries.ts';
import { RELATIONSHIP_TYPES } from '../model/model-types.ts';
import { generateLandscape } from '../../seed/generate-landscape.ts';
import { floorBlast, floorHop2 } from './floors.ts';

const index = GraphIndex.fromLandscape(
  generateLandscape({ scale: 'small', seed: 1, referenceDate: '2026-01-01' }),
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
  return seen.size;
}

function plainBlast(contracts: readonly number[]): number {
  const seen = new Set<number>();
  for (const c of contracts) for (const u of index.neighbours(c, 'COVERS', 'OUT')) seen.add(u);
  let frontier = [...seen];
  for (let depth = 0; depth < 3; depth++) {
    const next: number[] = [];
    for (const used of frontier) {
      for (const relation of index.neighbours(used, 'TO_USAGE', 'IN')) {
        for (const user of index.neighbours(relation, 'FROM_USAGE', 'OUT')) {
          if (seen.has(user)) continue;
          seen.add(user);
          next.push(user);
        }
      }
    }
    frontier = next;
  }
  return seen.size;
}

describe('floors', () => {
  const systems = [...index.nodesOf('System')].slice(0, 40);
  const contracts = [...index.nodesOf('Contract')];

  it('reach what a plain walk reaches, walk after walk on the same marks', () => {
    const counts = systems.map((s) => floorHop2(index, s));
    expect(counts).toEqual(systems.map(plainHop2));
    expect(systems.map((s) => floorHop2(index, s))).toEqual(counts);
    expect(counts.some((n) => n > 1)).toBe(true);
  });

  it('count the usages covered by contracts and their dependents', () => {
    const groups = [contracts.slice(0, 5), contracts.slice(5, 30), contracts];
    const counts = groups.map((g) => floorBlast(index, g));
    expect(counts).toEqual(groups.map(plainBlast));
    expect(groups.map((g) => floorBlast(index, g))).toEqual(counts);
    expect(counts[2]).toBeGreaterThan(0);
  });
});
