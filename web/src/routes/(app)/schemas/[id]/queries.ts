import { graphql } from '$lib/gql';

export const SchemaQuery = graphql(`
  query Schema($id: ID!) {
    schema(id: $id) {
      id
      name
      description
      definition
      seed
      version
      canEdit
      myRole
      owner {
        id
        email
      }
      members {
        role
        user {
          id
          email
        }
      }
    }
  }
`);

export const FieldTypesQuery = graphql(`
  query FieldTypes($search: String) {
    fieldTypes(search: $search) {
      id
      group
      description
      kind
      example
      options
      exampleOptions
      uniqueSupported
    }
  }
`);

export const PreviewRowsQuery = graphql(`
  query PreviewRows($definition: JSON!, $seed: String, $rows: Int) {
    previewRows(definition: $definition, seed: $seed, rows: $rows) {
      __typename
      ... on PreviewPayload {
        tables {
          table
          columns
          rows
        }
        report {
          ...RealismReport
        }
      }
      ...MutationError
    }
  }
`);

export const UpdateSchemaMutation = graphql(`
  mutation UpdateSchema($id: ID!, $expectedVersion: Int!, $patch: SchemaPatch!) {
    updateSchema(id: $id, expectedVersion: $expectedVersion, patch: $patch) {
      __typename
      ... on SchemaPayload {
        schema {
          id
          name
          version
          updatedAt
        }
      }
      ...MutationError
    }
  }
`);

export const AddMemberMutation = graphql(`
  mutation AddMember($schemaId: ID!, $email: String!, $role: MemberRole!) {
    addMember(schemaId: $schemaId, email: $email, role: $role) {
      __typename
      ... on MemberPayload {
        member {
          role
          user {
            id
            email
          }
        }
      }
      ...MutationError
    }
  }
`);

export const UpdateMemberRoleMutation = graphql(`
  mutation UpdateMemberRole($schemaId: ID!, $userId: ID!, $role: MemberRole!) {
    updateMemberRole(schemaId: $schemaId, userId: $userId, role: $role) {
      __typename
      ... on MemberPayload {
        member {
          role
        }
      }
      ...MutationError
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($schemaId: ID!, $userId: ID!) {
    removeMember(schemaId: $schemaId, userId: $userId) {
      __typename
      ... on RemoveMemberPayload {
        memberId
      }
      ...MutationError
    }
  }
`);
