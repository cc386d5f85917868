import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from '../../src/db/port.js';
import { buildApp } from '../../src/server/app.js';
import { BROKEN_DEFINITION, DEFINITION, RESULT, SCHEMA_FIELDS } from './fixtures.js';
import { startHarness, type Harness, type TestUser } from './harness.js';

let h: Harness;
let alice: TestUser;
let bob: TestUser;
let eve: TestUser;

beforeAll(async () => {
  h = await startHarness();
  alice = await h.signUp('alice');
  bob = await h.signUp('bob');
  eve = await h.signUp('eve');
});
afterAll(() => h?.close());

const CREATE = `mutation($name: String!, $description: String, $definition: JSON!) {
  createSchema(name: $name, description: $description, definition: $definition) {
    ${RESULT} ... on SchemaPayload { schema { ${SCHEMA_FIELDS} } } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $patch: SchemaPatch!) {
  updateSchema(id: $id, expectedVersion: $v, patch: $patch) { ${RESULT} ... on SchemaPayload { schema { id name version } } } }`;
const GET = `query($id: ID!) { schema(id: $id) { ${SCHEMA_FIELDS} members { role user { id email } } } }`;
const LIST = `query($own: Ownership, $search: String, $first: Int, $after: String) {
  schemas(ownership: $own, search: $search, first: $first, after: $after) {
    edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;

async function create(user: TestUser, name: string, description: string | null = null, definition: unknown = DEFINITION) {
  const { data, errors } = await h.gql(user, CREATE, { name, description, definition });
  expect(errors).toBeUndefined();
  expect(data.createSchema.__typename).toBe('SchemaPayload');
  return data.createSchema.schema as { id: string; version: number; name: string };
}

describe('viewer and anonymous callers', () => {
  it('viewer is the token subject, and null without a token', async () => {
    expect((await h.gql(alice, '{ viewer { id email } }')).data).toEqual({ viewer: { id: alice.id, email: alice.email } });
    expect((await h.gql(undefined, '{ viewer { id } }')).data).toEqual({ viewer: null });
  });

  it('anonymous reads of data are UNAUTHENTICATED errors', async () => {
    const { errors } = await h.gql(undefined, '{ schemas { edges { node { id } } } }');
    expect(errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('schemas: create, read, update with versions', () => {
  it('creates a schema owned by the caller at version 1', async () => {
    const schema = await create(alice, 'Shop', 'orders and customers');
    expect(schema).toMatchObject({ version: 1, myRole: 'OWNER', canEdit: true, isShared: false, owner: { id: alice.id, email: alice.email } });
    // the definition as given, anchored at the moment it was made
    const stored = (await h.gql(alice, GET, { id: schema.id })).data.schema.definition;
    expect(stored).toEqual({ ...DEFINITION, referenceDate: expect.any(String) });
    expect(Math.abs(Date.parse(stored.referenceDate) - Date.now())).toBeLessThan(120_000);
  });

  it('rejects a malformed definition with the path of each problem, writing nothing', async () => {
    const before = await h.rowCount('generator_schemas');
    const { data } = await h.gql(alice, CREATE, { name: 'Broken', definition: BROKEN_DEFINITION });
    expect(data.createSchema.__typename).toBe('ValidationError');
    expect(data.createSchema.problems.map((p: { path: string }) => p.path).sort()).toEqual(['tables[0].fields[1].type', 'tables[0].fields[2].name']);
    expect(data.createSchema.message).toContain('no-such-type');
    const blank = await h.gql(alice, CREATE, { name: '  ', definition: DEFINITION });
    expect(blank.data.createSchema).toMatchObject({ __typename: 'ValidationError', problems: [{ path: 'name' }] });
    expect(await h.rowCount('generator_schemas')).toBe(before);
  });

  it('increments the version on update and answers a stale version with ConflictError', async () => {
    const { id } = await create(alice, 'Versioned');
    const first = await h.gql(alice, UPDATE, { id, v: 1, patch: { name: 'Versioned 2' } });
    expect(first.data.updateSchema).toMatchObject({ __typename: 'SchemaPayload', schema: { name: 'Versioned 2', version: 2 } });
    const stale = await h.gql(alice, UPDATE, { id, v: 1, patch: { name: 'lost update' } });
    expect(stale.data.updateSchema).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
    expect((await h.gql(alice, GET, { id })).data.schema).toMatchObject({ name: 'Versioned 2', version: 2 });
  });

  it('validates a patched definition', async () => {
    const { id } = await create(alice, 'Patch me');
    const { data } = await h.gql(alice, UPDATE, { id, v: 1, patch: { definition: BROKEN_DEFINITION } });
    expect(data.updateSchema.__typename).toBe('ValidationError');
    expect((await h.gql(alice, GET, { id })).data.schema.version).toBe(1);
  });
});

describe('strangers learn nothing', () => {
  it("answers another user's id exactly like an unknown id", async () => {
    const { id } = await create(alice, 'Private');
    expect((await h.gql(eve, GET, { id })).data.schema).toBeNull();
    for (const target of [id, randomUUID(), 'not-a-uuid']) {
      const update = await h.gql(eve, UPDATE, { id: target, v: 1, patch: { name: 'mine now' } });
      expect(update.data.updateSchema).toEqual({ __typename: 'NotFoundError', message: `schema ${target} not found`, id: target });
      const del = await h.gql(eve, `mutation($id: ID!) { deleteSchema(id: $id) { ${RESULT} } }`, { id: target });
      expect(del.data.deleteSchema.__typename).toBe('NotFoundError');
      const share = await h.gql(eve, `mutation($id: ID!) { addMember(schemaId: $id, email: "${eve.email}", role: EDITOR) { ${RESULT} } }`, { id: target });
      expect(share.data.addMember.__typename).toBe('NotFoundError');
    }
    expect((await h.gql(alice, GET, { id })).data.schema).toMatchObject({ name: 'Private', version: 1, members: [] });
    const listed = await h.gql(eve, LIST, { own: 'ALL' });
    expect(listed.data.schemas.edges.map((e: any) => e.node.id)).not.toContain(id);
  });
});

describe('sharing with members', () => {
  it('gives a viewer read access only, an editor write access, and removal takes both away', async () => {
    const { id } = await create(alice, 'Team schema');
    const ADD = `mutation($id: ID!, $email: String!, $role: MemberRole!) {
      addMember(schemaId: $id, email: $email, role: $role) { ${RESULT} ... on MemberPayload { member { role user { id email } } } } }`;
    const added = await h.gql(alice, ADD, { id, email: bob.email, role: 'VIEWER' });
    expect(added.data.addMember).toMatchObject({ __typename: 'MemberPayload', member: { role: 'VIEWER', user: { id: bob.id, email: bob.email } } });
    expect((await h.gql(alice, ADD, { id, email: bob.email, role: 'VIEWER' })).data.addMember.__typename).toBe('ConflictError');
    expect((await h.gql(alice, ADD, { id, email: 'nobody@example.com', role: 'VIEWER' })).data.addMember).toMatchObject({
      __typename: 'ValidationError',
      problems: [{ path: 'email' }],
    });

    const seen = (await h.gql(bob, GET, { id })).data.schema;
    expect(seen).toMatchObject({ myRole: 'VIEWER', canEdit: false, owner: { id: alice.id, email: alice.email } });
    expect(seen.members).toEqual([{ role: 'VIEWER', user: { id: bob.id, email: bob.email } }]);
    expect((await h.gql(bob, LIST, { own: 'SHARED' })).data.schemas.edges.map((e: any) => e.node.id)).toContain(id);
    expect((await h.gql(bob, LIST, { own: 'MINE' })).data.schemas.edges.map((e: any) => e.node.id)).not.toContain(id);

    expect((await h.gql(bob, UPDATE, { id, v: 1, patch: { name: 'viewer edit' } })).data.updateSchema.__typename).toBe('ForbiddenError');
    expect((await h.gql(bob, ADD, { id, email: eve.email, role: 'EDITOR' })).data.addMember.__typename).toBe('ForbiddenError');
    const share = await h.gql(bob, `mutation($id: ID!) { setSchemaShared(id: $id, shared: true) { ${RESULT} } }`, { id });
    expect(share.data.setSchemaShared.__typename).toBe('ForbiddenError');

    const ROLE = `mutation($id: ID!, $user: ID!) { updateMemberRole(schemaId: $id, userId: $user, role: EDITOR) { ${RESULT} ... on MemberPayload { member { role } } } }`;
    expect((await h.gql(bob, ROLE, { id, user: bob.id })).data.updateMemberRole.__typename).toBe('ForbiddenError');
    expect((await h.gql(alice, ROLE, { id, user: bob.id })).data.updateMemberRole).toMatchObject({ member: { role: 'EDITOR' } });
    expect((await h.gql(alice, ROLE, { id, user: eve.id })).data.updateMemberRole.__typename).toBe('NotFoundError');
    expect((await h.gql(bob, UPDATE, { id, v: 1, patch: { name: 'editor edit' } })).data.updateSchema).toMatchObject({
      schema: { name: 'editor edit', version: 2 },
    });
    expect((await h.gql(bob, `mutation($id: ID!) { deleteSchema(id: $id) { ${RESULT} } }`, { id })).data.deleteSchema.__typename).toBe('ForbiddenError');

    const copy = await h.gql(
      bob,
      `mutation($id: ID!) { duplicateSchema(id: $id) { ${RESULT} ... on SchemaPayload { schema { name myRole owner { id } } } } }`,
      { id },
    );
    expect(copy.data.duplicateSchema).toMatchObject({ schema: { name: 'editor edit (copy)', myRole: 'OWNER', owner: { id: bob.id } } });

    const REMOVE = `mutation($id: ID!, $user: ID!) { removeMember(schemaId: $id, userId: $user) { ${RESULT} ... on RemoveMemberPayload { memberId } } }`;
    expect((await h.gql(alice, REMOVE, { id, user: bob.id })).data.removeMember).toEqual({ __typename: 'RemoveMemberPayload', memberId: bob.id });
    expect((await h.gql(bob, GET, { id })).data.schema).toBeNull();
    expect((await h.gql(bob, UPDATE, { id, v: 2, patch: { name: 'gone' } })).data.updateSchema.__typename).toBe('NotFoundError');
  });

  it('lets only the owner delete', async () => {
    const { id } = await create(alice, 'Doomed');
    const del = await h.gql(alice, `mutation($id: ID!) { deleteSchema(id: $id) { ${RESULT} ... on DeleteSchemaPayload { deletedId } } }`, { id });
    expect(del.data.deleteSchema).toEqual({ __typename: 'DeleteSchemaPayload', deletedId: id });
    expect((await h.gql(alice, GET, { id })).data.schema).toBeNull();
  });
});

describe('listing', () => {
  it('searches name, description and field names', async () => {
    const owner = await h.signUp('searcher');
    const byName = await create(owner, 'Invoices ledger');
    const byDescription = await create(owner, 'Plain', 'tracks parcels in transit');
    const byField = await create(owner, 'Other');
    await create(owner, 'Unrelated', null, { ...DEFINITION, tables: [{ ...DEFINITION.tables[0], fields: [{ name: 'id', type: 'string.uuid' }] }] });
    const ids = async (search: string) => (await h.gql(owner, LIST, { search })).data.schemas.edges.map((e: any) => e.node.id).sort();
    expect(await ids('ledger')).toEqual([byName.id]);
    expect(await ids('PARCELS')).toEqual([byDescription.id]);
    expect(await ids('contact_em')).toEqual([byName.id, byDescription.id, byField.id].sort());
    expect(await ids('100%')).toEqual([]);
  });

  it('pages through every schema once with first/after', async () => {
    const owner = await h.signUp('pager');
    const created = [];
    for (let i = 0; i < 5; i++) created.push((await create(owner, `Page ${i}`)).id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const { data }: { data?: any } = await h.gql(owner, LIST, { own: 'MINE', first: 2, after });
      seen.push(...data.schemas.edges.map((e: any) => e.node.id));
      if (!data.schemas.pageInfo.hasNextPage) break;
      after = data.schemas.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect([...seen].sort()).toEqual([...created].sort());
    expect(seen).toEqual([...created].reverse()); // newest first
  });
});

describe('batching', () => {
  /** The app's database with every statement counted. */
  function counting(db: Database) {
    const counter = { statements: 0 };
    const wrap = (tx: Tx): Tx => ({
      query: (sql, params) => {
        counter.statements++;
        return tx.query(sql, params);
      },
    });
    const counted: Database = { ...db, asUser: (claims, fn) => db.asUser(claims, (tx) => fn(wrap(tx))), asService: (fn) => db.asService((tx) => fn(wrap(tx))) };
    return { counted, counter };
  }

  it('answers a list with nested owners, members, exports and events in the same number of statements for 1 or 6 schemas', async () => {
    const owner = await h.signUp('batch-owner');
    const member = await h.signUp('batch-member');
    const { counted, counter } = counting(h.app.db);
    const app = await buildApp(h.config, { db: counted, signingKey: h.signingKey });
    const QUERY = `{ schemas(first: 20, ownership: MINE) { edges { node { id owner { email } members { user { email } }
      exports { id events { status } } } } } }`;
    const statementsFor = async () => {
      // one request first, so the token's session check (cached for seconds) is not counted
      await app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
        body: JSON.stringify({ query: '{ viewer { id } }' }),
      });
      counter.statements = 0;
      const response = await app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
        body: JSON.stringify({ query: QUERY }),
      });
      const body = await response.json();
      expect(body.errors).toBeUndefined();
      return { statements: counter.statements, schemas: body.data.schemas.edges.length };
    };
    const addSchema = async (i: number) => {
      const { id } = await create(owner, `Batch ${i}`);
      await h.gql(owner, `mutation($id: ID!, $e: String!) { addMember(schemaId: $id, email: $e, role: VIEWER) { __typename } }`, { id, e: member.email });
      await h.gql(owner, `mutation($id: ID!) { startExport(schemaId: $id, format: CSV, rowCount: 5) { __typename } }`, { id });
    };
    try {
      await addSchema(0);
      const one = await statementsFor();
      for (let i = 1; i < 6; i++) await addSchema(i);
      const six = await statementsFor();
      expect([one.schemas, six.schemas]).toEqual([1, 6]);
      expect(six.statements).toBe(one.statements);
      expect(six.statements).toBeLessThanOrEqual(6);
    } finally {
      await app.stop();
    }
  });
});
