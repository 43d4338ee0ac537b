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
// V8 sizes the young generation only when a process starts, so the CLI restarts itself in place
// with it fixed at 16 MB semispaces (unless the caller chose a size). By default it grows to
// 64 MB semispaces under load, about 150 MB resident on a server, and the memory-reducing
// collection after an index build shrinks it to 1 MB; the server then scavenges every few
// requests and promotes their garbage into old-space collections that land in answers.
// National landscape, same workload: resident 662 -> 615 MB, 1-hop p95 6.7 -> 1.2 ms.
// The old generation keeps V8's own growth factor: limiting it (--heap-growing-percent=25) gave
// 557-573 MB after the benchmark in four runs against 574-602 MB in two without, but 16-client
// p95s of 1.9-2.9x the single client's against 1.7-2.3x (README, Performance).
const YOUNG_GENERATION = ['--min-semi-space-size=16', '--max-semi-space-size=16'];
if (
  typeof process.execve === 'function' &&
  !process.execArgv.some((flag) => flag.startsWith('--max-semi-space-size'))
) {
  process.execve(
    process.execPath,
    [process.execPath, ...YOUNG_GENERATION, ...process.execArgv, ...process.argv.slice(1)],
    process.env,
  );
}
const { register } = await import('tsx/esm/api');
register();
await import('../server/cli/main.ts');
