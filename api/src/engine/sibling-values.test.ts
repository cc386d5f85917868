import { describe, expect, it } from 'vitest';
import { compile, type Definition, DefinitionError } from './index.js';
import type { Value } from './shape.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';

// positions 1..n per course; room numbers and codes distinct within a hotel, repeated across hotels
const school: Definition = {
  version: 1,
  seed: 'siblings',
  tables: [
    { name: 'courses', rows: 7000, fields: [{ name: 'id', type: 'sequence' }] },
    {
      name: 'lessons',
      unique: [['course_id', 'position']],
      fields: [
        { name: 'course_id', type: 'ref', options: { table: 'courses', field: 'id', childrenPerParent: { min: 1, max: 28 } } },
        { name: 'position', type: 'sequence', options: { per: 'course_id' } },
        { name: 'title', type: 'lorem.words', options: { min: 2, max: 4 } },
      ],
    },
    { name: 'hotels', rows: 3000, fields: [{ name: 'id', type: 'string.uuid' }] },
    {
      name: 'rooms',
      unique: [
        ['hotel_id', 'room_number'],
        ['hotel_id', 'kind'],
      ],
      fields: [
        { name: 'hotel_id', type: 'ref', options: { table: 'hotels', field: 'id', childrenPerParent: { min: 3, max: 60 } } },
        { name: 'room_number', type: 'number.int', options: { min: 100, max: 999 } },
        { name: 'kind', type: 'pick', options: { values: Array.from({ length: 60 }, (_, k) => `kind-${k}`) } },
      ],
    },
  ],
};

describe('values per sibling', () => {
  const plan = compile(school);
  const lessons = rowsEveryChunking(plan, 'lessons');
  const rooms = rowsEveryChunking(plan, 'rooms');

  it('numbers the lessons of every course 1..n in order', () => {
    expect(lessons.length).toBeGreaterThan(90_000);
    let previous: unknown;
    let expected = 0;
    const wrong = lessons.filter(([course, position]) => {
      expected = course === previous ? expected + 1 : 1;
      previous = course;
      return position !== expected;
    });
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it('keeps room numbers and kinds distinct within each hotel, spread over the whole range', () => {
    expect(rooms.length).toBeGreaterThan(90_000);
    expect(new Set(rooms.map(([h, n]) => `${h}|${n}`)).size).toBe(rooms.length);
    expect(new Set(rooms.map(([h, , k]) => `${h}|${k}`)).size).toBe(rooms.length);
    const numbers = rooms.map(([, n]) => n as number);
    expect(numbers.every((n) => Number.isInteger(n) && n >= 100 && n <= 999)).toBe(true);
    expect(new Set(numbers).size).toBe(900);
  });

  it('gives the same rows in two worker processes', async () => {
    const { expected, got } = await sameInTwoProcesses(school, { lessons, rooms });
    expect(got).toEqual(expected);
  }, 240_000);

  it('keeps a text column of a composite unique with the row suffix when nothing finite can', () => {
    const sites: Definition = {
      version: 1,
      tables: [
        { name: 'sites', rows: 400, fields: [{ name: 'id', type: 'sequence' }] },
        {
          name: 'categories',
          unique: [['site_id', 'name']],
          fields: [
            { name: 'site_id', type: 'ref', options: { table: 'sites', field: 'id', childrenPerParent: { min: 1, max: 30 } } },
            { name: 'name', type: 'commerce.department' },
          ],
        },
      ],
    };
    const rows = rowsEveryChunking(compile(sites), 'categories');
    expect(new Set(rows.map(([s, n]) => `${s}|${n}`)).size).toBe(rows.length);
    expect(rows.every(([, n]) => /^[A-Za-z ]+-[0-9a-z]+$/.test(n as string))).toBe(true);
  });

  it("names what is wrong: a space smaller than a parent's children, a position not per the laid-out ref", () => {
    const issues = (d: Definition) => {
      try {
        compile(d);
        return [];
      } catch (e) {
        if (e instanceof DefinitionError) return e.issues;
        throw e;
      }
    };
    const small = structuredClone(school);
    small.tables[3].fields[2].options = { values: ['a', 'b', 'c'] };
    expect(issues(small)).toEqual([
      { path: 'tables[3].unique[1]', message: expect.stringMatching(/only 3 combinations; within one hotels row kind has only 3 values for up to 60 rows/) },
    ]);
    const loose = structuredClone(school);
    loose.tables[1].fields[1] = { name: 'position', type: 'sequence', options: { per: 'title' }, unique: true };
    expect(issues(loose)).toEqual(
      expect.arrayContaining([
        { path: 'tables[1].fields[1].options.per', message: expect.stringMatching(/lessons\.title must be the ref with childrenPerParent/) },
        { path: 'tables[1].fields[1].unique', message: expect.stringMatching(/make \(title, position\) unique instead/) },
      ]),
    );
  });
});

// a daily rate per currency pair with no parent table, and a device's readings a minute apart
const series: Definition = {
  version: 1,
  seed: 'series',
  referenceDate: '2026-06-01T00:00:00.000Z',
  tables: [
    {
      name: 'rates',
      rows: 5000,
      primaryKey: ['base', 'quote', 'day'],
      fields: [
        { name: 'base', type: 'pick', options: { values: ['USD', 'EUR', 'GBP'] } },
        { name: 'quote', type: 'pick', options: { values: ['JPY', 'CHF'] } },
        { name: 'day', type: 'sequence', options: { start: -5000, unit: 'days' } },
      ],
    },
    {
      name: 'devices',
      rows: 300,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'installed_at', type: 'date.past', options: { years: 2 } },
      ],
    },
    {
      name: 'readings',
      primaryKey: ['device_id', 'taken_at'],
      fields: [
        { name: 'device_id', type: 'ref', options: { table: 'devices', field: 'id', childrenPerParent: { min: 1, max: 40 } } },
        { name: 'taken_at', type: 'sequence', options: { per: 'device_id', start: 0, step: 1, unit: 'minutes', from: '2026-05-01T08:00:00Z' } },
        { name: 'since_install', type: 'sequence', options: { per: 'device_id', start: 1, step: 15, unit: 'minutes', from: 'device_id.installed_at' } },
      ],
    },
  ],
};

describe('date series', () => {
  const plan = compile(series);

  it('counts a unit from the reference date (or `from`) and keeps composite keys unique', () => {
    const rates = rowsEveryChunking(plan, 'rates');
    const days = rates.map((r) => (r[2] as Date).getTime());
    expect(days[0]).toBe(Date.parse('2026-06-01T00:00:00Z') - 5000 * 86_400_000);
    expect(days.at(-1)).toBe(Date.parse('2026-06-01T00:00:00Z') - 86_400_000);
    expect(new Set(rates.map((r) => `${r[0]}|${r[1]}|${(r[2] as Date).getTime()}`)).size).toBe(rates.length);
    expect(plan.tables.find((t) => t.name === 'rates')!.columns[2].kind).toBe('timestamp');
  });

  it("numbers instants per parent: each device's readings a minute apart from `from`, distinct per device", () => {
    const readings = rowsEveryChunking(plan, 'readings');
    const byDevice = new Map<unknown, number[]>();
    for (const [device, at] of readings) byDevice.set(device, [...(byDevice.get(device) ?? []), (at as Date).getTime()]);
    for (const times of byDevice.values()) expect(times).toEqual(times.map((_, k) => Date.parse('2026-05-01T08:00:00Z') + k * 60_000));
    expect(byDevice.size).toBe(300);
  });

  it("counts from a parent's instant when `from` is a field path: every reading after its device was installed", () => {
    const installed = new Map(rowsEveryChunking(plan, 'devices').map(([id, at]) => [id, (at as Date).getTime()]));
    const readings = rowsEveryChunking(plan, 'readings');
    const byDevice = new Map<Value, number[]>();
    for (const [device, , since] of readings) byDevice.set(device, [...(byDevice.get(device) ?? []), (since as Date).getTime()]);
    for (const [device, times] of byDevice) expect(times).toEqual(times.map((_, k) => installed.get(device)! + (1 + 15 * k) * 60_000));
  });

  it('refuses a unit it does not know and a `from` that is not a date', () => {
    const bad = structuredClone(series);
    bad.tables[0].fields[2].options = { unit: 'weeks', from: 'yesterday' };
    try {
      compile(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DefinitionError);
      expect((e as DefinitionError).issues.map((i) => i.path)).toEqual(['tables[0].fields[2].options.unit']);
    }
    const issuesOf = (options: Record<string, unknown>) => {
      const d = structuredClone(series);
      d.tables[2].fields[2].options = options;
      try {
        compile(d);
        return [];
      } catch (e) {
        return (e as DefinitionError).issues.map((i) => `${i.path}: ${i.message}`);
      }
    };
    expect(issuesOf({ per: 'device_id', unit: 'minutes', from: 'device_id.nope' })).toEqual([
      expect.stringMatching(/^tables\[2\]\.fields\[2\]\.options\.from: .*nope/),
    ]);
    expect(issuesOf({ per: 'device_id', unit: 'minutes', from: 'device_id.id' })).toEqual([
      'tables[2].fields[2].options.from: field "device_id.id" is not a date (it is integer)',
    ]);
    expect(issuesOf({ per: 'device_id', from: 'device_id.installed_at' })).toEqual([expect.stringMatching(/options\.from: from needs a unit/)]);
    expect(issuesOf({ per: 'device_id', unit: 'hours', from: '2026-13-45' })).toEqual([
      'tables[2].fields[2].options.from: "2026-13-45" is not "now", an ISO date or a field path',
    ]);
  });
});

describe('a layout ref to a join row’s column', () => {
  it('is not taken as keeping (ref, col) distinct: its values repeat across parent rows (an error names the key, not a failed load)', () => {
    const def: Definition = {
      version: 1,
      seed: 'join-of-join',
      tables: [
        { name: 'flights', rows: 20, fields: [{ name: 'id', type: 'sequence' }] },
        { name: 'tickets', rows: 200, fields: [{ name: 'no', type: 'sequence' }] },
        {
          name: 'ticket_flights',
          primaryKey: ['ticket_no', 'flight_id'],
          fields: [
            { name: 'ticket_no', type: 'ref', options: { table: 'tickets', field: 'no', childrenPerParent: { min: 1, max: 3 } } },
            { name: 'flight_id', type: 'ref', options: { table: 'flights', field: 'id', distinctWithin: 'ticket_no' } },
          ],
        },
        {
          name: 'boarding_passes',
          unique: [['flight_id', 'seat']],
          fields: [
            { name: 'flight_id', type: 'ref', options: { table: 'ticket_flights', field: 'flight_id', childrenPerParent: { min: 0, max: 1 } } },
            { name: 'seat', type: 'pick', options: { values: ['1A', '1B', '1C', '2A', '2B', '2C'] } },
          ],
        },
      ],
    };
    try {
      compile(def);
      expect.unreachable();
    } catch (error) {
      expect((error as DefinitionError).issues.map((i) => i.message)).toEqual([
        expect.stringMatching(/cannot guarantee \(flight_id, seat\) unique.*whose values repeat/),
      ]);
    }
  });
});

describe('ranges of a series (EXCLUDE … WITH &&)', () => {
  const periods: Definition = {
    version: 1,
    seed: 'ranges',
    tables: [
      {
        name: 'rooms',
        rows: 400,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'opened', type: 'date.past', options: { years: 3 } },
        ],
      },
      {
        name: 'bookings',
        fields: [
          { name: 'room_id', type: 'ref', options: { table: 'rooms', field: 'id', childrenPerParent: { min: 0, max: 12 } } },
          { name: 'during', type: 'sequence', options: { per: 'room_id', unit: 'days', start: 0, step: 10, from: 'room_id.opened', range: { length: 4 } } },
          { name: 'slot', type: 'sequence', options: { unit: 'hours', start: 0, step: 2, from: '2024-01-01', range: { length: 2, format: 'timestamp' } } },
        ],
      },
    ],
  };
  const plan = compile(periods);
  const rows = rowsEveryChunking(plan, 'bookings');

  it('never overlap within a parent (or within a series without one), written as PostgreSQL writes ranges', () => {
    const byRoom = new Map<Value, [string, string][]>();
    for (const [room, during] of rows) {
      const m = /^\[(\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2})\)$/.exec(String(during));
      expect(m, String(during)).not.toBeNull();
      byRoom.set(room, [...(byRoom.get(room) ?? []), [m![1]!, m![2]!]]);
    }
    for (const list of byRoom.values()) {
      const sorted = list.sort((a, b) => a[0].localeCompare(b[0]));
      for (let k = 1; k < sorted.length; k++) expect(sorted[k]![0] >= sorted[k - 1]![1]).toBe(true);
    }
    const slots = rows.map((r) => JSON.parse(`[${String(r[2]).slice(1, -1)}]`) as [string, string]);
    for (let k = 1; k < slots.length; k++) expect(Date.parse(slots[k]![0])).toBeGreaterThanOrEqual(Date.parse(slots[k - 1]![1]));
    expect(String(rows[0]![2])).toMatch(/^\["2024-01-01T00:00:00\.000Z","2024-01-01T02:00:00\.000Z"\)$/);
  });

  it('needs a unit', () => {
    const bad: Definition = { version: 1, tables: [{ name: 't', rows: 3, fields: [{ name: 'r', type: 'sequence', options: { range: { length: 2 } } }] }] };
    expect(() => compile(bad)).toThrow(DefinitionError);
  });
});
