// withNoDelay: postgres.js connects through it to each host of a URL in turn, to a Unix socket
// path, and (with TDG_TEST_DATABASE_URL) runs queries and a COPY through it.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { withNoDelay } from './no-delay.js';
import { testServerUrl } from '../../test/support/database.js';

type Connect = (options: { host: string[]; port: number[]; path?: string | false }) => net.Socket;

/** A server that records the first bytes each connection sends, then closes it. */
async function listener(address: number | string): Promise<{ server: net.Server; seen: string[]; where: number | string }> {
  const seen: string[] = [];
  const server = net.createServer((socket) => socket.once('data', (data) => (seen.push(data.toString()), socket.end())));
  server.listen(address);
  await once(server, 'listening');
  const bound = server.address();
  return { server, seen, where: typeof bound === 'object' && bound ? bound.port : address };
}

async function send(socket: net.Socket, text: string): Promise<void> {
  socket.write(text);
  await once(socket, 'close');
}

const dir = mkdtempSync(join(tmpdir(), 'tdg-no-delay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withNoDelay', () => {
  it('keeps the options it is given and adds a socket', () => {
    const options = withNoDelay({ max: 1 }) as { max: number; socket?: unknown };
    expect(options.max).toBe(1);
    expect(typeof options.socket).toBe('function');
  });

  it('connects to the hosts of a multi-host URL in turn', async () => {
    const a = await listener(0);
    const b = await listener(0);
    try {
      const connect = (withNoDelay({}) as { socket: Connect }).socket;
      const options = { host: ['127.0.0.1', '127.0.0.1'], port: [a.where as number, b.where as number] };
      for (const text of ['first', 'second', 'third']) await send(connect(options), text);
      expect(a.seen).toEqual(['first', 'third']);
      expect(b.seen).toEqual(['second']);
    } finally {
      a.server.close();
      b.server.close();
    }
  });

  it('connects to a Unix socket path as it is', async () => {
    const path = join(dir, '.s.PGSQL.5432');
    const unix = await listener(path);
    try {
      const connect = (withNoDelay({}) as { socket: Connect }).socket;
      await send(connect({ host: ['ignored'], port: [1], path }), 'hello');
      expect(unix.seen).toEqual(['hello']);
    } finally {
      unix.server.close();
    }
  });

  it.skipIf(!testServerUrl)('carries postgres.js queries and a COPY to the server', async () => {
    const sql = postgres(testServerUrl!, withNoDelay({ max: 1, onnotice: () => {} }));
    try {
      await sql.begin(async (tx) => {
        await tx.unsafe('create temp table t (n int)');
        const writable = await tx.unsafe('copy t (n) from stdin').writable();
        writable.end('1\n2\n3\n');
        await once(writable, 'finish');
        const [row] = await tx.unsafe<{ n: number }[]>('select sum(n)::int as n from t');
        expect(row!.n).toBe(6);
      });
    } finally {
      await sql.end();
    }
  });
});
