import type { IResolvers } from '@graphql-tools/utils';
import type { ApiContext } from '../context.ts';

/**
 * One analysis's slice of the API: its SDL (types plus `extend type Query { ... }`) and its
 * resolvers. Resolvers stay thin: they check arguments, call the analysis with the request's
 * index and viewer, and return its plain result.
 */
export interface AnalysisModule {
  readonly typeDefs: string;
  readonly resolvers: IResolvers<unknown, ApiContext>;
}
