// In production the schema is not served to strangers: introspection queries fail validation
// (graphql-js's NoSchemaIntrospectionCustomRule), and graphql-armor's blockFieldSuggestion drops
// the "Did you mean …?" hints that would otherwise spell the schema out field by field.
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function noIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
