#!/usr/bin/env bash
# Runs the pgTAP suite (supabase/tests/database/*.test.sql) against a fresh database:
# create it on the server of DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
# `tdg migrate` it, `create extension pgtap`, pg_prove, and drop it whatever happened.
# Needs: psql, pg_prove (Debian: postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
server_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
db_name="tdg_pgtap_$(date +%s)_$$"
db_url="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$server_url" "$db_name")"
export PGTZ=UTC # the migrations' defaults use timezone('utc', now()), as on Supabase

for tool in psql pg_prove node; do
  command -v "$tool" >/dev/null || { echo "pgtap.sh: $tool not found" >&2; exit 2; }
done

drop_db() {
  psql "$server_url" -v ON_ERROR_STOP=1 -qc "drop database if exists \"$db_name\" with (force)" >/dev/null || true
}
trap drop_db EXIT

psql "$server_url" -v ON_ERROR_STOP=1 -qc "create database \"$db_name\""
(cd "$root" && DATABASE_URL="$db_url" "$root/node_modules/.bin/tsx" api/src/cli/main.ts migrate)
psql "$db_url" -v ON_ERROR_STOP=1 -qc "create extension if not exists pgtap"
pg_prove --dbname "$db_url" --ext .sql "$@" "$root"/supabase/tests/database/*.test.sql
