import { describe, expect, it } from 'vitest';
import type { Definition } from '$lib/definition';
import { LAYOUT, schemaGraph } from './schema-graph';

const ref = (table: string, extra: Record<string, unknown> = {}) => ({ type: 'ref', options: { table, field: 'id', ...extra } });

const shop: Definition = {
  version: 1,
  tables: [
    {
      name: 'orders',
      rows: 50,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'customer_id', ...ref('customers', { childrenPerParent: { min: 1, max: 3 } }) },
        { name: 'placed_at', type: 'after', options: { from: 'customer_id.created_at', max: 90, atMost: 'now' } },
        { name: 'currency', type: 'lookup', options: { path: 'customer_id.currency' } },
        { name: 'status', type: 'pick', options: { values: ['open', 'paid'] } },
      ],
      profiles: {
        field: 'status',
        variants: [
          { value: 'open', weight: 1 },
          { value: 'paid', weight: 3 },
        ],
      },
    },
    {
      name: 'customers',
      rows: 10,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'created_at', type: 'date.past' },
        { name: 'currency', type: 'finance.currencyCode' },
      ],
    },
    {
      name: 'addresses',
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'customer_id', ...ref('customers', { childrenPerParent: { min: 1, max: 2 } }) },
      ],
    },
    {
      name: 'shipments',
      fields: [
        { name: 'order_id', ...ref('orders', { where: { path: 'status', in: ['paid'] } }) },
        { name: 'address_id', ...ref('addresses', { scope: { target: 'customer_id', equals: 'order_id.customer_id' } }) },
      ],
    },
    { name: 'tags', fields: [{ name: 'id', type: 'string.uuid' }] },
    {
      name: 'order_tags',
      fields: [
        { name: 'order_id', ...ref('orders', { childrenPerParent: { min: 0, max: 3 } }) },
        { name: 'tag_id', ...ref('tags', { distinctWithin: 'order_id' }) },
      ],
    },
    {
      name: 'staff',
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'manager_id', ...ref('staff') },
      ],
    },
  ],
};

describe('the schema as a diagram', () => {
  const graph = schemaGraph(shop);
  const at = (name: string) => graph.tables.find((t) => t.table === name)!;

  it('draws an edge per ref from the parent table to the child, with its children per parent', () => {
    expect(graph.edges.map((e) => [e.source, e.target, e.label])).toEqual([
      ['customers', 'orders', 'customer_id (1–3 per customers)'],
      ['customers', 'addresses', 'customer_id (1–2 per customers)'],
      ['orders', 'shipments', 'order_id'],
      ['addresses', 'shipments', 'address_id'],
      ['orders', 'order_tags', 'order_id (0–3 per orders)'],
      ['tags', 'order_tags', 'tag_id'],
      ['staff', 'staff', 'manager_id'],
    ]);
    expect(graph.edges.filter((e) => e.manyToMany).map((e) => e.id)).toEqual(['order_tags.order_id', 'order_tags.tag_id']);
    // each edge names the field that opens its editor
    expect(graph.edges[3]).toMatchObject({ tableIndex: 3, fieldIndex: 1, field: 'address_id' });
  });

  it('puts every table right of the tables it references, and no two boxes on top of each other', () => {
    for (const edge of graph.edges) if (edge.source !== edge.target) expect(at(edge.target).x, edge.id).toBeGreaterThan(at(edge.source).x);
    expect(at('customers').x).toBe(0);
    expect(at('staff').x).toBe(0);
    expect(at('shipments').x).toBe(2 * (LAYOUT.nodeWidth + LAYOUT.gapX));
    for (const a of graph.tables)
      for (const b of graph.tables) if (a !== b && a.x === b.x) expect(a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.table} / ${b.table}`).toBe(true);
    expect(graph.width).toBe(Math.max(...graph.tables.map((t) => t.x)) + LAYOUT.nodeWidth);
  });

  it('states the realism rules in words at their field: parent values, inequalities, scopes, filters, joins, profiles', () => {
    expect(graph.rules.map((r) => [r.kind, r.table, r.field, r.text])).toEqual([
      ['row profiles', 'orders', null, 'rows by status: open 25 %, paid 75 %'],
      ['inequality', 'orders', 'placed_at', 'placed_at ≥ customer_id.created_at by 0–90 days, at most now'],
      ['parent value', 'orders', 'currency', 'currency = customer_id.currency'],
      ['parent filter', 'shipments', 'order_id', 'order_id: only orders rows whose status is paid'],
      ['scoped ref', 'shipments', 'address_id', 'address_id: only addresses rows under the same order_id.customer_id (via customer_id)'],
      ['many-to-many', 'order_tags', 'tag_id', 'order_tags joins orders ↔ tags: each orders with distinct tags rows'],
    ]);
    expect(
      at('orders')
        .fields.filter((f) => f.ruled)
        .map((f) => f.name),
    ).toEqual(['placed_at', 'currency']);
    expect(at('orders').rows).toBe('1–3 per customers');
    expect(at('tags').rows).toBe('100 rows');
  });

  it('keeps a box to ten fields and counts the rest; survives refs to missing tables and cycles', () => {
    const wide: Definition = {
      version: 1,
      tables: [
        { name: 'a', fields: [...Array.from({ length: 14 }, (_, i) => ({ name: `f${i}`, type: 'lorem.word' })), { name: 'b_id', ...ref('b') }] },
        {
          name: 'b',
          fields: [
            { name: 'a_id', ...ref('a') },
            { name: 'gone_id', ...ref('gone') },
          ],
        },
      ],
    };
    const g = schemaGraph(wide);
    expect(g.tables[0]).toMatchObject({ moreFields: 5 });
    expect(g.tables[0]!.fields).toHaveLength(10);
    expect(g.edges.map((e) => e.id)).toEqual(['a.b_id', 'b.a_id']);
    expect(new Set(g.tables.map((t) => t.x)).size).toBe(2);
  });
});
