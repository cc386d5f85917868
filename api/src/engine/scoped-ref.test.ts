import { describe, expect, it } from 'vitest';
import { compile, type Definition, DefinitionError, type Row } from './index.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';

const col = (plan: ReturnType<typeof compile>, table: string, name: string) =>
  plan.tables.find((t) => t.name === table)!.columns.findIndex((c) => c.name === name);
const byKey = (rows: Row[], key: number, value: number) => new Map(rows.map((r) => [r[key], r[value]]));

// invoices billed to an address of their own customer; tasks assigned within their tenant
// (scope key carried down tenants → projects → tasks); builds on a pipeline of their org (two levels)
const billing: Definition = {
  version: 1,
  seed: 'scoped',
  tables: [
    { name: 'tenants', rows: 400, fields: [{ name: 'id', type: 'string.uuid' }] },
    {
      name: 'customers',
      rows: 20_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'name', type: 'company.name' },
      ],
    },
    {
      name: 'addresses',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id', childrenPerParent: { min: 0, max: 4 } } },
        { name: 'city', type: 'location.city' },
      ],
    },
    {
      name: 'invoices',
      rows: 100_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id' } },
        {
          name: 'billing_address_id',
          type: 'ref',
          options: { table: 'addresses', field: 'id', scope: { target: 'customer_id', equals: 'customer_id', ifEmpty: 'null' } },
        },
        { name: 'total', type: 'number.int', options: { min: 1, max: 900 } },
      ],
    },
    {
      name: 'projects',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'tenant_id', type: 'ref', options: { table: 'tenants', field: 'id', childrenPerParent: { min: 1, max: 6 } } },
      ],
    },
    {
      name: 'users',
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'tenant_id', type: 'ref', options: { table: 'tenants', field: 'id', childrenPerParent: { min: 1, max: 12 } } },
      ],
    },
    {
      name: 'tasks',
      rows: 100_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'project_id', type: 'ref', options: { table: 'projects', field: 'id', choice: 'skewed' } },
        { name: 'assignee_id', type: 'ref', options: { table: 'users', field: 'id', scope: { target: 'tenant_id', equals: 'project_id.tenant_id' } } },
        {
          name: 'reviewer_id',
          type: 'ref',
          options: { table: 'users', field: 'id', scope: { target: 'tenant_id', equals: 'project_id.tenant_id' }, sameAs: { path: 'assignee_id', rate: 0.25 } },
        },
      ],
    },
    { name: 'orgs', rows: 3000, fields: [{ name: 'id', type: 'sequence' }] },
    {
      name: 'repos',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'org_id', type: 'ref', options: { table: 'orgs', field: 'id', childrenPerParent: { min: 0, max: 3 } } },
      ],
    },
    {
      name: 'pipelines',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'repo_id', type: 'ref', options: { table: 'repos', field: 'id', childrenPerParent: { min: 1, max: 4 } } },
      ],
    },
    {
      name: 'builds',
      rows: 100_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'org_id', type: 'ref', options: { table: 'orgs', field: 'id' }, nullRate: 0.1 },
        {
          name: 'pipeline_id',
          type: 'ref',
          options: { table: 'pipelines', field: 'id', scope: { target: 'repo_id.org_id', equals: 'org_id', ifEmpty: 'null' } },
        },
      ],
    },
  ],
};

describe('scoped refs', () => {
  const plan = compile(billing);
  const all = (table: string) => rowsEveryChunking(plan, table);

  it('bills every invoice to an address of its own customer; null only when the customer has none', () => {
    const addresses = all('addresses');
    const invoices = all('invoices');
    expect(invoices.length).toBe(100_000);
    const owner = byKey(addresses, col(plan, 'addresses', 'id'), col(plan, 'addresses', 'customer_id'));
    const hasAddress = new Set(owner.values());
    const [c, a] = [col(plan, 'invoices', 'customer_id'), col(plan, 'invoices', 'billing_address_id')];
    const wrong = invoices.filter((r) => (r[a] === null ? hasAddress.has(r[c]) : owner.get(r[a]) !== r[c]));
    expect(wrong.slice(0, 5)).toEqual([]);
    const nulls = invoices.filter((r) => r[a] === null).length;
    // min 0 of 0..4 addresses: about a fifth of customers have none
    expect(nulls / invoices.length).toBeGreaterThan(0.15);
    expect(nulls / invoices.length).toBeLessThan(0.25);
    expect(plan.tables.find((t) => t.name === 'invoices')!.columns[a].nullable).toBe(true);
    // every address of a customer gets used, not just the first
    expect(new Set(invoices.map((r) => r[a])).size).toBeGreaterThan(addresses.length * 0.8);
  });

  it('keeps every assignee (and reviewer) of a task inside the tenant carried down from its project', () => {
    const tenantOfProject = byKey(all('projects'), 0, 1);
    const tenantOfUser = byKey(all('users'), 0, 1);
    const tasks = all('tasks');
    const [p, as, rv] = [col(plan, 'tasks', 'project_id'), col(plan, 'tasks', 'assignee_id'), col(plan, 'tasks', 'reviewer_id')];
    const outside = tasks.filter((r) => tenantOfUser.get(r[as]) !== tenantOfProject.get(r[p]) || tenantOfUser.get(r[rv]) !== tenantOfProject.get(r[p]));
    expect(outside.slice(0, 5)).toEqual([]);
    // sameAs 0.25: a quarter of reviewers are the assignee, plus chance meetings inside small tenants
    const same = tasks.filter((r) => r[rv] === r[as]).length / tasks.length;
    expect(same).toBeGreaterThan(0.25);
    expect(same).toBeLessThan(0.5);
  });

  it('scopes through two layouts (builds on a pipeline of a repo of their org), null with the org or when it has no pipeline', () => {
    const orgOfRepo = byKey(all('repos'), 0, 1);
    const repoOfPipeline = byKey(all('pipelines'), 0, 1);
    const orgsWithPipelines = new Set([...repoOfPipeline.values()].map((r) => orgOfRepo.get(r)));
    const builds = all('builds');
    const wrong = builds.filter(([, org, pipeline]) =>
      pipeline === null ? org !== null && orgsWithPipelines.has(org) : org === null || orgOfRepo.get(repoOfPipeline.get(pipeline) ?? null) !== org,
    );
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(builds.filter(([, org]) => org === null).length).toBeGreaterThan(0);
  });

  it('gives the same rows in two worker processes', async () => {
    const { expected, got } = await sameInTwoProcesses(billing, { invoices: all('invoices'), tasks: all('tasks'), builds: all('builds') });
    expect(got).toEqual(expected);
  }, 240_000);

  it('is a reply author that is the thread author when asked (sameAs rate 1), any user otherwise', () => {
    const threads: Definition = {
      version: 1,
      tables: [
        { name: 'users', rows: 500, fields: [{ name: 'id', type: 'string.uuid' }] },
        {
          name: 'threads',
          rows: 300,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'author_id', type: 'ref', options: { table: 'users', field: 'id' } },
          ],
        },
        {
          name: 'replies',
          rows: 5000,
          fields: [
            { name: 'thread_id', type: 'ref', options: { table: 'threads', field: 'id' } },
            { name: 'author_id', type: 'ref', options: { table: 'users', field: 'id', sameAs: { path: 'thread_id.author_id' } } },
          ],
        },
      ],
    };
    const p = compile(threads);
    const authorOf = byKey(rowsEveryChunking(p, 'threads'), 0, 1);
    expect(rowsEveryChunking(p, 'replies').filter(([t, a]) => authorOf.get(t) !== a)).toEqual([]);
  });
});

describe('sameAs only where the parents say so (when)', () => {
  // items added to lists: a list nobody else may edit gets items added by its owner only; a shared
  // list by anyone. The list's flag has a nullRate (null: not shared) and is computed one row at a time.
  const lists = (when: string): Definition => ({
    version: 1,
    seed: 'lists',
    tables: [
      { name: 'users', rows: 200, fields: [{ name: 'id', type: 'string.uuid' }] },
      {
        name: 'lists',
        rows: 400,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'owner_id', type: 'ref', options: { table: 'users', field: 'id' } },
          { name: 'is_shared', type: 'datatype.boolean', nullRate: 0.2 },
        ],
      },
      {
        name: 'items',
        rows: 20_000,
        fields: [
          { name: 'list_id', type: 'ref', options: { table: 'lists', field: 'id' } },
          { name: 'added_by', type: 'ref', options: { table: 'users', field: 'id', sameAs: { path: 'list_id.owner_id', when } }, nullRate: 0.1 },
        ],
      },
    ],
  });

  it("takes the owner in every row of a list that is not shared, anyone's in shared ones, in every chunking", () => {
    const plan = compile(lists('not coalesce(list_id.is_shared, false)'));
    const list = new Map(rowsEveryChunking(plan, 'lists').map(([id, owner, shared]) => [id, { owner, shared }]));
    const rows = rowsEveryChunking(plan, 'items');
    expect(rows.filter(([l, by]) => by !== null && list.get(l)!.shared !== true && by !== list.get(l)!.owner)).toEqual([]);
    const shared = rows.filter(([l, by]) => by !== null && list.get(l)!.shared === true);
    expect(shared.filter(([l, by]) => by !== list.get(l)!.owner).length).toBeGreaterThan(shared.length * 0.9);
  });

  it('names a condition that reads the row itself or cannot be read', () => {
    const issues = (when: string) => {
      try {
        compile(lists(when));
        return [];
      } catch (e) {
        return (e as DefinitionError).issues.map((x) => `${x.path}: ${x.message}`);
      }
    };
    expect(issues('list_id.ghost')).toEqual([expect.stringMatching(/^tables\[2\]\.fields\[1\]\.options\.sameAs\.when: at position 0: .*ghost/)]);
    expect(issues('not isnull(list_id)')[0]).toMatch(/sameAs\.when: at position 11: "list_id" is a column of this row/);
    expect(issues('added_by.id')[0]).toMatch(/goes through added_by itself/);
    expect(issues('not (')[0]).toMatch(/sameAs\.when: /);
  });
});

describe('scoped ref validation', () => {
  const base = (scope: Record<string, unknown>, extra: Record<string, unknown> = {}): Definition => ({
    version: 1,
    tables: [
      { name: 'customers', rows: 10, fields: [{ name: 'id', type: 'sequence' }] },
      {
        name: 'addresses',
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id', childrenPerParent: { min: 0, max: 2 } } },
        ],
      },
      {
        name: 'notes',
        rows: 10,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'address_id', type: 'ref', options: { table: 'addresses', field: 'id' } },
        ],
      },
      {
        name: 'invoices',
        rows: 10,
        fields: [
          { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id' } },
          { name: 'address_id', type: 'ref', options: { table: 'addresses', field: 'id', scope }, ...extra },
        ],
      },
    ],
  });
  const issues = (def: Definition) => {
    try {
      compile(def);
    } catch (e) {
      if (e instanceof DefinitionError) return e.issues;
      throw e;
    }
    return [];
  };

  it('refuses an empty scope on a column that cannot be null, naming the place and the ways out', () => {
    const [issue] = issues(base({ target: 'customer_id', equals: 'customer_id' }));
    expect(issue.path).toBe('tables[3].fields[1].options.scope');
    expect(issue.message).toMatch(/can have no addresses.*ifEmpty "null"/);
    expect(issues(base({ target: 'customer_id', equals: 'customer_id' }, { nullRate: 0.1 }))).toEqual([]);
    expect(issues(base({ target: 'customer_id', equals: 'customer_id', ifEmpty: 'null' }))).toEqual([]);
  });

  it('refuses refs that pick through each other in a cycle', () => {
    const cyclic: Definition = {
      version: 1,
      tables: [
        { name: 'users', rows: 10, fields: [{ name: 'id', type: 'sequence' }] },
        {
          name: 'pairs',
          rows: 10,
          fields: [
            { name: 'a', type: 'ref', options: { table: 'users', field: 'id', sameAs: { path: 'b' } } },
            { name: 'b', type: 'ref', options: { table: 'users', field: 'id', sameAs: { path: 'a', rate: 0.5 } } },
          ],
        },
      ],
    };
    expect(issues(cyclic)).toEqual([{ path: 'tables[1].fields', message: 'fields depend on each other in a cycle: a -> b -> a' }]);
  });

  it('refuses targets not laid out by the ancestor, sides reaching different tables and bad paths', () => {
    const notLaidOut: Definition = base({ target: 'customer_id', equals: 'customer_id', ifEmpty: 'null' });
    (notLaidOut.tables[3].fields[1].options as Record<string, unknown>).table = 'notes';
    (notLaidOut.tables[3].fields[1].options as Record<string, unknown>).scope = { target: 'address_id', equals: 'customer_id', ifEmpty: 'null' };
    expect(issues(notLaidOut)).toEqual([
      { path: 'tables[3].fields[1].options.scope.target', message: expect.stringMatching(/notes\.address_id must be a ref with childrenPerParent/) },
    ]);
    expect(issues(base({ target: 'customer_id', equals: 'address_id', ifEmpty: 'null' }))[0]).toMatchObject({
      path: 'tables[3].fields[1].options.scope.equals',
      message: expect.stringMatching(/reaches table addresses.*reaches customers/),
    });
    expect(issues(base({ target: 'customer_id', equals: 'nope.customer_id', ifEmpty: 'null' }))[0]).toMatchObject({
      path: 'tables[3].fields[1].options.scope.equals',
      message: expect.stringMatching(/unknown field "nope"/),
    });
    expect(issues(base({ target: 'customer_id', equals: 'customer_id', ifEmpty: 'null' }, { unique: true }))[0]).toMatchObject({
      path: 'tables[3].fields[1].unique',
    });
  });
});

// leave is approved by someone of the employee's department other than the employee; a transfer
// goes to another account than the one it comes from
const approvals: Definition = {
  version: 1,
  seed: 'approvals',
  tables: [
    { name: 'departments', rows: 400, fields: [{ name: 'id', type: 'sequence' }] },
    {
      name: 'employees',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'department_id', type: 'ref', options: { table: 'departments', field: 'id', childrenPerParent: { min: 1, max: 4 } } },
      ],
    },
    {
      name: 'leave_requests',
      rows: 20_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'employee_id', type: 'ref', options: { table: 'employees', field: 'id' } },
        {
          name: 'approver_id',
          type: 'ref',
          options: {
            table: 'employees',
            field: 'id',
            scope: { target: 'department_id', equals: 'employee_id.department_id', ifEmpty: 'null' },
            differentFrom: 'employee_id',
          },
        },
      ],
    },
    { name: 'accounts', rows: 50, fields: [{ name: 'id', type: 'sequence' }] },
    {
      name: 'transfers',
      rows: 20_000,
      fields: [
        { name: 'from_account', type: 'ref', options: { table: 'accounts', field: 'id' } },
        { name: 'to_account', type: 'ref', options: { table: 'accounts', field: 'id', differentFrom: 'from_account' } },
      ],
    },
  ],
};

describe('differentFrom', () => {
  const plan = compile(approvals);
  const department = new Map(rowsEveryChunking(plan, 'employees').map(([id, d]) => [id, d]));
  const sizes = new Map<unknown, number>();
  for (const d of department.values()) sizes.set(d, (sizes.get(d) ?? 0) + 1);

  it('never takes the row the other ref took; stays in scope; null only when the scope holds no one else', () => {
    const rows = rowsEveryChunking(plan, 'leave_requests');
    expect(rows.filter(([, e, a]) => a === e)).toEqual([]);
    expect(rows.filter(([, e, a]) => a !== null && department.get(a) !== department.get(e))).toEqual([]);
    expect(rows.filter(([, e, a]) => (a === null) !== (sizes.get(department.get(e)) === 1))).toEqual([]);
    // the others of the department are all taken, about evenly
    const inBig = rows.filter(([, e]) => sizes.get(department.get(e)) === 4);
    const shares = new Map<unknown, number>();
    for (const [, e, a] of inBig) if (e === inBig[0][1]) shares.set(a, (shares.get(a) ?? 0) + 1);
    expect(shares.size).toBe(3);
  });

  it('without a way to be null, a scope of one takes someone outside it rather than the same row', () => {
    const strict = structuredClone(approvals);
    strict.tables[2].fields[2].options = {
      table: 'employees',
      field: 'id',
      scope: { target: 'department_id', equals: 'employee_id.department_id' },
      differentFrom: 'employee_id',
    };
    const rows = rowsEveryChunking(compile(strict), 'leave_requests');
    expect(rows.filter(([, e, a]) => a === e || a === null)).toEqual([]);
    expect(rows.filter(([, e, a]) => (sizes.get(department.get(e)) ?? 0) > 1 && department.get(a) !== department.get(e))).toEqual([]);
  });

  it('works on a plain ref too, uniformly over the other rows', () => {
    const rows = rowsEveryChunking(plan, 'transfers');
    expect(rows.filter(([a, b]) => a === b)).toEqual([]);
    expect(new Set(rows.map(([, b]) => b)).size).toBe(50);
  });

  it("avoids the row a path reaches: a request is never approved by the employee's department head", () => {
    const heads = structuredClone(approvals);
    // departments name a head (or none); the cycle departments ↔ employees passes through that nullable ref
    heads.tables[0].fields.push({ name: 'head_id', type: 'ref', options: { table: 'employees', field: 'id' }, nullRate: 0.5 });
    heads.tables[2].fields[2].options = { table: 'employees', field: 'id', differentFrom: 'employee_id.department_id.head_id' };
    const headsPlan = compile(heads);
    const headOf = new Map(rowsEveryChunking(headsPlan, 'departments').map(([id, head]) => [id, head]));
    const departmentOf = new Map(rowsEveryChunking(headsPlan, 'employees').map(([id, d]) => [id, d]));
    const rows = rowsEveryChunking(headsPlan, 'leave_requests');
    const headed = rows.filter(([, e]) => headOf.get(departmentOf.get(e) ?? null) !== null);
    expect(headed.length).toBeGreaterThan(5000);
    expect(headed.filter(([, e, a]) => a === headOf.get(departmentOf.get(e) ?? null))).toEqual([]);
  });

  it("on a join's member column, never takes another row holding the same person (a reviewer who is a member of several groups)", () => {
    // groups of 1 or 2 members out of 6 people: a member's person is in several groups, and a group of one
    // sends the pick outside the scope, where rows holding the author's person abound
    const reviews: Definition = {
      version: 1,
      seed: 'members',
      tables: [
        { name: 'people', rows: 6, fields: [{ name: 'id', type: 'sequence' }] },
        { name: 'groups', rows: 2000, fields: [{ name: 'id', type: 'sequence' }] },
        {
          name: 'members',
          fields: [
            { name: 'group_id', type: 'ref', options: { table: 'groups', field: 'id', childrenPerParent: { min: 1, max: 2 } } },
            { name: 'person_id', type: 'ref', options: { table: 'people', field: 'id', distinctWithin: 'group_id' } },
          ],
        },
        {
          name: 'posts',
          rows: 3000,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'group_id', type: 'ref', options: { table: 'groups', field: 'id' } },
            { name: 'author_id', type: 'ref', options: { table: 'members', field: 'person_id', scope: { target: 'group_id', equals: 'group_id' } } },
          ],
        },
        {
          name: 'reviews',
          rows: 20_000,
          fields: [
            { name: 'post_id', type: 'ref', options: { table: 'posts', field: 'id' } },
            {
              name: 'reviewer_id',
              type: 'ref',
              options: { table: 'members', field: 'person_id', scope: { target: 'group_id', equals: 'post_id.group_id' }, differentFrom: 'post_id.author_id' },
            },
          ],
        },
      ],
    };
    const membersPlan = compile(reviews);
    const authorOf = new Map(rowsEveryChunking(membersPlan, 'posts').map(([id, , author]) => [id, author]));
    const rows = rowsEveryChunking(membersPlan, 'reviews');
    expect(rows.filter(([post, reviewer]) => reviewer === null || reviewer === authorOf.get(post))).toEqual([]);
  });

  it('names what is wrong', () => {
    const bad = structuredClone(approvals);
    bad.tables[4].fields[1].options = { table: 'accounts', field: 'id', differentFrom: 'nope' };
    bad.tables[2].fields[2].options = { table: 'employees', field: 'id', differentFrom: 'id' };
    try {
      compile(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as DefinitionError).issues).toEqual(
        expect.arrayContaining([
          { path: 'tables[4].fields[1].options.differentFrom', message: 'unknown field "nope" in table transfers' },
          { path: 'tables[2].fields[2].options.differentFrom', message: 'leave_requests.id must be a ref to table employees' },
        ]),
      );
    }
  });
});

describe('a scoped ref inside a composite unique', () => {
  // webhook deliveries unique (webhook_id, event_id, attempt), the event scoped to the webhook's project:
  // a scoped pick repeats, so another column must carry the key
  const deliveries: Definition = {
    version: 1,
    seed: 'scoped-composite',
    tables: [
      { name: 'projects', rows: 20, fields: [{ name: 'id', type: 'sequence' }] },
      {
        name: 'webhooks',
        rows: 300,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'project_id', type: 'ref', options: { table: 'projects', field: 'id' } },
        ],
      },
      {
        name: 'events',
        rows: 400,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'project_id', type: 'ref', options: { table: 'projects', field: 'id', childrenPerParent: { min: 1, max: 40 } } },
        ],
      },
      {
        name: 'deliveries',
        rows: 300,
        unique: [['webhook_id', 'event_id', 'attempt']],
        fields: [
          { name: 'webhook_id', type: 'ref', options: { table: 'webhooks', field: 'id' } },
          { name: 'event_id', type: 'ref', options: { table: 'events', field: 'id', scope: { target: 'project_id', equals: 'webhook_id.project_id' } } },
          { name: 'attempt', type: 'number.int', options: { min: 1, max: 3 } },
        ],
      },
    ],
  };

  it('is never the column made unique: the tuples stay distinct and the events in scope', () => {
    const plan = compile(deliveries);
    const rows = rowsEveryChunking(plan, 'deliveries');
    expect(new Set(rows.map((r) => r.join('/'))).size).toBe(rows.length);
    const projectOfWebhook = byKey(rowsEveryChunking(plan, 'webhooks'), 0, 1);
    const projectOfEvent = byKey(rowsEveryChunking(plan, 'events'), 0, 1);
    expect(rows.filter(([w, e]) => projectOfEvent.get(e) !== projectOfWebhook.get(w))).toEqual([]);
  });
});
