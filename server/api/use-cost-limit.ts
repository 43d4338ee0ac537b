import {
  Kind,
  OperationTypeNode,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Estimates what an operation may return: every field costs one, and a paged field (one with a
 * `first` argument) multiplies the cost of what it selects by its page size, as asked or by
 * default. Page sizes are capped one by one elsewhere; this stops their products (a page of a
 * page of a page) before anything runs.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
  operationName?: string | null,
): number {
  return costEstimate(schema, document, variables, operationName).cost;
}

/** A cost, and whether it depends on the variables (a page size given as a variable). */
interface CostEstimate {
  readonly cost: number;
  readonly usesVariables: boolean;
}

function costEstimate(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
  operationName?: string | null,
): CostEstimate {
  let usesVariables = false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const costOf = (
    set: SelectionSetNode | undefined,
    parent: GraphQLNamedType | undefined,
    seen: ReadonlySet<string>,
  ): number => {
    if (!set) return 0;
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        // Types are read by shape, not with graphql's isXType helpers: those use instanceof, and
        // the schema here may come from the other (CommonJS or ESM) copy of graphql.
        const fields = parent && 'getFields' in parent ? parent.getFields() : {};
        const field = (fields as Record<string, GraphQLField<unknown, unknown>>)[
          selection.name.value
        ];
        const typeName = field ? String(field.type) : '';
        const first = selection.arguments?.find((a) => a.name.value === 'first');
        const pageDefault = field?.args.find((a) => a.name === 'first')?.defaultValue;
        if (first?.value.kind === Kind.VARIABLE) usesVariables = true;
        const size = first
          ? Number(valueFromASTUntyped(first.value, variables))
          : Number(pageDefault ?? Number.NaN);
        // Paged fields count their page; other lists are bounded by their analysis's own limit.
        const multiplier = Number.isFinite(size) ? Math.max(1, size) : 1;
        const child = typeName ? schema.getType(typeName.replace(/[[\]!]/g, '')) : undefined;
        total += 1 + multiplier * costOf(selection.selectionSet, child, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        total += costOf(
          selection.selectionSet,
          condition ? schema.getType(condition) : parent,
          seen,
        );
      } else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        total += costOf(
          fragment?.selectionSet,
          condition,
          new Set([...seen, selection.name.value]),
        );
      }
    }
    return total;
  };
  const operation = document.definitions.find(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return { cost: 0, usesVariables: false };
  const root =
    operation.operation === OperationTypeNode.QUERY
      ? schema.getQueryType()
      : schema.getMutationType();
  const cost = costOf(operation.selectionSet, root ?? undefined, new Set());
  return { cost, usesVariables };
}

/** Refuses operations whose estimated cost exceeds `maxCost`, with LIMIT_EXCEEDED, before they run. */
export function useCostLimit(maxCost: number): Plugin {
  // yoga hands every request with the same text the same parsed document, so a cost that no
  // variable changes is estimated once per document and operation, not per request.
  const fixedCosts = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { schema, document, variableValues, operationName } = args as {
        schema: GraphQLSchema;
        document: DocumentNode;
        variableValues?: Record<string, unknown> | null;
        operationName?: string | null;
      };
      let byOperation = fixedCosts.get(document);
      let cost = byOperation?.get(operationName ?? '');
      if (cost === undefined) {
        const estimate = costEstimate(schema, document, variableValues ?? {}, operationName);
        cost = estimate.cost;
        if (!estimate.usesVariables) {
          if (!byOperation) fixedCosts.set(document, (byOperation = new Map<string, number>()));
          byOperation.set(operationName ?? '', cost);
        }
      }
      if (cost > maxCost) {
        setResultAndStopExecution({
          errors: [
            // yoga's own error type, so that yoga answers 200 with the error rather than 500.
            createGraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}`, {
              extensions: { code: 'LIMIT_EXCEEDED' },
            }),
          ],
        });
      }
    },
  };
}
