import { z } from 'zod';

const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be 1–65535')
  .max(65535, 'must be 1–65535');

const schema = z.object({
  /** Which store holds the graph. @default 'embedded' */
  STORE: z.enum(['embedded', 'neo4j'], { error: 'must be embedded or neo4j' }).default('embedded'),
  /** The embedded store's database file. @default './data/overblik.kuzu' */
  DB_PATH: z.string().min(1, 'must not be empty').default('./data/overblik.kuzu'),
  /** Bolt URI of Neo4j, e.g. bolt://localhost:7687; required when STORE=neo4j. */
  NEO4J_URI: z.string().url('must be a URI such as bolt://localhost:7687').optional(),
  /** @default 'neo4j' */
  NEO4J_USER: z.string().min(1).default('neo4j'),
  /** Required when STORE=neo4j. */
  NEO4J_PASSWORD: z.string().optional(),
  /** @default 'neo4j' */
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  /** Port of the HTTP server. @default 4000 */
  PORT: port.default(4000),
  /** Address the server binds to. @default '127.0.0.1' (local mode) */
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  /** The access file (tokens, sharing levels); setting it turns on server mode. */
  ACCESS_FILE: z.string().min(1).optional(),
  /** The same configuration as JSON text, for deployments that pass secrets in the environment. */
  ACCESS_JSON: z.string().min(1).optional(),
  /** Requests per minute one token may make in server mode (a burst of as many). @default 600 */
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .default(600),
  /** Origins (comma-separated) whose pages may call the API; none by default. */
  CORS_ORIGINS: z.string().optional(),
});

/** Hosts that only this machine can reach: serving on them is local mode. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Local mode: one all-seeing user on a loopback address, no sign-in. Server mode: viewers sign in
 * with API tokens from the access configuration (a file or ACCESS_JSON).
 */
export type AccessConfig =
  | { readonly mode: 'local' }
  | { readonly mode: 'server'; readonly source: { file: string } | { json: string } };

/** Limits that protect a shared server. */
export interface HardeningConfig {
  readonly rateLimitPerMinute: number;
  /** Exact origins allowed to call the API cross-origin; empty allows none. */
  readonly corsOrigins: readonly string[];
}

/** The store a command works on. */
export type StoreConfig =
  | { readonly kind: 'embedded'; readonly path: string }
  | {
      readonly kind: 'neo4j';
      readonly uri: string;
      readonly user: string;
      readonly password: string;
      readonly database: string;
    };

export interface Config {
  readonly store: StoreConfig;
  readonly port: number;
  readonly host: string;
  readonly access: AccessConfig;
  readonly hardening: HardeningConfig;
}

/** Thrown when the configuration is invalid; the message lists every problem at once. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from the environment, with command-line values (already mapped to the
 * same variable names) taking precedence. This is the only place that reads `process.env`.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Record<string, string | undefined> = {},
): Config {
  const merged = { ...env };
  for (const [key, value] of Object.entries(overrides))
    if (value !== undefined) merged[key] = value;
  for (const key of Object.keys(merged)) if (merged[key] === '') delete merged[key];
  const parsed = schema.safeParse(merged);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  // Checked beside the schema rather than in a refinement, which zod skips once a field fails.
  if (merged.STORE === 'neo4j') {
    for (const key of ['NEO4J_URI', 'NEO4J_PASSWORD']) {
      if (!merged[key]) problems.push(`${key} is required when STORE=neo4j`);
    }
  }
  if (merged.ACCESS_FILE && merged.ACCESS_JSON) {
    problems.push('set ACCESS_FILE or ACCESS_JSON, not both');
  }
  const host = merged.HOST ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host) && !merged.ACCESS_FILE && !merged.ACCESS_JSON) {
    problems.push(
      `HOST ${host} makes a shared server, which needs access control: set ACCESS_FILE ` +
        '(API tokens and sharing levels, see the README) or serve on 127.0.0.1',
    );
  }
  const origins = (merged.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(`CORS_ORIGINS has "${origin}"; list origins such as https://kitos.example.dk`);
    }
  }
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const store: StoreConfig =
    e.STORE === 'neo4j'
      ? {
          kind: 'neo4j',
          uri: e.NEO4J_URI!,
          user: e.NEO4J_USER,
          password: e.NEO4J_PASSWORD!,
          database: e.NEO4J_DATABASE,
        }
      : { kind: 'embedded', path: e.DB_PATH };
  const access: AccessConfig = e.ACCESS_FILE
    ? { mode: 'server', source: { file: e.ACCESS_FILE } }
    : e.ACCESS_JSON
      ? { mode: 'server', source: { json: e.ACCESS_JSON } }
      : { mode: 'local' };
  return Object.freeze({
    store,
    port: e.PORT,
    host: e.HOST,
    access,
    hardening: { rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE, corsOrigins: origins },
  });
}
