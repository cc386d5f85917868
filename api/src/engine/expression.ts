// A small, safe expression language for derived values (the `expression` field type): its own
// tokenizer, parser and evaluator, no eval/Function. Names are field paths of the row and its
// parents (`quantity * product_id.list_price`). Parsed once into a tree of closures, so a row costs
// only the calls (no allocation but the result). Errors carry the position in the text.
import type { ColumnKind, Value } from './shape.js';

export class ExpressionError extends Error {
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {
    super(`at position ${position}: ${reason}`);
  }
}

type TokenKind = 'number' | 'string' | 'name' | 'op' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  value?: number | string;
  position: number;
}

const OPERATORS = ['==', '!=', '<>', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%', '(', ')', ',', '<', '>', '=', '!'];
const MAX_LENGTH = 10_000;

export function tokenize(text: string): Token[] {
  if (text.length > MAX_LENGTH) throw new ExpressionError(MAX_LENGTH, `longer than ${MAX_LENGTH} characters`);
  const tokens: Token[] = [];
  let p = 0;
  while (p < text.length) {
    const c = text[p];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      p++;
      continue;
    }
    const start = p;
    if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(text[p + 1] ?? ''))) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(p))!;
      p += m[0].length;
      if (/[A-Za-z_]/.test(text[p] ?? '')) throw new ExpressionError(p, `unexpected "${text[p]}" after the number ${m[0]}`);
      tokens.push({ kind: 'number', text: m[0], value: Number(m[0]), position: start });
      continue;
    }
    if (c === "'" || c === '"') {
      let out = '';
      p++;
      for (;;) {
        if (p >= text.length) throw new ExpressionError(start, 'unterminated string');
        const d = text[p];
        if (d === '\\' && p + 1 < text.length) {
          const e = text[p + 1];
          out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          p += 2;
        } else if (d === c && text[p + 1] === c) {
          out += c;
          p += 2;
        } else if (d === c) {
          p++;
          break;
        } else {
          out += d;
          p++;
        }
      }
      tokens.push({ kind: 'string', text: text.slice(start, p), value: out, position: start });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(text.slice(p))!;
      p += m[0].length;
      if (text[p] === '.') throw new ExpressionError(p, `"${m[0]}." must be followed by a field name`);
      tokens.push({ kind: 'name', text: m[0], position: start });
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, p));
    if (!op) throw new ExpressionError(p, `unexpected character "${c}"`);
    p += op.length;
    tokens.push({ kind: 'op', text: op, position: start });
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}

export type Node =
  | { type: 'literal'; value: Value; position: number }
  | { type: 'path'; path: string; position: number }
  | { type: 'unary'; op: string; arg: Node; position: number }
  | { type: 'binary'; op: string; left: Node; right: Node; position: number }
  | { type: 'call'; name: string; args: Node[]; position: number };

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false', 'null']);

/** Parses an expression; throws ExpressionError with the position of the first problem. */
export function parseExpression(text: string): Node {
  const tokens = tokenize(text);
  let t = 0;
  const peek = () => tokens[t];
  const isOp = (...ops: string[]) => peek().kind === 'op' && ops.includes(peek().text);
  const isWord = (word: string) => peek().kind === 'name' && peek().text.toLowerCase() === word;
  const expect = (op: string) => {
    if (!isOp(op))
      throw new ExpressionError(
        peek().position,
        peek().kind === 'end' ? `expected "${op}" but the expression ends` : `expected "${op}" but found "${peek().text}"`,
      );
    t++;
  };
  const or = (): Node => {
    let left = and();
    while (isOp('||') || isWord('or')) {
      const position = peek().position;
      t++;
      left = { type: 'binary', op: 'or', left, right: and(), position };
    }
    return left;
  };
  const and = (): Node => {
    let left = not();
    while (isOp('&&') || isWord('and')) {
      const position = peek().position;
      t++;
      left = { type: 'binary', op: 'and', left, right: not(), position };
    }
    return left;
  };
  const not = (): Node => {
    if (isOp('!') || isWord('not')) {
      const position = peek().position;
      t++;
      return { type: 'unary', op: 'not', arg: not(), position };
    }
    return comparison();
  };
  const comparison = (): Node => {
    const left = additive();
    if (isOp('=', '==', '!=', '<>', '<', '<=', '>', '>=')) {
      const { text: op, position } = peek();
      t++;
      const node: Node = { type: 'binary', op: op === '==' ? '=' : op === '<>' ? '!=' : op, left, right: additive(), position };
      if (isOp('=', '==', '!=', '<>', '<', '<=', '>', '>=')) throw new ExpressionError(peek().position, 'comparisons do not chain (write a < b and b < c)');
      return node;
    }
    return left;
  };
  const additive = (): Node => {
    let left = multiplicative();
    while (isOp('+', '-')) {
      const { text: op, position } = peek();
      t++;
      left = { type: 'binary', op, left, right: multiplicative(), position };
    }
    return left;
  };
  const multiplicative = (): Node => {
    let left = unary();
    while (isOp('*', '/', '%')) {
      const { text: op, position } = peek();
      t++;
      left = { type: 'binary', op, left, right: unary(), position };
    }
    return left;
  };
  const unary = (): Node => {
    if (isOp('-', '+')) {
      const { text: op, position } = peek();
      t++;
      const arg = unary();
      return op === '-' ? { type: 'unary', op: 'neg', arg, position } : arg;
    }
    return primary();
  };
  const primary = (): Node => {
    const token = peek();
    if (token.kind === 'number' || token.kind === 'string') {
      t++;
      return { type: 'literal', value: token.value!, position: token.position };
    }
    if (isOp('(')) {
      t++;
      const inner = or();
      expect(')');
      return inner;
    }
    if (token.kind === 'name') {
      t++;
      const lower = token.text.toLowerCase();
      if (isOp('(')) {
        if (token.text.includes('.')) throw new ExpressionError(token.position, `"${token.text}" is not a function`);
        const spec = Object.hasOwn(FUNCTIONS, lower) ? FUNCTIONS[lower] : undefined;
        if (!spec) throw new ExpressionError(token.position, `unknown function "${token.text}" (functions: ${Object.keys(FUNCTIONS).join(', ')})`);
        t++;
        const args: Node[] = [];
        if (!isOp(')')) {
          args.push(or());
          while (isOp(',')) {
            t++;
            args.push(or());
          }
        }
        expect(')');
        if (args.length < spec.min || args.length > spec.max)
          throw new ExpressionError(
            token.position,
            `${lower}() takes ${spec.min === spec.max ? spec.min : spec.max === Infinity ? `at least ${spec.min}` : `${spec.min} to ${spec.max}`} argument${spec.max === 1 ? '' : 's'} (got ${args.length})`,
          );
        spec.check?.(args, token.position);
        return { type: 'call', name: lower, args, position: token.position };
      }
      if (lower === 'true' || lower === 'false') return { type: 'literal', value: lower === 'true', position: token.position };
      if (lower === 'null') return { type: 'literal', value: null, position: token.position };
      if (KEYWORDS.has(lower)) throw new ExpressionError(token.position, `unexpected "${token.text}"`);
      return { type: 'path', path: token.text, position: token.position };
    }
    if (token.kind === 'end') throw new ExpressionError(token.position, 'the expression ends too early');
    throw new ExpressionError(token.position, `unexpected "${token.text}"`);
  };
  const root = or();
  if (peek().kind !== 'end') throw new ExpressionError(peek().position, `unexpected "${peek().text}" after the end of the expression`);
  return root;
}

/** Field paths an expression reads, with their positions (first occurrence). */
export function expressionPaths(node: Node, out: { path: string; position: number }[] = []): { path: string; position: number }[] {
  switch (node.type) {
    case 'path':
      if (!out.some((p) => p.path === node.path)) out.push({ path: node.path, position: node.position });
      break;
    case 'unary':
      expressionPaths(node.arg, out);
      break;
    case 'binary':
      expressionPaths(node.left, out);
      expressionPaths(node.right, out);
      break;
    case 'call':
      for (const a of node.args) expressionPaths(a, out);
      break;
  }
  return out;
}

const parsedCache = new Map<string, Node | ExpressionError>();

/** parseExpression with a small cache (validation, dependencies and compile parse the same text). */
export function parsedExpression(text: string): Node {
  let hit = parsedCache.get(text);
  if (hit === undefined) {
    try {
      hit = parseExpression(text);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      hit = error;
    }
    if (parsedCache.size > 500) parsedCache.clear();
    parsedCache.set(text, hit);
  }
  if (hit instanceof ExpressionError) throw hit;
  return hit;
}

// ---- static types (for the column kind) ------------------------------------------------------

type StaticType = 'integer' | 'number' | 'text' | 'boolean' | 'date' | 'null' | 'any';

function typeOfKind(kind: ColumnKind | undefined): StaticType {
  switch (kind) {
    case 'integer':
    case 'number':
    case 'boolean':
    case 'text':
      return kind;
    case 'uuid':
      return 'text';
    case 'timestamp':
    case 'date':
      return 'date';
    default:
      return 'any';
  }
}

const isNum = (t: StaticType) => t === 'integer' || t === 'number';

export function expressionType(node: Node, kindAt: (path: string) => ColumnKind | undefined): StaticType {
  const of = (n: Node) => expressionType(n, kindAt);
  switch (node.type) {
    case 'literal':
      return node.value === null
        ? 'null'
        : typeof node.value === 'number'
          ? Number.isInteger(node.value)
            ? 'integer'
            : 'number'
          : typeof node.value === 'boolean'
            ? 'boolean'
            : 'text';
    case 'path':
      return typeOfKind(kindAt(node.path));
    case 'unary':
      return node.op === 'not' ? 'boolean' : of(node.arg) === 'integer' ? 'integer' : 'number';
    case 'binary': {
      if (['and', 'or', '=', '!=', '<', '<=', '>', '>='].includes(node.op)) return 'boolean';
      const a = of(node.left);
      const b = of(node.right);
      if (node.op === '+' && (a === 'text' || b === 'text')) return 'text';
      if (node.op === '+' && (a === 'date' || b === 'date')) return 'date';
      if (node.op === '-' && a === 'date') return b === 'date' ? 'number' : 'date';
      if (node.op === '/') return 'number';
      if (a === 'integer' && b === 'integer') return 'integer';
      if ((isNum(a) || a === 'null') && (isNum(b) || b === 'null')) return 'number';
      return 'any';
    }
    case 'call': {
      const spec = FUNCTIONS[node.name];
      if (typeof spec.type === 'function') return spec.type(node.args.map(of), node.args);
      return spec.type;
    }
  }
}

function unify(types: StaticType[]): StaticType {
  const known = types.filter((t) => t !== 'null');
  if (known.length === 0) return 'null';
  if (known.every((t) => t === known[0])) return known[0];
  if (known.every(isNum)) return 'number';
  return 'any';
}

/** The column kind an expression produces (text when it cannot be told). */
export function expressionKind(text: string, kindAt: (path: string) => ColumnKind | undefined): ColumnKind {
  let node: Node;
  try {
    node = parsedExpression(text);
  } catch {
    return 'text';
  }
  const t = expressionType(node, kindAt);
  return t === 'date' ? 'timestamp' : t === 'any' || t === 'null' ? 'text' : t;
}

// ---- evaluation -------------------------------------------------------------------------------

export type Eval = (i: number, cols: Value[][], k: number) => Value;
const DAY_MS = 86_400_000;

function truthy(v: Value): boolean {
  if (v === null || v === false || v === 0 || v === '') return false;
  if (typeof v === 'number') return !Number.isNaN(v);
  return true;
}

function toText(v: Value): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Ordering of two non-null values of one kind (numbers, text, dates, booleans); NaN when they differ. */
function compare(a: Value, b: Value): number {
  if (a instanceof Date) a = a.getTime();
  if (b instanceof Date) b = b.getTime();
  if (typeof a === 'boolean') a = a ? 1 : 0;
  if (typeof b === 'boolean') b = b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return NaN;
}

const finite = (x: number): Value => (Number.isFinite(x) ? x : null);

function arithmetic(op: string, a: Value, b: Value): Value {
  if (a === null || b === null) return null;
  if (op === '+') {
    if (typeof a === 'string' || typeof b === 'string') return toText(a) + toText(b);
    if (a instanceof Date && typeof b === 'number') return new Date(a.getTime() + b * DAY_MS);
    if (typeof a === 'number' && b instanceof Date) return new Date(b.getTime() + a * DAY_MS);
    if (typeof a === 'number' && typeof b === 'number') return finite(a + b);
    return null;
  }
  if (op === '-') {
    if (a instanceof Date && typeof b === 'number') return new Date(a.getTime() - b * DAY_MS);
    if (a instanceof Date && b instanceof Date) return (a.getTime() - b.getTime()) / DAY_MS;
  }
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  switch (op) {
    case '-':
      return finite(a - b);
    case '*':
      return finite(a * b);
    case '/':
      return b === 0 ? null : finite(a / b);
    default:
      return b === 0 ? null : finite(a % b);
  }
}

const num = (v: Value): number => (typeof v === 'number' ? v : NaN);
const roundTo = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

type FnSpec = {
  min: number;
  max: number;
  type: StaticType | ((args: StaticType[], nodes: Node[]) => StaticType);
  /** Built once per call site from its arguments' evaluators. */
  make: (args: Eval[], ctx: EvalContext) => Eval;
  /** Refuses arguments at parse time (a pattern that is not a valid literal). */
  check?: (args: Node[], position: number) => void;
};

interface EvalContext {
  referenceDate: Date;
}

const unaryNum = (f: (x: number) => number, type: StaticType): FnSpec => ({
  min: 1,
  max: 1,
  type,
  make:
    ([a]) =>
    (i, c, k) => {
      const x = num(a(i, c, k));
      return x === x ? finite(f(x)) : null;
    },
});

const unaryText = (f: (s: string) => Value, type: StaticType): FnSpec => ({
  min: 1,
  max: 1,
  type,
  make:
    ([a]) =>
    (i, c, k) => {
      const v = a(i, c, k);
      return v === null ? null : f(toText(v));
    },
});

const extreme = (sign: number): FnSpec => ({
  min: 1,
  max: 32,
  type: (t) => unify(t),
  make: (args) => (i, c, k) => {
    let best: Value = null;
    for (let a = 0; a < args.length; a++) {
      const v = args[a](i, c, k);
      if (v !== null && (best === null || sign * compare(v, best) > 0)) best = v;
    }
    return best;
  },
});

const scaleDays = (f: number): FnSpec => ({
  min: 1,
  max: 1,
  type: 'number',
  make:
    ([a]) =>
    (i, c, k) => {
      const x = num(a(i, c, k));
      return x === x ? x * f : null;
    },
});
/** A one-argument integer function of values of one shape (null for any other value). */
const integerOf = <T extends Value>(accepts: (v: Value) => v is T, f: (v: T) => number): FnSpec => ({
  min: 1,
  max: 1,
  type: 'integer',
  make:
    ([a]) =>
    (i, c, k) => {
      const v = a(i, c, k);
      return accepts(v) ? f(v) : null;
    },
});
const datePart = (part: (d: Date) => number): FnSpec => integerOf((v): v is Date => v instanceof Date, part);

const QUANTIFIED_OPS = ['=', '!=', '<>', '<', '<=', '>', '>='];

/** One comparison with SQL's three values: null when either side is null (or the kinds cannot be ordered). */
function compared(op: string, x: Value, y: Value): boolean | null {
  if (x === null || y === null) return null;
  const d = compare(x, y);
  if (d !== d) return op === '!=' || op === '<>' ? true : op === '=' ? false : null;
  return op === '=' ? d === 0 : op === '!=' || op === '<>' ? d !== 0 : op === '<' ? d < 0 : op === '<=' ? d <= 0 : op === '>' ? d > 0 : d >= 0;
}

/**
 * any_of(x, '=', a) is SQL's x = ANY (a): true when some element compares true, else null when
 * some comparison was null, else false (an empty array: false); all_of is ALL (empty: true).
 * Null for a null array, or a value that is not one.
 */
function quantified(kind: 'any' | 'all'): FnSpec {
  return {
    min: 3,
    max: 3,
    type: 'boolean',
    check: ([, op], position) => {
      if (op.type !== 'literal' || typeof op.value !== 'string' || !QUANTIFIED_OPS.includes(op.value))
        throw new ExpressionError(position, `${kind}_of() takes a comparison literal as its second argument (${QUANTIFIED_OPS.join(' ')})`);
    },
    make: ([x, opOf, arr]) => {
      const op = String(opOf(0, [], 0));
      return (i, c, k) => {
        const list = arr(i, c, k);
        if (!Array.isArray(list)) return null;
        const v = x(i, c, k);
        let unknown = false;
        for (const element of list) {
          const r = compared(op, v, element);
          if (r === null) unknown = true;
          else if (r === (kind === 'any')) return r;
        }
        return unknown ? null : kind === 'all';
      };
    },
  };
}

const FUNCTIONS: Record<string, FnSpec> = {
  if: {
    min: 3,
    max: 3,
    type: (t) => unify([t[1], t[2]]),
    make:
      ([cond, a, b]) =>
      (i, c, k) =>
        truthy(cond(i, c, k)) ? a(i, c, k) : b(i, c, k),
  },
  coalesce: {
    min: 1,
    max: 32,
    type: (t) => unify(t),
    make: (args) => (i, c, k) => {
      for (let a = 0; a < args.length; a++) {
        const v = args[a](i, c, k);
        if (v !== null) return v;
      }
      return null;
    },
  },
  isnull: {
    min: 1,
    max: 1,
    type: 'boolean',
    make:
      ([a]) =>
      (i, c, k) =>
        a(i, c, k) === null,
  },
  round: {
    min: 1,
    max: 2,
    type: (_t, nodes) => (nodes.length === 1 || (nodes[1].type === 'literal' && nodes[1].value === 0) ? 'integer' : 'number'),
    make:
      ([a, d]) =>
      (i, c, k) => {
        const x = num(a(i, c, k));
        const digits = d ? num(d(i, c, k)) : 0;
        return x === x && digits === digits ? finite(roundTo(x, Math.max(-15, Math.min(15, Math.trunc(digits))))) : null;
      },
  },
  floor: unaryNum(Math.floor, 'integer'),
  ceil: unaryNum(Math.ceil, 'integer'),
  abs: { ...unaryNum(Math.abs, 'number'), type: (t) => (t[0] === 'integer' ? 'integer' : 'number') },
  min: extreme(-1),
  max: extreme(1),
  lower: unaryText((s) => s.toLowerCase(), 'text'),
  upper: unaryText((s) => s.toUpperCase(), 'text'),
  len: unaryText((s) => s.length, 'integer'),
  // the number of elements of an array (Postgres' cardinality): null for null, and for a value that is not an array
  cardinality: integerOf(
    (v): v is Value[] => Array.isArray(v),
    (v) => v.length,
  ),
  // Postgres' array_length(a, dim): the length along a dimension (nested arrays are the inner
  // ones), null for null, for an empty array and past the last dimension
  array_length: {
    min: 2,
    max: 2,
    type: 'integer',
    make:
      ([a, d]) =>
      (i, c, k) => {
        let v = a(i, c, k);
        const dim = num(d(i, c, k));
        if (!Number.isInteger(dim) || dim < 1) return null;
        for (let n = 1; n < dim; n++) v = Array.isArray(v) && v.length > 0 ? v[0] : null;
        return Array.isArray(v) && v.length > 0 ? v.length : null;
      },
  },
  // x <op> ANY (array) / x <op> ALL (array), with SQL's three values: the operator is a literal
  any_of: quantified('any'),
  all_of: quantified('all'),
  text: unaryText((s) => s, 'text'),
  concat: {
    min: 1,
    max: 64,
    type: 'text',
    make: (args) => (i, c, k) => {
      let out = '';
      for (let a = 0; a < args.length; a++) out += toText(args[a](i, c, k));
      return out;
    },
  },
  // a text matches a regular expression (SQL's ~): the pattern is a literal, compiled once
  matches: {
    min: 2,
    max: 2,
    type: 'boolean',
    check: ([, pattern], position) => {
      if (pattern.type !== 'literal' || typeof pattern.value !== 'string') throw new ExpressionError(position, 'matches() takes a text literal as its pattern');
      try {
        new RegExp(pattern.value);
      } catch {
        throw new ExpressionError(position, `matches(): invalid pattern "${pattern.value}"`);
      }
    },
    make: ([s, pattern]) => {
      const re = new RegExp(String(pattern(0, [], 0)));
      return (i, c, k) => {
        const v = s(i, c, k);
        return v === null ? null : re.test(toText(v));
      };
    },
  },
  substr: {
    min: 2,
    max: 3,
    type: 'text',
    // SQL's substr: 1-based start, optional length
    make:
      ([s, start, length]) =>
      (i, c, k) => {
        const v = s(i, c, k);
        const from = num(start(i, c, k));
        if (v === null || from !== from) return null;
        const text = toText(v);
        const begin = Math.max(0, Math.trunc(from) - 1);
        if (!length) return text.slice(begin);
        const n = num(length(i, c, k));
        return n === n ? text.slice(begin, begin + Math.max(0, Math.trunc(n))) : null;
      },
  },
  date: {
    min: 1,
    max: 1,
    type: 'date',
    make:
      ([a]) =>
      (i, c, k) => {
        const v = a(i, c, k);
        if (v instanceof Date) return v;
        if (typeof v !== 'string' && typeof v !== 'number') return null;
        const ms = typeof v === 'number' ? v : Date.parse(v);
        return Number.isFinite(ms) ? new Date(ms) : null;
      },
  },
  now: {
    min: 0,
    max: 0,
    type: 'date',
    make: (_args, ctx) => {
      const t = ctx.referenceDate.getTime();
      return () => new Date(t);
    },
  },
  days: scaleDays(1),
  hours: scaleDays(1 / 24),
  minutes: scaleDays(1 / 1440),
  seconds: scaleDays(1 / 86_400),
  days_between: {
    min: 2,
    max: 2,
    type: 'number',
    make:
      ([a, b]) =>
      (i, c, k) => {
        const x = a(i, c, k);
        const y = b(i, c, k);
        return x instanceof Date && y instanceof Date ? (x.getTime() - y.getTime()) / DAY_MS : null;
      },
  },
  year: datePart((d) => d.getUTCFullYear()),
  month: datePart((d) => d.getUTCMonth() + 1),
  day: datePart((d) => d.getUTCDate()),
};

export const EXPRESSION_FUNCTIONS = Object.keys(FUNCTIONS);

/**
 * Compiles an expression into an evaluator over (i, cols, k). `read` gives the evaluator of a
 * field path (from the field's PathReader).
 */
export function compileExpression(node: Node, read: (path: string) => Eval, ctx: EvalContext): Eval {
  const build = (n: Node): Eval => {
    switch (n.type) {
      case 'literal': {
        const v = n.value;
        return () => v;
      }
      case 'path':
        return read(n.path);
      case 'unary': {
        const a = build(n.arg);
        if (n.op === 'not') return (i, c, k) => !truthy(a(i, c, k));
        return (i, c, k) => {
          const v = a(i, c, k);
          return typeof v === 'number' ? -v : null;
        };
      }
      case 'binary': {
        const a = build(n.left);
        const b = build(n.right);
        switch (n.op) {
          case 'and':
            return (i, c, k) => truthy(a(i, c, k)) && truthy(b(i, c, k));
          case 'or':
            return (i, c, k) => truthy(a(i, c, k)) || truthy(b(i, c, k));
          case '=':
          case '!=':
          case '<':
          case '<=':
          case '>':
          case '>=': {
            const op = n.op;
            return (i, c, k) => compared(op, a(i, c, k), b(i, c, k));
          }
          default: {
            const op = n.op;
            return (i, c, k) => arithmetic(op, a(i, c, k), b(i, c, k));
          }
        }
      }
      case 'call':
        return FUNCTIONS[n.name].make(n.args.map(build), ctx);
    }
  };
  return build(node);
}

/** Coerces a result to the declared kind of the column (null when it cannot be). */
export function coerceTo(kind: ColumnKind | undefined, v: Value): Value {
  if (v === null || kind === undefined) return v;
  switch (kind) {
    case 'integer':
      return typeof v === 'number' ? Math.round(v) : typeof v === 'boolean' ? Number(v) : null;
    case 'number':
      return typeof v === 'number' ? v : null;
    case 'boolean':
      return truthy(v);
    case 'text':
    case 'uuid':
      return toText(v);
    case 'timestamp':
      return v instanceof Date ? v : null;
    case 'date':
      return v instanceof Date ? new Date(Math.floor(v.getTime() / DAY_MS) * DAY_MS) : null;
    default:
      return v;
  }
}
