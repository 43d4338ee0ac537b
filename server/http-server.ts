import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphService } from './analysis/graph-service.ts';
import type { App } from './app.ts';
import { handleImportExport } from './import/import-routes.ts';

/** Where `npm run build` puts the explorer. */
export const EXPLORER_DIR = fileURLToPath(new URL('../dist/explorer/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff' });
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
  send(
    res,
    200,
    CONTENT_TYPES[extname(target)] ?? 'application/octet-stream',
    await readFile(target),
  );
}

/** The HTTP server: GraphQL at /graphql, a health check at /healthz, the explorer at /. */
export function createHttpServer(
  app: App,
  graph: GraphService,
  explorerDir = EXPLORER_DIR,
): Server {
  return createServer((req, res) => {
    if (handleImportExport(req, res, { graph, store: graph.store })) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/graphql')) {
      void app.handle(req, res);
      return;
    }
    const work =
      url.pathname === '/healthz'
        ? graph.current().then((index) =>
            send(
              res,
              200,
              'application/json',
              JSON.stringify({
                status: 'ok',
                nodes: index.nodeCount,
                relationships: index.relationshipCount,
                changeCounter: index.changeCounter,
              }),
            ),
          )
        : serveExplorer(url.pathname, res, explorerDir);
    work.catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });
}
