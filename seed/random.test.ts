import { describe, expect, it } from 'vitest';
import { Random, cumulativeWeights } from './random.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Random', () => {
  it('repeats the same sequence for the same seed and name', () => {
    const a = Random.create(7, 'x');
    const b = Random.create(7, 'x');
    expect(Array.from({ length: 20 }, () => a.uint32())).toEqual(
      Array.from({ length: 20 }, () => b.uint32()),
    );
  });

  it('gives different sequences for different seeds and names', () => {
    const first = (r: Random) => Array.from({ length: 5 }, () => r.uint32());
    expect(first(Random.create(1, 'x'))).not.toEqual(first(Random.create(2, 'x')));
    expect(first(Random.create(1, 'x'))).not.toEqual(first(Random.create(1, 'y')));
  });

  it('forks streams that do not depend on how much the parent has drawn', () => {
    const a = Random.create(3, 'root');
    const b = Random.create(3, 'root');
    for (let i = 0; i < 100; i++) b.next();
    expect(a.fork('child', 1).uuid()).toBe(b.fork('child', 1).uuid());
    expect(a.fork('child', 1).uuid()).not.toBe(a.fork('child', 2).uuid());
  });

  it('makes unique version-4 UUIDs', () => {
    const random = Random.create(1, 'ids');
    const ids = Array.from({ length: 20_000 }, () => random.uuid());
    for (const id of ids.slice(0, 200)) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps int, float and pick within bounds', () => {
    const random = Random.create(1, 'bounds');
    const ints = Array.from({ length: 5_000 }, () => random.int(3, 6));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(6);
    const floats = Array.from({ length: 1_000 }, () => random.float(-1, 1));
    expect(floats.every((f) => f >= -1 && f < 1)).toBe(true);
    expect(['a', 'b']).toContain(random.pick(['a', 'b']));
    expect(() => random.pick([])).toThrow(/empty/);
  });

  it('picks by weight and never a zero-weight choice', () => {
    const random = Random.create(1, 'weighted');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) {
      counts[
        random.weighted([
          ['a', 1],
          ['b', 3],
          ['c', 0],
        ] as const)
      ]++;
    }
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.5);
    expect(counts.b / counts.a).toBeLessThan(3.5);
    const cumulative = cumulativeWeights([0, 5, 0, 5]);
    const indexes = new Set(Array.from({ length: 500 }, () => random.cumulativeIndex(cumulative)));
    expect([...indexes].sort()).toEqual([1, 3]);
  });

  it('draws Zipf ranks with a long tail: rank 0 most often, high ranks rarely but sometimes', () => {
    const random = Random.create(1, 'zipf');
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 50_000; i++) counts[random.zipf(100, 1)]!++;
    expect(counts[0]!).toBeGreaterThan(counts[1]!);
    expect(counts[1]!).toBeGreaterThan(counts[9]!);
    expect(counts[0]! / counts[9]!).toBeGreaterThan(6);
    expect(counts.slice(50).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('samples distinct elements, with and without weights', () => {
    const random = Random.create(1, 'sample');
    const sample = random.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(sample).size).toBe(4);
    expect(random.shuffle([1, 2, 3]).sort()).toEqual([1, 2, 3]);
    const indexes = random.weightedSampleIndexes([5, 0, 1, 1, 1], 3);
    expect(new Set(indexes).size).toBe(3);
    expect(indexes).not.toContain(1);
  });
});
