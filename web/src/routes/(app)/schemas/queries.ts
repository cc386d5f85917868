import { graphql } from '$lib/gql';

export const SchemasQuery = graphql(`
  query Schemas($first: Int!, $after: String, $search: String, $ownership: Ownership) {
    schemas(first: $first, after: $after, search: $search, ownership: $ownership) {
      edges {
        node {
          id
          name
          description
          myRole
          updatedAt
          owner {
            id
            email
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateSchemaMutation = graphql(`
  mutation CreateSchema($name: String!, $definition: JSON!) {
    createSchema(name: $name, definition: $definition) {
      __typename
      ... on SchemaPayload {
        schema {
          id
        }
      }
      ...MutationError
    }
  }
`);

export const DuplicateSchemaMutation = graphql(`
  mutation DuplicateSchema($id: ID!) {
    duplicateSchema(id: $id) {
      __typename
      ... on SchemaPayload {
        schema {
          id
          name
        }
      }
      ...MutationError
    }
  }
`);

export const DeleteSchemaMutation = graphql(`
  mutation DeleteSchema($id: ID!) {
    deleteSchema(id: $id) {
      __typename
      ... on DeleteSchemaPayload {
        deletedId
      }
      ...MutationError
    }
  }
`);

export const ImportSchemaMutation = graphql(`
  mutation ImportSchema($sql: String!) {
    importSchema(sql: $sql) {
      __typename
      ... on ImportSchemaPayload {
        definition
        notes {
          line
          column
          message
        }
        columns {
          table
          column
          generator
          options
          reason
          pattern
        }
      }
      ...MutationError
    }
  }
`);
