/** The closed set of codes a domain error carries; the API surfaces it as `extensions.code`. */
export const ERROR_CODES = [
  'NOT_FOUND',
  'INVALID_INPUT',
  'CONFLICT',
  'LIMIT_EXCEEDED',
  'STORE_UNAVAILABLE',
  'UNSUPPORTED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An expected failure: its message is safe to show a user and names the thing and the bad value.
 * Anything that is not a DomainError is unexpected and is masked before it reaches a client.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** An entity that was asked for by id does not exist. */
export class NotFoundError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('NOT_FOUND', message, options);
  }
}

/** Input that cannot be used as given (a bad argument, an unknown enum value, a bad date). */
export class InvalidInputError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_INPUT', message, options);
  }
}

/** A write that conflicts with what is stored (for example a duplicate id). */
export class ConflictError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFLICT', message, options);
  }
}

/**
 * The store failed. The message names the query that failed, never its parameters (they can
 * hold user data); the driver's error stays in `cause` for the server log.
 */
export class StoreError extends DomainError {
  readonly query: string;

  constructor(query: string, message: string, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options);
    this.query = query;
  }
}
