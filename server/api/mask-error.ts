import { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { DomainError } from '../domain/errors.ts';

/** The domain error behind an error (a GraphQLError wraps it as originalError), if any. */
export function domainErrorOf(error: unknown): DomainError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof DomainError) return current;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError;
  }
  return null;
}

/**
 * Domain errors reach the client with their message and `extensions.code`; anything else is
 * logged here and replaced by yoga's "Unexpected error." so no internals or stack leak out.
 */
export function maskError(error: unknown, message: string): Error {
  const domain = domainErrorOf(error);
  if (domain) {
    const located = error instanceof GraphQLError ? error : null;
    return new GraphQLError(domain.message, {
      ...(located?.nodes ? { nodes: located.nodes } : {}),
      ...(located?.path ? { path: located.path } : {}),
      extensions: { code: domain.code },
    });
  }
  if (error instanceof GraphQLError && !error.originalError) return error;
  console.error(error instanceof GraphQLError ? (error.originalError ?? error) : error);
  return createGraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
