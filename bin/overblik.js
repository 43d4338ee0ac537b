#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so there is no build step for the server.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `overblik needs Node.js 22.12 or later (this is ${process.version}). ` +
      '`npm install` puts Node 24 in node_modules/.bin: run `npx overblik ...` or an npm script.',
  );
  process.exit(1);
}
// V8 sizes its heap only when a process starts, so the CLI restarts itself in place with two
// settings fixed (unless the caller chose a young-generation size):
// - The young generation at 16 MB semispaces. By default it grows to 64 MB semispaces under load,
//   about 150 MB resident on a server, and the memory-reducing collection after an index build
//   shrinks it to 1 MB; the server then scavenges every few requests and promotes their garbage
//   into old-space collections that land in answers. National landscape, same workload:
//   resident 662 -> 615 MB, 1-hop p95 6.7 -> 1.2 ms.
// - The old generation may grow by 25% of what survived the last full collection before the next
//   one starts, instead of V8's factor of up to 4. The server keeps about 135 MB alive and the
//   analyses' answers are short-lived: after the same mix of national requests, resident memory
//   was 569-597 MB against 607-646 MB (four runs each), the hub 2-hop p95 10-20% higher and the
//   other p95s within the runs' noise. At 10% it was 550 MB, with 1-hop and hub p95s up to twice
//   as high.
const HEAP_FLAGS = [
  '--min-semi-space-size=16',
  '--max-semi-space-size=16',
  '--heap-growing-percent=25',
];
if (
  typeof process.execve === 'function' &&
  !process.execArgv.some((flag) => flag.startsWith('--max-semi-space-size'))
) {
  process.execve(
    process.execPath,
    [process.execPath, ...HEAP_FLAGS, ...process.execArgv, ...process.argv.slice(1)],
    process.env,
  );
}
const { register } = await import('tsx/esm/api');
register();
await import('../server/cli/main.ts');
