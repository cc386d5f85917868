// A parent's subtotal is the sum of its lines: orders.subtotal = sum(order_items.line_total),
// invoices.amount_subtotal = sum(invoice_lines.amount). Read from names: a subtotal-like money column
// of a table that a lines/items table references (not null) and whose rows carry a line amount.
// The engine's `aggregate` computes it from the child rows laid out per parent.
import { ruleName as words } from './column-patterns.js';

/** Parent columns that add up the lines. */
export const SUBTOTAL =
  /^(subtotal|sub_total|subtotal_amount|amount_subtotal|items_total|items_subtotal|item_total|line_items_total|lines_total|line_total_sum|merchandise_total|goods_total)(_cents|_minor)?$/;

/** Child tables that are the lines of a parent document. */
export const LINE_TABLE = /(^|_)(lines?|items?|line_items?|positions|details|entries)$/;

/** A line's amount, best first: the line's own total before any amount that could be a unit price. */
export const LINE_AMOUNTS = [
  /^(line_total|line_amount|line_subtotal)(_cents|_minor)?$/,
  /^(amount|total|subtotal|amount_total|amount_subtotal|total_amount|total_price|extended_price|extended_amount|price_total|net_amount)(_cents|_minor)?$/,
];

/** A parent that has only a total (no tax, shipping or discount beside it): its total is its lines' sum. */
const TOTAL_ONLY = /^(total|total_amount|amount_total|total_price|amount)(_cents|_minor)?$/;
const ADDS_TO_TOTAL = /(^|_)(tax|taxes|vat|shipping|discount|fee|fees|tip|freight|handling|surcharge|subtotal|sub_total)(_|$)/;
/** A line with no amount of its own: its unit price times its quantity. */
const UNIT_PRICE = /^(unit_price|price|unit_amount|unit_cost|price_each|price_per_unit)(_cents|_minor)?$/;
const QUANTITY = /^(quantity|qty|units|unit_count)$/;

/** What the inference needs to know of a table (infer-rules' own view of it). */
export interface SumTable {
  name: string;
  /** Ref fields to other tables: field name → parent table name. */
  refs: ReadonlyMap<string, string>;
  /** Field names in column order. */
  columns: string[];
  isNumber(column: string): boolean;
  isInteger(column: string): boolean;
  notNull(column: string): boolean;
}

export interface ChildSum {
  /** The parent's column that becomes the sum. */
  column: string;
  child: string;
  /** The child's ref to the parent (to be laid out per parent). */
  via: string;
  /** The child's line amount (its unit price, when `times` is its quantity). */
  amount: string;
  times?: string;
}

/**
 * The subtotal of `parent` and the lines it sums, when the names say so: one line table referencing
 * it by a not-null ref, with a line amount of a compatible type (whole cents add up to whole cents).
 */
export function childSumOf(parent: SumTable, tables: Iterable<SumTable>): ChildSum | undefined {
  const money = (c: string) => parent.isNumber(c) && !parent.refs.has(c);
  const column =
    parent.columns.find((c) => SUBTOTAL.test(words(c)) && money(c)) ??
    (parent.columns.some((c) => ADDS_TO_TOTAL.test(words(c)) && money(c)) ? undefined : parent.columns.find((c) => TOTAL_ONLY.test(words(c)) && money(c)));
  if (!column) return undefined;
  const found: ChildSum[] = [];
  for (const child of tables) {
    if (child === parent || !LINE_TABLE.test(words(child.name))) continue;
    const vias = [...child.refs].filter(([field, target]) => target === parent.name && child.notNull(field)).map(([field]) => field);
    if (vias.length !== 1) continue;
    const numeric = (test: RegExp) => child.columns.find((c) => test.test(words(c)) && child.isNumber(c) && !child.refs.has(c));
    let line: Pick<ChildSum, 'amount' | 'times'> | undefined;
    for (const pattern of LINE_AMOUNTS) {
      const amount = numeric(pattern);
      if (amount) {
        line = { amount };
        break;
      }
    }
    const price = line ? undefined : numeric(UNIT_PRICE);
    const quantity = line ? undefined : numeric(QUANTITY);
    if (price && quantity && child.notNull(price) && child.notNull(quantity)) line = { amount: price, times: quantity };
    if (!line || (parent.isInteger(column) && (!child.isInteger(line.amount) || (line.times !== undefined && !child.isInteger(line.times))))) continue;
    found.push({ column, child: child.name, via: vias[0]!, ...line });
  }
  // two line tables (order_items and order_lines) would each claim the subtotal: say nothing
  return found.length === 1 ? found[0] : undefined;
}

export interface ChildCount {
  /** The parent's column that counts its children. */
  column: string;
  child: string;
  /** The child's ref to the parent. */
  via: string;
}

/**
 * Parent columns that count the rows of a child table, by names: albums.total_tracks and
 * posts.comment_count (tracks and comments reference them by one not-null ref), num_items, items_count.
 */
export function childCountsOf(parent: SumTable, tables: Iterable<SumTable>): ChildCount[] {
  const out: ChildCount[] = [];
  for (const child of tables) {
    if (child === parent) continue;
    const vias = [...child.refs].filter(([field, target]) => target === parent.name && child.notNull(field)).map(([field]) => field);
    if (vias.length !== 1) continue;
    const plural = child.name.toLowerCase().replace(/^.*_/, '');
    const singular = plural.replace(/ies$/, 'y').replace(/s$/, '');
    const words = `(${[...new Set([plural, singular])].join('|')})`;
    const counts = new RegExp(`^(total_|num_|number_of_|n_)${words}$|^${words}_(count|total)$`);
    const column = parent.columns.find((c) => counts.test(c.toLowerCase()) && parent.isInteger(c) && !parent.refs.has(c));
    if (column && !out.some((c) => c.column === column)) out.push({ column, child: child.name, via: vias[0]! });
  }
  return out;
}
