import { OperationTypeNode, type ASTVisitor, type ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Refuses mutation and subscription operations while validating: the API has only queries, and
 * graphql-jit, unlike graphql-js, meets a missing root type with a plain error at compile time,
 * which would reach the client as "Unexpected error.".
 */
export function useQueryOnly(): Plugin {
  const rule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      if (operation.operation === OperationTypeNode.QUERY) return;
      context.reportError(
        createGraphQLError(
          `The API answers queries only; ${operation.operation} operations are not supported`,
          { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        ),
      );
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
