// A CHECK that says what a column is (total = amount + tax) makes the column that arithmetic of
// its row, so the seed meets it on every row with no redraw; seeded into a real Postgres with the
// CHECKs in force (PGlite, or the server of TDG_TEST_DATABASE_URL).
import { describe, expect, it } from 'vitest';
import { importSql } from './index.js';
import { runSchema } from '../../test/realism/suite.js';
import { testServerUrl } from '../../test/support/database.js';

const DDL = `
create table invoices (
  id bigserial primary key,
  amount_cents integer not null check (amount_cents >= 0),
  tax_cents integer,
  total_cents integer not null,
  billed_cents bigint,
  subtotal numeric(10, 2) not null,
  discount numeric(10, 2) not null default 0,
  net numeric(10, 2) not null,
  fee numeric(8, 3),
  payout numeric(12, 3),
  token char(32) not null unique,
  check (total_cents = amount_cents + tax_cents),
  check (net = subtotal - discount),
  check (payout = net * 2 - coalesce(fee, 0)),
  check (billed_cents = total_cents)
);
create table ratios (id serial primary key, a numeric not null, b numeric not null check (b > 0), r numeric, check (r = a / b));
`;

const violations = (check: string) => `select count(*) from invoices where not (${check})`;

describe('CHECKs that say what a column is', () => {
  it('become expressions of the row; a division (SQL truncates integers, the expression language does not) does not', () => {
    const { definition } = importSql(DDL, { rows: 50 });
    const fields = (table: string) => new Map(definition.tables.find((t) => t.name === table)!.fields.map((f) => [f.name, f]));
    const invoices = fields('invoices');
    expect(invoices.get('total_cents')).toMatchObject({ type: 'expression', options: { expr: '(amount_cents + coalesce(tax_cents, 0))' } });
    expect(invoices.get('net')).toMatchObject({ type: 'expression', options: { expr: 'round((subtotal - discount), 2)' } });
    expect(invoices.get('payout')?.type).toBe('expression');
    expect(invoices.get('billed_cents')).toMatchObject({ type: 'expression', options: { expr: 'total_cents' } });
    expect(fields('ratios').get('r')?.type).not.toBe('expression');
    expect(invoices.get('tax_cents')).toMatchObject({
      type: 'expression',
      options: { expr: 'round(amount_cents * (0.05 + 0.05 * floor(amount_cents * 7 % 4)), 0)' },
    });
  });

  it('hold on every seeded row, with the CHECKs in force; a unique token of a char(32) is 32 letters and digits', async () => {
    const result = await runSchema(
      {
        name: 'computed',
        ddl: DDL.replace(/create table ratios[^;]*;/, ''),
        rules: [
          { name: 'total', sql: violations('total_cents = amount_cents + coalesce(tax_cents, 0)') },
          { name: 'net', sql: violations('net = subtotal - discount') },
          { name: 'payout', sql: `select count(*) from invoices where payout is not null and payout <> net * 2 - coalesce(fee, 0)` },
          { name: 'billed', sql: `select count(*) from invoices where billed_cents is not null and billed_cents <> total_cents` },
          { name: 'token', sql: `select count(*) from invoices where token !~ '^[A-Za-z0-9]{32}$'` },
          // of two operands, a tax is a share of the other (5 to 20 %), a fee 3 %
          { name: 'tax share', sql: `select count(*) from invoices where tax_cents < amount_cents * 0.049 or tax_cents > amount_cents * 0.201` },
          { name: 'fee share', sql: `select count(*) from invoices where abs(fee - net * 0.03) > 0.001` },
          // the arithmetic is not a constant: totals differ from their amounts where there is tax
          { name: 'varied', sql: `select count(*) from (select count(distinct total_cents - amount_cents) n from invoices) x where n < 10` },
        ],
      },
      { rows: 1000, ...(testServerUrl ? { serverUrl: testServerUrl } : {}) },
    );
    expect(result.error).toBeUndefined();
    expect(result.seeded).toBe(true);
    expect(result.rules).toEqual(result.rules.map((r) => ({ name: r.name, violations: 0 })));
  });
});
