// Tables the database fills by itself: a row trigger on S inserts one row of T per S row (Supabase's
// `on_auth_user_created` → public.profiles). Generating T's rows too would duplicate them, so T
// becomes an "updated" table: tdg seed loads S, the trigger makes T's rows, and T's generated
// columns that the trigger does not fill are written into those rows, matched on the columns the
// trigger copies from S (profiles.id = new.id). Tables referencing T keep valid keys: the match
// columns draw S's values, and any other key of T is overwritten with its generated value.
import type { FieldDefinition, TableDefinition } from './definition.js';
import type { SourcePlace } from './errors.js';
import type { TableModel, TriggerFill } from './model.js';
import { META_KEYS } from './supabase-auth.js';
import { TRIGGER_MARK } from './table-marks.js';

interface Context {
  /** Definition tables by `schema.table` of their relation. */
  tables: Map<string, { model: TableModel; definition: TableDefinition }>;
  note(place: SourcePlace, message: string): void;
  /** Sets the first line of a table's description (`postgres: schema.table...`). */
  relationLine(table: TableDefinition, model: TableModel, suffix: string): void;
  /** Records why a field got its generator (column → generator → reason). */
  reason(table: TableDefinition, column: string, reason: string): void;
}

export function applyTriggerFills(fills: TriggerFill[], ctx: Context): void {
  for (const fill of fills) {
    const source = ctx.tables.get(`${fill.source.schema}.${fill.source.table}`);
    const target = ctx.tables.get(`${fill.target.schema}.${fill.target.table}`);
    const s = `${fill.source.schema}.${fill.source.table}`;
    const t = `${fill.target.schema}.${fill.target.table}`;
    if (!source || !target || source === target) {
      ctx.note(
        fill.place,
        `trigger ${fill.trigger} on ${s} inserts into ${t}; ${!source ? `${s} gets no generated rows, so it never fires` : `${t} is not generated here`}`,
      );
      continue;
    }
    const links = fill.columns.filter((c) => c.from.kind === 'column');
    const keys = target.model.constraints.filter((c) => c.kind === 'primary' || c.kind === 'unique').map((c) => c.columns);
    const match = keys.find((k) => k.every((column) => links.some((l) => l.column === column)));
    const fields = target.definition.fields;
    if (!match || !match.every((c) => fields.some((f) => f.name === c))) {
      // the trigger's rows take their ids from the column's sequence: the generated rows do too
      // (the column is left to its DEFAULT), or theirs would meet the trigger's
      const referenced = (column: string) =>
        [...ctx.tables.values()].some(({ definition }) =>
          definition.fields.some(
            (f) =>
              f.type === 'ref' &&
              (f.options as { table: string; field: string }).table === target.definition.name &&
              (f.options as { field: string }).field === column,
          ),
        );
      const drawn = target.model.columns.filter((c) => c.default?.kind === 'sequence' && fields.some((f) => f.name === c.name) && !referenced(c.name));
      for (const c of drawn) {
        fields.splice(
          fields.findIndex((f) => f.name === c.name),
          1,
        );
        const def = target.definition;
        // its keys are the database's to keep
        if (def.primaryKey?.includes(c.name)) delete def.primaryKey;
        if (def.unique) def.unique = def.unique.filter((u) => !u.includes(c.name));
        if (def.unique?.length === 0) delete def.unique;
      }
      ctx.note(
        fill.place,
        `trigger ${fill.trigger} on ${s} inserts rows into ${t} that no key of ${t} ties to one ${s} row; the generated rows of ${t} are added to them` +
          (drawn.length ? `, ${drawn.map((c) => c.name).join(', ')} from its sequence as the trigger's` : ''),
      );
      continue;
    }
    // the match columns take the very values the trigger copies: each source row's, once. With a
    // key of several columns (tenant_id, question_id ← new.tenant_id, new.id) one of them names the
    // source row (the one copying a key of the source); the others are copied from that row
    const fromOf = (column: string) => (links.find((l) => l.column === column)!.from as { column: string }).column;
    const sourceKeyed = (column: string) =>
      source.model.constraints.some(
        (k) => (k.kind === 'primary' || (k.kind === 'unique' && !k.where)) && k.columns.length === 1 && k.columns[0] === fromOf(column),
      );
    const anchor = match.find(sourceKeyed) ?? match[0]!;
    for (const column of match) {
      const from = { column: fromOf(column) };
      const field = fields.find((f) => f.name === column)!;
      if (column !== anchor) {
        field.type = 'lookup';
        field.options = { path: `${anchor}.${from.column}` };
        delete field.nullRate;
        delete field.unique;
        ctx.reason(target.definition, column, `trigger ${fill.trigger}: new.${from.column} of its ${s} row`);
        continue;
      }
      const o = field.options as { table?: string; field?: string } | undefined;
      if (!(field.type === 'ref' && o?.table === source.definition.name && o.field === from.column)) {
        field.type = 'ref';
        field.options = { table: source.definition.name, field: from.column };
        delete field.nullRate;
      }
      field.unique = true;
      ctx.reason(target.definition, column, `trigger ${fill.trigger}: new.${from.column} of its ${s} row`);
    }
    target.definition.rows = source.definition.rows;
    // columns the trigger fills are its own; the rest are written into its rows
    const filled = fill.columns.filter((c) => !match.includes(c.column));
    const kept: string[] = [];
    for (const c of filled) {
      const field = fields.find((f) => f.name === c.column);
      if (!field) continue;
      if (fields.some((other) => other !== field && mentions(other, c.column))) {
        // others are derived from it, so it stays; a copy of the source row's column stays that copy
        kept.push(c.column);
        if (c.from.kind === 'column' && source.definition.fields.some((f) => f.name === (c.from as { column: string }).column)) {
          field.type = 'lookup';
          field.options = { path: `${anchor}.${c.from.column}` };
          delete field.nullRate;
          ctx.reason(target.definition, c.column, `trigger ${fill.trigger}: new.${c.from.column} of its ${s} row`);
        }
        continue;
      }
      fields.splice(fields.indexOf(field), 1);
    }
    const metaKeys = filled.flatMap((c) => (c.from.kind === 'jsonKey' && !kept.includes(c.column) ? [c.from] : []));
    for (const key of metaKeys) addMetaKey(source.definition, key.column, key.key);
    for (const column of new Set(metaKeys.map((k) => k.column)))
      ctx.reason(
        source.definition,
        column,
        `sign-up metadata with the keys trigger ${fill.trigger} reads (${metaKeys
          .filter((k) => k.column === column)
          .map((k) => k.key)
          .join(', ')})`,
      );
    ctx.relationLine(target.definition, target.model, TRIGGER_MARK(fill.trigger, s, match));
    const updated = fields.filter((f) => !match.includes(f.name)).map((f) => f.name);
    const byTrigger = filled
      .filter((c) => !kept.includes(c.column))
      .map((c) => `${c.column} ← ${c.from.kind === 'column' ? `new.${c.from.column}` : c.from.text}`);
    ctx.note(
      fill.place,
      `table ${t}: its rows are made by trigger ${fill.trigger} (one per ${s} row), so tdg seed does not insert them: ` +
        `it loads ${s}, then writes the generated ${updated.length ? updated.join(', ') : '(no other columns)'} into the trigger's rows, matched on ${match.join(', ')}` +
        (byTrigger.length ? `; left to the trigger: ${byTrigger.join(', ')}` : '') +
        (kept.length ? `; also written, as generated or copied like the trigger does, because other columns are derived from them: ${kept.join(', ')}` : '') +
        (metaKeys.length ? `; ${s}.${metaKeys[0]!.column} holds the keys it reads (${metaKeys.map((k) => k.key).join(', ')})` : ''),
    );
  }
}

/** Whether a field's options name another field (a slug of it, a date after it...). */
function mentions(field: FieldDefinition, name: string): boolean {
  // a path (name, name.x), a template placeholder or a word of an expression
  const word = new RegExp(`(^|[^A-Za-z0-9_.])${name.replace(/[^A-Za-z0-9_]/g, '\\$&')}([^A-Za-z0-9_]|$)`);
  const walk = (v: unknown): boolean =>
    typeof v === 'string'
      ? v.startsWith(`${name}.`) || word.test(v)
      : Array.isArray(v)
        ? v.some(walk)
        : v !== null && typeof v === 'object'
          ? Object.values(v).some(walk)
          : false;
  return walk(field.options);
}

/** The source's json column gets a generated value for each key the trigger reads. */
function addMetaKey(table: TableDefinition, column: string, key: string): void {
  const field = table.fields.find((f) => f.name === column);
  if (!field) return;
  if (field.type === 'constant' && JSON.stringify((field.options as { value: unknown }).value) === '{}') {
    field.type = 'json';
    field.options = { fields: [] };
  }
  if (field.type !== 'json') return;
  const nested = (field.options as { fields: FieldDefinition[] }).fields;
  if (nested.some((f) => f.name === key) || !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(key)) return;
  const spec = META_KEYS.find(([pattern]) => pattern.test(key.toLowerCase()))?.[1] ?? { type: 'word.words', options: { count: 2 } };
  nested.push({ name: key, ...spec });
}
