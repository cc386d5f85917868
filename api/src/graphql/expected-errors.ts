// Expected failures outside a result union, and server paths in error text.
// Mutations return their expected failures as union members; a query or connection without a
// union (a tampered `after` cursor of `exports`) throws them. Those become GraphQL errors with a
// code and the same fields (`problems` with the argument's path), never INTERNAL_SERVER_ERROR.
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { ConflictError, ForbiddenError, LimitError, NotFoundError, ValidationError } from './errors.js';

const CODES: [new (...args: any[]) => Error, string][] = [
  [ValidationError, 'BAD_USER_INPUT'],
  [NotFoundError, 'NOT_FOUND'],
  [ForbiddenError, 'FORBIDDEN'],
  [ConflictError, 'CONFLICT'],
  [LimitError, 'LIMIT_EXCEEDED'],
];

// an absolute POSIX path of two or more segments, or a Windows drive path, after a start, space,
// quote, bracket, `=` or `,` — relative storage keys (owner/export/file.csv) and URLs stay
const SERVER_PATH = /(^|[\s'"`([=,])(?:\/(?:[^\s/'"`()[\],]+\/)+[^\s'"`()[\],]*|[A-Za-z]:\\[^\s'"`()[\],]*)/g;

/** `text` with every absolute file system path replaced by `<path>`. */
export function maskServerPaths(text: string): string {
  return text.replace(SERVER_PATH, (_match, before: string) => `${before}<path>`);
}

/** maskServerPaths over every string inside a JSON value (error_details, event metadata). */
export function maskServerPathsDeep<T>(value: T): T {
  if (typeof value === 'string') return maskServerPaths(value) as T;
  if (Array.isArray(value)) return value.map(maskServerPathsDeep) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskServerPathsDeep(inner)])) as T;
  }
  return value;
}

/** The typed GraphQL error for an expected failure a resolver threw, or undefined for anything else. */
export function expectedFailure(error: unknown): GraphQLError | undefined {
  if (!(error instanceof Error) || error.name !== 'GraphQLError') return undefined;
  const { originalError: original, nodes, path } = error as GraphQLError;
  const entry = CODES.find(([type]) => original instanceof type);
  if (!original || !entry) return undefined;
  const details =
    original instanceof ValidationError
      ? { problems: original.problems }
      : original instanceof LimitError
        ? { limit: original.limit, requested: original.requested }
        : original instanceof NotFoundError
          ? { id: original.id }
          : original instanceof ConflictError
            ? { currentVersion: original.currentVersion }
            : {};
  const extensions = { code: entry[1], type: original.name, ...details };
  const message = maskServerPaths(original.message);
  if (message !== error.message) return createGraphQLError(message, { nodes, path, extensions });
  // the same error, typed in place: yoga logs every error its masking replaced, and this one is expected
  Object.defineProperty(error, 'extensions', { value: extensions, enumerable: true, configurable: true, writable: true });
  return error as GraphQLError;
}
