import { describe, expect, it } from 'vitest';
import { compile, type Definition, DefinitionError, generateRows } from './index.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';

const DAY = 86_400_000;

// a job's status decides its progress, timestamps and error as one variant of the row
const jobs: Definition = {
  version: 1,
  seed: 'jobs',
  tables: [
    {
      name: 'projects',
      rows: 300,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'created_at', type: 'date.past', options: { years: 2 } },
      ],
    },
    {
      name: 'jobs',
      rows: 100_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'project_id', type: 'ref', options: { table: 'projects', field: 'id' } },
        { name: 'status', type: 'pick', options: { values: ['queued', 'running', 'done', 'error'] } },
        { name: 'percent_complete', type: 'number.int', options: { min: 0, max: 100 } },
        { name: 'started_at', type: 'after', options: { from: 'project_id.created_at', max: 20 } },
        { name: 'finished_at', type: 'after', options: { from: 'started_at', min: 1, max: 48, unit: 'hours' }, nullRate: 0.3 },
        { name: 'error_code', type: 'regex', options: { pattern: 'E[0-9]{3}' } },
        { name: 'note', type: 'lorem.word', nullRate: 0.5 },
        { name: 'owner', type: 'person.firstName', nullRate: 0.4 },
      ],
      profiles: {
        field: 'status',
        variants: [
          { value: 'queued', weight: 3, fields: { percent_complete: 0, started_at: null, finished_at: null, error_code: null, owner: null } },
          {
            value: 'running',
            weight: 2,
            fields: { percent_complete: { type: 'number.int', options: { min: 1, max: 99 } }, finished_at: null, error_code: null },
          },
          {
            value: 'done',
            weight: 4,
            fields: {
              percent_complete: 100,
              finished_at: { type: 'after', options: { from: 'started_at', min: 1, max: 48, unit: 'hours' } },
              error_code: null,
            },
          },
          {
            value: 'error',
            weight: 1,
            fields: { error_code: { type: 'pick', options: { values: ['E500', 'E503', 'E504'] } }, finished_at: '2024-12-31T00:00:00Z' },
          },
        ],
      },
    },
  ],
};

describe('row profiles', () => {
  const plan = compile(jobs);
  const rows = rowsEveryChunking(plan, 'jobs');
  const created = new Map(rowsEveryChunking(plan, 'projects').map(([id, at]) => [id, (at as Date).getTime()]));
  const shape = plan.tables.find((t) => t.name === 'jobs')!;
  const at = (name: string) => shape.columns.findIndex((c) => c.name === name);
  const [project, status, pct, started, finished, code, note, owner] = [
    'project_id',
    'status',
    'percent_complete',
    'started_at',
    'finished_at',
    'error_code',
    'note',
    'owner',
  ].map(at);

  it('keeps every row consistent with its variant', () => {
    const time = (v: unknown) => (v instanceof Date ? v.getTime() : NaN);
    const violations = rows.filter((r) => {
      const begun = time(r[started]) >= created.get(r[project])! && time(r[started]) <= created.get(r[project])! + 20 * DAY;
      switch (r[status]) {
        case 'queued':
          return !(r[pct] === 0 && r[started] === null && r[finished] === null && r[code] === null);
        case 'running':
          return !(Number.isInteger(r[pct]) && (r[pct] as number) >= 1 && (r[pct] as number) <= 99 && begun && r[finished] === null && r[code] === null);
        case 'done': {
          const gap = time(r[finished]) - time(r[started]);
          return !(r[pct] === 100 && begun && gap >= 3_600_000 && gap <= 48 * 3_600_000 && r[code] === null);
        }
        case 'error':
          return !(
            ['E500', 'E503', 'E504'].includes(r[code] as string) &&
            time(r[finished]) === Date.parse('2024-12-31T00:00:00Z') &&
            Number.isInteger(r[pct]) &&
            begun
          );
        default:
          return true;
      }
    });
    expect(violations.slice(0, 3)).toEqual([]);
  });

  it('chooses variants by weight, and leaves untouched fields their own generator and null rate', () => {
    const share = (s: string) => rows.filter((r) => r[status] === s).length / rows.length;
    for (const [s, w] of [
      ['queued', 0.3],
      ['running', 0.2],
      ['done', 0.4],
      ['error', 0.1],
    ] as const)
      expect(Math.abs(share(s) - w), s).toBeLessThan(0.01);
    const notes = rows.map((r) => r[note]);
    expect(Math.abs(notes.filter((n) => n === null).length / rows.length - 0.5)).toBeLessThan(0.01);
    // the field's own nullRate still applies where no variant sets it (error rows keep their constant)
    const owners = rows.filter((r) => r[status] !== 'queued').map((r) => r[owner]);
    expect(Math.abs(owners.filter((o) => o === null).length / owners.length - 0.4)).toBeLessThan(0.01);
    expect(rows.filter((r) => r[status] === 'queued' && r[owner] !== null)).toEqual([]);
    const pctErrors = rows.filter((r) => r[status] === 'error').map((r) => r[pct] as number);
    expect(new Set(pctErrors).size).toBeGreaterThan(90);
  });

  it("shapes columns from the variants: the selector's kind, nullable where a variant sets null", () => {
    const col = (n: string) => shape.columns[at(n)];
    expect(col('status')).toMatchObject({ kind: 'text', nullable: false });
    expect(col('percent_complete')).toMatchObject({ kind: 'integer', nullable: false });
    expect(col('started_at')).toMatchObject({ kind: 'timestamp', nullable: true });
    expect(col('error_code').nullable).toBe(true);
  });

  it('gives the same rows in two worker processes', async () => {
    const { expected, got } = await sameInTwoProcesses(jobs, 'jobs', rows);
    expect(got).toEqual(expected);
  }, 240_000);
});

// a double-entry line is a debit or a credit: no selector column, the variants only set the other side to 0
const lines: Definition = {
  version: 1,
  seed: 'ledger',
  tables: [
    {
      name: 'journal_lines',
      rows: 20_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'debit', type: 'number.float', options: { min: 0.01, max: 5000, fractionDigits: 2 } },
        { name: 'credit', type: 'number.float', options: { min: 0.01, max: 5000, fractionDigits: 2 } },
      ],
      profiles: {
        variants: [
          { weight: 3, fields: { credit: 0 } },
          { weight: 1, fields: { debit: 0 } },
        ],
      },
    },
  ],
};

describe('row profiles without a selector', () => {
  const plan = compile(lines);
  const rows = rowsEveryChunking(plan, 'journal_lines');

  it('sets exactly one side per row, by weight, and adds no column', () => {
    expect(plan.tables[0].columns.map((c) => c.name)).toEqual(['id', 'debit', 'credit']);
    expect(rows.filter((r) => (r[1] === 0) === (r[2] === 0))).toEqual([]);
    const debits = rows.filter((r) => r[2] === 0).length / rows.length;
    expect(Math.abs(debits - 0.75)).toBeLessThan(0.015);
    // the side left alone keeps its own generator
    expect(new Set(rows.filter((r) => r[2] === 0).map((r) => r[1])).size).toBeGreaterThan(1000);
  });

  it('gives the same rows in two worker processes', async () => {
    const { expected, got } = await sameInTwoProcesses(lines, 'journal_lines', rows);
    expect(got).toEqual(expected);
  }, 240_000);
});

describe('profile validation', () => {
  const def = (profiles: unknown, extra: Record<string, unknown> = {}): Definition =>
    ({
      version: 1,
      tables: [
        {
          name: 'posts',
          rows: 10,
          primaryKey: ['id'],
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'state', type: 'pick', options: { values: ['draft', 'published'] } },
            { name: 'published_at', type: 'date.past' },
            { name: 'views', type: 'number.int', options: { min: 0, max: 1000 } },
          ],
          profiles,
          ...extra,
        },
      ],
    }) as Definition;
  const issues = (d: Definition) => {
    try {
      compile(d);
      return [];
    } catch (e) {
      if (e instanceof DefinitionError) return e.issues;
      throw e;
    }
  };

  it('accepts a draft/published profile', () => {
    const ok = def({
      field: 'state',
      variants: [
        { value: 'draft', fields: { published_at: null, views: 0 } },
        { value: 'published', weight: 3 },
      ],
    });
    expect(issues(ok)).toEqual([]);
  });

  it('names each bad place', () => {
    const bad = def({
      field: 'state',
      variants: [
        { value: 'draft', fields: { published_at: null, views: 'many', nope: 1, id: 5 } },
        { value: 'draft', fields: { views: { type: 'number.int', options: { min: 10, max: 1 } }, published_at: { type: 'person.firstName' } } },
      ],
    });
    expect(issues(bad)).toEqual(
      expect.arrayContaining([
        { path: 'tables[0].profiles.variants[0].fields.views', message: '"many" is not a integer value (views holds integer)' },
        { path: 'tables[0].profiles.variants[0].fields.nope', message: 'unknown field "nope" in table posts' },
        { path: 'tables[0].profiles.variants[0].fields.id', message: 'id is unique or part of a key; profiles cannot change it' },
        { path: 'tables[0].profiles.variants[1].fields.views.options.max', message: expect.stringMatching(/must be >= min/) },
        { path: 'tables[0].profiles.variants[1].fields.published_at.type', message: 'gives text values but published_at holds timestamp' },
      ]),
    );
    expect(issues(def({ field: 'nope', variants: [{ value: 1 }] }))).toEqual([
      { path: 'tables[0].profiles.field', message: expect.stringMatching(/unknown field "nope"/) },
    ]);
    expect(issues(def({ field: 'state', variants: [] }))[0].path).toBe('tables[0].profiles.variants');
    expect(issues(def({ field: 'state', variants: [{ value: 'x', weight: 0 }] }))).toEqual([
      { path: 'tables[0].profiles.variants', message: 'weights must not all be 0' },
    ]);
    // a value needs a selector, and a selector needs a value per variant
    expect(issues(def({ variants: [{ value: 'draft', fields: { views: 0 } }] }))).toEqual([
      { path: 'tables[0].profiles.variants[0].value', message: expect.stringMatching(/needs a selector/) },
    ]);
    expect(issues(def({ field: 'state', variants: [{ fields: { views: 0 } }] }))).toEqual([
      { path: 'tables[0].profiles.variants[0].value', message: expect.stringMatching(/^required/) },
    ]);
    expect(issues(def({ variants: [{ fields: { views: 0 } }, { fields: { published_at: null } }] }))).toEqual([]);
  });

  it('lets a value have several weighted shapes', () => {
    const twice = def(
      { field: 'state', variants: [{ value: 'draft', fields: { views: 0 } }, { value: 'draft', fields: { views: 7 } }, { value: 'published' }] },
      { rows: 3000 },
    );
    expect(issues(twice)).toEqual([]);
    const plan = compile(twice);
    const shape = plan.tables[0]!;
    const rows = [...generateRows(plan, shape.name, 0, shape.rows)].flat();
    const state = shape.columns.findIndex((c) => c.name === 'state');
    const views = shape.columns.findIndex((c) => c.name === 'views');
    const drafts = rows.filter((r) => r[state] === 'draft');
    expect(new Set(drafts.map((r) => r[views]))).toEqual(new Set([0, 7]));
    expect(rows.some((r) => r[state] === 'published')).toBe(true);
  });

  it('rejects cycles through variant generators', () => {
    const cyclic = def({
      field: 'state',
      variants: [
        {
          value: 'draft',
          fields: { views: { type: 'lookup', options: { path: 'published_at' } }, published_at: { type: 'after', options: { from: 'views' } } },
        },
      ],
    });
    expect(issues(cyclic).some((i) => /cycle/.test(i.message))).toBe(true);
  });
});

// a status only some parents allow: trialing only on a plan with a trial
const trials: Definition = {
  version: 1,
  seed: 'trials',
  tables: [
    {
      name: 'plans',
      rows: 500,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'trial_days', type: 'pick', options: { values: [0, 7, 14, 30], weights: [35, 20, 30, 15] } },
      ],
    },
    {
      name: 'subscriptions',
      rows: 60_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'plan_id', type: 'ref', options: { table: 'plans', field: 'id' } },
        { name: 'status', type: 'pick', options: { values: ['trialing', 'active', 'canceled'] } },
        { name: 'created_at', type: 'date.past', options: { years: 1 } },
        { name: 'trial_ends_at', type: 'expression', options: { expr: 'created_at + plan_id.trial_days' } },
      ],
      profiles: {
        field: 'status',
        variants: [
          { value: 'trialing', weight: 2, when: 'plan_id.trial_days > 0' },
          { value: 'active', weight: 6, fields: { trial_ends_at: null } },
          { value: 'canceled', weight: 2, fields: { trial_ends_at: null } },
        ],
      },
    },
  ],
};

describe('row profiles with conditions (when)', () => {
  const plan = compile(trials);
  const plans = new Map(rowsEveryChunking(plan, 'plans').map(([id, days]) => [id, days as number]));
  const subscriptions = rowsEveryChunking(plan, 'subscriptions');

  it('chooses a variant only where its condition holds, by weight among the others elsewhere', () => {
    const count = { trialWith: 0, otherWith: 0, trialWithout: 0, otherWithout: 0 };
    for (const [, planId, status, createdAt, trialEnds] of subscriptions) {
      const withTrial = plans.get(planId)! > 0;
      if (status === 'trialing') {
        if (withTrial) count.trialWith++;
        else count.trialWithout++;
        // the variant's other fields follow the same row's choice
        expect((trialEnds as Date).getTime() - (createdAt as Date).getTime()).toBe(plans.get(planId)! * 86_400_000);
      } else {
        if (withTrial) count.otherWith++;
        else count.otherWithout++;
        expect(trialEnds).toBeNull();
      }
    }
    expect(count.trialWithout).toBe(0);
    // where the condition holds, trialing keeps its weight (2 of 10)
    expect(count.trialWith / (count.trialWith + count.otherWith)).toBeCloseTo(0.2, 1);
    expect(count.otherWithout).toBeGreaterThan(15_000);
  });

  it('gives the same rows in two worker processes', async () => {
    const { expected, got } = await sameInTwoProcesses(trials, 'subscriptions', subscriptions);
    expect(got).toEqual(expected);
  }, 240_000);

  it('names a bad condition, and asks for a variant without one', () => {
    const issues = (variants: Record<string, unknown>[]) => {
      try {
        compile({ ...trials, tables: [trials.tables[0], { ...trials.tables[1], profiles: { field: 'status', variants } }] } as Definition);
        return [];
      } catch (error) {
        if (!(error instanceof DefinitionError)) throw error;
        return error.issues.map((i) => `${i.path}: ${i.message}`);
      }
    };
    expect(issues([{ value: 'trialing', when: 'plan_id.nope > 0' }, { value: 'active' }])).toEqual([
      expect.stringMatching(/^tables\[1\]\.profiles\.variants\[0\]\.when: at position 0: unknown parent column "nope"/),
    ]);
    expect(issues([{ value: 'trialing', when: 'plan_id.trial_days >' }, { value: 'active' }])[0]).toMatch(/^tables\[1\]\.profiles\.variants\[0\]\.when: /);
    expect(
      issues([
        { value: 'trialing', when: 'plan_id.trial_days > 0' },
        { value: 'active', weight: 0 },
      ]),
    ).toEqual(['tables[1].profiles.variants: at least one variant with a weight must have no `when`: rows where every condition is false take it']);
  });
});
