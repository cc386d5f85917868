// Starting, cancelling and retrying an export: the export dialog and the export actions run these.
import { graphql } from '$lib/gql';

export const StartExportMutation = graphql(`
  mutation StartExport($schemaId: ID!, $format: ExportFormat!, $rowCount: Int!, $seed: String, $options: JSON) {
    startExport(schemaId: $schemaId, format: $format, rowCount: $rowCount, seed: $seed, options: $options) {
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
