import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { GraphIndex } from '../analysis/graph-index.ts';
import { buildIndex, type IndexBuildSteps } from '../analysis/graph-service.ts';
import { writeCanonicalCsvFiles } from '../export/write-canonical-csv.ts';
import { EXPLORER_DIR } from '../http-server.ts';
import type { ImportReport } from '../import/import-report.ts';
import type { Landscape } from '../model/landscape.ts';
import { collectGarbage } from '../collect-garbage.ts';
import { createStore } from '../store/create-store.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { generateLandscape, type Scale } from '../../seed/generate-landscape.ts';
import { measureBaselines, type BaselineFigures } from './baselines.ts';
import { BENCH_QUERIES } from './bench-queries.ts';
import { OVERBLIK_BIN, startBenchServer } from './bench-server.ts';
import { chromiumUnavailable, launchChromium, measureFirstFrames } from './first-frame.ts';
import { describeMachine, type Machine } from './machine.ts';
import { pickScenarioInputs } from './scenario-inputs.ts';
import { median, summarize, type Summary } from './summarize.ts';

export interface BenchOptions {
  readonly scale: Scale;
  /** Timed runs per scenario (after warm-up). @default 100 */
  readonly runs?: number;
  readonly seed?: number;
  /** The date analyses stand on; also the seed's reference date. */
  readonly asOf: string;
  readonly progress?: (message: string) => void;
  /**
   * Fail when the explorer's first frame cannot be measured (no Chromium, no build) instead of
   * leaving those scenarios out with one line saying why. @default false
   */
  readonly requireBrowser?: boolean;
}

/** One scenario's figures; `goal` is PERFORMANCE.md's p95 goal (or total, or ratio, or MB). */
export interface ScenarioResult extends Partial<Summary> {
  readonly id: string;
  readonly goal: string;
  readonly met: boolean | null;
  readonly totalMs?: number;
  readonly mb?: number;
  readonly ratio?: number;
  /**
   * The same question in process, as one Cypher statement on the embedded store and as a bare
   * typed-array walk, with the analysis as a ratio of each (want ≤ 0.1 and ≤ 3).
   */
  readonly baseline?: BaselineFigures;
  readonly note?: string;
}

export interface BenchReport {
  readonly scale: Scale;
  readonly asOf: string;
  readonly machine: Machine;
  readonly landscape: { nodes: number; relationships: number };
  readonly scenarios: ScenarioResult[];
  /** Scenarios left out, each with the reason, e.g. the first frame when there is no Chromium. */
  readonly skipped: string[];
  /** The requests that warmed the server before the timed ones (absent when none could run). */
  readonly warmup?: ServerWarmup;
}

/** How the benchmark warmed the fresh server, and what its first answers took. */
export interface ServerWarmup {
  readonly requests: number;
  readonly ms: number;
  /** Scenario → milliseconds of its first request to the fresh server. */
  readonly firstMs: Record<string, number>;
}

/** Requests of each scenario, taken in turn, that warm a fresh server before any is timed. */
const WARMUP_ROUNDS = 50;
/** Requests of each scenario, in turn, after the timed ones and before the memory is read. */
const STEADY_ROUNDS = 300;

const run = promisify(execFile);

async function time<T>(work: () => Promise<T> | T): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Warm-up runs, then timed runs cycling through the inputs. */
async function measure<T>(
  inputs: readonly T[],
  runs: number,
  work: (input: T) => unknown,
): Promise<Summary> {
  const warmup = Math.min(10, runs);
  for (let i = 0; i < warmup; i++) await work(inputs[i % inputs.length]!);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await time(() => work(inputs[i % inputs.length]!)));
  return summarize(samples);
}

/**
 * A GraphQL client over node:http with kept-alive connections, as load generators use: fetch
 * added about 0.3 ms of the client's own work to each answer, and p99s of several ms, on this
 * 2-core machine where client and server share the cores.
 */
function graphqlClient(url: string) {
  const agent = new Agent({ keepAlive: true });
  const endpoint = new URL('/graphql', url);
  return (query: string, variables: Record<string, unknown>): Promise<unknown> => {
    const payload = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const req = request(
        endpoint,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            try {
              const body = JSON.parse(Buffer.concat(chunks).toString()) as {
                errors?: { message: string }[];
                data?: unknown;
              };
              if (body.errors?.length) {
                reject(new Error(`Benchmark query failed: ${body.errors[0]!.message}`));
              } else resolve(body.data);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  };
}

function withinGoal(p95: number | undefined, limit: number): ScenarioResult['met'] {
  return p95 === undefined || Number.isNaN(p95) ? null : p95 <= limit;
}

/**
 * The landscape written as canonical CSV, then imported by the real CLI (full validation) into an
 * empty embedded store of its own, the way a municipality would bring its data.
 */
async function measureImport(landscape: Landscape, dir: string): Promise<ScenarioResult> {
  const csvDir = join(dir, 'csv');
  await mkdir(csvDir, { recursive: true });
  for (const [name, content] of writeCanonicalCsvFiles(landscape)) {
    await writeFile(join(csvDir, name), content);
  }
  const started = performance.now();
  const { stdout } = await run(
    process.execPath,
    [OVERBLIK_BIN, 'import', csvDir, '--db', join(dir, 'import.kuzu'), '--json'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const wallMs = Math.round(performance.now() - started);
  const report = JSON.parse(stdout) as ImportReport;
  return {
    id: 'import',
    goal: '≤ 10000 ms with full validation',
    totalMs: report.timings.totalMs,
    met: report.timings.totalMs <= 10_000 && report.errors === 0,
    note:
      `checked in ${report.timings.checkMs} ms, written (${report.writePath}) in ` +
      `${report.timings.writeMs} ms; ${wallMs} ms for the whole command; ${report.errors} errors`,
  };
}

/** Why the explorer's first frame cannot be measured here, or null when it can. */
async function firstFrameUnavailable(): Promise<string | null> {
  if (!existsSync(join(EXPLORER_DIR, 'index.html'))) {
    return 'the explorer is not built (npm run build)';
  }
  return chromiumUnavailable();
}

/** The explorer's first frame at 1k and 5k elements, served by the benchmark's server. */
async function firstFrames(baseUrl: string): Promise<ScenarioResult[]> {
  const browser = await launchChromium();
  try {
    const frames = await measureFirstFrames(browser, baseUrl);
    return frames.map(({ elements, goalMs, runsMs, layoutP50Ms, addP50Ms, ...summary }) => ({
      id: `first-frame-${elements / 1000}k`,
      goal: `median ≤ ${goalMs} ms`,
      ...summary,
      met: summary.p50Ms <= goalMs,
      note:
        `${elements} elements in headless Chromium, ${runsMs.length} page loads ` +
        `(${runsMs.join(', ')} ms); layout ${layoutP50Ms} ms, adding to the canvas ${addP50Ms} ms`,
    }));
  } finally {
    await browser.close();
  }
}

/**
 * Generates the landscape, measures its CSV import and its bulk load into the benchmark's store,
 * and returns the loaded store. The landscape stays in here, so it is garbage once this returns.
 */
async function seedScenarios(
  options: BenchOptions,
  dir: string,
  path: string,
  scenarios: ScenarioResult[],
  progress: (message: string) => void,
): Promise<{ store: GraphStore; size: BenchReport['landscape'] }> {
  progress(`generating the ${options.scale} landscape`);
  const landscape = generateLandscape({
    scale: options.scale,
    seed: options.seed ?? 1,
    referenceDate: options.asOf,
  });
  progress('importing it as canonical CSV into an empty embedded store');
  scenarios.push(await measureImport(landscape, dir));
  progress('loading it into an empty embedded store');
  const store = await createStore({ kind: 'embedded', path });
  const loadMs = await time(() => store.bulkLoad(landscape));
  scenarios.push({
    id: 'load',
    goal: '≤ 3000 ms (database load alone)',
    totalMs: Math.round(loadMs),
    met: loadMs <= 3000,
    note: 'bulk load of the generated landscape; the CSV import with validation is the import scenario',
  });
  const count = (rows: ReadonlyMap<unknown, readonly unknown[]>) =>
    [...rows.values()].reduce((n, list) => n + list.length, 0);
  return {
    store,
    size: { nodes: count(landscape.nodes), relationships: count(landscape.relationships) },
  };
}

/**
 * Seeds a landscape into a temporary embedded store, measures the index build and the Cypher and
 * floor baselines in process, then starts the real server as its own process and measures every
 * scenario end to end over HTTP, the 16-client mix, the server's memory, and the explorer's first
 * frame in headless Chromium.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const runs = options.runs ?? 100;
  const progress = options.progress ?? (() => {});
  const skipped: string[] = [];
  // Asked first, so a required browser that is missing fails before minutes of measuring.
  const noBrowser = await firstFrameUnavailable();
  if (noBrowser !== null) {
    const reason = `explorer first frame not measured: ${noBrowser}`;
    if (options.requireBrowser) throw new Error(`${reason} (REQUIRE_BROWSER=1)`);
    skipped.push(`${reason}; REQUIRE_BROWSER=1 makes this a failure`);
    progress(reason);
  }
  const dir = await mkdtemp(join(tmpdir(), 'overblik-bench-'));
  const path = join(dir, 'bench.kuzu');
  const scenarios: ScenarioResult[] = [];
  let warmup: ServerWarmup | undefined;
  try {
    const { store, size } = await seedScenarios(options, dir, path, scenarios, progress);

    progress('building the in-memory index');
    const builds: number[] = [];
    const steps: IndexBuildSteps[] = [];
    let index: GraphIndex | null = null;
    for (let i = 0; i < 3; i++) {
      const step: IndexBuildSteps = { graph: 0, search: 0, compare: 0 };
      const start = performance.now();
      index = await buildIndex(store, step);
      builds.push(performance.now() - start);
      steps.push(step);
    }
    const indexBuild = summarize(builds);
    const stepMedian = (key: keyof IndexBuildSteps) =>
      Math.round(median(steps.map((step) => step[key])));
    scenarios.push({
      id: 'index-build',
      goal: 'p95 ≤ 2000 ms',
      ...indexBuild,
      met: indexBuild.p95Ms <= 2000,
      note:
        `what the server builds before it listens; ` +
        `medians: graph ${stepMedian('graph')} ms, search corpus ${stepMedian('search')} ms, ` +
        `comparison profiles ${stepMedian('compare')} ms`,
    });
    const inputs = pickScenarioInputs(index!, options.asOf, options.seed ?? 1);

    progress('measuring the Cypher and floor baselines');
    const base: Partial<Record<string, BaselineFigures>> = await measureBaselines(
      store,
      index!,
      inputs,
      { rounds: Math.min(15, Math.max(5, Math.round(runs / 10))), maxInputs: 20, progress },
    );
    await store.close();
    index = null;
    // The landscape, the index and the baselines' results are garbage now: collected here, not
    // in the middle of the timed requests, where the client's pause would count as the server's.
    collectGarbage();

    progress('starting the server');
    const server = await startBenchServer(path);
    try {
      const ask = graphqlClient(server.url);
      const asOf = options.asOf;
      const http: {
        id: string;
        limit: number;
        inputs: readonly unknown[];
        send: (input: never) => Promise<unknown>;
      }[] = [
        {
          id: 'point-read',
          limit: 2,
          inputs: inputs.entityIds,
          send: (id: string) => ask(BENCH_QUERIES.pointRead, { id }),
        },
        {
          id: 'hop1',
          limit: 3,
          inputs: inputs.usageIds,
          send: (id: string) =>
            ask(BENCH_QUERIES.neighbourhood, { ids: [id], depth: 1, maxNodes: 5000 }),
        },
        {
          id: 'hop2-typical',
          limit: 5,
          inputs: inputs.typicalSystemIds,
          send: (id: string) =>
            ask(BENCH_QUERIES.neighbourhood, { ids: [id], depth: 2, maxNodes: 5000 }),
        },
        {
          id: 'hop2-hub',
          limit: 30,
          inputs: inputs.hubSystemIds,
          send: (id: string) =>
            ask(BENCH_QUERIES.neighbourhood, { ids: [id], depth: 2, maxNodes: 5000 }),
        },
        {
          id: 'blast-supplier',
          limit: 30,
          inputs: inputs.supplierIds,
          send: (id: string) => ask(BENCH_QUERIES.blastRadius, { input: { supplierId: id, asOf } }),
        },
        {
          id: 'blast-month',
          limit: 150,
          inputs: inputs.months,
          send: (m: { from: string; to: string }) =>
            ask(BENCH_QUERIES.blastTotals, { input: { window: m, asOf, limit: 0 } }),
        },
        {
          id: 'compare',
          limit: 10,
          inputs: inputs.municipalityPairs,
          send: (pair: readonly string[]) => ask(BENCH_QUERIES.compare, { ids: pair, asOf }),
        },
        {
          id: 'search',
          limit: 5,
          inputs: inputs.searchTexts,
          send: (text: string) => ask(BENCH_QUERIES.search, { text }),
        },
      ];
      /** Each scenario's requests in turn, `rounds` times, untimed but for `took`; the count sent. */
      const askInTurn = async (
        rounds: number,
        took?: (id: string, round: number, ms: number) => void,
      ): Promise<number> => {
        let sent = 0;
        for (let round = 0; round < rounds; round++) {
          for (const scenario of http) {
            if (scenario.inputs.length === 0) continue;
            const ms = await time(() =>
              scenario.send(scenario.inputs[round % scenario.inputs.length] as never),
            );
            took?.(scenario.id, round, ms);
            sent++;
          }
        }
        return sent;
      };
      // A fresh server answers its first few hundred requests slower while V8 compiles the
      // request path: timed after 10 requests of its own, the first scenario (point reads) had a
      // p95 twice that of the same requests a minute later. The goals are of a running server,
      // so every scenario is warmed first, in turn, as a mixed load warms it; what the very first
      // request of each took is kept in the report.
      progress('warming the server');
      const warmupStart = performance.now();
      const firstMs: Record<string, number> = {};
      const warmupRequests = await askInTurn(WARMUP_ROUNDS, (id, round, ms) => {
        if (round === 0) firstMs[id] = Math.round(ms * 10) / 10;
      });
      warmup = {
        requests: warmupRequests,
        ms: Math.round(performance.now() - warmupStart),
        firstMs,
      };
      for (const scenario of http) {
        if (scenario.inputs.length === 0) {
          scenarios.push({
            id: scenario.id,
            goal: `p95 ≤ ${scenario.limit} ms`,
            met: null,
            note: 'no inputs at this scale',
          });
          continue;
        }
        progress(`measuring ${scenario.id}`);
        const summary = await measure(scenario.inputs, runs, (input) =>
          scenario.send(input as never),
        );
        const b = base[scenario.id];
        scenarios.push({
          id: scenario.id,
          goal: `p95 ≤ ${scenario.limit} ms`,
          ...summary,
          met: withinGoal(summary.p95Ms, scenario.limit),
          ...(b ? { baseline: b } : {}),
        });
      }

      progress('measuring 16 concurrent clients');
      const mix = http.filter(
        (s) =>
          ['point-read', 'hop1', 'hop2-typical', 'search', 'compare', 'blast-supplier'].includes(
            s.id,
          ) && s.inputs.length > 0,
      );
      // The requests each client makes, in order, and the think time after each: a user reads
      // the answer before asking again, 50–150 ms (varied per client so the 16 do not move in
      // lockstep). Without it the test measures a queue.
      const perClient = Math.max(10, Math.ceil(runs / 4));
      const thinkMs = (client: number, k: number) => 50 + ((client * 37 + k * 53) % 101);
      const plans = Array.from({ length: 16 }, (_, client) =>
        Array.from({ length: perClient }, (_, k) => {
          const s = mix[(client + k) % mix.length]!;
          return () => s.send(s.inputs[(client * 7 + k) % s.inputs.length] as never);
        }),
      );
      const askAll = async (plan: readonly (() => Promise<unknown>)[], client: number) => {
        const samples: number[] = [];
        let failures = 0;
        for (const [k, send] of plan.entries()) {
          const start = performance.now();
          try {
            await send();
          } catch {
            failures++;
          }
          samples.push(performance.now() - start);
          await sleep(thinkMs(client, k));
        }
        return { samples, failures };
      };
      // The single user is one of the 16 alone: the very same requests, in turn, with the same
      // think time. Sent back to back instead (no think time), the same requests had a p95 a third
      // to half lower: a machine kept busy answers quicker than one woken for each request, and
      // the ratio then counted that as the cost of concurrency.
      const everyRequest = plans.flat();
      const backToBack = await measure(everyRequest, everyRequest.length, (send) => send());
      const alone: number[] = [];
      let failures = 0;
      for (const [client, plan] of plans.entries()) {
        const answered = await askAll(plan, client);
        alone.push(...answered.samples);
        failures += answered.failures;
      }
      const oneUser = summarize(alone);
      const samples: number[] = [];
      await Promise.all(
        plans.map(async (plan, client) => {
          // Users arrive one after another, not in the same millisecond: the clients' first
          // requests are spread over one mean think time (100 ms). Started together, the 16 first
          // requests queued behind one another and made up half of the slowest twenty.
          await sleep((client * 100) / 16);
          const answered = await askAll(plan, client);
          samples.push(...answered.samples);
          failures += answered.failures;
        }),
      );
      const concurrent = summarize(samples);
      const ratio = Math.round((concurrent.p95Ms / oneUser.p95Ms) * 100) / 100;
      scenarios.push({
        id: 'concurrent',
        goal: 'p95 ≤ 2× single-client, no errors',
        ...concurrent,
        ratio,
        met: ratio <= 2 && failures === 0,
        note:
          `16 clients with 50–150 ms think time; one client alone, with the same requests and ` +
          `think time: p95 ${oneUser.p95Ms} ms (back to back: ${backToBack.p95Ms} ms, ` +
          `${Math.round((concurrent.p95Ms / backToBack.p95Ms) * 100) / 100}× of that); ` +
          `${failures} errors`,
      });
      // V8 lets the old generation grow to a few times what survived its last full collection
      // before it collects again, so a server's memory keeps rising for its first few hundred
      // requests of each kind. Measured before that, the figure flattered: 470–560 MB after the
      // timed requests, where the same server settled at 670–720 MB.
      progress('a steady load before measuring memory');
      const steadyRequests = await askInTurn(STEADY_ROUNDS);
      const memory = server.memory();
      scenarios.push({
        id: 'rss',
        goal: '≤ 600 MB',
        mb: memory.rssMb,
        met: memory.rssMb <= 600,
        note:
          `after ${steadyRequests} more requests (${STEADY_ROUNDS} of each scenario in turn); ` +
          `peak ${memory.peakRssMb} MB; server index build ${server.indexBuildMs} ms`,
      });
      if (noBrowser === null) {
        progress('measuring the explorer’s first frame in headless Chromium');
        scenarios.push(...(await firstFrames(server.url)));
      }
    } finally {
      await server.stop();
    }
    return {
      scale: options.scale,
      asOf: options.asOf,
      machine: describeMachine(),
      landscape: size,
      scenarios,
      skipped,
      ...(warmup ? { warmup } : {}),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
