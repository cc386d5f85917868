// With Supabase Storage, Export.downloadUrl is still the API's checked link: when used, the export
// is read as the user it was given to, then answered with a redirect to a signed Storage URL that
// lives a minute. A member removed from the schema, or a deleted export, gets 404 at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type RunningWorker } from '../../src/jobs/index.js';
import { createSupabaseStorage } from '../../src/storage/supabase.js';
import { eventsUntilEnd, readObject } from '../jobs/helpers.js';
import { startStorageStandIn, type StorageStandIn } from '../support/supabase-storage.js';
import { DEFINITION, EXPORT_RESULT, RESULT } from './fixtures.js';
import { startHarness, type Harness, type TestUser } from './harness.js';

let standIn: StorageStandIn;
let h: Harness;
let worker: RunningWorker;
let owner: TestUser;
let viewer: TestUser;
let schemaId: string;
let exportId: string;

beforeAll(async () => {
  standIn = await startStorageStandIn();
  h = await startHarness({}, { storage: await createSupabaseStorage({ url: standIn.url, serviceRoleKey: standIn.serviceRoleKey }) });
  [owner, viewer] = [await h.signUp('owner'), await h.signUp('viewer')];
  const created = await h.gql(owner, `mutation($d: JSON!) { createSchema(name: "Shared", definition: $d) { ... on SchemaPayload { schema { id } } } }`, {
    d: DEFINITION,
  });
  schemaId = created.data.createSchema.schema.id;
  await h.gql(owner, `mutation($id: ID!, $email: String!) { addMember(schemaId: $id, email: $email, role: VIEWER) { __typename } }`, {
    id: schemaId,
    email: viewer.email,
  });
  worker = await startWorker({ db: h.app.db, storage: h.app.storage, leaseMs: 2_000, idlePollMs: 100 });
  const started = await h.gql(
    owner,
    `mutation($id: ID!) { startExport(schemaId: $id, format: CSV, rowCount: 20) { ${EXPORT_RESULT} ... on ExportPayload { export { id } } } }`,
    { id: schemaId },
  );
  exportId = started.data.startExport.export.id;
  expect((await eventsUntilEnd(h.app.db, h.app.pubsub.events, owner.id, exportId)).at(-1)?.status).toBe('SUCCEEDED');
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
  await standIn?.close();
});

async function linkOf(user: TestUser): Promise<string> {
  const { data } = await h.gql(user, `query($id: ID!) { export(id: $id) { downloadUrl } }`, { id: exportId });
  return data.export.downloadUrl;
}

describe('download links with Supabase Storage', () => {
  it('a reader’s link is checked, then redirected to a short-lived signed Storage URL serving the file', async () => {
    const link = await linkOf(viewer);
    expect(link).toMatch(/^http:\/\/localhost:\d+\/downloads\//);
    const answer = await h.app.yoga.fetch(link, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    const location = answer.headers.get('location')!;
    expect(location.startsWith(standIn.url)).toBe(true);
    const [row] = await h.app.db.asService((tx) => tx.query<{ result_path: string }>(`select result_path from generator_exports where id = $1`, [exportId]));
    const file = await fetch(location);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(await readObject(h.app.storage, row.result_path));
  });

  it('removal from the schema and deletion of the export end the links at once', async () => {
    const viewerLink = await linkOf(viewer);
    const ownerLink = await linkOf(owner);
    const removed = await h.gql(owner, `mutation($id: ID!, $user: ID!) { removeMember(schemaId: $id, userId: $user) { ${RESULT} } }`, {
      id: schemaId,
      user: viewer.id,
    });
    expect(removed.data.removeMember.__typename).toBe('RemoveMemberPayload');
    expect((await h.app.yoga.fetch(viewerLink, { redirect: 'manual' })).status).toBe(404);
    expect((await h.app.yoga.fetch(ownerLink, { redirect: 'manual' })).status).toBe(302);

    await h.gql(owner, `mutation($id: ID!) { deleteExport(id: $id) { __typename } }`, { id: exportId });
    expect((await h.app.yoga.fetch(ownerLink, { redirect: 'manual' })).status).toBe(404);
    expect([...standIn.objects.keys()].filter((key) => key.includes(exportId))).toEqual([]);
  });
});
