import { describe, expect, it } from 'vitest';
import type { ExportStatus } from '$lib/gql/graphql';
import { exportActions, failureText } from './export-status';

const STATUSES: ExportStatus[] = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];

describe('exportActions (docs/access.md)', () => {
  it('gives readers who did not start an export the download only: no cancel, retry or event log', () => {
    for (const status of STATUSES) {
      const actions = exportActions({ status, canManage: false, downloadUrl: status === 'SUCCEEDED' ? 'http://x/downloads/t' : null });
      expect(actions).toEqual({ cancel: false, retry: false, download: status === 'SUCCEEDED', eventLog: false });
    }
  });

  it('gives the starter cancel while active, retry once finished, the download once succeeded, and the log', () => {
    const of = (status: ExportStatus) => exportActions({ status, canManage: true, downloadUrl: 'http://x/downloads/t' });
    expect(of('RUNNING')).toEqual({ cancel: true, retry: false, download: false, eventLog: true });
    expect(of('PENDING')).toEqual({ cancel: true, retry: false, download: false, eventLog: true });
    expect(of('SUCCEEDED')).toEqual({ cancel: false, retry: true, download: true, eventLog: true });
    expect(of('FAILED')).toEqual({ cancel: false, retry: true, download: false, eventLog: true });
  });

  it('offers no download without a link (the server gives none to someone who may not read the file)', () => {
    expect(exportActions({ status: 'SUCCEEDED', canManage: true, downloadUrl: null }).download).toBe(false);
  });
});

describe('failureText', () => {
  it("shows a stored error's message, whatever else it holds", () => {
    expect(failureText({ message: 'disk full', code: 'ENOSPC' })).toBe('disk full');
    expect(failureText({ message: 42 })).toBe('42');
  });

  it('shows any other stored error as JSON', () => {
    expect(failureText({ code: 'ETIMEDOUT' })).toBe('{"code":"ETIMEDOUT"}');
    expect(failureText('worker lost')).toBe('"worker lost"');
    expect(failureText(['a'])).toBe('["a"]');
  });
});

describe('exportTitle', () => {
  it('names an export after its schema, format and date', async () => {
    const { exportTitle } = await import('./export-status');
    expect(exportTitle({ schema: { name: 'Shop' }, format: 'CSV', createdAt: '2026-12-03T17:40:12Z' })).toBe('Shop · CSV · 3 Dec 2026, 17:40 UTC');
    expect(exportTitle({ schema: null, format: 'JSON', createdAt: '2026-01-09T08:05:00Z' })).toBe('Unsaved definition · JSON · 9 Jan 2026, 08:05 UTC');
  });
});
