// Real databases for the import tests: PGlite always, the PostgreSQL server when it answers.
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import postgres, { type Sql } from 'postgres';
import { withNoDelay } from '../../src/db/no-delay.js';

export const SERVER_URL = process.env.TDG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}.sql`, import.meta.url), 'utf8');
}

/** What a Supabase project provides before its migrations run (the part our fixtures use). */
export const SUPABASE_BASE = `
create schema if not exists auth;
create table if not exists auth.users (id uuid primary key, email varchar(255));
create table if not exists auth.identities (id uuid primary key, user_id uuid not null references auth.users, provider_id text not null, provider text not null, identity_data jsonb not null);
create or replace function auth.uid() returns uuid language sql stable as $$ select null::uuid $$;
do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then create role anon; end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then create role authenticated; end if;
end $$;
`;

export async function openPglite(): Promise<PGlite> {
  return PGlite.create({ extensions: { citext } });
}

export async function serverAvailable(): Promise<boolean> {
  const sql = postgres(SERVER_URL, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** A fresh database on the server, dropped afterwards. */
export async function withServerDatabase<T>(fn: (sql: Sql, url: string) => Promise<T>): Promise<T> {
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  const name = `tdg_import_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.unsafe(`create database ${name}`);
  const url = SERVER_URL.replace(/\/[^/]*$/, `/${name}`);
  const sql = postgres(url, withNoDelay({ max: 1, onnotice: () => {} }));
  try {
    return await fn(sql, url);
  } finally {
    await sql.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
