// Sessions are rows, and the API honours their end: after logout, a password change, a refresh-token
// replay or the user's deletion, the session's access tokens are refused over HTTP, SSE and graphql-ws.
// Sessions ended by this process are refused at once (the cache is told), so nothing here waits.
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { insertEvent } from '../../src/exports/store.js';
import { DEFINITION } from '../graphql/fixtures.js';
import { startHarness, type Harness } from '../graphql/harness.js';
import { authClient, STRONG_PASSWORD, type AuthClient, type SessionAnswer } from './auth-http.js';

let h: Harness;
let url: string;
let auth: AuthClient;
let n = 0;
const email = (name: string) => `${name}.${Date.now()}.${++n}@example.com`;

beforeAll(async () => {
  h = await startHarness();
  url = await h.app.start();
  auth = authClient(url);
});
afterAll(() => h?.close());

async function signUp(): Promise<{ email: string; first: SessionAnswer }> {
  const address = email('user');
  const answer = await auth.signUp(address);
  expect(answer.status).toBe(200);
  return { email: address, first: answer.body };
}

async function signIn(address: string, password = STRONG_PASSWORD): Promise<SessionAnswer> {
  const answer = await auth.signIn(address, password);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Status and UNAUTHENTICATED reason of `{ viewer { id } }` with `token`. */
async function viewer(token: string) {
  const answer = await auth.viewer(token);
  return { status: answer.status, id: answer.body.data?.viewer?.id, reason: answer.body.errors?.[0]?.extensions?.reason };
}

const MY_EXPORTS = 'subscription { myExports { exportId } }';

/** The first thing a graphql-ws subscription with `token` hears: an error (with close code) or that it is live. */
async function wsSubscribe(token: string): Promise<{ code?: number; errors?: unknown; live?: boolean }> {
  const client = createWsClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
  try {
    return await new Promise((resolve) => {
      client.on('connected', () => {
        // myExports stays open with no events: once connected and subscribed without an error, it is live
        setImmediate(() => resolve({ live: true }));
      });
      client.subscribe(
        { query: MY_EXPORTS },
        {
          next: (result) => resolve({ errors: (result as { errors?: unknown }).errors }),
          error: (error) => resolve({ code: (error as { code?: number }).code, errors: Array.isArray(error) ? error : undefined }),
          complete: () => resolve({}),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/** HTTP status of an SSE subscription request with `token` (the stream is dropped at once). */
async function sseStatus(token: string): Promise<number> {
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: MY_EXPORTS }),
    signal: controller.signal,
  });
  controller.abort();
  return response.status;
}

describe('logout', () => {
  it('refuses the signed-out session at once over HTTP, SSE and graphql-ws, and keeps the other sessions', async () => {
    const { email: address } = await signUp();
    const a = await signIn(address);
    const b = await signIn(address);
    expect(await viewer(a.access_token)).toMatchObject({ status: 200 }); // now cached as live
    expect(await wsSubscribe(a.access_token)).toEqual({ live: true });
    expect(await sseStatus(a.access_token)).toBe(200);

    expect((await auth.logout(a.access_token, 'local')).status).toBe(204);
    expect(await viewer(a.access_token)).toEqual({ status: 401, id: undefined, reason: 'session_not_found' });
    expect(await sseStatus(a.access_token)).toBe(401);
    expect(await wsSubscribe(a.access_token)).toMatchObject({ code: 4403 });
    expect((await auth.refresh(a.refresh_token)).status).toBe(400);

    expect(await viewer(b.access_token)).toMatchObject({ status: 200 });
    expect(await wsSubscribe(b.access_token)).toEqual({ live: true });
    // a global logout ends every session of the user
    expect((await auth.logout(b.access_token)).status).toBe(204);
    expect(await viewer(b.access_token)).toMatchObject({ status: 401, reason: 'session_not_found' });
  });

  it('stops an open graphql-ws connection from subscribing once its session ended', async () => {
    const { first } = await signUp();
    const client = createWsClient({
      url: `${url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${first.access_token}` },
      retryAttempts: 0,
      lazy: true,
    });
    try {
      // a query over the socket: the connection is open and its session was live
      const before = await new Promise((resolve, reject) =>
        client.subscribe({ query: '{ viewer { id } }' }, { next: resolve, error: reject, complete: () => undefined }),
      );
      expect(before).toEqual({ data: { viewer: { id: first.user.id } } });
      expect((await auth.logout(first.access_token)).status).toBe(204);
      const outcome = await new Promise<{ data?: unknown; failed?: boolean }>((resolve) =>
        client.subscribe(
          { query: MY_EXPORTS },
          {
            next: (result) => resolve(result.errors ? { failed: true } : { data: result.data }),
            error: () => resolve({ failed: true }),
            complete: () => resolve({}),
          },
        ),
      );
      expect(outcome).toEqual({ failed: true });
    } finally {
      await client.dispose();
    }
  });
});

describe('open subscriptions', () => {
  const PROGRESS = 'subscription($id: ID!) { exportProgress(exportId: $id) { status message } }';

  it('end with an UNAUTHENTICATED error at the next event once their session has ended', async () => {
    const { first } = await signUp();
    const other = await signIn(first.user.email);
    const started = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${first.access_token}` },
      body: JSON.stringify({
        query: `mutation($d: JSON!) { startExport(definition: $d, format: CSV, rowCount: 5) { ... on ExportPayload { export { id } } } }`,
        variables: { d: DEFINITION },
      }),
    });
    const exportId = (await started.json()).data.startExport.export.id;
    const follow = (token: string) => {
      const client = createWsClient({
        url: `${url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { Authorization: `Bearer ${token}` },
        retryAttempts: 0,
      });
      const seen: unknown[] = [];
      let live!: () => void;
      const replayed = new Promise<void>((resolve) => (live = resolve));
      const finished = new Promise<void>((resolve, reject) =>
        client.subscribe(
          { query: PROGRESS, variables: { id: exportId } },
          {
            next: (result) => {
              seen.push(result.errors ? { reason: (result.errors[0] as any).extensions?.reason } : (result.data as any).exportProgress.message);
              live();
            },
            error: reject,
            complete: resolve,
          },
        ),
      );
      return { client, seen, replayed, finished };
    };
    const ending = follow(first.access_token);
    const staying = follow(other.access_token);
    try {
      await Promise.all([ending.replayed, staying.replayed]); // the stored "queued" event: both are live
      expect((await auth.logout(first.access_token, 'local')).status).toBe(204);
      await h.app.db.asService((tx) => insertEvent(tx, exportId, 'RUNNING', 'chunk 1', { rowsDone: 2 }));
      await ending.finished;
      expect(ending.seen).toEqual(['queued', { reason: 'session_not_found' }]);
      await h.app.db.asService((tx) => insertEvent(tx, exportId, 'SUCCEEDED', 'done', { rowsDone: 5 }));
      await staying.finished;
      expect(staying.seen).toEqual(['queued', 'chunk 1', 'done']);
    } finally {
      await Promise.all([ending.client.dispose(), staying.client.dispose()]);
    }
  });
});

describe('password change', () => {
  it("ends the user's other sessions, as GoTrue does, and keeps the one that made the change", async () => {
    const { email: address } = await signUp();
    const changer = await signIn(address);
    const other = await signIn(address);
    expect(await viewer(other.access_token)).toMatchObject({ status: 200 });

    expect((await auth.updateUser(changer.access_token, { password: STRONG_PASSWORD })).body).toMatchObject({ code: 'same_password' });
    expect((await auth.updateUser(changer.access_token, { password: '123456' })).body).toMatchObject({ code: 'weak_password' });
    expect(await viewer(other.access_token)).toMatchObject({ status: 200 });

    const changed = await auth.updateUser(changer.access_token, { password: 'amber-quarry-whistle-77' });
    expect(changed.status).toBe(200);
    expect(await viewer(other.access_token)).toMatchObject({ status: 401, reason: 'session_not_found' });
    expect(await wsSubscribe(other.access_token)).toMatchObject({ code: 4403 });
    expect((await auth.refresh(other.refresh_token)).status).toBe(400);
    expect(await viewer(changer.access_token)).toMatchObject({ status: 200 });

    expect((await auth.signIn(address)).body).toMatchObject({ code: 'invalid_credentials' });
    await signIn(address, 'amber-quarry-whistle-77');
  });
});

describe('refresh token rotation', () => {
  it('ends the whole session when a rotated refresh token is replayed: its newer tokens stop working too', async () => {
    const { email: address } = await signUp();
    const t0 = await signIn(address);
    const t1 = (await auth.refresh(t0.refresh_token)).body as SessionAnswer;
    const t2 = (await auth.refresh(t1.refresh_token)).body as SessionAnswer;
    expect(new Set([t0.refresh_token, t1.refresh_token, t2.refresh_token]).size).toBe(3);
    expect(await viewer(t2.access_token)).toMatchObject({ status: 200 });
    const elsewhere = await signIn(address);

    // t0's successor t1 is not the live token any more: this is a stolen copy
    const replay = await auth.refresh(t0.refresh_token);
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ code: 'refresh_token_already_used', msg: 'Invalid Refresh Token: Already Used' });
    expect((await auth.refresh(t2.refresh_token)).status).toBe(400);
    for (const token of [t0, t1, t2]) expect(await viewer(token.access_token)).toMatchObject({ status: 401, reason: 'session_not_found' });
    // other sessions of the user are not the thief's
    expect(await viewer(elsewhere.access_token)).toMatchObject({ status: 200 });
    const rows = await h.app.db.asService((tx) =>
      tx.query(`select 1 from auth.refresh_tokens where token = any($1::text[])`, [[t0.refresh_token, t1.refresh_token, t2.refresh_token]]),
    );
    expect(rows).toHaveLength(0);
  });

  it('hands a client that lost the answer its live token back, once, within the reuse interval', async () => {
    const { email: address } = await signUp();
    const t0 = await signIn(address);
    const t1 = (await auth.refresh(t0.refresh_token)).body as SessionAnswer;
    const retried = await auth.refresh(t0.refresh_token);
    expect(retried.status).toBe(200);
    expect(retried.body.refresh_token).toBe(t1.refresh_token);
    expect(await viewer(retried.body.access_token)).toMatchObject({ status: 200 });
  });
});

describe('user deletion', () => {
  it("refuses a deleted user's tokens (its sessions go with the row)", async () => {
    const { first } = await signUp();
    await h.app.db.asService((tx) => tx.query(`delete from auth.users where id = $1`, [first.user.id]));
    expect(await viewer(first.access_token)).toMatchObject({ status: 401, reason: 'session_not_found' });
    expect((await auth.refresh(first.refresh_token)).status).toBe(400);
  });
});
