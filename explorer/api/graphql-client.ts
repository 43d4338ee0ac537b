/** A GraphQL error as the server sends it: a message and a code, never internals. */
export interface ApiError {
  readonly message: string;
  readonly code: string;
}

/** Posts one operation to the server's /graphql and returns its data or throws its first error. */
export async function queryGraphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const first = body.errors?.[0];
  if (first) throw new Error(`${first.message} (${first.extensions?.code ?? 'ERROR'})`);
  if (!body.data) throw new Error(`The server answered ${response.status} without data`);
  return body.data;
}
