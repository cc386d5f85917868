import { graphql } from '$lib/gql';

graphql(`
  fragment ExportSummary on Export {
    id
    status
    format
    rowCount
    seed
    attempt
    createdAt
    completedAt
    downloadUrl
    error
    canManage
    owner {
      id
      email
    }
    schema {
      id
      name
    }
    progress {
      rowsDone
      rowCount
      rowsTotal
      fraction
    }
  }
`);

export const ExportsQuery = graphql(`
  query Exports($first: Int!, $after: String, $status: ExportStatus, $schemaId: ID) {
    exports(first: $first, after: $after, status: $status, schemaId: $schemaId) {
      edges {
        node {
          ...ExportSummary
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ExportSchemasQuery = graphql(`
  query ExportSchemas {
    schemas(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const ExportQuery = graphql(`
  query Export($id: ID!) {
    export(id: $id) {
      ...ExportSummary
      options
      report {
        ...RealismReport
      }
      events {
        id
        seq
        status
        message
        metadata
        createdAt
      }
    }
  }
`);

export const MyExportsSubscription = graphql(`
  subscription MyExports {
    myExports {
      exportId
      export {
        ...ExportSummary
      }
    }
  }
`);

export const ExportProgressSubscription = graphql(`
  subscription ExportProgress($exportId: ID!, $afterEventId: ID) {
    exportProgress(exportId: $exportId, afterEventId: $afterEventId) {
      id
      seq
      status
      message
      metadata
      createdAt
    }
  }
`);
