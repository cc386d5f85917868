import { builder } from '../builder.js';
import { maskServerPaths } from '../expected-errors.js';
import { ConflictError, ForbiddenError, LimitError, NotFoundError, ValidationError, type Problem } from '../errors.js';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure, returned as data in a mutation result union.',
  // union members are data, not passed through yoga's masking: server paths are masked here
  fields: (t) => ({ message: t.string({ resolve: (error) => maskServerPaths(error.message) }) }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The thing does not exist or is not visible to you (the two are not told apart).',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({ id: t.exposeID('id') }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'You can see the thing but may not do this to it.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
  fields: () => ({}),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'Someone changed the thing first (stale expectedVersion), or it already exists.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: (t) => ({ currentVersion: t.exposeInt('currentVersion', { nullable: true }) }),
});

export const ProblemRef = builder.objectRef<Problem>('Problem').implement({
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Where, e.g. `tables[1].fields[3].options.max` or `rowCount`.' }),
    message: t.string({ resolve: (problem) => maskServerPaths(problem.message) }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({ problems: t.field({ type: [ProblemRef], resolve: (error) => error.problems }) }),
});

builder.objectType(LimitError, {
  name: 'LimitError',
  description: 'A configured limit was reached (rows per export, running exports, preview rows).',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof LimitError,
  fields: (t) => ({
    limit: t.exposeFloat('limit'),
    requested: t.exposeFloat('requested', { nullable: true }),
  }),
});
