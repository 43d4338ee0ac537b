import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIRST_FRAME_GOALS,
  measureFirstFrame,
  type FirstFrame,
} from '../server/bench/first-frame.ts';
import { RESULTS, target, useBrowser } from './browser.ts';

/**
 * The suite fails only past 1.5 × the goal: shared CI machines are noisy (PERFORMANCE.md), and a
 * regression shows long before that. Whether each goal itself was met is printed and written to
 * test-results/first-frame.json; `overblik bench` measures the same, beside the other scenarios.
 */
const FAIL_FACTOR = 1.5;

describe.skipIf(!target)('explorer: first frame', () => {
  const browser = useBrowser();
  const results: (FirstFrame & { withinGoal: boolean })[] = [];

  it.each(FIRST_FRAME_GOALS)(
    'draws $elements elements in about $goalMs ms (median of 5)',
    async (goal) => {
      const frame = await measureFirstFrame(browser.page, browser.baseUrl, goal);
      if (goal.elements === 5000) await browser.screenshot('perf-5000');
      const withinGoal = frame.p50Ms <= goal.goalMs;
      results.push({ ...frame, withinGoal });
      mkdirSync(RESULTS, { recursive: true });
      writeFileSync(
        join(RESULTS, 'first-frame.json'),
        `${JSON.stringify({ measuredAt: new Date().toISOString(), results }, null, 2)}\n`,
      );
      console.log(
        `first frame, ${goal.elements} elements: median ${frame.p50Ms} ms, ${withinGoal ? 'within' : 'OVER'} the ${goal.goalMs} ms goal (runs ${frame.runsMs.join(', ')}; layout ${frame.layoutP50Ms} ms, add ${frame.addP50Ms} ms)`,
      );
      expect(frame.runsMs).toHaveLength(5);
      expect(frame.p50Ms).toBeLessThanOrEqual(goal.goalMs * FAIL_FACTOR);
    },
  );
});
