// The rules the importer reads from DDL, each on a small schema: what it writes into the definition,
// and (through the engine) that generated rows keep it.
import { describe, expect, it } from 'vitest';
import { compile, generateRows } from '../engine/index.js';
import { importSql } from './index.js';
import { HEADLINE_PARTS } from './infer-rules.js';

const REF = { referenceDate: '2025-06-01T00:00:00.000Z' };

function imported(sql: string, rows = 300) {
  return importSql(sql, { rows, ...REF }).definition;
}

function rowsOf(definition: ReturnType<typeof imported>, table: string): Record<string, unknown>[] {
  const plan = compile(definition as Parameters<typeof compile>[0], { seed: 'rules' });
  const shape = plan.tables.find((t) => t.name === table)!;
  const out: Record<string, unknown>[] = [];
  for (const batch of generateRows(plan, table, 0, shape.rows))
    for (const row of batch) out.push(Object.fromEntries(shape.columns.map((c, i) => [c.name, row[i]])));
  return out;
}

const TENANTS = `
create table orgs (id bigserial primary key, name text not null, created_at timestamptz not null);
create table customers (id bigserial primary key, org_id bigint not null references orgs(id), name text not null, created_at timestamptz not null);
create table agents (id bigserial primary key, org_id bigint not null references orgs(id), role text not null check (role in ('owner', 'admin', 'agent')), created_at timestamptz not null);
create table tickets (
  id bigserial primary key, org_id bigint not null references orgs(id), customer_id bigint not null references customers(id),
  assignee_id bigint references agents(id), status text not null check (status in ('open', 'pending', 'resolved', 'closed')),
  created_at timestamptz not null, resolved_at timestamptz, closed_at timestamptz);
create table tags (id serial primary key, name text not null);
create table ticket_tags (ticket_id bigint not null references tickets(id), tag_id int not null references tags(id), primary key (ticket_id, tag_id));
create table lessons (id serial primary key, ticket_id bigint not null references tickets(id), position int not null, unique (ticket_id, position));
`;

describe('rules inferred from DDL', () => {
  const definition = imported(TENANTS);
  const byId = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [r.id, r]));
  const orgs = byId(rowsOf(definition, 'orgs'));
  const customers = byId(rowsOf(definition, 'customers'));
  const agents = byId(rowsOf(definition, 'agents'));
  const tickets = rowsOf(definition, 'tickets');

  it("keeps a row's references inside one tenant (scoped refs)", () => {
    const customerId = definition.tables.find((t) => t.name === 'tickets')!.fields.find((f) => f.name === 'customer_id')!;
    expect(customerId.options).toMatchObject({ scope: { target: 'org_id', equals: 'org_id' } });
    for (const t of tickets) {
      expect((customers.get(t.customer_id) as { org_id: unknown }).org_id).toBe(t.org_id);
      if (t.assignee_id !== null) expect((agents.get(t.assignee_id) as { org_id: unknown }).org_id).toBe(t.org_id);
    }
  });

  it('dates children after their parents and steps in lifecycle order', () => {
    for (const c of customers.values())
      expect((c.created_at as Date).getTime()).toBeGreaterThanOrEqual((orgs.get(c.org_id) as { created_at: Date }).created_at.getTime());
    for (const t of tickets) {
      expect((t.created_at as Date).getTime()).toBeGreaterThanOrEqual((customers.get(t.customer_id) as { created_at: Date }).created_at.getTime());
      if (t.closed_at && t.resolved_at) expect((t.closed_at as Date).getTime()).toBeGreaterThanOrEqual((t.resolved_at as Date).getTime());
      expect((t.created_at as Date).getTime()).toBeLessThanOrEqual(Date.parse(REF.referenceDate));
    }
  });

  it('turns a lifecycle status into row profiles', () => {
    for (const t of tickets) {
      expect(t.resolved_at !== null, `${String(t.status)} resolved_at`).toBe(t.status === 'resolved' || t.status === 'closed');
      expect(t.closed_at !== null, `${String(t.status)} closed_at`).toBe(t.status === 'closed');
    }
    expect(new Set(tickets.map((t) => t.status)).size).toBe(4);
  });

  it('gives each parent exactly one owner', () => {
    const owners = new Map<unknown, number>();
    for (const a of agents.values()) if (a.role === 'owner') owners.set(a.org_id, (owners.get(a.org_id) ?? 0) + 1);
    expect([...owners.values()].every((n) => n === 1)).toBe(true);
    expect(owners.size).toBe(orgs.size);
  });

  it('makes join tables many-to-many and numbers positions within a parent', () => {
    const pairs = rowsOf(definition, 'ticket_tags');
    expect(new Set(pairs.map((p) => `${String(p.ticket_id)}/${String(p.tag_id)}`)).size).toBe(pairs.length);
    const perTicket = new Map<unknown, number>();
    const perTag = new Map<unknown, number>();
    for (const p of pairs) {
      perTicket.set(p.ticket_id, (perTicket.get(p.ticket_id) ?? 0) + 1);
      perTag.set(p.tag_id, (perTag.get(p.tag_id) ?? 0) + 1);
    }
    expect([...perTicket.values()].some((n) => n > 1)).toBe(true);
    expect([...perTag.values()].some((n) => n > 1)).toBe(true);
    const positions = new Map<unknown, number[]>();
    for (const l of rowsOf(definition, 'lessons')) positions.set(l.ticket_id, [...(positions.get(l.ticket_id) ?? []), l.position as number]);
    for (const list of positions.values()) expect(list.sort((a, b) => a - b)).toEqual(list.map((_, i) => i + 1));
  });

  it("orders numbers a CHECK compares and keeps prices at most the parent's", () => {
    const sql = `create table courses (id serial primary key, list_price numeric(8,2) not null check (list_price >= 0), sale_price numeric(8,2) check (sale_price <= list_price));
      create table enrolments (id serial primary key, course_id int not null references courses(id), price_paid numeric(8,2) not null);`;
    const d = imported(sql);
    const courses = new Map(rowsOf(d, 'courses').map((c) => [c.id, c]));
    for (const c of courses.values()) if (c.sale_price !== null) expect(c.sale_price as number).toBeLessThanOrEqual(c.list_price as number);
    for (const e of rowsOf(d, 'enrolments'))
      expect(e.price_paid as number).toBeLessThanOrEqual((courses.get(e.course_id) as { list_price: number }).list_price);
  });

  it('says why, in the column table', () => {
    const { columns } = importSql(TENANTS, REF) as unknown as { columns: { table: string; column: string; reason: string }[] };
    expect(columns.find((c) => c.table === 'tickets' && c.column === 'customer_id')?.reason).toMatch(/scoped/);
    expect(columns.find((c) => c.table === 'tickets' && c.column === 'status')?.reason).toMatch(/profiles/);
  });

  it('has the engine evaluate and redraw CHECKs no generator expresses', () => {
    const d = imported(
      'create table pairs (id serial primary key, a int not null check (a between 1 and 3), b int not null check (b between 1 and 3), check (a <> b));',
      2000,
    );
    expect(d.tables[0]!.checks).toEqual([{ name: 'pairs_check', expr: expect.stringContaining('<>'), redraw: ['a', 'b'] }]);
    const rows = rowsOf(d, 'pairs');
    expect(rows.filter((r) => r.a === r.b)).toEqual([]);
    expect(new Set(rows.map((r) => `${String(r.a)}${String(r.b)}`)).size).toBe(6);
  });
});

describe('one side of two, and keys carried by a date series', () => {
  const definition = imported(
    `
    create table lines (id bigserial primary key, debit numeric(14,2) not null default 0 check (debit >= 0),
      credit numeric(14,2) not null default 0 check (credit >= 0), check ((debit = 0) <> (credit = 0)));
    create table links (id serial primary key, post_id int, comment_id int, check ((post_id is null) <> (comment_id is null)));
    create table spans (id serial primary key, lo int not null, hi int not null, check (lo < hi));
    create table rates (base char(3) not null, quote char(3) not null, day date not null, rate numeric(18,8) not null check (rate > 0),
      primary key (base, quote, day), check (base <> quote));
  `,
    1000,
  );
  const table = (name: string) => definition.tables.find((t) => t.name === name)!;

  it('makes a CHECK that wants exactly one of two columns empty two row variants, and the rows keep it', () => {
    expect(table('lines').profiles).toEqual({
      variants: [
        { weight: 1, fields: { credit: 0 } },
        { weight: 1, fields: { debit: 0 } },
      ],
    });
    const rows = rowsOf(definition, 'lines');
    expect(rows.filter((r) => (r.debit === 0) === (r.credit === 0))).toEqual([]);
    const debits = rows.filter((r) => r.credit === 0).length;
    expect(debits).toBeGreaterThan(400);
    expect(debits).toBeLessThan(600);
    expect(table('links').profiles).toEqual({
      variants: [
        { weight: 1, fields: { comment_id: null } },
        { weight: 1, fields: { post_id: null } },
      ],
    });
    expect(rowsOf(definition, 'links').filter((r) => (r.post_id === null) === (r.comment_id === null))).toEqual([]);
    // a CHECK both sides of which may be full is no exclusive arc
    expect(table('spans').profiles).toBeUndefined();
  });

  it('carries a key with no parent by its date, one per day up to the reference date; the other columns keep their meaning and CHECKs', () => {
    const day = table('rates').fields.find((f) => f.name === 'day')!;
    expect(day).toMatchObject({ type: 'sequence', options: { start: -1000, step: 1, unit: 'days' } });
    for (const name of ['base', 'quote']) expect(table('rates').fields.find((f) => f.name === name)!.type).not.toBe('string.uuid');
    const rows = rowsOf(definition, 'rates');
    expect(rows.filter((r) => !/^[A-Z]{3}$/.test(String(r.base)) || r.base === r.quote)).toEqual([]);
    expect(new Set(rows.map((r) => `${r.base}|${r.quote}|${(r.day as Date).toISOString()}`)).size).toBe(rows.length);
    expect(Math.max(...rows.map((r) => (r.day as Date).getTime()))).toBeLessThan(Date.parse(REF.referenceDate));
  });
});

describe('people, counterparts and work after its run started', () => {
  const definition = imported(
    `
    create table departments (id serial primary key, name text not null, created_on date not null);
    create table employees (id serial primary key, department_id int not null references departments(id), birth_date date not null,
      hire_date date not null, check (hire_date >= birth_date + interval '16 years'));
    create table leave_requests (id serial primary key, employee_id int not null references employees(id), approver_id int references employees(id),
      status text not null check (status in ('requested', 'approved', 'rejected')), requested_at timestamptz not null, decided_at timestamptz);
    create table builds (id serial primary key, queued_at timestamptz not null, started_at timestamptz, status text not null check (status in ('queued', 'running', 'success')));
    create table jobs (id serial primary key, build_id int not null references builds(id), started_at timestamptz not null);
  `,
    1000,
  );
  const table = (name: string) => definition.tables.find((t) => t.name === name)!;

  it('draws a birth date back from the hire date, so everyone is an adult when hired', () => {
    expect(table('employees').fields.find((f) => f.name === 'birth_date')).toMatchObject({
      type: 'before',
      options: { from: 'hire_date', unit: 'days', min: 6575 },
    });
    const rows = rowsOf(definition, 'employees');
    const years = (r: Record<string, unknown>) => ((r.hire_date as Date).getTime() - (r.birth_date as Date).getTime()) / (365.25 * 86_400_000);
    expect(rows.filter((r) => years(r) < 18 || years(r) > 64)).toEqual([]);
  });

  it('an approver is never the employee asking, and every request has one', () => {
    expect(table('leave_requests').fields.find((f) => f.name === 'approver_id')).toMatchObject({ options: { differentFrom: 'employee_id' } });
    const rows = rowsOf(definition, 'leave_requests');
    expect(rows.filter((r) => r.approver_id === r.employee_id || r.approver_id === null)).toEqual([]);
  });

  it("an approver works in the employee's department: every department has someone else", () => {
    expect(table('leave_requests').fields.find((f) => f.name === 'approver_id')).toMatchObject({
      options: { scope: { target: 'department_id', equals: 'employee_id.department_id' } },
    });
    expect(table('employees').fields.find((f) => f.name === 'department_id')).toMatchObject({ options: { childrenPerParent: { min: 2 } } });
    const department = new Map(rowsOf(definition, 'employees').map((e) => [e.id, e.department_id]));
    const outside = rowsOf(definition, 'leave_requests').filter((r) => department.get(r.approver_id) !== department.get(r.employee_id));
    expect(outside).toEqual([]);
  });

  it("a build's jobs start once the build started (or, still queued, after it was queued)", () => {
    expect(table('jobs').fields.find((f) => f.name === 'started_at')).toMatchObject({
      type: 'after',
      options: { from: ['build_id.started_at', 'build_id.queued_at'] },
    });
    const builds = new Map(rowsOf(definition, 'builds').map((b) => [b.id, b]));
    const early = rowsOf(definition, 'jobs').filter((j) => {
      const b = builds.get(j.build_id)!;
      return (j.started_at as Date) < ((b.started_at ?? b.queued_at) as Date);
    });
    expect(early).toEqual([]);
  });
});

describe('a party fits what it books', () => {
  const definition = imported(
    `
    create table room_types (id serial primary key, name text not null, max_occupancy smallint not null check (max_occupancy between 1 and 6));
    create table rooms (id serial primary key, room_type_id int not null references room_types(id), number text not null);
    create table bookings (id serial primary key, room_id int not null references rooms(id), adults smallint not null check (adults between 1 and 8),
      children smallint not null default 0 check (children between 0 and 6));
  `,
    2000,
  );

  it("keeps adults + children within the room type's occupancy, children mostly none", () => {
    const bookings = definition.tables.find((t) => t.name === 'bookings')!;
    expect(bookings.checks).toEqual([
      expect.objectContaining({ expr: 'adults + children <= room_id.room_type_id.max_occupancy', redraw: ['children', 'adults'] }),
    ]);
    const types = new Map(rowsOf(definition, 'room_types').map((r) => [r.id, r.max_occupancy as number]));
    const rooms = new Map(rowsOf(definition, 'rooms').map((r) => [r.id, types.get(r.room_type_id)!]));
    const rows = rowsOf(definition, 'bookings');
    expect(rows.filter((r) => (r.adults as number) < 1 || (r.adults as number) + (r.children as number) > rooms.get(r.room_id)!)).toEqual([]);
    expect(rows.filter((r) => r.children === 0).length / rows.length).toBeGreaterThan(0.6);
  });
});

describe('nothing new comes to a parent that has ended', () => {
  const definition = imported(
    `
    create table companies (id serial primary key, founded_on date not null);
    create table employees (id serial primary key, company_id int not null references companies(id), manager_id int references employees(id), hire_date date not null, termination_date date,
      status text not null check (status in ('active', 'terminated')), check (termination_date is null or termination_date >= hire_date));
  `,
    3000,
  );

  it('a table whose only parent is itself imports, its rows keeping their own dates', () => {
    const alone = imported(`create table people (id serial primary key, mentor_id int references people(id), joined_on date not null, left_on date);`);
    expect(alone.tables[0].fields.find((f) => f.name === 'joined_on')!.type).not.toBe('after');
    expect(rowsOf(alone, 'people').filter((r) => r.joined_on === null)).toEqual([]);
  });

  it('hires a report before the manager left, and never after now', () => {
    const hire = definition.tables[1].fields.find((f) => f.name === 'hire_date')!;
    expect(hire).toMatchObject({ type: 'after', options: { atMost: ['now', 'manager_id.termination_date'] } });
    const rows = rowsOf(definition, 'employees');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const late = rows.filter((r) => {
      const m = byId.get(r.manager_id);
      return (r.hire_date as Date) > new Date(REF.referenceDate) || (m?.termination_date && (r.hire_date as Date) > (m.termination_date as Date));
    });
    expect(late).toEqual([]);
  });
});

describe("a parent's count of its children", () => {
  it('counts the child rows laid out for the parent (total_tracks), and numbers them 1..n under a (parent, disc, position) key', () => {
    const definition = imported(`
      create table albums (id serial primary key, title text not null, total_tracks smallint not null check (total_tracks between 1 and 100));
      create table tracks (id serial primary key, album_id int not null references albums(id), disc_number smallint not null default 1, position smallint not null, unique (album_id, disc_number, position));
    `);
    const tracks = rowsOf(definition, 'tracks');
    const albums = rowsOf(definition, 'albums');
    const byAlbum = new Map<unknown, number[]>();
    for (const r of tracks) byAlbum.set(r.album_id, [...(byAlbum.get(r.album_id) ?? []), r.position as number]);
    expect(albums.filter((a) => a.total_tracks !== (byAlbum.get(a.id)?.length ?? 0))).toEqual([]);
    for (const positions of byAlbum.values()) expect([...positions].sort((a, b) => a - b)).toEqual(positions.map((_, i) => i + 1));
  });

  it('leaves a count alone when the children it would count cannot fit its CHECK', () => {
    const definition = imported(`
      create table posts (id serial primary key, comment_count int not null check (comment_count >= 5));
      create table comments (id serial primary key, post_id int not null references posts(id), body text not null);
    `);
    expect(definition.tables[0]!.fields.find((f) => f.name === 'comment_count')!.type).not.toBe('aggregate');
  });
});

describe('steps named by what happened are in the past', () => {
  it('keeps picked_at, shipped_at and returned_at at most the reference date, as created_at is', () => {
    const definition = imported(`
      create table parcels (id serial primary key, status text not null check (status in ('created', 'picked', 'in_transit', 'delivered', 'returned')),
        created_at timestamptz not null, picked_at timestamptz, shipped_at timestamptz, delivered_at timestamptz, returned_at timestamptz,
        check (picked_at >= created_at), check (shipped_at >= picked_at), check (delivered_at >= shipped_at), check (returned_at >= delivered_at));
    `);
    const late = rowsOf(definition, 'parcels').filter((r) =>
      ['created_at', 'picked_at', 'shipped_at', 'delivered_at', 'returned_at'].some((c) => r[c] !== null && (r[c] as Date) > new Date(REF.referenceDate)),
    );
    expect(late).toEqual([]);
  });
});

describe('an event happens before it is recorded', () => {
  it("dates an event's occurred_at after its parent, and its created_at after that", () => {
    const definition = imported(`
      create table parcels (id serial primary key, created_at timestamptz not null default now());
      create table parcel_events (id bigserial primary key, parcel_id int not null references parcels(id), occurred_at timestamptz not null, created_at timestamptz not null default now());
    `);
    const parcels = new Map(rowsOf(definition, 'parcels').map((r) => [r.id, r]));
    const events = rowsOf(definition, 'parcel_events');
    expect(events.length).toBeGreaterThan(0);
    const early = events.filter(
      (e) => (e.occurred_at as Date) < (parcels.get(e.parcel_id)!.created_at as Date) || (e.created_at as Date) < (e.occurred_at as Date),
    );
    expect(early).toEqual([]);
  });
});

describe("an article's slug is its title", () => {
  const slugify = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');

  it('draws headlines whose slugs never coincide: the verb is one token, and every adjective-noun-tail slug is distinct', () => {
    const [verbs, adjectives, nouns, tails] = HEADLINE_PARTS;
    expect(verbs.every((v) => /^[A-Za-z]+$/.test(v))).toBe(true);
    expect(new Set(verbs.map(slugify)).size).toBe(verbs.length);
    const rest = new Set<string>();
    for (const a of adjectives) for (const n of nouns) for (const t of tails) rest.add(slugify(`${a} ${n} ${t}`));
    expect(rest.size).toBe(adjectives.length * nouns.length * tails.length);
    expect(verbs.length * rest.size).toBeGreaterThan(3_000_000);
  });

  it('keeps (site, slug) unique with the slug exactly the slugified title', () => {
    const definition = imported(
      `
      create table sites (id serial primary key, name text not null);
      create table articles (id serial primary key, site_id int not null references sites(id), title varchar(200) not null, slug varchar(220) not null, unique (site_id, slug));
    `,
      5000,
    );
    const articles = definition.tables.find((t) => t.name === 'articles')!;
    expect(articles.unique).toEqual([['site_id', 'title']]);
    const rows = rowsOf(definition, 'articles');
    expect(rows.filter((r) => r.slug !== slugify(String(r.title)))).toEqual([]);
    expect(new Set(rows.map((r) => `${r.site_id}|${r.slug}`)).size).toBe(rows.length);
  });
});

describe('a table about the pairs of a join table', () => {
  const definition = imported(`
create table students (id bigserial primary key, created_at timestamptz not null);
create table courses (id serial primary key, created_at timestamptz not null);
create table enrolments (student_id bigint not null references students(id), course_id int not null references courses(id), enrolled_at timestamptz not null, primary key (student_id, course_id));
create table reviews (id bigserial primary key, course_id int not null references courses(id), student_id bigint not null references students(id), rating smallint not null, created_at timestamptz not null, unique (student_id, course_id));
`);

  it('reviews only pairs that are enrolled, each at most once, after the enrolment', () => {
    const enrolled = new Map(rowsOf(definition, 'enrolments').map((e) => [`${e.student_id}|${e.course_id}`, e.enrolled_at as Date]));
    const reviews = rowsOf(definition, 'reviews');
    expect(reviews.length).toBeGreaterThan(enrolled.size / 4);
    expect(reviews.filter((r) => !enrolled.has(`${r.student_id}|${r.course_id}`))).toEqual([]);
    expect(new Set(reviews.map((r) => `${r.student_id}|${r.course_id}`)).size).toBe(reviews.length);
    expect(reviews.filter((r) => (r.created_at as Date) < enrolled.get(`${r.student_id}|${r.course_id}`)!)).toEqual([]);
  });
});

describe('partial unique indexes', () => {
  const definition = imported(`
create type member_role as enum ('owner', 'admin', 'member');
create table customers (id bigserial primary key, created_at timestamptz not null);
create table addresses (id bigserial primary key, customer_id bigint not null references customers(id), line1 text not null, is_default boolean not null default false);
create unique index addresses_one_default on addresses (customer_id) where is_default;
create table workspaces (id uuid primary key, name text not null);
create table members (workspace_id uuid not null references workspaces(id), user_id bigint not null references customers(id), role member_role not null, primary key (workspace_id, user_id));
create unique index members_one_owner on members (workspace_id) where role = 'owner';
create table subscriptions (id bigserial primary key, customer_id bigint not null references customers(id), canceled_at timestamptz);
create unique index one_live_subscription on subscriptions (customer_id) where canceled_at is null;
create table accounts (id bigserial primary key, email text not null, deleted_at timestamptz);
create unique index accounts_email_live on accounts (email) where deleted_at is null;
`);
  const count = (rows: Record<string, unknown>[], key: string, where: (r: Record<string, unknown>) => boolean) => {
    const per = new Map<unknown, number>();
    for (const r of rows) if (where(r)) per.set(r[key], (per.get(r[key]) ?? 0) + 1);
    return per;
  };

  it('makes exactly one default per parent, and one owner per workspace', () => {
    const addresses = rowsOf(definition, 'addresses');
    const customers = rowsOf(definition, 'customers');
    const defaults = count(addresses, 'customer_id', (r) => r.is_default === true);
    expect(defaults.size).toBe(new Set(addresses.map((a) => a.customer_id)).size);
    expect([...defaults.values()].every((n) => n === 1)).toBe(true);
    expect(addresses.length).toBeGreaterThan(customers.length); // some customers have more than one address
    const owners = count(rowsOf(definition, 'members'), 'workspace_id', (r) => r.role === 'owner');
    expect([...owners.values()].every((n) => n === 1)).toBe(true);
    expect(owners.size).toBe(rowsOf(definition, 'workspaces').length);
  });

  it('keeps any other partial unique: at most one row per parent, or the column unique', () => {
    const live = count(rowsOf(definition, 'subscriptions'), 'customer_id', (r) => r.canceled_at === null);
    expect([...live.values()].every((n) => n <= 1)).toBe(true);
    const emails = rowsOf(definition, 'accounts').map((a) => a.email);
    expect(new Set(emails).size).toBe(emails.length);
  });
});

describe('CHECKs that tie columns together, subsets and unique codes', () => {
  const definition = imported(`
create table coupons (
  id serial primary key, code varchar(12) not null unique check (code ~ '^[A-Z0-9]+$'),
  percent_off numeric(5,2), amount_off numeric(10,2),
  duration text not null check (duration in ('once', 'repeating', 'forever')), duration_in_months int,
  check ((percent_off is null) <> (amount_off is null)),
  check ((duration = 'repeating') = (duration_in_months is not null)));
create table payments (id serial primary key, status text not null check (status in ('pending', 'succeeded', 'failed')), failure_code text,
  check ((status = 'failed') = (failure_code is not null)));
create table packages (id serial primary key, name text not null, deprecated_at timestamptz, deprecation_message text,
  check ((deprecated_at is null) = (deprecation_message is null)));
create table api_tokens (id serial primary key, scopes text[] not null check (scopes <@ array['read', 'publish', 'admin']::text[]));
`);

  it('sets a column exactly for the values of the column a CHECK ties it to, keeping the other CHECK too', () => {
    const coupons = rowsOf(definition, 'coupons');
    expect(coupons.every((c) => (c.duration === 'repeating') === (c.duration_in_months !== null))).toBe(true);
    expect(coupons.every((c) => (c.percent_off === null) !== (c.amount_off === null))).toBe(true);
    expect(new Set(coupons.map((c) => c.duration)).size).toBe(3);
    const payments = rowsOf(definition, 'payments');
    expect(payments.every((p) => (p.status === 'failed') === (p.failure_code !== null))).toBe(true);
    expect(payments.some((p) => p.status === 'failed')).toBe(true);
  });

  it('sets two columns together or neither, mostly neither', () => {
    const packages = rowsOf(definition, 'packages');
    expect(packages.every((p) => (p.deprecated_at === null) === (p.deprecation_message === null))).toBe(true);
    const deprecated = packages.filter((p) => p.deprecated_at !== null).length;
    expect(deprecated).toBeGreaterThan(0);
    expect(deprecated).toBeLessThan(packages.length / 2);
  });

  it('keeps a unique code inside its CHECK pattern (no row suffix the pattern refuses), and an array inside its subset CHECK', () => {
    const codes = rowsOf(definition, 'coupons').map((c) => c.code as string);
    expect(codes.every((c) => /^[A-Z0-9]+$/.test(c) && c.length <= 12)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { scopes } of rowsOf(definition, 'api_tokens')) {
      const list = scopes as string[];
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((s) => ['read', 'publish', 'admin'].includes(s))).toBe(true);
      expect(new Set(list).size).toBe(list.length);
    }
  });
});

describe('money and durations that are arithmetic of the row', () => {
  const definition = imported(`
create table orders (id bigserial primary key, subtotal numeric(12,2) not null check (subtotal >= 0), discount_total numeric(12,2) not null default 0,
  shipping_total numeric(12,2) not null default 0, tax_total numeric(12,2) not null default 0, grand_total numeric(12,2) not null,
  amount_paid numeric(12,2) not null default 0, check (discount_total <= subtotal), check (amount_paid <= grand_total));
create table order_items (id bigserial primary key, order_id bigint not null references orders(id), quantity int not null check (quantity > 0),
  unit_price numeric(10,2) not null, line_total numeric(12,2) not null);
create table time_entries (id bigserial primary key, started_at timestamptz not null, ended_at timestamptz not null,
  duration_minutes int not null check (duration_minutes > 0), check (ended_at > started_at));
`);
  const cents = (x: unknown) => Math.round(Number(x) * 100);

  it('totals a line as quantity × unit price, and an order as subtotal − discount + shipping + tax, within the CHECKs', () => {
    for (const line of rowsOf(definition, 'order_items'))
      expect(cents(line.line_total)).toBe(Math.round(Number(line.quantity) * Number(line.unit_price) * 100));
    const orders = rowsOf(definition, 'orders');
    for (const o of orders) {
      expect(cents(o.grand_total)).toBe(cents(o.subtotal) - cents(o.discount_total) + cents(o.shipping_total) + cents(o.tax_total));
      expect(Number(o.discount_total)).toBeLessThanOrEqual(Number(o.subtotal));
      expect(Number(o.shipping_total)).toBeLessThan(20);
      expect(Number(o.amount_paid)).toBeLessThanOrEqual(Number(o.grand_total));
    }
    expect(orders.some((o) => Number(o.discount_total) > 0)).toBe(true);
  });

  it('counts a duration in minutes between start and end, never 0', () => {
    for (const e of rowsOf(definition, 'time_entries')) {
      const minutes = ((e.ended_at as Date).getTime() - (e.started_at as Date).getTime()) / 60_000;
      expect(e.duration_minutes).toBe(Math.ceil(minutes));
      expect(e.duration_minutes as number).toBeGreaterThan(0);
    }
  });
});

describe('members of a group act in it; a flag follows its moment', () => {
  const definition = imported(`
create table users (id uuid primary key, created_at timestamptz not null);
create table workspaces (id uuid primary key, name text not null, created_at timestamptz not null);
create table workspace_members (workspace_id uuid not null references workspaces(id), user_id uuid not null references users(id), joined_at timestamptz not null, primary key (workspace_id, user_id));
create table projects (id bigserial primary key, workspace_id uuid not null references workspaces(id), lead_id uuid not null references users(id),
  is_archived boolean not null default false, archived_at timestamptz, created_at timestamptz not null);
create table tasks (id bigserial primary key, project_id bigint not null references projects(id), assignee_id uuid references users(id), created_at timestamptz not null);
`);

  it("picks a project's lead and a task's assignee among the members of the row's workspace", () => {
    const members = new Set(rowsOf(definition, 'workspace_members').map((m) => `${m.workspace_id}|${m.user_id}`));
    const projects = rowsOf(definition, 'projects');
    expect(projects.filter((p) => !members.has(`${p.workspace_id}|${p.lead_id}`))).toEqual([]);
    const workspaceOf = new Map(projects.map((p) => [p.id, p.workspace_id]));
    const tasks = rowsOf(definition, 'tasks').filter((t) => t.assignee_id !== null);
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.filter((t) => !members.has(`${workspaceOf.get(t.project_id)}|${t.assignee_id}`))).toEqual([]);
  });

  it('sets is_archived exactly when archived_at is set, for a minority of rows', () => {
    const projects = rowsOf(definition, 'projects');
    expect(projects.every((p) => p.is_archived === (p.archived_at !== null))).toBe(true);
    const archived = projects.filter((p) => p.is_archived).length;
    expect(archived).toBeGreaterThan(0);
    expect(archived).toBeLessThan(projects.length / 2);
  });
});

describe('a many-to-many join inside one tenant', () => {
  const definition = imported(`
create table workspaces (id uuid primary key, name text not null);
create table projects (id bigserial primary key, workspace_id uuid not null references workspaces(id), name text not null);
create table tasks (id bigserial primary key, project_id bigint not null references projects(id), title text not null);
create table labels (id serial primary key, workspace_id uuid not null references workspaces(id), name text not null);
create table task_labels (task_id bigint not null references tasks(id), label_id int not null references labels(id), primary key (task_id, label_id));
`);

  it('gives a task only labels of its own workspace, each once, some tasks several', () => {
    const workspaceOfProject = new Map(rowsOf(definition, 'projects').map((p) => [p.id, p.workspace_id]));
    const workspaceOfTask = new Map(rowsOf(definition, 'tasks').map((t) => [t.id, workspaceOfProject.get(t.project_id)]));
    const workspaceOfLabel = new Map(rowsOf(definition, 'labels').map((l) => [l.id, l.workspace_id]));
    const pairs = rowsOf(definition, 'task_labels');
    expect(pairs.filter((p) => workspaceOfTask.get(p.task_id) !== workspaceOfLabel.get(p.label_id))).toEqual([]);
    expect(new Set(pairs.map((p) => `${p.task_id}|${p.label_id}`)).size).toBe(pairs.length);
    expect(pairs.length).toBeGreaterThan(new Set(pairs.map((p) => p.task_id)).size);
  });

  it('pairs rows of one group both ways when the left side is keyed (group, name): several left rows per group share right rows', () => {
    const keyed = imported(`
create table teams (id serial primary key, name text not null);
create table repos (id serial primary key, team_id int not null references teams(id), name text not null check (name in ('api', 'web', 'docs', 'infra', 'mobile')), unique (team_id, name));
create table runners (id serial primary key, team_id int not null references teams(id), hostname text not null);
create table repo_runners (repo_id int not null references repos(id), runner_id int not null references runners(id), primary key (repo_id, runner_id));
`);
    const repos = keyed.tables.find((t) => t.name === 'repos')!;
    expect(repos.fields.find((f) => f.name === 'team_id')!.options).toMatchObject({ childrenPerParent: { min: 1 } });
    const repoRows = rowsOf(keyed, 'repos');
    const teamOfRepo = new Map(repoRows.map((r) => [r.id, r.team_id]));
    const teamOfRunner = new Map(rowsOf(keyed, 'runners').map((r) => [r.id, r.team_id]));
    const pairs = rowsOf(keyed, 'repo_runners');
    expect(pairs.filter((p) => teamOfRepo.get(p.repo_id) !== teamOfRunner.get(p.runner_id))).toEqual([]);
    expect(new Set(repoRows.map((r) => `${r.team_id}|${r.name}`)).size).toBe(repoRows.length);
    const repeats = (column: string) => {
      const seen = new Map<unknown, number>();
      for (const p of pairs) seen.set(p[column], (seen.get(p[column]) ?? 0) + 1);
      return [...seen.values()].filter((n) => n > 1).length;
    };
    expect(repeats('repo_id')).toBeGreaterThan(0);
    expect(repeats('runner_id')).toBeGreaterThan(0);
  });
});

describe('only memberships make members', () => {
  it('leaves a ref alone when the join pairs rows without making members (likes)', () => {
    const definition = imported(`
create table users (id uuid primary key);
create table posts (id bigserial primary key, author_id uuid not null references users(id));
create table likes (user_id uuid not null references users(id), post_id bigint not null references posts(id), primary key (user_id, post_id));
create table comments (id bigserial primary key, post_id bigint not null references posts(id), author_id uuid not null references users(id));
`);
    const comments = definition.tables.find((t) => t.name === 'comments')!;
    expect(comments.fields.find((f) => f.name === 'post_id')!.options).toMatchObject({ table: 'posts', field: 'id' });
    expect(comments.fields.find((f) => f.name === 'author_id')!.options).toMatchObject({ table: 'users', field: 'id' });
    expect(rowsOf(definition, 'comments').length).toBeGreaterThan(0);
  });
});

describe('billing periods', () => {
  it('ends a period one interval of the plan after it starts, and starts it after the row was created', () => {
    const definition = imported(`
create table plans (id serial primary key, billing_interval text not null check (billing_interval in ('month', 'year')));
create table subscriptions (id bigserial primary key, plan_id int not null references plans(id), created_at timestamptz not null,
  current_period_start timestamptz not null, current_period_end timestamptz not null, check (current_period_end > current_period_start));
`);
    const interval = new Map(rowsOf(definition, 'plans').map((p) => [p.id, p.billing_interval]));
    const subscriptions = rowsOf(definition, 'subscriptions');
    const DAY = 86_400_000;
    for (const s of subscriptions) {
      const days = ((s.current_period_end as Date).getTime() - (s.current_period_start as Date).getTime()) / DAY;
      expect(days).toBe(interval.get(s.plan_id) === 'year' ? 365 : 30);
      expect((s.current_period_start as Date).getTime()).toBeGreaterThanOrEqual((s.created_at as Date).getTime());
    }
    expect(new Set(subscriptions.map((s) => interval.get(s.plan_id))).size).toBe(2);
  });
});

describe('payments by kind and invoices by status', () => {
  const definition = imported(`
create table payment_methods (id serial primary key, type text not null check (type in ('card', 'bank_account')), brand text, exp_month int, exp_year int, bank_name text);
create table invoices (id serial primary key, status text not null check (status in ('draft', 'open', 'paid', 'void', 'uncollectible')),
  total numeric(12,2) not null, amount_paid numeric(12,2) not null default 0, paid_at timestamptz, voided_at timestamptz, created_at timestamptz not null,
  check (amount_paid <= total));
`);

  it("gives cards a brand and an expiry and bank accounts a bank, not the other's", () => {
    for (const m of rowsOf(definition, 'payment_methods')) {
      const card = m.type === 'card';
      expect([m.brand !== null, m.exp_month !== null, m.exp_year !== null, m.bank_name === null]).toEqual([card, card, card, card]);
    }
  });

  it('pays a paid invoice in full and nothing before; an uncollectible one was never paid', () => {
    const invoices = rowsOf(definition, 'invoices');
    for (const i of invoices) {
      if (i.status === 'paid') expect([i.paid_at !== null, Number(i.amount_paid)]).toEqual([true, Number(i.total)]);
      if (i.status === 'draft' || i.status === 'open') expect(Number(i.amount_paid)).toBe(0);
      if (i.status === 'uncollectible') expect(i.paid_at).toBeNull();
      expect(Number(i.amount_paid)).toBeLessThanOrEqual(Number(i.total));
    }
    expect(new Set(invoices.map((i) => i.status)).size).toBe(5);
  });
});

describe('payments pay what is owed', () => {
  it("splits an order's total among its payments: each positive, together exactly the total", () => {
    const definition = imported(`
create table orders (id bigserial primary key, subtotal numeric(12,2) not null, tax_total numeric(12,2) not null, grand_total numeric(12,2) not null);
create table payments (id bigserial primary key, order_id bigint not null references orders(id), amount numeric(12,2) not null check (amount > 0));
`);
    const payments = definition.tables.find((t) => t.name === 'payments')!;
    expect(payments.fields.find((f) => f.name === 'amount')).toMatchObject({ type: 'share', options: { of: 'order_id.grand_total', per: 'order_id' } });
    const totals = new Map(rowsOf(definition, 'orders').map((o) => [o.id, Math.round(Number(o.grand_total) * 100)]));
    const paid = new Map<unknown, number[]>();
    for (const p of rowsOf(definition, 'payments')) paid.set(p.order_id, [...(paid.get(p.order_id) ?? []), Math.round(Number(p.amount) * 100)]);
    expect(paid.size).toBe(totals.size);
    expect([...paid.values()].some((cents) => cents.length > 1)).toBe(true);
    for (const [order, cents] of paid) {
      expect(cents.every((c) => c > 0)).toBe(true);
      expect(cents.reduce((a, b) => a + b, 0)).toBe(Math.max(totals.get(order)!, cents.length));
    }
  });

  it('pays the whole total when the payments are laid out by another parent', () => {
    const definition = imported(`
create table accounts (id bigserial primary key, name text not null);
create table invoices (id bigserial primary key, total numeric(12,2) not null);
create table charges (id bigserial primary key, account_id bigint not null references accounts(id), invoice_id bigint not null references invoices(id),
  is_primary boolean not null default false, amount numeric(12,2) not null check (amount > 0));
create unique index charges_one_primary on charges (account_id) where is_primary;
`);
    const totals = new Map(rowsOf(definition, 'invoices').map((o) => [o.id, Number(o.total)]));
    const charges = rowsOf(definition, 'charges');
    expect(charges.length).toBeGreaterThan(0);
    for (const c of charges) expect(Number(c.amount)).toBe(Math.max(totals.get(c.invoice_id)!, 0.01));
  });
});

describe('ends of a row', () => {
  it('yanks a version after it was published, and uses a token only before it expired or was revoked', () => {
    const definition = imported(`
create table versions (id serial primary key, published_at timestamptz not null, yanked_at timestamptz);
create table api_tokens (id serial primary key, created_at timestamptz not null, last_used_at timestamptz, expires_at timestamptz, revoked_at timestamptz,
  check (expires_at is null or expires_at > created_at));
`);
    for (const v of rowsOf(definition, 'versions')) if (v.yanked_at) expect((v.yanked_at as Date) >= (v.published_at as Date)).toBe(true);
    const tokens = rowsOf(definition, 'api_tokens');
    expect(tokens.some((t) => t.last_used_at && t.expires_at)).toBe(true);
    for (const t of tokens) {
      if (t.last_used_at && t.expires_at) expect((t.last_used_at as Date) <= (t.expires_at as Date)).toBe(true);
      if (t.last_used_at && t.revoked_at) expect((t.last_used_at as Date) <= (t.revoked_at as Date)).toBe(true);
    }
  });
});

describe('composite foreign keys', () => {
  it('picks one parent row and copies the key from it (tenant_id, project_id) → projects(tenant_id, id)', () => {
    const definition = imported(`
create table tenants (id uuid primary key, name text not null);
create table projects (tenant_id uuid not null references tenants(id), id bigserial, name text not null, primary key (tenant_id, id), unique (id));
create table tasks (id bigserial primary key, tenant_id uuid not null references tenants(id), project_id bigint not null, title text not null,
  foreign key (tenant_id, project_id) references projects(tenant_id, id));
`);
    const keys = new Set(rowsOf(definition, 'projects').map((p) => `${p.tenant_id}|${p.id}`));
    const tasks = rowsOf(definition, 'tasks');
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.filter((t) => !keys.has(`${t.tenant_id}|${t.project_id}`))).toEqual([]);
  });
});

describe('a relation to another row of the same kind', () => {
  const definition = imported(
    `
create table packages (id bigserial primary key, name text not null unique);
create table versions (id bigserial primary key, package_id bigint not null references packages(id), version text not null);
create table dependencies (
  version_id bigint not null references versions(id),
  depends_on_package_id bigint not null references packages(id),
  primary key (version_id, depends_on_package_id));
create table tasks (id bigserial primary key, package_id bigint not null references packages(id), blocked_by_task_id bigint references tasks(id));
`,
    40,
  );

  it('never makes a version depend on its own package', () => {
    const dependsOn = definition.tables.find((t) => t.name === 'dependencies')!.fields.find((f) => f.name === 'depends_on_package_id')!;
    expect(dependsOn.options).toMatchObject({ distinctWithin: 'version_id', differentFrom: 'version_id.package_id' });
    const packageOf = new Map(rowsOf(definition, 'versions').map((v) => [v.id, v.package_id]));
    const rows = rowsOf(definition, 'dependencies');
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.filter((d) => packageOf.get(d.version_id) === d.depends_on_package_id)).toEqual([]);
  });

  it('leaves refs that do not name a relation of the same kind alone', () => {
    const version = definition.tables.find((t) => t.name === 'versions')!.fields.find((f) => f.name === 'package_id')!;
    expect((version.options as Record<string, unknown>).differentFrom).toBeUndefined();
    // a self-reference is not reached through another ref
    const blocked = definition.tables.find((t) => t.name === 'tasks')!.fields.find((f) => f.name === 'blocked_by_task_id')!;
    expect((blocked.options as Record<string, unknown>).differentFrom).toBeUndefined();
  });
});

describe('a prerelease flag beside a version', () => {
  const definition = imported(`
create table packages (id bigserial primary key, name text not null unique);
create table versions (
  id bigserial primary key, package_id bigint not null references packages(id), version varchar(64) not null,
  is_prerelease boolean not null default false, unique (package_id, version));
create table releases (id bigserial primary key, version text not null, published boolean not null);
`);

  it('is true exactly for versions with a prerelease suffix, which some versions have, each version once per package', () => {
    const rows = rowsOf(definition, 'versions');
    for (const v of rows) {
      expect(v.version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
      expect(v.is_prerelease).toBe(/^\d+\.\d+\.\d+-/.test(v.version as string));
    }
    const share = rows.filter((v) => v.is_prerelease).length / rows.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.4);
    expect(new Set(rows.map((v) => `${v.package_id}|${v.version}`)).size).toBe(rows.length);
  });

  it('leaves other flags and versions alone', () => {
    const releases = definition.tables.find((t) => t.name === 'releases')!;
    expect(releases.fields.find((f) => f.name === 'version')!.type).toBe('system.semver');
    expect(releases.fields.find((f) => f.name === 'published')!.type).toBe('datatype.boolean');
  });
});

describe('children of parents past a step (shipments of shipped orders, returns of delivered ones)', () => {
  const definition = imported(`
create type order_status as enum ('pending', 'paid', 'shipped', 'delivered', 'canceled');
create table orders (
  id bigserial primary key, status order_status not null, placed_at timestamptz not null,
  paid_at timestamptz, shipped_at timestamptz, delivered_at timestamptz, canceled_at timestamptz);
create table order_items (id bigserial primary key, order_id bigint not null references orders(id), quantity integer not null check (quantity > 0));
create table shipments (id bigserial primary key, order_id bigint not null references orders(id), created_at timestamptz not null);
create table returns (
  id bigserial primary key, order_item_id bigint not null references order_items(id),
  quantity integer not null check (quantity > 0), requested_at timestamptz not null);
create table notes (id bigserial primary key, order_id bigint not null references orders(id), created_at timestamptz not null);
`);
  const orders = new Map(rowsOf(definition, 'orders').map((o) => [o.id, o]));
  const items = new Map(rowsOf(definition, 'order_items').map((i) => [i.id, i]));
  const time = (v: unknown) => (v as Date).getTime();

  it('ships only orders that shipped, after they shipped', () => {
    const shipments = rowsOf(definition, 'shipments');
    expect(shipments.length).toBeGreaterThan(100);
    for (const s of shipments) {
      const order = orders.get(s.order_id)!;
      expect(['shipped', 'delivered']).toContain(order.status);
      expect(time(s.created_at)).toBeGreaterThanOrEqual(time(order.shipped_at));
    }
  });

  it('returns only items of delivered orders, after the delivery, at most the quantity bought', () => {
    const returns = rowsOf(definition, 'returns');
    expect(returns.length).toBeGreaterThan(100);
    for (const r of returns) {
      const item = items.get(r.order_item_id)!;
      const order = orders.get(item.order_id)!;
      expect(order.status).toBe('delivered');
      expect(time(r.requested_at)).toBeGreaterThanOrEqual(time(order.delivered_at));
      expect(r.quantity).toBeGreaterThanOrEqual(1);
      expect(r.quantity).toBeLessThanOrEqual(item.quantity as number);
    }
  });

  it('leaves children that follow no step alone', () => {
    const notes = definition.tables.find((t) => t.name === 'notes')!;
    expect((notes.fields.find((f) => f.name === 'order_id')!.options as Record<string, unknown>).where).toBeUndefined();
  });
});

describe('what a clinician records exists only for visits that took place, and expiries follow their row', () => {
  const definition = imported(`
create table visits (
  id bigserial primary key, status text not null check (status in ('scheduled', 'checked_in', 'completed', 'no_show', 'cancelled')),
  starts_at timestamptz not null, checked_in_at timestamptz, completed_at timestamptz, cancelled_at timestamptz, created_at timestamptz not null);
create table diagnoses (id bigserial primary key, visit_id bigint not null references visits(id), code text not null, recorded_at timestamptz not null);
create table vouchers (id bigserial primary key, code text not null, issued_at timestamptz not null, expires_on date not null, valid_until timestamptz);
`);
  const visits = new Map(rowsOf(definition, 'visits').map((v) => [v.id, v]));
  const time = (v: unknown) => (v as Date).getTime();

  it('diagnoses only completed visits, after they were completed (and so after check-in)', () => {
    const diagnoses = rowsOf(definition, 'diagnoses');
    expect(diagnoses.length).toBeGreaterThan(100);
    for (const d of diagnoses) {
      const visit = visits.get(d.visit_id)!;
      expect(visit.status).toBe('completed');
      expect(time(d.recorded_at)).toBeGreaterThanOrEqual(time(visit.completed_at));
      expect(time(d.recorded_at)).toBeGreaterThanOrEqual(time(visit.checked_in_at));
    }
  });

  it('sets an expiry no CHECK orders a day to a year after the row came to be', () => {
    const vouchers = rowsOf(definition, 'vouchers');
    const day = (v: unknown) => (v as Date).toISOString().slice(0, 10);
    for (const v of vouchers) {
      expect(day(v.expires_on) > day(v.issued_at)).toBe(true);
      expect(time(v.expires_on) - time(v.issued_at)).toBeLessThanOrEqual(366 * 86_400_000);
      if (v.valid_until !== null) expect(time(v.valid_until)).toBeGreaterThan(time(v.issued_at));
    }
  });
});

describe('no one reviews their own work', () => {
  it("never has a pull request's author review it", () => {
    const definition = imported(`
      create table accounts (id bigserial primary key, login text not null, created_at timestamptz not null);
      create table pull_requests (id bigserial primary key, author_id bigint not null references accounts(id), created_at timestamptz not null);
      create table reviews (id bigserial primary key, pull_request_id bigint not null references pull_requests(id), reviewer_id bigint not null references accounts(id), submitted_at timestamptz not null);
    `);
    const prs = new Map(rowsOf(definition, 'pull_requests').map((p) => [p.id, p]));
    const reviews = rowsOf(definition, 'reviews');
    expect(reviews.length).toBeGreaterThan(100);
    expect(reviews.filter((r) => r.reviewer_id === prs.get(r.pull_request_id)!.author_id)).toEqual([]);
  });
});

describe('parties of a sale agree, and no one is their own customer', () => {
  const definition = imported(`
create table people (id uuid primary key, created_at timestamptz not null);
create table shops (id bigserial primary key, owner_id uuid not null references people(id), created_at timestamptz not null);
create table items (id bigserial primary key, shop_id bigint not null references shops(id), created_at timestamptz not null);
create table offers (id bigserial primary key, item_id bigint not null references items(id), buyer_id uuid not null references people(id), created_at timestamptz not null);
create table sales (
  id bigserial primary key, item_id bigint not null references items(id), buyer_id uuid not null references people(id),
  accepted_offer_id bigint references offers(id), total numeric(10,2) not null check (total > 0),
  status text not null check (status in ('pending', 'paid', 'refunded')), paid_at timestamptz, created_at timestamptz not null);
create table refunds (
  id bigserial primary key, sale_id bigint not null references sales(id), requested_by uuid not null references people(id),
  refund_amount numeric(10,2) check (refund_amount >= 0), created_at timestamptz not null);
`);
  const shops = new Map(rowsOf(definition, 'shops').map((s) => [s.id, s]));
  const items = new Map(rowsOf(definition, 'items').map((i) => [i.id, i]));
  const offers = rowsOf(definition, 'offers');
  const offerById = new Map(offers.map((o) => [o.id, o]));
  const sales = rowsOf(definition, 'sales');
  const saleById = new Map(sales.map((s) => [s.id, s]));

  it("never has a shop's owner make an offer on the shop's own items", () => {
    const field = definition.tables.find((t) => t.name === 'offers')!.fields.find((f) => f.name === 'buyer_id')!;
    expect(field.options).toMatchObject({ differentFrom: 'item_id.shop_id.owner_id' });
    for (const o of offers) expect(o.buyer_id).not.toBe(shops.get(items.get(o.item_id)!.shop_id)!.owner_id);
  });

  it("sells to the buyer of the sale's accepted offer, an offer on the same item", () => {
    const withOffer = sales.filter((s) => s.accepted_offer_id !== null);
    expect(withOffer.length).toBeGreaterThan(50);
    for (const s of withOffer) {
      const offer = offerById.get(s.accepted_offer_id)!;
      expect(offer.item_id).toBe(s.item_id);
      expect(offer.buyer_id).toBe(s.buyer_id);
    }
  });

  it("has a refund asked for by the sale's buyer, for at most the sale's total", () => {
    const refunds = rowsOf(definition, 'refunds');
    expect(refunds.length).toBeGreaterThan(100);
    let amounts = 0;
    for (const r of refunds) {
      const sale = saleById.get(r.sale_id)!;
      expect(r.requested_by).toBe(sale.buyer_id);
      if (r.refund_amount === null) continue;
      amounts++;
      expect(r.refund_amount as number).toBeGreaterThanOrEqual(0);
      expect(r.refund_amount as number).toBeLessThanOrEqual(sale.total as number);
    }
    expect(amounts).toBeGreaterThan(50);
  });
});

describe('bids during an auction that ran, orders for lots that sold', () => {
  const definition = imported(`
create table people (id uuid primary key, created_at timestamptz not null);
create table lots (
  id bigserial primary key, seller_id uuid not null references people(id),
  status text not null check (status in ('draft', 'live', 'sold', 'expired', 'withdrawn')),
  created_at timestamptz not null, starts_at timestamptz, sold_at timestamptz, ends_at timestamptz,
  check (ends_at > starts_at));
create table bids (
  id bigserial primary key, lot_id bigint not null references lots(id), bidder_id uuid not null references people(id),
  is_winning boolean not null default false, placed_at timestamptz not null);
create unique index bids_one_winner on bids (lot_id) where is_winning;
create table orders (
  id bigserial primary key, lot_id bigint not null unique references lots(id), buyer_id uuid not null references people(id),
  created_at timestamptz not null);
`);
  const lots = new Map(rowsOf(definition, 'lots').map((l) => [l.id, l]));
  const time = (v: unknown) => (v as Date).getTime();

  it('bids only on lots that went live and were not withdrawn, between their start and end, one winner each', () => {
    const bids = rowsOf(definition, 'bids');
    expect(bids.length).toBeGreaterThan(100);
    const winners = new Map<unknown, number>();
    for (const b of bids) {
      const lot = lots.get(b.lot_id)!;
      expect(['live', 'sold', 'expired']).toContain(lot.status);
      expect(time(b.placed_at)).toBeGreaterThanOrEqual(time(lot.starts_at));
      if (lot.ends_at !== null) expect(time(b.placed_at)).toBeLessThanOrEqual(time(lot.ends_at));
      if (b.is_winning) winners.set(b.lot_id, (winners.get(b.lot_id) ?? 0) + 1);
    }
    expect([...winners.values()].every((n) => n === 1)).toBe(true);
  });

  it('orders each sold lot once and no other lot, after it sold', () => {
    const orders = rowsOf(definition, 'orders');
    const sold = [...lots.values()].filter((l) => l.status === 'sold');
    expect(sold.length).toBeGreaterThan(10);
    expect(orders.map((o) => o.lot_id).sort()).toEqual(sold.map((l) => l.id).sort());
    for (const o of orders) expect(time(o.created_at)).toBeGreaterThanOrEqual(time(lots.get(o.lot_id)!.sold_at));
  });
});

describe('a join with periods since the row started', () => {
  const definition = imported(`
create table students (id serial primary key, name text not null, enrolled_on date not null);
create table terms (id serial primary key, starts_on date not null, ends_on date not null, check (ends_on > starts_on));
create table term_grades (student_id int not null references students(id), term_id int not null references terms(id), primary key (student_id, term_id));
`);
  const enrolled = new Map(rowsOf(definition, 'students').map((s) => [s.id, (s.enrolled_on as Date).getTime()]));
  const terms = new Map(rowsOf(definition, 'terms').map((t) => [t.id, t]));

  it('joins a student only with terms ending after the enrolment, each once, terms still in date order', () => {
    const pairs = rowsOf(definition, 'term_grades');
    expect(pairs.length).toBeGreaterThan(300);
    for (const p of pairs) expect((terms.get(p.term_id)!.ends_on as Date).getTime()).toBeGreaterThanOrEqual(enrolled.get(p.student_id)!);
    expect(new Set(pairs.map((p) => `${p.student_id}|${p.term_id}`)).size).toBe(pairs.length);
    for (const t of terms.values()) expect((t.ends_on as Date).getTime()).toBeGreaterThan((t.starts_on as Date).getTime());
  });
});

describe('checks the importer meets by the shape of the columns', () => {
  it('a IS NOT NULL OR b IS NOT NULL: the first is always filled, the other keeps its nulls; a NOT NULL root of a tree points at itself', () => {
    const result = importSql(
      `create table language (id serial primary key, iso_code_2t char(3) unique, iso_code_3 char(3) unique, name text not null,
         constraint iso_code_check check (iso_code_2t is not null or iso_code_3 is not null));
       create table kinds (id serial primary key, root int not null references kinds (id), parent int references kinds (id), name text not null);`,
      { rows: 300, ...REF },
    );
    expect(result.notes.map((n) => n.message).filter((m) => m.includes('iso_code_check'))).toEqual([]);
    const languages = rowsOf(result.definition, 'language');
    expect(languages.every((r) => r.iso_code_2t !== null)).toBe(true);
    expect(languages.some((r) => r.iso_code_3 === null)).toBe(true);
    const kinds = rowsOf(result.definition, 'kinds');
    expect(kinds[0]!.root).toBe(kinds[0]!.id);
    expect(kinds.every((r) => r.root !== null && (r.root as number) <= (r.id as number))).toBe(true);
  });
});

describe('two refs a CHECK keeps apart', () => {
  it('CHECK (entity0 <> entity1): never the same row, whatever the names, with the composite key kept', () => {
    const definition = imported(
      `create table event (id serial primary key, name text not null);
       create table link (id serial primary key, name text not null);
       create table l_event_event (id serial primary key, link int not null references link (id),
         entity0 int not null references event (id), entity1 int not null references event (id), link_order int not null default 0,
         constraint non_loop_relationship check (entity0 <> entity1), unique (entity0, entity1, link, link_order));`,
      300,
    );
    const rows = rowsOf(definition, 'l_event_event');
    expect(rows.filter((r) => r.entity0 === r.entity1)).toEqual([]);
    expect(new Set(rows.map((r) => `${r.entity0}|${r.entity1}|${r.link}|${r.link_order}`)).size).toBe(rows.length);
  });
});

describe('ordered pairs', () => {
  it('CHECK (tag1 < tag2) on a key of two refs: distinct pairs, the lower value first; friendships over uuids too', () => {
    const definition = imported(
      `create table tag (id serial primary key, name text not null);
       create table tag_relation (tag1 int not null references tag (id), tag2 int not null references tag (id), weight int not null,
         primary key (tag1, tag2), check (tag1 < tag2));
       create table users (id uuid primary key default gen_random_uuid(), email text not null);
       create table friendships (user_a uuid not null references users (id), user_b uuid not null references users (id),
         created_at timestamptz not null default now(), primary key (user_a, user_b), constraint ordered check (user_a < user_b));`,
      300,
    );
    for (const [table, a, b] of [
      ['tag_relation', 'tag1', 'tag2'],
      ['friendships', 'user_a', 'user_b'],
    ] as const) {
      const rows = rowsOf(definition, table);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => !((r[a] as string) < (r[b] as string)))).toEqual([]);
      expect(new Set(rows.map((r) => `${r[a]}|${r[b]}`)).size).toBe(rows.length);
    }
  });
});

describe('an airline (the postgrespro demo): seats, flights by status, boarding passes', () => {
  const definition = imported(
    `create table aircrafts (aircraft_code char(3) primary key, range int not null check (range > 0));
     create table seats (aircraft_code char(3) not null references aircrafts (aircraft_code), seat_no varchar(4) not null,
       fare_conditions varchar(10) not null check (fare_conditions in ('Economy', 'Comfort', 'Business')), primary key (aircraft_code, seat_no));
     create table flights (flight_id serial primary key, flight_no char(6) not null, scheduled_departure timestamptz not null,
       scheduled_arrival timestamptz not null, status varchar(20) not null, actual_departure timestamptz, actual_arrival timestamptz,
       check (scheduled_arrival > scheduled_departure),
       check (actual_arrival is null or (actual_departure is not null and actual_arrival is not null and actual_arrival > actual_departure)),
       check (status in ('On Time', 'Delayed', 'Departed', 'Arrived', 'Scheduled', 'Cancelled')));
     create table tickets (ticket_no char(13) primary key, passenger_name text not null);
     create table ticket_flights (ticket_no char(13) not null references tickets (ticket_no), flight_id int not null references flights (flight_id),
       amount numeric(10,2) not null check (amount >= 0), primary key (ticket_no, flight_id));
     create table boarding_passes (ticket_no char(13) not null, flight_id int not null, boarding_no int not null, seat_no varchar(4) not null,
       primary key (ticket_no, flight_id), unique (flight_id, boarding_no), unique (flight_id, seat_no),
       foreign key (ticket_no, flight_id) references ticket_flights (ticket_no, flight_id));`,
    300,
  );
  const minutes = (a: unknown, b: unknown) => ((a as Date).getTime() - (b as Date).getTime()) / 60_000;

  it('seats of an aircraft are seat labels, each once', () => {
    const seats = rowsOf(definition, 'seats');
    expect(seats.every((s) => /^\d{1,2}[A-F]$/.test(s.seat_no as string))).toBe(true);
    expect(new Set(seats.map((s) => `${s.aircraft_code}|${s.seat_no}`)).size).toBe(seats.length);
  });

  it('a flight has left and landed as its status says, hours apart, within three hours of its schedule', () => {
    for (const f of rowsOf(definition, 'flights')) {
      const left = ['Departed', 'Arrived'].includes(f.status as string);
      expect(f.actual_departure !== null, `${f.status}`).toBe(left);
      expect(f.actual_arrival !== null, `${f.status}`).toBe(f.status === 'Arrived');
      if (left) expect(minutes(f.actual_departure, f.scheduled_departure)).toBeGreaterThanOrEqual(0);
      if (left) expect(minutes(f.actual_departure, f.scheduled_departure)).toBeLessThanOrEqual(180);
      if (f.actual_arrival) expect(minutes(f.actual_arrival, f.actual_departure)).toBeGreaterThanOrEqual(45);
      expect(minutes(f.scheduled_arrival, f.scheduled_departure)).toBeLessThanOrEqual(720);
    }
  });

  it('boarding passes keep a seat and a number once per flight, where flights repeat across tickets', () => {
    const passes = rowsOf(definition, 'boarding_passes');
    expect(passes.length).toBeGreaterThan(0);
    expect(new Set(passes.map((p) => `${p.flight_id}|${p.seat_no}`)).size).toBe(passes.length);
    expect(new Set(passes.map((p) => `${p.flight_id}|${p.boarding_no}`)).size).toBe(passes.length);
  });
});

describe('a free tier costs nothing', () => {
  const definition = imported(`
create table accounts (id bigserial primary key, email text not null);
create table subscriptions (
  id bigserial primary key, account_id bigint not null references accounts(id),
  tier text not null check (tier in ('free', 'pro', 'team')), monthly_price_cents integer not null check (monthly_price_cents >= 0),
  discount_cents integer);
`);
  it('prices free rows at 0 and the other tiers above it', () => {
    const rows = rowsOf(definition, 'subscriptions');
    expect(rows.some((r) => r.tier === 'free')).toBe(true);
    for (const r of rows) expect(r.monthly_price_cents === 0, JSON.stringify(r)).toBe(r.tier === 'free');
    // a discount is no price
    const checks = definition.tables.find((t) => t.name === 'subscriptions')!.checks ?? [];
    expect(checks.map((c) => c.redraw)).toEqual([['monthly_price_cents']]);
  });
});

describe('a primary role is one per parent', () => {
  const definition = imported(`
create table artists (id bigserial primary key, name text not null);
create table tracks (id bigserial primary key, title text not null);
create table track_artists (
  track_id bigint not null references tracks(id), artist_id bigint not null references artists(id),
  role text not null default 'primary' check (role in ('primary', 'featured', 'remixer')), primary key (track_id, artist_id));
`);
  it('gives each track exactly one primary artist, the others another role', () => {
    const rows = rowsOf(definition, 'track_artists');
    const primaries = new Map<unknown, number>();
    for (const r of rows) if (r.role === 'primary') primaries.set(r.track_id, (primaries.get(r.track_id) ?? 0) + 1);
    expect(new Set(rows.map((r) => r.track_id)).size).toBe(primaries.size);
    expect([...primaries.values()].every((n) => n === 1)).toBe(true);
    expect(rows.some((r) => r.role !== 'primary')).toBe(true);
  });
});

describe('a row whose parent has no moment follows the nearest dated ancestor', () => {
  const definition = imported(`
create table listeners (id bigserial primary key, signed_up_at timestamptz not null);
create table albums (id bigserial primary key, title text not null, release_date date not null, created_at timestamptz not null);
create table songs (id bigserial primary key, album_id bigint not null references albums(id), title text not null);
create table listens (id bigserial primary key, listener_id bigint not null references listeners(id), song_id bigint not null references songs(id), listened_at timestamptz not null);
`);
  it("dates a listen after its song's album was created and released, and after the listener signed up", () => {
    const albums = new Map(rowsOf(definition, 'albums').map((a) => [a.id, a]));
    const songs = new Map(rowsOf(definition, 'songs').map((s) => [s.id, s]));
    const listeners = new Map(rowsOf(definition, 'listeners').map((l) => [l.id, l]));
    for (const l of rowsOf(definition, 'listens')) {
      const album = albums.get(songs.get(l.song_id)!.album_id)!;
      const at = (l.listened_at as Date).getTime();
      expect(at).toBeGreaterThanOrEqual((album.release_date as Date).getTime());
      expect(at).toBeGreaterThanOrEqual((album.created_at as Date).getTime());
      expect(at).toBeGreaterThanOrEqual((listeners.get(l.listener_id)!.signed_up_at as Date).getTime());
    }
  });
});

describe('the row a parent marks is a settled row', () => {
  const definition = imported(`
create table projects (id bigserial primary key, name text not null);
create table versions (
  id bigserial primary key, project_id bigint not null references projects(id), label text not null,
  is_prerelease boolean not null default false, is_draft boolean not null default false, is_current boolean not null default false,
  created_at timestamptz not null, published_at timestamptz,
  check (is_draft = (published_at is null)));
create unique index versions_one_current on versions (project_id) where is_current;
`);
  const rows = rowsOf(definition, 'versions');
  it('computes a flag a CHECK ties to a null column from that column', () => {
    expect(definition.tables.find((t) => t.name === 'versions')!.fields.find((f) => f.name === 'is_draft')).toMatchObject({
      type: 'expression',
      options: { expr: 'isnull(published_at)' },
    });
    for (const r of rows) expect(r.is_draft).toBe(r.published_at === null);
  });
  it('keeps the current version published and no prerelease; other versions may be either', () => {
    const current = rows.filter((r) => r.is_current);
    expect(current.length).toBe(new Set(rows.map((r) => r.project_id)).size);
    expect(current.filter((r) => r.is_draft || r.is_prerelease)).toEqual([]);
    expect(rows.some((r) => !r.is_current && r.is_draft)).toBe(true);
    expect(rows.some((r) => !r.is_current && r.is_prerelease)).toBe(true);
  });
});

describe('only the owner acts on a parent that is not collaborative', () => {
  const definition = imported(`
create table people (id uuid primary key, name text not null);
create table boards (id bigserial primary key, owner_id uuid not null references people(id), is_collaborative boolean not null default false, name text not null);
create table cards (id bigserial primary key, board_id bigint not null references boards(id), created_by uuid references people(id), title text not null);
`);
  it("has a card created by its board's owner unless the board is collaborative, where others create some", () => {
    const boards = new Map(rowsOf(definition, 'boards').map((b) => [b.id, b]));
    const cards = rowsOf(definition, 'cards');
    const solo = cards.filter((c) => c.created_by !== null && boards.get(c.board_id)!.is_collaborative === false);
    expect(solo.length).toBeGreaterThan(50);
    expect(solo.filter((c) => c.created_by !== boards.get(c.board_id)!.owner_id)).toEqual([]);
    expect(cards.some((c) => c.created_by !== null && boards.get(c.board_id)!.is_collaborative && c.created_by !== boards.get(c.board_id)!.owner_id)).toBe(
      true,
    );
  });
});

describe('a participant who came late yields to a parent that ended', () => {
  const definition = imported(`
create table people (id bigserial primary key, name text not null, created_at timestamptz not null);
create table proposals (id bigserial primary key, author_id bigint not null references people(id), title text not null,
  created_at timestamptz not null, closed_at timestamptz, check (closed_at is null or closed_at >= created_at));
create table assessments (id bigserial primary key, proposal_id bigint not null references proposals(id),
  reviewer_id bigint not null references people(id), verdict text not null, submitted_at timestamptz not null);
`);
  it('submits an assessment while its proposal is open, after its reviewer joined when that leaves room, and proposals after their author joined', () => {
    const people = new Map(rowsOf(definition, 'people').map((p) => [p.id, p]));
    const proposals = new Map(rowsOf(definition, 'proposals').map((p) => [p.id, p]));
    const t = (d: unknown) => (d as Date).getTime();
    for (const p of proposals.values()) expect(t(p.created_at)).toBeGreaterThanOrEqual(t(people.get(p.author_id)!.created_at));
    let late = 0;
    for (const a of rowsOf(definition, 'assessments')) {
      const p = proposals.get(a.proposal_id)!;
      const joined = t(people.get(a.reviewer_id)!.created_at);
      expect(t(a.submitted_at)).toBeGreaterThanOrEqual(t(p.created_at));
      if (p.closed_at !== null) expect(t(a.submitted_at)).toBeLessThanOrEqual(t(p.closed_at));
      if (p.closed_at === null || joined <= t(p.closed_at)) expect(t(a.submitted_at)).toBeGreaterThanOrEqual(joined);
      else late++;
    }
    expect(late).toBeGreaterThan(0);
  });
});

describe('deadlines and expiries', () => {
  const definition = imported(`
    create table invoices (id bigserial primary key, status text not null check (status in ('draft', 'open', 'paid', 'void')),
      issued_at timestamptz not null, due_at timestamptz not null, paid_at timestamptz, check (due_at >= issued_at));
    create table subscriptions (id bigserial primary key, status text not null check (status in ('trialing', 'active', 'past_due', 'canceled')),
      current_period_start timestamptz not null, current_period_end timestamptz not null, canceled_at timestamptz,
      check (current_period_end > current_period_start));
    create table rentals (id bigserial primary key, rental_date timestamptz not null, return_date timestamptz);
    create table invitations (id bigserial primary key, email text not null, created_at timestamptz not null default now(),
      expires_at timestamptz not null, accepted_at timestamptz, check (expires_at > created_at));
  `);
  const ref = Date.parse(REF.referenceDate);
  const ms = (v: unknown) => (v as Date).getTime();

  it('a payment follows the invoice, never its due date (which may lie ahead), and is never in the future', () => {
    const paid = rowsOf(definition, 'invoices').filter((r) => r.paid_at !== null);
    expect(paid.length).toBeGreaterThan(50);
    for (const r of paid) {
      expect(ms(r.paid_at)).toBeGreaterThanOrEqual(ms(r.issued_at));
      expect(ms(r.paid_at)).toBeLessThanOrEqual(ref);
    }
    // paid before the due date, as most invoices are
    expect(paid.filter((r) => ms(r.paid_at) < ms(r.due_at)).length).toBeGreaterThan(paid.length / 4);
  });

  it('a subscription is cancelled within or after its current period, never in the future (the period may end ahead)', () => {
    const canceled = rowsOf(definition, 'subscriptions').filter((r) => r.canceled_at !== null);
    expect(canceled.length).toBeGreaterThan(10);
    for (const r of canceled) {
      expect(ms(r.canceled_at)).toBeGreaterThanOrEqual(ms(r.current_period_start));
      expect(ms(r.canceled_at)).toBeLessThanOrEqual(ref);
    }
  });

  it('a rental comes back after it went out', () => {
    const back = rowsOf(definition, 'rentals').filter((r) => r.return_date !== null);
    expect(back.length).toBeGreaterThan(50);
    for (const r of back) expect(ms(r.return_date)).toBeGreaterThanOrEqual(ms(r.rental_date));
  });

  it('an invitation is accepted after it was sent and before it expired', () => {
    const accepted = rowsOf(definition, 'invitations').filter((r) => r.accepted_at !== null);
    expect(accepted.length).toBeGreaterThan(50);
    for (const r of accepted) {
      expect(ms(r.accepted_at)).toBeGreaterThanOrEqual(ms(r.created_at));
      expect(ms(r.accepted_at)).toBeLessThanOrEqual(Math.min(ms(r.expires_at), ref));
    }
  });
});

describe('files', () => {
  it("name a file with its MIME type's extension", () => {
    const definition = imported(
      `create table attachments (id serial primary key, file_name text not null, mime_type text not null, size_bytes bigint not null);`,
      600,
    );
    const extension: Record<string, string> = {
      'application/json': 'json',
      'application/pdf': 'pdf',
      'image/png': 'png',
      'image/jpeg': 'jpg',
      'text/plain': 'txt',
      'text/csv': 'csv',
      'text/html': 'html',
      'image/webp': 'webp',
      'application/zip': 'zip',
      'video/mp4': 'mp4',
      'audio/mpeg': 'mp3',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
    };
    const rows = rowsOf(definition, 'attachments');
    for (const r of rows) expect([r.mime_type, String(r.file_name).split('.').pop()]).toEqual([r.mime_type, extension[String(r.mime_type)]]);
    // the common types stay the common ones
    const pdfs = rows.filter((r) => r.mime_type === 'application/pdf').length;
    const mp3s = rows.filter((r) => r.mime_type === 'audio/mpeg').length;
    expect(pdfs).toBeGreaterThan(3 * mp3s);
  });
});

describe('camel-cased names (Chinook)', () => {
  const definition = imported(`
    CREATE TABLE "Employee" ("EmployeeId" INT PRIMARY KEY, "FirstName" VARCHAR(20) NOT NULL, "BirthDate" TIMESTAMP, "HireDate" TIMESTAMP);
    CREATE TABLE "Track" ("TrackId" INT PRIMARY KEY, "Name" VARCHAR(200) NOT NULL, "Milliseconds" INT NOT NULL, "UnitPrice" NUMERIC(10,2) NOT NULL);
    CREATE TABLE "Invoice" ("InvoiceId" INT PRIMARY KEY, "InvoiceDate" TIMESTAMP NOT NULL, "Total" NUMERIC(10,2) NOT NULL);
    CREATE TABLE "InvoiceLine" ("InvoiceLineId" INT PRIMARY KEY, "InvoiceId" INT NOT NULL REFERENCES "Invoice", "TrackId" INT NOT NULL REFERENCES "Track",
      "UnitPrice" NUMERIC(10,2) NOT NULL, "Quantity" INT NOT NULL);
  `);

  it('are read as their words: an employee is an adult when hired, a line is sold at its track’s price', () => {
    const year = 365.25 * 86_400_000;
    const employees = rowsOf(definition, 'Employee').filter((r) => r.HireDate !== null && r.BirthDate !== null);
    expect(employees.length).toBeGreaterThan(50);
    for (const r of employees) expect((r.HireDate as Date).getTime() - (r.BirthDate as Date).getTime()).toBeGreaterThanOrEqual(18 * year - 86_400_000);
    const tracks = new Map(rowsOf(definition, 'Track').map((r) => [r.TrackId, r]));
    for (const line of rowsOf(definition, 'InvoiceLine')) expect(line.UnitPrice).toBe(tracks.get(line.TrackId)!.UnitPrice);
    // a track lasts minutes
    for (const t of tracks.values()) expect(t.Milliseconds).toBeGreaterThanOrEqual(120_000);
    // an invoice's total (with no tax or shipping beside it) is its lines' unit prices times quantities
    const sums = new Map<unknown, number>();
    for (const line of rowsOf(definition, 'InvoiceLine'))
      sums.set(line.InvoiceId, (sums.get(line.InvoiceId) ?? 0) + (line.UnitPrice as number) * (line.Quantity as number));
    const invoices = rowsOf(definition, 'Invoice');
    expect(invoices.filter((i) => Math.abs((i.Total as number) - (sums.get(i.InvoiceId) ?? 0)) > 1e-6)).toEqual([]);
    expect(invoices.filter((i) => (i.Total as number) > 0).length).toBeGreaterThan(invoices.length / 2);
  });
});
