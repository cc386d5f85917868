// EXCLUDE USING gist (room_id WITH =, during WITH &&): the ranges of one parent never overlap, and
// the seed meets the constraint in a real Postgres (PGlite has no btree_gist, so the keyed form runs
// on the server of TDG_TEST_DATABASE_URL, the form over the range alone on both).
import { describe, expect, it } from 'vitest';
import { importSql } from './index.js';
import { runSchema } from '../../test/realism/suite.js';
import { testServerUrl } from '../../test/support/database.js';

const OVERLAPS = (table: string, key: string | undefined, range: string) =>
  `select count(*) from ${table} a join ${table} b on a.ctid < b.ctid ${key ? `and a.${key} = b.${key}` : ''} and a.${range} && b.${range}`;

describe('EXCLUDE constraints', () => {
  it('are read as periods one after another per parent (or over the table); others are noted as not understood', () => {
    const { definition, notes } = importSql(
      `create table rooms (id serial primary key, created_at timestamptz not null);
       create table bookings (id serial primary key, room_id int not null references rooms, during daterange not null, exclude using gist (room_id with =, during with &&));
       create table slots (id serial primary key, at tstzrange not null, exclude using gist (at with &&));
       create table odd (id serial primary key, a int, b int, exclude using gist (a with =, b with <>));`,
      { rows: 40 },
    );
    const field = (table: string, name: string) => definition.tables.find((t) => t.name === table)!.fields.find((f) => f.name === name)!;
    expect(field('bookings', 'during')).toMatchObject({ type: 'sequence', options: { per: 'room_id', from: 'room_id.created_at', range: { format: 'date' } } });
    expect(field('bookings', 'room_id').options).toHaveProperty('childrenPerParent');
    expect(field('slots', 'at')).toMatchObject({ type: 'sequence', options: { unit: 'hours', range: { format: 'timestamp' } } });
    expect(notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/table odd: EXCLUDE \(a WITH =, b WITH <>\) is not understood/));
  });

  it('hold in a seeded database over a range alone (PGlite or the server)', async () => {
    const result = await runSchema(
      {
        name: 'slots',
        ddl: `create table slots (id serial primary key, name text not null, at tstzrange not null, day daterange, exclude using gist (at with &&), exclude using gist (day with &&));`,
        rules: [
          { name: 'at', sql: OVERLAPS('slots', undefined, 'at') },
          { name: 'day', sql: OVERLAPS('slots', undefined, 'day') },
        ],
      },
      { rows: 300, ...(testServerUrl ? { serverUrl: testServerUrl } : {}) },
    );
    expect(result.error).toBeUndefined();
    expect(result.rules).toEqual([
      { name: 'at', violations: 0 },
      { name: 'day', violations: 0 },
    ]);
  });

  it.runIf(testServerUrl)('hold per parent on the server (btree_gist)', async () => {
    const result = await runSchema(
      {
        name: 'bookings',
        ddl: `create extension if not exists btree_gist;
          create table rooms (id serial primary key, name text not null, created_at timestamptz not null);
          create table bookings (id bigint generated always as identity primary key, room_id int not null references rooms, during daterange not null,
            guest text not null, exclude using gist (room_id with =, during with &&));`,
        rules: [{ name: 'overlaps', sql: OVERLAPS('bookings', 'room_id', 'during') }],
      },
      { rows: 2000, serverUrl: testServerUrl },
    );
    expect(result.error).toBeUndefined();
    expect(result.rules).toEqual([{ name: 'overlaps', violations: 0 }]);
  });
});
