import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GraphIndex } from '../analysis/graph-index.ts';
import { createStore } from '../store/create-store.ts';
import { generateLandscape, type Scale } from '../../seed/generate-landscape.ts';
import { BASELINE_SCENARIOS, measureBaselines, type BaselineFigures } from './baselines.ts';
import { OVERBLIK_BIN } from './bench-server.ts';
import { describeMachine, type Machine } from './machine.ts';
import type { Ratios } from './ratio-reference.ts';
import { pickScenarioInputs } from './scenario-inputs.ts';

/**
 * The quick benchmark CI runs: only the in-process ratios to the in-run baselines, on the medium
 * landscape, in about half a minute. Absolute times differ between machines and between runs on
 * a busy one; how fast the analyses are next to Cypher and the floor, measured side by side in
 * the same process, is what stays put.
 */
export const QUICK_SCALE: Scale = 'medium';
/** Rounds of the interleaved measurement; its median is over these. */
export const QUICK_ROUNDS = 15;
/**
 * The date the quick landscape is generated for and analysed at: fixed, so the check measures the
 * same landscape in every month and the reference stays comparable.
 */
const QUICK_AS_OF = '2026-01-01';
/** Inputs per scenario; Cypher answers each once per round. */
const QUICK_INPUTS = 30;

export interface QuickReport {
  readonly scale: Scale;
  readonly asOf: string;
  readonly rounds: number;
  readonly machine: Machine;
  /** `<scenario>.toCypher` and `<scenario>.toFloor` (CPU-time ratios; lower is better). */
  readonly ratios: Ratios;
  readonly scenarios: Record<string, BaselineFigures>;
  readonly elapsedMs: number;
}

/** Seeds the medium landscape into a temporary embedded store and measures the baselines. */
export async function runQuickBench(
  options: { readonly progress?: (message: string) => void } = {},
): Promise<QuickReport> {
  const started = performance.now();
  const progress = options.progress ?? (() => {});
  const dir = await mkdtemp(join(tmpdir(), 'overblik-bench-quick-'));
  try {
    progress(`quick benchmark: loading the ${QUICK_SCALE} landscape`);
    const landscape = generateLandscape({
      scale: QUICK_SCALE,
      seed: 1,
      referenceDate: QUICK_AS_OF,
    });
    const store = await createStore({ kind: 'embedded', path: join(dir, 'quick.kuzu') });
    try {
      await store.bulkLoad(landscape);
      const index = await GraphIndex.build(store);
      const inputs = pickScenarioInputs(index, QUICK_AS_OF, 1);
      const scenarios = await measureBaselines(store, index, inputs, {
        rounds: QUICK_ROUNDS,
        maxInputs: QUICK_INPUTS,
        progress,
      });
      const ratios: Record<string, number> = {};
      for (const id of BASELINE_SCENARIOS) {
        ratios[`${id}.toCypher`] = scenarios[id].toCypher;
        ratios[`${id}.toFloor`] = scenarios[id].toFloor;
      }
      return {
        scale: QUICK_SCALE,
        asOf: QUICK_AS_OF,
        rounds: QUICK_ROUNDS,
        machine: describeMachine(),
        ratios,
        scenarios,
        elapsedMs: Math.round(performance.now() - started),
      };
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const run = promisify(execFile);

/**
 * The quick benchmark in a fresh process (`overblik bench --quick --json`). Each process compiles
 * the code anew, and the JIT does not settle the same way every time: repeated measurements only
 * show the real spread when each runs in a process of its own.
 */
export async function runQuickBenchProcess(): Promise<QuickReport> {
  const { stdout } = await run(process.execPath, [OVERBLIK_BIN, 'bench', '--quick', '--json'], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as QuickReport;
}
