import { describe, expect, it } from 'vitest';
import { DRAFT_ABOVE_ELEMENTS, cssId, layoutOptions, layoutSpec } from './layouts.ts';
import { syntheticElements } from './synthetic-graph.ts';

describe('layouts', () => {
  it('runs the force layout in draft quality above the threshold only', () => {
    const small = layoutOptions(layoutSpec('force', syntheticElements(DRAFT_ABOVE_ELEMENTS)));
    const large = layoutOptions(layoutSpec('force', syntheticElements(DRAFT_ABOVE_ELEMENTS + 10)));
    expect(small).toMatchObject({ name: 'fcose', quality: 'default', animate: false });
    expect(large).toMatchObject({ name: 'fcose', quality: 'draft', animate: false });
  });

  it('roots the hierarchy at layer 0 and gives it room for its widest row', () => {
    const spec = layoutSpec('hierarchy', syntheticElements(100));
    expect(spec.roots).toEqual(['n0']);
    const options = layoutOptions(spec) as {
      name: string;
      roots: string;
      boundingBox: { w: number; h: number };
    };
    expect(options.name).toBe('breadthfirst');
    expect(options.roots).toBe('#n0');
    expect(options.boundingBox.w).toBeGreaterThanOrEqual(spec.widestLayer * 150);
  });

  it('puts layer 0 in the centre of the concentric layout', () => {
    const options = layoutOptions(layoutSpec('concentric', syntheticElements(10))) as {
      concentric: (node: { data(key: string): unknown }) => number;
    };
    const ring = (layer: number) => options.concentric({ data: () => layer });
    expect(ring(0)).toBeGreaterThan(ring(1));
    expect(ring(1)).toBeGreaterThan(ring(3));
  });

  it('escapes ids for selectors', () => {
    expect(cssId('use-aarby-esdh')).toBe('use-aarby-esdh');
    expect(cssId('a:b.c')).toBe('a\\:b\\.c');
  });
});
