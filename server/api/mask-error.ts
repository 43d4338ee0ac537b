import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { DomainError } from '../domain/errors.ts';

/**
 * Whether a value is a GraphQLError, by its name rather than `instanceof`: graphql-yoga and
 * graphql-js may run on the CommonJS copy of graphql while this module gets the ES module copy
 * (vitest and bundlers resolve the `module` field), and an error of the other copy is no less a
 * GraphQL error. Errors are made with yoga's createGraphQLError for the same reason: yoga sets
 * the HTTP status by whether it knows an error as its own.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/** The domain error behind an error (a GraphQLError wraps it as originalError), if any. */
export function domainErrorOf(error: unknown): DomainError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof DomainError) return current;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError;
  }
  return null;
}

/** A GraphQLError made by graphql or yoga themselves (a parse, validation or request error). */
function isOwnGraphQLError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    if (!isGraphQLError(current)) return false;
    if (!current.originalError) return true;
    current = current.originalError;
  }
  return false;
}

/**
 * Whether an error is the client's (a domain error, or a request, parse, validation or variable
 * error of yoga or graphql): answered with its code, and not a fault for the server log.
 */
export function isClientError(error: unknown): boolean {
  return (
    domainErrorOf(error) !== null || (isOwnGraphQLError(error) && !(error as GraphQLError).path)
  );
}

/**
 * Domain errors reach the client with their message and `extensions.code`; anything else is
 * logged here and replaced by yoga's "Unexpected error." so no internals or stack leak out.
 */
export function maskError(error: unknown, message: string): Error {
  const domain = domainErrorOf(error);
  if (domain) {
    const located = isGraphQLError(error) ? error : null;
    return createGraphQLError(domain.message, {
      ...(located?.nodes ? { nodes: located.nodes } : {}),
      ...(located?.path ? { path: located.path } : {}),
      extensions: { code: domain.code },
    });
  }
  if (isOwnGraphQLError(error)) {
    const own = error as GraphQLError;
    if (own.extensions?.code !== undefined) return own;
    // graphql-js gives the errors of coercing variables no code; they are the caller's mistake.
    // One with a path is a field error graphql made itself (a null for a non-null field, a value
    // it cannot serialise): a fault of ours, masked below.
    if (!own.path) {
      return createGraphQLError(own.message, {
        ...(own.nodes ? { nodes: own.nodes } : {}),
        extensions: { ...own.extensions, code: 'BAD_USER_INPUT' },
      });
    }
  }
  console.error(isGraphQLError(error) ? (error.originalError ?? error) : error);
  return createGraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
