import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InvalidInputError } from '../domain/errors.ts';
import { machineLine } from '../bench/machine.ts';
import { runQuickBench, runQuickBenchProcess, type QuickReport } from '../bench/quick-bench.ts';
import {
  buildReference,
  checkWithRetry,
  describeFailures,
  formatChecks,
  GUARDED_RATIOS,
  MAX_ATTEMPTS,
  parseReference,
  TOLERANCE,
  type QuickReference,
} from '../bench/ratio-reference.ts';
import { benchAsOf } from '../bench/scenario-inputs.ts';
import { runBench, type BenchReport, type ScenarioResult } from '../bench/run-bench.ts';
import { SCALES, type Scale } from '../../seed/generate-landscape.ts';
import type { Output } from './output.ts';

/** `overblik bench --help`. */
export const BENCH_HELP = `Usage: overblik bench [options]

The full benchmark (default): seeds the landscape into a temporary store, imports it again as
CSV, measures every scenario of PERFORMANCE.md end to end against the real server, the same
questions as one Cypher statement and as a bare typed-array walk, the server's memory and the
explorer's first frame in headless Chromium (skipped with one line when there is no Chromium at
/usr/bin/chromium or CHROMIUM_PATH; REQUIRE_BROWSER=1 makes that a failure).

  --scale national|medium|small   the landscape (default national)
  --runs N                        timed runs per scenario after warm-up (default 100)
  --out FILE                      the JSON report (default bench-results/bench-<scale>.json)
  --json                          print the report as JSON instead of the table

The quick benchmark (CI's guard): only the ratios of the in-process analyses to the baselines
measured in the same run (Cypher, the floor), on the medium landscape, in well under a minute.

  --quick                         measure and print the ratios
  --quick --check FILE            compare with a reference; exit 1 naming the scenario, the
                                  reference and the new ratio when a checked ratio is more than
                                  ${Math.round(TOLERANCE * 100)}% worse. A failing ratio is measured again in a fresh
                                  process (${MAX_ATTEMPTS} runs at most) and fails only when it is worse in every run.
  --quick --write-reference FILE  measure --repeat times (default 5), each in a fresh process,
                                  and write each ratio's median and spread to FILE

Checked ratios: ${GUARDED_RATIOS.join(', ')}.`;

/** The command-line values `overblik bench` reads. */
export interface BenchCommandValues {
  readonly scale?: string | undefined;
  readonly runs?: string | undefined;
  readonly out?: string | undefined;
  readonly quick?: boolean | undefined;
  readonly check?: string | undefined;
  readonly 'write-reference'?: string | undefined;
  readonly repeat?: string | undefined;
}

function figure(s: ScenarioResult): string {
  if (s.mb !== undefined) return `${s.mb} MB`;
  if (s.totalMs !== undefined) return `${s.totalMs} ms`;
  if (s.p95Ms === undefined) return '–';
  const ratio = s.ratio !== undefined ? `, ${s.ratio}× single` : '';
  return `p50 ${s.p50Ms} / p95 ${s.p95Ms} ms (min ${s.minMs}, max ${s.maxMs}, n ${s.runs}${ratio})`;
}

function baselineLine(s: ScenarioResult): string | null {
  const b = s.baseline;
  if (!b) return null;
  return (
    `    in process ${b.analysisMs} ms; one Cypher statement ${b.cypherMs} ms ` +
    `(${b.toCypher}×, want ≤ 0.1); bare floor ${b.floorMs} ms (${b.toFloor}×, want ≤ 3)`
  );
}

/** The report as a table for people: each figure beside its goal, then the machine. */
export function formatBenchReport(report: BenchReport): string {
  const width = Math.max(...report.scenarios.map((s) => s.id.length));
  const lines = [
    `Overblik benchmark, ${report.scale} landscape (${report.landscape.nodes} nodes, ` +
      `${report.landscape.relationships} relationships), as of ${report.asOf}`,
    '',
  ];
  for (const s of report.scenarios) {
    const mark = s.met === null ? ' ' : s.met ? '✓' : '✗';
    lines.push(`${mark} ${s.id.padEnd(width)}  ${figure(s).padEnd(58)}  goal ${s.goal}`);
    const baseline = baselineLine(s);
    if (baseline) lines.push(baseline);
    if (s.note) lines.push(`    ${s.note}`);
  }
  if (report.skipped.length > 0) lines.push('', ...report.skipped.map((s) => `Skipped: ${s}`));
  const warmup = report.warmup;
  if (warmup) {
    const firsts = Object.entries(warmup.firstMs).map(([id, ms]) => `${id} ${ms} ms`);
    lines.push(
      '',
      `Server warm-up before the timed requests: ${warmup.requests} requests in ` +
        `${warmup.ms} ms; the first of each scenario to the fresh server took ${firsts.join(', ')}.`,
    );
  }
  lines.push(
    '',
    'Baselines: milliseconds per call (wall), the median over interleaved rounds; the ratios are ' +
      'of CPU time.',
    `Machine: ${machineLine(report.machine)}`,
  );
  return lines.join('\n');
}

/** The quick benchmark's ratios as a table. */
export function formatQuickReport(report: QuickReport): string {
  const lines = [
    `Overblik quick benchmark, ${report.scale} landscape, ${report.rounds} interleaved rounds, ` +
      `${Math.round(report.elapsedMs / 1000)} s`,
    '',
  ];
  for (const [id, b] of Object.entries(report.scenarios)) {
    lines.push(
      `  ${id.padEnd(15)} in process ${b.analysisMs} ms; Cypher ${b.cypherMs} ms (${b.toCypher}×); ` +
        `floor ${b.floorMs} ms (${b.toFloor}×)`,
    );
  }
  lines.push(
    '',
    'Ratios of CPU time per call, lower is better.',
    `Machine: ${machineLine(report.machine)}`,
  );
  return lines.join('\n');
}

/** The reference's spread: each ratio's median, range and runs. */
export function formatReference(reference: QuickReference): string {
  const width = Math.max(...Object.keys(reference.ratios).map((k) => k.length));
  const lines = [
    `Reference from ${Object.values(reference.ratios)[0]?.runs.length ?? 0} runs, each in a fresh ` +
      `process (${reference.scale} landscape, ${reference.rounds} rounds each):`,
    '',
  ];
  for (const [key, r] of Object.entries(reference.ratios)) {
    const low = Math.round((r.min / r.reference - 1) * 100);
    const high = Math.round((r.max / r.reference - 1) * 100);
    const checked = (GUARDED_RATIOS as readonly string[]).includes(key) ? 'checked' : 'reported';
    lines.push(
      `  ${key.padEnd(width)}  median ${String(r.reference).padEnd(8)} spread ${low}% … +${high}%` +
        `  (${checked}; runs ${r.runs.join(', ')})`,
    );
  }
  lines.push('', `Machine: ${machineLine(reference.machine)}`);
  return lines.join('\n');
}

function parseCount(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new InvalidInputError(`${option} must be a whole number ≥ 1; got "${value}"`);
  }
  return count;
}

function parseScale(value: string | undefined): Scale {
  if (value === undefined) return 'national';
  if (!(SCALES as readonly string[]).includes(value)) {
    throw new InvalidInputError(`Unknown scale "${value}"; use ${SCALES.join(', ')}`);
  }
  return value as Scale;
}

async function readReference(file: string): Promise<QuickReference> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError(`Cannot read the reference "${file}"`, { cause: error });
  }
  try {
    return parseReference(text, file);
  } catch (error) {
    throw new InvalidInputError((error as Error).message);
  }
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(value, null, 2) + '\n');
}

/** `--quick --write-reference FILE`: repeated quick runs in fresh processes, median and spread. */
async function writeReference(file: string, repeat: number, out: Output): Promise<void> {
  const reports: QuickReport[] = [];
  for (let k = 0; k < repeat; k++) {
    out.progress(`quick benchmark: run ${k + 1} of ${repeat} in a fresh process`);
    reports.push(await runQuickBenchProcess());
  }
  const first = reports[0]!;
  const reference = buildReference(
    reports.map((r) => r.ratios),
    {
      scale: first.scale,
      rounds: first.rounds,
      measuredAt: new Date().toISOString(),
      machine: first.machine,
    },
  );
  await writeJson(file, reference);
  if (!out.json) process.stderr.write('\n');
  out.result(`${formatReference(reference)}\nReference written to ${file}`, reference);
}

/** `--quick --check FILE`: measure, compare, and measure again while a ratio fails. */
async function checkAgainstReference(file: string, out: Output): Promise<void> {
  const reference = await readReference(file);
  const first = await runQuickBench({ progress: (m) => out.progress(m) });
  if (first.scale !== reference.scale || first.rounds !== reference.rounds) {
    throw new InvalidInputError(
      `${file} was measured on the ${reference.scale} landscape with ${reference.rounds} rounds; ` +
        `the quick benchmark now runs ${first.scale} with ${first.rounds}: write a new reference`,
    );
  }
  const { checks, measurements, failed } = await checkWithRetry(
    reference,
    async (attempt) => (attempt === 0 ? first.ratios : (await runQuickBenchProcess()).ratios),
    {
      onRetry: (so, attempt) =>
        out.progress(
          `quick benchmark: ${describeFailures(so).join('; ')}; measuring again in a fresh ` +
            `process (run ${attempt + 1} of ${MAX_ATTEMPTS})`,
        ),
    },
  );
  if (!out.json) process.stderr.write('\n');
  out.result(
    [
      formatQuickReport(first),
      '',
      `Against ${file} (measured ${reference.measuredAt.slice(0, 10)} on ${machineLine(reference.machine)}),` +
        ` failing above +${Math.round(TOLERANCE * 100)}%` +
        (measurements.length > 1 ? `, the best of ${measurements.length} runs:` : ':'),
      formatChecks(checks),
    ].join('\n'),
    { passed: !failed, reference: file, checks, measurements },
  );
  if (failed) {
    throw new Error(`bench check failed: ${describeFailures(checks).join('; ')}`);
  }
}

/** `overblik bench`: the full benchmark, or the quick one with its check against a reference. */
export async function runBenchCommand(values: BenchCommandValues, out: Output): Promise<void> {
  if (!values.quick) {
    for (const option of ['check', 'write-reference', 'repeat'] as const) {
      if (values[option] !== undefined) throw new InvalidInputError(`--${option} needs --quick`);
    }
    const scale = parseScale(values.scale);
    const file = values.out ?? `bench-results/bench-${scale}.json`;
    const report = await runBench({
      scale,
      runs: parseCount('--runs', values.runs, 100),
      asOf: benchAsOf(),
      progress: (m) => out.progress(m),
      requireBrowser: process.env.REQUIRE_BROWSER === '1',
    });
    await writeJson(file, report);
    if (!out.json) process.stderr.write('\n');
    out.result(`${formatBenchReport(report)}\nReport written to ${file}`, report);
    return;
  }
  for (const option of ['scale', 'runs'] as const) {
    if (values[option] !== undefined) {
      throw new InvalidInputError(
        `--quick always runs the medium landscape; leave out --${option}`,
      );
    }
  }
  if (values.check !== undefined && values['write-reference'] !== undefined) {
    throw new InvalidInputError('Give --check or --write-reference, not both');
  }
  if (values.repeat !== undefined && values['write-reference'] === undefined) {
    throw new InvalidInputError('--repeat goes with --write-reference');
  }
  if (values.check !== undefined) return checkAgainstReference(values.check, out);
  if (values['write-reference'] !== undefined) {
    return writeReference(values['write-reference'], parseCount('--repeat', values.repeat, 5), out);
  }
  const report = await runQuickBench({ progress: (m) => out.progress(m) });
  if (values.out !== undefined) await writeJson(values.out, report);
  if (!out.json) process.stderr.write('\n');
  out.result(formatQuickReport(report), report);
}
