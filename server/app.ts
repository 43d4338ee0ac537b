import { useGraphQlJit } from '@envelop/graphql-jit';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GraphService } from './analysis/graph-service.ts';
import { graphFor } from './analysis/visible-graph.ts';
import { createApiSchema } from './api/create-schema.ts';
import { LOCAL_VIEWER, type ApiContext, type Viewer } from './api/context.ts';
import { isClientError, maskError } from './api/mask-error.ts';
import { useCostLimit } from './api/use-cost-limit.ts';
import { useDepthLimit } from './api/use-depth-limit.ts';
import { useQueryOnly } from './api/use-query-only.ts';
import { useRequestParseErrors } from './api/use-request-parse-errors.ts';

export interface AppOptions {
  readonly graph: GraphService;
  /** Who a request is from when the server did not identify a viewer. @default LOCAL_VIEWER */
  readonly viewer?: Viewer;
  /** Deepest selection nesting a query may have. @default 8 */
  readonly maxDepth?: number;
  /** Largest estimated cost (fields times list sizes) a query may have. @default 200000 */
  readonly maxCost?: number;
}

/** What the HTTP server hands a request: the viewer it authenticated. */
export interface RequestContext {
  readonly viewer?: Viewer;
}

export type App = YogaServerInstance<RequestContext, ApiContext>;

/**
 * The GraphQL application: no environment, no port. Tests call `app.fetch(...)` in process;
 * `http-server.ts` mounts it on node:http beside the health check and the explorer.
 */
export function createApp({
  graph,
  viewer = LOCAL_VIEWER,
  maxDepth = 8,
  maxCost = 200_000,
}: AppOptions): App {
  return createYoga<RequestContext, ApiContext>({
    schema: createApiSchema(),
    graphqlEndpoint: '/graphql',
    maskedErrors: { maskError },
    // Expected failures (an unknown id, a bad argument) are answers, not server faults: they
    // reach the client with their code and stay out of the error log.
    logging: {
      debug: () => {},
      info: (...args: unknown[]) => console.info(...args),
      warn: (...args: unknown[]) => console.warn(...args),
      error: (...args: unknown[]) => {
        if (!args.some(isClientError)) console.error(...args);
      },
    },
    // Compiled execution: graph slices carry thousands of small objects, and the reference
    // executor's per-field cost dominated their end-to-end time (PERFORMANCE.md goals).
    plugins: [
      useRequestParseErrors(),
      useQueryOnly(),
      useDepthLimit(maxDepth),
      useCostLimit(maxCost),
      useGraphQlJit(),
    ],
    landingPage: false,
    // The HTTP server reads the body, bounded, before the request gets here (http-server.ts).
    // yoga's own limit would pipe that read body through a stream again: a third of a point
    // read's server CPU time (0.36 against 0.24 ms) and most of its garbage.
    maxRequestBodySize: false,
    // Cross-origin requests are answered (or refused) by the HTTP server, in one place for every route.
    cors: false,
    context: async (request) => {
      const who = request.viewer ?? viewer;
      return { viewer: who, graph, index: graphFor(await graph.current(), who.visibility) };
    },
  });
}
