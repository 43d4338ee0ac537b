import { describe, expect, it } from 'vitest';
import { NodeSet } from './node-set.ts';

describe('NodeSet', () => {
  it('adds, tells members and counts them', () => {
    const set = new NodeSet(10);
    expect(set.add(3)).toBe(true);
    expect(set.add(3)).toBe(false);
    expect(set.add(9)).toBe(true);
    expect([set.has(3), set.has(9), set.has(4)]).toEqual([true, true, false]);
    expect(set.members).toBe(2);
  });

  it('is empty after clear, values and counts included', () => {
    const set = new NodeSet(10);
    set.add(1);
    expect(set.count(2)).toBe(1);
    expect(set.count(2)).toBe(2);
    set.clear();
    expect([set.has(1), set.has(2), set.members]).toEqual([false, false, 0]);
    expect(set.count(2)).toBe(1);
  });

  it('keeps values per column for its members', () => {
    const set = new NodeSet(5);
    set.add(4);
    set.setValue(4, 0, 7);
    set.setValue(4, 2, -1);
    expect([set.value(4, 0), set.value(4, 2)]).toEqual([7, -1]);
  });

  it('hands out distinct, cleared sets and reuses them', () => {
    let first: NodeSet[] = [];
    NodeSet.using(8, 2, (sets) => {
      first = sets;
      expect(sets[0]).not.toBe(sets[1]);
      sets[0]!.add(5);
      // Work inside work gets sets of its own.
      NodeSet.using(8, 1, ([inner]) => {
        expect(sets).not.toContain(inner);
        expect(inner!.has(5)).toBe(false);
      });
    });
    NodeSet.using(8, 2, (sets) => {
      expect(sets.some((set) => first.includes(set))).toBe(true);
      expect(sets.every((set) => set.members === 0 && !set.has(5))).toBe(true);
    });
  });

  it('gives sets of the asked capacity when the pool holds others', () => {
    NodeSet.using(4, 1, () => undefined);
    NodeSet.using(100, 1, ([set]) => {
      expect(set!.capacity).toBe(100);
      expect(set!.add(99)).toBe(true);
    });
  });
});
