import { GraphService } from '../analysis/graph-service.ts';
import { createApp, type AppOptions } from '../app.ts';
import type { Landscape } from '../model/landscape.ts';
import { createFixtureStore } from './fixture-store.ts';

/** A GraphQL answer as a client receives it. */
export interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string }; stack?: unknown }[];
}

/** The API over a real embedded store holding a landscape, asked in process through yoga.fetch. */
export interface ApiHarness {
  ask(query: string, variables?: Record<string, unknown>): Promise<Answer>;
  dispose(): Promise<void>;
}

export async function createApiHarness(
  landscape: Landscape,
  options: Omit<AppOptions, 'graph'> = {},
): Promise<ApiHarness> {
  const fixture = await createFixtureStore(landscape);
  const app = createApp({ ...options, graph: await GraphService.create(fixture.store) });
  return {
    ask: async (query, variables = {}) => {
      const response = await app.fetch('http://overblik/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as Answer;
    },
    dispose: fixture.dispose,
  };
}
