import { GraphQLError, Kind, type ASTVisitor, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Rejects operations nested deeper than `maxDepth` selection levels, before they run: relationship
 * fields make the graph walkable without end, and each level can fan out a page of entities.
 * Fragments count at the depth where they are spread.
 */
export function useDepthLimit(maxDepth: number): Plugin {
  const rule = (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const depthOf = (node: unknown, seen: Set<string>): number => {
      // A spread of a fragment the document does not define (undefined here) is left to
      // graphql's own rule, which reports it.
      const selectionSet = (
        node as { selectionSet?: { selections: readonly unknown[] } } | undefined
      )?.selectionSet;
      if (!selectionSet) return 0;
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        const s = selection as { kind: Kind; name?: { value: string } };
        if (s.kind === Kind.FRAGMENT_SPREAD) {
          const name = s.name!.value;
          if (seen.has(name)) continue;
          deepest = Math.max(deepest, depthOf(fragments.get(name), new Set([...seen, name])) - 1);
        }
        deepest = Math.max(deepest, depthOf(selection, seen) - (s.kind === Kind.FIELD ? 0 : 1));
      }
      return deepest + 1;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation, new Set()) - 1;
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query depth ${depth} exceeds the limit of ${maxDepth}`, {
              nodes: [operation],
              extensions: { code: 'LIMIT_EXCEEDED' },
            }),
          );
        }
      },
    };
  };
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
