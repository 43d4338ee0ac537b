import { authHeaders } from './session.ts';

/**
 * A failed request, as the user should read it: the server's message and its `extensions.code`
 * (INVALID_INPUT, NOT_FOUND, …), or NETWORK when the server could not be reached.
 */
export class ApiError extends Error {
  readonly code: string;

  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Where the explorer's GraphQL endpoint is; the same origin that served the explorer. */
export const GRAPHQL_ENDPOINT = '/graphql';

interface GraphqlBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Posts one operation to the server's /graphql and returns its data, or throws an ApiError with
 * the first error the server reported. Aborting the signal rejects with the signal's reason.
 */
export async function queryGraphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...authHeaders(),
      },
      body: JSON.stringify({ query, variables }),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('Serveren svarer ikke. Kører `overblik serve`?', 'NETWORK', {
      cause: error,
    });
  }
  let body: GraphqlBody<T>;
  try {
    body = (await response.json()) as GraphqlBody<T>;
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(`Serveren svarede ${response.status} uden GraphQL-svar`, 'BAD_RESPONSE', {
      cause: error,
    });
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'ERROR');
  if (!body.data) {
    throw new ApiError(`Serveren svarede ${response.status} uden data`, 'BAD_RESPONSE');
  }
  return body.data;
}
