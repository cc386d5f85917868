// Definitions whose parent-relative fields read each other in a cycle, shared by the engine's
// field-path tests and the GraphQL tests (the builder's preview and save refuse them).

/** a reads b, b reads a, in one row. */
export const pathCycleInRow = {
  version: 1,
  tables: [
    {
      name: 't',
      fields: [
        { name: 'a', type: 'expression', options: { expr: 'b + 1' } },
        { name: 'b', type: 'lookup', options: { path: 'a' } },
      ],
    },
  ],
};

/** p.x reads c.y through p's ref, c.y reads p.x through c's ref (the ref cycle itself is allowed: p.c_id may be null). */
export const pathCycleAcrossTables = {
  version: 1,
  tables: [
    {
      name: 'p',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'c_id', type: 'ref', options: { table: 'c', field: 'id' }, nullRate: 0.5 },
        { name: 'x', type: 'lookup', options: { path: 'c_id.y' } },
      ],
    },
    {
      name: 'c',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'p_id', type: 'ref', options: { table: 'p', field: 'id' } },
        { name: 'y', type: 'expression', options: { expr: 'p_id.x * 2' } },
      ],
    },
  ],
};
