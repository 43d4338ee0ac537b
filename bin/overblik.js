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
// V8 sizes its heap only when a process starts, so the CLI restarts itself in place with three
// settings (unless the caller chose a young generation size; a caller's own flags come after
// these and win):
// - The young generation fixed at 16 MB semispaces. By default it grows to 64 MB semispaces under
//   load, about 150 MB resident on a server, and the memory-reducing collection after an index
//   build shrinks it to 1 MB; the server then scavenges every few requests and promotes their
//   garbage into old-space collections that land in answers. National landscape, same
//   workload: resident 662 -> 615 MB, 1-hop p95 6.7 -> 1.2 ms.
// - No allocation-site pretenuring. V8 had taken the maps and lists a blast radius makes per
//   request for long-lived and allocated them straight in the old generation, which then filled
//   with garbage. A national server under a steady mix of every request kind settled at 537-549
//   MB resident with pretenuring and 476-490 MB without, with lower p95s and p99s (a point
//   read's p99 4.0 -> 1.0 ms, a comparison's 10.5 -> 3.1 ms); the national import's checks took
//   2.1-2.5 s instead of 3.0-3.2 s, and the index build as long.
// - The old generation grows by half of what survived its last full collection before the
//   next, where V8 lets it grow up to fourfold: with pretenuring, 670-720 MB resident under the
//   same load with V8's own factor against 537-566 MB at 50%.
const HEAP_FLAGS = [
  '--min-semi-space-size=16',
  '--max-semi-space-size=16',
  '--no-allocation-site-pretenuring',
  '--heap-growing-percent=50',
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
