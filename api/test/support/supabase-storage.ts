// A stand-in for Supabase Storage that speaks the HTTP endpoints storage-js and TUS clients call:
// /storage/v1/bucket, /object/{bucket}/{path} (POST/PUT/GET/HEAD), DELETE /object/{bucket},
// /object/list/{bucket}, /object/sign/{bucket}/{path} (sign + signed GET) and
// /upload/resumable (TUS 1.0.0 create / PATCH / HEAD). Objects live in memory.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StorageStandIn {
  url: string;
  serviceRoleKey: string;
  objects: Map<string, Buffer>;
  buckets: Map<string, { public: boolean }>;
  requests: { method: string; path: string }[];
  /** The next request whose `METHOD path` matches fails with the status. */
  failNext(pattern: RegExp, status?: number): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const notFound = (response: ServerResponse) => json(response, 404, { statusCode: '404', error: 'not_found', message: 'Object not found' });

export async function startStorageStandIn(serviceRoleKey = 'service-role-key'): Promise<StorageStandIn> {
  const objects = new Map<string, Buffer>();
  const buckets = new Map<string, { public: boolean }>();
  const signed = new Map<string, { key: string; expires: number }>();
  const uploads = new Map<string, { key: string; length: number; parts: Buffer[]; offset: number }>();
  const requests: { method: string; path: string }[] = [];
  const failures: { pattern: RegExp; status: number }[] = [];

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      // a client that aborts its upload mid-body ends up here; answer if the socket is still there
      if (!response.headersSent && !response.destroyed) json(response, 500, { statusCode: '500', error: 'stand-in', message: error.message });
    });
  });
  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url!, 'http://stand-in');
    const path = decodeURIComponent(url.pathname);
    const method = request.method!;
    requests.push({ method, path });
    const failure = failures.findIndex((f) => f.pattern.test(`${method} ${path}`));
    if (failure >= 0) {
      const [{ status }] = failures.splice(failure, 1);
      await readBody(request);
      return json(response, status, { statusCode: String(status), error: 'injected', message: `injected failure ${status}` });
    }
    const signedRead = path.match(/^\/storage\/v1\/object\/sign\/(.+)$/);
    if (signedRead && method === 'GET') {
      const grant = signed.get(url.searchParams.get('token') ?? '');
      if (!grant || grant.key !== signedRead[1]) return json(response, 400, { statusCode: '400', error: 'InvalidJWT', message: 'invalid signature' });
      if (grant.expires < Date.now()) return json(response, 400, { statusCode: '400', error: 'InvalidJWT', message: 'jwt expired' });
      const body = objects.get(grant.key);
      if (!body) return notFound(response);
      const download = url.searchParams.get('download');
      return response
        .writeHead(200, {
          'content-length': body.length,
          ...(download !== null ? { 'content-disposition': `attachment; filename="${download || grant.key.split('/').pop()}"` } : {}),
        })
        .end(body);
    }
    if (request.headers.authorization !== `Bearer ${serviceRoleKey}`) {
      await readBody(request);
      return json(response, 403, { statusCode: '403', error: 'Unauthorized', message: 'invalid key' });
    }
    const body = await readBody(request);

    if (path === '/storage/v1/bucket' && method === 'POST') {
      const { name, public: isPublic } = JSON.parse(body.toString()) as { name: string; public: boolean };
      if (buckets.has(name)) return json(response, 409, { statusCode: '409', error: 'Duplicate', message: 'The resource already exists' });
      buckets.set(name, { public: isPublic });
      return json(response, 200, { name });
    }
    const sign = path.match(/^\/storage\/v1\/object\/sign\/(.+)$/);
    if (sign && method === 'POST') {
      if (!objects.has(sign[1])) return notFound(response);
      const { expiresIn } = JSON.parse(body.toString()) as { expiresIn: number };
      const token = randomUUID();
      signed.set(token, { key: sign[1], expires: Date.now() + expiresIn * 1000 });
      return json(response, 200, { signedURL: `/object/sign/${sign[1]}?token=${token}` });
    }
    const list = path.match(/^\/storage\/v1\/object\/list\/([^/]+)$/);
    if (list && method === 'POST') {
      const { prefix, limit, offset } = JSON.parse(body.toString()) as { prefix: string; limit: number; offset: number };
      const start = `${list[1]}/${prefix ? `${prefix.replace(/\/$/, '')}/` : ''}`;
      const entries = new Map<string, { name: string; id: string | null; metadata: { size: number } | null }>();
      for (const [key, value] of objects) {
        if (!key.startsWith(start)) continue;
        const [name, ...rest] = key.slice(start.length).split('/');
        entries.set(name, rest.length ? { name, id: null, metadata: null } : { name, id: randomUUID(), metadata: { size: value.length } });
      }
      const sorted = [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
      return json(response, 200, sorted.slice(offset, offset + limit));
    }
    const bucketOnly = path.match(/^\/storage\/v1\/object\/([^/]+)$/);
    if (bucketOnly && method === 'DELETE') {
      const { prefixes } = JSON.parse(body.toString()) as { prefixes: string[] };
      const removed = prefixes.filter((p) => objects.delete(`${bucketOnly[1]}/${p}`));
      return json(
        response,
        200,
        removed.map((name) => ({ name })),
      );
    }
    const object = path.match(/^\/storage\/v1\/object\/([^/]+)\/(.+)$/);
    if (object) {
      const key = `${object[1]}/${object[2]}`;
      if (!buckets.has(object[1])) return json(response, 404, { statusCode: '404', error: 'Bucket not found', message: 'Bucket not found' });
      if (method === 'POST' || method === 'PUT') {
        if (objects.has(key) && method === 'POST' && request.headers['x-upsert'] !== 'true') {
          return json(response, 409, { statusCode: '409', error: 'Duplicate', message: 'The resource already exists' });
        }
        objects.set(key, body);
        return json(response, 200, { Id: randomUUID(), Key: key });
      }
      const stored = objects.get(key);
      if (!stored) return method === 'HEAD' ? response.writeHead(400).end() : notFound(response);
      if (method === 'HEAD') return response.writeHead(200, { 'content-length': stored.length }).end();
      if (method === 'GET') return response.writeHead(200, { 'content-length': stored.length }).end(stored);
    }
    if (path === '/storage/v1/upload/resumable' && method === 'POST') {
      const metadata = Object.fromEntries(
        String(request.headers['upload-metadata'] ?? '')
          .split(',')
          .map((pair) => pair.trim().split(' '))
          .map(([k, v]) => [k, Buffer.from(v ?? '', 'base64').toString()]),
      );
      if (!metadata.bucketName || !metadata.objectName || !buckets.has(metadata.bucketName)) {
        return json(response, 400, { statusCode: '400', error: 'invalid', message: 'bucketName/objectName missing or unknown bucket' });
      }
      const id = randomUUID();
      uploads.set(id, { key: `${metadata.bucketName}/${metadata.objectName}`, length: Number(request.headers['upload-length']), parts: [], offset: 0 });
      return response.writeHead(201, { location: `/storage/v1/upload/resumable/${id}`, 'tus-resumable': '1.0.0' }).end();
    }
    const resumable = path.match(/^\/storage\/v1\/upload\/resumable\/(.+)$/);
    if (resumable) {
      const upload = uploads.get(resumable[1]);
      if (!upload) return response.writeHead(404).end();
      if (method === 'HEAD') return response.writeHead(200, { 'upload-offset': upload.offset, 'upload-length': upload.length }).end();
      if (method === 'PATCH') {
        if (Number(request.headers['upload-offset']) !== upload.offset) return response.writeHead(409).end();
        upload.parts.push(body);
        upload.offset += body.length;
        if (upload.offset === upload.length) objects.set(upload.key, Buffer.concat(upload.parts));
        return response.writeHead(204, { 'upload-offset': upload.offset, 'tus-resumable': '1.0.0' }).end();
      }
    }
    json(response, 404, { statusCode: '404', error: 'no route', message: `stand-in has no route ${method} ${path}` });
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    serviceRoleKey,
    objects,
    buckets,
    requests,
    failNext(pattern, status = 500) {
      failures.push({ pattern, status });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
