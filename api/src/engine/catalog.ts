// The searchable catalog of field types: faker methods plus the engine's built-ins, each with
// its options as JSON Schema (so the UI can draw a form) and an example value.
import { Faker, base, en } from '@faker-js/faker';
import { z } from 'zod';
import { builtinInfo, builtinOptions, type BuiltinType } from './builtin-types.js';
import { fakerTypes, type FakerType } from './faker-types.js';
import { fastLorem } from './faker-shortcuts.js';
import { keyOf, Rng } from './random.js';
import type { ColumnKind, Value } from './shape.js';

export interface FieldTypeInfo {
  /** What a field's `type` says: a faker path (`person.firstName`) or a built-in (`ref`). */
  id: string;
  group: string;
  description: string;
  /** JSON Schema of the `options` object. */
  options: Record<string, unknown>;
  /** A JSON-able example (dates as ISO strings). */
  example: Value;
  /** Options that make a valid field of this type (needed where options are required). */
  exampleOptions: Record<string, unknown>;
  kind: ColumnKind;
  elementKind?: ColumnKind;
  /** Whether `unique: true` is supported for this type. */
  uniqueSupported: boolean;
}

export const fakerTypeById: ReadonlyMap<string, FakerType> = new Map(fakerTypes.map((t) => [t.id, t]));

export const EXAMPLE_REFERENCE_DATE = new Date('2025-01-01T00:00:00.000Z');

/** Binds a faker method once; returns a function producing one value per call. */
export function bindFaker(faker: Faker, type: FakerType, options: Record<string, unknown>): () => Value {
  const [moduleName, methodName] = type.id.split('.');
  const module = (faker as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>)[moduleName];
  const method = module?.[methodName];
  if (typeof method !== 'function') throw new Error(`faker has no method ${type.id}`);
  const args = type.args ? type.args(options) : Object.keys(options).length > 0 ? [options] : [];
  const fast = type.map ? undefined : fastLorem(faker, type.id, args);
  if (fast) return fast;
  const map = type.map;
  if (map) return () => map(method.apply(module, args));
  if (args.length === 0) return () => method.call(module) as Value;
  if (args.length === 1) {
    const arg = args[0];
    return () => method.call(module, arg) as Value;
  }
  return () => method.apply(module, args) as Value;
}

function toJsonable(value: unknown): Value {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonable(v)]));
  return value as Value;
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

function buildCatalog(): FieldTypeInfo[] {
  const rng = new Rng();
  const faker = new Faker({ locale: [en, base], randomizer: rng });
  faker.setDefaultRefDate(EXAMPLE_REFERENCE_DATE);
  const entries: FieldTypeInfo[] = fakerTypes.map((type) => {
    rng.reseed(keyOf('catalog', type.id), 0);
    return {
      id: type.id,
      group: type.id.split('.')[0],
      description: type.description,
      options: jsonSchemaOf(type.options),
      example: toJsonable(bindFaker(faker, type, type.exampleOptions ?? {})()),
      exampleOptions: type.exampleOptions ?? {},
      kind: type.kind,
      ...(type.elementKind ? { elementKind: type.elementKind } : {}),
      uniqueSupported: Boolean(type.unique) || ['string.uuid', 'number.int', 'datatype.boolean'].includes(type.id),
    };
  });
  for (const id of Object.keys(builtinOptions) as BuiltinType[]) {
    const info = builtinInfo[id];
    entries.push({
      id,
      group: info.group,
      description: info.description,
      options: jsonSchemaOf(builtinOptions[id]),
      example: info.example,
      exampleOptions: info.exampleOptions,
      kind: info.kind,
      // the builtins compile's uniqueSpace can make unique (email and slug: a row suffix)
      uniqueSupported: ['ref', 'sequence', 'pick', 'template', 'constant', 'regex', 'email', 'slug'].includes(id),
    });
  }
  return entries;
}

export const catalog: FieldTypeInfo[] = buildCatalog();

/** Case-insensitive search over id, group and description; every word must match. Best matches first. */
export function searchCatalog(query: string): FieldTypeInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return catalog.slice();
  const scored: { entry: FieldTypeInfo; score: number }[] = [];
  for (const entry of catalog) {
    const id = entry.id.toLowerCase();
    const haystack = `${id} ${entry.group} ${entry.description.toLowerCase()}`;
    if (!words.every((w) => haystack.includes(w))) continue;
    let score = 0;
    for (const w of words) {
      if (id === w) score += 100;
      else if (id.split('.').some((part) => part === w)) score += 30;
      else if (id.includes(w)) score += 10;
      else score += 1;
    }
    scored.push({ entry, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id)).map((s) => s.entry);
}
