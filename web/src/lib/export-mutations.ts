// Starting, cancelling and retrying an export: the export dialog and the export actions run these.
import { graphql } from '$lib/gql';

/** What the export dialog plans from: the saved definition (the one exported) and its seed. */
export const ExportPlanQuery = graphql(`
  query ExportPlan($id: ID!) {
    schema(id: $id) {
      id
      definition
      seed
    }
  }
`);

export const StartExportMutation = graphql(`
  mutation StartExport($schemaId: ID!, $format: ExportFormat!, $rowCount: Int!, $tableRows: [TableRows!], $seed: String, $options: JSON) {
    startExport(schemaId: $schemaId, format: $format, rowCount: $rowCount, tableRows: $tableRows, seed: $seed, options: $options) {
      __typename
      ... on ExportPayload {
        export {
          id
        }
      }
      ... on LimitError {
        limit
        requested
      }
      ...MutationError
    }
  }
`);

export const CancelExportMutation = graphql(`
  mutation CancelExport($id: ID!) {
    cancelExport(id: $id) {
      __typename
      ... on ExportPayload {
        export {
          ...ExportSummary
        }
      }
      ...MutationError
    }
  }
`);

export const RetryExportMutation = graphql(`
  mutation RetryExport($id: ID!) {
    retryExport(id: $id) {
      __typename
      ... on ExportPayload {
        export {
          id
        }
      }
      ...MutationError
    }
  }
`);
