// Expected failures. Resolvers throw these; the errors plugin turns them into union members.

export interface Problem {
  path: string;
  message: string;
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    // the same answer for "does not exist" and "exists but is not yours"
    super(`${what} ${id} not found`);
  }
}

export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}

export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(
    message: string,
    readonly currentVersion: number | null = null,
  ) {
    super(message);
  }
}

export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(readonly problems: Problem[]) {
    super(problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message)).join('; '));
  }

  static at(path: string, message: string): ValidationError {
    return new ValidationError([{ path, message }]);
  }
}

export class LimitError extends Error {
  override name = 'LimitError';
  constructor(
    message: string,
    readonly limit: number,
    readonly requested: number | null = null,
  ) {
    super(message);
  }
}

export const ALL_ERRORS = [NotFoundError, ForbiddenError, ConflictError, ValidationError, LimitError];
