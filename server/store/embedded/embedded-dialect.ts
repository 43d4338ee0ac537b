import { ConflictError, StoreError } from '../../domain/errors.ts';
import type { CypherDialect } from '../dialect.ts';

function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

function decode(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Kùzu returns DATE as a Date at UTC midnight; the model keeps dates as ISO strings.
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/**
 * The embedded (Kùzu) dialect. Kùzu errors carry no codes, only a message that starts with the
 * error class, so the mapping below reads that prefix; it is the one place that does.
 */
export const embeddedDialect: CypherDialect = {
  name: 'embedded',
  capabilities: { bulkLoadFromFiles: true },
  decode,
  toDomainError(error, queryName) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes('duplicated primary key')) {
      return new ConflictError(`Duplicate id in ${queryName}`, { cause: error });
    }
    return new StoreError(queryName, `Embedded store query ${queryName} failed`, { cause: error });
  },
};
