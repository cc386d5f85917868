import { describe, expect, it } from 'vitest';
import { checkFailures, compile, type Definition, DefinitionError, generateRows, parseDefinition, type Row } from './index.js';
import { tableRuntime } from './compile.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';

const N = 100_000;

const ledger: Definition = {
  version: 1,
  seed: 'checks',
  tables: [
    {
      name: 'users',
      rows: 30,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'name', type: 'person.firstName' },
      ],
    },
    {
      name: 'transfers',
      rows: N,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'sender_id', type: 'ref', options: { table: 'users', field: 'id' } },
        { name: 'recipient_id', type: 'ref', options: { table: 'users', field: 'id' } },
        // a field computed from a redrawn one: recomputed with it
        { name: 'recipient_name', type: 'lookup', options: { path: 'recipient_id.name' } },
        { name: 'debit', type: 'pick', options: { values: [0, 125.5] } },
        // zero as often as not: the redraw is what makes the XOR hold
        { name: 'credit', type: 'pick', options: { values: [0, 40, 7.25], weights: [2, 1, 1] } },
        { name: 'note', type: 'lorem.word' },
      ],
      checks: [
        { name: 'transfers_check', expr: 'sender_id <> recipient_id', redraw: ['recipient_id'] },
        { name: 'transfers_debit_xor_credit', expr: 'not ((debit = 0) = (credit = 0))', redraw: ['credit'] },
      ],
    },
    {
      name: 'receipts',
      rows: 20_000,
      fields: [
        { name: 'transfer_id', type: 'ref', options: { table: 'transfers', field: 'id' } },
        { name: 'recipient_id', type: 'lookup', options: { path: 'transfer_id.recipient_id' } },
        { name: 'credit', type: 'lookup', options: { path: 'transfer_id.credit' } },
      ],
    },
  ],
};

describe('table checks met by a bounded redraw', () => {
  const plan = compile(ledger);
  const transfers = rowsEveryChunking(plan, 'transfers');
  const users = rowsEveryChunking(plan, 'users');

  it('0 violations at 100,000 rows: a <> b on two refs to one table, and an XOR of two amounts', () => {
    expect(transfers).toHaveLength(N);
    let same = 0;
    let xor = 0;
    let redrawnToZero = 0;
    let redrawnFromZero = 0;
    for (const [, sender, recipient, , debit, credit] of transfers) {
      if (sender === recipient) same++;
      if ((debit === 0) === (credit === 0)) xor++;
      if (debit !== 0 && credit === 0) redrawnToZero++;
      if (debit === 0 && credit !== 0) redrawnFromZero++;
    }
    expect(same).toBe(0);
    // an XOR met by redrawing one side passes half the attempts at best (the side needed depends on
    // the other), so 2^-17 of the rows keep failing: ~0.8 in 100,000; the pre-flight counts exactly those
    expect(xor).toBeLessThanOrEqual(5);
    expect(checkFailures(plan, 'transfers', N)[1].failing).toBe(xor);
    // both sides of the XOR occur (the check is not met by one constant branch)
    expect(redrawnToZero).toBeGreaterThan(N / 3);
    expect(redrawnFromZero).toBeGreaterThan(N / 3);
    // the redraw keeps the distribution's support: every user is still a recipient
    expect(new Set(transfers.map((r) => r[2])).size).toBe(30);
    expect(checkFailures(plan, 'transfers', N)[0]).toMatchObject({ name: 'transfers_check', columns: ['sender_id', 'recipient_id'], failing: 0 });
  });

  it('fields computed from a redrawn field follow it (same row and children through paths)', () => {
    const names = new Map(users.map((u) => [u[0], u[1]]));
    expect(transfers.every((r) => r[3] === names.get(r[2]))).toBe(true);
    const receipts = rowsEveryChunking(plan, 'receipts');
    for (const [transferId, recipient, credit] of receipts) {
      const t = transfers[(transferId as number) - 1];
      expect([recipient, credit]).toEqual([t[2], t[5]]);
    }
  });

  it('rowValue and parentRow give the values fillBlock wrote, in any order', () => {
    const runtime = tableRuntime(plan, 'transfers');
    const recipient = runtime.fieldIndex('recipient_id');
    const credit = runtime.fieldIndex('credit');
    const name = runtime.fieldIndex('recipient_name');
    for (let n = 0; n < 3000; n++) {
      const j = (n * 7919 + (n % 3) * 50_021) % N;
      expect(runtime.rowValue(recipient, j)).toBe(transfers[j][2]);
      expect(runtime.rowValue(credit, j)).toBe(transfers[j][5]);
      expect(runtime.rowValue(name, j)).toBe(transfers[j][3]);
      expect(runtime.parentRow(recipient, j) + 1).toBe(transfers[j][2]);
    }
  });

  it('the same rows in two processes', async () => {
    const { expected, got } = await sameInTwoProcesses(ledger, 'transfers', transfers);
    expect(got).toEqual(expected);
  });

  it('fields the checks do not involve keep their values; a ref is redrawn only where the check failed', () => {
    const plain = compile({ ...ledger, tables: ledger.tables.map((t) => ({ ...t, checks: undefined })) });
    const before = [...generateRows(plain, 'transfers', 0, 5000)].flat();
    let kept = 0;
    before.forEach((row, i) => {
      expect([transfers[i][0], transfers[i][1], transfers[i][6]]).toEqual([row[0], row[1], row[6]]);
      if (row[1] !== row[2]) {
        expect(transfers[i][2]).toBe(row[2]);
        kept++;
      } else expect(transfers[i][2]).not.toBe(row[2]);
    });
    expect(kept).toBeGreaterThan(4500);
    expect(kept).toBeLessThan(5000);
  });
});

describe('what a check cannot meet', () => {
  const def: Definition = {
    version: 1,
    tables: [
      {
        name: 'items',
        rows: 500,
        fields: [
          { name: 'low', type: 'number.int', options: { min: 1, max: 5 } },
          { name: 'mid', type: 'number.int', options: { min: 1, max: 5 } },
          { name: 'high', type: 'number.int', options: { min: 1, max: 9 } },
        ],
        checks: [
          { name: 'items_low_check', expr: 'low > 100', redraw: ['low'] },
          { name: 'items_order_check', expr: 'high >= mid', redraw: ['high'] },
        ],
      },
    ],
  };

  it('counts the rows still failing after every attempt, naming the check and its columns', () => {
    const plan = compile(def);
    const [never, met] = checkFailures(plan, 'items', 2000);
    expect(never).toMatchObject({ name: 'items_low_check', columns: ['low'], checked: 500, failing: 500 });
    expect(never.examples).toHaveLength(3);
    expect(never.examples[0]).toEqual({ row: 0, values: { low: expect.any(Number) } });
    expect([...met.columns].sort()).toEqual(['high', 'mid']);
    expect(met).toMatchObject({ name: 'items_order_check', failing: 0 });
    // the rows written are those counted: the last attempt stands
    const rows: Row[] = [...generateRows(plan, 'items', 0, 500)].flat();
    expect(rows.filter((r) => (r[0] as number) > 100)).toHaveLength(0);
    expect(rows.filter((r) => (r[2] as number) < (r[1] as number))).toHaveLength(0);
  });

  it('refuses redraws that would break a guarantee, and bad expressions, with their paths', () => {
    const issues = (tables: unknown) => {
      try {
        parseDefinition({ version: 1, tables });
      } catch (error) {
        return (error as DefinitionError).issues;
      }
      return [];
    };
    const got = issues([
      { name: 'org', rows: 3, fields: [{ name: 'id', type: 'sequence' }] },
      {
        name: 'team',
        primaryKey: ['id'],
        unique: [['org_id', 'code']],
        fields: [
          { name: 'id', type: 'string.uuid' },
          { name: 'org_id', type: 'ref', options: { table: 'org', field: 'id', childrenPerParent: { min: 1, max: 3 } } },
          { name: 'code', type: 'regex', options: { pattern: '[A-Z]{3}' } },
          { name: 'email', type: 'internet.email', unique: true },
          { name: 'n', type: 'sequence' },
          { name: 'label', type: 'lorem.word' },
        ],
        checks: [
          { name: 'c1', expr: 'id <> org_id', redraw: ['id', 'org_id', 'code', 'email', 'n', 'ghost'] },
          { name: 'c2', expr: 'org_id.nope > (1', redraw: ['label'] },
          { name: 'c3', expr: 'org_id.nope > 1', redraw: ['label'] },
        ],
      },
    ]);
    expect(got).toEqual([
      { path: 'tables[1].checks[0].redraw[0]', message: 'team.id cannot be redrawn: it is part of the primary key or a unique key' },
      { path: 'tables[1].checks[0].redraw[1]', message: 'team.org_id cannot be redrawn: it is part of the primary key or a unique key' },
      { path: 'tables[1].checks[0].redraw[2]', message: 'team.code cannot be redrawn: it is part of the primary key or a unique key' },
      { path: 'tables[1].checks[0].redraw[3]', message: 'team.email cannot be redrawn: it is unique (its values are a permutation of the rows)' },
      { path: 'tables[1].checks[0].redraw[4]', message: 'team.n cannot be redrawn: a sequence is the same at every attempt' },
      { path: 'tables[1].checks[0].redraw[5]', message: 'unknown field "ghost" (fields of team: id, org_id, code, email, n, label)' },
      { path: 'tables[1].checks[1].expr', message: 'at position 16: expected ")" but the expression ends' },
      { path: 'tables[1].checks[2].expr', message: expect.stringContaining('at position 0: unknown parent column "nope" in table org') },
    ]);
    const scoped = issues([
      { name: 'org', rows: 3, fields: [{ name: 'id', type: 'sequence' }] },
      {
        name: 'site',
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'org_id', type: 'ref', options: { table: 'org', field: 'id', childrenPerParent: { min: 1, max: 2 } } },
        ],
      },
      {
        name: 'page',
        fields: [
          { name: 'org_id', type: 'ref', options: { table: 'org', field: 'id' } },
          { name: 'site_id', type: 'ref', options: { table: 'site', field: 'id', scope: { target: 'org_id', equals: 'org_id' } } },
        ],
        checks: [{ name: 'page_check', expr: 'site_id > 1', redraw: ['site_id'] }],
      },
    ]);
    expect(scoped).toEqual([{ path: 'tables[2].checks[0].redraw[0]', message: 'page.site_id cannot be redrawn: a scoped ref keeps its row inside the scope' }]);
  });
});

describe('fixes: constants a branch of a check pins', () => {
  const parts = (fixes?: unknown): Definition =>
    ({
      version: 1,
      seed: 'bom',
      tables: [
        {
          name: 'parts',
          rows: 5000,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'parent_id', type: 'ref', options: { table: 'parts', field: 'id' }, nullRate: 0.3 },
            { name: 'level', type: 'number.int', options: { min: 0, max: 9 } },
            { name: 'qty', type: 'number.float', options: { min: 0.5, max: 50, fractionDigits: 2 } },
          ],
          checks: [
            {
              name: 'level_shape',
              expr: '(isnull(parent_id) and level = 0 and qty = 1) or (not isnull(parent_id) and level >= 1)',
              redraw: ['parent_id', 'level', 'qty'],
              ...(fixes ? { fixes } : {}),
            },
          ],
        },
      ],
    }) as Definition;

  it('meets a check no random draw meets, the same in every chunking, and leaves passing rows alone', () => {
    const without = compile(parts());
    // a row that must be a root (row 0 of a self-reference) cannot draw level 0 and qty 1 at once
    expect(checkFailures(without, 'parts', 5000)[0]!.failing).toBeGreaterThan(0);
    const plan = compile(parts([{ parent_id: null, level: 0, qty: 1 }]));
    expect(checkFailures(plan, 'parts', 5000)[0]!.failing).toBe(0);
    const rows = rowsEveryChunking(plan, 'parts');
    const before = [...generateRows(without, 'parts', 0, 5000)].flat();
    let roots = 0;
    rows.forEach(([, parent, level, qty], i) => {
      if (parent === null) {
        roots++;
        expect([level, qty]).toEqual([0, 1]);
      } else expect(level as number).toBeGreaterThanOrEqual(1);
      // a row the random draws already satisfied is as it was
      const b = before[i]!;
      if ((b[1] === null && b[2] === 0 && b[3] === 1) || (b[1] !== null && (b[2] as number) >= 1)) expect(rows[i]).toEqual(b);
    });
    expect(roots).toBeGreaterThan(0);
    const runtime = tableRuntime(plan, 'parts');
    for (let j = 0; j < 5000; j += 37) expect(runtime.rowValue(runtime.fieldIndex('level'), j)).toBe(rows[j]![2]);
  });

  it('refuses a fix of a field the check does not redraw, and a ref fixed to a value that names no row', () => {
    const def = parts([{ id: 3 }, { parent_id: 2 }]);
    def.tables[0]!.fields[0] = { name: 'id', type: 'string.uuid' };
    try {
      parseDefinition(def);
      expect.unreachable();
    } catch (error) {
      expect((error as DefinitionError).issues).toEqual([
        { path: 'tables[0].checks[0].fixes[0].id', message: '"id" is not among the check\'s redraw fields (parent_id, level, qty)' },
        {
          path: 'tables[0].checks[0].fixes[1].parent_id',
          message: 'a ref can only be fixed to null, or to a number when it points at a plain sequence (the parent row is then known)',
        },
      ]);
    }
  });
});

describe('fixes that empty all but one field (exactly one of three set)', () => {
  // refs mostly set: random draws rarely leave exactly one, and a fix emptying two leaves the third
  // at its first draw, which may be null too
  const jobs: Definition = {
    version: 1,
    seed: 'one-of-three',
    tables: [
      ...['emails', 'webhooks', 'slacks'].map((name) => ({ name, rows: 20, fields: [{ name: 'id', type: 'sequence' }] })),
      {
        name: 'jobs',
        rows: 20_000,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'email', type: 'ref', options: { table: 'emails', field: 'id' }, nullRate: 0.3 },
          { name: 'webhook', type: 'ref', options: { table: 'webhooks', field: 'id' }, nullRate: 0.3 },
          { name: 'slack', type: 'ref', options: { table: 'slacks', field: 'id' }, nullRate: 0.3 },
        ],
        checks: [
          {
            name: 'one_action',
            expr: 'if(isnull(email), 0, 1) + if(isnull(webhook), 0, 1) + if(isnull(slack), 0, 1) = 1',
            redraw: ['email', 'webhook', 'slack'],
            fixes: [
              { webhook: null, slack: null },
              { email: null, slack: null },
              { email: null, webhook: null },
            ],
          },
        ],
      },
    ],
  } as Definition;

  it('sets the field a fix leaves out when its first draw was null, in every chunking', () => {
    const plan = compile(jobs);
    expect(checkFailures(plan, 'jobs', 20_000)[0]!.failing).toBe(0);
    const rows = rowsEveryChunking(plan, 'jobs');
    for (const [, email, webhook, slack] of rows) expect([email, webhook, slack].filter((v) => v !== null)).toHaveLength(1);
    // the parent row of a ref set so is the one its value names
    const runtime = tableRuntime(plan, 'jobs');
    const f = runtime.fieldIndex('email');
    rows.forEach((row, j) => {
      if (j % 7 === 0) expect(runtime.rowValue(f, j)).toBe(row[1]);
    });
  });
});

describe('fixes of a ref to a key value (the "Various Artists" row: id <> 1 or type = 3 and the rest empty)', () => {
  const artists = (typeFix: number, types = 10): Definition =>
    ({
      version: 1,
      seed: 'va',
      tables: [
        {
          name: 'artist_types',
          rows: types,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'name', type: 'pick', options: { values: ['Person', 'Group', 'Other', 'Orchestra'] } },
          ],
        },
        {
          name: 'artists',
          rows: 200,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'type', type: 'ref', options: { table: 'artist_types', field: 'id' }, nullRate: 0.1 },
            { name: 'type_name', type: 'lookup', options: { path: 'type.name' } },
            { name: 'area', type: 'number.int', options: { min: 1, max: 50 }, nullRate: 0.1 },
            { name: 'end_year', type: 'number.int', options: { min: 1990, max: 2024 }, nullRate: 0.5 },
            { name: 'ended', type: 'datatype.boolean' },
          ],
          checks: [
            // a field two checks redraw (end_year) follows the check being fixed
            { name: 'ended', expr: 'isnull(end_year) or ended', redraw: ['end_year', 'ended'], fixes: [{ ended: true }, { end_year: null }] },
            {
              name: 'va',
              expr: 'id <> 1 or (type = 3 and isnull(area) and isnull(end_year))',
              redraw: ['type', 'area', 'end_year'],
              fixes: [{ type: typeFix, area: null, end_year: null }],
            },
          ],
        },
      ],
    }) as Definition;

  it('takes the parent row holding that key, so paths through the ref read that row', () => {
    const plan = compile(artists(3));
    expect(checkFailures(plan, 'artists', 200).map((c) => c.failing)).toEqual([0, 0]);
    const types = rowsEveryChunking(plan, 'artist_types');
    const rows = rowsEveryChunking(plan, 'artists');
    expect(rows[0]!.slice(0, 4)).toEqual([1, 3, types[2]![1], null]);
    for (const [, type, typeName] of rows) if (type !== null) expect(typeName).toBe(types[(type as number) - 1]![1]);
  });

  it('leaves the field at its first draw when the parent has no such row (the check then reports the row)', () => {
    const plan = compile(artists(30));
    expect(checkFailures(plan, 'artists', 200).map((c) => c.failing)).toEqual([0, 1]);
    const rows = rowsEveryChunking(plan, 'artists');
    expect(rows.every(([, type]) => type === null || (type as number) <= 10)).toBe(true);
  });
});

describe('checks that read and redraw a self-reference', () => {
  const def: Definition = {
    version: 1,
    seed: 'org',
    tables: [
      {
        name: 'employees',
        rows: 20_000,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'dept', type: 'pick', options: { values: ['eng', 'ops', 'sales'], weights: [6, 1, 1] } },
          { name: 'manager_id', type: 'ref', options: { table: 'employees', field: 'id' }, nullRate: 0.05 },
          // read by the check through the redrawn self-reference, and by the next row's
          { name: 'level', type: 'expression', options: { expr: 'coalesce(manager_id.level + 1, 0)', kind: 'integer' } },
        ],
        checks: [{ name: 'employees_same_dept', expr: 'isnull(manager_id) or manager_id.dept = dept', redraw: ['manager_id'] }],
      },
    ],
  };

  it('a manager of the same department, found by redrawing the manager; levels follow the final managers', () => {
    const plan = compile(def);
    const rows = rowsEveryChunking(plan, 'employees');
    let wrong = 0;
    let managed = 0;
    for (const [id, dept, manager, level] of rows) {
      if (manager === null) {
        expect(level).toBe(0);
        continue;
      }
      managed++;
      expect(manager as number).toBeLessThan(id as number);
      const boss = rows[(manager as number) - 1];
      if (boss[1] !== dept) wrong++;
      expect(level).toBe((boss[3] as number) + 1);
    }
    // 5 % null by nullRate, and more where a redraw found no manager of the department but drew a null
    expect(managed).toBeGreaterThan(17_000);
    // ops and sales are 1/8 of the earlier rows each: (7/8)^17 ≈ 10% of their rows exhaust the attempts
    const failure = checkFailures(plan, 'employees', rows.length)[0];
    expect(failure.failing).toBe(wrong);
    expect(wrong).toBeLessThan(rows.length * 0.05);
    const runtime = tableRuntime(plan, 'employees');
    const manager = runtime.fieldIndex('manager_id');
    const level = runtime.fieldIndex('level');
    for (let j = rows.length - 1; j >= 0; j -= 97) {
      expect(runtime.rowValue(manager, j)).toBe(rows[j][2]);
      expect(runtime.rowValue(level, j)).toBe(rows[j][3]);
    }
  });
});
