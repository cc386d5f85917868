// A status column's DEFAULT word names its vocabulary: a job queue's `state DEFAULT 'queued'` holds
// queued/processing/completed/errored/failed (and its timestamps follow), not a US state because a
// sibling column is named `latest_...`.
import { describe, expect, it } from 'vitest';
import { importSql } from './index.js';

const field = (sql: string, table: string, column: string) =>
  importSql(sql, { rows: 100 })
    .definition.tables.find((t) => t.name === table)!
    .fields.find((f) => f.name === column)!;

describe('status vocabularies by DEFAULT', () => {
  it('reads a job queue state from its DEFAULT, with the lifecycle its timestamps follow', () => {
    const sql = `create table jobs (id bigint primary key, state text default 'queued' not null, started_at timestamptz, finished_at timestamptz,
      queued_at timestamptz default now() not null, latest_question_updated_at timestamptz);`;
    expect(field(sql, 'jobs', 'state')).toMatchObject({ type: 'pick', options: { values: ['queued', 'processing', 'completed', 'errored', 'failed'] } });
    const { definition } = importSql(sql, { rows: 100 });
    const queued = definition.tables[0]!.profiles!.variants.find((v) => v.value === 'queued')!;
    expect(queued.fields.started_at).toBeNull();
  });

  it('keeps the case of the DEFAULT word, and the usual words without one', () => {
    expect(field(`create table docs (id int primary key, status text default 'DRAFT' not null);`, 'docs', 'status')).toMatchObject({
      options: { values: ['DRAFT', 'PUBLISHED', 'ARCHIVED'] },
    });
    expect(field(`create table accounts (id int primary key, status text not null);`, 'accounts', 'status')).toMatchObject({
      options: { values: ['active', 'inactive', 'pending', 'archived'] },
    });
  });

  it('reads a state next to a latitude as a place, next to latest_ as not one', () => {
    expect(field(`create table sites (id int primary key, state text, lat float8);`, 'sites', 'state').type).toBe('location.state');
    expect(field(`create table q (id int primary key, state text not null, latest_at timestamptz);`, 'q', 'state').type).toBe('pick');
  });
});
