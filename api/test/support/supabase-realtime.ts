// A stand-in for Supabase Realtime speaking the wire protocol realtime-js 2.x uses: Phoenix
// channels over a websocket at /realtime/v1/websocket?apikey=…&vsn=2.0.0, text frames
// `[join_ref, ref, topic, event, payload]`; phx_join with `config.postgres_changes` answered by
// phx_reply carrying server-assigned ids, heartbeats on topic `phoenix`, access_token, phx_leave,
// and `postgres_changes` pushes `{ ids, data: { schema, table, type, record, columns, ... } }`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

type Message = [string | null, string | null, string, string, Record<string, any>];

interface Binding {
  id: number;
  event: string;
  schema: string;
  table?: string;
  filter?: string;
}

interface Joined {
  socket: WebSocket;
  topic: string;
  joinRef: string | null;
  bindings: Binding[];
}

export interface RealtimeStandIn {
  url: string;
  apiKey: string;
  /** Open channels with postgres_changes bindings. */
  readonly channels: number;
  heartbeats: number;
  /** Pushes an INSERT of `record` to every channel bound to it. */
  insert(schema: string, table: string, record: Record<string, unknown>, columns?: { name: string; type: string }[]): void;
  /** Drops every socket (the client reconnects and joins again). */
  dropConnections(): void;
  /** The next joins are refused with this reason. */
  refuseJoins(reason: string | null): void;
  close(): Promise<void>;
}

export async function startRealtimeStandIn(apiKey = 'service-role-key'): Promise<RealtimeStandIn> {
  const server = createServer((_request, response) => response.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  const joined = new Map<string, Joined>(); // by socket-id + topic
  const sockets = new Set<WebSocket>();
  let nextId = 1;
  let refusal: string | null = null;
  const state = { heartbeats: 0 };

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url!, 'http://stand-in');
    if (url.pathname !== '/realtime/v1/websocket' || url.searchParams.get('apikey') !== apiKey) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws) => {
    sockets.add(ws);
    const socketId = String(nextId++);
    const send = (message: Message) => ws.send(JSON.stringify(message));
    ws.on('close', () => {
      sockets.delete(ws);
      for (const [key, channel] of joined) if (channel.socket === ws) joined.delete(key);
    });
    ws.on('message', (data) => {
      const [joinRef, ref, topic, event, payload] = JSON.parse(String(data)) as Message;
      const reply = (status: 'ok' | 'error', response: Record<string, unknown> = {}) => send([joinRef, ref, topic, 'phx_reply', { status, response }]);
      if (topic === 'phoenix' && event === 'heartbeat') {
        state.heartbeats++;
        return reply('ok');
      }
      if (event === 'phx_join') {
        if (refusal) return reply('error', { reason: refusal });
        const requested = (payload.config?.postgres_changes ?? []) as Omit<Binding, 'id'>[];
        const bindings = requested.map((binding) => ({ ...binding, id: nextId++ }));
        joined.set(`${socketId}:${topic}`, { socket: ws, topic, joinRef, bindings });
        reply('ok', { postgres_changes: bindings });
        send([
          joinRef,
          null,
          topic,
          'system',
          { channel: topic.replace(/^realtime:/, ''), extension: 'postgres_changes', message: 'Subscribed to PostgreSQL', status: 'ok' },
        ]);
        return;
      }
      if (event === 'phx_leave') {
        joined.delete(`${socketId}:${topic}`);
        return reply('ok');
      }
      if (event === 'access_token') return;
      reply('error', { reason: `stand-in does not handle ${event}` });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    get channels() {
      return [...joined.values()].filter((channel) => channel.bindings.length > 0).length;
    },
    get heartbeats() {
      return state.heartbeats;
    },
    set heartbeats(value: number) {
      state.heartbeats = value;
    },
    insert(schema, table, record, columns) {
      const cols = columns ?? Object.keys(record).map((name) => ({ name, type: 'text' }));
      for (const channel of joined.values()) {
        const ids = channel.bindings
          .filter(
            (b) => (b.event === '*' || b.event === 'INSERT') && (b.schema === '*' || b.schema === schema) && (!b.table || b.table === '*' || b.table === table),
          )
          .map((b) => b.id);
        if (ids.length === 0) continue;
        const data = { schema, table, commit_timestamp: new Date().toISOString(), type: 'INSERT', record, columns: cols, errors: null };
        channel.socket.send(JSON.stringify([null, null, channel.topic, 'postgres_changes', { ids, data }]));
      }
    },
    dropConnections() {
      for (const socket of sockets) socket.terminate();
    },
    refuseJoins(reason) {
      refusal = reason;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}
