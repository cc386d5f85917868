// postgres.js over TCP with Nagle's algorithm off, as libpq (psql, pg_restore) always opens it.
// postgres.js writes a COPY's data and its CopyDone in separate writes: with Nagle on, the
// CopyDone waited for the server to ACK the data, which Linux delays by 40 ms when it has nothing
// to send back — 40 ms per COPY, and per batch of pipelined statements (MusicBrainz, 375 tables:
// 41 s for 121,087 rows, 7 s with it off).
import net from 'node:net';

/** What postgres.js hands its `socket` option (its parsed options). */
interface SocketOptions {
  host: string[];
  port: number[];
  path?: string | false;
}

/**
 * postgres.js options with a `socket` that opens the connection with TCP_NODELAY; the hosts of a
 * multi-host URL are tried in turn as postgres.js does, a Unix socket path is used as is.
 */
export function withNoDelay<T extends object>(options: T): T {
  let next = 0;
  const socket = ({ host, port, path }: SocketOptions): net.Socket => {
    if (path) return net.connect(path);
    const k = next++ % host.length;
    const tcp = new net.Socket();
    tcp.setNoDelay(true);
    tcp.connect(port[k] ?? port[0]!, host[k]!);
    // postgres.js reads it for TLS' server name
    return Object.assign(tcp, { host: host[k] });
  };
  return { ...options, socket };
}
