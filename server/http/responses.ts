import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../domain/errors.ts';

/** The HTTP status of a domain error's code, for the routes outside GraphQL. */
export const HTTP_STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  LIMIT_EXCEEDED: 400,
  STORE_UNAVAILABLE: 503,
  UNSUPPORTED: 400,
};

/** Answers JSON (the import and export routes' shape: `{ error, message }` for failures). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Thrown by {@link readBody}: the body is over the route's limit (answered with 413). */
export class PayloadTooLargeError extends Error {}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Reads a request body, refusing it as soon as it passes `limit` bytes: a declared length over
 * the limit is refused before reading, a chunked body when the running total passes it.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    throw new PayloadTooLargeError(
      `The body is ${megabytes(declared)}; the limit is ${megabytes(limit)}`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      throw new PayloadTooLargeError(`The body is over the limit of ${megabytes(limit)}`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
