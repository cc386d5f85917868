// `jsonSchema` fields: values that validate against a JSON Schema (the common subset: objects,
// arrays, strings with formats and patterns, numbers, enums, const, anyOf/oneOf/allOf, local
// $refs). Every leaf draws from its own PRNG keyed by its schema path, so adding a property
// changes no other property's values; common property names get plausible values.
import { Faker, type LocaleDefinition } from '@faker-js/faker';
import { z } from 'zod';
import { type Key, hashString, mix32, Rng } from './random.js';
import { regexGeneratedMaxLength, regexGenerator, regexProblem } from './regex.js';
import type { ColumnKind, Value } from './shape.js';

type Schema = { [key: string]: unknown };
/** A compiled value generator: `sub` tells apart repeated uses of one schema node (array elements). */
type Gen = (row: number, sub: number) => Value;

const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  '$defs',
  'definitions',
]);
const SUPPORTED = new Set([
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'minProperties',
  'maxProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'anyOf',
  'oneOf',
  'allOf',
  '$ref',
  'nullable',
  'additionalItems',
]);
export const JSON_SCHEMA_FORMATS = ['email', 'uri', 'url', 'date-time', 'date', 'time', 'uuid', 'hostname', 'ipv4', 'ipv6'] as const;
const TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);
const MAX_DEPTH = 12;
/** Below this depth optional properties and array elements beyond minItems stop (recursive $refs end). */
const SHALLOW_DEPTH = 5;

export interface SchemaIssue {
  path: (string | number)[];
  message: string;
}

/** What is wrong with a schema for generation (empty when it is usable). */
export function jsonSchemaProblems(schema: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const root = schema as Schema;
  const walk = (node: unknown, path: (string | number)[], depth: number): void => {
    if (node === true || node === false) {
      if (node === false) issues.push({ path, message: 'false matches nothing' });
      return;
    }
    if (!node || typeof node !== 'object' || Array.isArray(node)) return void issues.push({ path, message: 'must be a schema object' });
    if (depth > MAX_DEPTH) return void issues.push({ path, message: `nested deeper than ${MAX_DEPTH} levels (a $ref cycle with required properties?)` });
    const s = node as Schema;
    for (const key of Object.keys(s))
      if (!SUPPORTED.has(key) && !ANNOTATIONS.has(key) && !key.startsWith('x-'))
        issues.push({ path: [...path, key], message: `keyword "${key}" is not supported for generation (supported: ${[...SUPPORTED].join(', ')})` });
    if (s.$ref !== undefined) {
      const target = typeof s.$ref === 'string' ? resolveRef(root, s.$ref) : undefined;
      if (!target)
        return void issues.push({
          path: [...path, '$ref'],
          message: `cannot resolve ${JSON.stringify(s.$ref)} (only local #/$defs/... and #/definitions/... refs)`,
        });
      // a ref is checked where it points; follow it only while it can recurse into required parts
      if (depth < SHALLOW_DEPTH) walk(target, [...path, '$ref'], depth + 1);
      return;
    }
    const types = typesOf(s);
    for (const t of types) if (!TYPES.has(t)) issues.push({ path: [...path, 'type'], message: `unknown type "${t}"` });
    if (s.enum !== undefined && (!Array.isArray(s.enum) || s.enum.length === 0)) issues.push({ path: [...path, 'enum'], message: 'must be a non-empty array' });
    for (const [lo, hi] of [
      ['minimum', 'maximum'],
      ['minLength', 'maxLength'],
      ['minItems', 'maxItems'],
      ['minProperties', 'maxProperties'],
    ] as const) {
      if (s[lo] !== undefined && typeof s[lo] !== 'number') issues.push({ path: [...path, lo], message: 'must be a number' });
      if (s[hi] !== undefined && typeof s[hi] !== 'number') issues.push({ path: [...path, hi], message: 'must be a number' });
      if (typeof s[lo] === 'number' && typeof s[hi] === 'number' && (s[hi] as number) < (s[lo] as number))
        issues.push({ path: [...path, hi], message: `must be >= ${lo} (${s[lo]})` });
    }
    if (
      typeof s.minProperties === 'number' &&
      s.minProperties > MAP_KEYS.length &&
      Object.keys((s.properties as Schema | undefined) ?? {}).length < s.minProperties
    )
      issues.push({ path: [...path, 'minProperties'], message: `at most ${MAP_KEYS.length} properties are made up beyond the declared ones` });
    if (typeof s.maxItems === 'number' && s.maxItems > 1000) issues.push({ path: [...path, 'maxItems'], message: 'at most 1000 elements per array' });
    if (typeof s.minLength === 'number' && s.minLength > 10_000) issues.push({ path: [...path, 'minLength'], message: 'at most 10000 characters' });
    if (s.format !== undefined && !(JSON_SCHEMA_FORMATS as readonly unknown[]).includes(s.format))
      issues.push({ path: [...path, 'format'], message: `format ${JSON.stringify(s.format)} is not supported (supported: ${JSON_SCHEMA_FORMATS.join(', ')})` });
    if (s.pattern !== undefined) {
      const problem = typeof s.pattern === 'string' ? regexProblem(s.pattern) : 'must be a string';
      if (problem) issues.push({ path: [...path, 'pattern'], message: problem });
    }
    if (s.multipleOf !== undefined && !(typeof s.multipleOf === 'number' && s.multipleOf > 0))
      issues.push({ path: [...path, 'multipleOf'], message: 'must be a positive number' });
    const ordered = !(typeof s.minimum === 'number' && typeof s.maximum === 'number' && s.maximum < s.minimum);
    if (ordered && (types.includes('integer') || types.includes('number'))) {
      const range = numberRange(s, types.includes('integer') && !types.includes('number'));
      if (range.lo > range.hi) issues.push({ path, message: `no ${types.includes('integer') ? 'integer' : 'number'} lies between the bounds` });
    }
    const props = s.properties as Schema | undefined;
    if (props !== undefined) {
      if (typeof props !== 'object' || Array.isArray(props)) issues.push({ path: [...path, 'properties'], message: 'must be an object' });
      else for (const [name, child] of Object.entries(props)) walk(child, [...path, 'properties', name], depth + 1);
    }
    if (s.required !== undefined) {
      if (!Array.isArray(s.required)) issues.push({ path: [...path, 'required'], message: 'must be an array of property names' });
      else
        s.required.forEach((name, k) => {
          if (!props || !Object.hasOwn(props, String(name)))
            issues.push({ path: [...path, 'required', k], message: `required property "${String(name)}" has no schema in properties` });
        });
    }
    if (s.items !== undefined && typeof s.items === 'object' && !Array.isArray(s.items)) walk(s.items, [...path, 'items'], depth + 1);
    if (Array.isArray(s.items)) s.items.forEach((child, k) => walk(child, [...path, 'items', k], depth + 1));
    if (Array.isArray(s.prefixItems)) s.prefixItems.forEach((child, k) => walk(child, [...path, 'prefixItems', k], depth + 1));
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      if (s[key] === undefined) continue;
      if (!Array.isArray(s[key]) || (s[key] as unknown[]).length === 0) issues.push({ path: [...path, key], message: 'must be a non-empty array of schemas' });
      else (s[key] as unknown[]).forEach((child, k) => walk(child, [...path, key, k], depth + 1));
    }
    if (s.uniqueItems === true && typeof s.minItems === 'number' && s.items && typeof s.items === 'object') {
      const values = finiteValues(s.items as Schema);
      if (values !== undefined && values < s.minItems)
        issues.push({ path: [...path, 'minItems'], message: `only ${values} distinct items exist for uniqueItems` });
    }
  };
  walk(schema, [], 0);
  return issues;
}

function finiteValues(s: Schema): number | undefined {
  if (s.const !== undefined) return 1;
  if (Array.isArray(s.enum)) return new Set(s.enum.map((v) => JSON.stringify(v))).size;
  if (typesOf(s).length === 1 && typesOf(s)[0] === 'boolean') return 2;
  return undefined;
}

function resolveRef(root: Schema, ref: string): Schema | undefined {
  const m = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
  if (!m) return ref === '#' ? root : undefined;
  const defs = root[m[1]] as Schema | undefined;
  const target = defs?.[decodeURIComponent(m[2]).replaceAll('~1', '/').replaceAll('~0', '~')];
  return target && typeof target === 'object' ? (target as Schema) : undefined;
}

function typesOf(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type.map(String);
  if (typeof s.type === 'string') return s.nullable === true ? [s.type, 'null'] : [s.type];
  if (s.properties || s.required || s.additionalProperties !== undefined) return ['object'];
  if (s.items || s.prefixItems || s.minItems !== undefined) return ['array'];
  if (s.minimum !== undefined || s.maximum !== undefined || s.multipleOf !== undefined) return ['number'];
  return [];
}

/** Inclusive bounds from minimum/maximum/exclusive* (numbers, or draft-4 booleans), aligned to multipleOf. */
function numberRange(s: Schema, integer: boolean, name = ''): { lo: number; hi: number; step: number } {
  const guess = numberGuess(name, integer);
  let lo = typeof s.minimum === 'number' ? s.minimum : undefined;
  let hi = typeof s.maximum === 'number' ? s.maximum : undefined;
  const tiny = integer ? 1 : 1e-6;
  if (typeof s.exclusiveMinimum === 'number') lo = Math.max(lo ?? -Infinity, s.exclusiveMinimum + tiny);
  else if (s.exclusiveMinimum === true && lo !== undefined) lo += tiny;
  if (typeof s.exclusiveMaximum === 'number') hi = Math.min(hi ?? Infinity, s.exclusiveMaximum - tiny);
  else if (s.exclusiveMaximum === true && hi !== undefined) hi -= tiny;
  if (lo === undefined && hi === undefined) [lo, hi] = guess;
  else if (lo === undefined) lo = Math.min(hi!, guess[0]) === hi ? hi! - (guess[1] - guess[0]) : Math.min(hi!, guess[0]);
  else if (hi === undefined) hi = Math.max(lo, guess[1]) === lo ? lo + (guess[1] - guess[0]) : Math.max(lo, guess[1]);
  let step = typeof s.multipleOf === 'number' ? s.multipleOf : integer ? 1 : 0;
  if (integer && step && !Number.isInteger(step)) step = Math.ceil(step);
  if (step) {
    lo = Math.ceil(lo! / step) * step;
    hi = Math.floor(hi! / step) * step;
  } else if (integer) {
    lo = Math.ceil(lo!);
    hi = Math.floor(hi!);
  }
  return { lo: lo!, hi: hi!, step };
}

function numberGuess(name: string, integer: boolean): [number, number] {
  const n = name.toLowerCase();
  if (/(^|_)age$/.test(n)) return [18, 90];
  if (/year/.test(n)) return [1990, 2025];
  if (/port$/.test(n)) return [1024, 65535];
  if (/(rating|stars|priority|level)$/.test(n)) return [1, 5];
  if (/(percent|pct|progress|score)/.test(n)) return [0, 100];
  if (/(price|amount|cost|total|balance)/.test(n)) return [1, 500];
  if (/(lat|latitude)$/.test(n)) return [-90, 90];
  if (/(lng|lon|longitude)$/.test(n)) return [-180, 180];
  if (/(count|quantity|qty|size|limit|max|min|retries|attempts)/.test(n)) return [0, 100];
  if (/(timeout|interval|duration|seconds|ms)$/.test(n)) return [1, 3600];
  return integer ? [0, 1000] : [0, 1000];
}

const PICKS: [RegExp, string[]][] = [
  [/^(theme|color_?scheme|mode|appearance)$/, ['light', 'dark', 'system']],
  [/^(lang|language|ui_?language|preferred_?language)$/, ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ja', 'pl', 'sv']],
  [/^(locale)$/, ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'pt-BR', 'nl-NL', 'ja-JP']],
  [
    /(time_?zone|^tz$)/,
    [
      'UTC',
      'Europe/London',
      'Europe/Berlin',
      'Europe/Paris',
      'America/New_York',
      'America/Chicago',
      'America/Los_Angeles',
      'Asia/Tokyo',
      'Australia/Sydney',
      'America/Sao_Paulo',
    ],
  ],
  [/^(currency|currency_?code)$/, ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD', 'CHF', 'SEK']],
  [/^(country|country_?code)$/, ['US', 'GB', 'DE', 'FR', 'CA', 'AU', 'ES', 'IT', 'NL', 'JP']],
  [/^(status|state)$/, ['active', 'inactive', 'pending']],
  [/^(role)$/, ['admin', 'member', 'viewer']],
  [/^(plan|tier|subscription)$/, ['free', 'pro', 'team', 'enterprise']],
  [/(frequency|digest|cadence)$/, ['never', 'daily', 'weekly', 'monthly']],
  [/^(channel|notification_?channel)$/, ['email', 'sms', 'push']],
  [/^(date_?format)$/, ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY']],
  [/^(unit|units|measurement_?system)$/, ['metric', 'imperial']],
  [/^(density|layout|view)$/, ['compact', 'comfortable', 'list', 'grid']],
  [/^(sort|sort_?order|order)$/, ['asc', 'desc']],
  [/^(source|utm_?source|referrer)$/, ['google', 'newsletter', 'twitter', 'direct', 'partner']],
  [/^(device|platform|os)$/, ['ios', 'android', 'web', 'macos', 'windows']],
  [/^(browser)$/, ['chrome', 'firefox', 'safari', 'edge']],
  [/^(environment|env)$/, ['production', 'staging', 'development']],
  [/notification/, ['all', 'mentions', 'none']],
  [/^(visibility|privacy|profile_?visibility)$/, ['public', 'private', 'friends']],
  [/^(start_?page|home_?page|landing_?page|default_?view)$/, ['dashboard', 'inbox', 'projects', 'calendar']],
  [/^(font|font_?family)$/, ['Inter', 'Roboto', 'Open Sans', 'system-ui']],
];

/** A plausible string for a property name (undefined: no idea). */
function stringByName(name: string, faker: Faker): string | undefined {
  const n = name.toLowerCase().replace(/([a-z])([A-Z])/g, '$1_$2');
  const key = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  for (const [re, values] of PICKS) if (re.test(key)) return faker.helpers.arrayElement(values);
  if (/email/.test(n)) return faker.internet.email().toLowerCase();
  if (/(url|website|homepage|link|href)$/.test(n)) return faker.internet.url();
  if (/avatar|image|photo|picture/.test(n)) return faker.image.avatarGitHub();
  if (/(^|_)(first_?name|given_?name)$/.test(key)) return faker.person.firstName();
  if (/(^|_)(last_?name|family_?name|surname)$/.test(key)) return faker.person.lastName();
  if (/(^|_)(full_?name|display_?name|name|author|owner)$/.test(key)) return faker.person.fullName();
  if (/(user_?name|handle|login)$/.test(key)) return faker.internet.username().toLowerCase();
  if (/(^|_)(city)$/.test(key)) return faker.location.city();
  if (/(^|_)(street|address|address_?line)/.test(key)) return faker.location.streetAddress();
  if (/(zip|postcode|postal_?code)$/.test(key)) return faker.location.zipCode();
  if (/phone|mobile/.test(key)) return faker.phone.number({ style: 'international' });
  if (/(company|organization|organisation)$/.test(key)) return faker.company.name();
  if (/(colou?r|hex)$/.test(key)) return faker.color.rgb();
  if (/(^|_)(ip|ip_?address)$/.test(key)) return faker.internet.ipv4();
  if (/(user_?agent)$/.test(key)) return faker.internet.userAgent();
  if (/(version)$/.test(key)) return faker.system.semver();
  if (/(^|_)(id|uuid|key|token)$/.test(key)) return faker.string.uuid();
  if (/(title|subject|headline|label)$/.test(key)) return faker.lorem.sentence({ min: 2, max: 5 }).replace(/\.$/, '');
  if (/(description|bio|about|summary|notes?|comment|message|body|text)$/.test(key)) return faker.lorem.sentence();
  if (/(tag|keyword|category|topic)s?$/.test(key)) return faker.word.noun();
  if (/(slug)$/.test(key)) return faker.lorem.slug();
  if (/(_at|date|time|timestamp)$/.test(key)) return faker.date.past().toISOString();
  return undefined;
}

function formatted(format: string, faker: Faker, rng: Rng): string {
  switch (format) {
    case 'email':
      return faker.internet.email().toLowerCase();
    case 'uri':
    case 'url':
      return faker.internet.url();
    case 'date-time':
      return faker.date.past({ years: 3 }).toISOString();
    case 'date':
      return faker.date.past({ years: 3 }).toISOString().slice(0, 10);
    case 'time':
      return faker.date.past().toISOString().slice(11, 19) + 'Z';
    case 'uuid':
      return faker.string.uuid();
    case 'hostname':
      return faker.internet.domainName();
    case 'ipv4':
      return faker.internet.ipv4();
    case 'ipv6':
      return faker.internet.ipv6();
    default:
      return faker.lorem.word() + rng.uint32().toString(36);
  }
}

interface Ctx {
  root: Schema;
  key: Key;
  faker: Faker;
  rng: Rng;
}

/** Reseeds the shared private PRNG for one leaf (path) of one row (and element chain `sub`). */
function seeder(ctx: Ctx, path: string): (row: number, sub: number) => void {
  const h = hashString(path);
  const k0 = mix32(ctx.key[0] ^ h);
  const k1 = mix32(ctx.key[1] + Math.imul(h, 0x9e3779b1));
  return (row, sub) => ctx.rng.reseed([mix32(k0 ^ sub), k1], row);
}

function compileNode(node: unknown, path: string, name: string, depth: number, ctx: Ctx): Gen {
  if (node === true || node === undefined) return compileNode({}, path, name, depth, ctx);
  let s = node as Schema;
  while (typeof s.$ref === 'string') s = resolveRef(ctx.root, s.$ref) ?? {};
  const seed = seeder(ctx, path);
  const rng = ctx.rng;
  if (s.const !== undefined) {
    const value = s.const as Value;
    return () => value;
  }
  if (Array.isArray(s.enum)) {
    const values = s.enum as Value[];
    return (row, sub) => {
      seed(row, sub);
      return values[Math.floor(rng.next() * values.length)];
    };
  }
  if (Array.isArray(s.allOf)) {
    const merged: Schema = { ...s };
    delete merged.allOf;
    for (const part of s.allOf as Schema[]) {
      let p = part;
      while (typeof p.$ref === 'string') p = resolveRef(ctx.root, p.$ref) ?? {};
      for (const [k, v] of Object.entries(p)) {
        if (k === 'properties') merged.properties = { ...(merged.properties as Schema), ...(v as Schema) };
        else if (k === 'required') merged.required = [...new Set([...((merged.required as string[]) ?? []), ...(v as string[])])];
        else merged[k] = v;
      }
    }
    return compileNode(merged, path, name, depth, ctx);
  }
  const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches)) {
    const rest = { ...s };
    delete rest.anyOf;
    delete rest.oneOf;
    const gens = branches.map((b, k) => compileNode({ ...rest, ...b }, `${path}/${s.anyOf ? 'anyOf' : 'oneOf'}/${k}`, name, depth + 1, ctx));
    return (row, sub) => {
      seed(row, sub);
      return gens[Math.floor(rng.next() * gens.length)](row, sub);
    };
  }
  const types = typesOf(s);
  const nonNull = types.filter((t) => t !== 'null');
  if (types.includes('null') && nonNull.length > 0) {
    const gens = nonNull.map((t) => compileNode({ ...s, type: t, nullable: undefined }, path, name, depth, ctx));
    return (row, sub) => {
      seed(row, sub);
      const u = rng.next();
      if (u < 0.1) return null;
      return gens[Math.floor(((u - 0.1) / 0.9) * gens.length)](row, sub);
    };
  }
  if (nonNull.length > 1) {
    const gens = nonNull.map((t) => compileNode({ ...s, type: t }, `${path}/${t}`, name, depth, ctx));
    return (row, sub) => {
      seed(row, sub);
      return gens[Math.floor(rng.next() * gens.length)](row, sub);
    };
  }
  const type = nonNull[0] ?? (types[0] === 'null' ? 'null' : 'string');
  switch (type) {
    case 'null':
      return () => null;
    case 'boolean':
      return (row, sub) => {
        seed(row, sub);
        return rng.next() < 0.5;
      };
    case 'integer':
    case 'number': {
      const integer = type === 'integer';
      const { lo, hi, step } = numberRange(s, integer, name);
      if (step) {
        const count = Math.floor((hi - lo) / step) + 1;
        return (row, sub) => {
          seed(row, sub);
          return roundish(lo + Math.floor(rng.next() * count) * step);
        };
      }
      return (row, sub) => {
        seed(row, sub);
        return Math.min(hi, Math.round((lo + rng.next() * (hi - lo)) * 100) / 100);
      };
    }
    case 'string':
      return stringGen(s, name, seed, ctx);
    case 'array':
      return arrayGen(s, path, name, depth, seed, ctx);
    case 'object':
      return objectGen(s, path, depth, seed, ctx);
  }
  return () => null;
}

/** Removes binary float noise from multiples (0.1 * 3 = 0.30000000000000004). */
function roundish(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(12));
}

function stringGen(s: Schema, name: string, seed: (row: number, sub: number) => void, ctx: Ctx): Gen {
  const { rng, faker } = ctx;
  const minLength = (s.minLength as number | undefined) ?? 0;
  const maxLength = (s.maxLength as number | undefined) ?? Infinity;
  if (typeof s.pattern === 'string') {
    const generator = regexGenerator(s.pattern);
    const search = new RegExp(s.pattern);
    return (row, sub) => {
      seed(row, sub);
      // JSON Schema patterns are unanchored; a full match satisfies them
      for (let t = 0; t < 20; t++) {
        const v = generator.generate(rng.next);
        if (v.length >= minLength && v.length <= maxLength && search.test(v)) return v;
      }
      return generator.generate(rng.next);
    };
  }
  const base: () => string =
    typeof s.format === 'string' ? () => formatted(s.format as string, faker, rng) : () => stringByName(name, faker) ?? faker.lorem.words({ min: 1, max: 3 });
  const hasFormat = typeof s.format === 'string';
  return (row, sub) => {
    seed(row, sub);
    let v = base();
    // a formatted value is redrawn rather than cut (a cut email is no email)
    for (let t = 0; hasFormat && v.length > maxLength && t < 30; t++) v = base();
    if (v.length > maxLength) v = v.slice(0, maxLength).trimEnd();
    while (v.length < minLength) v += (v ? ' ' : '') + faker.lorem.word();
    if (v.length > maxLength) v = v.slice(0, maxLength);
    return v;
  };
}

function arrayGen(s: Schema, path: string, name: string, depth: number, seed: (row: number, sub: number) => void, ctx: Ctx): Gen {
  const rng = ctx.rng;
  const prefix = Array.isArray(s.prefixItems) ? (s.prefixItems as unknown[]) : Array.isArray(s.items) ? (s.items as unknown[]) : [];
  const itemSchema = Array.isArray(s.items) ? (s.additionalItems ?? {}) : s.items;
  const itemName = name.replace(/ies$/, 'y').replace(/s$/, '');
  const prefixGens = prefix.map((p, k) => compileNode(p, `${path}/prefixItems/${k}`, itemName, depth + 1, ctx));
  const minItems = Math.max((s.minItems as number | undefined) ?? 0, 0);
  const shallow = depth >= SHALLOW_DEPTH;
  const maxItems = shallow ? minItems : Math.min((s.maxItems as number | undefined) ?? Math.max(minItems, 3), minItems + 5, 1000);
  const lowest = shallow ? minItems : Math.max(minItems, s.minItems === undefined && maxItems > 0 ? 1 : minItems);
  const item = itemSchema === false ? undefined : compileNode(itemSchema, `${path}/items`, itemName, depth + 1, ctx);
  const unique = s.uniqueItems === true;
  return (row, sub) => {
    seed(row, sub);
    const length = lowest + Math.floor(rng.next() * (Math.max(lowest, maxItems) - lowest + 1));
    const out: Value[] = [];
    const seen = new Set<string>();
    for (let e = 0; out.length < length && e < length * 10 + 10; e++) {
      const gen = e < prefixGens.length ? prefixGens[e] : item;
      if (!gen) break;
      const v = gen(row, mix32(sub * 31 + e + 1));
      if (unique) {
        const k = JSON.stringify(v);
        if (seen.has(k)) continue;
        seen.add(k);
      }
      out.push(v);
    }
    return out;
  };
}

/** Keys of open objects (metadata, labels): a schema with no properties gets a few of these. */
const MAP_KEYS = ['source', 'campaign', 'channel', 'region', 'team', 'plan', 'referrer', 'version'];

/** How many keys an open object gets: [lo, hi] within min/maxProperties. */
function mapSize(s: Schema): [number, number] {
  const lo = Math.min((s.minProperties as number | undefined) ?? 1, MAP_KEYS.length);
  return [lo, Math.max(lo, Math.min((s.maxProperties as number | undefined) ?? 3, MAP_KEYS.length))];
}

function isOpenMap(s: Schema): boolean {
  return Object.keys((s.properties as Schema | undefined) ?? {}).length === 0 && s.additionalProperties !== false;
}

function objectGen(s: Schema, path: string, depth: number, seed: (row: number, sub: number) => void, ctx: Ctx): Gen {
  const rng = ctx.rng;
  const props = Object.entries((s.properties as Schema | undefined) ?? {});
  const required = new Set((s.required as string[] | undefined) ?? []);
  const all = typeof s.minProperties === 'number' && s.minProperties > required.size;
  const shallow = depth >= SHALLOW_DEPTH;
  if (isOpenMap(s) && !shallow) {
    const values = typeof s.additionalProperties === 'object' ? s.additionalProperties : { type: 'string' };
    const gens = MAP_KEYS.map((k) => compileNode(values, `${path}/additionalProperties/${k}`, k, depth + 1, ctx));
    const [lo, hi] = mapSize(s);
    return (row, sub) => {
      seed(row, sub);
      const count = lo + Math.floor(rng.next() * (hi - lo + 1));
      const start = Math.floor(rng.next() * MAP_KEYS.length);
      const out: { [key: string]: Value } = {};
      for (let c = 0; c < count; c++) {
        const k = (start + c) % MAP_KEYS.length;
        out[MAP_KEYS[k]] = gens[k](row, sub);
      }
      return out;
    };
  }
  const gens = props
    .filter(([name]) => required.has(name) || !shallow)
    .map(([name, child]) => ({
      name,
      always: required.has(name) || all,
      gen: compileNode(child, `${path}/properties/${name}`, name, depth + 1, ctx),
      present: seeder(ctx, `${path}/properties/${name}?`),
    }));
  return (row, sub) => {
    const out: { [key: string]: Value } = {};
    for (const g of gens) {
      if (!g.always) {
        // optional properties are present in most rows, each decided on its own path
        g.present(row, sub);
        if (rng.next() >= 0.85) continue;
      }
      out[g.name] = g.gen(row, sub);
    }
    return out;
  };
}

/**
 * Values of a `jsonSchema` field: a pure function of (key, row, sub). Top-level fields use sub 0;
 * one nested in an array passes a different sub per element (else every element would be equal).
 */
export function jsonSchemaValues(schema: unknown, key: Key, like: Faker): (row: number, sub?: number) => Value {
  const rng = new Rng();
  // the definition's locale and reference date, on a PRNG of our own (reseeded per leaf and row)
  const faker = new Faker({ locale: like.rawDefinitions as LocaleDefinition, randomizer: rng });
  faker.setDefaultRefDate(like.defaultRefDate());
  const ctx: Ctx = { root: schema as Schema, key, faker, rng };
  const gen = compileNode(schema, '#', '', 0, ctx);
  return (row, sub = 0) => gen(row, sub);
}

/**
 * Longest JSON text of a value the generator produces for `schema` (for cost models and output
 * limits): mirrors the generator's caps (array lengths, optional parts past SHALLOW_DEPTH).
 */
export function jsonSchemaMaxLength(schema: unknown): number {
  const root = schema as Schema;
  const json = (v: unknown) => JSON.stringify(v ?? null)?.length ?? 4;
  const walk = (node: unknown, depth: number): number => {
    if (depth > MAX_DEPTH + 2) return Infinity;
    if (node === true || node === undefined) return walk({}, depth);
    if (!node || typeof node !== 'object') return 4;
    let s = node as Schema;
    for (let hops = 0; typeof s.$ref === 'string' && hops < 50; hops++) s = resolveRef(root, s.$ref) ?? {};
    if (s.const !== undefined) return json(s.const);
    if (Array.isArray(s.enum)) return Math.max(4, ...s.enum.map(json));
    if (Array.isArray(s.allOf)) {
      const merged: Schema = { ...s, allOf: undefined, properties: { ...((s.properties as Schema) ?? {}) }, required: [...((s.required as string[]) ?? [])] };
      for (const part of s.allOf as Schema[]) {
        let p = part;
        while (typeof p.$ref === 'string') p = resolveRef(root, p.$ref) ?? {};
        for (const [k, v] of Object.entries(p)) {
          if (k === 'properties') Object.assign(merged.properties as Schema, v);
          else if (k === 'required') (merged.required as string[]).push(...(v as string[]));
          else merged[k] = v;
        }
      }
      return walk(merged, depth);
    }
    const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (Array.isArray(branches)) return Math.max(...branches.map((b) => walk({ ...s, anyOf: undefined, oneOf: undefined, ...b }, depth + 1)));
    const types = typesOf(s);
    if (types.length > 1) return Math.max(...types.map((t) => walk({ ...s, type: t, nullable: undefined }, depth)));
    const shallow = depth >= SHALLOW_DEPTH;
    switch (types[0] ?? 'string') {
      case 'null':
        return 4;
      case 'boolean':
        return 5;
      case 'integer':
      case 'number':
        return 24;
      case 'string': {
        // JSON escapes: any character of a pattern may be a control character (6), others at most 2
        if (typeof s.pattern === 'string') return 2 + 6 * regexGeneratedMaxLength(s.pattern);
        const guess = Math.max(300, ((s.minLength as number | undefined) ?? 0) + 40);
        return 2 + 2 * Math.min(guess, (s.maxLength as number | undefined) ?? Infinity);
      }
      case 'array': {
        const prefix = (Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : []) as unknown[];
        const minItems = (s.minItems as number | undefined) ?? 0;
        const maxItems = shallow ? minItems : Math.min((s.maxItems as number | undefined) ?? Math.max(minItems, 3), minItems + 5, 1000);
        const itemSchema = Array.isArray(s.items) ? (s.additionalItems ?? {}) : s.items;
        let total = 2;
        for (let e = 0; e < maxItems; e++) {
          const child = e < prefix.length ? prefix[e] : itemSchema;
          if (child === false) break;
          total += walk(child, depth + 1) + 1;
        }
        return total;
      }
      default: {
        const required = new Set((s.required as string[] | undefined) ?? []);
        let total = 2;
        if (isOpenMap(s) && !shallow) {
          const values = typeof s.additionalProperties === 'object' ? s.additionalProperties : { type: 'string' };
          return total + mapSize(s)[1] * (Math.max(...MAP_KEYS.map(json)) + 1 + Math.max(...MAP_KEYS.map(() => walk(values, depth + 1))) + 1);
        }
        for (const [name, child] of Object.entries((s.properties as Schema | undefined) ?? {}))
          if (!shallow || required.has(name)) total += json(name) + 1 + walk(child, depth + 1) + 1;
        return total;
      }
    }
  };
  return walk(schema, 0);
}

function kindOfType(s: unknown): ColumnKind {
  const schema = (s ?? {}) as Schema;
  const types = typesOf(schema).filter((t) => t !== 'null');
  if (schema.const !== undefined || Array.isArray(schema.enum)) {
    const values = ((schema.enum as unknown[]) ?? [schema.const]).filter((v) => v !== null);
    if (values.every((v) => typeof v === 'string')) return 'text';
    if (values.every((v) => Number.isInteger(v))) return 'integer';
    if (values.every((v) => typeof v === 'number')) return 'number';
    if (values.every((v) => typeof v === 'boolean')) return 'boolean';
    return 'json';
  }
  if (types.length !== 1) return 'json';
  switch (types[0]) {
    case 'string':
      return 'text';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    default:
      return 'json';
  }
}

/** The column kind of a jsonSchema field: arrays are array columns, objects json, scalars their kind. */
export function jsonSchemaKind(schema: unknown): ColumnKind {
  return kindOfType(schema);
}

/** The element kind of an array column produced by a jsonSchema field. */
export function jsonSchemaElementKind(schema: unknown): ColumnKind | undefined {
  const s = (schema ?? {}) as Schema;
  if (kindOfType(s) !== 'array') return undefined;
  const items = Array.isArray(s.items) ? undefined : s.items;
  const kind = kindOfType(items);
  return kind === 'array' ? 'json' : kind;
}

export const jsonSchemaOptions = z.strictObject({
  schema: z
    .record(z.string(), z.unknown())
    .superRefine((schema, ctx) => {
      for (const issue of jsonSchemaProblems(schema)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    })
    .describe('a JSON Schema (objects, arrays, strings with format/pattern, numbers, enum, const, anyOf/oneOf/allOf, local $ref)'),
});

export const jsonSchemaInfo = {
  group: 'builtin',
  description: 'A JSON value valid against a JSON Schema; each property seeded by its path, common names (theme, language, timezone...) plausible',
  kind: 'json' as ColumnKind,
  example: { theme: 'dark', language: 'de', notifications: { email: true, push: false } },
  exampleOptions: {
    schema: {
      type: 'object',
      required: ['theme', 'language', 'notifications'],
      properties: {
        theme: { type: 'string' },
        language: { type: 'string' },
        notifications: { type: 'object', required: ['email', 'push'], properties: { email: { type: 'boolean' }, push: { type: 'boolean' } } },
      },
    },
  },
};
