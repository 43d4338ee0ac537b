import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort, OVERBLIK_BIN } from '../server/bench/bench-server.ts';

/** What the e2e suite runs against; null when there is no browser to run it in. */
export interface E2eTarget {
  /** The running `overblik serve`, e.g. http://127.0.0.1:41234. */
  readonly baseUrl: string;
  readonly chromiumPath: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eTarget | null;
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXPLORER_SOURCE = join(ROOT, 'explorer');
const EXPLORER_BUILD = join(ROOT, 'dist', 'explorer', 'index.html');
/**
 * The medium demo (ten municipalities): the small one has a single municipality, and comparing
 * needs two.
 */
const SCALE = 'medium';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the explorer when dist/explorer is missing or older than its sources. */
function ensureExplorerBuilt(): void {
  const stale =
    !existsSync(EXPLORER_BUILD) || statSync(EXPLORER_BUILD).mtimeMs < newestSource(EXPLORER_SOURCE);
  if (!stale) return;
  console.log('e2e: building the explorer (dist/explorer is missing or stale)');
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0)
    throw new Error('e2e: `vite build` of the explorer failed; run `npm run build` to see why');
}

function overblik(args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [OVERBLIK_BIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function waitForHealth(
  baseUrl: string,
  server: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`e2e: overblik serve exited (${server.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`e2e: overblik serve did not answer /healthz within 2 minutes:\n${output()}`);
}

/**
 * Seeds the demo landscape into a new store at `db` with the real CLI. The same scale and seed
 * give the same ids every time, so a second store matches the suite's.
 */
export async function seedDemo(db: string): Promise<void> {
  const seed = overblik(['seed', '--scale', SCALE, '--db', db, '--json']);
  const seeded = await new Promise<number | null>((resolve) => seed.child.on('exit', resolve));
  if (seeded !== 0) throw new Error(`e2e: overblik seed failed (${seeded}):\n${seed.output()}`);
}

/** A running `overblik serve`; `stop` ends it (SIGKILL after 5 s) and may be called again. */
export interface ServedStore {
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/** Starts `overblik serve` over `db` on a free port with `args` added, once it answers /healthz. */
export async function serveStore(db: string, args: readonly string[] = []): Promise<ServedStore> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { child, output } = overblik([
    'serve',
    '--db',
    db,
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    ...args,
  ]);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

/**
 * E2e-project global setup: with Chromium present, builds the explorer if needed, seeds the demo
 * landscape into a temporary store with the real CLI and starts `overblik serve` on a free port;
 * without it, one line says the suite is skipped, and REQUIRE_BROWSER=1 turns that into a failure.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    const reason = `e2e skipped: no Chromium at ${chromiumPath}`;
    if (process.env.REQUIRE_BROWSER === '1') throw new Error(`${reason} (REQUIRE_BROWSER=1)`);
    console.log(reason);
    project.provide('e2e', null);
    return;
  }
  ensureExplorerBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'overblik-e2e-'));
  const db = join(dir, `${SCALE}.kuzu`);
  await seedDemo(db);
  const served = await serveStore(db);
  project.provide('e2e', { baseUrl: served.baseUrl, chromiumPath });
  return async () => {
    await served.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
