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
});

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
  return Object.freeze({ store, port: e.PORT, host: e.HOST });
}
