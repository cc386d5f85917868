import type { ColumnShape, Row, TableShape, Value } from '../../engine/shape.js';

// Hand-made shapes and rows with the values that break writers: quotes, delimiters, line breaks,
// backslashes, unicode, formula starts, '' vs null, extreme numbers, dates, nested json.

const col = (name: string, kind: ColumnShape['kind'], extra: Partial<ColumnShape> = {}): ColumnShape => ({
  name,
  kind,
  nullable: true,
  unique: false,
  ...extra,
});

export const users: TableShape = {
  name: 'users',
  rows: 0,
  primaryKey: ['id'],
  unique: [],
  columns: [
    col('id', 'uuid', { nullable: false, unique: true }),
    col('name', 'text'),
    col('email', 'text', { nullable: false, unique: true }),
    col('age', 'integer'),
    col('score', 'number'),
    col('active', 'boolean'),
    col('born', 'date'),
    col('created_at', 'timestamp'),
    col('prefs', 'json'),
    col('tags', 'array', { elementKind: 'text' }),
    col('manager_id', 'uuid', { references: { table: 'users', column: 'id' } }),
    col('team_id', 'integer', { references: { table: 'teams', column: 'id' } }),
  ],
};

// teams ↔ users is a cycle (teams.lead_id → users, users.team_id → teams)
export const teams: TableShape = {
  name: 'teams',
  rows: 0,
  primaryKey: ['id'],
  unique: [['name', 'region']],
  columns: [
    col('id', 'integer', { nullable: false, unique: true }),
    col('name', 'text', { nullable: false }),
    col('region', 'text', { nullable: false }),
    col('lead_id', 'uuid', { references: { table: 'users', column: 'id' } }),
  ],
};

export const NASTY_TEXT = [
  'he said "hi"',
  'a,b,c',
  'line1\nline2',
  'cr\rhere and crlf\r\nthere',
  'tab\there',
  'back\\slash \\n not a newline',
  "it's O'Brien",
  'unicode ü 日本語 ñ 🎉👩‍👩‍👧',
  '=SUM(A1:A2)',
  '+1 555',
  '-abc',
  '-5',
  '@cmd',
  '\tlead tab',
  '\rlead cr',
  '',
  '  spaced  ',
  "'already quoted'",
  'semi;colon|pipe',
  "E'\\x41' and $$dollar$$",
];

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export function userRows(count = NASTY_TEXT.length + 4): Row[] {
  const rows: Row[] = [];
  const numbers = [0, -5, 3.14159, -0.5, 1e300, 5e-300, 123456.789, -987654321.125];
  const ints = [0, -1, 42, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 7];
  const dates = ['1970-01-01', '2024-02-29', '1900-03-01', '1999-12-31', '2038-01-19'];
  const stamps = ['2024-05-06T07:08:09.123Z', '1970-01-01T00:00:00.000Z', '2001-09-09T01:46:40.001Z', '2099-12-31T23:59:59.999Z'];
  const prefs: Value[] = [
    { theme: 'dark', nested: { list: [1, 'x"y', null, true], empty: {} } },
    [1, 2, { a: 'b\\c' }],
    { unicode: '🎉 日本', quote: "it's", n: -1.5 },
    'just a string',
    42,
    null,
  ];
  const tagLists: Value[] = [['a"b', "c'd", 'e,f', '', 'back\\slash'], [], ['one'], ['x', null, 'y'], ['{braces}', 'NULL', 'comma,', ' space ']];
  for (let i = 0; i < count; i++) {
    const text = NASTY_TEXT[i % NASTY_TEXT.length];
    rows.push([
      uuid(i + 1),
      i === NASTY_TEXT.length ? null : text,
      `user${i}+${i % 3 === 0 ? 'tag' : 'x'}@example.com`,
      i % 5 === 4 ? null : ints[i % ints.length],
      i % 7 === 6 ? null : numbers[i % numbers.length],
      i % 4 === 3 ? null : i % 2 === 0,
      i % 6 === 5 ? null : day(dates[i % dates.length]),
      new Date(stamps[i % stamps.length]),
      prefs[i % prefs.length],
      i % 8 === 7 ? null : tagLists[i % tagLists.length],
      i === 0 ? null : uuid(1 + ((i * 7) % count)), // self-reference, often to a later row
      (i % 3) + 1,
    ]);
  }
  // a row pointing at a later row: the self-reference cannot be satisfied in load order
  rows[0][10] = uuid(count);
  return rows;
}

export function teamRows(): Row[] {
  return [
    [1, 'Core', 'eu', uuid(2)],
    [2, 'Core', 'us', uuid(3)],
    [3, 'Edge "cases"', 'eu', null],
  ];
}

/** Parent-first order is not possible with a cycle; the writers must cope with either. */
export const fixtureTables = () => [
  { shape: teams, rows: teamRows() },
  { shape: users, rows: userRows() },
];

/** Rows split into batches of `size`. */
export function batchesOf<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
