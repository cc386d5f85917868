import { describe, expect, it } from 'vitest';
import { compile, type Definition } from './index.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';
import { compileIssues } from './testing/rows.js';

// shipments only for orders that shipped, returns only for items of delivered orders
const shop = (shipmentWhere: Record<string, unknown> = { path: 'status', in: ['shipped', 'delivered'] }): Definition => ({
  version: 1,
  seed: 'shop',
  tables: [
    {
      name: 'orders',
      rows: 5000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'status', type: 'pick', options: { values: ['pending', 'shipped', 'delivered', 'canceled'] } },
        { name: 'placed_at', type: 'date.past' },
        { name: 'delivered_at', type: 'after', options: { from: 'placed_at', min: 1, max: 9 }, nullRate: 0.2 },
      ],
      profiles: {
        field: 'status',
        variants: [
          { value: 'pending', weight: 5, fields: { delivered_at: null } },
          { value: 'shipped', weight: 2, fields: { delivered_at: null } },
          { value: 'delivered', weight: 2, fields: { delivered_at: { type: 'after', options: { from: 'placed_at', min: 1, max: 9 } } } },
          { value: 'canceled', weight: 1, fields: { delivered_at: null } },
        ],
      },
    },
    {
      name: 'order_items',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'order_id', type: 'ref', options: { table: 'orders', field: 'id', childrenPerParent: { min: 1, max: 4 } } },
        { name: 'quantity', type: 'number.int', options: { min: 1, max: 5 } },
      ],
    },
    {
      name: 'shipments',
      rows: 30_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'order_id', type: 'ref', options: { table: 'orders', field: 'id', where: shipmentWhere } },
        { name: 'created_at', type: 'after', options: { from: 'order_id.placed_at', max: 3 } },
      ],
    },
    {
      name: 'returns',
      rows: 30_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'order_item_id', type: 'ref', options: { table: 'order_items', field: 'id', where: { path: 'order_id.status', in: ['delivered'] } } },
        { name: 'quantity', type: 'before', options: { from: 'order_item_id.quantity', max: 4, atLeast: 1 } },
        { name: 'requested_at', type: 'after', options: { from: 'order_item_id.order_id.delivered_at', min: 1, max: 30 } },
      ],
    },
  ],
});

describe('refs to parents in certain states (where)', () => {
  const definition = shop();
  const plan = compile(definition);
  const orders = new Map(rowsEveryChunking(plan, 'orders').map(([id, status, placed, delivered]) => [id, { status, placed, delivered }]));
  const items = new Map(rowsEveryChunking(plan, 'order_items').map(([id, order, quantity]) => [id, { order, quantity }]));
  const shipments = rowsEveryChunking(plan, 'shipments');
  const returns = rowsEveryChunking(plan, 'returns');

  it('ships only orders that shipped, spread over all of them', () => {
    expect(shipments.filter(([, order]) => !['shipped', 'delivered'].includes(orders.get(order)!.status as string))).toEqual([]);
    const shipped = [...orders.values()].filter((o) => ['shipped', 'delivered'].includes(o.status as string)).length;
    // 30,000 draws over ~2,000 eligible orders: nearly all of them get one
    expect(new Set(shipments.map(([, order]) => order)).size).toBeGreaterThan(shipped * 0.95);
  });

  it('returns only items of delivered orders, after the delivery, at most the quantity bought', () => {
    for (const [, item, quantity, requested] of returns) {
      const bought = items.get(item)!;
      const order = orders.get(bought.order)!;
      expect(order.status).toBe('delivered');
      expect(quantity).toBeGreaterThanOrEqual(1);
      expect(quantity).toBeLessThanOrEqual(bought.quantity as number);
      expect((requested as Date).getTime()).toBeGreaterThan((order.delivered as Date).getTime());
    }
  });

  it('gives the same rows in two worker processes', async () => {
    const { expected, got } = await sameInTwoProcesses(definition, { shipments, returns });
    expect(got).toEqual(expected);
  }, 120_000);

  it('walks on when hashed draws keep missing, and stops with the table and values when no parent qualifies', () => {
    const rare = shop({ path: 'status', in: ['canceled'] });
    const ordersOfRare = new Map(rowsEveryChunking(compile(rare), 'orders').map(([id, status]) => [id, status]));
    expect(rowsEveryChunking(compile(rare), 'shipments').filter(([, order]) => ordersOfRare.get(order) !== 'canceled')).toEqual([]);
    expect(() => rowsEveryChunking(compile(shop({ path: 'status', in: ['lost'] })), 'shipments')).toThrow(
      'shipments.order_id: no orders row has status in ("lost")',
    );
  });

  it('names a bad path and options it cannot be combined with', () => {
    const issues = (def: Definition) => compileIssues(def);
    expect(issues(shop({ path: 'ghost', in: ['x'] }))[0]).toMatchObject({
      path: 'tables[2].fields[1].options.where.path',
      message: expect.stringMatching(/ghost.*\(a path in table orders\)/),
    });
    expect(issues(shop({ path: 'status', in: [] }))[0]).toMatchObject({ path: 'tables[2].fields[1].options.where.in' });
    // the state a ref filters on must not depend on what that ref picks
    const loop: Definition = {
      version: 1,
      tables: [
        {
          name: 'p',
          rows: 50,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'c_id', type: 'ref', options: { table: 'c', field: 'id' }, nullRate: 0.5 },
            { name: 'flag', type: 'lookup', options: { path: 'c_id.p_id' } },
          ],
        },
        {
          name: 'c',
          rows: 50,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'p_id', type: 'ref', options: { table: 'p', field: 'id', where: { path: 'flag', in: [1] } } },
          ],
        },
      ],
    };
    expect(issues(loop)).toEqual([
      {
        path: 'tables[0].fields[2]',
        message: 'fields depend on each other in a cycle through field paths: p.flag -> c.p_id (via c_id.p_id) -> p.flag (via p_id where flag)',
      },
    ]);
    const unique = shop();
    unique.tables[2].fields[1].unique = true;
    expect(issues(unique).map((i) => i.path)).toContain('tables[2].fields[1].options.where');
  });
});

// bids only on listings that went live, one winner each: the layout gives other listings no children
const auction = (where: Record<string, unknown> = { path: 'status', in: ['live', 'sold'] }, when?: string): Definition => ({
  version: 1,
  seed: 'auction',
  tables: [
    {
      name: 'listings',
      rows: 40_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'status', type: 'pick', options: { values: ['draft', 'live', 'sold', 'withdrawn'] } },
        { name: 'starts_at', type: 'date.past' },
      ],
      profiles: {
        field: 'status',
        variants: [
          { value: 'draft', weight: 3, fields: { starts_at: null } },
          { value: 'live', weight: 4, fields: {} },
          { value: 'sold', weight: 2, fields: {}, ...(when ? { when } : {}) },
          { value: 'withdrawn', weight: 1, fields: {} },
        ],
      },
    },
    {
      name: 'bids',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'listing_id', type: 'ref', options: { table: 'listings', field: 'id', childrenPerParent: { min: 1, max: 3 }, where } },
        { name: 'is_winning', type: 'datatype.boolean', exactlyOne: { per: 'listing_id' } },
        { name: 'placed', type: 'after', options: { from: 'listing_id.starts_at', max: 7 } },
      ],
    },
  ],
});

describe('a laid-out ref to parents in certain states (childrenPerParent with where)', () => {
  const definition = auction();
  const plan = compile(definition);
  const listings = new Map(rowsEveryChunking(plan, 'listings').map(([id, status, starts]) => [id, { status, starts }]));
  const bids = rowsEveryChunking(plan, 'bids');

  it('gives children only to parents in the states, 1..3 each and exactly one winner, after the parent started', () => {
    expect(bids.length).toBeGreaterThan(40_000);
    const perListing = new Map<unknown, { bids: number; winners: number }>();
    for (const [, listing, winning, placed] of bids) {
      const parent = listings.get(listing)!;
      expect(['live', 'sold']).toContain(parent.status);
      expect((placed as Date).getTime()).toBeGreaterThanOrEqual((parent.starts as Date).getTime());
      const seen = perListing.get(listing) ?? { bids: 0, winners: 0 };
      seen.bids++;
      if (winning) seen.winners++;
      perListing.set(listing, seen);
    }
    const eligible = [...listings.values()].filter((l) => ['live', 'sold'].includes(l.status as string)).length;
    expect(perListing.size).toBe(eligible);
    for (const { bids: n, winners } of perListing.values()) {
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
      expect(winners).toBe(1);
    }
  });

  it('gives the same rows in two worker processes', async () => {
    const { expected, got } = await sameInTwoProcesses(definition, { bids });
    expect(got).toEqual(expected);
  }, 120_000);

  it('refuses a state other than a selector chosen by the row alone', () => {
    const issues = (def: Definition) => compileIssues(def);
    const message = expect.stringMatching(/with childrenPerParent, where must name listings's profile selector/);
    expect(issues(auction({ path: 'starts_at', in: ['x'] }))).toContainEqual({ path: 'tables[1].fields[1].options.where.path', message });
    expect(issues(auction(undefined, 'id > 5'))).toContainEqual({ path: 'tables[1].fields[1].options.where.path', message });
  });
});
