import { z } from 'zod';
import type { Machine } from './machine.ts';
import { median } from './summarize.ts';

/**
 * The guard against performance regressions: the quick benchmark's ratios (the analysis over
 * a baseline measured in the same run, lower is better) against a committed reference.
 */

/** Ratios by key, `<scenario>.toCypher` or `<scenario>.toFloor`. */
export type Ratios = Readonly<Record<string, number>>;

/** A ratio may grow by this fraction of its reference before the check fails. */
export const TOLERANCE = 0.25;

/**
 * The ratios the check fails on: all six. Over twenty runs in fresh processes on a busy 2-core
 * machine none went more than 22% above its reference (most within 16%), inside the tolerance;
 * a ratio that spreads wider belongs among the reported ones instead (README, Performance).
 */
export const GUARDED_RATIOS = [
  'hop2-typical.toCypher',
  'blast-supplier.toCypher',
  'blast-month.toCypher',
  'hop2-typical.toFloor',
  'blast-supplier.toFloor',
  'blast-month.toFloor',
] as const;

/** One ratio as measured when the reference was written: the median and the spread. */
export interface RatioSpread {
  readonly reference: number;
  readonly min: number;
  readonly max: number;
  /** Each run's figure, in the order they ran. */
  readonly runs: readonly number[];
}

export interface QuickReference {
  readonly scale: string;
  readonly rounds: number;
  readonly measuredAt: string;
  readonly machine: Machine;
  readonly ratios: Readonly<Record<string, RatioSpread>>;
}

const spreadSchema = z.object({
  reference: z.number().positive(),
  min: z.number().positive(),
  max: z.number().positive(),
  runs: z.array(z.number().positive()).min(1),
});

const referenceSchema = z.object({
  scale: z.string(),
  rounds: z.number().int().positive(),
  measuredAt: z.string(),
  machine: z.object({
    cores: z.number(),
    memoryGb: z.number(),
    node: z.string(),
    cpu: z.string(),
  }),
  ratios: z.record(z.string(), spreadSchema),
});

/** Reads a reference file's text; a bad one is named with the field and the value. */
export function parseReference(text: string, file: string): QuickReference {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = referenceSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || '(top level)';
    throw new Error(`${file}: ${field}: ${issue.message}`);
  }
  return parsed.data;
}

/** The reference from repeated runs: each ratio's median, with its min, max and every run. */
export function buildReference(
  runs: readonly Ratios[],
  about: Omit<QuickReference, 'ratios'>,
): QuickReference {
  if (runs.length === 0) throw new Error('A reference needs at least one run');
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))].sort();
  const ratios: Record<string, RatioSpread> = {};
  for (const key of keys) {
    const values = runs.map((r) => r[key]).filter((v): v is number => v !== undefined);
    ratios[key] = {
      reference: Number(median(values).toPrecision(4)),
      min: Math.min(...values),
      max: Math.max(...values),
      runs: values,
    };
  }
  return { ...about, ratios };
}

/**
 * Each ratio's lowest over several measurements. Noise makes the analysis look slower in one run
 * and faster in the next; a regression makes it slower in every run. So a ratio that fails is
 * measured again, and the check fails only when it fails every time.
 */
export function bestOf(measurements: readonly Ratios[]): Ratios {
  const best: Record<string, number> = {};
  for (const ratios of measurements) {
    for (const [key, value] of Object.entries(ratios)) {
      best[key] = Math.min(best[key] ?? Number.POSITIVE_INFINITY, value);
    }
  }
  return best;
}

export interface RatioCheck {
  readonly key: string;
  readonly reference: number | null;
  readonly measured: number | null;
  /** measured / reference − 1: +0.3 is 30% worse than the reference. */
  readonly change: number | null;
  readonly guarded: boolean;
  /**
   * `regressed`: a guarded ratio grew by more than the tolerance; `missing`: a guarded ratio is
   * absent from the reference or from the measurement (the check cannot vouch for it);
   * `improved`: lower by more than the tolerance (time to write a new reference).
   */
  readonly verdict: 'ok' | 'regressed' | 'missing' | 'improved';
}

/** Every ratio of the reference or the measurement, guarded ones first, with its verdict. */
export function checkRatios(
  reference: QuickReference,
  measured: Ratios,
  guarded: readonly string[] = GUARDED_RATIOS,
  tolerance = TOLERANCE,
): RatioCheck[] {
  const keys = [
    ...guarded,
    ...[...new Set([...Object.keys(reference.ratios), ...Object.keys(measured)])]
      .filter((k) => !guarded.includes(k))
      .sort(),
  ];
  return keys.map((key) => {
    const ref = reference.ratios[key]?.reference ?? null;
    const value = measured[key] ?? null;
    const isGuarded = guarded.includes(key);
    if (ref === null || value === null) {
      return {
        key,
        reference: ref,
        measured: value,
        change: null,
        guarded: isGuarded,
        verdict: isGuarded ? 'missing' : 'ok',
      };
    }
    const change = value / ref - 1;
    const verdict =
      isGuarded && change > tolerance ? 'regressed' : change < -tolerance ? 'improved' : 'ok';
    return { key, reference: ref, measured: value, change, guarded: isGuarded, verdict };
  });
}

/** True when the check must fail: a guarded ratio regressed or could not be compared. */
export function checkFails(checks: readonly RatioCheck[]): boolean {
  return checks.some((c) => c.verdict === 'regressed' || c.verdict === 'missing');
}

export interface CheckOutcome {
  readonly checks: RatioCheck[];
  /** The ratios of each measurement taken: one, or more when the first ones failed. */
  readonly measurements: Ratios[];
  readonly failed: boolean;
}

/** Measurements the check takes at most before it fails. */
export const MAX_ATTEMPTS = 3;

/**
 * Measures and compares with the reference; while that fails, measures again (up to `attempts`
 * measurements) and compares the best of them (see bestOf). `measure` is called with the
 * attempt's number, counting from 0.
 */
export async function checkWithRetry(
  reference: QuickReference,
  measure: (attempt: number) => Promise<Ratios>,
  options: {
    guarded?: readonly string[];
    tolerance?: number;
    attempts?: number;
    /** Told before each further measurement, with the checks so far and the attempt's number. */
    onRetry?: (checks: readonly RatioCheck[], attempt: number) => void;
  } = {},
): Promise<CheckOutcome> {
  const guarded = options.guarded ?? GUARDED_RATIOS;
  const tolerance = options.tolerance ?? TOLERANCE;
  const measurements: Ratios[] = [await measure(0)];
  let checks = checkRatios(reference, measurements[0]!, guarded, tolerance);
  while (checkFails(checks) && measurements.length < (options.attempts ?? MAX_ATTEMPTS)) {
    options.onRetry?.(checks, measurements.length);
    measurements.push(await measure(measurements.length));
    checks = checkRatios(reference, bestOf(measurements), guarded, tolerance);
  }
  return { checks, measurements, failed: checkFails(checks) };
}

const percent = (change: number | null) =>
  change === null ? '' : `${change >= 0 ? '+' : '−'}${Math.abs(Math.round(change * 100))}%`;

/** One line per failing ratio: the scenario, the reference and the new ratio. */
export function describeFailures(checks: readonly RatioCheck[], tolerance = TOLERANCE): string[] {
  return checks
    .filter((c) => c.verdict === 'regressed' || c.verdict === 'missing')
    .map((c) =>
      c.verdict === 'missing'
        ? `${c.key}: ${c.reference === null ? 'not in the reference' : 'not measured'}`
        : `${c.key}: ${c.measured} against the reference ${c.reference} ` +
          `(${percent(c.change)}, more than +${Math.round(tolerance * 100)}%)`,
    );
}

/** The table the check prints: every ratio, its reference and the change. */
export function formatChecks(checks: readonly RatioCheck[]): string {
  const width = Math.max(...checks.map((c) => c.key.length));
  return checks
    .map((c) => {
      const mark = { ok: '✓', improved: '✓', regressed: '✗', missing: '✗' }[c.verdict];
      const figures =
        `${String(c.measured ?? '–').padStart(8)}  reference ${String(c.reference ?? '–').padStart(8)}` +
        `  ${percent(c.change).padStart(5)}`;
      const note = !c.guarded
        ? '  (reported, not checked)'
        : c.verdict === 'improved'
          ? '  (much better: write a new reference)'
          : '';
      return `${mark} ${c.key.padEnd(width)}  ${figures}${note}`;
    })
    .join('\n');
}
