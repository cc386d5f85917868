// The link's token on its own: what is refused before any database read (a forged, malformed or
// expired token). What a valid token gets is decided under RLS; api/test/graphql/export-access.test.ts.
import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/port.js';
import type { ExportStorage } from '../storage/port.js';
import { createDownloadLinks, downloadFileName } from './download-links.js';

// a valid token reaches the database; these tests must never get that far
const unreachable = new Proxy({}, { get: () => () => Promise.reject(new Error('the database was asked')) }) as Database;
const links = (key = randomBytes(32), now = () => new Date()) => createDownloadLinks({ db: unreachable, storage: {} as ExportStorage, key, now });
const get = (path: string) => new Request(`http://api.test${path}`);

describe('download link tokens', () => {
  it('refuses any change to a token with 403, before reading the database', async () => {
    const made = links();
    const path = made.pathFor(randomUUID(), randomUUID(), new Date(Date.now() + 60_000), 'session-1');
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), async (at, letter) => {
        const token = path.slice('/downloads/'.length);
        const i = at % token.length;
        fc.pre(token[i] !== letter && token[i] !== '.');
        const changed = `${token.slice(0, i)}${letter}${token.slice(i + 1)}`;
        expect((await made.handle(get(`/downloads/${changed}`))).status).toBe(403);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a token signed with another key, a malformed one and one past its expiry', async () => {
    const exportId = randomUUID();
    const userId = randomUUID();
    const later = new Date(Date.now() + 60_000);
    expect((await links().handle(get(links().pathFor(exportId, userId, later)))).status).toBe(403);
    for (const junk of ['', 'a', 'a.b', 'a.b.c', '%E0%A4%A', '..']) expect((await links().handle(get(`/downloads/${junk}`))).status).toBe(403);
    const key = randomBytes(32);
    const past = links(key, () => new Date(later.getTime() + 1_000));
    expect((await past.handle(get(links(key).pathFor(exportId, userId, later)))).status).toBe(410);
    expect((await links(key).handle(new Request(`http://api.test${links(key).pathFor(exportId, userId, later)}`, { method: 'DELETE' }))).status).toBe(405);
  });

  it('names files after the export and keeps the extension of its result', () => {
    expect(downloadFileName('0123456789abcdef', 'o/e/export.csv')).toBe('tdg-export-01234567.csv');
    expect(downloadFileName('0123456789abcdef', 'o/e.d/export')).toBe('tdg-export-01234567');
  });
});
