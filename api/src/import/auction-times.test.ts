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

// bids are held inside the auction's run, so the bidder cannot be anyone: only a user who had signed up by then
const MARKET = `
create table users (id uuid primary key, handle text not null, created timestamptz not null default now());
create table vendors (id uuid primary key, owner_id uuid not null references users(id), created timestamptz not null default now());
create table listings (
  id uuid primary key, vendor_id uuid not null references vendors(id), status text not null check (status in ('draft', 'live', 'sold', 'expired')),
  starting_price numeric(10,2) not null check (starting_price > 0),
  created timestamptz not null default now(), starts_at timestamptz, ends_at timestamptz, sold_at timestamptz, check (ends_at > starts_at));
create table bids (id bigserial primary key, listing_id uuid not null references listings(id), bidder_id uuid not null references users(id),
  amount numeric(10,2) not null, placed timestamptz not null default now());
create table posts (id uuid primary key, author_id uuid not null references users(id), created_at timestamptz not null default now());
`;

describe('who can act during an auction', () => {
  const { definition } = importSql(MARKET, { rows: 2000, referenceDate: '2025-06-01T00:00:00.000Z' });
  const ms = (v: unknown) => (v as Date).getTime();
  const users = rowsOf(definition, 'users');
  const signedUp = new Map(users.map((u) => [u.id, ms(u.created)]));
  const vendors = new Map(rowsOf(definition, 'vendors').map((v) => [v.id, v]));
  const listings = new Map(rowsOf(definition, 'listings').map((l) => [l.id, l]));

  it('takes bidders among the users signed up by the bid, and keeps the bid inside the run', () => {
    const bids = rowsOf(definition, 'bids');
    expect(bids.length).toBeGreaterThan(500);
    const early = bids.filter((b) => signedUp.get(b.bidder_id)! > ms(b.placed));
    const outside = bids.filter((b) => {
      const l = listings.get(b.listing_id)!;
      return ms(b.placed) < ms(l.starts_at) || (l.ends_at !== null && ms(b.placed) > ms(l.ends_at));
    });
    const own = bids.filter((b) => b.bidder_id === vendors.get(listings.get(b.listing_id)!.vendor_id)!.owner_id);
    expect([early.length, outside.length, own.length]).toEqual([0, 0, 0]);
  });

  it('makes the sign-ups a timeline in row order, and leaves refs whose row follows its parent alone', () => {
    const field = (table: string, name: string) => definition.tables.find((t) => t.name === table)!.fields.find((f) => f.name === name)!;
    expect(field('users', 'created').type).toBe('timeline');
    expect(users.every((u, n) => n === 0 || ms(u.created) >= ms(users[n - 1]!.created))).toBe(true);
    expect((field('bids', 'bidder_id').options as Record<string, unknown>).until).toEqual({ series: 'created', atMost: 'placed' });
    // a post comes after its author signed up by its own time: no need to choose the author by it
    expect((field('posts', 'author_id').options as Record<string, unknown>).until).toBeUndefined();
    expect((field('vendors', 'owner_id').options as Record<string, unknown>).until).toBeUndefined();
    for (const p of rowsOf(definition, 'posts')) expect(ms(p.created_at)).toBeGreaterThanOrEqual(signedUp.get(p.author_id)!);
  });
});
