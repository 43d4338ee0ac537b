import { describe, expect, it } from 'vitest';
import { elementCount } from './elements.ts';
import { syntheticElements } from './synthetic-graph.ts';

describe('syntheticElements', () => {
  it.each([1000, 5000])('makes exactly %i connected elements, the same every time', (n) => {
    const elements = syntheticElements(n);
    expect(elementCount(elements)).toBe(n);
    expect(syntheticElements(n)).toEqual(elements);
    const ids = new Set(elements.nodes.map((node) => node.data.id));
    expect(elements.edges.every((e) => ids.has(e.data.source) && ids.has(e.data.target))).toBe(
      true,
    );
  });
});
