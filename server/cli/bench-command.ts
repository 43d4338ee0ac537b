import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { benchAsOf } from '../bench/scenario-inputs.ts';
import { runBench, type BenchReport, type ScenarioResult } from '../bench/run-bench.ts';
import type { Scale } from '../../seed/generate-landscape.ts';
import type { Output } from './output.ts';

function figure(s: ScenarioResult): string {
  if (s.mb !== undefined) return `${s.mb} MB`;
  if (s.totalMs !== undefined) return `${s.totalMs} ms`;
  if (s.p95Ms === undefined) return '–';
  const ratio = s.ratio !== undefined ? `, ${s.ratio}× single` : '';
  return `p50 ${s.p50Ms} / p95 ${s.p95Ms} ms (min ${s.minMs}, max ${s.maxMs}, n ${s.runs}${ratio})`;
}

function baselineLine(s: ScenarioResult): string | null {
  if (!s.baseline || !s.ratios) return null;
  const b = s.baseline;
  return (
    `    in process p50 ${b.analysisP50Ms} ms; one Cypher statement ${b.cypherP50Ms} ms ` +
    `(${s.ratios.toCypher}×, want ≤ 0.1); bare BFS floor ${b.floorP50Ms} ms (${s.ratios.toFloor}×, want ≤ 3)`
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
  const m = report.machine;
  lines.push('', `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}`);
  return lines.join('\n');
}

export interface BenchCommandOptions {
  readonly scale: Scale;
  readonly runs: number;
  readonly out: string;
}

/** `overblik bench`: runs the benchmark, prints the table (or JSON) and writes the JSON report. */
export async function runBenchCommand(options: BenchCommandOptions, out: Output): Promise<void> {
  const report = await runBench({
    scale: options.scale,
    runs: options.runs,
    asOf: benchAsOf(),
    progress: (m) => out.progress(m),
  });
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, JSON.stringify(report, null, 2) + '\n');
  if (!out.json) process.stderr.write('\n');
  out.result(`${formatBenchReport(report)}\nReport written to ${options.out}`, report);
}
