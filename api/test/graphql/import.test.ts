// importSchema: DDL in, a definition the engine accepts out; bad SQL answered with line and column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDefinition } from '../../src/engine/index.js';
import { startHarness, type Harness, type TestUser } from './harness.js';

const IMPORT = /* GraphQL */ `
  mutation ($sql: String!) {
    importSchema(sql: $sql) {
      __typename
      ... on ImportSchemaPayload {
        definition
        notes {
          line
          column
          message
        }
        columns {
          table
          column
          generator
          reason
          pattern
        }
      }
      ... on ValidationError {
        message
        problems {
          path
          message
        }
      }
    }
  }
`;

describe('importSchema', () => {
  let h: Harness;
  let alice: TestUser;
  beforeAll(async () => {
    h = await startHarness();
    alice = await h.signUp('alice');
  });
  afterAll(() => h?.close());

  it('turns DDL into a definition the engine accepts, with parents and refs', async () => {
    const sql = `create table teams (id uuid primary key, name text not null unique);
create table members (id bigint primary key, team_id uuid not null references teams(id), email text not null unique,
  age int check (age between 18 and 90));
alter table members enable row level security;`;
    const { data, errors } = await h.gql(alice, IMPORT, { sql });
    expect(errors).toBeUndefined();
    const result = data.importSchema;
    expect(result.__typename).toBe('ImportSchemaPayload');
    const definition = parseDefinition(result.definition);
    expect(definition.tables.map((t) => t.name)).toEqual(['teams', 'members']);
    const teamId = definition.tables[1].fields.find((f) => f.name === 'team_id');
    expect(teamId?.type).toBe('ref');
    expect(result.notes.some((n: { message: string }) => /EnableRowSecurity|row level security/i.test(n.message))).toBe(true);
    // column → generator → reason, one entry per field of the definition
    const columns = result.columns as { table: string; column: string; generator: string; reason: string }[];
    expect(columns.map((c) => `${c.table}.${c.column}`)).toEqual(definition.tables.flatMap((t) => t.fields.map((f) => `${t.name}.${f.name}`)));
    for (const c of columns) expect(c.generator).toBe(definition.tables.find((t) => t.name === c.table)!.fields.find((f) => f.name === c.column)!.type);
    expect(columns.find((c) => c.column === 'team_id')?.reason).toMatch(/foreign key → teams\.id/);
    expect(columns.find((c) => c.column === 'email')?.reason).toMatch(/email/);
  });

  it('answers SQL that does not parse with its line and column', async () => {
    const { data } = await h.gql(alice, IMPORT, { sql: 'create table ok (id int);\ncreate tabel broken (id int);' });
    expect(data.importSchema.__typename).toBe('ValidationError');
    expect(data.importSchema.problems[0].path).toMatch(/^line 2, column \d+$/);
  });

  it('refuses anonymous callers', async () => {
    const { data, errors } = await h.gql(undefined, IMPORT, { sql: 'create table t (id int);' });
    expect(data?.importSchema ?? null).toBeNull();
    expect(errors?.length).toBeGreaterThan(0);
  });
});
