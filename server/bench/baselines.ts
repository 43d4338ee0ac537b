import { readFile } from 'node:fs/promises';
import { blastRadius } from '../analysis/blast-radius.ts';
import type { GraphIndex } from '../analysis/graph-index.ts';
import { neighbourhood } from '../analysis/neighbourhood.ts';
import { listsSelected } from '../api/blast-radius-lists.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { BENCH_QUERIES, topLevelField } from './bench-queries.ts';
import { floorBlast, floorHop2 } from './floors.ts';
import type { ScenarioInputs } from './scenario-inputs.ts';
import { median } from './summarize.ts';

/** The scenarios asked three ways: in process (the analysis), as one Cypher statement, and bare. */
export const BASELINE_SCENARIOS = ['hop2-typical', 'blast-supplier', 'blast-month'] as const;
export type BaselineScenario = (typeof BASELINE_SCENARIOS)[number];

/** One question and its three answers, over the same inputs. */
interface BaselineQuestion {
  readonly id: BaselineScenario;
  readonly inputs: readonly unknown[];
  /** The analysis the server runs, over the in-memory index. */
  readonly analysis: (input: unknown) => unknown;
  /** A bare typed-array walk reaching the same nodes: no filters, explanations or results. */
  readonly floor: (input: unknown) => unknown;
  /** The same question as one Cypher statement on the store (the peer baseline). */
  readonly cypher: (input: unknown) => Promise<unknown>;
}

/** Figures of one scenario: per-call times, and the analysis as a ratio of each baseline. */
export interface BaselineFigures {
  /** Wall time per call in milliseconds: the median over rounds of each batch's mean. */
  readonly analysisMs: number;
  readonly cypherMs: number;
  readonly floorMs: number;
  /**
   * Analysis CPU time per call divided by the baseline's, the median over rounds of the ratio
   * within each round. CPU time leaves out the time the process waited for a core, and both sides
   * of each ratio are measured seconds apart, so what the machine's other work does to one it
   * does to the other: these are the figures that compare across runs and machines.
   */
  readonly toCypher: number;
  readonly toFloor: number;
  readonly rounds: number;
  /** The ratios of each round, in order: how much they moved within this run. */
  readonly roundRatios: { readonly toCypher: number[]; readonly toFloor: number[] };
}

export interface BaselineOptions {
  /** Interleaved rounds; each measures the analysis, the floor and Cypher once per scenario. */
  readonly rounds: number;
  /** Inputs per scenario (the first ones): Cypher answers each once per round. */
  readonly maxInputs: number;
  /**
   * Target length of one batch of an in-process kind, repeated over the inputs until reached.
   * Each batch starts with caches full of what ran before it (Cypher, the other kind); a longer
   * batch spreads that start over more calls. In 50 ms batches the typical 2-hop analysis
   * measured about a third slower against Cypher than in 200 ms batches.
   * @default 200
   */
  readonly batchMs?: number;
  readonly progress?: (message: string) => void;
}

interface DateWindow {
  readonly from: string;
  readonly to: string;
}

interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

async function cypherFile(name: string): Promise<string> {
  const text = await readFile(
    new URL(`../../cypher/bench/${name}.cypher`, import.meta.url),
    'utf8',
  );
  return text
    .split('\n')
    .filter((line) => !line.startsWith('//'))
    .join('\n');
}

/** The three questions, each as the analysis, one Cypher statement and the bare floor. */
async function baselineQuestions(
  store: GraphStore,
  index: GraphIndex,
  inputs: ScenarioInputs,
  maxInputs: number,
): Promise<BaselineQuestion[]> {
  const hop2 = await cypherFile('hop2');
  const supplier = await cypherFile('blast-supplier');
  const month = await cypherFile('blast-month');
  const node = (id: string) => index.indexOf(id)!;
  const contractsOf = (supplierId: string) =>
    [...index.neighbours(node(supplierId), 'SUPPLIED_BY', 'IN')].filter(
      (n) => index.labelAt(n) === 'Contract',
    );
  const contractsEnding = ({ from, to }: DateWindow) =>
    [...index.nodesOf('Contract')].filter((c) => {
      const validTo = index.recordAt(c).validTo;
      return typeof validTo === 'string' && validTo >= from && validTo <= to;
    });
  const asOf = inputs.asOf;
  // The lists the scenarios' queries select, as the server makes them for those queries: an
  // answer with every list would be another analysis than the one timed end to end.
  const listsOf = (query: string) => listsSelected(topLevelField(query, 'blastRadius'));
  const supplierLists = listsOf(BENCH_QUERIES.blastRadius);
  const monthLists = listsOf(BENCH_QUERIES.blastTotals);
  return [
    {
      id: 'hop2-typical',
      inputs: inputs.typicalSystemIds.slice(0, maxInputs),
      analysis: (id) => neighbourhood(index, { ids: [id as string], depth: 2, maxNodes: 5000 }),
      floor: (id) => floorHop2(index, node(id as string)),
      cypher: (id) => store.query(hop2, { id }),
    },
    {
      id: 'blast-supplier',
      inputs: inputs.supplierIds.slice(0, maxInputs),
      analysis: (id) =>
        blastRadius(index, { supplierId: id as string, asOf, lists: supplierLists }),
      floor: (id) => floorBlast(index, contractsOf(id as string)),
      cypher: (id) => store.query(supplier, { id }),
    },
    {
      id: 'blast-month',
      inputs: inputs.months.slice(0, maxInputs),
      analysis: (m) =>
        blastRadius(index, { window: m as DateWindow, asOf, limit: 0, lists: monthLists }),
      floor: (m) => floorBlast(index, contractsEnding(m as DateWindow)),
      cypher: (m) => {
        const { from, to } = m as DateWindow;
        return store.query(month, { from, to });
      },
    },
  ];
}

/** Mean wall and CPU time per call of `passes` passes over the inputs, in milliseconds. */
async function batch(
  inputs: readonly unknown[],
  work: (input: unknown) => unknown,
  passes: number,
): Promise<Timing> {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    for (const input of inputs) await work(input);
  }
  const wallMs = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  const calls = passes * inputs.length;
  return { wallMs: wallMs / calls, cpuMs: (cpu.user + cpu.system) / 1000 / calls };
}

const significant = (value: number) => Number(value.toPrecision(4));

/**
 * Untimed rounds of the whole interleaved schedule before the timed ones. Warming each kind alone,
 * even for a whole batch, left the first rounds slow: in five national runs the first or second
 * round's 2-hop or supplier analysis took 1.4–2.2 times as long against its floor as the median
 * round, as the code compiled for one kind alone met the others and Cypher's garbage.
 */
const WARM_ROUNDS = 2;

/**
 * Measures each scenario three ways in interleaved rounds: for every scenario, a batch of the
 * analysis, a batch of the floor and one pass of Cypher over the same inputs. A disturbance from
 * outside then lands in one round, which the median over rounds leaves out. Warm-up first: three
 * passes, which size the in-process batches to about `batchMs` (a single analysis can take
 * microseconds), then {@link WARM_ROUNDS} rounds that are not recorded.
 */
export async function measureBaselines(
  store: GraphStore,
  index: GraphIndex,
  inputs: ScenarioInputs,
  options: BaselineOptions,
): Promise<Record<BaselineScenario, BaselineFigures>> {
  const questions = await baselineQuestions(store, index, inputs, options.maxInputs);
  const batchMs = options.batchMs ?? 200;
  const plans = [];
  for (const question of questions) {
    const passesFor = async (work: (input: unknown) => unknown) => {
      const { wallMs } = await batch(question.inputs, work, 3);
      return Math.max(1, Math.ceil(batchMs / Math.max(wallMs * question.inputs.length, 1e-3)));
    };
    plans.push({
      question,
      analysisPasses: await passesFor(question.analysis),
      floorPasses: await passesFor(question.floor),
      rounds: [] as { analysis: Timing; floor: Timing; cypher: Timing }[],
    });
    await batch(question.inputs, question.cypher, 1);
  }
  for (let round = -WARM_ROUNDS; round < options.rounds; round++) {
    options.progress?.(
      round < 0
        ? `baselines: warm-up round ${round + WARM_ROUNDS + 1} of ${WARM_ROUNDS}`
        : `baselines: round ${round + 1} of ${options.rounds}`,
    );
    for (const plan of plans) {
      const { inputs: these, analysis, floor, cypher } = plan.question;
      const timings = {
        analysis: await batch(these, analysis, plan.analysisPasses),
        floor: await batch(these, floor, plan.floorPasses),
        cypher: await batch(these, cypher, 1),
      };
      if (round >= 0) plan.rounds.push(timings);
    }
  }
  const figures = {} as Record<BaselineScenario, BaselineFigures>;
  for (const { question, rounds } of plans) {
    const toCypher = rounds.map((r) => significant(r.analysis.cpuMs / r.cypher.cpuMs));
    const toFloor = rounds.map((r) => significant(r.analysis.cpuMs / r.floor.cpuMs));
    figures[question.id] = {
      analysisMs: significant(median(rounds.map((r) => r.analysis.wallMs))),
      cypherMs: significant(median(rounds.map((r) => r.cypher.wallMs))),
      floorMs: significant(median(rounds.map((r) => r.floor.wallMs))),
      toCypher: significant(median(toCypher)),
      toFloor: significant(median(toFloor)),
      rounds: rounds.length,
      roundRatios: { toCypher, toFloor },
    };
  }
  return figures;
}
