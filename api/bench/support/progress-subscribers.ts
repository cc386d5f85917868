// graphql-ws subscribers of one export's `exportProgress`, for the jobs latency bench. Used in the
// API's process, or run as a child process (node --import tsx bench/support/progress-subscribers.ts)
// driven over IPC, so that client work is kept out of the API's figures. Receipt times use
// performance.timeOrigin + performance.now(), as the inserting process does.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface SubscriberSpec {
  wsUrl: string;
  token: string;
  exportId: string;
  count: number;
}

export interface SubscriberSet {
  /** How many subscriptions failed to connect (they are not waited for). */
  failures: number;
  /** Resolves with the latency (ms) of every receipt of the next live event, once all live subscribers have it. */
  nextEvent(): Promise<number[]>;
  dispose(): Promise<void>;
}

const PROGRESS = `subscription($id: ID!) { exportProgress(exportId: $id) { seq metadata } }`;

/** Opens `count` subscriptions, each on its own socket, and resolves once each has replayed the stored `pending` event. */
export async function openSubscribers(spec: SubscriberSpec): Promise<SubscriberSet> {
  const clients: Client[] = [];
  const bySeq = new Map<number, number[]>();
  let failures = 0;
  let waiting: { seq?: number; done: (samples: number[]) => void } | undefined;
  const settle = () => {
    const ready = [...bySeq].find(([, samples]) => samples.length >= spec.count - failures);
    if (!ready || !waiting) return;
    bySeq.delete(ready[0]);
    const { done } = waiting;
    waiting = undefined;
    done(ready[1]);
  };
  const connect = () =>
    new Promise<void>((live) => {
      const client = createClient({ url: spec.wsUrl, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${spec.token}` }, retryAttempts: 0 });
      clients.push(client);
      client.subscribe<{ exportProgress: { seq: number; metadata: { sentAt?: number } | null } }>(
        { query: PROGRESS, variables: { id: spec.exportId } },
        {
          next: ({ data }) => {
            const receivedAt = performance.timeOrigin + performance.now();
            const event = data?.exportProgress;
            // the replayed `pending` event: this subscriber is live
            if (event?.metadata?.sentAt === undefined) return live();
            let samples = bySeq.get(event.seq);
            if (!samples) bySeq.set(event.seq, (samples = []));
            samples.push(receivedAt - event.metadata.sentAt);
            settle();
          },
          error: () => {
            failures++;
            live();
          },
          complete: () => undefined,
        },
      );
    });
  // connect in groups, as browsers arrive, not 1,000 handshakes in the same millisecond
  for (let i = 0; i < spec.count; i += 50) await Promise.all(Array.from({ length: Math.min(50, spec.count - i) }, connect));
  return {
    get failures() {
      return failures;
    },
    nextEvent: () =>
      new Promise((done) => {
        waiting = { done };
        settle();
      }),
    dispose: async () => {
      await Promise.all(clients.map((client) => client.dispose()));
    },
  };
}

type Command = { type: 'open'; spec: SubscriberSpec } | { type: 'next' } | { type: 'dispose' };
type Report = { type: 'ready' } | { type: 'opened'; failures: number } | { type: 'event'; samples: number[] } | { type: 'disposed' };

/** The same subscribers, opened by a child process: the API's process does none of the client work. */
export async function openSubscribersInChild(spec: SubscriberSpec): Promise<SubscriberSet> {
  const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const reports: Report[] = [];
  let wake: (() => void) | undefined;
  child.on('message', (report: Report) => {
    reports.push(report);
    wake?.();
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`subscriber process exited with ${code}`))));
  exited.catch(() => undefined);
  async function next<T extends Report['type']>(type: T): Promise<Extract<Report, { type: T }>> {
    while (reports.length === 0) await Promise.race([new Promise<void>((resolve) => (wake = resolve)), exited]);
    const report = reports.shift()!;
    if (report.type !== type) throw new Error(`subscriber process: expected ${type}, got ${report.type}`);
    return report as Extract<Report, { type: T }>;
  }
  const send = (command: Command) => child.send(command);
  await next('ready');
  send({ type: 'open', spec });
  const { failures } = await next('opened');
  return {
    failures,
    async nextEvent() {
      send({ type: 'next' });
      return (await next('event')).samples;
    },
    async dispose() {
      send({ type: 'dispose' });
      await next('disposed');
      child.disconnect();
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
    },
  };
}

// as a child process: one command at a time from the parent, one report back for each
if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  let set: SubscriberSet | undefined;
  const reply = (report: Report) => process.send!(report);
  process.on('message', async (command: Command) => {
    if (command.type === 'open') {
      set = await openSubscribers(command.spec);
      reply({ type: 'opened', failures: set.failures });
    } else if (command.type === 'next') {
      reply({ type: 'event', samples: await set!.nextEvent() });
    } else {
      await set?.dispose();
      set = undefined;
      reply({ type: 'disposed' });
    }
  });
  process.on('disconnect', () => process.exit(0));
  reply({ type: 'ready' });
}
