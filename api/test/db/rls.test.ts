// The row level security matrix: owner / editor / viewer / stranger / anon / service_role against the
// four generator tables. Every case runs in a transaction that is rolled back, so cases are independent.
// Runs on PGlite, or on PostgreSQL when TDG_TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from '../../src/db/port.js';
import { sqlState } from '../../src/db/errors.js';
import { anonClaims, createTestDatabase, createTestUser, type TestDatabase, type TestUser } from '../support/database.js';

type Actor = 'owner' | 'editor' | 'viewer' | 'stranger' | 'anon' | 'service';
const actors: Actor[] = ['owner', 'editor', 'viewer', 'stranger', 'anon', 'service'];

/** rows: n rows returned/affected · denied: no privilege (42501) · rls: a policy's WITH CHECK refused the row (42501) */
type Outcome = { rows: number } | 'denied' | 'rls';
const rows = (n: number): Outcome => ({ rows: n });

let t: TestDatabase;
let db: Database;
const users = {} as Record<'owner' | 'editor' | 'viewer' | 'stranger', TestUser>;
let schemaId: string;
let exportId: string;
let adhocExportId: string;

class Rollback extends Error {
  constructor(readonly rows: unknown[]) {
    super('rollback');
  }
}

function userId(actor: Actor): string | null {
  return actor === 'anon' || actor === 'service' ? null : users[actor].id;
}

/** Runs `fn` as the actor and rolls back; resolves to what happened. */
async function attempt(actor: Actor, fn: (tx: Tx) => Promise<unknown[]>): Promise<Outcome> {
  const body = async (tx: Tx) => {
    throw new Rollback(await fn(tx));
  };
  try {
    if (actor === 'service') await db.asService(body);
    else await db.asUser(actor === 'anon' ? anonClaims : users[actor].claims, body);
    throw new Error('unreachable: the body always throws');
  } catch (error) {
    if (error instanceof Rollback) return rows(error.rows.length);
    if (sqlState(error) === '42501') {
      if (/row-level security/.test((error as Error).message)) return 'rls';
      if (/permission denied/.test((error as Error).message)) return 'denied';
    }
    throw error;
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  for (const name of ['owner', 'editor', 'viewer', 'stranger'] as const) users[name] = await createTestUser(db, `${name}-${Date.now()}@example.test`);
  await db.asService(async (tx) => {
    [{ id: schemaId }] = await tx.query<{ id: string }>(
      `insert into generator_schemas (owner_id, name, description, schema_definition) values ($1, 'Customers', 'people who buy', $2::jsonb) returning id`,
      [users.owner.id, JSON.stringify({ tables: [{ name: 'customers', fields: [] }] })],
    );
    await tx.query(`insert into generator_schema_members (schema_id, member_id, role) values ($1, $2, 'editor'), ($1, $3, 'viewer')`, [
      schemaId,
      users.editor.id,
      users.viewer.id,
    ]);
    [{ id: exportId }] = await tx.query<{ id: string }>(
      `insert into generator_exports (schema_id, owner_id, format, row_count) values ($1, $2, 'csv', 100) returning id`,
      [schemaId, users.owner.id],
    );
    [{ id: adhocExportId }] = await tx.query<{ id: string }>(
      `insert into generator_exports (owner_id, format, row_count) values ($1, 'json', 10) returning id`,
      [users.owner.id],
    );
    await tx.query(`insert into generator_export_events (export_id, status, message) values ($1, 'pending', 'queued')`, [exportId]);
  });
});
afterAll(() => t?.drop());

interface Case {
  op: string;
  run: (tx: Tx, actor: Actor) => Promise<unknown[]>;
  expect: Record<Actor, Outcome>;
}

const matrix: Record<string, Case[]> = {
  generator_schemas: [
    {
      op: 'select',
      run: (tx) => tx.query(`select id from generator_schemas where id = $1`, [schemaId]),
      expect: { owner: rows(1), editor: rows(1), viewer: rows(1), stranger: rows(0), anon: 'denied', service: rows(1) },
    },
    {
      op: 'insert (own)',
      run: (tx, actor) => tx.query(`insert into generator_schemas (owner_id, name) values ($1, 'mine') returning id`, [userId(actor) ?? users.owner.id]),
      expect: { owner: rows(1), editor: rows(1), viewer: rows(1), stranger: rows(1), anon: 'denied', service: rows(1) },
    },
    {
      op: 'insert (as someone else)',
      run: (tx) => tx.query(`insert into generator_schemas (owner_id, name) values ($1, 'forged') returning id`, [users.owner.id]),
      expect: { owner: rows(1), editor: 'rls', viewer: 'rls', stranger: 'rls', anon: 'denied', service: rows(1) },
    },
    {
      op: 'update',
      run: (tx) => tx.query(`update generator_schemas set name = 'Renamed' where id = $1 returning id`, [schemaId]),
      expect: { owner: rows(1), editor: rows(1), viewer: rows(0), stranger: rows(0), anon: 'denied', service: rows(1) },
    },
    {
      op: 'insert (forged version)',
      run: (tx, actor) =>
        tx.query(`insert into generator_schemas (owner_id, name, version) values ($1, 'v', 99) returning id`, [userId(actor) ?? users.owner.id]),
      expect: { owner: 'denied', editor: 'denied', viewer: 'denied', stranger: 'denied', anon: 'denied', service: rows(1) },
    },
    {
      op: 'update (is_shared, updated_at)',
      run: (tx) => tx.query(`update generator_schemas set is_shared = true, updated_at = now() where id = $1 returning id`, [schemaId]),
      expect: { owner: rows(1), editor: rows(1), viewer: rows(0), stranger: rows(0), anon: 'denied', service: rows(1) },
    },
    {
      op: 'update owner_id',
      run: (tx) => tx.query(`update generator_schemas set owner_id = $2 where id = $1 returning id`, [schemaId, users.editor.id]),
      expect: { owner: 'denied', editor: 'denied', viewer: 'denied', stranger: 'denied', anon: 'denied', service: rows(1) },
    },
    {
      op: 'delete',
      run: (tx) => tx.query(`delete from generator_schemas where id = $1 returning id`, [schemaId]),
      expect: { owner: rows(1), editor: rows(0), viewer: rows(0), stranger: rows(0), anon: 'denied', service: rows(1) },
    },
  ],
  generator_schema_members: [
    {
      op: 'select',
      run: (tx) => tx.query(`select member_id from generator_schema_members where schema_id = $1`, [schemaId]),
      expect: { owner: rows(2), editor: rows(1), viewer: rows(1), stranger: rows(0), anon: 'denied', service: rows(2) },
    },
    {
      op: 'insert',
      run: (tx) =>
        tx.query(`insert into generator_schema_members (schema_id, member_id, role) values ($1, $2, 'viewer') returning member_id`, [
          schemaId,
          users.stranger.id,
        ]),
      expect: { owner: rows(1), editor: 'rls', viewer: 'rls', stranger: 'rls', anon: 'denied', service: rows(1) },
    },
    {
      op: 'update role',
      run: (tx) =>
        tx.query(`update generator_schema_members set role = 'editor' where schema_id = $1 and member_id = $2 returning member_id`, [
          schemaId,
          users.viewer.id,
        ]),
      expect: { owner: rows(1), editor: rows(0), viewer: rows(0), stranger: rows(0), anon: 'denied', service: rows(1) },
    },
    {
      op: 'delete',
      run: (tx) => tx.query(`delete from generator_schema_members where schema_id = $1 and member_id = $2 returning member_id`, [schemaId, users.viewer.id]),
      expect: { owner: rows(1), editor: rows(0), viewer: rows(0), stranger: rows(0), anon: 'denied', service: rows(1) },
    },
  ],
  generator_exports: [
    {
      op: 'select',
      run: (tx) => tx.query(`select id from generator_exports where id = any($1::uuid[])`, [[exportId, adhocExportId]]),
      expect: { owner: rows(2), editor: rows(1), viewer: rows(1), stranger: rows(0), anon: 'denied', service: rows(2) },
    },
    {
      op: 'insert (pending, of the shared schema)',
      run: (tx, actor) =>
        tx.query(`insert into generator_exports (owner_id, schema_id, format, row_count) values ($1, $2, 'csv', 5) returning id`, [
          userId(actor) ?? users.owner.id,
          schemaId,
        ]),
      expect: { owner: rows(1), editor: rows(1), viewer: rows(1), stranger: 'rls', anon: 'denied', service: rows(1) },
    },
    {
      op: 'insert (ad-hoc)',
      run: (tx, actor) =>
        tx.query(`insert into generator_exports (owner_id, format, row_count) values ($1, 'ndjson', 5) returning id`, [userId(actor) ?? users.owner.id]),
      expect: { owner: rows(1), editor: rows(1), viewer: rows(1), stranger: rows(1), anon: 'denied', service: rows(1) },
    },
    {
      op: 'insert (status running)',
      run: (tx, actor) =>
        tx.query(`insert into generator_exports (owner_id, format, row_count, status) values ($1, 'csv', 5, 'running') returning id`, [
          userId(actor) ?? users.owner.id,
        ]),
      expect: { owner: 'rls', editor: 'rls', viewer: 'rls', stranger: 'rls', anon: 'denied', service: rows(1) },
    },
    {
      op: 'insert (for someone else)',
      run: (tx) => tx.query(`insert into generator_exports (owner_id, format, row_count) values ($1, 'csv', 5) returning id`, [users.owner.id]),
      expect: { owner: rows(1), editor: 'rls', viewer: 'rls', stranger: 'rls', anon: 'denied', service: rows(1) },
    },
    {
      op: 'insert (queue columns)',
      run: (tx, actor) =>
        tx.query(`insert into generator_exports (owner_id, format, row_count, attempt, rows_done) values ($1, 'csv', 5, 3, 5) returning id`, [
          userId(actor) ?? users.owner.id,
        ]),
      expect: { owner: 'denied', editor: 'denied', viewer: 'denied', stranger: 'denied', anon: 'denied', service: rows(1) },
    },
    {
      op: 'update status',
      run: (tx) => tx.query(`update generator_exports set status = 'running' where id = $1 returning id`, [exportId]),
      expect: { owner: 'denied', editor: 'denied', viewer: 'denied', stranger: 'denied', anon: 'denied', service: rows(1) },
    },
    {
      op: 'delete',
      run: (tx) => tx.query(`delete from generator_exports where id = $1 returning id`, [exportId]),
      expect: { owner: 'denied', editor: 'denied', viewer: 'denied', stranger: 'denied', anon: 'denied', service: rows(1) },
    },
  ],
  generator_export_events: [
    {
      op: 'select',
      run: (tx) => tx.query(`select id from generator_export_events where export_id = $1`, [exportId]),
      expect: { owner: rows(1), editor: rows(0), viewer: rows(0), stranger: rows(0), anon: 'denied', service: rows(1) },
    },
    {
      op: 'insert',
      run: (tx) => tx.query(`insert into generator_export_events (export_id, status) values ($1, 'running') returning id`, [exportId]),
      expect: { owner: 'denied', editor: 'denied', viewer: 'denied', stranger: 'denied', anon: 'denied', service: rows(1) },
    },
    {
      op: 'update',
      run: (tx) => tx.query(`update generator_export_events set message = 'edited' where export_id = $1 returning id`, [exportId]),
      expect: { owner: 'denied', editor: 'denied', viewer: 'denied', stranger: 'denied', anon: 'denied', service: rows(1) },
    },
    {
      op: 'delete',
      run: (tx) => tx.query(`delete from generator_export_events where export_id = $1 returning id`, [exportId]),
      expect: { owner: 'denied', editor: 'denied', viewer: 'denied', stranger: 'denied', anon: 'denied', service: rows(1) },
    },
  ],
};

describe(`row level security (${process.env.TDG_TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  for (const [table, cases] of Object.entries(matrix)) {
    describe(table, () => {
      for (const c of cases) {
        it.each(actors)(`${c.op} as %s`, async (actor) => {
          expect(await attempt(actor, (tx) => c.run(tx, actor))).toEqual(c.expect[actor]);
        });
      }
    });
  }

  it('the fixture is intact after the matrix (every case rolled back)', async () => {
    const [counts] = await t.admin.query<Record<string, number>>(
      `select (select count(*) from generator_schemas) as schemas, (select count(*) from generator_schema_members) as members,
              (select count(*) from generator_exports) as exports, (select count(*) from generator_export_events) as events`,
    );
    expect(counts).toEqual({ schemas: 1, members: 2, exports: 2, events: 1 });
  });
});

describe('cancel_generator_export', () => {
  const cancel = (tx: Tx, id: string) => tx.query<{ id: string; status: string; completed_at: Date | null }>(`select * from cancel_generator_export($1)`, [id]);

  it('lets the owner cancel a pending export, stamps completed_at and records an event', async () => {
    const outcome = await attempt('owner', async (tx) => {
      const [row] = await cancel(tx, exportId);
      expect(row.status).toBe('cancelled');
      expect(row.completed_at).toBeInstanceOf(Date);
      const events = await tx.query<{ status: string }>(`select status from generator_export_events where export_id = $1 order by seq`, [exportId]);
      expect(events.map((e) => e.status)).toEqual(['pending', 'cancelled']);
      return [row];
    });
    expect(outcome).toEqual(rows(1));
  });

  it.each(['editor', 'viewer', 'stranger'] as const)('tells %s the export does not exist (P0002)', async (actor) => {
    const error = await db.asUser(users[actor].claims, (tx) => cancel(tx, exportId)).catch((e) => e);
    expect(sqlState(error)).toBe('P0002');
  });

  it('is not callable by anon', async () => {
    expect(await attempt('anon', (tx) => cancel(tx, exportId))).toBe('denied');
  });

  it('returns a finished export unchanged', async () => {
    const outcome = await attempt('owner', async (tx) => {
      await tx.query(`select set_config('role', 'service_role', true)`);
      await tx.query(`update generator_exports set status = 'succeeded' where id = $1`, [exportId]);
      await tx.query(`select set_config('role', 'authenticated', true)`);
      const [row] = await cancel(tx, exportId);
      expect(row.status).toBe('succeeded');
      return [row];
    });
    expect(outcome).toEqual(rows(1));
  });
});

describe('find_user_id_by_email', () => {
  it('resolves an email, ignoring case and surrounding space, for a signed-in user', async () => {
    const [row] = await db.asUser(users.stranger.claims, (tx) =>
      tx.query<{ id: string | null }>(`select find_user_id_by_email($1) as id`, [`  ${users.viewer.email.toUpperCase()} `]),
    );
    expect(row.id).toBe(users.viewer.id);
  });

  it('returns null for an unknown email', async () => {
    const [row] = await db.asUser(users.owner.claims, (tx) => tx.query<{ id: string | null }>(`select find_user_id_by_email('nobody@example.test') as id`));
    expect(row.id).toBeNull();
  });

  it('is not callable by anon', async () => {
    expect(await attempt('anon', (tx) => tx.query(`select find_user_id_by_email($1)`, [users.owner.email]))).toBe('denied');
  });
});

describe('policy helpers', () => {
  it('report the caller role on a schema', async () => {
    const roles: Record<string, string | null> = {};
    for (const name of ['owner', 'editor', 'viewer', 'stranger'] as const) {
      const [row] = await db.asUser(users[name].claims, (tx) => tx.query<{ role: string | null }>(`select generator_schema_role($1) as role`, [schemaId]));
      roles[name] = row.role;
    }
    expect(roles).toEqual({ owner: 'owner', editor: 'editor', viewer: 'viewer', stranger: null });
  });

  it('are not callable by anon', async () => {
    expect(await attempt('anon', (tx) => tx.query(`select is_generator_schema_member($1)`, [schemaId]))).toBe('denied');
  });
});
