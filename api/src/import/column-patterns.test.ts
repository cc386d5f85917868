// Every column pattern: its example columns choose it, and the values it generates have its property.
import { describe, expect, it } from 'vitest';
import { compile, generateRows, parseDefinition } from '../engine/index.js';
import { COLUMN_PATTERNS, commentNames, matchColumn, normalizeName, referencePrefix, segmentName, type ColumnPattern } from './column-patterns.js';
import { importSql } from './index.js';

const ROWS = 150;

/** `[table.]column TYPE ... [+sibling ...]`: siblings are extra text columns of the table. */
function example(spec: string): { table: string; column: string; rest: string; siblings: string[] } {
  const [head, ...rest] = spec.split(' ');
  const dot = head!.indexOf('.');
  const siblings = rest.filter((w) => w.startsWith('+')).map((w) => w.slice(1));
  const type = rest.filter((w) => !w.startsWith('+')).join(' ');
  return { table: dot < 0 ? 't' : head!.slice(0, dot), column: dot < 0 ? head! : head!.slice(dot + 1), rest: type, siblings };
}

function valuesOf(spec: string): { chosen: string | undefined; reason: string; values: unknown[] } {
  const { table, column, rest, siblings } = example(spec);
  const sql = `create table "${table}" ("${column}" ${rest} not null${siblings.map((s) => `, "${s}" text`).join('')});`;
  // the properties of dates count from this instant
  const result = importSql(sql, { rows: ROWS, referenceDate: '2025-01-01T00:00:00.000Z' });
  const choice = result.columns.find((c) => c.column === column)!;
  const plan = compile(parseDefinition(result.definition), { seed: `patterns-${spec}` });
  const t = result.definition.tables[0]!;
  const index = t.fields.findIndex((f) => f.name === column);
  const values: unknown[] = [];
  for (const batch of generateRows(plan, t.name, 0, ROWS)) for (const row of batch) values.push(row[index]);
  return { chosen: choice.pattern, reason: choice.reason, values };
}

function holds(pattern: ColumnPattern, value: unknown): boolean {
  return typeof pattern.expect === 'function' ? pattern.expect(value) : pattern.expect.test(value instanceof Date ? value.toISOString() : String(value));
}

describe('the column pattern table', () => {
  it('has at least 250 patterns with distinct ids, each with examples', () => {
    expect(COLUMN_PATTERNS.length).toBeGreaterThanOrEqual(250);
    expect(new Set(COLUMN_PATTERNS.map((p) => p.id)).size).toBe(COLUMN_PATTERNS.length);
    for (const p of COLUMN_PATTERNS) expect(p.examples.length, p.id).toBeGreaterThan(0);
  });

  it('normalizes camelCase and odd names to snake case', () => {
    expect(normalizeName('stripeCustomerId')).toBe('stripe_customer_id');
    expect(normalizeName('First Name')).toBe('first_name');
    expect(normalizeName('SHA256')).toBe('sha256');
  });

  it('skips a pattern whose values do not fit the column', () => {
    const base = { table: 't', category: 'text' as const, minLength: 0, lo: 0, hi: 0, digits: 0, unique: false, siblings: [] };
    expect(matchColumn({ ...base, name: 'user_agent' })?.pattern.id).toBe('user-agent');
    expect(matchColumn({ ...base, name: 'user_agent', maxLength: 40 })?.pattern.id).not.toBe('user-agent');
  });
});

describe.each(COLUMN_PATTERNS.map((p) => [p.id, p] as const))('pattern %s', (_id, pattern) => {
  it.each(pattern.examples)('chooses it for %s and its values hold', (spec) => {
    const { chosen, reason, values } = valuesOf(spec);
    expect(chosen, reason).toBe(pattern.id);
    const bad = values.filter((v) => v !== null && !holds(pattern, v));
    expect(bad.slice(0, 3), `${bad.length} of ${values.length} values break the property`).toEqual([]);
    // length-limited columns: every value fits (the database would refuse it otherwise)
    const limit = /(?:varchar|char)\((\d+)\)/.exec(spec)?.[1];
    if (limit) expect(values.filter((v) => String(v).length > Number(limit))).toEqual([]);
  });
});

describe('unique columns', () => {
  it('take a unique-capable alternative that keeps the meaning', () => {
    const { columns } = importSql('create table sites (id int primary key, hostname varchar(253) not null unique, name text not null unique);', { rows: 2000 });
    expect(columns.find((c) => c.column === 'hostname')).toMatchObject({ type: 'regex', pattern: 'hostname' });
    expect(columns.find((c) => c.column === 'name')).toMatchObject({ type: 'commerce.productName', pattern: 'word-name' });
  });
});

describe('column comments', () => {
  const base = { table: 't', category: 'text' as const, minLength: 0, lo: 0, hi: 0, digits: 0, unique: false, siblings: [] };

  it('are read as names, longest phrase first, without edge stop words', () => {
    expect(commentNames('customer phone number')).toEqual(['customer_phone_number', 'customer_phone', 'phone_number', 'customer', 'phone', 'number']);
    const names = commentNames("The customer's date of birth. Used for age checks");
    expect(names).toContain('date_of_birth');
    expect(names.indexOf('customer_date_of_birth')).toBeLessThan(names.indexOf('date_of_birth'));
    expect(names.some((n) => /^(the|of)_|_(the|of)$/.test(n) || /used|age/.test(n))).toBe(false);
  });

  it('choose a pattern when the name matches none', () => {
    expect(matchColumn({ ...base, name: 'col_17' })).toBeUndefined();
    const m = matchColumn({ ...base, name: 'col_17', comment: 'customer phone number' });
    expect(m?.pattern.id).toBe('phone');
    expect(m?.fromComment).toBe('customer phone number');
    expect(matchColumn({ ...base, name: 'col_17', comment: 'whatever it is' })).toBeUndefined();
  });

  it('come before a terse name (ref, c1) and after an informative one', () => {
    expect(matchColumn({ ...base, name: 'ref' })?.pattern.id).not.toBe('sha1');
    expect(matchColumn({ ...base, name: 'ref', comment: 'SHA-1 of the commit' })?.pattern.id).toBe('sha1');
    // a terse name whose comment says nothing still gets its own pattern
    expect(matchColumn({ ...base, name: 'ref', comment: 'see the docs' })?.pattern.id).toBe(matchColumn({ ...base, name: 'ref' })?.pattern.id);
    const m = matchColumn({ ...base, name: 'user_agent', comment: 'customer phone number' });
    expect(m?.pattern.id).toBe('user-agent');
    expect(m?.fromComment).toBeUndefined();
  });

  it('give values of the pattern they name, through the importer', () => {
    const sql =
      "create table t (id int primary key, ref char(40) not null, c1 varchar(20) not null);\ncomment on column t.ref is 'SHA-1 of the commit';\ncomment on column t.c1 is 'customer phone number';";
    const result = importSql(sql, { rows: ROWS });
    const plan = compile(parseDefinition(result.definition), { seed: 'comments' });
    const fields = result.definition.tables[0]!.fields.map((f) => f.name);
    const rows = [...generateRows(plan, 't', 0, ROWS)].flat();
    for (const row of rows) {
      expect(String(row[fields.indexOf('ref')])).toMatch(/^[0-9a-f]{40}$/);
      expect(String(row[fields.indexOf('c1')])).toMatch(/^\+?[0-9]{10,15}$/);
    }
  });
});

describe('referencePrefix', () => {
  it('takes the initials of a table of several words and the head of a one-word table', () => {
    expect(referencePrefix('journal_entries')).toBe('JE');
    expect(referencePrefix('public.purchase_order_lines')).toBe('POL');
    expect(referencePrefix('payments')).toBe('PAY');
    expect(referencePrefix('t')).toBe('REF');
  });
});

describe('values that follow the row or the schema', () => {
  const rowsOf = (sql: string, table: string, rows = 400) => {
    const result = importSql(sql, { rows, referenceDate: '2025-01-01T00:00:00.000Z' });
    const plan = compile(parseDefinition(result.definition), { seed: 'follow' });
    const fields = result.definition.tables.find((t) => t.name === table)!.fields.map((f) => f.name);
    const all = [...generateRows(plan, table, 0, rows)].flat();
    return { result, column: (name: string) => all.map((row) => row[fields.indexOf(name)]) };
  };

  it('a code-like column with a DEFAULT literal takes it in most rows, a few common others in the rest', () => {
    for (const [name, d] of [
      ['currency', 'USD'],
      ['country_code', 'DE'],
      ['timezone', 'Europe/Berlin'],
    ] as const) {
      const values = rowsOf(`create table t (id int primary key, ${name} text not null default '${d}');`, 't').column(name);
      const share = values.filter((v) => v === d).length / values.length;
      expect(share, name).toBeGreaterThan(0.75);
      expect(share, name).toBeLessThan(0.95);
      expect(new Set(values).size, name).toBeGreaterThan(2);
    }
  });

  it('a slug under a CHECK is the slug of the row name; a username follows the person', () => {
    const sql = `create table workspaces (id int primary key, name varchar(100) not null, slug varchar(48) not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'));
      create table users (id int primary key, username varchar(39) not null unique check (username ~ '^[a-z0-9]+(-[a-z0-9]+)*$'), full_name varchar(100) not null);`;
    const workspaces = rowsOf(sql, 'workspaces');
    const names = workspaces.column('name');
    workspaces.column('slug').forEach((slug, i) => {
      expect(String(slug)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const head = String(names[i])
        .toLowerCase()
        .match(/[a-z0-9]+/)![0];
      expect(String(slug).startsWith(head), `${slug} for ${names[i]}`).toBe(true);
    });
    const users = rowsOf(sql, 'users');
    const people = users.column('full_name');
    expect(new Set(users.column('username')).size).toBe(400);
    users.column('username').forEach((username, i) => {
      expect(String(username)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const last = String(people[i])
        .toLowerCase()
        .match(/[a-z0-9]+/g)!;
      expect(
        last.some((w) => String(username).includes(w)),
        `${username} for ${people[i]}`,
      ).toBe(true);
    });
  });

  it('a second address line is more often empty than not', () => {
    const { column } = rowsOf('create table addresses (id int primary key, line1 text not null, line2 varchar(200));', 'addresses');
    const empty = column('line2').filter((v) => v === null).length / 400;
    expect(empty).toBeGreaterThan(0.45);
    expect(empty).toBeLessThan(0.75);
  });

  it('an array of picks holds each value once', () => {
    const { column } = rowsOf('create table packages (id int primary key, keywords text[] not null);', 'packages');
    for (const list of column('keywords') as string[][]) expect(new Set(list).size).toBe(list.length);
    expect(column('keywords').some((list) => (list as string[]).length >= 3)).toBe(true);
  });
});

describe('segmentName', () => {
  it('splits names whose words run together into the fewest known words', () => {
    const cases: Record<string, string> = {
      sellstartdate: 'sell_start_date',
      productnumber: 'product_number',
      carriertrackingnumber: 'carrier_tracking_number',
      creditcardapprovalcode: 'credit_card_approval_code',
      createdat: 'created_at',
      addressline1: 'address_line1',
      loginid: 'login_id',
    };
    for (const [name, words] of Object.entries(cases)) expect(segmentName(name), name).toBe(words);
  });

  it('keeps a name that is one word, or that known words do not cover', () => {
    for (const name of ['username', 'timestamp', 'metadata', 'password', 'status', 'xqzvbn', 'datexq']) expect(segmentName(name), name).toBe(name);
  });

  it('gives back the words of the example names of the patterns once they are run together', () => {
    // order_date → orderdate → order_date: a pattern found for the one is found for the other
    const examples = COLUMN_PATTERNS.flatMap((p) => p.examples.map((e) => normalizeName(e.split(/\s+/)[0]!.split('.').at(-1)!)));
    const separated = examples.filter((c) => c.includes('_') && !/\d/.test(c));
    const back = separated.filter((c) => segmentName(c.replace(/_/g, '')) === c);
    expect(separated.length).toBeGreaterThan(300);
    expect(back.length / separated.length).toBeGreaterThan(0.98);
  });
});
