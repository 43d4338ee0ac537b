import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccessPolicy } from './access/access-policy.ts';
import { RateLimiter } from './access/rate-limiter.ts';
import type { GraphService } from './analysis/graph-service.ts';
import { LOCAL_VIEWER, type Viewer } from './api/context.ts';
import type { App } from './app.ts';
import { DomainError } from './domain/errors.ts';
import { HTTP_STATUS_OF, PayloadTooLargeError, readBody, sendJson } from './http/responses.ts';
import { handleImportExport } from './import/import-routes.ts';

/** Where `npm run build` puts the explorer. */
export const EXPLORER_DIR = fileURLToPath(new URL('../dist/explorer/', import.meta.url));

export interface HttpServerOptions {
  /** The built explorer. @default EXPLORER_DIR */
  readonly explorerDir?: string;
  /** Server mode: viewers must present one of these API tokens. Absent: local mode. */
  readonly access?: AccessPolicy;
  /** Requests per minute per token in server mode. @default 600 */
  readonly rateLimitPerMinute?: number;
  /** Origins whose pages may call the API; other cross-origin requests get 403. @default none */
  readonly corsOrigins?: readonly string[];
  /** The largest GraphQL request body. @default 1 MB */
  readonly maxGraphqlBytes?: number;
  /** The largest upload. @default 50 MB */
  readonly maxUploadBytes?: number;
}

/** GraphQL documents are small; a megabyte is already a thousand-fold the explorer's largest. */
const DEFAULT_MAX_GRAPHQL_BYTES = 1024 * 1024;

/**
 * A request is cut off when it takes this long (slow uploads included); the analyses answer in
 * milliseconds, so only a stalled or hostile client reaches it.
 */
const REQUEST_TIMEOUT_MS = 60_000;
const HEADERS_TIMEOUT_MS = 10_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Headers every response carries. */
const COMMON_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * The explorer loads only its own files; styles may be inline because Cytoscape and React set
 * style attributes; layouts run in workers and images are drawn to blobs for PNG/SVG export.
 */
const EXPLORER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** API answers are data, never documents: nothing in them may load or run. */
const API_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
};

const API_PATH = /^\/(graphql|import|export)(\/|$)/;

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

async function serveExplorer(path: string, res: ServerResponse, dir: string): Promise<void> {
  const relative = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, '');
  const file = join(dir, relative);
  if (!file.startsWith(dir.endsWith(sep) ? dir : dir + sep) && file !== dir) {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    return;
  }
  const target =
    relative !== '' && existsSync(file) && extname(file) !== '' ? file : join(dir, 'index.html');
  if (!existsSync(target)) {
    send(
      res,
      503,
      'text/plain; charset=utf-8',
      'The explorer is not built yet: run `npm run build`.',
    );
    return;
  }
  res.setHeader('content-security-policy', EXPLORER_CSP);
  send(
    res,
    200,
    CONTENT_TYPES[extname(target)] ?? 'application/octet-stream',
    await readFile(target),
  );
}

/** An API failure in the shape the route's clients read: GraphQL errors, or `{ error, message }`. */
function refuse(
  res: ServerResponse,
  graphql: boolean,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = graphql ? { errors: [{ message, extensions: { code } }] } : { error: code, message };
  sendJson(res, status, body, headers);
}

function isSameOrigin(origin: string, host: string | undefined): boolean {
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/**
 * The HTTP server: GraphQL at /graphql, imports and exports, a health check at /healthz, the
 * explorer at /. In server mode (`access` given) the API routes need a bearer token and are rate
 * limited per token; in local mode every request is the all-seeing local viewer.
 */
export function createHttpServer(
  app: App,
  graph: GraphService,
  options: HttpServerOptions = {},
): Server {
  const explorerDir = options.explorerDir ?? EXPLORER_DIR;
  const { access } = options;
  const limiter = access ? new RateLimiter(options.rateLimitPerMinute ?? 600) : null;
  const allowedOrigins = new Set(options.corsOrigins ?? []);
  const maxGraphqlBytes = options.maxGraphqlBytes ?? DEFAULT_MAX_GRAPHQL_BYTES;

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const graphql = url.pathname.startsWith('/graphql');
    for (const [name, value] of Object.entries(API_HEADERS)) res.setHeader(name, value);
    // Cross-origin: only configured origins. Browsers send Origin on every cross-origin POST, so
    // refusing unknown ones also keeps other sites from writing to a local server.
    const origin = req.headers.origin;
    if (origin !== undefined && !isSameOrigin(origin, req.headers.host)) {
      if (!allowedOrigins.has(origin)) {
        refuse(res, graphql, 403, 'FORBIDDEN', `Requests from ${origin} are not allowed`);
        return;
      }
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'authorization, content-type',
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
    }
    let viewer: Viewer = LOCAL_VIEWER;
    if (access) {
      const found = access.authenticate(req.headers.authorization);
      if (!found) {
        req.resume();
        refuse(
          res,
          graphql,
          401,
          'UNAUTHENTICATED',
          req.headers.authorization
            ? 'The API token is not valid'
            : 'Sign in: send an API token as "Authorization: Bearer <token>"',
          { 'www-authenticate': 'Bearer realm="overblik"' },
        );
        return;
      }
      viewer = found;
      const waitSeconds = limiter!.take(viewer.id);
      if (waitSeconds > 0) {
        req.resume();
        refuse(
          res,
          graphql,
          429,
          'RATE_LIMITED',
          `Too many requests; try again in ${waitSeconds} s`,
          {
            'retry-after': String(waitSeconds),
          },
        );
        return;
      }
    }
    if (graphql) {
      if (req.method === 'POST') {
        // Read (bounded) here, so the GraphQL server never buffers an unbounded body.
        (req as IncomingMessage & { body?: Buffer }).body = await readBody(req, maxGraphqlBytes);
      }
      await app.handle(req, res, { viewer });
      return;
    }
    const routed = handleImportExport(req, res, {
      graph,
      store: graph.store,
      viewer,
      ...(options.maxUploadBytes ? { maxUploadBytes: options.maxUploadBytes } : {}),
    });
    if (routed) await routed;
    else refuse(res, false, 404, 'NOT_FOUND', `No API route at ${url.pathname}`);
  }

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const work = API_PATH.test(url.pathname)
      ? handleApi(req, res, url)
      : url.pathname === '/healthz'
        ? graph.current().then((index) =>
            sendJson(
              res,
              200,
              // A shared server tells strangers only that it is up.
              access
                ? { status: 'ok' }
                : {
                    status: 'ok',
                    nodes: index.nodeCount,
                    relationships: index.relationshipCount,
                    changeCounter: index.changeCounter,
                  },
            ),
          )
        : serveExplorer(url.pathname, res, explorerDir);
    work.catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const api = API_PATH.test(url.pathname);
      const graphql = url.pathname.startsWith('/graphql');
      if (error instanceof PayloadTooLargeError) {
        refuse(res, graphql, 413, 'PAYLOAD_TOO_LARGE', error.message, { connection: 'close' });
        req.resume();
      } else if (error instanceof DomainError) {
        refuse(res, graphql, HTTP_STATUS_OF[error.code], error.code, error.message);
      } else {
        console.error(error);
        if (api) refuse(res, graphql, 500, 'INTERNAL', 'Internal error');
        else send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      }
    });
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  return server;
}
