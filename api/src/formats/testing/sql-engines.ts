import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import initSqlJs from 'sql.js';
import type { TableShape } from '../../engine/shape.js';

// Loads SQL scripts into real engines and reads the tables back as raw cells in column order.

export function answers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const selectJson = (shape: TableShape) => `SELECT row_to_json(t)::text AS j FROM "${shape.name}" t`;

function jsonRows(shape: TableShape, texts: string[]): unknown[][] {
  return texts.map((text) => {
    const o = JSON.parse(text) as Record<string, unknown>;
    return shape.columns.map((c) => o[c.name]);
  });
}

export interface Loaded {
  rows(shape: TableShape): Promise<unknown[][]>;
  /** Runs a statement that must fail (constraint checks); resolves with the error message. */
  failure(sql: string): Promise<string>;
  foreignKeyCount(): Promise<number>;
  close(): Promise<void>;
}

// PGlite takes seconds to start on a busy machine: one per test file, with a fresh schema per load
let sharedPglite: PGlite | undefined;

export async function loadPglite(script: string): Promise<Loaded> {
  const db = (sharedPglite ??= new PGlite());
  await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  await db.exec(script);
  return {
    async rows(shape) {
      const r = await db.query<{ j: string }>(selectJson(shape));
      return jsonRows(
        shape,
        r.rows.map((x) => x.j),
      );
    },
    async failure(sql) {
      return db.exec(sql).then(
        () => 'no error',
        (e: Error) => e.message,
      );
    },
    async foreignKeyCount() {
      const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f'`);
      return r.rows[0].n;
    },
    close: async () => {},
  };
}

/** A throwaway database on the PostgreSQL server, dropped by close(). */
export async function loadPostgresServer(script: string): Promise<Loaded> {
  const name = `tdg_formats_${randomBytes(5).toString('hex')}`;
  const admin = postgres({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres', onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  // one connection: the script runs its own BEGIN/COMMIT
  const db = postgres({ host: '127.0.0.1', port: 5432, user: 'postgres', database: name, max: 1, onnotice: () => {} });
  const close = async () => {
    await db.end();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  };
  try {
    await db.unsafe(script);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    async rows(shape) {
      const r = await db.unsafe<{ j: string }[]>(selectJson(shape));
      return jsonRows(
        shape,
        r.map((x) => x.j),
      );
    },
    async failure(sql) {
      return db.unsafe(sql).then(
        () => 'no error',
        (e: Error) => e.message,
      );
    },
    async foreignKeyCount() {
      const r = await db.unsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f'`);
      return r[0].n;
    },
    close,
  };
}

export async function loadSqlite(script: string): Promise<Loaded & { foreignKeyViolations(): number }> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec('PRAGMA foreign_keys = ON;');
  db.exec(script);
  return {
    async rows(shape) {
      const r = db.exec(`SELECT * FROM "${shape.name}"`);
      return r.length === 0 ? [] : (r[0].values as unknown[][]);
    },
    async failure(sql) {
      try {
        db.exec(sql);
        return 'no error';
      } catch (e) {
        return (e as Error).message;
      }
    },
    async foreignKeyCount() {
      const tables = db.exec(`SELECT name FROM sqlite_master WHERE type = 'table'`)[0].values.map((v) => String(v[0]));
      let n = 0;
      for (const t of tables) n += db.exec(`PRAGMA foreign_key_list("${t}")`)[0]?.values.length ?? 0;
      return n;
    },
    foreignKeyViolations: () => db.exec('PRAGMA foreign_key_check')[0]?.values.length ?? 0,
    close: async () => db.close(),
  };
}

export async function loadMysql(script: string): Promise<Loaded> {
  const mysql = await import('mysql2/promise');
  const name = `tdg_formats_${randomBytes(5).toString('hex')}`;
  const conn = await mysql.createConnection({
    host: '127.0.0.1',
    port: 3306,
    user: 'root',
    password: '',
    database: 'test',
    multipleStatements: true,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
  });
  await conn.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4`);
  await conn.query(`USE ${name}`);
  const close = async () => {
    await conn.query(`DROP DATABASE IF EXISTS ${name}`);
    await conn.end();
  };
  try {
    await conn.query(script);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    async rows(shape) {
      const [rows] = await conn.query({ sql: `SELECT * FROM \`${shape.name}\``, rowsAsArray: true });
      return rows as unknown[][];
    },
    async failure(sql) {
      return conn.query(sql).then(
        () => 'no error',
        (e: Error) => e.message,
      );
    },
    async foreignKeyCount() {
      const [rows] = await conn.query(`SELECT count(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?`, [name]);
      return Number((rows as { n: number }[])[0].n);
    },
    close,
  };
}
