// PostgreSQL DDL → SchemaModel, with the real Postgres parser (libpg_query via pgsql-parser).
import { deparseSync, loadModule, parseSync } from 'pgsql-parser';
import { withoutPsqlCommands } from './psql-script.js';
import { ImportError, SourceMap, type ImportNote, type SourcePlace } from './errors.js';
import type { ColumnModel, ConstraintModel, DefaultValue, PgNode, SchemaModel, TableModel, TypeRef } from './model.js';
import { boundOf, conditionNode, partitionCondition, partitionKeyOf, type PartitionBound } from './partitions.js';
import { insertsOf, transitionInsertsOf } from './trigger-fills.js';

// the WASM module loads once; afterwards parsing is synchronous, so importSql can be too
await loadModule();

const SKIPPED: Record<string, string> = {
  CreatePolicyStmt: 'policy',
  AlterPolicyStmt: 'policy',
  GrantStmt: 'grant',
  GrantRoleStmt: 'grant',
  AlterDefaultPrivilegesStmt: 'default privileges',
  CreateFunctionStmt: 'function',
  AlterFunctionStmt: 'function',
  CreateTrigStmt: 'trigger',
  CreateEventTrigStmt: 'event trigger',
  ViewStmt: 'view',
  CreateTableAsStmt: 'materialized view / table as',
  CommentStmt: 'comment',
  CreateExtensionStmt: 'extension',
  CreateSchemaStmt: 'schema',
  CreateSeqStmt: 'sequence',
  AlterSeqStmt: 'sequence',
  CreateRoleStmt: 'role',
  AlterOwnerStmt: 'owner change',
  VariableSetStmt: 'SET',
  TransactionStmt: 'transaction control',
  DoStmt: 'DO block',
  SelectStmt: 'SELECT',
  InsertStmt: 'INSERT (existing data)',
  UpdateStmt: 'UPDATE',
  DeleteStmt: 'DELETE',
  DropStmt: 'DROP',
  RuleStmt: 'rule',
  CreatePublicationStmt: 'publication',
  AlterPublicationStmt: 'publication',
  CompositeTypeStmt: 'composite type',
  CreateRangeStmt: 'range type',
};

function str(node: PgNode | undefined): string {
  return node?.String?.sval ?? '';
}

function constValue(node: PgNode): string | number | boolean | null | undefined {
  const c = node.A_Const;
  if (!c) return undefined;
  if (c.isnull) return null;
  if (c.ival) return c.ival.ival ?? 0;
  if (c.fval) return Number(c.fval.fval);
  if (c.sval) return c.sval.sval ?? '';
  if (c.boolval) return c.boolval.boolval ?? false;
  if (c.bsval) return c.bsval.bsval ?? '';
  return undefined;
}

export function typeRefOf(typeName: PgNode): TypeRef {
  const names: string[] = (typeName.names ?? []).map(str);
  const name = names[names.length - 1]!.toLowerCase();
  const schema = names.length > 1 ? names[names.length - 2]!.toLowerCase() : undefined;
  const mods = (typeName.typmods ?? []).map((m: PgNode) => constValue(m)).filter((v: unknown): v is number => typeof v === 'number');
  // `timestamp with time zone` and friends come as pg_catalog.timestamptz already; interval
  // carries a field mask as typmod that we do not need
  if (name === 'interval') mods.length = 0;
  return {
    name,
    ...(schema && schema !== 'pg_catalog' ? { schema } : {}),
    mods,
    arrayDims: (typeName.arrayBounds ?? []).length,
  };
}

/** The SQL text of an expression node, for notes. */
export function exprText(node: PgNode): string {
  try {
    return deparseSync(node as any)
      .replace(/\s+/g, ' ')
      .trim();
  } catch {
    return JSON.stringify(node);
  }
}

const keyOf = (relation: PgNode) => `${relation.schemaname ?? 'public'}.${relation.relname}`;

/** The column of `COALESCE(col, constant)` (casts allowed on either), else undefined. */
function coalescedColumn(node: PgNode | undefined): string | undefined {
  const args: PgNode[] = node?.CoalesceExpr?.args ?? [];
  if (args.length !== 2 || !unwrapCast(args[1]!).A_Const) return undefined;
  const fields: PgNode[] | undefined = unwrapCast(args[0]!).ColumnRef?.fields;
  return fields ? str(fields.at(-1)) || undefined : undefined;
}

function unwrapCast(node: PgNode): PgNode {
  while (node.TypeCast) node = node.TypeCast.arg;
  return node;
}

/** `lower(name)`, `upper((code)::text) COLLATE "C"`, `btrim(x)`: the one column cased or trimmed. */
function casedColumn(raw: PgNode | undefined): string | undefined {
  let node = raw;
  while (node?.TypeCast || node?.CollateClause) node = node.TypeCast?.arg ?? node.CollateClause.arg;
  const fn = node?.FuncCall;
  const name = fn?.funcname?.map(str).pop()?.toLowerCase();
  if (!fn || fn.args?.length !== 1 || !['lower', 'upper', 'btrim', 'trim'].includes(name)) return undefined;
  let arg = fn.args[0];
  while (arg?.TypeCast || arg?.CollateClause) arg = arg.TypeCast?.arg ?? arg.CollateClause.arg;
  return arg?.ColumnRef?.fields?.map(str).pop();
}

function defaultOf(raw: PgNode): DefaultValue {
  const node = unwrapCast(raw);
  const v = constValue(node);
  if (v === null) return { kind: 'null' };
  if (v !== undefined) return { kind: 'literal', value: v };
  // `true`/`false` written as `'t'::boolean` is handled above; SQL value functions:
  if (node.SQLValueFunction) {
    const op: string = node.SQLValueFunction.op ?? '';
    if (/TIMESTAMP|DATE|TIME/.test(op)) return { kind: 'now' };
  }
  if (node.FuncCall) {
    const fn = (node.FuncCall.funcname ?? []).map(str).pop()?.toLowerCase() ?? '';
    if (['now', 'clock_timestamp', 'statement_timestamp', 'transaction_timestamp', 'timezone'].includes(fn)) return { kind: 'now' };
    if (['gen_random_uuid', 'uuid_generate_v4', 'uuid_generate_v1', 'uuidv4', 'uuidv7', 'uuid_generate_v7'].includes(fn)) return { kind: 'uuid' };
    if (fn === 'nextval') return { kind: 'sequence' };
  }
  return { kind: 'expression', text: exprText(raw) };
}

/** Parses DDL; throws ImportError with line and column when it is not valid PostgreSQL. */
export function parseDdl(script: string): SchemaModel {
  const { sql, skipped } = withoutPsqlCommands(script);
  const map = new SourceMap(sql);
  let tree: { stmts?: { stmt: PgNode; stmt_location?: number }[] };
  try {
    tree = parseSync(sql);
  } catch (error) {
    const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
    const place = map.fromChar(details?.cursorPosition ?? 0);
    throw new ImportError([{ ...place, message: (error as Error).message }]);
  }
  const builder = new ModelBuilder(map);
  for (const { line, text } of skipped)
    builder.skipped(
      { line, column: 1 },
      text === 'COPY data' ? 'skipped COPY data (rows are generated)' : `skipped psql meta-command ${text} (psql's, not SQL)`,
    );
  for (const { stmt, stmt_location } of tree.stmts ?? []) builder.statement(stmt, map.statementStart(stmt_location));
  return builder.finish();
}

class ModelBuilder {
  private readonly tables = new Map<string, TableModel>();
  private readonly model: SchemaModel = { tables: [], enums: [], domains: [], triggerFills: [], notes: [] };
  /** PL/pgSQL function bodies by `schema.name`, for the triggers that call them. */
  private readonly functions = new Map<string, { body: string; place: SourcePlace; used: boolean }>();
  private readonly inserts: { body: PgNode; place: SourcePlace }[] = [];
  /** Views over one table: `schema.view` → that table. */
  private readonly views = new Map<string, { schema: string; table: string }>();
  private readonly triggers: { name: string; source: { schema: string; table: string }; fn: string; place: SourcePlace; transition?: string }[] = [];
  /** A partition → the partitioned table its rows are loaded through. */
  private readonly partitionOf = new Map<string, string>();
  /** Partitioned tables: their key and the bounds of their partitions. */
  private readonly partitioned = new Map<string, { key: ReturnType<typeof partitionKeyOf>; bounds: PartitionBound[] }>();
  /** COMMENT ON statements, applied once every table is known (they may come first). */
  private readonly comments: { names: string[]; column: boolean; text: string; place: SourcePlace }[] = [];

  constructor(private readonly map: SourceMap) {}

  private note(place: SourcePlace, message: string): void {
    this.model.notes.push({ ...place, message } satisfies ImportNote);
  }

  /** A part of the script that is not SQL (psql's), left out. */
  skipped(place: SourcePlace, message: string): void {
    this.note(place, message);
  }

  private table(relation: PgNode): TableModel | undefined {
    return this.tables.get(keyOf(relation));
  }

  /** The partitioned table a partition's rows go through (the top one, when partitions nest). */
  private parentOf(relation: PgNode): TableModel | undefined {
    let key = keyOf(relation);
    if (!this.partitionOf.has(key)) return undefined;
    for (let depth = 0; this.partitionOf.has(key) && depth < 16; depth++) key = this.partitionOf.get(key)!;
    return this.tables.get(key);
  }

  private addPartition(parent: PgNode, child: PgNode, bound: PgNode, place: SourcePlace): void {
    const parentKey = keyOf(parent);
    const childKey = keyOf(child);
    this.partitionOf.set(childKey, parentKey);
    this.partitioned.get(parentKey)?.bounds.push(boundOf(bound));
    // pg_dump's form: the partition was created as a table of its own, then attached
    const created = this.tables.get(childKey);
    if (created) {
      this.tables.delete(childKey);
      this.model.tables = this.model.tables.filter((t) => t !== created);
      const top = this.parentOf(child);
      if (top) for (const c of created.constraints) this.partitionConstraint(top, c, place);
    }
    this.note(place, `partition ${child.relname} of ${parent.relname}: its rows are loaded through ${parent.relname}`);
  }

  /**
   * What is declared on a partition holds for the rows of its parent that it takes: foreign keys
   * (pg_dump declares those of a partitioned table on each partition) and keys the parent does
   * not have yet join the parent; a CHECK of one partition is about its rows only.
   */
  private partitionConstraint(parent: TableModel, c: ConstraintModel, place: SourcePlace): void {
    const same = (o: ConstraintModel) => o.columns.join(',') === c.columns.join(',');
    if (c.kind === 'check') {
      this.note(place, `CHECK ${c.name ? `${c.name} ` : ''}of a partition of ${parent.name} applies to that partition's rows only; not applied`);
      return;
    }
    if (c.kind === 'foreign') {
      const ref = (o: ConstraintModel) => `${o.references?.schema}.${o.references?.table}(${o.references?.columns.join(',')})`;
      if (!parent.constraints.some((o) => o.kind === 'foreign' && same(o) && ref(o) === ref(c))) parent.constraints.push(c);
      return;
    }
    if (!parent.constraints.some((o) => (o.kind === 'primary' || o.kind === 'unique') && same(o) && !o.where)) parent.constraints.push(c);
  }

  statement(stmt: PgNode, place: SourcePlace): void {
    const kind = Object.keys(stmt)[0] ?? 'unknown';
    const body = stmt[kind];
    switch (kind) {
      case 'CreateStmt':
        return this.createTable(body, place);
      case 'CreateEnumStmt': {
        // typeRefOf lowercases the names columns use; a quoted "Mood" is found as mood
        const names: string[] = body.typeName.map((n: PgNode) => str(n).toLowerCase());
        this.model.enums.push({
          schema: names.length > 1 ? names[0]! : 'public',
          name: names[names.length - 1]!,
          values: body.vals.map(str),
        });
        return;
      }
      case 'CreateDomainStmt': {
        const names: string[] = body.domainname.map((n: PgNode) => str(n).toLowerCase());
        this.model.domains.push({
          schema: names.length > 1 ? names[0]! : 'public',
          name: names[names.length - 1]!,
          base: typeRefOf(body.typeName),
        });
        if ((body.constraints ?? []).some((c: PgNode) => c.Constraint?.contype === 'CONSTR_CHECK'))
          this.note(place, `domain ${names.join('.')}: its CHECK is not applied to generated values`);
        return;
      }
      case 'AlterTableStmt':
        return this.alterTable(body, place);
      case 'IndexStmt':
        return this.index(body, place);
      case 'CommentStmt':
        return this.comment(body, place);
      case 'CreateFunctionStmt':
        return this.createFunction(body, place);
      case 'CreateTrigStmt':
        return this.createTrigger(body, place);
      case 'InsertStmt':
        this.inserts.push({ body, place });
        return;
      case 'ViewStmt': {
        // a view over one table (auto-updatable): an INSERT into it lands in that table
        const from: PgNode[] = body.query?.SelectStmt?.fromClause ?? [];
        const base = from.length === 1 ? from[0].RangeVar : undefined;
        if (base) this.views.set(`${body.view.schemaname ?? 'public'}.${body.view.relname}`, { schema: base.schemaname ?? 'public', table: base.relname });
        this.note(place, `skipped view (does not shape data)`);
        return;
      }
      default: {
        const what = SKIPPED[kind] ?? kind.replace(/Stmt$/, '');
        this.note(place, `skipped ${what} (does not shape data)`);
      }
    }
  }

  private createTable(body: PgNode, place: SourcePlace): void {
    const relation = body.relation;
    const schema: string = relation.schemaname ?? 'public';
    const key = keyOf(relation);
    if (body.partbound) {
      // rows go in through the partitioned parent, which routes them
      this.addPartition(body.inhRelations[0].RangeVar, relation, body.partbound, place);
      return;
    }
    if (body.inhRelations?.length) this.note(place, `table ${relation.relname}: inherited columns are not followed; it is imported with its own columns`);
    if (body.partspec) this.partitioned.set(key, { key: partitionKeyOf(body.partspec), bounds: [] });
    if (this.tables.has(key)) {
      this.note(place, `table ${relation.relname} is created twice; the second definition wins`);
      this.model.tables = this.model.tables.filter((t) => t !== this.tables.get(key));
    }
    const table: TableModel = { schema, name: relation.relname, columns: [], constraints: [], place };
    this.tables.set(key, table);
    this.model.tables.push(table);
    for (const element of body.tableElts ?? []) {
      if (element.ColumnDef) this.column(table, element.ColumnDef);
      else if (element.Constraint) this.constraint(table, element.Constraint, []);
      else this.note(place, `table ${relation.relname}: skipped ${Object.keys(element)[0]}`);
    }
  }

  private column(table: TableModel, def: PgNode): void {
    const place = this.map.fromByte(def.location);
    const type = typeRefOf(def.typeName);
    const column: ColumnModel = { name: def.colname, type, notNull: Boolean(def.is_not_null), generated: false, place };
    const serial = /^(small|big)?serial$|^serial[248]$/.exec(type.name);
    if (serial) {
      column.type = {
        name: type.name.startsWith('small') || type.name === 'serial2' ? 'int2' : type.name.startsWith('big') || type.name === 'serial8' ? 'int8' : 'int4',
        mods: [],
        arrayDims: 0,
      };
      column.default = { kind: 'sequence' };
      column.notNull = true;
    }
    table.columns.push(column);
    for (const c of def.constraints ?? []) this.constraint(table, c.Constraint, [def.colname], column);
  }

  private constraint(table: TableModel, c: PgNode, own: string[], column?: ColumnModel): void {
    const place = this.map.fromByte(c.location);
    const keys = (list: PgNode[] | undefined) => (list?.length ? list.map(str) : own);
    const base = { ...(c.conname ? { name: c.conname as string } : {}), place };
    switch (c.contype) {
      case 'CONSTR_NOTNULL':
        if (column) column.notNull = true;
        return;
      case 'CONSTR_NULL':
        return;
      case 'CONSTR_DEFAULT':
        if (column) column.default = defaultOf(c.raw_expr);
        return;
      case 'CONSTR_IDENTITY':
        if (column) {
          column.default = { kind: 'sequence' };
          column.notNull = true;
        }
        return;
      case 'CONSTR_GENERATED':
        if (column) {
          column.generated = true;
          const from = casedColumn(c.raw_expr);
          if (from) column.generatedFrom = from;
        }
        return;
      case 'CONSTR_PRIMARY':
        table.constraints.push({ kind: 'primary', columns: keys(c.keys), ...base });
        return;
      case 'CONSTR_UNIQUE':
        table.constraints.push({ kind: 'unique', columns: keys(c.keys), ...base });
        return;
      case 'CONSTR_FOREIGN': {
        const pk = c.pktable;
        table.constraints.push({
          kind: 'foreign',
          columns: keys(c.fk_attrs),
          references: { schema: pk.schemaname ?? 'public', table: pk.relname, columns: (c.pk_attrs ?? []).map(str) },
          ...base,
        });
        return;
      }
      case 'CONSTR_CHECK':
        table.constraints.push({ kind: 'check', columns: own, expr: c.raw_expr, text: exprText(c.raw_expr), ...base });
        return;
      case 'CONSTR_EXCLUSION': {
        // EXCLUDE USING gist (room_id WITH =, during WITH &&): columns and their operators; the rules
        // read it (infer-rules.ts), or say it is not understood
        const elements = (c.exclusions ?? []).map((e: PgNode) => e.List?.items ?? []);
        const columns = elements.map((items: PgNode[]) => items[0]?.IndexElem?.name as string | undefined);
        const operators = elements.map((items: PgNode[]) => str((items[1]?.List?.items ?? []).at(-1)));
        if (columns.length && columns.every((name: string | undefined) => typeof name === 'string'))
          table.constraints.push({ kind: 'exclusion', columns: columns as string[], operators, ...base });
        else
          this.note(
            place,
            `table ${table.name}: constraint ${c.conname ?? 'exclusion'} excludes over an expression, which is not understood; generated rows may violate it`,
          );
        return;
      }
      default:
        this.note(
          place,
          `table ${table.name}: constraint ${c.conname ?? c.contype} (${String(c.contype).replace('CONSTR_', '').toLowerCase()}) is not understood; generated rows may violate it`,
        );
    }
  }

  private alterTable(body: PgNode, place: SourcePlace): void {
    if (body.objtype && body.objtype !== 'OBJECT_TABLE') {
      this.note(place, `skipped ALTER ${String(body.objtype).replace('OBJECT_', '').toLowerCase()} (does not shape data)`);
      return;
    }
    const partitionParent = this.parentOf(body.relation);
    const table = partitionParent ?? this.table(body.relation);
    for (const { AlterTableCmd: cmd } of body.cmds ?? []) {
      const sub: string = cmd.subtype;
      if (sub === 'AT_AttachPartition' && cmd.def?.PartitionCmd?.bound) {
        this.addPartition(body.relation, cmd.def.PartitionCmd.name, cmd.def.PartitionCmd.bound, place);
        continue;
      }
      if (partitionParent) {
        // a partition's own statements: its constraints go to the parent, the rest shapes nothing
        if (sub === 'AT_AddConstraint') {
          const before = partitionParent.constraints.length;
          this.constraint(partitionParent, cmd.def.Constraint, []);
          const added = partitionParent.constraints.splice(before);
          for (const c of added) this.partitionConstraint(partitionParent, c, place);
        }
        continue;
      }
      if (
        sub === 'AT_EnableRowSecurity' ||
        sub === 'AT_ForceRowSecurity' ||
        sub === 'AT_DisableRowSecurity' ||
        sub === 'AT_ChangeOwner' ||
        sub === 'AT_ReplicaIdentity'
      ) {
        this.note(place, `skipped ALTER TABLE ${body.relation.relname} ${sub.replace('AT_', '')} (does not shape data)`);
        continue;
      }
      if (!table) {
        this.note(place, `ALTER TABLE ${body.relation.relname}: the table is not created in this SQL; skipped`);
        return;
      }
      const column = cmd.name ? table.columns.find((c) => c.name === cmd.name) : undefined;
      switch (sub) {
        case 'AT_AddConstraint':
          this.constraint(table, cmd.def.Constraint, []);
          break;
        case 'AT_AddColumn':
          this.column(table, cmd.def.ColumnDef);
          break;
        case 'AT_ColumnDefault':
          if (column) column.default = cmd.def ? defaultOf(cmd.def) : undefined;
          break;
        case 'AT_SetNotNull':
          if (column) column.notNull = true;
          break;
        case 'AT_DropNotNull':
          if (column) column.notNull = false;
          break;
        case 'AT_DropColumn':
          table.columns = table.columns.filter((c) => c.name !== cmd.name);
          break;
        case 'AT_DropConstraint':
          table.constraints = table.constraints.filter((c) => c.name !== cmd.name);
          break;
        case 'AT_AlterColumnType':
          if (column) column.type = typeRefOf(cmd.def.ColumnDef.typeName);
          break;
        default:
          this.note(place, `ALTER TABLE ${table.name}: skipped ${sub.replace('AT_', '')}`);
      }
    }
  }

  private index(body: PgNode, place: SourcePlace): void {
    if (!body.unique) return; // plain indexes do not constrain data
    const partitionParent = this.parentOf(body.relation);
    const table = partitionParent ?? this.table(body.relation);
    if (!table) {
      this.note(place, `unique index on ${body.relation.relname}: the table is not created in this SQL; skipped`);
      return;
    }
    const columns: string[] = [];
    const coalesced: string[] = [];
    for (const { IndexElem: e } of body.indexParams ?? []) {
      if (e.name) columns.push(e.name);
      else if (coalescedColumn(e.expr)) {
        // COALESCE(publisher_user_id, 0): the column, its NULLs one more value of the key (the
        // generated keys never hold the constant, nor is a NULL left to keep the key unique)
        const column = coalescedColumn(e.expr)!;
        columns.push(column);
        coalesced.push(column);
        this.note(
          place,
          `unique index on coalesce(${column}, ...) treated as unique(${column}) (its NULLs compare equal there: none is left empty to keep the key unique)`,
        );
      } else {
        // lower(email) / upper(code) / trim(x): unique values of the column are kept unique by
        // the generators we choose for it; anything else is only noted
        const fn = e.expr?.FuncCall;
        const arg = fn?.args?.length === 1 ? unwrapCast(fn.args[0])?.ColumnRef?.fields?.map(str).pop() : undefined;
        const name = fn?.funcname?.map(str).pop()?.toLowerCase();
        if (arg && ['lower', 'upper', 'btrim', 'trim'].includes(name)) {
          columns.push(arg);
          this.note(place, `unique index on ${name}(${arg}) treated as unique(${arg})`);
        } else {
          this.note(place, `unique index on ${table.name} over an expression is not understood; generated rows may violate it`);
          return;
        }
      }
    }
    // a partial one (one default per customer: `(customer_id) where is_default`) is read by the
    // mapper and the rules (partialUniqueRule): a flag per parent, else the full unique, which implies it
    const unique: ConstraintModel = {
      kind: 'unique',
      columns,
      ...(body.idxname ? { name: body.idxname } : {}),
      ...(body.whereClause ? { where: body.whereClause, text: exprText(body.whereClause) } : {}),
      ...(coalesced.length ? { coalesced } : {}),
      place,
    };
    if (partitionParent) this.partitionConstraint(partitionParent, unique, place);
    else table.constraints.push(unique);
  }

  private comment(body: PgNode, place: SourcePlace): void {
    const column = body.objtype === 'OBJECT_COLUMN';
    if (!column && body.objtype !== 'OBJECT_TABLE') {
      this.note(place, `skipped comment on ${String(body.objtype).replace('OBJECT_', '').toLowerCase()} (does not shape data)`);
      return;
    }
    const names: string[] = (body.object?.List?.items ?? [body.object]).map(str);
    // COMMENT ... IS NULL removes a comment
    this.comments.push({ names, column, text: body.comment ?? '', place });
  }

  private createFunction(body: PgNode, place: SourcePlace): void {
    const option = (name: string) => (body.options ?? []).find((o: PgNode) => o.DefElem?.defname === name)?.DefElem.arg;
    const language = str(option('language')).toLowerCase();
    const names: string[] = body.funcname.map(str);
    const key = `${names.length > 1 ? names[0] : 'public'}.${names[names.length - 1]}`;
    const returns = (body.returnType?.names ?? []).map(str).pop();
    if (returns === 'trigger' && language === 'plpgsql') {
      this.functions.set(key, { body: (option('as')?.List?.items ?? []).map(str).join('\n'), place, used: false });
      return;
    }
    this.note(place, `skipped function ${names.join('.')} (does not shape data)`);
  }

  private createTrigger(body: PgNode, place: SourcePlace): void {
    const names: string[] = body.funcname.map(str);
    const fn = `${names.length > 1 ? names[0] : 'public'}.${names[names.length - 1]}`;
    // TRIGGER_TYPE_INSERT = 4; BEFORE = 2, INSTEAD = 64, neither = AFTER
    const insert = ((body.events ?? 0) & 4) !== 0;
    // a statement trigger reading the inserted rows as a table (REFERENCING NEW TABLE AS newtab)
    const transition: string | undefined = (body.transitionRels ?? []).map((r: PgNode) => r.TriggerTransition).find((t: PgNode) => t?.isNew && t.isTable)?.name;
    if (!body.row && insert && transition) {
      this.triggers.push({
        name: body.trigname,
        source: { schema: body.relation.schemaname ?? 'public', table: body.relation.relname },
        fn,
        place,
        transition,
      });
      return;
    }
    if (!body.row || !insert || body.isconstraint) {
      this.note(place, `skipped trigger ${body.trigname} (only row triggers on INSERT can fill other tables)`);
      return;
    }
    this.triggers.push({ name: body.trigname, source: { schema: body.relation.schemaname ?? 'public', table: body.relation.relname }, fn, place });
  }

  /**
   * INSERT ... VALUES of the SQL itself (a default tenant, built-in roles): the rows are there
   * before the seed, so the integer keys generated for the table start after theirs.
   */
  private resolveInserts(): void {
    for (const { body, place } of this.inserts) {
      const table = this.table(body.relation);
      const lists: PgNode[][] = (body.selectStmt?.SelectStmt?.valuesLists ?? []).map((l: PgNode) => l.List.items);
      const names: string[] = (body.cols ?? []).map((c: PgNode) => c.ResTarget.name);
      if (!table || !lists.length || !names.length) {
        this.note(place, `skipped INSERT (existing data) (does not shape data)`);
        continue;
      }
      names.forEach((name, i) => {
        for (const row of lists) {
          const v = constValue(unwrapCast(row[i] ?? {}));
          if (typeof v !== 'number' || !Number.isInteger(v)) continue;
          table.insertedMax ??= {};
          table.insertedMax[name] = Math.max(table.insertedMax[name] ?? v, v);
        }
      });
      this.note(place, `table ${table.name}: ${lists.length} row(s) the SQL inserts are there before the seed; generated integer keys start after theirs`);
    }
  }

  /** Triggers whose function inserts into a table: the rows the database makes by itself. */
  private resolveTriggers(): void {
    for (const trigger of this.triggers) {
      const fn = this.functions.get(trigger.fn);
      if (fn === undefined) {
        this.note(
          trigger.place,
          `skipped trigger ${trigger.name} (its function ${trigger.fn} is not a PL/pgSQL function of this SQL, so what it does is not known)`,
        );
        continue;
      }
      fn.used = true;
      if (trigger.transition) {
        const targets = transitionInsertsOf(fn.body, trigger.transition);
        if (!targets.length) this.note(trigger.place, `skipped trigger ${trigger.name} (it inserts no rows from ${trigger.transition}; does not shape data)`);
        for (const { schema, table, into, copies } of targets) {
          // the INSERT's columns: its list, else the target's columns in order
          const columns =
            into ??
            this.tables
              .get(`${schema}.${table}`)
              ?.columns.filter((c) => !c.generated)
              .map((c) => c.name) ??
            [];
          const copied = copies.flatMap((from, i) => (from && columns[i] ? [{ column: columns[i]!, from }] : []));
          (this.model.statementFills ??= []).push({
            trigger: trigger.name,
            source: trigger.source,
            target: { schema, table },
            copies: copied,
            place: trigger.place,
          });
        }
        continue;
      }
      const inserts = insertsOf(fn.body);
      if (!inserts.length) this.note(trigger.place, `skipped trigger ${trigger.name} (it inserts no rows that can be followed; does not shape data)`);
      for (const target of inserts)
        this.model.triggerFills.push({
          trigger: trigger.name,
          source: trigger.source,
          target: this.views.get(`${target.schema}.${target.table}`) ?? { schema: target.schema, table: target.table },
          columns: target.columns,
          place: trigger.place,
        });
    }
    for (const [name, fn] of this.functions)
      if (!fn.used) this.note(fn.place, `skipped function ${name} (no trigger of this SQL calls it; does not shape data)`);
  }

  private applyComments(): void {
    for (const c of this.comments) {
      // [schema.]table[.column]
      const parts = c.column ? c.names.slice(0, -1) : c.names;
      const table = this.table({ schemaname: parts.length > 1 ? parts[0] : undefined, relname: parts[parts.length - 1] });
      const target = c.column ? table?.columns.find((col) => col.name === c.names[c.names.length - 1]) : table;
      if (!target) {
        this.note(c.place, `comment on ${c.names.join('.')}: not created in this SQL; skipped`);
        continue;
      }
      if (c.text) target.comment = c.text;
      else delete target.comment;
    }
  }

  /** The bounds of its partitions as a CHECK on each partitioned table (rows no partition takes fail the load). */
  private applyPartitionBounds(): void {
    for (const [key, { key: partitionKey, bounds }] of this.partitioned) {
      const table = this.tables.get(key);
      if (!table) continue;
      const by = `${partitionKey.strategy} (${partitionKey.columns.map((c) => c ?? 'an expression').join(', ')})`;
      if (!bounds.length) {
        this.note(table.place, `table ${table.name} is partitioned by ${by} but no partition of it is created in this SQL; rows cannot be loaded into it`);
        continue;
      }
      const { condition, unread, window } = partitionCondition(partitionKey, bounds);
      if (window) table.partitionWindow = window;
      if (unread) this.note(table.place, `table ${table.name} is partitioned by ${by}: ${unread}, so generated rows may fall outside its partitions`);
      if (!condition) continue;
      table.constraints.push({
        kind: 'check',
        columns: [partitionKey.columns[0]!],
        name: `${table.name}_partition_bounds`,
        expr: conditionNode(condition),
        text: condition,
        place: table.place,
      });
      this.note(table.place, `table ${table.name} is partitioned by ${by}: generated rows fall into its partitions (${condition})`);
    }
  }

  finish(): SchemaModel {
    this.applyPartitionBounds();
    this.applyComments();
    this.resolveTriggers();
    this.resolveInserts();
    return this.model;
  }
}
