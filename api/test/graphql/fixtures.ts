// Definitions in the engine's format, shared by the GraphQL tests.
export const DEFINITION = {
  version: 1,
  tables: [
    {
      name: 'customers',
      rows: 10,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'contact_email', type: 'internet.email' },
      ],
    },
  ],
};

/** Two problems at two places (unknown type, duplicate name): both paths come back in ValidationError.problems. */
export const BROKEN_DEFINITION = {
  version: 1,
  tables: [
    {
      name: 'customers',
      rows: 10,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'age', type: 'no-such-type' },
        { name: 'id', type: 'string.uuid' },
      ],
    },
  ],
};

export const SCHEMA_FIELDS = `id name description version isShared myRole canEdit definition owner { id email }`;

const FRAGMENTS: Record<string, string> = {
  NotFoundError: '... on NotFoundError { id }',
  ConflictError: '... on ConflictError { currentVersion }',
  ValidationError: '... on ValidationError { problems { path message } }',
  LimitError: '... on LimitError { limit requested }',
};

/** A selection of a result union with the fields of the error types it has. */
export const result = (...types: string[]) => `__typename ... on Error { message } ${types.map((type) => FRAGMENTS[type]).join(' ')}`;

/** Schema and member mutations: NotFound, Forbidden, Conflict, Validation. */
export const RESULT = result('NotFoundError', 'ConflictError', 'ValidationError');
/** Export mutations add LimitError. */
export const EXPORT_RESULT = result('NotFoundError', 'ConflictError', 'ValidationError', 'LimitError');

/** Every customer gets exactly three orders: rowCount n writes 4n rows. */
export const PARENT_CHILD_DEFINITION = {
  version: 1,
  tables: [
    DEFINITION.tables[0],
    {
      name: 'orders',
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id', childrenPerParent: { min: 3, max: 3 } } },
      ],
    },
  ],
};
