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
const { register } = await import('tsx/esm/api');
register();
await import('../server/cli/main.ts');
