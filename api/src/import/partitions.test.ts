// Partitioned tables: rows go in through the parent and each must fall into a partition.
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../test/import/harness.js';
import { seedDatabase } from '../seed/load.js';
import { pgliteTarget } from '../seed/pglite-target.js';
import { importSql } from './index.js';
import { boundInstant, partitionCondition, windowInstants, type PartitionBound } from './partitions.js';

const range = (lower: string | null, upper: string | null): PartitionBound => ({
  strategy: 'r',
  isDefault: false,
  lower: [lower === null ? { ColumnRef: { fields: [{ String: { sval: 'minvalue' } }] } } : { A_Const: { sval: { sval: lower } } }],
  upper: [upper === null ? { ColumnRef: { fields: [{ String: { sval: 'maxvalue' } }] } } : { A_Const: { sval: { sval: upper } } }],
  values: [],
});
const key = (strategy: string, ...columns: string[]) => ({ strategy, columns });

// pagila's payment table, as pg_dump writes it: partitions created as tables, attached afterwards,
// the foreign keys declared on each partition
const PG_DUMP = `
create table customer (customer_id serial primary key, name text not null, created_at timestamptz not null default now());
create table payment (payment_id serial not null, customer_id int not null, amount numeric(5,2) not null, payment_date timestamptz not null)
  partition by range (payment_date);
create table payment_p2022_01 (payment_id integer default nextval('payment_payment_id_seq') not null, customer_id int not null, amount numeric(5,2) not null, payment_date timestamptz not null);
create table payment_p2022_02 (payment_id integer default nextval('payment_payment_id_seq') not null, customer_id int not null, amount numeric(5,2) not null, payment_date timestamptz not null);
create table payment_p2022_03 (payment_id integer default nextval('payment_payment_id_seq') not null, customer_id int not null, amount numeric(5,2) not null, payment_date timestamptz not null);
alter table only payment attach partition payment_p2022_01 for values from ('2022-01-01 00:00:00+00') to ('2022-02-01 00:00:00+00');
alter table only payment attach partition payment_p2022_02 for values from ('2022-02-01 00:00:00+00') to ('2022-03-01 00:00:00+00');
alter table only payment attach partition payment_p2022_03 for values from ('2022-03-01 00:00:00+00') to ('2022-04-01 00:00:00+00');
alter table only payment add constraint payment_pkey primary key (payment_date, payment_id);
alter table only payment_p2022_01 add constraint payment_p2022_01_pkey primary key (payment_date, payment_id);
alter table only payment_p2022_01 add constraint payment_p2022_01_customer_id_fkey foreign key (customer_id) references customer(customer_id);
alter table only payment_p2022_02 add constraint payment_p2022_02_customer_id_fkey foreign key (customer_id) references customer(customer_id);
alter table only payment_p2022_03 add constraint payment_p2022_03_customer_id_fkey foreign key (customer_id) references customer(customer_id);
alter table only payment_p2022_03 add constraint payment_p2022_03_check check (amount > 1);`;

const PARTITION_OF = `
create table account (id bigint generated always as identity primary key, region text not null);
create table event (id bigint generated always as identity, account_id bigint not null references account, kind text not null,
  at date not null, primary key (id, at)) partition by range (at);
create table event_2024 partition of event for values from ('2024-01-01') to ('2025-01-01');
create table event_2025 partition of event for values from ('2025-01-01') to ('2026-01-01');
create table shard (id uuid default gen_random_uuid(), region text not null, primary key (id, region)) partition by list (region);
create table shard_eu partition of shard for values in ('eu-west', 'eu-central');
create table shard_us partition of shard for values in ('us-east');`;

describe('partition bounds', () => {
  it('merge adjacent ranges into one window, whatever order the partitions come in', () => {
    const months = ['2022-01-01', '2022-02-01', '2022-03-01', '2022-04-01'];
    const parts = months.slice(0, -1).map((m, k) => range(m, months[k + 1]!));
    for (const order of [parts, [...parts].reverse(), [parts[1]!, parts[0]!, parts[2]!]]) {
      expect(partitionCondition(key('range', 'd'), order)).toEqual({
        condition: `"d" >= '2022-01-01' AND "d" < '2022-04-01'`,
        window: { column: 'd', lower: '2022-01-01', upper: '2022-04-01' },
      });
    }
  });

  it('keep gaps as separate ranges, open sides open, and ask nothing with a DEFAULT partition or of hash partitions', () => {
    const gap = partitionCondition(key('range', 'n'), [range('0', '10'), range('20', '30')]);
    expect(gap).toEqual({ condition: `("n" >= '0' AND "n" < '10') OR ("n" >= '20' AND "n" < '30')` });
    expect(partitionCondition(key('range', 'n'), [range(null, '10'), range('10', '20')]).condition).toBe(`"n" < '20'`);
    expect(partitionCondition(key('range', 'n'), [range(null, null)])).toEqual({});
    expect(partitionCondition(key('range', 'n'), [range('0', '10'), { ...range('0', '1'), isDefault: true }])).toEqual({});
    expect(partitionCondition(key('hash', 'n'), [{ strategy: 'h', isDefault: false, lower: [], upper: [], values: [] }])).toEqual({});
    expect(partitionCondition(key('range', 'a', 'b'), [range('0', '10')]).unread).toMatch(/not a single column/);
  });

  it('read bounds as instants in UTC unless they name a zone', () => {
    expect(boundInstant('2022-01-01 00:00:00+00')?.toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect(boundInstant('2022-04-01 01:00:00+01')?.toISOString()).toBe('2022-04-01T00:00:00.000Z');
    expect(boundInstant('2022-01-01')?.toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect(boundInstant('not a time')).toBeUndefined();
    expect(windowInstants({ upper: '2022-01-01' })?.from.toISOString()).toBe('2021-01-01T00:00:00.000Z');
  });
});

describe('importing partitioned tables', () => {
  it("pg_dump's form: partitions are not tables, their foreign keys are the parent's, and the time spreads over them", () => {
    const { definition, notes } = importSql(PG_DUMP, { rows: 100 });
    expect(definition.tables.map((t) => t.name)).toEqual(['customer', 'payment']);
    const payment = definition.tables.find((t) => t.name === 'payment')!;
    expect(payment.fields.find((f) => f.name === 'customer_id')).toMatchObject({ type: 'ref', options: { table: 'customer', field: 'customer_id' } });
    expect(payment.fields.find((f) => f.name === 'payment_date')).toMatchObject({
      type: 'date.between',
      options: { from: '2022-01-01T00:00:00.000Z', to: '2022-03-31T23:59:59.999Z' },
    });
    // the schema's "now" is where its partitions end, so the other tables' times are of the same years
    expect(definition.referenceDate).toBe('2022-04-01T00:00:00.000Z');
    // one key (the partition's copy of it is the same key); the CHECK of one partition is not the table's
    expect(payment.primaryKey).toEqual(['payment_date', 'payment_id']);
    expect(notes.map((n) => n.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/partition payment_p2022_01 of payment/),
        expect.stringMatching(/payment_p2022_03_check .*that partition's rows only/),
        expect.stringMatching(/partitioned by range \(payment_date\): generated rows fall into its partitions/),
      ]),
    );
  });

  it('PARTITION OF: range and list partitions bound the rows, and a seed fills every partition (PGlite)', async () => {
    const { definition } = importSql(PARTITION_OF, { rows: 300 });
    expect(definition.tables.map((t) => t.name)).toEqual(['account', 'event', 'shard']);
    expect(definition.tables.find((t) => t.name === 'shard')!.fields.find((f) => f.name === 'region')).toMatchObject({
      type: 'pick',
      options: { values: ['eu-west', 'eu-central', 'us-east'] },
    });
    const db = await openPglite();
    try {
      await db.exec(PARTITION_OF);
      await seedDatabase(definition, pgliteTarget(db), { rows: 300 });
      const { rows } = await db.query<{ part: string; n: number }>(
        `select tableoid::regclass::text as part, count(*)::int as n from event group by 1
         union all select tableoid::regclass::text, count(*)::int from shard group by 1 order by 1`,
      );
      expect(rows.map((r) => r.part)).toEqual(['event_2024', 'event_2025', 'shard_eu', 'shard_us']);
      expect(rows.every((r) => r.n > 20)).toBe(true);
      expect(rows.filter((r) => r.part.startsWith('event')).reduce((n, r) => n + r.n, 0)).toBe(300);
    } finally {
      await db.close();
    }
  }, 120_000);
});
