import { describe, expect, it } from 'vitest';
import { compile, type Definition } from './index.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';
import { compileIssues } from './testing/rows.js';

// channels get 1–3 members mostly, 4–10 sometimes; the creator is always a member and the owner
const chat: Definition = {
  version: 1,
  seed: 'chat',
  tables: [
    {
      name: 'users',
      rows: 2000,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'name', type: 'person.fullName' },
      ],
    },
    {
      name: 'channels',
      rows: 37_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'creator_id', type: 'ref', options: { table: 'users', field: 'id' } },
      ],
    },
    {
      name: 'members',
      primaryKey: ['channel_id', 'user_id'],
      fields: [
        {
          name: 'channel_id',
          type: 'ref',
          options: {
            table: 'channels',
            field: 'id',
            childrenPerParent: {
              min: 1,
              max: 10,
              ranges: [
                { min: 1, max: 3, weight: 6 },
                { min: 4, max: 10, weight: 1 },
              ],
            },
          },
        },
        { name: 'user_id', type: 'ref', options: { table: 'users', field: 'id', distinctWithin: 'channel_id', include: 'channel_id.creator_id' } },
        {
          name: 'role',
          type: 'pick',
          options: { values: ['owner', 'admin', 'member'], weights: [0, 1, 4] },
          exactlyOne: { per: 'channel_id', value: 'owner', first: true },
        },
        { name: 'joined_at', type: 'date.past' },
      ],
    },
    // a small right side: 12 partners out of 12 rows must be all of them, each once
    { name: 'teams', rows: 500, fields: [{ name: 'id', type: 'sequence' }] },
    { name: 'skills', rows: 12, fields: [{ name: 'id', type: 'sequence' }] },
    {
      name: 'team_skills',
      unique: [['team_id', 'skill_id']],
      fields: [
        { name: 'team_id', type: 'ref', options: { table: 'teams', field: 'id', childrenPerParent: { min: 10, max: 12 } } },
        { name: 'skill_id', type: 'ref', options: { table: 'skills', field: 'id', distinctWithin: 'team_id' } },
      ],
    },
  ],
};

describe('many-to-many joins', () => {
  const plan = compile(chat);
  const channels = rowsEveryChunking(plan, 'channels');
  const members = rowsEveryChunking(plan, 'members');

  it('never repeats a (channel, user) pair and never pairs with a user that does not exist', () => {
    expect(members.length).toBeGreaterThan(100_000);
    const pairs = new Set(members.map(([c, u]) => `${c}|${u}`));
    expect(pairs.size).toBe(members.length);
    const users = new Set(rowsEveryChunking(plan, 'users').map(([id]) => id));
    expect(members.filter(([, u]) => !users.has(u))).toEqual([]);
    const skills = rowsEveryChunking(plan, 'team_skills');
    expect(new Set(skills.map(([t, s]) => `${t}|${s}`)).size).toBe(skills.length);
    expect(skills.every(([, s]) => Number.isInteger(s) && (s as number) >= 1 && (s as number) <= 12)).toBe(true);
  });

  it('gives partners per channel that follow the weighted ranges', () => {
    const perChannel = new Map<unknown, number>();
    for (const [c] of members) perChannel.set(c, (perChannel.get(c) ?? 0) + 1);
    expect(perChannel.size).toBe(channels.length);
    const histogram = new Array(11).fill(0);
    for (const n of perChannel.values()) histogram[n]++;
    expect(histogram[0]).toBe(0);
    // 1..3 share 6/7 evenly, 4..10 share 1/7 evenly
    for (let k = 1; k <= 10; k++) {
      const expected = k <= 3 ? 6 / 7 / 3 : 1 / 7 / 7;
      expect(Math.abs(histogram[k] / channels.length - expected), `share of channels with ${k} members`).toBeLessThan(0.012);
    }
  });

  it('includes the creator first, and makes exactly one owner per channel: the creator', () => {
    const creator = new Map<unknown, unknown>(channels.map(([id, c]) => [id, c]));
    const owners = new Map<unknown, unknown[]>();
    const hasCreator = new Set<unknown>();
    let previous: unknown;
    const otherRoles = new Set<unknown>();
    for (const [c, u, role] of members) {
      if (c !== previous && u !== creator.get(c)) throw new Error(`channel ${c} does not start with its creator`);
      previous = c;
      if (u === creator.get(c)) hasCreator.add(c);
      if (role === 'owner') owners.set(c, [...(owners.get(c) ?? []), u]);
      else otherRoles.add(role);
    }
    expect([...otherRoles].sort()).toEqual(['admin', 'member']);
    expect(hasCreator.size).toBe(channels.length);
    expect([...owners.values()].filter((o) => o.length !== 1)).toEqual([]);
    expect(owners.size).toBe(channels.length);
    expect([...owners].filter(([c, [u]]) => creator.get(c) !== u)).toEqual([]);
  });

  it('gives the same rows in two worker processes', async () => {
    const { expected, got } = await sameInTwoProcesses(chat, 'members', members);
    expect(got).toEqual(expected);
  }, 240_000);
});

// Slack-like: channel members are users of the channel's workspace, the creator (a workspace user) first
const workspaces: Definition = {
  version: 1,
  seed: 'workspaces',
  tables: [
    { name: 'workspaces', rows: 12_000, fields: [{ name: 'id', type: 'string.uuid' }] },
    {
      name: 'users',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'workspace_id', type: 'ref', options: { table: 'workspaces', field: 'id', childrenPerParent: { min: 6, max: 20 } } },
      ],
    },
    {
      name: 'channels',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'workspace_id', type: 'ref', options: { table: 'workspaces', field: 'id', childrenPerParent: { min: 1, max: 4 } } },
        { name: 'creator_id', type: 'ref', options: { table: 'users', field: 'id', scope: { target: 'workspace_id', equals: 'workspace_id' } } },
      ],
    },
    {
      name: 'channel_members',
      primaryKey: ['channel_id', 'user_id'],
      fields: [
        { name: 'channel_id', type: 'ref', options: { table: 'channels', field: 'id', childrenPerParent: { min: 1, max: 6 } } },
        {
          name: 'user_id',
          type: 'ref',
          options: {
            table: 'users',
            field: 'id',
            distinctWithin: 'channel_id',
            include: 'channel_id.creator_id',
            scope: { target: 'workspace_id', equals: 'channel_id.workspace_id' },
          },
        },
      ],
    },
  ],
};

describe('many-to-many inside a scope', () => {
  const plan = compile(workspaces);
  const members = rowsEveryChunking(plan, 'channel_members');
  const channels = rowsEveryChunking(plan, 'channels');

  it('pairs channels only with users of their workspace, each pair once, the creator always in', () => {
    expect(members.length).toBeGreaterThan(100_000);
    const workspaceOfUser = new Map(rowsEveryChunking(plan, 'users').map(([id, w]) => [id, w]));
    const channel = new Map(channels.map(([id, w, creator]) => [id, { w, creator }]));
    expect(members.filter(([c, u]) => workspaceOfUser.get(u) !== channel.get(c)!.w).slice(0, 3)).toEqual([]);
    expect(new Set(members.map(([c, u]) => `${c}|${u}`)).size).toBe(members.length);
    const withCreator = new Set(members.filter(([c, u]) => channel.get(c)!.creator === u).map(([c]) => c));
    expect(withCreator.size).toBe(channels.length);
  });

  it('gives the same rows in two worker processes', async () => {
    const { expected, got } = await sameInTwoProcesses(workspaces, { channel_members: members, channels });
    expect(got).toEqual(expected);
  }, 240_000);

  it("refuses a scope that can be smaller than a left row's partners", () => {
    const tight = structuredClone(workspaces);
    (tight.tables[3].fields[0].options as { childrenPerParent: unknown }).childrenPerParent = { min: 1, max: 8 };
    expect(() => compile(tight)).toThrow(
      /tables\[3\]\.fields\[1\]\.options\.scope: a channels row can have up to 8 channel_members rows but a scope can hold as few as 6 users rows/,
    );
  });
});

describe('self joins', () => {
  const follows = (users: number, max: number): Definition => ({
    version: 1,
    seed: 'follows',
    tables: [
      { name: 'users', rows: users, fields: [{ name: 'id', type: 'string.uuid' }] },
      {
        name: 'follows',
        primaryKey: ['follower_id', 'followee_id'],
        fields: [
          { name: 'follower_id', type: 'ref', options: { table: 'users', field: 'id', childrenPerParent: { min: 0, max } } },
          { name: 'followee_id', type: 'ref', options: { table: 'users', field: 'id', distinctWithin: 'follower_id', excludeSelf: true } },
        ],
      },
    ],
  });

  it('never follows oneself, never twice, at 100,000 rows and in two processes', async () => {
    const definition = follows(30_000, 6);
    const rows = rowsEveryChunking(compile(definition), 'follows');
    expect(rows.length).toBeGreaterThan(85_000);
    expect(rows.filter(([a, b]) => a === b)).toEqual([]);
    expect(new Set(rows.map(([a, b]) => `${a}|${b}`)).size).toBe(rows.length);
    const { expected, got } = await sameInTwoProcesses(definition, 'follows', rows);
    expect(got).toEqual(expected);
  }, 240_000);

  it('can follow every other user, and no more', () => {
    const rows = rowsEveryChunking(
      compile({
        ...follows(5, 4),
        tables: [
          follows(5, 4).tables[0],
          {
            ...follows(5, 4).tables[1],
            fields: [
              { name: 'follower_id', type: 'ref', options: { table: 'users', field: 'id', childrenPerParent: { min: 4, max: 4 } } },
              follows(5, 4).tables[1].fields[1],
            ],
          },
        ],
      }),
      'follows',
    );
    expect(rows.length).toBe(20);
    expect(new Set(rows.map(([a, b]) => `${a}|${b}`)).size).toBe(20);
    expect(rows.filter(([a, b]) => a === b)).toEqual([]);
    expect(() => compile(follows(5, 5))).toThrow(/tables\[1\]\.fields\[1\]\.options\.distinctWithin: .*users has only 4 other rows/);
  });
});

describe('a join that avoids the row a path from its left side reaches (a version never depends on its own package)', () => {
  const registry = (packages: number, max: number, differentFrom = 'version_id.package_id'): Definition => ({
    version: 1,
    seed: 'registry',
    tables: [
      { name: 'packages', rows: packages, fields: [{ name: 'id', type: 'sequence' }] },
      {
        name: 'versions',
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'package_id', type: 'ref', options: { table: 'packages', field: 'id', childrenPerParent: { min: 1, max: 3 } } },
        ],
      },
      {
        name: 'dependencies',
        primaryKey: ['version_id', 'depends_on_package_id'],
        fields: [
          { name: 'version_id', type: 'ref', options: { table: 'versions', field: 'id', childrenPerParent: { min: 0, max } } },
          { name: 'depends_on_package_id', type: 'ref', options: { table: 'packages', field: 'id', distinctWithin: 'version_id', differentFrom } },
        ],
      },
    ],
  });
  // package of each version, by the version's id (sequence from 1)
  const packageOf = (plan: ReturnType<typeof compile>) => new Map(rowsEveryChunking(plan, 'versions').map(([id, pkg]) => [id, pkg]));

  it('never pairs a version with its own package, never twice, in any chunking and in two processes', async () => {
    const definition = registry(20_000, 5);
    const plan = compile(definition);
    const rows = rowsEveryChunking(plan, 'dependencies');
    expect(rows.length).toBeGreaterThan(90_000);
    const own = packageOf(plan);
    expect(rows.filter(([version, pkg]) => own.get(version) === pkg)).toEqual([]);
    expect(new Set(rows.map(([a, b]) => `${a}|${b}`)).size).toBe(rows.length);
    const { expected, got } = await sameInTwoProcesses(definition, 'dependencies', rows);
    expect(got).toEqual(expected);
  }, 240_000);

  it('uses every other package when a version needs them all, and refuses one more', () => {
    const plan = compile({
      ...registry(4, 3),
      tables: registry(4, 3).tables.map((t, k) =>
        k === 2 ? { ...t, fields: [{ ...t.fields[0], options: { table: 'versions', field: 'id', childrenPerParent: { min: 3, max: 3 } } }, t.fields[1]] } : t,
      ),
    });
    const rows = rowsEveryChunking(plan, 'dependencies');
    const own = packageOf(plan);
    expect(rows.filter(([version, pkg]) => own.get(version) === pkg)).toEqual([]);
    expect(new Set(rows.map(([a, b]) => `${a}|${b}`)).size).toBe(rows.length);
    expect(() => compile(registry(4, 4))).toThrow(/tables\[2\]\.fields\[1\]\.options\.distinctWithin: .*packages has only 3 other rows/);
  });

  it('names a path that does not start at the left ref or does not reach the right table', () => {
    expect(() => compile(registry(50, 3, 'version_id'))).toThrow(/options\.differentFrom: .*must be a ref to table packages/);
    expect(() => compile(registry(50, 3, 'version_id.id'))).toThrow(/options\.differentFrom: "version_id\.id" must end at a ref to table packages/);
    expect(() => compile(registry(50, 3, 'version_id.ghost'))).toThrow(/options\.differentFrom: .*ghost/);
  });
});

describe('many-to-many validation', () => {
  const join = (users: number, right: Record<string, unknown>): Definition => ({
    version: 1,
    tables: [
      { name: 'users', rows: users, fields: [{ name: 'id', type: 'sequence' }] },
      {
        name: 'channels',
        rows: 10,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'topic', type: 'lorem.word' },
          { name: 'creator_id', type: 'ref', options: { table: 'users', field: 'id' } },
        ],
      },
      {
        name: 'members',
        primaryKey: ['channel_id', 'user_id'],
        fields: [
          { name: 'channel_id', type: 'ref', options: { table: 'channels', field: 'id', childrenPerParent: { min: 1, max: 8 } } },
          { name: 'user_id', type: 'ref', options: { table: 'users', field: 'id', ...right } },
        ],
      },
    ],
  });
  const issues = (def: Definition) => compileIssues(def);

  it('refuses more partners per left row than the right table has', () => {
    expect(issues(join(5, { distinctWithin: 'channel_id' }))).toEqual([
      { path: 'tables[2].fields[1].options.distinctWithin', message: expect.stringMatching(/up to 8 members rows .* users has only 5 rows/) },
    ]);
    expect(issues(join(8, { distinctWithin: 'channel_id' }))).toEqual([]);
  });

  it('names bad distinctWithin and include settings', () => {
    expect(issues(join(50, { distinctWithin: 'nope' }))[0]).toMatchObject({
      path: 'tables[2].fields[1].options.distinctWithin',
      message: expect.stringMatching(/unknown field "nope"/),
    });
    expect(issues(join(50, { include: 'channel_id.creator_id' }))[0]).toMatchObject({
      path: 'tables[2].fields[1].options.include',
      message: expect.stringMatching(/needs distinctWithin/),
    });
    expect(issues(join(50, { distinctWithin: 'channel_id', include: 'channel_id.topic' }))[0]).toMatchObject({
      path: 'tables[2].fields[1].options.include',
      message: expect.stringMatching(/must end at a ref to table users/),
    });
    expect(issues(join(50, { distinctWithin: 'channel_id', include: 'user_id' }))[0]).toMatchObject({
      path: 'tables[2].fields[1].options.include',
      message: expect.stringMatching(/must start at the left ref channel_id/),
    });
    // without distinctWithin the composite key of a 50-row right side cannot hold the rows by itself
    expect(issues(join(5, {}))[0]).toMatchObject({ path: 'tables[2].primaryKey' });
  });

  it('validates weighted ranges with paths', () => {
    const def = join(50, { distinctWithin: 'channel_id' });
    (def.tables[2].fields[0].options as Record<string, unknown>).childrenPerParent = { min: 1, max: 3, ranges: [{ min: 3, max: 1, weight: 1 }] };
    expect(issues(def)).toEqual([{ path: 'tables[2].fields[0].options.childrenPerParent.ranges[0].max', message: 'must be >= min (got 1 < 3)' }]);
    (def.tables[2].fields[0].options as Record<string, unknown>).childrenPerParent = { min: 1, max: 3, ranges: [{ min: 2, max: 5, weight: 1 }] };
    expect(issues(def)).toEqual([{ path: 'tables[2].fields[0].options.childrenPerParent.ranges[0]', message: 'must lie within min..max (1..3; got 2..5)' }]);
  });
});

describe('rows that follow a join table, one join row each (a review per enrolment)', () => {
  const courses: Definition = {
    version: 1,
    seed: 'courses',
    tables: [
      {
        name: 'students',
        rows: 3000,
        fields: [
          { name: 'id', type: 'string.uuid' },
          { name: 'created_at', type: 'date.past' },
        ],
      },
      { name: 'courses', rows: 40, fields: [{ name: 'id', type: 'sequence' }] },
      {
        name: 'enrolments',
        primaryKey: ['student_id', 'course_id'],
        fields: [
          { name: 'student_id', type: 'ref', options: { table: 'students', field: 'id', childrenPerParent: { min: 1, max: 6 } } },
          { name: 'course_id', type: 'ref', options: { table: 'courses', field: 'id', distinctWithin: 'student_id' } },
          { name: 'enrolled_at', type: 'after', options: { from: 'student_id.created_at', atMost: 'now' } },
        ],
      },
      {
        name: 'reviews',
        unique: [['student_id', 'course_id']],
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'student_id', type: 'ref', options: { table: 'enrolments', field: 'student_id', childrenPerParent: { min: 0, max: 1 } } },
          { name: 'course_id', type: 'lookup', options: { path: 'student_id.course_id' } },
          { name: 'created_at', type: 'after', options: { from: 'student_id.enrolled_at', atMost: 'now' } },
        ],
      },
    ],
  };

  const plan = compile(courses);
  const reviews = rowsEveryChunking(plan, 'reviews');

  it('reviews only enrolled pairs, each at most once, after the enrolment, in any chunking', () => {
    const enrolled = new Map(rowsEveryChunking(plan, 'enrolments').map(([s, c, at]) => [`${s}|${c}`, at as Date]));
    expect(reviews.length).toBeGreaterThan(enrolled.size / 4);
    expect(reviews.filter(([, s, c]) => !enrolled.has(`${s}|${c}`))).toEqual([]);
    expect(new Set(reviews.map(([, s, c]) => `${s}|${c}`)).size).toBe(reviews.length);
    expect(reviews.filter(([, s, c, at]) => (at as Date) < enrolled.get(`${s}|${c}`)!)).toEqual([]);
  });

  it('gives the same rows in two worker processes', async () => {
    const { expected, got } = await sameInTwoProcesses(courses, 'reviews', reviews);
    expect(got).toEqual(expected);
  }, 240_000);

  it('refuses a ref to a ref field that is not laid out by it, or that can be null', () => {
    const reviews = courses.tables[3];
    const loose = {
      ...courses,
      tables: [
        ...courses.tables.slice(0, 3),
        { ...reviews, fields: reviews.fields.map((f) => (f.name === 'student_id' ? { ...f, options: { table: 'enrolments', field: 'student_id' } } : f)) },
      ],
    };
    expect(() => compile(loose)).toThrow(
      /tables\[3\]\.fields\[1\]\.options\.field: enrolments\.student_id is a ref field: a ref to it must set childrenPerParent/,
    );
    const selfRef: Definition = {
      version: 1,
      tables: [
        {
          name: 'people',
          rows: 10,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'mentor_id', type: 'ref', options: { table: 'people', field: 'id' } },
          ],
        },
        {
          name: 'notes',
          fields: [{ name: 'mentor_id', type: 'ref', options: { table: 'people', field: 'mentor_id', childrenPerParent: { min: 0, max: 1 } } }],
        },
      ],
    };
    expect(() => compile(selfRef)).toThrow(/people\.mentor_id can be null/);
  });
});

describe('a member of the row’s group, through a join table (a project’s lead among its workspace’s members)', () => {
  const teams: Definition = {
    version: 1,
    seed: 'members',
    tables: [
      { name: 'users', rows: 500, fields: [{ name: 'id', type: 'string.uuid' }] },
      { name: 'workspaces', rows: 200, fields: [{ name: 'id', type: 'sequence' }] },
      {
        name: 'workspace_members',
        primaryKey: ['workspace_id', 'user_id'],
        fields: [
          { name: 'workspace_id', type: 'ref', options: { table: 'workspaces', field: 'id', childrenPerParent: { min: 1, max: 5 } } },
          { name: 'user_id', type: 'ref', options: { table: 'users', field: 'id', distinctWithin: 'workspace_id' } },
        ],
      },
      {
        name: 'projects',
        rows: 3000,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'workspace_id', type: 'ref', options: { table: 'workspaces', field: 'id' } },
          {
            name: 'lead_id',
            type: 'ref',
            options: { table: 'workspace_members', field: 'user_id', scope: { target: 'workspace_id', equals: 'workspace_id' } },
          },
        ],
      },
    ],
  };

  it('picks only users who are members of the row’s workspace, in any chunking and in two processes', async () => {
    const plan = compile(teams);
    const members = new Set(rowsEveryChunking(plan, 'workspace_members').map(([w, u]) => `${w}|${u}`));
    const projects = rowsEveryChunking(plan, 'projects');
    expect(projects.filter(([, w, lead]) => !members.has(`${w}|${lead}`))).toEqual([]);
    expect(new Set(projects.map(([, , lead]) => lead)).size).toBeGreaterThan(100);
    const { expected, got } = await sameInTwoProcesses(teams, 'projects', projects);
    expect(got).toEqual(expected);
  }, 240_000);

  it('refuses unique on such a ref (its values repeat)', () => {
    const unique = structuredClone(teams);
    unique.tables[3]!.fields[2]!.unique = true;
    expect(() => compile(unique)).toThrow(/tables\[3\]\.fields\[2\]\.unique: workspace_members\.user_id repeats its values/);
  });
});

// payslips only for pay periods since the hire: the periods a date series, partners among its rows past the hire date
const payroll = (since: Record<string, unknown> = { series: 'starts_on', atLeast: 'employee_id.hired_on' }): Definition => ({
  version: 1,
  seed: 'payroll',
  referenceDate: '2025-06-01T00:00:00.000Z',
  tables: [
    {
      name: 'employees',
      rows: 20_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'hired_on', type: 'date.past', options: { years: 3 } },
      ],
    },
    {
      name: 'pay_periods',
      rows: 5000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'starts_on', type: 'sequence', options: { start: 3, step: -1, unit: 'days' } },
      ],
    },
    {
      name: 'payslips',
      fields: [
        { name: 'employee_id', type: 'ref', options: { table: 'employees', field: 'id', childrenPerParent: { min: 1, max: 3 } } },
        { name: 'pay_period_id', type: 'ref', options: { table: 'pay_periods', field: 'id', distinctWithin: 'employee_id', since } },
      ],
    },
  ],
});

describe('join partners since a moment of the left row (since)', () => {
  const definition = payroll();
  const plan = compile(definition);
  const hired = new Map(rowsEveryChunking(plan, 'employees').map(([id, on]) => [id, (on as Date).getTime()]));
  const starts = new Map(rowsEveryChunking(plan, 'pay_periods').map(([id, on]) => [id, (on as Date).getTime()]));
  const slips = rowsEveryChunking(plan, 'payslips');

  it('pairs each employee only with periods starting on or after the hire, each once, spread over them', () => {
    expect(slips.length).toBeGreaterThan(30_000);
    expect(slips.filter(([e, p]) => starts.get(p)! < hired.get(e)!)).toEqual([]);
    expect(new Set(slips.map(([e, p]) => `${e}|${p}`)).size).toBe(slips.length);
    // not only the latest periods: employees hired long ago get old ones too
    expect(new Set(slips.map(([, p]) => p)).size).toBeGreaterThan(900);
  });

  it('gives the same rows in two worker processes', async () => {
    const { expected, got } = await sameInTwoProcesses(definition, { payslips: slips });
    expect(got).toEqual(expected);
  }, 120_000);

  it('refuses a field that is not a date series and a path not from the left ref', () => {
    const issues = (def: Definition) => compileIssues(def).map((i) => i.path);
    expect(issues(payroll({ series: 'id', atLeast: 'employee_id.hired_on' }))).toContain('tables[2].fields[1].options.since.series');
    expect(issues(payroll({ series: 'starts_on', atLeast: 'pay_period_id' }))).toContain('tables[2].fields[1].options.since.atLeast');
  });
});
