// generator_schemas, always read and written as the caller (row level security decides).
import type { ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import type { Tx } from '../../db/port.js';
import { CURSOR_COLUMN, keysetPage } from './keyset.js';

export type SchemaAccess = 'OWNER' | 'EDITOR' | 'VIEWER';
export type Ownership = 'MINE' | 'SHARED' | 'ALL';

export interface SchemaRecord {
  id: string;
  ownerId: string;
  name: string;
  description: string | null;
  definition: unknown;
  engine: string | null;
  seed: string | null;
  isShared: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  myRole: SchemaAccess;
  cursor: string;
}

// $1 is always the caller's id, so my_role needs no auth.uid() in the query.
const SELECT = `select s.id::text as id, s.owner_id::text as owner_id, s.name, s.description,
  s.schema_definition, s.engine, s.seed, s.is_shared, s.version, s.created_at, s.updated_at,
  case when s.owner_id = $1::uuid then 'OWNER'
       else coalesce((select upper(m.role) from generator_schema_members m
                      where m.schema_id = s.id and m.member_id = $1::uuid), 'VIEWER') end as my_role,
  ${CURSOR_COLUMN('s')}
  from generator_schemas s`;

type Row = Record<string, any>;

function toRecord(row: Row): SchemaRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    name: row.name,
    description: row.description,
    definition: row.schema_definition,
    engine: row.engine,
    seed: row.seed,
    isShared: row.is_shared,
    version: Number(row.version),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    myRole: row.my_role,
    cursor: row.cursor,
  };
}

export interface SchemaFilter {
  ownership: Ownership;
  search?: string | null;
}

export async function listSchemas(tx: Tx, userId: string, filter: SchemaFilter, page: ResolveCursorConnectionArgs) {
  const params: unknown[] = [userId];
  const conditions: string[] = [];
  if (filter.ownership === 'MINE') conditions.push('s.owner_id = $1::uuid');
  if (filter.ownership === 'SHARED') conditions.push('s.owner_id <> $1::uuid');
  const search = filter.search?.trim();
  if (search) {
    params.push(`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const p = `$${params.length}`;
    // field names: every `name` of an object inside a `fields` array, whatever the nesting
    params.push(search);
    // whole words through the migration's search_vector, substrings (search as you type) by ilike
    conditions.push(`(s.search_vector @@ websearch_to_tsquery('simple', $${params.length})
      or s.name ilike ${p} or s.description ilike ${p}
      or exists (select 1 from jsonb_path_query(s.schema_definition, 'lax $.**.fields[*].name') as f(name)
                 where f.name #>> '{}' ilike ${p}))`);
  }
  const keyset = keysetPage('s', page, params);
  conditions.push(...keyset.conditions);
  const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
  const rows = await tx.query<Row>(`${SELECT} ${where} ${keyset.orderAndLimit}`, params);
  return rows.map(toRecord);
}

export async function schemasByIds(tx: Tx, userId: string, ids: readonly string[]): Promise<SchemaRecord[]> {
  const rows = await tx.query<Row>(`${SELECT} where s.id = any($2::uuid[])`, [userId, ids]);
  return rows.map(toRecord);
}

export async function findSchema(tx: Tx, userId: string, id: string): Promise<SchemaRecord | undefined> {
  return (await schemasByIds(tx, userId, [id]))[0];
}

export interface SchemaInput {
  name: string;
  description?: string | null;
  definition: unknown;
  seed?: string | null;
  engine?: string | null;
}

export async function insertSchema(tx: Tx, userId: string, input: SchemaInput): Promise<SchemaRecord> {
  const [row] = await tx.query<{ id: string }>(
    `insert into generator_schemas (owner_id, name, description, schema_definition, seed, engine)
     values ($1::uuid, $2, $3, $4::jsonb, $5, coalesce($6, 'tdg@1'))
     returning id::text as id`,
    [userId, input.name, input.description ?? null, JSON.stringify(input.definition), input.seed ?? null, input.engine ?? null],
  );
  return (await findSchema(tx, userId, row.id))!;
}

export interface SchemaPatch {
  name?: string | null;
  description?: string | null;
  definition?: unknown;
  seed?: string | null;
}

/** Applies the patch when `expectedVersion` is current; undefined when no row was updated. */
export async function updateSchema(tx: Tx, userId: string, id: string, expectedVersion: number, patch: SchemaPatch) {
  const sets: string[] = [];
  const params: unknown[] = [userId, id, expectedVersion];
  const set = (column: string, value: unknown, cast = '') => {
    params.push(value);
    sets.push(`${column} = $${params.length}${cast}`);
  };
  if (patch.name != null) set('name', patch.name);
  if (patch.description !== undefined) set('description', patch.description);
  if (patch.definition !== undefined && patch.definition !== null) set('schema_definition', JSON.stringify(patch.definition), '::jsonb');
  if (patch.seed !== undefined) set('seed', patch.seed);
  // the update trigger bumps version and updated_at; `name = name` keeps an empty patch valid
  const rows = await tx.query<{ id: string }>(
    `update generator_schemas s set ${sets.length ? sets.join(', ') : 'name = s.name'}
     where s.id = $2::uuid and s.version = $3 and $1::uuid is not null
     returning s.id::text as id`,
    params,
  );
  return rows[0] ? findSchema(tx, userId, id) : undefined;
}

export async function deleteSchema(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.query(`delete from generator_schemas where id = $1::uuid returning id`, [id]);
  return rows.length > 0;
}

export async function setSchemaShared(tx: Tx, userId: string, id: string, shared: boolean) {
  const rows = await tx.query(`update generator_schemas set is_shared = $2, updated_at = now() where id = $1::uuid and owner_id = $3::uuid returning id`, [
    id,
    shared,
    userId,
  ]);
  return rows.length > 0 ? findSchema(tx, userId, id) : undefined;
}
