// The engine's own field types (not faker methods): relations, sequences, choices, patterns and
// structure. Their option schemas live here; their generators live in fields.ts.
import { z } from 'zod';
import type { ColumnKind, Value } from './shape.js';
import { perParentSchema } from './child-layout.js';
import { ordered } from './options.js';
import { REGEX_MAX_CHARS, regexProblem } from './regex.js';
import { jsonSchemaInfo, jsonSchemaOptions } from './json-schema.js';
import { derivedTextInfo, derivedTextOptions } from './derived-text.js';
import { recordInfo, recordOptions } from './locale-records.js';
import { pathValueInfo, pathValueOptions } from './path-values.js';
import { sameAsSchema, scopeSchema } from './scoped-ref.js';
import { whereSchema } from './parent-filter.js';
import { aggregateInfo, aggregateOptions } from './child-aggregates.js';
import { shareInfo, shareOptions } from './sibling-shares.js';
import { timelineInfo, timelineOptions } from './timeline.js';

const name = z.string().min(1).max(63);

/** A field nested inside a `json` field or used as an `array` element: no relations, no row links. */
export const nestedFieldSchema = z.strictObject({
  name,
  type: z.string().min(1),
  options: z.record(z.string(), z.unknown()).optional(),
  nullRate: z.number().min(0).max(1).optional(),
});

export const builtinOptions = {
  ref: z.strictObject({
    table: name.describe('parent table'),
    field: name.describe('parent field (usually its key)'),
    choice: z.enum(['uniform', 'skewed']).optional().describe('how parents are chosen (default uniform)'),
    skew: z.number().min(1).max(20).optional().describe('for skewed: 1 = uniform, larger = early parents get more children'),
    childrenPerParent: perParentSchema.optional().describe("every parent gets between min and max children (or weighted ranges); sets this table's row count"),
    scope: scopeSchema.optional().describe('only target rows sharing an ancestor with this row (see scoped-ref.ts)'),
    sameAs: sameAsSchema.optional().describe('the row another ref of this row (or a parent) picked, for a share of rows'),
    distinctWithin: name.optional().describe('join tables: partners distinct within this ref with childrenPerParent (the left side)'),
    excludeSelf: z.boolean().optional().describe('self joins (follows: follower_id, followee_id → users): never pair a row with itself'),
    greaterThan: name
      .optional()
      .describe("another ref of the row to the same table that this one's value is above (CHECK tag1 < tag2): the two take an unordered pair of distinct rows"),
    selfRoot: z
      .boolean()
      .optional()
      .describe('a NOT NULL self-reference (root, parent of a tree): the first row, which has no earlier row, references itself instead of null'),
    differentFrom: z
      .string()
      .min(1)
      .max(600)
      .optional()
      .describe(
        "field path ending at a ref to the same table whose row this one never takes (approver_id ≠ employee_id; a dependency's package ≠ version_id.package_id); null when the scope holds no other",
      ),
    include: z.string().min(1).max(600).optional().describe("join tables: field path of the left row's partner that comes first, e.g. channel_id.creator_id"),
    since: z
      .strictObject({
        series: name.describe('a date series (sequence with unit) of the right table'),
        atLeast: z.string().min(1).max(600).describe('field path from the left ref, e.g. employee_id.hire_date'),
      })
      .optional()
      .describe("join tables: partners only among right rows whose date series is at least the left row's value (payslips of periods since the hire)"),
    until: z
      .strictObject({
        series: name.describe('a timeline field of the target table (its rows in the order of their moments)'),
        atMost: z.string().min(1).max(600).describe("field path of this row's moment, e.g. placed or order_id.created_at"),
      })
      .optional()
      .describe("only target rows whose moment is at most this row's: a bid's bidder among the users signed up by then"),
    where: whereSchema
      .optional()
      .describe(
        "only parents whose value at a path of the parent table is in a set: a shipment's order among those shipped ({ path: 'status', in: ['shipped', 'delivered'] })",
      ),
  }),
  sequence: z.strictObject({
    start: z.number().optional().describe('first value (default 1)'),
    step: z.number().optional().describe('increment (default 1)'),
    per: name.optional().describe('restart for each parent of this ref with childrenPerParent: positions 1..n per parent'),
    range: z
      .strictObject({
        length: z.number().positive().describe('how long each range lasts, in the unit (ranges of one series do not overlap while length ≤ step)'),
        format: z.enum(['date', 'timestamp']).optional().describe('bounds as dates (daterange, default) or instants (tstzrange)'),
      })
      .optional()
      .describe("with a unit: each value is a range [instant, instant + length) as PostgreSQL writes it, e.g. a booking's period (EXCLUDE … WITH &&)"),
    min: z.number().optional().describe('smallest value the column holds (e.g. -2147483648 for int4); checked against the row count'),
    max: z.number().optional().describe('largest value the column holds (e.g. 2147483647 for int4); checked against the row count'),
    unit: z
      .enum(['days', 'hours', 'minutes', 'seconds'])
      .optional()
      .describe('dates instead of numbers: each value counts this unit from `from` (a daily series: unit days, start -1000)'),
    from: z
      .string()
      .min(1)
      .max(600)
      .optional()
      .describe(
        'with unit: the instant value 0 stands for — "now" (the definition\'s reference date, the default), an ISO date, or a field path of the row or its parents (sensor_id.device_id.installed_at)',
      ),
  }),
  pick: z
    .strictObject({
      values: z.array(z.json()).min(1).max(100_000).describe('the values to choose from'),
      weights: z.array(z.number().min(0)).optional().describe('relative weight of each value'),
    })
    .superRefine((v, ctx) => {
      if (!v.weights) return;
      if (v.weights.length !== v.values.length)
        ctx.addIssue({ code: 'custom', path: ['weights'], message: `must have one weight per value (got ${v.weights.length} for ${v.values.length} values)` });
      else if (!(v.weights.reduce((a, b) => a + b, 0) > 0)) ctx.addIssue({ code: 'custom', path: ['weights'], message: 'must not all be 0' });
    }),
  regex: z
    .strictObject({
      pattern: z
        .string()
        .min(1)
        .max(4000)
        .superRefine((p, ctx) => {
          try {
            new RegExp(p);
          } catch {
            ctx.addIssue({ code: 'custom', message: 'must be a valid regular expression' });
            return;
          }
          const problem = regexProblem(p);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .describe('regular expression the values match, e.g. [A-Z]{3}-[0-9]{4}'),
      maxLength: z
        .number()
        .int()
        .min(1)
        .max(REGEX_MAX_CHARS)
        .optional()
        .describe('longest value, e.g. n of a varchar(n) column: long and unbounded quantifiers repeat fewer times'),
      minLength: z
        .number()
        .int()
        .min(1)
        .max(REGEX_MAX_CHARS)
        .optional()
        .describe(
          'shortest value, e.g. n of a char(n) column whose CHECK regex sees the padding: short quantifiers repeat more, short alternatives are left out',
        ),
      draw: z
        .enum(['faker', 'compiled'])
        .optional()
        .describe(
          "how values are drawn: 'faker' (default: faker's fromRegExp, the values of earlier definitions) or 'compiled' (the pattern compiled once, 5-15x faster, other values for the same seed)",
        ),
    })
    .superRefine((v, ctx) => {
      // a bad pattern or maxLength is reported at its own path
      if (regexProblem(v.pattern)) return;
      const bounded = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 1 && n <= REGEX_MAX_CHARS);
      if (v.maxLength !== undefined && bounded(v.maxLength)) {
        const problem = regexProblem(v.pattern, v.maxLength);
        if (problem) return ctx.addIssue({ code: 'custom', path: ['maxLength'], message: problem });
      }
      if (v.minLength !== undefined && bounded(v.minLength) && bounded(v.maxLength)) {
        const problem = regexProblem(v.pattern, v.maxLength, v.minLength);
        if (problem) ctx.addIssue({ code: 'custom', path: ['minLength'], message: problem });
      }
    }),
  template: z.strictObject({
    template: z.string().max(10_000).describe('text with {{field}} placeholders from the same row'),
  }),
  constant: z.strictObject({ value: z.json().describe('the value of every row') }),
  json: z.strictObject({
    fields: z.array(nestedFieldSchema).min(1).max(200).describe("the object's properties"),
  }),
  jsonSchema: jsonSchemaOptions,
  ...derivedTextOptions,
  record: recordOptions,
  array: ordered(
    z
      .strictObject({
        of: z.strictObject({ type: z.string().min(1), options: z.record(z.string(), z.unknown()).optional() }).describe('element type'),
        min: z.number().int().min(0).max(10_000).optional().describe('shortest (default 1)'),
        max: z.number().int().min(0).max(10_000).optional().describe('longest (default 3)'),
        distinct: z.boolean().optional().describe('no element twice (a pick element: a subset of its values, at most all of them)'),
        json: z.boolean().optional().describe('one JSON array (a json or jsonb column) rather than a SQL array (text[])'),
      })
      .superRefine((v, ctx) => {
        if (v.distinct && v.of.type !== 'pick')
          ctx.addIssue({ code: 'custom', path: ['distinct'], message: 'distinct elements need a pick element (of: { type: "pick" })' });
      }),
  ),
  ...pathValueOptions,
  dateAfter: ordered(
    z.strictObject({
      field: name.describe('the earlier date field of the same row'),
      minDays: z.number().min(0).optional().describe('at least this many days later (default 0)'),
      maxDays: z.number().min(0).optional().describe('at most this many days later (default 30)'),
    }),
    'minDays',
    'maxDays',
  ),
  aggregate: aggregateOptions,
  share: shareOptions,
  timeline: timelineOptions,
} as const;

export type BuiltinType = keyof typeof builtinOptions;

export const builtinInfo: Record<
  BuiltinType,
  { group: string; description: string; kind: ColumnKind; example: Value; exampleOptions: Record<string, unknown> }
> = {
  ref: {
    group: 'relation',
    description: 'Foreign key: a value of a field of another (or the same) table',
    kind: 'uuid',
    example: '0f8fad5b-d9cb-469f-a165-70867728950e',
    exampleOptions: { table: 'users', field: 'id' },
  },
  sequence: {
    group: 'builtin',
    description: 'start, start + step, start + 2·step, ... (unique when step ≠ 0)',
    kind: 'integer',
    example: 1,
    exampleOptions: { start: 1, step: 1 },
  },
  pick: {
    group: 'builtin',
    description: 'One of the given values, optionally weighted (unique: a permutation of the values)',
    kind: 'text',
    example: 'active',
    exampleOptions: { values: ['active', 'suspended', 'closed'], weights: [8, 1, 1] },
  },
  regex: {
    group: 'builtin',
    description: 'Text matching a regular expression',
    kind: 'text',
    example: 'ABC-1234',
    exampleOptions: { pattern: '[A-Z]{3}-[0-9]{4}' },
  },
  template: {
    group: 'builtin',
    description: 'Text built from other fields of the row: "{{first_name}} {{last_name}}"',
    kind: 'text',
    example: 'Ada Lovelace',
    exampleOptions: { template: '{{first_name}} {{last_name}}' },
  },
  constant: { group: 'builtin', description: 'The same value in every row', kind: 'text', example: 'v1', exampleOptions: { value: 'v1' } },
  json: {
    group: 'builtin',
    description: 'An object built from nested fields',
    kind: 'json',
    example: { plan: 'pro', seats: 4 },
    exampleOptions: {
      fields: [
        { name: 'plan', type: 'pick', options: { values: ['free', 'pro'] } },
        { name: 'seats', type: 'number.int', options: { min: 1, max: 10 } },
      ],
    },
  },
  jsonSchema: jsonSchemaInfo,
  ...derivedTextInfo,
  record: recordInfo,
  array: {
    group: 'builtin',
    description: 'An array of values of another type, with a length range',
    kind: 'array',
    example: ['red', 'green'],
    exampleOptions: { of: { type: 'color.human' }, min: 1, max: 3 },
  },
  ...pathValueInfo,
  dateAfter: {
    group: 'builtin',
    description: 'A date-time after another date field of the row (e.g. updated_at after created_at)',
    kind: 'timestamp',
    example: '2024-06-02T10:00:00.000Z',
    exampleOptions: { field: 'created_at', maxDays: 30 },
  },
  aggregate: aggregateInfo,
  share: shareInfo,
  ...timelineInfo,
};

export function isBuiltin(type: string): type is BuiltinType {
  return Object.hasOwn(builtinOptions, type);
}
