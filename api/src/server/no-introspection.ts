// In production the schema is not served to strangers: operations selecting `__schema` or `__type`
// fail validation (as graphql-js's NoSchemaIntrospectionCustomRule, written here so the rule and
// its error come from the graphql instance yoga runs), and graphql-armor's blockFieldSuggestion
// drops the "Did you mean …?" hints that would otherwise spell the schema out field by field.
import type { ASTVisitor, ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

function noSchemaIntrospection(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(
          createGraphQLError(`GraphQL introspection is disabled, but the query contained "${node.name.value}".`, {
            nodes: [node],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        );
      }
    },
  };
}

export function noIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(noSchemaIntrospection);
    },
  };
}
