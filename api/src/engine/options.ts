// Reusable zod schemas for field-type options. Each catalog entry's options schema is turned
// into JSON Schema for the UI, and validates `field.options` with paths the user can act on.
import { z } from 'zod';

/** Milliseconds of the time units windows and date series count in. */
export const TIME_UNIT_MS = { ms: 1, seconds: 1e3, minutes: 6e4, hours: 36e5, days: 864e5, weeks: 6048e5 } as const;
export type TimeUnit = keyof typeof TIME_UNIT_MS;

export const isoDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be an ISO 8601 date or date-time (2025-01-01 or 2025-01-01T00:00:00Z)' })
  .describe('ISO 8601 date or date-time');

type Bounds = { [key: string]: unknown };

/** Adds "must be >= lo" on `hi` when both are present (numbers or ISO dates). */
export function ordered<S extends z.ZodType<Bounds>>(schema: S, lo = 'min', hi = 'max'): S {
  return schema.superRefine((value, ctx) => {
    const a = value[lo];
    const b = value[hi];
    if (a === undefined || b === undefined) return;
    const an = typeof a === 'string' ? Date.parse(a) : Number(a);
    const bn = typeof b === 'string' ? Date.parse(b) : Number(b);
    if (bn < an) ctx.addIssue({ code: 'custom', path: [hi], message: `must be >= ${lo} (got ${String(b)} < ${String(a)})` });
  }) as unknown as S;
}

export const none = z.strictObject({});
export const sex = z.strictObject({ sex: z.enum(['female', 'male', 'generic']).optional() });
const int = z.number().int();
const nonNegInt = z.number().int().min(0);

export const intRange = ordered(
  z.strictObject({
    min: int.optional().describe('smallest value (inclusive)'),
    max: int.optional().describe('largest value (inclusive)'),
    multipleOf: z.number().int().positive().optional(),
  }),
).superRefine((v, ctx) => {
  const lo = v.min ?? 0;
  const hi = v.max ?? Number.MAX_SAFE_INTEGER;
  if (v.multipleOf && hi >= lo && Math.ceil(lo / v.multipleOf) * v.multipleOf > hi)
    ctx.addIssue({ code: 'custom', path: ['multipleOf'], message: `no multiple of ${v.multipleOf} lies in [${lo}, ${hi}]` });
});
export const floatRange = ordered(
  z.strictObject({
    min: z.number().optional(),
    max: z.number().optional(),
    fractionDigits: z.number().int().min(0).max(15).optional(),
  }),
);
export const moneyRange = ordered(z.strictObject({ min: z.number().optional(), max: z.number().optional(), dec: z.number().int().min(0).max(10).optional() }));
/** Faker's `number | { min, max }` count arguments, in their object form. */
export const countRange = ordered(
  z.strictObject({ min: nonNegInt.max(1000).optional().describe('fewest'), max: nonNegInt.max(1000).optional().describe('most') }),
).superRefine((v, ctx) => {
  if ((v.min === undefined) !== (v.max === undefined))
    ctx.addIssue({ code: 'custom', path: [v.min === undefined ? 'min' : 'max'], message: 'min and max go together' });
});
export const length = z.strictObject({ length: nonNegInt.max(10_000).optional() });
export const lengthRange = ordered(z.strictObject({ min: nonNegInt.max(10_000), max: nonNegInt.max(10_000) }));
export const charString = z.strictObject({
  length: nonNegInt.max(10_000).optional(),
  casing: z.enum(['upper', 'lower', 'mixed']).optional(),
});
export const prefixedNumber = z.strictObject({ length: nonNegInt.max(1000).optional(), prefix: z.string().optional() });
export const refDateOnly = z.strictObject({ refDate: isoDate.optional() });
export const yearsBack = z.strictObject({ years: z.number().positive().max(1000).optional(), refDate: isoDate.optional() });
export const daysBack = z.strictObject({ days: z.number().positive().max(100_000).optional(), refDate: isoDate.optional() });
export const between = ordered(z.strictObject({ from: isoDate, to: isoDate }), 'from', 'to');
export const anytime = z.strictObject({ refDate: isoDate.optional() });
export const birthdate = ordered(
  z.strictObject({
    mode: z.enum(['age', 'year']).optional(),
    min: nonNegInt.optional(),
    max: nonNegInt.optional(),
    refDate: isoDate.optional(),
  }),
).superRefine((v, ctx) => {
  const given = [v.mode, v.min, v.max].filter((x) => x !== undefined).length;
  if (given !== 0 && given !== 3) ctx.addIssue({ code: 'custom', path: [], message: 'birthdate needs mode, min and max together (or none of them)' });
});
export const abbreviated = z.strictObject({ abbreviated: z.boolean().optional() });
export const wordOptions = z.strictObject({
  length: nonNegInt.max(100).optional(),
  strategy: z.enum(['fail', 'closest', 'shortest', 'longest', 'any-length']).optional(),
});
export const imageSize = z.strictObject({
  width: z.number().int().positive().max(10_000).optional(),
  height: z.number().int().positive().max(10_000).optional(),
});
export const personName = z.strictObject({
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  sex: z.enum(['female', 'male', 'generic']).optional(),
});
export const emailOptions = z.strictObject({
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  provider: z.string().optional(),
  allowSpecialCharacters: z.boolean().optional(),
});
export const latLong = ordered(
  z.strictObject({
    min: z.number().min(-180).max(180).optional(),
    max: z.number().min(-180).max(180).optional(),
    precision: z.number().int().min(0).max(15).optional(),
  }),
);

export const strictObject = z.strictObject;
export const enumOf = <T extends string | number>(values: readonly T[]) =>
  z.union(values.map((v) => z.literal(v)) as unknown as [z.ZodLiteral<T>, z.ZodLiteral<T>]);
export const shortString = z.string().max(200);
export const nonEmptyString = z.string().min(1).max(10_000);
export const positive = z.number().positive();
export const probability = z.number().min(0).max(1);
export const tuple2 = z.tuple([z.number(), z.number()]);
export const intIn = (min: number, max: number) => z.number().int().min(min).max(max);
export const optBool = z.boolean().optional();
