import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULTS, target, useBrowser } from './browser.ts';

/** PERFORMANCE.md: first frame of a 1k / 5k element graph in headless Chromium. */
const GOALS = [
  { elements: 1000, goalMs: 1000 },
  { elements: 5000, goalMs: 3000 },
];
const RUNS = 5;
/**
 * The suite fails only past 1.5 × the goal: shared CI machines are noisy (PERFORMANCE.md), and a
 * regression shows long before that. Whether each goal itself was met is printed and written to
 * test-results/first-frame.json.
 */
const FAIL_FACTOR = 1.5;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe.skipIf(!target)('explorer: first frame', () => {
  const browser = useBrowser();
  const results: Record<string, unknown>[] = [];

  it.each(GOALS)(
    'draws $elements elements in about $goalMs ms (median of 5)',
    async ({ elements, goalMs }) => {
      const { page } = browser;
      const totals: number[] = [];
      const layouts: number[] = [];
      const adds: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await browser.open(`/?view=perf&max=${elements}`);
        await page.waitForFunction((n) => window.__overblik?.lastRender?.elements === n, elements, {
          timeout: 60_000,
        });
        const stats = await page.evaluate(() => window.__overblik!.lastRender!);
        totals.push(Math.round(stats.totalMs));
        layouts.push(Math.round(stats.layoutMs));
        adds.push(Math.round(stats.addMs));
      }
      if (elements === 5000) await browser.screenshot('perf-5000');
      const result = {
        elements,
        goalMs,
        medianMs: median(totals),
        maxMs: Math.max(...totals),
        layoutMedianMs: median(layouts),
        addMedianMs: median(adds),
        runsMs: totals,
        withinGoal: median(totals) <= goalMs,
      };
      results.push(result);
      mkdirSync(RESULTS, { recursive: true });
      writeFileSync(
        join(RESULTS, 'first-frame.json'),
        `${JSON.stringify({ measuredAt: new Date().toISOString(), results }, null, 2)}\n`,
      );
      console.log(
        `first frame, ${elements} elements: median ${result.medianMs} ms, ${result.withinGoal ? 'within' : 'OVER'} the ${goalMs} ms goal (runs ${totals.join(', ')}; layout ${result.layoutMedianMs} ms, add ${result.addMedianMs} ms)`,
      );
      expect(result.medianMs).toBeLessThanOrEqual(goalMs * FAIL_FACTOR);
    },
  );
});
