import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateModelFiles } from './generate-model-files.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
for (const file of generateModelFiles()) {
  const path = root + file.path;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.content);
  console.log(`wrote ${file.path}`);
}
