import { graphql } from '$lib/gql';

export const AssistStatusQuery = graphql(`
  query AssistStatus {
    assistStatus {
      enabled
      model
    }
  }
`);

export const AssistConversationsQuery = graphql(`
  query AssistConversations($schemaId: ID!) {
    assistConversations(schemaId: $schemaId) {
      id
      title
      messages {
        id
        role
        content
        task
      }
      changes {
        ...AssistChangeParts
      }
    }
  }
`);

export const AssistChangeParts = graphql(`
  fragment AssistChangeParts on AssistChange {
    id
    task
    status
    explanation
    baseVersion
    definition
  }
`);

export const AssistSubscription = graphql(`
  subscription Assist($schemaId: ID!, $message: String!, $task: AssistTask, $conversationId: ID) {
    assist(schemaId: $schemaId, message: $message, task: $task, conversationId: $conversationId) {
      conversationId
      text
      retry {
        path
        message
      }
      change {
        ...AssistChangeParts
      }
      error {
        code
        message
        retryAfterSeconds
        problems {
          path
          message
        }
      }
    }
  }
`);

export const ApplyAssistChangeMutation = graphql(`
  mutation ApplyAssistChange($changeId: ID!, $expectedVersion: Int!) {
    applyAssistChange(changeId: $changeId, expectedVersion: $expectedVersion) {
      __typename
      ... on AssistChangePayload {
        change {
          id
          status
        }
        schema {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

export const RejectAssistChangeMutation = graphql(`
  mutation RejectAssistChange($changeId: ID!) {
    rejectAssistChange(changeId: $changeId) {
      __typename
      ... on AssistChangePayload {
        change {
          id
          status
        }
      }
      ...MutationError
    }
  }
`);
