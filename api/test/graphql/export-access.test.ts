// Who sees which export of a shared schema, and its download link (docs/access.md), through the
// real API with a real worker: the starter always; for an export of a schema, whoever can read the
// schema now (owner, editor, viewer), read-only; the event log and cancel/retry/delete only the
// starter. Links are checked when used: removal from the schema or deletion of the export ends them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type RunningWorker } from '../../src/jobs/index.js';
import { folderOf } from '../../src/jobs/run-export.js';
import { eventsUntilEnd, readObject } from '../jobs/helpers.js';
import { DEFINITION, EXPORT_RESULT, RESULT } from './fixtures.js';
import { startHarness, type Harness, type TestUser } from './harness.js';

let h: Harness;
let worker: RunningWorker;
let owner: TestUser;
let editor: TestUser;
let viewer: TestUser;
let stranger: TestUser;
let schemaId: string;
/** Exports of the schema started by the owner and by the editor, and the editor's ad-hoc one. */
const ids = { byOwner: '', byEditor: '', adHoc: '' };

const START = `mutation($schemaId: ID, $definition: JSON) {
  startExport(schemaId: $schemaId, definition: $definition, format: CSV, rowCount: 20, seed: "access") {
    ${EXPORT_RESULT} ... on ExportPayload { export { id } } } }`;
const LIST = `query { exports(first: 50) { edges { node { id canManage owner { id } } } } }`;
const ONE = `query($id: ID!) { export(id: $id) { id status canManage downloadUrl events { seq status } } }`;
const ACT = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { ${EXPORT_RESULT} } }`;

async function startExport(user: TestUser, variables: Record<string, unknown>): Promise<string> {
  const { data, errors } = await h.gql(user, START, variables);
  expect(errors).toBeUndefined();
  expect(data.startExport.__typename).toBe('ExportPayload');
  const id = data.startExport.export.id as string;
  const events = await eventsUntilEnd(h.app.db, h.app.pubsub.events, user.id, id);
  expect(events.at(-1)?.status).toBe('SUCCEEDED');
  return id;
}

async function seen(user: TestUser): Promise<Record<string, boolean>> {
  const { data, errors } = await h.gql(user, LIST);
  expect(errors).toBeUndefined();
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return Object.fromEntries(data.exports.edges.filter((edge: any) => names[edge.node.id]).map((edge: any) => [names[edge.node.id], edge.node.canManage]));
}

async function linkOf(user: TestUser, id: string): Promise<string> {
  const { data, errors } = await h.gql(user, ONE, { id });
  expect(errors).toBeUndefined();
  expect(data.export?.downloadUrl).toMatch(/\/downloads\/[\w-]+\.[\w-]+$/);
  return data.export.downloadUrl;
}

const download = (url: string, method = 'GET') => h.app.yoga.fetch(url, { method });

async function fileOf(id: string): Promise<Buffer> {
  const [row] = await h.app.db.asService((tx) => tx.query<{ result_path: string }>(`select result_path from generator_exports where id = $1`, [id]));
  return readObject(h.app.storage, row.result_path);
}

beforeAll(async () => {
  h = await startHarness();
  [owner, editor, viewer, stranger] = [await h.signUp('owner'), await h.signUp('editor'), await h.signUp('viewer'), await h.signUp('stranger')];
  const created = await h.gql(owner, `mutation($d: JSON!) { createSchema(name: "Shared", definition: $d) { ... on SchemaPayload { schema { id } } } }`, {
    d: DEFINITION,
  });
  schemaId = created.data.createSchema.schema.id;
  for (const [user, role] of [
    [editor, 'EDITOR'],
    [viewer, 'VIEWER'],
  ] as const) {
    const added = await h.gql(
      owner,
      `mutation($id: ID!, $email: String!, $role: MemberRole!) { addMember(schemaId: $id, email: $email, role: $role) { __typename } }`,
      {
        id: schemaId,
        email: user.email,
        role,
      },
    );
    expect(added.data.addMember.__typename).toBe('MemberPayload');
  }
  worker = await startWorker({ db: h.app.db, storage: h.app.storage, leaseMs: 2_000, idlePollMs: 100 });
  ids.byOwner = await startExport(owner, { schemaId });
  ids.byEditor = await startExport(editor, { schemaId });
  ids.adHoc = await startExport(editor, { definition: DEFINITION });
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
});

describe('export visibility by role', () => {
  it('the starter always; the schema owner, editors and viewers see its exports; canManage only for the starter', async () => {
    expect(await seen(owner)).toEqual({ byOwner: true, byEditor: false });
    expect(await seen(editor)).toEqual({ byOwner: false, byEditor: true, adHoc: true });
    expect(await seen(viewer)).toEqual({ byOwner: false, byEditor: false });
    expect(await seen(stranger)).toEqual({});
    expect((await h.gql(stranger, ONE, { id: ids.byOwner })).data.export).toBeNull();
    // an ad-hoc export belongs to no schema: only its starter sees it
    expect((await h.gql(owner, ONE, { id: ids.adHoc })).data.export).toBeNull();
  });

  it('the event log is the starter’s: readers of the schema see the export, not its events', async () => {
    const mine = await h.gql(editor, ONE, { id: ids.byEditor });
    expect(mine.data.export.events.at(-1)).toMatchObject({ status: 'SUCCEEDED' });
    for (const reader of [owner, viewer]) {
      const theirs = await h.gql(reader, ONE, { id: ids.byEditor });
      expect(theirs.data.export).toMatchObject({ status: 'SUCCEEDED', canManage: false, events: [] });
    }
  });

  it('every reader’s download link serves the file; HEAD answers without a body; a tampered link is refused', async () => {
    const bytes = await fileOf(ids.byOwner);
    expect(bytes.length).toBeGreaterThan(0);
    for (const reader of [owner, editor, viewer]) {
      const response = await download(await linkOf(reader, ids.byOwner));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="tdg-export-[0-9a-f]{8}\.csv"/);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    }
    const link = await linkOf(viewer, ids.byOwner);
    const head = await download(link, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
    const [payload, signature] = link.slice(link.lastIndexOf('/') + 1).split('.');
    // the viewer's link re-signed for the stranger would need the key: a swapped payload fails the signature
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, u: stranger.id })).toString('base64url');
    expect((await download(`${link.slice(0, link.lastIndexOf('/'))}/${forged}.${signature}`)).status).toBe(403);
    expect((await download(`${link.slice(0, link.lastIndexOf('/'))}/not-a-token`)).status).toBe(403);
    expect((await download(link, 'POST')).status).toBe(405);
  });

  it('only the starter cancels, retries or deletes: readers get ForbiddenError, strangers NotFoundError', async () => {
    for (const action of ['retryExport', 'deleteExport']) {
      for (const reader of [owner, viewer]) {
        const answer = await h.gql(reader, ACT(action), { id: ids.byEditor });
        expect(answer.errors).toBeUndefined();
        expect(answer.data[action].__typename).toBe('ForbiddenError');
      }
      const answer = await h.gql(stranger, ACT(action), { id: ids.byEditor });
      expect(answer.data[action].__typename).toBe('NotFoundError');
    }
    expect((await h.gql(viewer, ACT('cancelExport'), { id: ids.byOwner })).data.cancelExport.__typename).toBe('ForbiddenError');
  });
});

describe('links are checked when used', () => {
  it('a member removed from the schema loses its exports and links at once; an export they started stays theirs but cannot be re-run', async () => {
    const viewerLink = await linkOf(viewer, ids.byOwner);
    const editorLinkToOwners = await linkOf(editor, ids.byOwner);
    const editorLinkToOwn = await linkOf(editor, ids.byEditor);
    const ownerLinkToEditors = await linkOf(owner, ids.byEditor);
    expect((await download(viewerLink)).status).toBe(200);

    const remove = `mutation($id: ID!, $user: ID!) { removeMember(schemaId: $id, userId: $user) { ${RESULT} } }`;
    expect((await h.gql(owner, remove, { id: schemaId, user: viewer.id })).data.removeMember.__typename).toBe('RemoveMemberPayload');
    expect((await download(viewerLink)).status).toBe(404);
    expect(await seen(viewer)).toEqual({});

    expect((await h.gql(owner, remove, { id: schemaId, user: editor.id })).data.removeMember.__typename).toBe('RemoveMemberPayload');
    expect((await download(editorLinkToOwners)).status).toBe(404);
    expect(await seen(editor)).toEqual({ byEditor: true, adHoc: true });
    expect((await download(editorLinkToOwn)).status).toBe(200);
    // the owner still reads the export an editor made of the schema
    expect((await download(ownerLinkToEditors)).status).toBe(200);

    const retried = await h.gql(editor, `mutation($id: ID!) { retryExport(id: $id) { ${EXPORT_RESULT} } }`, { id: ids.byEditor });
    expect(retried.errors).toBeUndefined();
    expect(retried.data.retryExport).toMatchObject({ __typename: 'NotFoundError', id: schemaId });
  });

  it('signing out ends the links made for that session; a new sign-in gets working ones', async () => {
    const session = await h.signUp('leaver');
    const started = await startExport(session, { definition: DEFINITION });
    const link = await linkOf(session, started);
    expect((await download(link)).status).toBe(200);
    const out = await h.app.yoga.fetch('http://localhost/auth/v1/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, apikey: 'local-anon-key' },
    });
    expect(out.status).toBeLessThan(300);
    expect((await download(link)).status).toBe(403);
    const signIn = await h.app.yoga.fetch('http://localhost/auth/v1/token?grant_type=password', {
      method: 'POST',
      headers: { 'content-type': 'application/json', apikey: 'local-anon-key' },
      body: JSON.stringify({ email: session.email, password: 'password-123' }),
    });
    const { access_token } = (await signIn.json()) as { access_token: string };
    expect((await download(await linkOf({ ...session, token: access_token }, started))).status).toBe(200);
  });

  it('deleteExport removes the row, the file and its chunk parts, and the links die with them', async () => {
    const [row] = await h.app.db.asService((tx) => tx.query<{ owner_id: string }>(`select owner_id from generator_exports where id = $1`, [ids.byOwner]));
    const folder = folderOf(row.owner_id, ids.byOwner);
    // chunk parts a crash left behind are the export's files too
    await h.app.storage.put(
      `${folder}/chunks/000001.bytes`,
      (async function* () {
        yield Buffer.from('left over');
      })(),
    );
    const link = await linkOf(owner, ids.byOwner);
    expect((await h.app.storage.list(folder)).length).toBe(2);

    const deleted = await h.gql(owner, `mutation($id: ID!) { deleteExport(id: $id) { ${EXPORT_RESULT} ... on DeleteExportPayload { deletedId } } }`, {
      id: ids.byOwner,
    });
    expect(deleted.data.deleteExport).toMatchObject({ __typename: 'DeleteExportPayload', deletedId: ids.byOwner });
    expect(await h.app.storage.list(folder)).toEqual([]);
    expect((await download(link)).status).toBe(404);
    expect((await h.gql(owner, ONE, { id: ids.byOwner })).data.export).toBeNull();
  });
});
