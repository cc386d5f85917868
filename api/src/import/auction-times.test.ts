// A timed sale: sold between the start and the planned end, and what comes to it (bids) comes while it runs.
import { describe, expect, it } from 'vitest';
import { compile, generateRows } from '../engine/index.js';
import { importSql } from './index.js';

const AUCTIONS = `
create table listings (
  id uuid primary key, status text not null check (status in ('draft', 'live', 'sold', 'expired')), starting_price numeric(10,2) not null check (starting_price > 0),
  created timestamptz not null, starts_at timestamptz, ends_at timestamptz, sold_at timestamptz, check (ends_at > starts_at));
create table bids (id bigserial primary key, listing_id uuid not null references listings(id), amount numeric(10,2) not null,
  max_auto_bid numeric(10,2), placed timestamptz not null, check (max_auto_bid is null or max_auto_bid >= amount));
`;

function rowsOf(definition: ReturnType<typeof importSql>['definition'], table: string): Record<string, unknown>[] {
  const plan = compile(definition as Parameters<typeof compile>[0], { seed: 'auctions' });
  const shape = plan.tables.find((t) => t.name === table)!;
  return [...generateRows(plan, table, 0, shape.rows)].flat().map((row) => Object.fromEntries(shape.columns.map((c, i) => [c.name, row[i]])));
}

describe('auction times', () => {
  const { definition } = importSql(AUCTIONS, { rows: 400, referenceDate: '2025-06-01T00:00:00.000Z' });
  const listings = new Map(rowsOf(definition, 'listings').map((l) => [l.id, l]));
  const ms = (v: unknown) => (v as Date).getTime();

  it('sells a listing between its start and its end; drafts have not started', () => {
    const sold = [...listings.values()].filter((l) => l.status === 'sold');
    expect(sold.length).toBeGreaterThan(0);
    for (const l of sold) {
      expect(ms(l.sold_at)).toBeGreaterThanOrEqual(ms(l.starts_at));
      if (l.ends_at) expect(ms(l.sold_at)).toBeLessThanOrEqual(ms(l.ends_at));
    }
    for (const l of listings.values()) if (l.status === 'draft') expect([l.starts_at, l.sold_at]).toEqual([null, null]);
  });

  it('places bids while the listing runs, at least at its starting price, under any automatic maximum', () => {
    for (const b of rowsOf(definition, 'bids')) {
      const l = listings.get(b.listing_id)!;
      expect(Number(b.amount)).toBeGreaterThanOrEqual(Number(l.starting_price));
      if (b.max_auto_bid !== null) expect(Number(b.max_auto_bid)).toBeGreaterThanOrEqual(Number(b.amount));
      if (l.starts_at) expect(ms(b.placed)).toBeGreaterThanOrEqual(ms(l.starts_at));
      if (l.ends_at) expect(ms(b.placed)).toBeLessThanOrEqual(ms(l.ends_at));
    }
  });
});
