import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { OVERBLIK_BIN } from '../bench/bench-server.ts';

// For the CLI's tests: they run the real binary as a user does.

const run = promisify(execFile);

/** The environment the tests run it in: no STORE or DB_PATH of the caller's leaks in. */
export const OVERBLIK_ENV = { ...process.env, STORE: '', DB_PATH: '' };

/** How a run of `overblik` ended. */
export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `overblik` binary the way a user does, with the test's own Node. */
export async function overblik(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [OVERBLIK_BIN, ...args], {
      env: OVERBLIK_ENV,
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
