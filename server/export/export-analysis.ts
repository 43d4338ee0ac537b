import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import type {
  GraphQLArgument,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
} from 'graphql';
import { entityName } from '../analysis/search-index.ts';
import type { ApiContext } from '../api/context.ts';
import { createApiSchema, kindOf, MAX_PAGE_SIZE } from '../api/create-schema.ts';
import { DomainError, InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { HTTP_STATUS_OF } from '../http/responses.ts';
import type { NodeRecord } from '../model/landscape.ts';

// graphql-js checks its types with instanceof. The schema comes from graphql-yoga, which loads
// graphql's CommonJS build; an `import` here may get its ESM build instead (under Vite), whose
// checks would refuse the schema's types. Requiring it gives the schema's own copy.
const { coerceInputValue, getNamedType, isLeafType, isListType, isNonNullType, isObjectType } =
  createRequire(import.meta.url)('graphql') as typeof GraphQL;

/** The analyses `overblik export --analysis` and `GET /export/analysis/NAME` export. */
export const EXPORTED_ANALYSES = [
  'blastRadius',
  'deadlines',
  'compare',
  'whoUses',
  'dataQuality',
  'neighbourhood',
] as const;
export type ExportedAnalysis = (typeof EXPORTED_ANALYSES)[number];

/** Queries that page their result by `first` and `offset`, and the list they page. */
const PAGED_QUERIES: Partial<Record<ExportedAnalysis, string>> = {
  deadlines: 'items',
  dataQuality: 'findings',
};

/**
 * What an analysis export runs with: the request's viewer and the index as that viewer sees it.
 * Never the store or a global: every analysis answers for the viewer.
 */
export type AnalysisExportContext = Pick<ApiContext, 'viewer' | 'index'>;

/** An entity a result field points to, written as a reference rather than the whole record. */
export interface EntityReference {
  readonly id: string;
  /** The GraphQL entity kind, e.g. CONTRACT. */
  readonly kind: string;
  /** The name the explorer shows it by. */
  readonly name: string;
}

let schema: GraphQLSchema | undefined;

/**
 * The API's own schema: the arguments are coerced against its SDL and the result is read through
 * its resolvers, so an export takes the same input and gives the same fields as the GraphQL query.
 */
function apiSchema(): GraphQLSchema {
  schema ??= createApiSchema();
  return schema;
}

function isExportedAnalysis(name: string): name is ExportedAnalysis {
  return (EXPORTED_ANALYSES as readonly string[]).includes(name);
}

function queryField(name: string): GraphQLField<unknown, unknown> {
  if (!isExportedAnalysis(name)) {
    throw new InvalidInputError(
      `Unknown analysis ${JSON.stringify(name)}; use ${EXPORTED_ANALYSES.join(', ')}`,
    );
  }
  const field = apiSchema().getQueryType()?.getFields()[name];
  if (!field) throw new Error(`The API schema has no query ${name}`);
  return field;
}

function pathText(argument: string, path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, step) => (typeof step === 'number' ? `${text}[${step}]` : `${text}.${step}`),
    argument,
  );
}

function describeArguments(args: readonly GraphQLArgument[]): string {
  return args.map((a) => `${a.name}: ${String(a.type)}`).join(', ');
}

/**
 * The query's arguments from a JSON object, coerced exactly as GraphQL coerces variables (its
 * scalars, enums, input types and defaults). Every problem is collected into one error naming the
 * analysis, the argument (with the path inside it) and the value.
 */
function coerceArguments(
  name: string,
  field: GraphQLField<unknown, unknown>,
  input: unknown,
): Record<string, unknown> {
  const given = input ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw new InvalidInputError(
      `${name}: the input must be a JSON object of the query's arguments (${describeArguments(field.args)}); got ${JSON.stringify(given)}`,
    );
  }
  const values = given as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(values)) {
    if (!field.args.some((a) => a.name === key)) {
      problems.push(
        `unknown argument "${key}" (value ${JSON.stringify(values[key])}); the arguments are ${describeArguments(field.args)}`,
      );
    }
  }
  const coerced: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (!Object.hasOwn(values, arg.name) || values[arg.name] === undefined) {
      if (arg.defaultValue !== undefined) coerced[arg.name] = arg.defaultValue;
      else if (isNonNullType(arg.type)) {
        problems.push(`argument "${arg.name}" of type ${String(arg.type)} is required`);
      }
      continue;
    }
    const value = values[arg.name];
    coerced[arg.name] = coerceInputValue(value, arg.type, (path, invalid, error) => {
      problems.push(
        `argument "${pathText(arg.name, path)}" = ${JSON.stringify(invalid)}: ${error.message}`,
      );
    });
  }
  if (problems.length > 0) throw new InvalidInputError(`${name}: ${problems.join('; ')}`);
  return coerced;
}

/**
 * The context resolvers get. Analysis resolvers read the viewer and the index only; the store is
 * deliberately absent, and a resolver that reached for it would fail loudly here.
 */
function resolverContext(context: AnalysisExportContext): ApiContext {
  return {
    viewer: context.viewer,
    index: context.index,
    get graph(): never {
      throw new Error('An analysis export reads the index only, never the store');
    },
  };
}

type Resolve = (parent: unknown, args: Record<string, unknown>, context: ApiContext) => unknown;

function resolverOf(field: GraphQLField<unknown, unknown>): Resolve | undefined {
  // Resolvers of the analysis modules take (parent, args, context) and never the resolve info.
  return field.resolve as Resolve | undefined;
}

function defaultArguments(field: GraphQLField<unknown, unknown>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of field.args)
    if (arg.defaultValue !== undefined) args[arg.name] = arg.defaultValue;
  return args;
}

function isPaged(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((a) => a.name === 'first') && field.args.some((a) => a.name === 'offset');
}

function settled(value: unknown): unknown {
  if (value instanceof Promise) throw new Error('Analysis resolvers are synchronous');
  return value;
}

/** A field's value as its resolver gives it; paged fields are read page by page to the end. */
function fieldValue(
  field: GraphQLField<unknown, unknown>,
  parent: Readonly<Record<string, unknown>>,
  context: ApiContext,
): unknown {
  const resolve = resolverOf(field);
  if (!resolve) return parent[field.name];
  const args = defaultArguments(field);
  if (!isPaged(field)) return settled(resolve(parent, args, context));
  const all: unknown[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const pageOf = settled(resolve(parent, { ...args, first: MAX_PAGE_SIZE, offset }, context));
    if (!Array.isArray(pageOf)) return pageOf;
    all.push(...(pageOf as unknown[]));
    if (pageOf.length < MAX_PAGE_SIZE) return all;
  }
}

function isEntityType(type: GraphQLNamedType): boolean {
  if (type.name === 'Entity') return true;
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Entity');
}

function entityReference(record: unknown, context: AnalysisExportContext): EntityReference | null {
  if (record === null || record === undefined) return null;
  const id = (record as NodeRecord).id;
  const node = context.index.indexOf(id);
  if (node === undefined) return null;
  return {
    id,
    kind: kindOf(context.index.labelAt(node)),
    name: entityName(context.index, node),
  };
}

function objectJson(
  type: GraphQLObjectType,
  parent: Readonly<Record<string, unknown>>,
  context: ApiContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.values(type.getFields())) {
    out[field.name] = valueJson(fieldValue(field, parent, context), field.type, context);
  }
  return out;
}

/** A value of a GraphQL output type as plain JSON: what the API returns, entities as references. */
function valueJson(value: unknown, type: GraphQLOutputType, context: ApiContext): unknown {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return valueJson(value, type.ofType, context);
  if (isListType(type)) {
    return Array.from(value as Iterable<unknown>, (item) => valueJson(item, type.ofType, context));
  }
  const named = getNamedType(type);
  if (isLeafType(named)) return named.serialize(value);
  if (isEntityType(named)) return entityReference(value, context);
  if (isObjectType(named)) {
    return objectJson(named, value as Readonly<Record<string, unknown>>, context);
  }
  throw new Error(`Cannot export a value of type ${named.name}`);
}

/** Says which analysis a domain error came from; the error keeps its class and code. */
function naming(name: string, error: unknown): unknown {
  if (error instanceof NotFoundError) return new NotFoundError(`${name}: ${error.message}`);
  if (error instanceof InvalidInputError) return new InvalidInputError(`${name}: ${error.message}`);
  return error;
}

/**
 * Runs one analysis for the viewer of `context` and returns its result as JSON-ready data.
 *
 * `input` holds the GraphQL query's arguments (`{ "input": {...} }` for blastRadius,
 * `{ "systemId": ..., "asOf": ... }` for whoUses), coerced as GraphQL coerces variables. The result
 * has every field of the query's result type under the API's names: paged lists are complete
 * (deadlines and dataQuality too, unless the input names `first` or `offset`), and a field that
 * returns entities holds references `{ id, kind, name }` instead of records.
 *
 * @throws InvalidInputError for an unknown analysis or bad input, naming the analysis, the argument
 *   and the value; the analysis's own NotFoundError and InvalidInputError, prefixed with its name.
 */
export function exportAnalysis(
  name: string,
  input: unknown,
  context: AnalysisExportContext,
): unknown {
  const field = queryField(name);
  const args = coerceArguments(name, field, input);
  const resolve = resolverOf(field);
  if (!resolve) throw new Error(`The query ${name} has no resolver`);
  const resolvers = resolverContext(context);
  const run = (pageArgs: Record<string, unknown>) => {
    let result: unknown;
    try {
      result = settled(resolve(undefined, { ...args, ...pageArgs }, resolvers));
    } catch (error) {
      throw naming(name, error);
    }
    return valueJson(result, field.type, resolvers) as Record<string, unknown>;
  };
  const listField = PAGED_QUERIES[name as ExportedAnalysis];
  const given = (input ?? {}) as Record<string, unknown>;
  if (!listField || given.first !== undefined || given.offset !== undefined) return run({});
  // Asked without a page, an export holds every item: the pages are read to the end.
  const whole = run({ first: MAX_PAGE_SIZE, offset: 0 });
  const items = [...(whole[listField] as unknown[])];
  for (let offset = MAX_PAGE_SIZE; items.length === offset; offset += MAX_PAGE_SIZE) {
    items.push(...(run({ first: MAX_PAGE_SIZE, offset })[listField] as unknown[]));
  }
  return { ...whole, [listField]: items };
}

/**
 * Checks an analysis name and its input without running it, so a caller can refuse bad input
 * before it loads a store.
 */
export function checkAnalysisInput(name: string, input: unknown): void {
  coerceArguments(name, queryField(name), input);
}

/** What `GET /export/analysis/NAME` sends. */
export interface AnalysisExportResponse {
  readonly status: number;
  readonly contentType: string;
  /** The attachment's file name for a result; null for an error, which is sent inline. */
  readonly filename: string | null;
  readonly body: string;
}

function errorResponse(status: number, code: string, message: string): AnalysisExportResponse {
  return {
    status,
    contentType: 'application/json; charset=utf-8',
    filename: null,
    body: JSON.stringify({ error: code, message }),
  };
}

/**
 * The answer to `GET /export/analysis/NAME?input=<URL-encoded JSON of the query's arguments>`:
 * 200 with the result as a JSON attachment `overblik-NAME.json`; 400 for an unknown analysis or
 * bad input, 404 for an id the analysis does not know (other domain errors by their code), with
 * `{ error, message }`. Unexpected
 * errors are thrown for the server to log and mask.
 */
export function handleAnalysisExport(
  name: string,
  url: URL,
  context: AnalysisExportContext,
): AnalysisExportResponse {
  const text = url.searchParams.get('input');
  let input: unknown = {};
  if (text !== null && text.trim() !== '') {
    try {
      input = JSON.parse(text);
    } catch (error) {
      return errorResponse(
        400,
        'INVALID_INPUT',
        `${name}: the input parameter is not JSON (${(error as Error).message}); got ${JSON.stringify(text.slice(0, 200))}`,
      );
    }
  }
  try {
    const result = exportAnalysis(name, input, context);
    return {
      status: 200,
      contentType: 'application/json; charset=utf-8',
      filename: `overblik-${name}.json`,
      body: JSON.stringify(result),
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return errorResponse(HTTP_STATUS_OF[error.code], error.code, error.message);
  }
}
