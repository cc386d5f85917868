import { describe, expect, it } from 'vitest';
import type { ExportSummaryFragment } from '$lib/gql/graphql';
import { LiveExports } from './live-exports.svelte';

function item(id: string, patch: Partial<ExportSummaryFragment> = {}): ExportSummaryFragment {
  return {
    id,
    status: 'RUNNING',
    format: 'CSV',
    rowCount: 1000,
    seed: 's',
    attempt: 1,
    createdAt: `2026-01-01T00:00:0${id.length}.000Z`,
    completedAt: null,
    downloadUrl: null,
    error: null,
    canManage: true,
    owner: { id: 'user-1', email: 'owner@example.com' },
    schema: { id: 'schema-1', name: 'Shop' },
    progress: { rowsDone: 0, rowCount: 1000, rowsTotal: 2000, fraction: 0 },
    ...patch,
  };
}

describe('LiveExports', () => {
  const all = () => true;

  it('lays live changes over the queried page and drops deleted exports', () => {
    const live = new LiveExports();
    live.apply('a', item('a', { progress: { rowsDone: 500, rowCount: 1000, rowsTotal: 2000, fraction: 0.25 } }));
    live.apply('b', null);
    const rows = live.merge([item('a'), item('b'), item('c')], all);
    expect(rows.map((r) => [r.id, r.progress.rowsDone])).toEqual([
      ['a', 500],
      ['c', 0],
    ]);
  });

  it('puts new exports that match the filters first', () => {
    const live = new LiveExports();
    live.apply('new', item('new'));
    live.apply('other', item('other', { schema: { id: 'schema-2', name: 'Other' } }));
    const rows = live.merge([item('a')], (e) => e.schema?.id === 'schema-1');
    expect(rows.map((r) => r.id)).toEqual(['new', 'a']);
  });

  it('takes an export out of a status filter once it has moved on', () => {
    const live = new LiveExports();
    live.apply('a', item('a', { status: 'SUCCEEDED' }));
    expect(live.merge([item('a')], (e) => e.status === 'RUNNING')).toEqual([]);
  });

  it("measures rows/s from the changes it has seen, against every table's rows", () => {
    const live = new LiveExports();
    live.apply('a', item('a', { progress: { rowsDone: 0, rowCount: 1000, rowsTotal: 2000, fraction: 0 } }), 0);
    live.apply('a', item('a', { progress: { rowsDone: 1000, rowCount: 1000, rowsTotal: 2000, fraction: 0.5 } }), 2000);
    const figures = live.figures(item('a', { progress: { rowsDone: 1000, rowCount: 1000, rowsTotal: 2000, fraction: 0.5 } }));
    expect(figures).toMatchObject({ rowsDone: 1000, rowCount: 2000, percent: 50, rowsPerSecond: 500, etaSeconds: 2 });
  });
});
