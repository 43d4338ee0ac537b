import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './summarize.ts';

describe('summarize', () => {
  it('reports nearest-rank percentiles, min and max', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarize(samples)).toEqual({ runs: 100, p50Ms: 50, p95Ms: 95, minMs: 1, maxMs: 100 });
  });

  it('takes the only sample for every percentile of one run', () => {
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 95)).toBe(7);
  });
});
