import { describe, expect, it } from 'vitest';
import { compile, type Definition } from './index.js';
import { keyOf } from './random.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';
import { compileIssues } from './testing/rows.js';
import { timeline } from './timeline.js';

const REFERENCE = '2026-01-01T00:00:00.000Z';
const DAY = 86_400_000;

// users sign up over two years; auctions run inside that time, bids inside their auction and by users
// who had signed up, never the seller
const market = (bidder: Record<string, unknown> = {}, users = 20_000, bidderNullRate?: number): Definition => ({
  version: 1,
  seed: 'market',
  referenceDate: REFERENCE,
  tables: [
    {
      name: 'users',
      rows: users,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'created', type: 'timeline', options: { span: 730, growth: 3 } },
      ],
    },
    {
      name: 'auctions',
      rows: 5000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'seller_id', type: 'ref', options: { table: 'users', field: 'id' } },
        { name: 'starts_at', type: 'after', options: { from: 'seller_id.created', max: 60, atMost: 'now' } },
        { name: 'ends_at', type: 'after', options: { from: 'starts_at', min: 1, max: 10 } },
      ],
    },
    {
      name: 'bids',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'auction_id', type: 'ref', options: { table: 'auctions', field: 'id', childrenPerParent: { min: 0, max: 12 } } },
        { name: 'placed', type: 'after', options: { from: 'auction_id.starts_at', atMost: 'auction_id.ends_at' } },
        {
          name: 'bidder_id',
          type: 'ref',
          options: { table: 'users', field: 'id', differentFrom: 'auction_id.seller_id', until: { series: 'created', atMost: 'placed' }, ...bidder },
          ...(bidderNullRate === undefined ? {} : { nullRate: bidderNullRate }),
        },
      ],
    },
  ],
});

describe('timeline', () => {
  const options = { span: 730, growth: 3 };
  const rows = 100_000;
  const line = timeline(options, rows, keyOf('s', 'users', 'created'), new Date(REFERENCE));
  const at = Array.from({ length: rows }, (_, n) => line.at(n));

  it('puts the rows in the order of their moments, inside the span', () => {
    const end = Date.parse(REFERENCE);
    const outside = at.filter((t) => t < end - 730 * DAY || t > end);
    const backwards = at.filter((t, n) => n > 0 && t < at[n - 1]!);
    expect([outside.length, backwards.length]).toEqual([0, 0]);
    // the span is used, end to end
    expect(at[0]! - (end - 730 * DAY)).toBeLessThan(DAY);
    expect(end - at[rows - 1]!).toBeLessThan(DAY);
  });

  it('varies the gaps and grows busier towards the end', () => {
    const gaps = at.slice(1).map((t, n) => t - at[n]!);
    expect(new Set(gaps).size).toBeGreaterThan(rows / 2);
    const firstMonth = at.filter((t) => t < at[0]! + 30 * DAY).length;
    const lastMonth = at.filter((t) => t > at[rows - 1]! - 30 * DAY).length;
    // growth 3: the last month holds about three times the first one's sign-ups
    expect(lastMonth / firstMonth).toBeGreaterThan(2.5);
    expect(lastMonth / firstMonth).toBeLessThan(3.5);
  });

  it('counts the rows by any instant exactly (a prefix of the table)', () => {
    const probes = [at[0]! - 1, at[0]!, at[rows - 1]!, at[rows - 1]! + 1, ...Array.from({ length: 2000 }, (_, k) => at[(k * 7919) % rows]! + (k % 3) - 1)];
    for (const t of probes) {
      const count = line.countUpTo(t);
      expect(count === 0 || at[count - 1]! <= t).toBe(true);
      expect(count === rows || at[count]! > t).toBe(true);
    }
  });
});

describe('refs to rows that existed by a moment (until)', () => {
  const definition = market();
  const plan = compile(definition);
  const users = rowsEveryChunking(plan, 'users');
  const created = new Map(users.map(([id, at]) => [id, (at as Date).getTime()]));
  const sellers = new Map(rowsEveryChunking(plan, 'auctions').map(([id, seller]) => [id, seller]));
  const bids = rowsEveryChunking(plan, 'bids');

  it('picks only users who had signed up by the bid, never the seller, in every chunking', () => {
    expect(bids.length).toBeGreaterThan(20_000);
    const before = bids.filter(([, , placed, bidder]) => created.get(bidder)! > (placed as Date).getTime());
    const own = bids.filter(([, auction, , bidder]) => bidder === sellers.get(auction));
    expect([before.length, own.length]).toEqual([0, 0]);
  });

  it('spreads the picks over the users there were', () => {
    // a bid picks uniformly among those who had signed up: earlier users take more bids, and many users take some
    const bidders = new Set(bids.map((b) => b[3]));
    expect(bidders.size).toBeGreaterThan(users.length * 0.4);
    const rank = new Map(users.map(([id], n) => [id, n]));
    const early = bids.filter((b) => rank.get(b[3])! < users.length / 2).length;
    expect(early / bids.length).toBeGreaterThan(0.55);
  });

  it('gives the same rows in another process', async () => {
    const { expected, got } = await sameInTwoProcesses(definition, { bids });
    expect(got).toEqual(expected);
  }, 60_000);

  it('lets a null moment take any row, and a moment before everyone take the first to arrive (or null when allowed)', () => {
    const early = (nullRate?: number): Definition => {
      const d = market({}, 1000, nullRate);
      // bids placed a year before any user signed up
      const bidsTable = d.tables[2]!;
      bidsTable.fields[2] = { name: 'placed', type: 'before', options: { from: 'auction_id.starts_at', min: 1000, max: 1500 } };
      return d;
    };
    const first = compile(early());
    const firstUser = rowsEveryChunking(first, 'users')[0]![0];
    const sellerOf = new Map(rowsEveryChunking(first, 'auctions').map(([id, seller]) => [id, seller]));
    const secondUser = rowsEveryChunking(first, 'users')[1]![0];
    for (const [, auction, , bidder] of rowsEveryChunking(first, 'bids')) expect(bidder).toBe(sellerOf.get(auction) === firstUser ? secondUser : firstUser);
    const orNull = compile(early(0.1));
    for (const [, , , bidder] of rowsEveryChunking(orNull, 'bids')) expect(bidder).toBeNull();
    const unknown = market();
    unknown.tables[2]!.fields[2] = { name: 'placed', type: 'after', options: { from: 'auction_id.starts_at' }, nullRate: 1 };
    expect(new Set(rowsEveryChunking(compile(unknown), 'bids').map((b) => b[3])).size).toBeGreaterThan(10_000);
  });

  it('refuses what it cannot keep, naming the option', () => {
    const at = (issues: { path: string; message: string }[]) => issues.map((i) => i.path);
    expect(at(compileIssues(market({ until: { series: 'id', atMost: 'placed' } })))).toContain('tables[2].fields[3].options.until.series');
    expect(at(compileIssues(market({ until: { series: 'created', atMost: 'nope' } })))).toContain('tables[2].fields[3].options.until.atMost');
    expect(at(compileIssues(market({ until: { series: 'created', atMost: 'id' } })))).toContain('tables[2].fields[3].options.until.atMost');
    expect(at(compileIssues(market({ scope: { target: 'x', equals: 'y' } })))).toContain('tables[2].fields[3].options.until');
    // the moment cannot come from what the ref picks
    const cycle = market();
    cycle.tables[2]!.fields[2] = { name: 'placed', type: 'after', options: { from: 'bidder_id.created' } };
    expect(
      compileIssues(cycle)
        .map((i) => i.message)
        .join('\n'),
    ).toMatch(/cycle/);
    const nullable = market();
    nullable.tables[0]!.fields[1]!.nullRate = 0.1;
    expect(at(compileIssues(nullable))).toContain('tables[2].fields[3].options.until.series');
  });
});
