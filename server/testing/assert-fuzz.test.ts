import fc from 'fast-check';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { assertFuzz, stopsAfter } from './assert-fuzz.ts';

/** A property whose every case takes `caseMs`, counting the cases started and still running. */
function slowProperty(caseMs: number, passes: boolean) {
  const cases = { started: 0, running: 0 };
  const property = fc.asyncProperty(fc.nat(), async () => {
    cases.started++;
    cases.running++;
    try {
      await sleep(caseMs);
      return passes;
    } finally {
      cases.running--;
    }
  });
  return { cases, property };
}

describe('assertFuzz', () => {
  it('stops starting cases after the time limit and leaves none running', async () => {
    const { cases, property } = slowProperty(30, true);
    await fc.assert(stopsAfter(property, 100), { numRuns: 1000 });
    expect(cases.running).toBe(0);
    expect(cases.started).toBeGreaterThan(1);
    expect(cases.started).toBeLessThan(1000);
  });

  it('reports a failure found before the limit, and its shrinking ends at the limit', async () => {
    const { cases, property } = slowProperty(10, false);
    await expect(fc.assert(stopsAfter(property, 100), { numRuns: 1000 })).rejects.toThrow(
      /Property failed/,
    );
    expect(cases.running).toBe(0);
  });

  it('runs every case FUZZ_RUNS asks for, and replays FUZZ_SEED', async () => {
    const { cases, property } = slowProperty(0, true);
    await assertFuzz(property, 5, { FUZZ_RUNS: '40' });
    expect(cases.started).toBe(40);
    const seen: number[][] = [];
    for (let i = 0; i < 2; i++) {
      const values: number[] = [];
      await assertFuzz(
        fc.asyncProperty(fc.nat(), (n) => {
          values.push(n);
          return Promise.resolve();
        }),
        10,
        { FUZZ_SEED: '42' },
      );
      seen.push(values);
    }
    expect(seen[0]).toHaveLength(10);
    expect(seen[1]).toEqual(seen[0]);
  });
});
