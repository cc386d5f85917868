// Postgres types → the few categories the generators care about.
import type { TypeRef } from './model.js';

export type Category =
  | 'int'
  | 'decimal'
  | 'float'
  | 'bool'
  | 'text'
  | 'uuid'
  | 'date'
  | 'timestamp'
  | 'time'
  | 'interval'
  | 'json'
  | 'inet'
  | 'macaddr'
  | 'bytea'
  | 'enum'
  | 'unknown';

const BY_NAME: Record<string, Category> = {
  int2: 'int',
  int4: 'int',
  int8: 'int',
  smallint: 'int',
  integer: 'int',
  bigint: 'int',
  int: 'int',
  numeric: 'decimal',
  decimal: 'decimal',
  money: 'decimal',
  float4: 'float',
  float8: 'float',
  real: 'float',
  'double precision': 'float',
  bool: 'bool',
  boolean: 'bool',
  text: 'text',
  varchar: 'text',
  bpchar: 'text',
  char: 'text',
  citext: 'text',
  name: 'text',
  tsvector: 'text',
  xml: 'text',
  uuid: 'uuid',
  date: 'date',
  timestamp: 'timestamp',
  timestamptz: 'timestamp',
  time: 'time',
  timetz: 'time',
  interval: 'interval',
  json: 'json',
  jsonb: 'json',
  inet: 'inet',
  cidr: 'inet',
  macaddr: 'macaddr',
  macaddr8: 'macaddr',
  bytea: 'bytea',
};

export const INT_RANGE: Record<string, [number, number]> = {
  int2: [-32768, 32767],
  int4: [-2147483648, 2147483647],
  // bigint values stay within what a JS number holds exactly
  int8: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

export function categoryOf(type: TypeRef, enums: Set<string>): Category {
  if (enums.has(type.name)) return 'enum';
  return BY_NAME[type.name] ?? 'unknown';
}

/** The longest text a column accepts: varchar(n) / char(n), or undefined when unbounded. */
export function textLimit(type: TypeRef): number | undefined {
  if ((type.name === 'varchar' || type.name === 'bpchar') && type.mods[0] !== undefined && type.mods[0] > 0) return type.mods[0];
  return undefined;
}
