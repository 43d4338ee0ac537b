import { parseArgs } from 'node:util';
import { createApiToken, hashApiToken } from '../access/api-token.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { SCALES, type Scale } from '../../seed/generate-landscape.ts';
import { BENCH_HELP, runBenchCommand } from './bench-command.ts';
import { EXPORT_HELP, runExportCommand } from './export-command.ts';
import { IMPORT_HELP, runImportCommand } from './import-command.ts';
import { createOutput, table, type Output } from './output.ts';
import { seedStore } from './seed-store.ts';
import { serve } from './serve.ts';
import { createStore } from '../store/create-store.ts';

const USAGE = `Usage: overblik <command> [options]

Commands:
  seed --scale small|medium|national [--seed N]   replace the store with a demo landscape
  stats                                          node counts per label, relationships per type
  serve [--port 4000] [--host 127.0.0.1]         GraphQL at /graphql, /healthz, the explorer at /
  start                                          seed the medium demo if the store is empty, then serve
  bench [--scale national|medium|small] [--runs 100] [--out FILE]
                                                 measure every scenario against PERFORMANCE.md's goals
  bench --quick [--check FILE | --write-reference FILE]
                                                 the ratios to the in-run baselines; CI's guard (bench --help)
  import PATH... [--format auto|kitos|kle|csv] [--dry-run] [--partial] [--municipality ID]
                                                 import Kitos JSON, KLE or canonical CSV (import --help)
  export --format csv|graphml|json --out PATH [--municipality ID] [--focus ID --depth N]
                                                 export the store, a municipality or a slice
  token --name NAME --municipality ID --role reader|editor|admin
                                                 make an API token for server mode and print
                                                 the access-file entry (its hash) to add
  export --format json --analysis NAME --out FILE [--input JSON|@FILE]
                                                 export one analysis's result (export --help)

Options for every command:
  --store embedded|neo4j   the store (env STORE; Neo4j also needs NEO4J_URI, NEO4J_PASSWORD)
  --db PATH                the embedded store's file (env DB_PATH, default ./data/overblik.kuzu)
  --access FILE            serve in server mode with this access file (env ACCESS_FILE)
  --json                   machine-readable output on stdout
  -h, --help               this text`;

const OPTIONS = {
  scale: { type: 'string' },
  seed: { type: 'string' },
  store: { type: 'string' },
  db: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  access: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  runs: { type: 'string' },
  quick: { type: 'boolean' },
  check: { type: 'string' },
  'write-reference': { type: 'string' },
  repeat: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  'dry-run': { type: 'boolean' },
  partial: { type: 'boolean' },
  municipality: { type: 'string' },
  focus: { type: 'string' },
  depth: { type: 'string' },
  analysis: { type: 'string' },
  input: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** A failure whose message is the whole story: printed as one line, exit code 1. */
class UsageError extends Error {}

function parseScale(value: string | undefined): Scale {
  if (!value) throw new UsageError(`seed needs --scale (${SCALES.join(', ')})`);
  if (!(SCALES as readonly string[]).includes(value)) {
    throw new UsageError(`Unknown scale "${value}"; use ${SCALES.join(', ')}`);
  }
  return value as Scale;
}

function parseSeed(value: string | undefined): number {
  if (value === undefined) return 1;
  const seed = Number(value);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new UsageError(`--seed must be a whole number ≥ 0; got "${value}"`);
  }
  return seed;
}

function describeCounts(counts: Record<string, number>): string {
  return table(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

async function runSeed(config: Config, scale: Scale, seed: number, out: Output): Promise<void> {
  const result = await seedStore(config.store, scale, seed, (m) => out.progress(m));
  const nodes = Object.values(result.counts.nodes).reduce((a, b) => a + b, 0);
  const relationships = Object.values(result.counts.relationships).reduce((a, b) => a + b, 0);
  out.result(
    [
      `Seeded the ${scale} landscape (seed ${seed}): ${nodes} nodes, ${relationships} relationships ` +
        `(generated in ${result.generateMs} ms, loaded in ${result.loadMs} ms).`,
      'Nodes:',
      describeCounts(result.counts.nodes),
      'Relationships:',
      describeCounts(result.counts.relationships),
    ].join('\n'),
    result,
  );
}

async function runStats(config: Config, out: Output): Promise<void> {
  const store = await createStore(config.store);
  try {
    const counts = await store.counts();
    const changeCounter = await store.changeCounter();
    out.result(
      [
        'Nodes:',
        describeCounts(counts.nodes),
        'Relationships:',
        describeCounts(counts.relationships),
      ].join('\n'),
      { ...counts, changeCounter },
    );
  } finally {
    await store.close();
  }
}

/** `overblik token`: a new API token, shown once, and the access-file entry that admits it. */
function runTokenCommand(
  values: {
    name?: string | undefined;
    municipality?: string | undefined;
    role?: string | undefined;
  },
  out: Output,
): void {
  if (!values.name) throw new UsageError('token needs --name (who holds it)');
  if (!values.municipality) throw new UsageError('token needs --municipality ID');
  const role = values.role ?? 'reader';
  if (!['reader', 'editor', 'admin'].includes(role)) {
    throw new UsageError(`Unknown role "${role}"; use reader, editor or admin`);
  }
  const token = createApiToken();
  const entry = {
    name: values.name,
    sha256: hashApiToken(token),
    role,
    municipalityId: values.municipality,
  };
  out.result(
    `API token for ${values.name} (shown once; the server keeps only its hash):\n  ${token}\n` +
      `Add this entry to "tokens" in the access file:\n  ${JSON.stringify(entry)}`,
    { token, entry },
  );
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    const help = { import: IMPORT_HELP, export: EXPORT_HELP, bench: BENCH_HELP }[command ?? ''];
    console.log(help ?? USAGE);
    return;
  }
  if (rest.length > 0 && command !== 'import') {
    throw new UsageError(`Unexpected argument "${rest[0]}"`);
  }
  const config = loadConfig(process.env, {
    STORE: values.store,
    DB_PATH: values.db,
    PORT: values.port,
    HOST: values.host,
    ACCESS_FILE: values.access,
  });
  const out = createOutput(values.json);
  switch (command) {
    case 'seed':
      return runSeed(config, parseScale(values.scale), parseSeed(values.seed), out);
    case 'stats':
      return runStats(config, out);
    case 'serve':
      return serve(config, out, { seedIfEmpty: false });
    case 'start':
      return serve(config, out, { seedIfEmpty: true });
    case 'bench':
      return runBenchCommand(values, out);
    case 'import':
      await runImportCommand(config, rest, values, out);
      return;
    case 'export':
      return runExportCommand(config, values, out);
    case 'token':
      return runTokenCommand(values, out);
    default:
      throw new UsageError(`Unknown command "${command}". Run overblik --help for the commands.`);
  }
}

function oneLine(error: unknown): string {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof DomainError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return error.message + cause;
  }
  if (
    error instanceof Error &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`overblik: ${oneLine(error).split('\n')[0]}\n`);
  if (process.env.OVERBLIK_DEBUG) console.error(error);
  process.exitCode = 1;
});
