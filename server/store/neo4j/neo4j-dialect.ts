import neo4j, { Neo4jError } from 'neo4j-driver';
import { ConflictError, StoreError } from '../../domain/errors.ts';
import type { CypherDialect } from '../dialect.ts';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

function decode(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value)) return value.toString();
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

const UNAUTHORIZED = 'Neo.ClientError.Security.Unauthorized';

/**
 * The error of a failed connectivity check at start-up: it names the server and what to check,
 * and keeps the driver's error as its cause.
 */
export function connectionError(
  error: unknown,
  server: { readonly uri: string; readonly database: string; readonly user: string },
): StoreError {
  const where = `Neo4j at ${server.uri} (database "${server.database}")`;
  const refused = error instanceof Neo4jError && error.code === UNAUTHORIZED;
  return new StoreError(
    'verifyConnectivity',
    refused
      ? `${where} refused user "${server.user}"; check NEO4J_USER and NEO4J_PASSWORD`
      : `Cannot reach ${where}; check that it runs and that NEO4J_URI points at it`,
    { cause: error },
  );
}

/** The Neo4j dialect: errors are mapped on the server's status codes, never on message text. */
export const neo4jDialect: CypherDialect = {
  name: 'neo4j',
  capabilities: { bulkLoadFromFiles: false },
  decode,
  toDomainError(error, queryName) {
    if (error instanceof Neo4jError) {
      if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
        return new ConflictError(`Duplicate id in ${queryName}`, { cause: error });
      }
      if (UNAVAILABLE.has(error.code)) {
        return new StoreError(queryName, `Neo4j is unavailable (${queryName})`, { cause: error });
      }
    }
    return new StoreError(queryName, `Neo4j query ${queryName} failed`, { cause: error });
  },
};
