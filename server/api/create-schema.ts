import { readFileSync } from 'node:fs';
import { createSchema } from 'graphql-yoga';
import {
  GraphQLScalarType,
  Kind,
  parse,
  print,
  visit,
  type FieldDefinitionNode,
  type GraphQLSchema,
  type InputValueDefinitionNode,
} from 'graphql';
import { InvalidInputError } from '../domain/errors.ts';
import { GRAPH_MODEL, MODEL_TYPE_DEFS } from '../model/graph-model.ts';
import type { NodeRecord } from '../model/landscape.ts';
import { LABELS, type Label, type RelationshipType } from '../model/model-types.ts';
import { ANALYSIS_MODULES } from './analyses/index.ts';
import { LOCAL_VIEWER, type ApiContext } from './context.ts';
import { countView, type GraphView } from '../analysis/graph-view.ts';
import { municipalityNodes } from '../analysis/graph-queries.ts';

const API_TYPE_DEFS = readFileSync(new URL('./api.graphql', import.meta.url), 'utf8');

/** Largest page a list field or query returns; asking for more is an INVALID_INPUT error. */
export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 100;

/** `OrgUnit` → `ORG_UNIT`: entity kinds in GraphQL enum style. */
export function kindOf(label: Label): string {
  return label.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
const LABEL_OF_KIND = new Map(LABELS.map((l) => [kindOf(l), l]));

/** Resolves a GraphQL entity kind to a model label. */
export function labelOfKind(kind: string): Label {
  const label = LABEL_OF_KIND.get(kind);
  if (!label) throw new InvalidInputError(`Unknown entity kind "${kind}"`);
  return label;
}

function pageArguments(): InputValueDefinitionNode[] {
  const arg = (name: string, value: string): InputValueDefinitionNode => ({
    kind: Kind.INPUT_VALUE_DEFINITION,
    name: { kind: Kind.NAME, value: name },
    type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Int' } },
    defaultValue: { kind: Kind.INT, value },
  });
  return [arg('first', String(DEFAULT_PAGE_SIZE)), arg('offset', '0')];
}

/**
 * The entity types of the API, straight from the model: the same types and fields, without the
 * database directives, each implementing Entity, and list relationships paged.
 */
export function entityTypeDefs(): string {
  const document = visit(parse(MODEL_TYPE_DEFS), {
    ObjectTypeDefinition(node) {
      return {
        ...node,
        directives: [],
        interfaces: [{ kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Entity' } }],
      };
    },
    FieldDefinition(node): FieldDefinitionNode {
      const isRelationship = node.directives?.some((d) => d.name.value === 'relationship');
      const isList =
        node.type.kind === Kind.NON_NULL_TYPE && node.type.type.kind === Kind.LIST_TYPE;
      return {
        ...node,
        directives: [],
        arguments: isRelationship && isList ? pageArguments() : node.arguments,
      };
    },
  });
  const kinds = `enum EntityKind {\n${LABELS.map((l) => `  ${kindOf(l)}`).join('\n')}\n}\n`;
  return print(document) + '\n' + kinds;
}

/** Checks page arguments and returns the slice bounds. */
export function page(args: { first?: number | null; offset?: number | null }): [number, number] {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const offset = args.offset ?? 0;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new InvalidInputError(`first must be between 0 and ${MAX_PAGE_SIZE}; got ${first}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidInputError(`offset must be 0 or more; got ${offset}`);
  }
  return [offset, offset + first];
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => value,
  parseValue(value) {
    if (typeof value !== 'string' || !DATE_PATTERN.test(value)) {
      throw new InvalidInputError(`Date must be YYYY-MM-DD; got ${JSON.stringify(value)}`);
    }
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !DATE_PATTERN.test(ast.value)) {
      throw new InvalidInputError('Date must be a string YYYY-MM-DD');
    }
    return ast.value;
  },
});

type Resolver = (parent: NodeRecord, args: Record<string, number>, ctx: ApiContext) => unknown;

/** Relationship fields resolve from the in-memory index: no database round trip, no N+1. */
function relationshipResolvers(): Record<string, Record<string, Resolver>> {
  const resolvers: Record<string, Record<string, Resolver>> = {};
  for (const field of GRAPH_MODEL.relationshipFields) {
    const type = field.type as RelationshipType;
    const target = field.target as Label;
    (resolvers[field.owner] ??= {})[field.field] = (parent, args, { index }) => {
      const node = index.indexOf(parent.id);
      if (node === undefined) return field.list ? [] : null;
      // One relationship type can join several label pairs (COVERS from Contract and from
      // DataProcessing), so a field keeps only the neighbours of its own target label.
      const neighbours = Array.from(index.neighbours(node, type, field.direction)).filter(
        (n) => index.labelAt(n) === target,
      );
      if (!field.list) return neighbours.length > 0 ? index.recordAt(neighbours[0]!) : null;
      const [start, end] = page(args);
      return neighbours.slice(start, end).map((n) => index.recordAt(n));
    };
  }
  return resolvers;
}

/** Every municipality in the view, by name. */
function municipalitiesOf(index: GraphView): NodeRecord[] {
  return municipalityNodes(index)
    .map((n) => index.recordAt(n))
    .sort((a, b) => String(a.name).localeCompare(String(b.name), 'da'));
}

/** The executable schema: entity types from the model plus the API's queries. */
export function createApiSchema(): GraphQLSchema {
  return createSchema<ApiContext>({
    typeDefs: [API_TYPE_DEFS, entityTypeDefs(), ...ANALYSIS_MODULES.map((m) => m.typeDefs)],
    resolvers: [
      ...ANALYSIS_MODULES.map((m) => m.resolvers),
      {
        Date: DateScalar,
        Entity: {
          __resolveType: (entity: NodeRecord, { index }: ApiContext) => index.get(entity.id)?.label,
        },
        ...relationshipResolvers(),
        Query: {
          viewer: (_: unknown, __: unknown, { viewer, index }: ApiContext) => ({
            id: viewer.id,
            municipalityId: viewer.municipalityId,
            role: viewer.role,
            mode: viewer === LOCAL_VIEWER ? 'LOCAL' : 'SERVER',
            seesAll: viewer.visibility === null,
            sharing: municipalitiesOf(index).map((m) => ({
              municipalityId: m.id,
              name: m.name,
              level: viewer.visibility?.levelOf(m.id) ?? 'FULL',
            })),
          }),
          entity: (_: unknown, { id }: { id: string }, { index }: ApiContext) =>
            index.get(id)?.record ?? null,
          municipalities: (_: unknown, __: unknown, { index }: ApiContext) =>
            municipalitiesOf(index),
          entities: (_: unknown, { ids }: { ids: string[] }, { index }: ApiContext) => {
            if (ids.length > MAX_PAGE_SIZE) {
              throw new InvalidInputError(
                `At most ${MAX_PAGE_SIZE} ids at once; got ${ids.length}`,
              );
            }
            return ids.flatMap((id) => index.get(id)?.record ?? []);
          },
          searchByName: async (
            _: unknown,
            args: {
              text: string;
              kinds?: string[] | null;
              municipalityId?: string | null;
              first: number;
            },
            { graph, index }: ApiContext,
          ) => {
            const [, limit] = page({ first: args.first });
            const found = await graph.store.searchByName(args.text, {
              limit,
              ...(args.kinds ? { labels: args.kinds.map(labelOfKind) } : {}),
              ...(args.municipalityId ? { municipalityId: args.municipalityId } : {}),
            });
            // The store knows nothing of viewers: what it finds is shown only as the view has it.
            return found.flatMap((n) => index.get(n.properties.id)?.record ?? []);
          },
          stats: async (_: unknown, __: unknown, { graph, index, viewer }: ApiContext) => {
            // A restricted viewer's counts are the view's, counted where they lie in the index.
            const counts =
              viewer.visibility === null ? await graph.store.counts() : countView(index);
            return {
              nodes: Object.entries(counts.nodes).map(([label, count]) => ({
                kind: kindOf(label as Label),
                count,
              })),
              relationships: Object.entries(counts.relationships).map(([type, count]) => ({
                type,
                count,
              })),
              changeCounter: await graph.store.changeCounter(),
            };
          },
        },
      },
    ],
  });
}
