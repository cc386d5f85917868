// Column name + type + constraints → a generator (type and options). Every choice lands in a
// plain definition the user can edit, so these are best guesses, not rules.
import { catalog, fakerTypeById } from '../engine/catalog.js';
import { REGEX_MAX_CHARS, regexGeneratedMaxLength, regexIndexSpace, regexProblem } from '../engine/regex.js';
import type { ColumnRule } from './checks.js';
import { fixedHeads, generationProblem, generatorSatisfies, withoutLookarounds, type CheckPattern } from './check-regex.js';
import { commentExamples, exampleShape } from './comment-examples.js';
import { matchColumn, normalizeName, type PatternContext, type PatternMatch } from './column-patterns.js';
import type { ColumnModel } from './model.js';
import { proseFitting } from './prose.js';
import { sessionDefault } from './session-defaults.js';
import { INT_RANGE, textLimit, type Category } from './type-category.js';

export interface Generator {
  type: string;
  options?: Record<string, unknown>;
}

/** How many distinct values a generator can produce (Infinity when it is not bounded). */
export function capacityOf(g: Generator): number {
  const o = g.options ?? {};
  switch (g.type) {
    case 'pick':
      return new Set((o.values as unknown[]).map(String)).size;
    case 'datatype.boolean':
      return 2;
    case 'constant':
      return 1;
    case 'number.int':
      return Number(o.max) - Number(o.min) + 1;
    case 'sequence':
      return o.max === undefined ? Infinity : Math.floor((Number(o.max) - Number(o.start)) / Number(o.step ?? 1)) + 1;
    case 'string.alpha':
      return 26 ** Number(o.length ?? 8);
    case 'location.countryCode':
      return 200;
    case 'finance.currencyCode':
      return 150;
    default:
      return Infinity;
  }
}

export interface ColumnContext {
  table: string;
  column: ColumnModel;
  category: Category;
  rule: ColumnRule;
  enumValues?: string[];
  unique: boolean;
  /** A column of a composite unique key: its values must vary within one value of the other columns. */
  keyPart?: boolean;
  /** Names of the other columns of the table (for updated_at → created_at). */
  siblings: string[];
  /** The table's generated plain-text columns (what slugs and emails are derived from). */
  textSiblings?: string[];
  /** Rows of the table (how many distinct values a unique column needs). */
  rows?: number;
}

/** Nullable columns named like a soft delete are usually NULL; a second address line more often than not. */
export function usualNullRate(column: ColumnModel): number | undefined {
  const name = normalizeName(column.name);
  if (MOSTLY_NULL.test(name) || RARE_EVENT.test(name)) return 0.8;
  return OFTEN_NULL.test(name) ? 0.6 : undefined;
}

// most addresses have no apartment, suite or floor
const OFTEN_NULL = /^(address_?)?line_?2$|^address_?2$|^street_?2$|^(address_)?line_?two$/;
// moments of what happens to few rows: most comments are never edited, pinned, flagged or locked
const RARE_EVENT = /(^|_)(edited|pinned|flagged|reported|locked|escalated)(_|$)/;
const MOSTLY_NULL = /deleted|archived|cancel(l)?ed|banned|revoked|suspended|closed|refunded|disabled|deprecat|yanked|voided|blocked|retracted|unpublished/;

/** A generator and why it was chosen (`pattern <id>: ...`, `CHECK ...`, `type ...`). */
export interface Choice {
  generator: Generator;
  reason: string;
  /** The column-pattern id when a name pattern chose it. */
  pattern?: string;
  /** Something the user should know about this choice (reported as an import note). */
  note?: string;
  /** Values longer than the column are cut to it (field option maxLength). */
  maxLength?: number;
}

/** Field types the engine can make unique (its catalog says so). */
export const UNIQUE_TYPES = new Set([
  ...catalog.filter((t) => t.uniqueSupported).map((t) => t.id),
  // derived slugs and emails add the engine's row suffix too (compile accepts unique on them)
  'slug',
  'email',
]);
/** Room a unique text value needs for the engine's `-<row in base 36>` suffix. */
const SUFFIX_ROOM = 8;

const byPattern = (m: PatternMatch): Choice => ({
  generator: m.generator,
  reason: `pattern ${m.pattern.id}${m.fromComment ? ` (from the comment "${m.fromComment}")` : ''}: ${m.pattern.reason}`,
  pattern: m.pattern.id,
  ...(m.maxLength !== undefined ? { maxLength: m.maxLength } : {}),
});

/**
 * Whether a pattern's numbers stay inside what the type and CHECKs accept: a comment's "Approved"
 * reads as a 0/1 flag, but `CHECK (status >= 1 AND status <= 3)` wants 1–3.
 */
function withinRange(g: Generator, lo: number, hi: number): boolean {
  const o = g.options ?? {};
  const inside = (v: unknown) => typeof v !== 'number' || (v >= lo && v <= hi);
  if (g.type === 'pick') return (o.values as unknown[]).every(inside);
  if (g.type === 'number.int' || g.type === 'number.float') return inside(o.min) && inside(o.max);
  return true;
}

function patternContext(ctx: ColumnContext, extra: Partial<PatternContext>): PatternContext {
  return {
    table: normalizeName(ctx.table),
    name: normalizeName(ctx.column.name),
    category: ctx.category,
    minLength: ctx.rule.minLength ?? 0,
    lo: -Infinity,
    hi: Infinity,
    digits: 2,
    unique: ctx.unique,
    notNull: ctx.column.notNull,
    siblings: ctx.siblings.map(normalizeName),
    textColumns: (ctx.textSiblings ?? []).filter((s) => s !== ctx.column.name),
    ...(ctx.column.default ? { default: ctx.column.default } : {}),
    ...(ctx.column.comment ? { comment: ctx.column.comment } : {}),
    ...extra,
  };
}

export function chooseGenerator(ctx: ColumnContext): Choice {
  const { column, category, rule } = ctx;
  // a key part still varies (to-definition keeps it in a key only when the rest cannot carry it)
  const session =
    ctx.unique || ctx.keyPart ? undefined : sessionDefault(column.default, category === 'int' ? 'integer' : category === 'uuid' ? 'uuid' : 'text');
  if (session && (category === 'int' || category === 'uuid' || category === 'text'))
    return {
      generator: { type: 'constant', options: { value: session.value } },
      reason: `DEFAULT reads session setting ${session.setting}: one value per session, the one tdg seed sets`,
    };
  if (rule.values) return { generator: { type: 'pick', options: { values: rule.values } }, reason: 'CHECK: one of the listed values' };
  if (category === 'enum') return { generator: { type: 'pick', options: { values: ctx.enumValues ?? [] } }, reason: 'enum: one of its labels' };
  if (category === 'bool') {
    // DEFAULT false (site_admin, archived): what most rows keep; true for the few set otherwise
    const fallback = column.default?.kind === 'literal' && typeof column.default.value === 'boolean' ? column.default.value : undefined;
    if (fallback !== undefined)
      return {
        generator: { type: 'datatype.boolean', options: { probability: fallback ? 0.8 : 0.2 } },
        reason: `type boolean: mostly ${String(fallback)}, its DEFAULT`,
      };
    return { generator: { type: 'datatype.boolean' }, reason: 'type boolean' };
  }
  if (category === 'uuid') return { generator: { type: 'string.uuid' }, reason: 'type uuid' };
  if (category === 'int' || category === 'decimal' || category === 'float') return numeric(ctx);
  if (category === 'date' || category === 'timestamp') return temporal(ctx);
  if (category === 'json') {
    // CHECK (matcher ? 'PackageGlob' AND matcher ->> 'PackageGlob' <> ''): an object with those keys set
    if (rule.jsonKeys?.length && column.type.arrayDims === 0)
      return {
        generator: { type: 'json', options: { fields: rule.jsonKeys.map((name) => ({ name, type: 'helpers.fake', options: { pattern: '{{word.noun}}' } })) } },
        reason: `CHECK: an object with ${rule.jsonKeys.join(', ')}`,
      };
    const d = column.default;
    if (d?.kind === 'literal' && typeof d.value === 'string') {
      try {
        const value: unknown = JSON.parse(d.value);
        // a constant [], "x" or true would be written as a Postgres array, bare text or t: its JSON text instead
        if (value === null || typeof value !== 'object' || Array.isArray(value))
          return { generator: { type: 'constant', options: { value: d.value.trim() } }, reason: 'DEFAULT: the column default (its JSON text)' };
        return { generator: { type: 'constant', options: { value } }, reason: 'DEFAULT: the column default' };
      } catch {
        // fall through to generated JSON
      }
    }
    const m = matchColumn(patternContext(ctx, {}));
    const list = m?.generator.type === 'array';
    // a list pattern (tags, scopes) in a json column is one JSON array, not a Postgres array literal
    if (list && column.type.arrayDims === 0 && rule.jsonType !== 'object')
      return byPattern({ ...m, generator: { ...m.generator, options: { ...m.generator.options, json: true } } });
    if (m && !(rule.jsonType === 'array' && !list) && !(rule.jsonType === 'object' && list)) return byPattern(m);
    const object: Generator = {
      type: 'json',
      options: {
        fields: [
          { name: 'key', type: 'word.noun' },
          { name: 'value', type: 'number.int', options: { min: 0, max: 100 } },
        ],
      },
    };
    // CHECK (jsonb_typeof(col) = 'array'): a JSON array of such objects (of the pattern's, when one matched)
    if (rule.jsonType === 'array' && column.type.arrayDims === 0)
      return {
        generator: { type: 'array', options: { of: m?.generator.type === 'json' ? m.generator : object, min: 0, max: 3, json: true } },
        reason: 'CHECK: a JSON array',
      };
    return { generator: object, reason: 'type json: a small object' };
  }
  if (category === 'inet' || category === 'macaddr' || category === 'time') {
    const m = matchColumn(patternContext(ctx, {}));
    if (m) return byPattern(m);
    if (category === 'inet') return { generator: { type: 'internet.ip' }, reason: 'type inet' };
    if (category === 'macaddr') return { generator: { type: 'internet.mac' }, reason: 'type macaddr' };
    // faker's fromRegExp knows classes and counts, not groups or alternatives
    return { generator: { type: 'regex', options: { pattern: '[01][0-9]:[0-5][0-9]:[0-5][0-9]' } }, reason: 'type time' };
  }
  if (category === 'interval') return interval(ctx);
  // bytea's escape input format takes plain ASCII as bytes
  if (category === 'bytea') return { generator: { type: 'string.alphanumeric', options: { length: 32 } }, reason: 'type bytea' };
  return text(ctx);
}

/** Intervals in the unit of their DEFAULT ('30 days' → n days), else days. */
function interval(ctx: ColumnContext): Choice {
  const d = ctx.column.default;
  const text = d?.kind === 'literal' ? String(d.value) : d?.kind === 'expression' ? d.text : '';
  const unit = /(sec|min|hour|day|week|mon|year)/i.exec(text)?.[1]?.toLowerCase();
  const units: Record<string, [string, string]> = {
    sec: ['[1-5][0-9] seconds', 'seconds'],
    min: ['[1-5][0-9] minutes', 'minutes'],
    hour: ['[1-9] hours', 'hours'],
    day: ['[1-9][0-9]? days', 'days'],
    week: ['[1-8] weeks', 'weeks'],
    mon: ['[1-9] months', 'months'],
    year: ['[1-5] years', 'years'],
  };
  if (unit && units[unit])
    return { generator: { type: 'regex', options: { pattern: units[unit][0] } }, reason: `DEFAULT ${text}: an interval in ${units[unit][1]}` };
  const name = normalizeName(ctx.column.name);
  if (/timeout|ttl|delay|latency|backoff|retry/.test(name))
    return { generator: { type: 'regex', options: { pattern: '[1-5][0-9] seconds' } }, reason: 'interval named like a timeout: seconds' };
  if (/duration|length|runtime|elapsed/.test(name))
    return { generator: { type: 'regex', options: { pattern: '[1-9][0-9]? minutes' } }, reason: 'interval named like a duration: minutes' };
  return { generator: { type: 'regex', options: { pattern: '[1-9][0-9]? days' } }, reason: 'type interval: days' };
}

/** A digest the engine makes unique in its own length (its last hex digits carry the row): no suffix room. */
function keepsLengthUnique(g: Generator): boolean {
  return fakerTypeById.get(g.type)?.unique === 'hexTail';
}

/** Whether the engine makes the generator unique over `rows` rows (regexes count their fixed-length part). */
function uniqueEnough(g: Generator, rows: number): boolean {
  if (!UNIQUE_TYPES.has(g.type) || g.type === 'pick') return false;
  if (g.type !== 'regex') return true;
  try {
    return regexIndexSpace(String(g.options!.pattern)) >= rows;
  } catch {
    return false;
  }
}

/**
 * Letters and digits of one length (a token of the declared length) as the regex of those
 * characters: unique, the engine walks the regex's values in a permuted order, where unique
 * alphanumerics get a row suffix that breaks their length. The same kind of value otherwise.
 */
function asPermutedRegex<T extends { generator: Generator } | undefined>(m: T): T {
  const o = m?.generator.options as { length?: unknown; casing?: unknown; exclude?: unknown } | undefined;
  if (m?.generator.type !== 'string.alphanumeric' || typeof o?.length !== 'number' || !Number.isInteger(o.length) || o.exclude !== undefined) return m;
  const letters = o.casing === 'upper' ? 'A-Z' : o.casing === 'lower' ? 'a-z' : 'A-Za-z';
  return { ...m, generator: { type: 'regex', options: { pattern: `[${letters}0-9]{${o.length}}`, draw: 'compiled' } } };
}

function text(ctx: ColumnContext): Choice {
  const limit = Math.min(textLimit(ctx.column.type) ?? Infinity, ctx.rule.maxLength ?? Infinity);
  const max = Number.isFinite(limit) ? limit : undefined;
  const min = ctx.rule.minLength ?? 0;
  const problem = ctx.rule.pattern && generationProblem(ctx.rule.pattern);
  const check = ctx.rule.pattern && !problem ? ctx.rule.pattern : undefined;
  const note = problem ? `CHECK ${ctx.rule.pattern!.sql} cannot be generated (${problem}); generated rows may violate it` : undefined;
  // a unique text of an exact length (CHECK length(token) = 64): a suffix would break the length, so
  // characters of that length drawn as a regex the engine keeps unique without one
  if (ctx.unique && !check && ctx.rule.minLength !== undefined && ctx.rule.minLength === ctx.rule.maxLength && ctx.rule.minLength > 0) {
    const n = ctx.rule.minLength;
    const hex = /hash|sha|digest|checksum|hex|fingerprint/.test(ctx.column.name.toLowerCase());
    return {
      generator: { type: 'regex', options: { pattern: `${hex ? '[0-9a-f]' : '[A-Za-z0-9]'}{${n}}`, draw: 'compiled' } },
      reason: `CHECK: exactly ${n} ${hex ? 'hex digits' : 'letters and digits'}, unique`,
    };
  }
  const examples = fromExamples(ctx, check, max);
  if (examples) return examples;
  // unique values get a row suffix from the engine: the pattern sees the room left for the value
  const room = max !== undefined && ctx.unique ? max - SUFFIX_ROOM : max;
  // a unique regex needs no suffix (the engine permutes it), so it may use the whole column
  const whole = ctx.unique && max !== undefined ? asPermutedRegex(matchColumn(patternContext(ctx, { maxLength: max }))) : undefined;
  const m =
    whole && ((whole.generator.type === 'regex' && uniqueEnough(whole.generator, ctx.rows ?? 1000)) || keepsLengthUnique(whole.generator))
      ? whole
      : room === undefined || room > 0
        ? matchColumn(patternContext(ctx, room === undefined ? {} : { maxLength: room }))
        : undefined;
  if (check) {
    // a CHECK regex decides, unless the name pattern's values already match it (a sample of 20)
    // unique: sampled as the engine makes them unique (a text gets a row suffix, which the CHECK may refuse)
    const standIn = m && standInFor(m.generator, ctx.unique);
    const satisfied = standIn ? generatorSatisfies(standIn, check, undefined, 20) : m && generatorSatisfies(m.generator, check, room, 20, ctx.unique);
    if (m && (!ctx.unique || UNIQUE_TYPES.has(m.generator.type)) && satisfied) {
      const chosen = byPattern(m);
      return { ...chosen, reason: `${chosen.reason} (its values match CHECK ${check.sql})` };
    }
    // LIKE 'refs/heads/%': the name pattern's values after the prefix (refs/heads/feature/x)
    const prefix = /^LIKE '([^%_\\{}']+)%'$/.exec(check.sql)?.[1];
    if (prefix && m && !ctx.unique && m.generator.type === 'helpers.fake') {
      const options = m.generator.options as { pattern: string };
      const prefixed: Generator = { type: 'helpers.fake', options: { ...options, pattern: `${prefix}${options.pattern}` } };
      if (generatorSatisfies(prefixed, check, max, 20)) {
        const chosen = byPattern(m);
        return { ...chosen, generator: prefixed, reason: `${chosen.reason}, after the prefix of CHECK ${check.sql}` };
      }
    }
    // a key's columns are walked by index over the pattern's fixed-length part: give it some length
    // a unique one over the part of the pattern without lookarounds, which needs no redraw
    const drawn = (ctx.unique || ctx.keyPart ? withoutLookarounds(check.draw ?? check.source) : undefined) ?? check.draw ?? check.source;
    const pattern = ctx.unique || ctx.keyPart ? fixedHeads(drawn) : drawn;
    // varchar(n): the engine caps the values at n (unless even the shortest value is longer)
    const fits = max !== undefined && max <= REGEX_MAX_CHARS && regexProblem(pattern, max) === undefined ? { maxLength: max } : {};
    // char(n): a shorter value is padded with spaces, which the CHECK's regex sees (bpchar ~ text
    // keeps them: '^T\d{3}.?\d$' fails on 'T1234  '), so values are n long when the pattern allows it
    const padded = ctx.column.type.name === 'bpchar' && fits.maxLength !== undefined && regexProblem(pattern, max, max) === undefined;
    if (padded) Object.assign(fits, { minLength: max });
    // CHECK (char_length(name) >= 3): no shorter value, when the pattern has longer ones
    else if (min > 0 && regexProblem(pattern, fits.maxLength, min) === undefined) Object.assign(fits, { minLength: min });
    return { generator: { type: 'regex', options: { pattern, ...fits } }, reason: `CHECK: values match ${check.sql}` };
  }
  if (m && (!ctx.unique || uniqueEnough(m.generator, ctx.rows ?? 1000))) return { ...favourDefault(byPattern(m), m, ctx, min, max), ...(note ? { note } : {}) };
  const alternative = m?.pattern.uniqueAlternative;
  // a regex alternative must fit the column as it is; others get the engine's row suffix
  const fitsRoom = (g: Generator) =>
    room === undefined ||
    (g.type === 'regex'
      ? regexProblem(String(g.options!.pattern), room) === undefined && regexGeneratedMaxLength(String(g.options!.pattern)) <= room
      : room >= 12);
  if (m && alternative && ctx.unique && uniqueEnough(alternative, ctx.rows ?? 1000) && fitsRoom(alternative))
    return {
      generator: alternative,
      reason: `pattern ${m.pattern.id} (unique): ${alternative.type === 'regex' ? `values of ${String(alternative.options!.pattern)}` : `${alternative.type} with the engine's row suffix`}`,
      pattern: m.pattern.id,
    };
  // the name's pattern fits the column but not with the row suffix: its unique regex, which needs none
  const fitted = !m && whole?.pattern.uniqueAlternative;
  if (fitted && fitted.type === 'regex' && uniqueEnough(fitted, ctx.rows ?? 1000) && regexProblem(String(fitted.options!.pattern), max) === undefined)
    return { generator: fitted, reason: `pattern ${whole!.pattern.id} (unique): a code the engine keeps unique`, pattern: whole!.pattern.id };
  if (m && room !== undefined && room >= 4 && (m.generator.type === 'regex' || m.generator.type === 'helpers.fake')) {
    // a unique code: letters and digits the engine makes unique with its row suffix (not the row id)
    return {
      generator: { type: 'string.alphanumeric', options: { length: Math.min(room, 10), casing: 'upper' } },
      reason: `pattern ${m.pattern.id} (unique): letters and digits with a row suffix`,
      pattern: m.pattern.id,
    };
  }
  if (ctx.unique) {
    // unique free text: uuids do not collide; narrower columns get a counter (short and unique)
    if (max === undefined || max >= 36) return { generator: { type: 'string.uuid' }, reason: 'unique text: uuids never collide' };
    return {
      generator: { type: 'sequence', options: { start: 10 ** Math.max(0, min - 1), step: 1, max: 10 ** max - 1 } },
      reason: 'unique narrow text: a counter',
    };
  }
  if (ctx.column.type.name === 'bpchar' && max !== undefined && max <= 3) {
    return { generator: { type: 'string.alpha', options: { length: Math.max(1, min, max), casing: 'upper' } }, reason: `type char(${max}): letters` };
  }
  const d = ctx.column.default;
  if (d?.kind === 'literal' && typeof d.value === 'string' && d.value.length >= min)
    return { generator: { type: 'constant', options: { value: d.value } }, reason: 'DEFAULT: the column default' };
  if (min > 6)
    return {
      generator: { type: 'string.alpha', options: { length: Math.min(max ?? min, Math.max(min, 8)), casing: 'lower' } },
      reason: `CHECK: at least ${min} characters`,
    };
  return { generator: proseFitting('words', max), reason: 'text: English words (no pattern matched the name)' };
}

/** The values a column comment gives as examples (a list: those; one code: its shape), when they fit the column. */
function fromExamples(ctx: ColumnContext, check: CheckPattern | undefined, max: number | undefined): Choice | undefined {
  const examples = commentExamples(ctx.column.comment);
  if (!examples) return undefined;
  const test = check && new RegExp(check.source, check.flags);
  const fits = (v: string) => (max === undefined || v.length <= max) && (!test || test.test(v));
  if (examples.length >= 2 && !ctx.unique && !ctx.keyPart && examples.every(fits))
    return { generator: { type: 'pick', options: { values: examples } }, reason: `COMMENT: one of its examples (${examples.join(', ')})` };
  const shape = examples.length === 1 && !check ? exampleShape(examples[0]!) : undefined;
  if (!shape || !fits(examples[0]!)) return undefined;
  const generator: Generator = { type: 'regex', options: { pattern: shape } };
  if (ctx.unique && !uniqueEnough(generator, ctx.rows ?? 1000)) return undefined;
  return { generator, reason: `COMMENT: shaped like its example ${examples[0]}` };
}

// a slug's values are known in shape (its own maxLength keeps them in the column): a regex of that
// shape, with the row suffix a unique one gets, stands in for it when a CHECK is sampled
const SLUG_SHAPE = '[a-z0-9]{2,8}(-[a-z0-9]{2,8}){0,2}';

function standInFor(g: Generator, unique: boolean): Generator | undefined {
  if (g.type !== 'slug') return undefined;
  return { type: 'regex', options: { pattern: unique ? `${SLUG_SHAPE}-[0-9a-z]{1,4}` : SLUG_SHAPE } };
}

/**
 * A code-like column (currency, country, locale...) with a DEFAULT literal: most rows take the
 * default, as an application that relies on it would write them; the rest a few common others.
 */
function favourDefault(choice: Choice, m: PatternMatch, ctx: ColumnContext, min: number, max: number | undefined): Choice {
  const d = ctx.column.default;
  const common = m.pattern.common;
  if (!common || ctx.unique || d?.kind !== 'literal' || typeof d.value !== 'string') return choice;
  const fits = (v: string) => v.length >= min && (max === undefined || v.length <= max);
  if (!fits(d.value)) return choice;
  const others = common.filter((v) => v !== d.value && fits(v));
  return {
    ...choice,
    // the default about 6 rows in 7, each other value shares the rest
    generator: { type: 'pick', options: { values: [d.value, ...others], weights: [Math.max(1, others.length) * 6, ...others.map(() => 1)] } },
    reason: `${choice.reason}; DEFAULT '${d.value}' in most rows`,
  };
}

function numeric(ctx: ColumnContext): Choice {
  const { category, column, rule } = ctx;
  const type = column.type;
  const scale = category === 'decimal' ? (type.mods[1] ?? (type.name === 'money' ? 2 : undefined)) : undefined;
  const digits = category === 'int' ? 0 : Math.min(scale ?? 2, 6);
  const step = category === 'int' ? 1 : 10 ** -digits;
  // what the type accepts
  let lo: number;
  let hi: number;
  if (category === 'int') [lo, hi] = INT_RANGE[type.name] ?? INT_RANGE.int4!;
  else if (category === 'decimal' && type.mods[0]) {
    hi = 10 ** (type.mods[0] - (type.mods[1] ?? 0)) - 10 ** -(type.mods[1] ?? 0);
    lo = -hi;
  } else [lo, hi] = [-1e12, 1e12];
  // what the CHECKs accept
  if (rule.min !== undefined) lo = Math.max(lo, rule.minExclusive ? rule.min + step : rule.min);
  if (rule.max !== undefined) hi = Math.min(hi, rule.maxExclusive ? rule.max - step : rule.max);
  if (category === 'int') [lo, hi] = [Math.ceil(lo), Math.floor(hi)];
  else [lo, hi] = [roundUp(lo, digits), roundDown(hi, digits)];
  // `max` is not a sequence option: capacityOf reads it, toDefinition removes it
  if (ctx.unique && category === 'int')
    return { generator: { type: 'sequence', options: { start: Math.max(lo, Math.min(1, hi)), step: 1, max: hi } }, reason: 'unique integer: a sequence' };
  // a column a sequence feeds counts rows, whatever its name or comment says
  if (column.default?.kind === 'sequence')
    return { generator: { type: 'sequence', options: { start: Math.max(lo, 1), step: 1, max: hi } }, reason: 'DEFAULT nextval: a sequence' };
  const m = matchColumn(patternContext(ctx, { lo, hi, digits }));
  const d = column.default;
  // a DEFAULT above 1 gives the scale of the values (rental_duration DEFAULT 3: 2 to 7 days, not thousands)
  const usual = d?.kind === 'literal' && typeof d.value !== 'boolean' && Number(d.value) > 1 ? Number(d.value) : undefined;
  const near = (min: number, max: number): [number, number] | undefined => {
    if (usual === undefined || usual < min || usual > max) return undefined;
    const [a, b] = category === 'int' ? [Math.ceil(usual / 2), Math.floor(usual * 2.5)] : [roundUp(usual / 2, digits), roundDown(usual * 2.5, digits)];
    return [Math.max(min, a), Math.min(max, b)];
  };
  if (m && !ctx.unique && withinRange(m.generator, lo, hi)) {
    const o = m.generator.options as { min?: unknown; max?: unknown } | undefined;
    const range =
      ['number.int', 'number.float'].includes(m.generator.type) && typeof o?.min === 'number' && typeof o.max === 'number' ? near(o.min, o.max) : undefined;
    const chosen = byPattern(m);
    if (!range) return chosen;
    return { ...chosen, generator: { ...m.generator, options: { ...o, min: range[0], max: range[1] } }, reason: `${chosen.reason}, near its DEFAULT ${usual}` };
  }
  // DEFAULT 1 on a number no name explains (disc_number, copies, seats): mostly 1, sometimes a few more
  if (category === 'int' && d?.kind === 'literal' && Number(d.value) === 1 && lo <= 1 && hi >= 3)
    return { generator: { type: 'pick', options: { values: [1, 2, 3], weights: [85, 10, 5] } }, reason: 'DEFAULT 1: mostly 1, sometimes 2 or 3' };
  const around = near(lo, hi);
  if (around && category === 'int')
    return { generator: { type: 'number.int', options: { min: around[0], max: around[1] } }, reason: `DEFAULT ${usual}: values near it` };
  if (around)
    return {
      generator: { type: 'number.float', options: { min: around[0], max: around[1], fractionDigits: digits } },
      reason: `DEFAULT ${usual}: values near it`,
    };
  // what is realistic, kept inside what is accepted
  const [wantLo, wantHi] = [category === 'int' ? 1 : 0, 1000];
  let min = Math.max(lo, wantLo);
  let max = Math.min(hi, wantHi);
  if (min > max) {
    if (lo > wantHi) [min, max] = [lo, Math.min(hi, lo + (wantHi - wantLo))];
    else [min, max] = [Math.max(lo, hi - (wantHi - wantLo)), hi];
  }
  if (category === 'int') return { generator: { type: 'number.int', options: { min, max } }, reason: 'type integer: 1-1000 within the CHECKs' };
  return { generator: { type: 'number.float', options: { min, max, fractionDigits: digits } }, reason: `type ${type.name}: 0-1000 with ${digits} decimals` };
}

const roundUp = (v: number, d: number) => Math.ceil(v * 10 ** d - 1e-9) / 10 ** d;
const roundDown = (v: number, d: number) => Math.floor(v * 10 ** d + 1e-9) / 10 ** d;

function temporal(ctx: ColumnContext): Choice {
  const name = ctx.column.name.toLowerCase();
  const after = ctx.rule.after?.column ?? (/^(updated|modified|last_modified|edited)_?(at|on|date)?$/.test(name) ? findCreated(ctx.siblings) : undefined);
  // strictly after: at least a minute later
  // dates keep only the day, so a strict order between dates needs a whole day
  if (after) {
    const options = ctx.rule.after?.strict ? { field: after, minDays: ctx.category === 'date' ? 1 : 0.001 } : { field: after };
    return { generator: { type: 'dateAfter', options }, reason: ctx.rule.after ? `CHECK: after ${after}` : `updated after ${after}` };
  }
  const m = matchColumn(patternContext(ctx, {}));
  if (m) return byPattern(m);
  if (ctx.category === 'date') return { generator: { type: 'date.past', options: { years: 5 } }, reason: 'type date: within 5 years' };
  return { generator: { type: 'date.past' }, reason: 'type timestamp: within a year' };
}

function findCreated(siblings: string[]): string | undefined {
  return siblings.find((s) => /^(created|inserted)_?(at|on|date)?$/.test(s.toLowerCase()));
}
