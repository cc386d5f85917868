import { describe, expect, it } from 'vitest';
import { compile, type Definition, DefinitionError } from './index.js';
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
      unique: [['hotel_id', 'room_number'], ['hotel_id', 'kind']],
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
        { name: 'categories', unique: [['site_id', 'name']], fields: [{ name: 'site_id', type: 'ref', options: { table: 'sites', field: 'id', childrenPerParent: { min: 1, max: 30 } } }, { name: 'name', type: 'commerce.department' }] },
      ],
    };
    const rows = rowsEveryChunking(compile(sites), 'categories');
    expect(new Set(rows.map(([s, n]) => `${s}|${n}`)).size).toBe(rows.length);
    expect(rows.every(([, n]) => /^[A-Za-z ]+-[0-9a-z]+$/.test(n as string))).toBe(true);
  });

  it('names what is wrong: a space smaller than a parent\'s children, a position not per the laid-out ref', () => {
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
