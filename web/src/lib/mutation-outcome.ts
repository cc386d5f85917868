// Expected failures come back as data: a member of the result union that implements the API's
// Error interface. Every result union selects them with the MutationError fragment, and
// mutationOutcome() turns a result into ok (the payload) or an error (its message).
import { graphql } from '$lib/gql';
import type { MutationErrorFragment } from '$lib/gql/graphql';

export const MutationErrorFragmentDocument = graphql(`
  fragment MutationError on Error {
    __typename
    message
    ... on ValidationError {
      problems {
        path
        message
      }
    }
    ... on ConflictError {
      currentVersion
    }
  }
`);

export type ErrorTypename = MutationErrorFragment['__typename'];

// `satisfies` fails the typecheck when codegen sees an Error type that is missing here
const ERROR_TYPENAMES = {
  ConflictError: true,
  ForbiddenError: true,
  LimitError: true,
  NotFoundError: true,
  ValidationError: true,
} as const satisfies Record<ErrorTypename, true>;

type ErrorOf<P> = Extract<P, { __typename: ErrorTypename }>;
type SuccessOf<P> = Exclude<P, { __typename: ErrorTypename }>;

export type MutationOutcome<P> =
  | { ok: true; payload: SuccessOf<NonNullable<P>> }
  /** `error` is the failure the API returned as data; null when the request itself failed. */
  | { ok: false; message: string; error: ErrorOf<NonNullable<P>> | null };

const isErrorPayload = (payload: { __typename?: string }) => typeof payload.__typename === 'string' && Object.hasOwn(ERROR_TYPENAMES, payload.__typename);

/**
 * The outcome of `result.data[field]`: ok with the payload, else an error whose message is the
 * request's error, the returned Error's message, or `fallback`, in that order.
 */
export function mutationOutcome<D, K extends keyof D>(
  result: { data?: D | null; error?: { message: string } | null },
  field: K,
  fallback: string,
): MutationOutcome<D[K]> {
  const payload = (result.data?.[field] ?? null) as { __typename?: string; message?: string } | null;
  if (payload && !isErrorPayload(payload)) return { ok: true, payload: payload as SuccessOf<NonNullable<D[K]>> };
  const error = payload as ErrorOf<NonNullable<D[K]>> | null;
  return { ok: false, message: result.error?.message ?? payload?.message ?? fallback, error };
}
