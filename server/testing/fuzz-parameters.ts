import type { Parameters } from 'fast-check';

/** How long a fuzz property may run before fast-check stops it (and reports what it has). */
const TIME_LIMIT_MS = 45_000;

/**
 * fast-check parameters of the fuzz tests: `runs` unless FUZZ_RUNS says otherwise, and, to replay
 * a failure, the seed and path fast-check printed, as FUZZ_SEED and FUZZ_PATH. Without FUZZ_RUNS
 * a property stops after 45 s, so a slow machine runs fewer cases and a failure's shrinking ends
 * in time to be reported (with its seed) rather than hit the test's timeout.
 */
export function fuzzParameters<T>(runs: number, env = process.env): Parameters<T> {
  const seed = env.FUZZ_SEED;
  return {
    numRuns: env.FUZZ_RUNS ? Number(env.FUZZ_RUNS) : runs,
    ...(env.FUZZ_RUNS ? {} : { interruptAfterTimeLimit: TIME_LIMIT_MS }),
    ...(seed ? { seed: Number(seed), ...(env.FUZZ_PATH ? { path: env.FUZZ_PATH } : {}) } : {}),
  };
}

/** The vitest timeout of a fuzz test: the property's time limit and setup to spare. */
export const FUZZ_TEST_TIMEOUT_MS = 120_000;
