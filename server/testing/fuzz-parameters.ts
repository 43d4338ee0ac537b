import type { Parameters } from 'fast-check';

/**
 * fast-check parameters of the fuzz tests: `runs` unless FUZZ_RUNS says otherwise, and, to replay
 * a failure, the seed and path fast-check printed, as FUZZ_SEED and FUZZ_PATH.
 */
export function fuzzParameters<T>(runs: number, env = process.env): Parameters<T> {
  const seed = env.FUZZ_SEED;
  return {
    numRuns: env.FUZZ_RUNS ? Number(env.FUZZ_RUNS) : runs,
    ...(seed ? { seed: Number(seed), ...(env.FUZZ_PATH ? { path: env.FUZZ_PATH } : {}) } : {}),
  };
}
