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
// settings (unless the caller chose a young generation size; a caller's own flags come after
// these and win):
// - The young generation fixed at 16 MB semispaces. By default it grows to 64 MB semispaces under
//   load, about 150 MB resident on a server, and the memory-reducing collection after an index
//   build shrinks it to 1 MB; the server then scavenges every few requests and promotes their
//   garbage into old-space collections that land in answers. National landscape, same
//   workload: resident 662 -> 615 MB, 1-hop p95 6.7 -> 1.2 ms.
// - The old generation grows by half of what survived its last full collection before the
//   next, where V8 lets it grow up to fourfold. A national server under a steady mix of every
//   request kind settled at 670-720 MB resident with V8's own factor, 590 MB at 100% and 537 MB
//   at 50%, with the same p95s (README, Performance).
const HEAP_FLAGS = [
  '--min-semi-space-size=16',
  '--max-semi-space-size=16',
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
