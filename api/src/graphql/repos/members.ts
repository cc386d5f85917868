// generator_schema_members, as the caller. Only the owner may add, change or remove members (RLS).
import type { Tx } from '../../db/port.js';

export type MemberRole = 'VIEWER' | 'EDITOR';

export interface MemberRecord {
  schemaId: string;
  memberId: string;
  role: MemberRole;
  addedAt: Date;
}

type Row = Record<string, any>;

const SELECT = `select schema_id::text as schema_id, member_id::text as member_id, upper(role) as role, added_at
  from generator_schema_members`;

function toRecord(row: Row): MemberRecord {
  return { schemaId: row.schema_id, memberId: row.member_id, role: row.role, addedAt: new Date(row.added_at) };
}

export async function membersOfSchemas(tx: Tx, schemaIds: readonly string[]): Promise<MemberRecord[]> {
  const rows = await tx.query<Row>(`${SELECT} where schema_id = any($1::uuid[]) order by added_at, member_id`, [schemaIds]);
  return rows.map(toRecord);
}

/** The user id registered with `email`, through the security-definer lookup of the migrations. */
export async function userIdByEmail(tx: Tx, email: string): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string | null }>(`select public.find_user_id_by_email($1)::text as id`, [email]);
  return row?.id ?? undefined;
}

/** Inserts the membership; undefined when it already exists. */
export async function insertMember(tx: Tx, schemaId: string, memberId: string, role: MemberRole) {
  const rows = await tx.query<Row>(
    `insert into generator_schema_members (schema_id, member_id, role) values ($1::uuid, $2::uuid, $3)
     on conflict (schema_id, member_id) do nothing
     returning schema_id::text as schema_id, member_id::text as member_id, upper(role) as role, added_at`,
    [schemaId, memberId, role.toLowerCase()],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function updateMemberRole(tx: Tx, schemaId: string, memberId: string, role: MemberRole) {
  const rows = await tx.query<Row>(
    `update generator_schema_members set role = $3 where schema_id = $1::uuid and member_id = $2::uuid
     returning schema_id::text as schema_id, member_id::text as member_id, upper(role) as role, added_at`,
    [schemaId, memberId, role.toLowerCase()],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function deleteMember(tx: Tx, schemaId: string, memberId: string): Promise<boolean> {
  const rows = await tx.query(`delete from generator_schema_members where schema_id = $1::uuid and member_id = $2::uuid returning member_id`, [
    schemaId,
    memberId,
  ]);
  return rows.length > 0;
}
