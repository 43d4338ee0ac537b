import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The `overblik` command, run with the benchmark's own Node. */
export const OVERBLIK_BIN = fileURLToPath(new URL('../../bin/overblik.js', import.meta.url));

/** The real server, started as its own process so its memory is measured alone. */
export interface BenchServer {
  readonly url: string;
  readonly pid: number;
  /** Index build time the server reported at start-up. */
  readonly indexBuildMs: number;
  /** Resident and peak resident memory of the server process, in MB. */
  memory(): { rssMb: number; peakRssMb: number };
  stop(): Promise<void>;
}

/** A port nothing on this machine listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

/** Starts `overblik serve` on a free port over the given embedded store and waits until it listens. */
export async function startBenchServer(dbPath: string): Promise<BenchServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [OVERBLIK_BIN, 'serve', '--db', dbPath, '--port', String(port), '--json'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, STORE: 'embedded' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const started = await new Promise<{ url: string; indexBuildMs: number }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start: ${stderr}`)),
      120_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before listening: ${stderr.trim()}`));
    });
    child.stdout!.on('data', () => {
      try {
        const parsed = JSON.parse(stdout) as { url: string; indexBuildMs: number };
        clearTimeout(timer);
        resolve(parsed);
      } catch {
        // not the whole JSON document yet
      }
    });
  });
  const pid = child.pid!;
  return {
    url: started.url,
    pid,
    indexBuildMs: started.indexBuildMs,
    memory: () => ({ rssMb: statusMb(pid, 'VmRSS'), peakRssMb: statusMb(pid, 'VmHWM') }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
