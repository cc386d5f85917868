// The embedded default: `tdg serve` runs an export worker in its own process, so an export started
// through GraphQL finishes with no other process, and its downloadUrl serves the file.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type TestUser } from '../graphql/harness.js';

const START = `mutation($definition: JSON!) {
  startExport(definition: $definition, format: CSV, rowCount: 2500, seed: "embedded") {
    __typename ... on Error { message } ... on ExportPayload { export { id } } } }`;

/** Follows exportProgress over SSE (yoga's own transport) until the stream completes. */
async function statusesOverSse(h: Harness, user: TestUser, exportId: string): Promise<string[]> {
  const response = await h.app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${user.token}` },
    body: JSON.stringify({ query: 'subscription($id: ID!) { exportProgress(exportId: $id) { status } }', variables: { id: exportId } }),
  });
  const text = await response.text(); // the server ends the stream after the terminal event
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)))
    .filter((message) => message.data)
    .map((message) => message.data.exportProgress.status);
}

describe('tdg serve on the embedded default', () => {
  let h: Harness;
  let alice: TestUser;
  beforeAll(async () => {
    h = await startHarness({ TDG_IN_PROCESS_WORKERS: '1' });
    alice = await h.signUp('alice');
  });
  afterAll(() => h?.close());

  it('runs an export to SUCCEEDED in-process, and downloadUrl serves its rows', async () => {
    const definition = {
      version: 1,
      tables: [
        {
          name: 'people',
          rows: 10,
          fields: [
            { name: 'id', type: 'string.uuid' },
            { name: 'name', type: 'person.fullName' },
          ],
        },
      ],
    };
    const { data } = await h.gql(alice, START, { definition });
    expect(data.startExport.__typename).toBe('ExportPayload');
    const id = data.startExport.export.id;
    const statuses = await statusesOverSse(h, alice, id);
    expect(statuses[0]).toBe('PENDING');
    expect(statuses).toContain('RUNNING');
    expect(statuses.at(-1)).toBe('SUCCEEDED');

    const { data: after } = await h.gql(alice, 'query($id: ID!) { export(id: $id) { status downloadUrl } }', { id });
    expect(after.export.status).toBe('SUCCEEDED');
    const file = await h.app.yoga.fetch(after.export.downloadUrl);
    expect(file.status).toBe(200);
    const parsed = Papa.parse<string[]>(await file.text(), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(['id', 'name']);
    expect(parsed.data).toHaveLength(2501);
    expect(new Set(parsed.data.slice(1).map((row) => row[0])).size).toBe(2500);
  });
});
