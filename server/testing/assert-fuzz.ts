import fc, { PreconditionFailure, type IAsyncProperty, type Parameters } from 'fast-check';

/** How long a fuzz property may run cases before it stops (and reports what it has). */
const TIME_LIMIT_MS = 45_000;

/** The vitest timeout of a fuzz test: the property's time limit and setup to spare. */
export const FUZZ_TEST_TIMEOUT_MS = 120_000;

/**
 * Runs a fuzz property: `runs` cases unless FUZZ_RUNS says otherwise, and, to replay a failure,
 * the seed and path fast-check printed, as FUZZ_SEED and FUZZ_PATH. Without FUZZ_RUNS no case
 * starts after 45 s, so a slow machine runs fewer cases and a failure's shrinking ends in time to
 * be reported (with its seed) rather than hit the test's timeout.
 *
 * The limit is kept here rather than by fast-check's `interruptAfterTimeLimit`, which races a
 * running async case against the clock: a case that lost the race went on in the background,
 * importing into the store while the test compared the store with its start and the next test
 * ran, and both failed. Here a case that has started always finishes; a case due after the limit
 * interrupts the run instead, which ends it without failing it, or ends a shrink with the
 * smallest failure found so far.
 */
export async function assertFuzz<Ts>(
  property: IAsyncProperty<Ts>,
  runs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const seed = env.FUZZ_SEED;
  const parameters: Parameters<Ts> = {
    numRuns: env.FUZZ_RUNS ? Number(env.FUZZ_RUNS) : runs,
    ...(seed ? { seed: Number(seed), ...(env.FUZZ_PATH ? { path: env.FUZZ_PATH } : {}) } : {}),
  };
  await fc.assert(env.FUZZ_RUNS ? property : stopsAfter(property, TIME_LIMIT_MS), parameters);
}

/** The property, whose cases after `limitMs` from its first interrupt the run. */
export function stopsAfter<Ts>(property: IAsyncProperty<Ts>, limitMs: number): IAsyncProperty<Ts> {
  let deadline: number | null = null;
  return {
    isAsync: () => true,
    generate: (random, runId) => property.generate(random, runId),
    shrink: (value) => property.shrink(value),
    run: (value) => {
      deadline ??= Date.now() + limitMs;
      if (Date.now() > deadline) return Promise.resolve(new PreconditionFailure(true));
      return property.run(value);
    },
    runBeforeEach: () => property.runBeforeEach(),
    runAfterEach: () => property.runAfterEach(),
  };
}
