import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalStorage, type LocalStorage } from './local.js';
import { StorageError, type ExportStorage } from './port.js';
import { createSupabaseStorage } from './supabase.js';
import { startStorageStandIn, type StorageStandIn } from '../../test/support/supabase-storage.js';

async function* bytesOf(...parts: (string | Uint8Array)[]) {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part;
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

let dataDir: string;
let standIn: StorageStandIn;
const adapters: Record<string, () => Promise<ExportStorage>> = {
  local: () => createLocalStorage({ dataDir, publicUrl: 'http://api.test' }),
  supabase: () => createSupabaseStorage({ url: standIn.url, serviceRoleKey: standIn.serviceRoleKey }),
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tdg-storage-'));
  standIn = await startStorageStandIn();
});
afterAll(async () => {
  await standIn.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe.each(Object.keys(adapters))('%s storage', (kind) => {
  it('stores a streamed object and reads back the same bytes', async () => {
    const storage = await adapters[kind]();
    const random = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256));
    const stored = await storage.put('owner-1/export-1/export.csv', bytesOf('id,name\n', random, 'tail'));
    expect(stored.bytes).toBe(8 + random.length + 4);
    expect(await readAll(await storage.get('owner-1/export-1/export.csv'))).toEqual(Buffer.concat([Buffer.from('id,name\n'), random, Buffer.from('tail')]));
    expect(await storage.exists('owner-1/export-1/export.csv')).toBe(true);
    expect(await storage.exists('owner-1/export-1/other.csv')).toBe(false);
  });

  it('removes a folder with everything below it, and nothing beside it', async () => {
    const storage = await adapters[kind]();
    await storage.put('o/e2/chunks/t-0.part', bytesOf('a'));
    await storage.put('o/e2/chunks/t-1.part', bytesOf('b'));
    await storage.put('o/e2/export.csv', bytesOf('c'));
    await storage.put('o/e3/export.csv', bytesOf('d'));
    await storage.remove('o/e2');
    expect(await storage.exists('o/e2/chunks/t-0.part')).toBe(false);
    expect(await storage.exists('o/e2/export.csv')).toBe(false);
    expect(await storage.exists('o/e3/export.csv')).toBe(true);
    await storage.remove('o/never-there');
  });

  it('rejects a missing object with STORAGE_NOT_FOUND and a path escaping the root with STORAGE_BAD_PATH', async () => {
    const storage = await adapters[kind]();
    await expect(storage.get('nobody/nothing.csv')).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' });
    await expect(storage.put('../escape.csv', bytesOf('x'))).rejects.toMatchObject({ code: 'STORAGE_BAD_PATH' });
    await expect(storage.get('a//b')).rejects.toBeInstanceOf(StorageError);
  });

  it('an aborted put leaves no object behind', async () => {
    const storage = await adapters[kind]();
    const controller = new AbortController();
    async function* slow() {
      yield Buffer.from('first part\n');
      controller.abort(new Error('cancelled'));
      yield Buffer.from('second part\n');
    }
    await expect(storage.put('o/aborted/export.csv', slow(), { signal: controller.signal })).rejects.toThrow();
    expect(await storage.exists('o/aborted/export.csv')).toBe(false);
  });

  it('gives a download URL that serves the file until it expires', async () => {
    const storage = await adapters[kind]();
    await storage.put('o/e4/export.csv', bytesOf('id\n1\n2\n'));
    const url = await storage.downloadUrl('o/e4/export.csv', { expiresAt: new Date(Date.now() + 60_000), fileName: 'people.csv' });
    const response = kind === 'local' ? await (storage as LocalStorage).handleDownload(new Request(url)) : await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('people.csv');
    expect(await response.text()).toBe('id\n1\n2\n');
  });
});

describe('local download tokens', () => {
  it('refuses a tampered token with 403, an expired one with 410, and a removed file with 404', async () => {
    const storage = await createLocalStorage({ dataDir });
    await storage.put('o/e5/export.csv', bytesOf('x'));
    const token = storage.signDownload('o/e5/export.csv', new Date(Date.now() + 60_000));
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ p: 'o/e3/export.csv', e: 9_999_999_999 })).toString('base64url');
    expect((await storage.handleDownload(new Request(`http://x/downloads/${forged}.${signature}`))).status).toBe(403);
    expect((await storage.handleDownload(new Request(`http://x/downloads/${payload}`))).status).toBe(403);
    const expired = storage.signDownload('o/e5/export.csv', new Date(Date.now() - 1000));
    expect((await storage.handleDownload(new Request(`http://x/downloads/${expired}`))).status).toBe(410);
    expect(() => storage.verifyDownload(token, new Date(Date.now() + 120_000))).toThrow(/expired/);
    await storage.remove('o/e5');
    expect((await storage.handleDownload(new Request(`http://x/downloads/${token}`))).status).toBe(404);
  });

  it('two storages on one data directory share the signing key; another directory does not', async () => {
    const one = await createLocalStorage({ dataDir });
    const two = await createLocalStorage({ dataDir });
    const token = one.signDownload('o/e6/export.csv', new Date(Date.now() + 60_000));
    expect(two.verifyDownload(token).path).toBe('o/e6/export.csv');
    const elsewhere = await mkdtemp(join(tmpdir(), 'tdg-storage-other-'));
    const three = await createLocalStorage({ dataDir: elsewhere });
    expect(() => three.verifyDownload(token)).toThrow(/signature/);
    await rm(elsewhere, { recursive: true, force: true });
  });

  it('keeps files under <dataDir>/exports and no partial file after a failed write', async () => {
    const storage = await createLocalStorage({ dataDir });
    async function* failing() {
      yield Buffer.from('part');
      throw new Error('engine blew up');
    }
    await expect(storage.put('o/e7/export.csv', failing())).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    expect(await readdir(join(dataDir, 'exports', 'o', 'e7'))).toEqual([]);
  });
});

describe('supabase storage specifics', () => {
  it('creates the private bucket generator-exports', async () => {
    await createSupabaseStorage({ url: standIn.url, serviceRoleKey: standIn.serviceRoleKey });
    expect(standIn.buckets.get('generator-exports')).toEqual({ public: false });
  });

  it('uploads a large object of known size resumably (TUS) and resumes after a failed PATCH', async () => {
    const storage = await createSupabaseStorage({ url: standIn.url, serviceRoleKey: standIn.serviceRoleKey, resumableAbove: 1000 });
    const body = Buffer.alloc(15 * 1024 * 1024, 'x');
    standIn.failNext(/^PATCH \/storage\/v1\/upload\/resumable\//, 502);
    const before = standIn.requests.length;
    await storage.put('o/big/export.csv', bytesOf(body.subarray(0, 1000), body.subarray(1000)), { size: body.length });
    const patches = standIn.requests.slice(before).filter((r) => r.method === 'PATCH');
    expect(patches.length).toBe(4); // 6 + 6 + 3 MiB, one retried
    expect(standIn.objects.get('generator-exports/o/big/export.csv')?.equals(body)).toBe(true);
  });

  it('turns a server error into STORAGE_FAILED naming the path', async () => {
    const storage = await createSupabaseStorage({ url: standIn.url, serviceRoleKey: standIn.serviceRoleKey });
    standIn.failNext(/^POST \/storage\/v1\/object\/generator-exports\/o\/broken/, 500);
    await expect(storage.put('o/broken/export.csv', bytesOf('x'))).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
      message: expect.stringContaining('o/broken/export.csv'),
    });
  });

  it('is refused with a wrong service key', async () => {
    await expect(createSupabaseStorage({ url: standIn.url, serviceRoleKey: 'wrong' })).rejects.toBeInstanceOf(StorageError);
  });
});

const live = process.env.SUPABASE_URL && process.env.SUPABASE_SERVICE_ROLE_KEY;
describe('live Supabase Storage', () => {
  it.runIf(live)('round-trips an object and signs a URL', async () => {
    const storage = await createSupabaseStorage({ url: process.env.SUPABASE_URL!, serviceRoleKey: process.env.SUPABASE_SERVICE_ROLE_KEY! });
    const path = `tdg-live-test/${Date.now()}/export.csv`;
    await storage.put(path, bytesOf('id\n1\n'));
    expect((await readAll(await storage.get(path))).toString()).toBe('id\n1\n');
    const response = await fetch(await storage.downloadUrl(path, { expiresAt: new Date(Date.now() + 60_000) }));
    expect(await response.text()).toBe('id\n1\n');
    await storage.remove(path.split('/').slice(0, 2).join('/'));
    expect(await storage.exists(path)).toBe(false);
  });
});
