// Every bad input is a typed error, never INTERNAL_SERVER_ERROR (issue 12, item 5): tampered
// cursors, definitions an export would refuse, writes by a deleted user, server paths in error
// text, a limit violation on a graphql-ws socket, introspection in production, an unusable data dir.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { asCaller, type GraphQLContext } from '../../src/graphql/context.js';
import { insertSchema } from '../../src/graphql/repos/schemas.js';
import { DEFINITION, EXPORT_RESULT, RESULT, SCHEMA_FIELDS } from './fixtures.js';
import { startHarness, type Harness, type TestUser } from './harness.js';

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Accepted by the definition parser, refused when compiled: each table refers to the other. */
const REF_CYCLE = {
  version: 1,
  tables: [
    {
      name: 'a',
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'b_id', type: 'ref', options: { table: 'b', field: 'id' } },
      ],
    },
    {
      name: 'b',
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'a_id', type: 'ref', options: { table: 'a', field: 'id' } },
      ],
    },
  ],
};

let h: Harness;
let alice: TestUser;

beforeAll(async () => {
  h = await startHarness();
  alice = await h.signUp('alice');
  for (const name of ['one', 'two', 'three']) {
    await h.gql(alice, `mutation($d: JSON!) { createSchema(name: "${name}", definition: $d) { __typename } }`, { d: DEFINITION });
  }
});
afterAll(() => h?.close());

const noInternalErrors = (answer: { errors?: any[] }) =>
  expect((answer.errors ?? []).map((error) => error.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');

describe('pagination cursors', () => {
  const tampered = [
    'garbage',
    '',
    '2025-01-01T00:00:00.000000|not-a-uuid',
    '2025-02-31T00:00:00.000000|00000000-0000-0000-0000-000000000001',
    '0000-01-01T00:00:00.000000|00000000-0000-0000-0000-000000000001',
    '2025-01-01T00:00:00.000000|00000000-0000-0000-0000-000000000001|extra',
    "2025-01-01T00:00:00.000000'; drop table x; --|00000000-0000-0000-0000-000000000001",
    'MjAyNS0wMS0wMQ==',
  ];

  it.each(['exports', 'schemas'])('a tampered cursor of %s is a ValidationError at the argument, for after and before', async (field) => {
    for (const cursor of tampered) {
      for (const arg of ['after', 'before']) {
        const answer = await h.gql(alice, `query($c: String) { ${field}(${arg === 'after' ? 'first' : 'last'}: 2, ${arg}: $c) { edges { cursor } } }`, {
          c: cursor,
        });
        noInternalErrors(answer);
        expect(answer.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          type: 'ValidationError',
          problems: [{ path: arg, message: 'not a cursor from this API' }],
        });
      }
    }
  });

  it('a cursor the API gave out still pages', async () => {
    const first = await h.gql(alice, `{ schemas(first: 2) { edges { cursor node { name } } pageInfo { endCursor hasNextPage } } }`);
    expect(first.data.schemas.pageInfo.hasNextPage).toBe(true);
    const next = await h.gql(alice, `query($c: String) { schemas(first: 2, after: $c) { edges { node { name } } } }`, {
      c: first.data.schemas.pageInfo.endCursor,
    });
    expect(next.errors).toBeUndefined();
    expect(next.data.schemas.edges.map((edge: any) => edge.node.name)).toEqual(['one']);
  });
});

describe('definitions are checked on save as startExport checks them', () => {
  it('createSchema, updateSchema and startExport refuse a definition the engine cannot run, with the same problems', async () => {
    const created = await h.gql(alice, `mutation($d: JSON!) { createSchema(name: "cycle", definition: $d) { ${RESULT} } }`, { d: REF_CYCLE });
    noInternalErrors(created);
    expect(created.data.createSchema.__typename).toBe('ValidationError');
    const problems = created.data.createSchema.problems;
    expect(problems).toEqual([expect.objectContaining({ path: 'tables', message: expect.stringMatching(/cycle \(a, b\)/) })]);

    const saved = await h.gql(
      alice,
      `mutation($d: JSON!) { createSchema(name: "fine", definition: $d) { ... on SchemaPayload { schema { ${SCHEMA_FIELDS} } } } }`,
      { d: DEFINITION },
    );
    const schema = saved.data.createSchema.schema;
    const updated = await h.gql(
      alice,
      `mutation($id: ID!, $v: Int!, $d: JSON!) { updateSchema(id: $id, expectedVersion: $v, patch: { definition: $d }) { ${RESULT} } }`,
      {
        id: schema.id,
        v: schema.version,
        d: REF_CYCLE,
      },
    );
    expect(updated.data.updateSchema).toMatchObject({ __typename: 'ValidationError', problems });

    const started = await h.gql(alice, `mutation($d: JSON!) { startExport(definition: $d, format: CSV, rowCount: 5) { ${EXPORT_RESULT} } }`, { d: REF_CYCLE });
    expect(started.data.startExport).toMatchObject({ __typename: 'ValidationError', problems });
    expect(await h.rowCount(`generator_schemas where name = 'cycle'`)).toBe(0);
  });
});

describe('writes by a deleted user', () => {
  it('a token still signed for a deleted user gets UNAUTHENTICATED, not a foreign key 500', async () => {
    const ghost = await h.signUp('ghost');
    await h.app.db.asService((tx) => tx.query(`delete from auth.users where id = $1::uuid`, [ghost.id]));
    const writes = [
      h.gql(ghost, `mutation($d: JSON!) { createSchema(name: "after death", definition: $d) { ${RESULT} } }`, { d: DEFINITION }),
      h.gql(ghost, `mutation($d: JSON!) { startExport(definition: $d, format: CSV, rowCount: 5) { ${EXPORT_RESULT} } }`, { d: DEFINITION }),
    ];
    for (const answer of await Promise.all(writes)) {
      noInternalErrors(answer);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await h.rowCount(`generator_schemas where name = 'after death'`)).toBe(0);
  });

  it('however the token got past authentication, the database refusal becomes UNAUTHENTICATED', async () => {
    const ctx = { db: h.app.db, claims: { sub: randomUUID(), role: 'authenticated' } } as unknown as GraphQLContext;
    await expect(asCaller(ctx, (tx, claims) => insertSchema(tx, claims.sub, { name: 'nobody', definition: DEFINITION }))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', reason: 'user_not_found' },
    });
  });
});

describe('error text shows no server paths', () => {
  it('Export.error and the event log mask file system paths, keep storage keys', async () => {
    const details = {
      code: 'STORAGE_FAILED',
      message: `storage put "a/b/export.csv": ENOENT: no such file or directory, open '/srv/tdg/.data/exports/a/b/export.csv.1f2e.partial'`,
    };
    const [row] = await h.app.db.asService((tx) =>
      tx.query<{ id: string }>(
        `insert into generator_exports (owner_id, format, row_count, status, seed, job_payload, error_details)
         values ($1::uuid, 'csv', 5, 'failed', 's', '{}'::jsonb, $2::jsonb) returning id::text as id`,
        [alice.id, JSON.stringify(details)],
      ),
    );
    await h.app.db.asService((tx) =>
      tx.query(`insert into generator_export_events (export_id, status, message, metadata) values ($1::uuid, 'failed', $2, $3::jsonb)`, [
        row.id,
        details.message,
        JSON.stringify({ error: details }),
      ]),
    );
    const answer = await h.gql(alice, `query($id: ID!) { export(id: $id) { error events { message metadata } } }`, { id: row.id });
    const text = JSON.stringify(answer.data);
    expect(text).not.toContain('/srv/tdg');
    expect(answer.data.export.error.message).toBe(`storage put "a/b/export.csv": ENOENT: no such file or directory, open '<path>'`);
    expect(answer.data.export.events[0].message).toContain(`open '<path>'`);
  });
});

describe('production', () => {
  let prod: Harness;
  let user: TestUser;
  beforeAll(async () => {
    prod = await startHarness({ NODE_ENV: 'production' });
    user = await prod.signUp('prod');
  });
  afterAll(() => prod?.close());

  it('refuses introspection and gives no field suggestions; development allows both', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Export") { name } }']) {
      const refused = await prod.gql(user, query);
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
      expect((await h.gql(alice, query)).errors).toBeUndefined();
    }
    const typo = await prod.gql(user, '{ exprts(first: 1) { edges { cursor } } }');
    expect(typo.errors?.[0]?.message).toMatch(/Cannot query field/);
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    expect(JSON.stringify((await h.gql(alice, '{ exprts(first: 1) { edges { cursor } } }')).errors)).toMatch(/Did you mean/);
  });
});

describe('graphql-ws', () => {
  let client: Client;
  afterAll(() => client?.dispose());

  it('a query-limit violation errors that one operation; the socket and its other subscriptions live on', async () => {
    const base = await h.app.start();
    let closed = false;
    client = createClient({
      url: `${base.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${alice.token}` },
      on: { closed: () => (closed = true) },
    });
    const changes: string[] = [];
    let changed!: () => void;
    const firstChange = new Promise<void>((resolve) => (changed = resolve));
    const live = new Promise<void>((resolve, reject) => {
      client.subscribe<{ myExports: { exportId: string } }>(
        { query: 'subscription { myExports { exportId } }' },
        { next: (result) => (changes.push(result.data!.myExports.exportId), changed()), error: reject, complete: resolve },
      );
    });
    live.catch(() => undefined);
    const refused = (query: string) =>
      new Promise<unknown>((resolve) =>
        client.subscribe({ query }, { next: () => resolve('data'), error: (error) => resolve(error), complete: () => resolve('complete') }),
      );

    const aliases = `{ ${Array.from({ length: h.config.limits.maxAliases + 5 }, (_, i) => `a${i}: schemas(first: 1) { edges { cursor } }`).join(' ')} }`;
    const deep = `{ exports(first: 1) { edges { node { schema { exports { schema { exports { schema { exports { schema { exports { id } } } } } } } } } } } }`;
    for (const query of [aliases, deep, '{ not valid graphql']) {
      const error = await refused(query);
      expect(Array.isArray(error)).toBe(true);
      expect((error as { message: string }[])[0].message).toMatch(/alias|depth|Syntax|Expected/i);
    }
    expect(closed).toBe(false);

    // the subscription started before the refusals still delivers
    const started = await h.gql(
      alice,
      `mutation($d: JSON!) { startExport(definition: $d, format: CSV, rowCount: 5) { ... on ExportPayload { export { id } } } }`,
      { d: DEFINITION },
    );
    await firstChange;
    expect(changes).toContain(started.data.startExport.export.id);
    expect(closed).toBe(false);
  });
});

describe('the data directory', () => {
  const serve = (dataDir: string) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
        cwd: apiDir,
        env: { ...process.env, TDG_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', SUPABASE_URL: '', SUPABASE_SERVICE_ROLE_KEY: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (part: Buffer) => (stderr += part));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it.each(['/proc/tdg-data', '/proc/self'])('TDG_DATA_DIR=%s stops the start with a message and exit code 1', async (dataDir) => {
    const { code, stderr } = await serve(dataDir);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`TDG_DATA_DIR ${dataDir}: cannot (create|write)`));
  });
});
