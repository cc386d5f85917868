// Declarative partitions, in both forms DDL takes: `CREATE TABLE p1 PARTITION OF p FOR VALUES ...`
// and pg_dump's `CREATE TABLE p1 (...)` + `ALTER TABLE ONLY p ATTACH PARTITION p1 FOR VALUES ...`.
// Rows are loaded through the partitioned parent, which routes them, so a partition is not a table
// of the definition: what is declared on it (pg_dump puts the foreign keys of a partitioned table
// on each partition) belongs to its parent, and the bounds of all partitions become one CHECK on
// the parent that generated rows meet (a row no partition takes makes the whole load fail).
import { deparseSync, parseSync } from 'pgsql-parser';
import type { PgNode } from './model.js';

export interface PartitionBound {
  /** 'r' range, 'l' list, 'h' hash. */
  strategy?: string;
  isDefault: boolean;
  lower: PgNode[];
  upper: PgNode[];
  values: PgNode[];
}

export function boundOf(node: PgNode): PartitionBound {
  return {
    ...(node.strategy ? { strategy: String(node.strategy) } : {}),
    isDefault: Boolean(node.is_default),
    lower: node.lowerdatums ?? [],
    upper: node.upperdatums ?? [],
    values: node.listdatums ?? [],
  };
}

/** `PARTITION BY RANGE (a)`: the strategy and the key columns (expressions: undefined). */
export function partitionKeyOf(partspec: PgNode): { strategy: 'range' | 'list' | 'hash'; columns: (string | undefined)[] } {
  const strategy = String(partspec.strategy).replace('PARTITION_STRATEGY_', '').toLowerCase() as 'range' | 'list' | 'hash';
  return { strategy, columns: (partspec.partParams ?? []).map((p: PgNode) => p.PartitionElem?.name as string | undefined) };
}

const text = (node: PgNode) => deparseSync(node as never).trim();
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** MINVALUE / MAXVALUE in a range bound: that side is open. */
const unbounded = (node: PgNode | undefined) => !node || /^(minvalue|maxvalue)$/i.test(node.ColumnRef?.fields?.[0]?.String?.sval ?? '');

/**
 * The SQL condition a row meets when some partition takes it (none when a DEFAULT partition takes
 * the rest, or the key is not one column), and what could not be read. Adjacent ranges are merged
 * (monthly partitions make one range), so a generator sees one window rather than a disjunction.
 */
export function partitionCondition(
  key: { strategy: string; columns: (string | undefined)[] },
  bounds: PartitionBound[],
): { condition?: string; unread?: string; window?: { column: string; lower?: string; upper?: string } } {
  const column = key.columns.length === 1 ? key.columns[0] : undefined;
  if (!column) return { unread: 'its partition key is not a single column' };
  if (bounds.some((b) => b.isDefault)) return {};
  if (key.strategy === 'hash') return {};
  const col = ident(column);
  if (key.strategy === 'list') {
    const values = bounds.flatMap((b) => b.values);
    if (!values.length) return {};
    const nulls = values.some((v) => v.A_Const?.isnull);
    const list = values.filter((v) => !v.A_Const?.isnull).map(text);
    const inList = list.length ? `${col} IN (${list.join(', ')})` : undefined;
    return { condition: [inList, nulls ? `${col} IS NULL` : undefined].filter(Boolean).join(' OR ') };
  }
  // range: chains of partitions where one ends as the next begins
  const ranges = bounds.map((b) => ({
    lower: unbounded(b.lower[0]) ? undefined : text(b.lower[0]!),
    upper: unbounded(b.upper[0]) ? undefined : text(b.upper[0]!),
  }));
  if (!ranges.length) return {};
  const starts = ranges.filter((r) => r.lower === undefined || !ranges.some((o) => o.upper === r.lower));
  const windows: { lower?: string; upper?: string }[] = [];
  for (const start of starts) {
    let end = start;
    const seen = new Set([start]);
    for (;;) {
      const next = ranges.find((r) => !seen.has(r) && end.upper !== undefined && r.lower === end.upper);
      if (!next) break;
      seen.add(next);
      end = next;
    }
    windows.push({ lower: start.lower, upper: end.upper });
  }
  const parts = windows.map((w) => {
    const sides = [w.lower !== undefined ? `${col} >= ${w.lower}` : undefined, w.upper !== undefined ? `${col} < ${w.upper}` : undefined].filter(Boolean);
    return sides.length ? sides.join(' AND ') : 'true';
  });
  if (parts.includes('true')) return {};
  if (parts.length > 1) return { condition: parts.map((p) => `(${p})`).join(' OR ') };
  const literal = (bound: string | undefined) => (bound === undefined ? undefined : (/^'(.*)'$/s.exec(bound)?.[1]?.replace(/''/g, "'") ?? bound));
  const [only] = windows;
  const window = {
    column,
    ...(only!.lower !== undefined ? { lower: literal(only!.lower) } : {}),
    ...(only!.upper !== undefined ? { upper: literal(only!.upper) } : {}),
  };
  return { condition: parts[0], window };
}

/** A condition as the expression node a CHECK of the DDL would have. */
export function conditionNode(condition: string): PgNode {
  const tree = parseSync(`select 1 where ${condition}`) as { stmts: { stmt: PgNode }[] };
  return tree.stmts[0]!.stmt.SelectStmt.whereClause;
}

/** A bound as written ('2022-01-01 00:00:00+00', '2022-01-01') → the instant it stands for (UTC unless it says). */
export function boundInstant(text: string): Date | undefined {
  let t = text.trim().replace(/^(\d{4}-\d\d-\d\d)[ T]/, '$1T');
  if (/^\d{4}-\d\d-\d\d$/.test(t)) t += 'T00:00:00Z';
  else if (/[+-]\d\d$/.test(t)) t += ':00';
  else if (!/(Z|[+-]\d\d:?\d\d)$/i.test(t)) t += 'Z';
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const YEAR = 365 * 86_400_000;

/** The instants of a partition window [from, to): an open side is a year from the other. */
export function windowInstants(window: { lower?: string; upper?: string }): { from: Date; to: Date } | undefined {
  const lower = window.lower === undefined ? undefined : boundInstant(window.lower);
  const upper = window.upper === undefined ? undefined : boundInstant(window.upper);
  if ((window.lower !== undefined && !lower) || (window.upper !== undefined && !upper)) return undefined;
  const from = lower ?? new Date(upper!.getTime() - YEAR);
  const to = upper ?? new Date(from.getTime() + YEAR);
  return to > from ? { from, to } : undefined;
}
