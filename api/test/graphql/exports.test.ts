import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_DEFINITION, DEFINITION, EXPORT_RESULT, PARENT_CHILD_DEFINITION, result } from './fixtures.js';
import { startHarness, type Harness, type TestUser } from './harness.js';

let h: Harness;
let alice: TestUser;
let bob: TestUser;
let eve: TestUser;
let schemaId: string;

const EXPORT_FIELDS = `id status format rowCount seed attempt options schema { id } owner { id }
  progress { rowsDone rowCount rowsTotal fraction } downloadUrl events { seq status message }`;
const START = `mutation($schemaId: ID, $definition: JSON, $rowCount: Int!, $tableRows: [TableRows!], $seed: String, $format: ExportFormat!, $options: JSON) {
  startExport(schemaId: $schemaId, definition: $definition, format: $format, rowCount: $rowCount, tableRows: $tableRows, seed: $seed, options: $options) {
    ${EXPORT_RESULT} ... on ExportPayload { export { ${EXPORT_FIELDS} } } } }`;
const DELETE = `mutation($id: ID!) { deleteExport(id: $id) { ${EXPORT_RESULT} ... on DeleteExportPayload { deletedId } } }`;
const BY_ID = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { ${EXPORT_RESULT} ... on ExportPayload { export { ${EXPORT_FIELDS} } } } }`;

beforeAll(async () => {
  h = await startHarness({ TDG_MAX_EXPORT_ROWS: '1000', TDG_MAX_RUNNING_EXPORTS: '2', TDG_MAX_PREVIEW_ROWS: '20' });
  [alice, bob, eve] = [await h.signUp('alice'), await h.signUp('bob'), await h.signUp('eve')];
  const created = await h.gql(alice, `mutation($d: JSON!) { createSchema(name: "Exported", definition: $d) { ... on SchemaPayload { schema { id } } } }`, {
    d: DEFINITION,
  });
  schemaId = created.data.createSchema.schema.id;
  await h.gql(alice, `mutation($id: ID!, $email: String!) { addMember(schemaId: $id, email: $email, role: VIEWER) { __typename } }`, {
    id: schemaId,
    email: bob.email,
  });
});
afterAll(() => h?.close());

async function start(user: TestUser, variables: Record<string, unknown>) {
  const { data, errors } = await h.gql(user, START, { format: 'CSV', rowCount: 100, ...variables });
  expect(errors).toBeUndefined();
  return data.startExport;
}

describe('startExport', () => {
  it('queues a pending export with its payload, seed and first event', async () => {
    const result = await start(alice, { schemaId, seed: 'fixed-seed', options: { delimiter: ';' } });
    expect(result.__typename).toBe('ExportPayload');
    expect(result.export).toMatchObject({
      status: 'PENDING',
      format: 'CSV',
      rowCount: 100,
      seed: 'fixed-seed',
      attempt: 0,
      options: { delimiter: ';' },
      schema: { id: schemaId },
      owner: { id: alice.id },
      progress: { rowsDone: 0, rowCount: 100, rowsTotal: 100, fraction: 0 },
      downloadUrl: null,
      events: [{ seq: expect.any(Number), status: 'PENDING', message: 'queued' }],
    });
    const [row] = await h.app.db.asService((tx) => tx.query<any>('select job_payload from generator_exports where id = $1', [result.export.id]));
    expect(row.job_payload).toEqual({
      definition: { ...DEFINITION, referenceDate: expect.any(String) },
      format: 'CSV',
      options: { delimiter: ';' },
      seed: 'fixed-seed',
      rowCount: 100,
      rowsTotal: 100,
    });
    await h.gql(alice, BY_ID('cancelExport'), { id: result.export.id });
  });

  it('counts the rows of all tables in its progress, children per parent included', async () => {
    // 50 customers with 3 orders each: 200 rows, of which rowCount is the per-table 50
    const { export: started } = await start(alice, { definition: PARENT_CHILD_DEFINITION, rowCount: 50 });
    expect(started.progress).toEqual({ rowsDone: 0, rowCount: 50, rowsTotal: 200, fraction: 0 });
    await h.app.db.asService((tx) => tx.query(`update generator_exports set rows_done = 150 where id = $1::uuid`, [started.id]));
    const { data } = await h.gql(alice, `query($id: ID!) { export(id: $id) { progress { rowsDone rowsTotal fraction } } }`, { id: started.id });
    expect(data.export.progress).toEqual({ rowsDone: 150, rowsTotal: 200, fraction: 0.75 });
    await h.gql(alice, BY_ID('cancelExport'), { id: started.id });
  });

  it('takes a row count per table (tableRows), the others rowCount, and refuses names of no table', async () => {
    const twoTables = { version: 1, tables: [DEFINITION.tables[0], { ...DEFINITION.tables[0], name: 'suppliers' }] };
    const { export: started } = await start(alice, { definition: twoTables, rowCount: 40, tableRows: [{ table: 'customers', rows: 7 }] });
    expect(started.progress).toMatchObject({ rowCount: 40, rowsTotal: 47 });
    const [row] = await h.app.db.asService((tx) => tx.query<any>('select job_payload from generator_exports where id = $1', [started.id]));
    expect(row.job_payload.tableRows).toEqual({ customers: 7 });
    await h.gql(alice, BY_ID('cancelExport'), { id: started.id });
    const before = await h.rowCount('generator_exports');
    const refused = await start(alice, {
      definition: twoTables,
      rowCount: 1,
      tableRows: [
        { table: 'nope', rows: 1 },
        { table: 'customers', rows: -1 },
      ],
    });
    expect(refused.problems).toEqual([
      { path: 'tableRows[0].table', message: 'no table "nope" (tables: customers, suppliers)' },
      { path: 'tableRows[1].rows', message: 'must be a whole number from 0 to 1000 (got -1)' },
    ]);
    expect(await start(alice, { definition: twoTables, rowCount: 1, tableRows: [{ table: 'customers', rows: 1000 }] })).toMatchObject({
      __typename: 'LimitError',
      limit: 1000,
      requested: 1001,
    });
    expect(await h.rowCount('generator_exports')).toBe(before);
  });

  it('answers bad input with typed errors and writes nothing', async () => {
    const before = [await h.rowCount('generator_exports'), await h.rowCount('generator_export_events')];
    expect(await start(alice, { schemaId, rowCount: 1001 })).toMatchObject({ __typename: 'LimitError', limit: 1000, requested: 1001 });
    // the limit counts rows over all tables: 300 customers bring 900 orders
    expect(await start(alice, { definition: PARENT_CHILD_DEFINITION, rowCount: 300 })).toMatchObject({
      __typename: 'LimitError',
      limit: 1000,
      requested: 1200,
    });
    expect(await start(alice, { schemaId, rowCount: 0 })).toMatchObject({ __typename: 'ValidationError', problems: [{ path: 'rowCount' }] });
    expect(await start(alice, { schemaId, definition: DEFINITION })).toMatchObject({ __typename: 'ValidationError', problems: [{ path: 'schemaId' }] });
    expect(await start(alice, {})).toMatchObject({ __typename: 'ValidationError' });
    expect(await start(alice, { schemaId, options: [1, 2] })).toMatchObject({ __typename: 'ValidationError', problems: [{ path: 'options' }] });
    const broken = await start(alice, { definition: BROKEN_DEFINITION });
    expect(broken.__typename).toBe('ValidationError');
    expect(broken.problems.map((p: any) => p.path)).toContain('tables[0].fields[1].type');
    for (const id of [randomUUID(), 'nope']) expect(await start(alice, { schemaId: id })).toMatchObject({ __typename: 'NotFoundError', id });
    // eve cannot export alice's schema: the same answer as for an unknown id
    expect(await start(eve, { schemaId })).toMatchObject({ __typename: 'NotFoundError', message: `schema ${schemaId} not found` });
    expect([await h.rowCount('generator_exports'), await h.rowCount('generator_export_events')]).toEqual(before);
  });

  it('limits exports queued or running per user', async () => {
    const user = await h.signUp('busy');
    const first = await start(user, { definition: DEFINITION });
    const second = await start(user, { definition: DEFINITION });
    expect([first.__typename, second.__typename]).toEqual(['ExportPayload', 'ExportPayload']);
    expect(await start(user, { definition: DEFINITION })).toMatchObject({ __typename: 'LimitError', limit: 2 });
    await h.gql(user, BY_ID('cancelExport'), { id: first.export.id });
    expect((await start(user, { definition: DEFINITION })).__typename).toBe('ExportPayload');
  });
});

describe('cancel, retry, delete', () => {
  it('cancels once, retries with the same payload and seed, deletes only finished exports', async () => {
    const started = (await start(alice, { definition: DEFINITION, format: 'NDJSON', rowCount: 7 })).export;
    expect((await h.gql(alice, DELETE, { id: started.id })).data.deleteExport.__typename).toBe('ConflictError');
    expect((await h.gql(alice, BY_ID('retryExport'), { id: started.id })).data.retryExport.__typename).toBe('ConflictError');

    const cancelled = (await h.gql(alice, BY_ID('cancelExport'), { id: started.id })).data.cancelExport;
    expect(cancelled.export.status).toBe('CANCELLED');
    expect((await h.gql(alice, BY_ID('cancelExport'), { id: started.id })).data.cancelExport.__typename).toBe('ConflictError');

    const retried = (await h.gql(alice, BY_ID('retryExport'), { id: started.id })).data.retryExport.export;
    expect(retried.id).not.toBe(started.id);
    expect(retried).toMatchObject({ status: 'PENDING', seed: started.seed, format: 'NDJSON', rowCount: 7, attempt: 0 });
    const payloads = await h.app.db.asService((tx) =>
      tx.query<any>('select job_payload from generator_exports where id = any($1::uuid[]) order by created_at', [[started.id, retried.id]]),
    );
    expect(payloads[1].job_payload).toEqual(payloads[0].job_payload);
    await h.gql(alice, BY_ID('cancelExport'), { id: retried.id });

    expect((await h.gql(eve, DELETE, { id: started.id })).data.deleteExport.__typename).toBe('NotFoundError');
    expect((await h.gql(alice, DELETE, { id: started.id })).data.deleteExport).toEqual({ __typename: 'DeleteExportPayload', deletedId: started.id });
    expect((await h.gql(alice, `query($id: ID!) { export(id: $id) { id } }`, { id: started.id })).data.export).toBeNull();
  });

  it('keeps other users out: strangers see nothing, members of the schema cannot act on it', async () => {
    const started = (await start(alice, { schemaId })).export;
    const GET = `query($id: ID!) { export(id: $id) { id status } }`;
    expect((await h.gql(eve, GET, { id: started.id })).data.export).toBeNull();
    for (const op of ['cancelExport', 'retryExport']) {
      expect((await h.gql(eve, BY_ID(op), { id: started.id })).data[op]).toMatchObject({ __typename: 'NotFoundError', id: started.id });
      // bob may read exports of a schema shared with him, but not act on them
      expect(['ForbiddenError', 'NotFoundError']).toContain((await h.gql(bob, BY_ID(op), { id: started.id })).data[op].__typename);
    }
    const list = await h.gql(eve, `{ exports { edges { node { id } } } }`);
    expect(list.data.exports.edges).toEqual([]);
    expect((await h.gql(alice, GET, { id: started.id })).data.export.status).toBe('PENDING');
    await h.gql(alice, BY_ID('cancelExport'), { id: started.id });
  });

  it('lists exports by status and schema, newest first', async () => {
    const user = await h.signUp('lister');
    const a = (await start(user, { definition: DEFINITION })).export.id;
    const b = (await start(user, { definition: DEFINITION })).export.id;
    await h.gql(user, BY_ID('cancelExport'), { id: a });
    const LIST = `query($status: ExportStatus) { exports(status: $status, first: 10) { edges { node { id status } } } }`;
    expect((await h.gql(user, LIST, {})).data.exports.edges.map((e: any) => e.node.id)).toEqual([b, a]);
    expect((await h.gql(user, LIST, { status: 'CANCELLED' })).data.exports.edges.map((e: any) => e.node.id)).toEqual([a]);
    const bySchema = await h.gql(alice, `query($s: ID!) { exports(schemaId: $s) { edges { node { schema { id } } } } }`, { s: schemaId });
    expect(bySchema.data.exports.edges.length).toBeGreaterThan(0);
    expect(bySchema.data.exports.edges.every((e: any) => e.node.schema.id === schemaId)).toBe(true);
    const nested = await h.gql(alice, `query($s: ID!) { schema(id: $s) { exports { id schema { id } } } }`, { s: schemaId });
    expect(nested.data.schema.exports.length).toBe(bySchema.data.exports.edges.length);
  });
});

describe('previewRows and fieldTypes', () => {
  const PREVIEW = `query($d: JSON!, $rows: Int) { previewRows(definition: $d, seed: "s", rows: $rows) {
    ${result('ValidationError', 'LimitError')} ... on PreviewPayload { tables { table columns rows } } } }`;

  it('previews rows deterministically within the limit', async () => {
    const { data } = await h.gql(alice, PREVIEW, { d: DEFINITION, rows: 5 });
    const [table] = data.previewRows.tables;
    expect(table.table).toBe('customers');
    expect(table.columns).toEqual(['id', 'contact_email']);
    expect(table.rows).toHaveLength(5);
    for (const row of table.rows) expect(row[1]).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect((await h.gql(alice, PREVIEW, { d: DEFINITION, rows: 5 })).data).toEqual(data);
  });

  it("reports the preview's rows: per table its rows, per column its statistics, per rule its checks", async () => {
    const REPORT = `query($d: JSON!) { previewRows(definition: $d, seed: "s", rows: 4) { ... on PreviewPayload {
      tables { table rows } report { summary { rules checked violations } tables { name rows columns { name kind distinct histogram { count } } } rules { kind checked violations } } } } }`;
    const { data } = await h.gql(alice, REPORT, { d: PARENT_CHILD_DEFINITION });
    const { tables, report } = data.previewRows;
    expect(report.tables.map((t: any) => [t.name, t.rows])).toEqual(tables.map((t: any) => [t.table, t.rows.length]));
    expect(report.tables[0].columns.map((c: any) => c.name)).toEqual(['id', 'contact_email']);
    expect(report.tables[0].columns[0].distinct).toBe(4);
    // orders.customer_id points at customers.id: checked on each of the 4 preview rows, and kept
    expect(report.rules).toContainEqual({ kind: 'FOREIGN_KEY', checked: 4, violations: 0 });
    expect(report.summary).toMatchObject({ rules: report.rules.length, violations: 0 });
  });

  it('answers too many rows with LimitError and a broken definition with ValidationError', async () => {
    expect((await h.gql(alice, PREVIEW, { d: DEFINITION, rows: 21 })).data.previewRows).toMatchObject({ __typename: 'LimitError', limit: 20, requested: 21 });
    const broken = (await h.gql(alice, PREVIEW, { d: BROKEN_DEFINITION })).data.previewRows;
    expect(broken.__typename).toBe('ValidationError');
    expect(broken.problems.map((p: any) => p.path)).toContain('tables[0].fields[1].type');
  });

  it('lists the field type catalog with option schemas, and searches it', async () => {
    const all = (await h.gql(alice, '{ fieldTypes { id group description kind options example } }')).data.fieldTypes;
    expect(all.length).toBeGreaterThan(5);
    expect(all.find((type: any) => type.id === 'internet.email')).toMatchObject({
      kind: 'text',
      options: expect.any(Object),
      example: expect.stringContaining('@'),
    });
    const found = (await h.gql(alice, '{ fieldTypes(search: "email") { id } }')).data.fieldTypes.map((type: any) => type.id);
    expect(found).toContain('internet.email');
    expect(found.length).toBeLessThan(all.length);
  });
});
